// End-to-end: the managers' flow of issue 4 in the Agents Playground. Opening the team channel installs the bot (the
// current user, Wei Zhang, becomes the team's manager; the roster's other five users become reps); `@SalesCoach team`
// lists the reps without targets; in Personal Chat the manager sets a yearly target for one rep by display name; back in
// the channel the leaderboard ranks that rep (% of the month's share of the target) above the others ("No target"); a
// rep may not set targets; with the manager's language set to Chinese, `@SalesCoach 排行榜` answers in Chinese; and
// `团队 可见 经理` (team visibility managers) keeps the cards out of the channel until `团队 可见 所有人`; and typed as Chinese
// users type (`设置目标 Li Na 营收 ３月 15万` with a full-width digit, `记录成交12万` with no space) the manager gets the target
// set for next March and the targets card with the logged deal.
// The scenarios build on each other (one bot and database per file), so they run in this order. See README.md.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { playgroundPort } from './harness.mjs';
import { playgroundSession, uiTimeout } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  tenantId: '7d2a61c5-0e4b-4c39-9f1e-2b8a6f0c5e01',
  bot: { id: '28:5b1e0c7a-3f2d-4a8e-9c61-0d4f7e2b9a13', name: 'SalesCoach' },
  personalChatId: 'a:salescoach-e2e-personal',
  manager: 'Wei Zhang',
  target: 'Li Na',
  rep: { id: '29:e2e-rep-2', name: 'Chen Jie', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f03' },
  reps: ['Li Na', 'Chen Jie', 'Megan Bowen', 'Wang Fang', 'Adele Vance'],
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('team', { viewport: { width: 1400, height: 1600 }, fullPageScreenshots: true });

/** The visible text (with line breaks between blocks) of the newest card matching `pattern`. */
async function cardText(pattern) {
  const card = session.page.locator('.ac-adaptiveCard', { hasText: pattern }).last();
  await card.waitFor({ timeout: uiTimeout });
  return card.innerText();
}

/** The lines of `text` from the one naming `name` up to (not including) the next rep's name or the end. */
function linesOf(text, name) {
  const lines = text.split('\n').map(line => line.trim()).filter(Boolean);
  const start = lines.indexOf(name);
  assert.notEqual(start, -1, `no line "${name}" in: ${text}`);
  const others = context.reps.filter(rep => rep !== name);
  let end = lines.findIndex((line, index) => index > start && others.includes(line));
  end = end === -1 ? lines.length : end;
  return lines.slice(start, end).join(' | ');
}

/** Waits for a bot message (text or card) matching `pattern` that shows up after `send`. */
async function messageAfter(send, pattern, timeout = 20_000) {
  const before = await session.page.evaluate(({ source, flags }) => (document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? []).length,
    { source: pattern.source, flags: pattern.flags });
  await session.ui.waitForQuiet();
  await send();
  const handle = await session.page.waitForFunction(({ source, flags, count }) => {
    const found = document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? [];
    return found.length > count ? found[found.length - 1] : null;
  }, { source: pattern.source, flags: pattern.flags, count: before }, { timeout, polling: 250 });
  return handle.jsonValue();
}

scenario('teamChannel_Team_ListsEveryRepWithoutATarget', async () => {
  await session.ui.openConversation(context.channel);
  // The install (channelData.team on the open) sets the team up; wait for its welcome card first.
  await cardText(/I've set up .+ with \d+ members; .+ manages it\./);

  await session.ui.ask(() => session.ui.postMentioning(context.bot.name, 'team'), new RegExp(`Team ${context.teamName}`));
  const card = await cardText(new RegExp(`Team ${context.teamName}`));
  for (const rep of context.reps) {
    assert.match(linesOf(card, rep), /No target set/, `${rep} has a target already`);
  }
  assert.ok(!card.split('\n').includes(context.manager), `the manager is listed as a rep: ${card}`);
});

scenario('personalChat_SetTargetByDisplayName_ConfirmsWithTheMonthlySplit', async () => {
  await session.ui.openConversation('Personal Chat');
  const answer = await messageAfter(() => session.ui.sendChatMessage(`set target ${context.target} revenue year 1.2m`),
    /\d{4} Revenue target for .+? set to ¥1,200,000 → ¥100,000 a month, about ¥[\d,]+ a week\./);
  assert.match(answer, new RegExp(`Revenue target for ${context.target} set to`));
});

scenario('teamChannel_Leaderboard_RanksTheRepWithATargetFirstAndTheOthersWithout', async () => {
  await session.ui.openConversation(context.channel);
  await session.ui.ask(() => session.ui.postMentioning(context.bot.name, 'leaderboard'), /Leaderboard · /);
  const card = await cardText(/Leaderboard · /);
  assert.match(card, /Ranked by % of the Revenue target/);
  // Month view: a twelfth of the yearly target (nothing logged, so 0%); the manager asked, so each rep has a Praise button.
  assert.match(linesOf(card, context.target), /¥0 \/ ¥100,000 \| Praise \| 0%/);
  const lines = card.split('\n').map(line => line.trim()).filter(Boolean);
  assert.equal(lines[lines.indexOf(context.target) - 1], '🥇', `${context.target} is not first: ${card}`);
  for (const rep of context.reps.filter(name => name !== context.target)) {
    assert.match(linesOf(card, rep), /No target/, `${rep} shows a target: ${card}`);
  }

  // The Year button (Action.Execute) replaces the same card with the year view: the whole target, no new message.
  const leaderboard = session.page.locator('.ac-adaptiveCard', { hasText: 'This month' }).filter({ hasText: 'Leaderboard · ' }).last();
  await leaderboard.evaluate(element => element.setAttribute('data-e2e-leaderboard', ''));
  const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
  await session.ui.waitForQuiet();
  await leaderboard.getByRole('button', { name: 'Year', exact: true }).click();
  const yearCard = session.page.locator('.ac-adaptiveCard', { hasText: 'Leaderboard · ' }).filter({ hasText: '¥1,200,000' });
  await yearCard.first().waitFor({ timeout: uiTimeout });
  const year = await yearCard.first().innerText();
  assert.match(linesOf(year, context.target), /¥0 \/ ¥1,200,000 \| Praise \| 0%/);
  assert.doesNotMatch(year, /This month/);
  assert.equal(await session.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'Year added a card instead of replacing it');
});

scenario('personalChat_RepSetsTarget_IsRefused', async () => {
  // The Playground has no user switch: a custom activity from a rep's account stands in for the rep's own 1:1 chat
  // (it goes into the one personal chat the UI shows, so the answer is visible there).
  await session.ui.openConversation('Personal Chat');
  const answer = await messageAfter(() => session.ui.sendCustomActivity({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: { id: context.rep.id, name: context.rep.name, aadObjectId: context.rep.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text: `set target ${context.target} revenue year 2m`,
    textFormat: 'plain',
    locale: 'en-US',
  }), /Only a team's managers can set targets\./);
  assert.equal(answer, "Only a team's managers can set targets.");
});

scenario('teamChannel_LeaderboardInChinese_CardEntirelyInChinese', async () => {
  await session.ui.openConversation('Personal Chat');
  // The composer always sends en-US; the manager's language setting wins over it.
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });

  await session.ui.openConversation(context.channel);
  await session.ui.ask(() => session.ui.postMentioning(context.bot.name, '排行榜'), /排行榜 · /);
  const card = await cardText(/排行榜 · /);
  assert.match(card, /按销售额目标完成率排名/);
  assert.match(linesOf(card, context.target), /¥0 \/ ¥10万/);
  assert.match(linesOf(card, 'Chen Jie'), /未设定目标/);
  for (const english of ['Leaderboard', 'Ranked by', 'No target', 'Revenue', 'Most improved', 'As of']) {
    assert.ok(!card.includes(english), `English "${english}" in the Chinese card: ${card}`);
  }
});

scenario('teamChannel_VisibilityManagersOnly_ChannelCardsPointToTheOneToOneChat', async () => {
  // The manager's language is Chinese since the scenario above, so the setting is typed and answered in Chinese.
  await session.ui.openConversation(context.channel);
  const current = await messageAfter(() => session.ui.postMentioning(context.bot.name, '团队 可见'), /频道里的所有人都能看到团队卡片和排行榜/);
  assert.match(current, /频道里的所有人都能看到团队卡片和排行榜/);

  await messageAfter(() => session.ui.postMentioning(context.bot.name, '团队 可见 经理'), /团队卡片和排行榜现在仅对经理开放/);
  const refused = await messageAfter(() => session.ui.postMentioning(context.bot.name, '排行榜'), /团队进度仅对经理开放，所以我不会在这个频道里显示/);
  assert.match(refused, /团队进度仅对经理开放/);

  // Back to the default, so the file leaves the team as it found it.
  await messageAfter(() => session.ui.postMentioning(context.bot.name, '团队 可见 所有人'), /现在这个频道里的所有人都能看到/);
});

scenario('personalChat_ChineseAsTyped_FullWidthTargetAndGluedLog', async () => {
  // Typed as a Chinese IME and voice input write it: a full-width digit (３月) and a command with no space after its word.
  // The manager's language is Chinese since the leaderboard scenario above. March without a year is next March once
  // this year's has ended, so the answer names the year.
  await session.ui.openConversation('Personal Chat');
  const set = await messageAfter(() => session.ui.sendChatMessage(`设置目标 ${context.target} 营收 ３月 15万`),
    new RegExp(`已将${context.target}在\\d{4}年3月的销售额目标设为 ¥15万`));
  assert.match(set, /\d{4}年3月/);

  const logged = await session.ui.ask(() => session.ui.sendChatMessage('记录成交12万'), /已记录：销售额 ¥12万和签约 1 份/);
  assert.match(logged, /的目标与进度/);
  assert.match(logged, /¥12万/);
  assert.ok(!logged.includes('我没听懂'), `the glued command was not understood: ${logged}`);
});

scenario('personalChat_FeedbackInChinese_ManagersCopyThenTheRepsHistory', async () => {
  // The manager (Chinese since the leaderboard scenario) gives Chen Jie private feedback; the copy arrives in the
  // manager's 1:1. Then Chen Jie (a custom activity from the rep's account, as above) types 反馈 and sees it in the history.
  await session.ui.openConversation('Personal Chat');
  const note = '今天跟进华为的报价';
  const copy = await messageAfter(() => session.ui.sendChatMessage(`反馈 ${context.rep.name} ${note}`), new RegExp(`给${context.rep.name}的反馈`), 30_000);
  assert.match(copy, new RegExp(`给${context.rep.name}的反馈`));

  const history = await messageAfter(() => session.ui.sendCustomActivity({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: { id: context.rep.id, name: context.rep.name, aadObjectId: context.rep.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text: '反馈',
    textFormat: 'plain',
    locale: 'zh-CN',
  }), /你收到的反馈和表扬/, 30_000);
  assert.match(history, /你收到的反馈和表扬/);
  const card = await cardText(/你收到的反馈和表扬/);
  assert.ok(card.includes(note), `the feedback is not in the history: ${card}`);
});
