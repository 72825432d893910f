// End-to-end: commission in the Agents Playground. Opening Sales Team › General installs the bot (the current user, Wei
// Zhang, manages the team). In Personal Chat the manager sets the team's plan (`commission plan revenue 0:2 80:3 100:5
// marginal`), reads it back (`commission plan`) and gets the team's commission card (`commission`); `commission` in the
// channel is refused (commission is private) and shows no card; in Chinese `提成 方案` and `提成` answer in Chinese.
//
// The rep's side: the Playground cannot make its current user a rep. Its user is the `currentUser` of
// .m365agentsplayground.yml, fixed when it starts (0.2.28 has no user switch in the UI or its API), and whoever opens
// the team channel first installs the bot and becomes the team's manager; a yml whose current user is a rep would only
// make that rep the installer, hence the manager. So, as in team.test.mjs, a custom activity from rep Chen Jie (one of the
// yml's users) in the personal chat stands in for the rep's own 1:1 chat: he logs a deal and gets his own scorecard and
// commission cards. The scenarios build on each other (one bot and database per file). See README.md.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { playgroundPort } from './harness.mjs';
import { playgroundSession, uiTimeout } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  tenantId: '7d2a61c5-0e4b-4c39-9f1e-2b8a6f0c5e01',
  bot: { id: '28:5b1e0c7a-3f2d-4a8e-9c61-0d4f7e2b9a13', name: 'SalesCoach' },
  personalChatId: 'a:salescoach-e2e-personal',
  rep: { id: '29:e2e-rep-2', name: 'Chen Jie', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f03' },
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('commission', { viewport: { width: 1400, height: 1600 }, fullPageScreenshots: true });

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

/** A message from rep Chen Jie in the personal chat, as his own 1:1 chat would send it. */
function fromRep(text) {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: { id: context.rep.id, name: context.rep.name, aadObjectId: context.rep.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text,
    textFormat: 'plain',
    locale: 'en-US',
  };
}

scenario('personalChat_ManagerSetsAPlan_SeesItAndTheTeamCard_ChannelIsRefused', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });

  await session.ui.openConversation('Personal Chat');
  // Patterns run to the plan's last tier: the log panel shows the same messages cut short, which must not match.
  const saved = await messageAfter(() => session.ui.sendChatMessage('commission plan revenue 0:2 80:3 100:5 marginal'),
    new RegExp(`Commission plan of ${context.teamName} saved: [^\\n]*from 100%: 5%`));
  assert.match(saved, /marginal/);
  const shown = await messageAfter(() => session.ui.sendChatMessage('commission plan'), new RegExp(`Commission plan of ${context.teamName}: [^\\n]*from 100%: 5%`));
  assert.match(shown, /on Revenue, monthly: from 0%: 2% · from 80%: 3% · from 100%: 5%/);
  const card = await session.ui.ask(() => session.ui.sendChatMessage('commission'), /Team commission/);
  assert.match(card, /Team total/);
  assert.match(card, /Chen Jie/);

  await session.ui.openConversation(context.channel);
  const refused = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'commission'), /Commission is private[^\n]*/);
  assert.match(refused, /1:1 chat/);
  assert.equal(await session.page.locator('.ac-adaptiveCard', { hasText: /Team commission|Your commission/ }).count(), 0, 'a commission card was shown in the channel');
});

scenario('personalChat_ManagerInChinese_PlanAndTeamCard', async () => {
  await session.ui.openConversation('Personal Chat');
  // The composer always sends en-US; the manager's language setting wins over it.
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });

  const plan = await messageAfter(() => session.ui.sendChatMessage('提成 方案'), new RegExp(`${context.teamName} 的提成方案：[^\\n]*`));
  assert.match(plan, /分段/);
  const card = await session.ui.ask(() => session.ui.sendChatMessage('提成'), /团队提成/);
  assert.match(card, /团队合计/);
  assert.doesNotMatch(card, /Team commission|Team total/);
});

scenario('personalChat_Rep_SeesTheirOwnScorecardAndCommission', async () => {
  await session.ui.openConversation('Personal Chat');
  // A target for the rep (the manager, now in Chinese), then his deal: ¥50,000 of ¥100,000 this month.
  await messageAfter(() => session.ui.sendChatMessage(`set target ${context.rep.name} revenue year 1.2m`), /Chen Jie[^\n]*¥1,200,000|Chen Jie[^\n]*¥120万/);
  await messageAfter(() => session.ui.sendCustomActivity(fromRep('log deal 50000 Acme')), /Logged ¥50,000 revenue/);

  const scorecard = await session.ui.ask(() => session.ui.sendCustomActivity(fromRep('scorecard')), /Scorecard · [^\n]*Chen Jie/, { attempts: 1 });
  assert.match(scorecard, /Total score/);
  assert.doesNotMatch(scorecard, /Team scorecard/);
  // 50 % of target is in the first tier: 50,000 × 2 % = ¥1,000.
  const commission = await session.ui.ask(() => session.ui.sendCustomActivity(fromRep('commission')), /Your commission/, { attempts: 1 });
  assert.match(commission, /¥1,000/);
  assert.doesNotMatch(commission, /Team total/);
});
