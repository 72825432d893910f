// End-to-end: the monthly review and the lead times in Sales Team › General of the Microsoft 365 Agents Playground.
// Opening the channel installs the bot (the current user, Wei Zhang, manages the team). The manager sets the weekly
// meeting, turns the monthly review on (`meeting review 16:00`) and sets the agenda's lead (`meeting agenda 2h`); the
// review agenda is posted through the admin API's trigger (POST …/review/post with the tenant's key) and the
// "Monthly review · Sales Team" card shows in the channel. Then in Chinese: the manager and three reps use Chinese, the
// manager sets the review (`例会 复盘 下午4点`) and the lead (`例会 议程 提前 1天`), skips the weekly meetings before the
// month's end so the review is the next of the two, adds an item (`议程 添加 …`) and the posted review card is updated in
// place in Chinese (月度复盘). See README.md.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { botPort, e2eAdminKey, e2eTenantId, playgroundPort } from './harness.mjs';
import { playgroundSession, uiTimeout } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  tenantId: e2eTenantId,
  bot: { id: '28:5b1e0c7a-3f2d-4a8e-9c61-0d4f7e2b9a13', name: 'SalesCoach' },
  manager: 'Wei Zhang',
  reps: [
    { id: '29:e2e-rep-1', name: 'Li Na', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f02' },
    { id: '29:e2e-rep-2', name: 'Chen Jie', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f03' },
    { id: '29:e2e-rep-4', name: 'Wang Fang', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f05' },
  ],
  personalChatId: 'a:salescoach-e2e-personal',
  teamId: '19:salescoach-e2e-team@thread.skype',
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('review', { viewport: { width: 1400, height: 1400 } });

/** Waits for a bot message (text or card) matching `pattern` that shows up after `send`. */
async function messageAfter(send, pattern, timeout = 20_000) {
  const before = await countOnPage(pattern);
  await session.ui.waitForQuiet();
  await send();
  const handle = await session.page.waitForFunction(({ source, flags, count }) => {
    const found = document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? [];
    return found.length > count ? found[found.length - 1] : null;
  }, { source: pattern.source, flags: pattern.flags, count: before }, { timeout, polling: 250 });
  return handle.jsonValue();
}

/** How often `pattern` occurs in the page's text now. */
function countOnPage(pattern) {
  return session.page.evaluate(({ source, flags }) => (document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? []).length,
    { source: pattern.source, flags: pattern.flags });
}

/** Waits until exactly one card matches `title` and contains every part (a card updated in place, never posted again). */
async function oneCardWith(title, parts, timeout = 30_000) {
  await session.page.waitForFunction(({ source, wanted }) => {
    const re = new RegExp(source);
    const cards = [...document.querySelectorAll('.ac-adaptiveCard')].map(c => c.textContent ?? '').filter(t => re.test(t) && wanted.every(w => t.includes(w)));
    return cards.length === 1;
  }, { source: title.source, wanted: parts }, { timeout, polling: 250 });
}

/** POST /api/admin/tenants/{tenant}/teams/{Teams team id}/review/post with the tenant's key. */
async function triggerReview() {
  const url = `http://localhost:${botPort}/api/admin/tenants/${context.tenantId}/teams/${encodeURIComponent(context.teamId)}/review/post`;
  const response = await fetch(url, { method: 'POST', headers: { 'X-Api-Key': e2eAdminKey }, signal: AbortSignal.timeout(20_000) });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.posted, true, JSON.stringify(body));
  return body;
}

/** A rep's message in Chinese in their own 1:1 chat, as Teams sends it (the Playground posts only as its current user). */
function repInChinese(rep, text) {
  return session.ui.sendCustomActivity({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: rep,
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text,
    textFormat: 'plain',
    locale: 'zh-CN',
  });
}

scenario('teamChannel_MonthlyReview_TurnedOnLeadSetAndReviewAgendaTriggered', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });

  await messageAfter(() => session.ui.postMentioning(context.bot.name, 'meeting monday 09:30'),
    new RegExp(`Weekly meeting of ${context.teamName} set: every Monday at 09:30`));

  const review = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'meeting review 16:00'),
    new RegExp(`Monthly review of ${context.teamName} set: the last working day of each month at 16:00[^\\n]*“meeting off” stops the weekly meeting and the review\\.`));
  assert.match(review, /“meeting review off” stops the review/);

  const lead = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'meeting agenda 2h'),
    new RegExp(`Lead times of ${context.teamName}: the agenda 2 h before the meeting[^\\n]*The agenda is posted here on Monday at 07:30`));
  assert.match(lead, /The agenda is posted here on Monday at 07:30/);

  const body = await triggerReview();
  assert.match(body.occurrence, /^\d{4}-\d{2}-\d{2}$/);
  await oneCardWith(new RegExp(`Monthly review · ${context.teamName}`), ['A manager turns the monthly review off with “meeting review off”.']);
});

scenario('teamChannel_MonthlyReviewInChinese_ReviewIsNextAndItsCardUpdatedInPlace', async () => {
  await session.ui.openConversation('Personal Chat');
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });
  for (const rep of context.reps) {
    await messageAfter(() => repInChinese(rep, '帮助'), /我在私聊中能做什么/);
  }

  await session.ui.openConversation(context.channel);
  const review = await messageAfter(() => session.ui.postMentioning(context.bot.name, '例会 复盘 下午4点'),
    new RegExp(`已设置${context.teamName}的月度复盘：每月最后一个工作日 16:00[^\\n]*“例会 关闭”会同时停止周例会和复盘。`));
  assert.match(review, /16:00/);
  await messageAfter(() => session.ui.postMentioning(context.bot.name, '例会 议程 提前 1天'),
    new RegExp(`${context.teamName}的提前时间：议程提前1天[^\\n]*添加议题`));

  // Skip the weekly meetings until the month's review comes first (at most five Mondays).
  for (let i = 0; i < 5; i++) {
    const shown = await messageAfter(() => session.ui.postMentioning(context.bot.name, '议程'), /(周例会议程|月度复盘) · Sales Team/);
    if (shown.startsWith('月度复盘')) {
      break;
    }

    await messageAfter(() => session.ui.postMentioning(context.bot.name, '例会 跳过'), /的例会已跳过/);
  }

  const added = await messageAfter(() => session.ui.postMentioning(context.bot.name, '议程 添加 年度总结'),
    /已添加到[^\n]*月度复盘的议程：“年度总结”[^\n]*频道里的议程已同步更新/);
  assert.match(added, /频道里的议程已同步更新/);
  await oneCardWith(/月度复盘 · Sales Team/, ['1. 年度总结（Wei Zhang提出）', '经理可以用“例会 复盘 关闭”停止月度复盘。']);
});
