// End-to-end: the weekly meeting in Sales Team › General of the Microsoft 365 Agents Playground. Opening the channel
// installs the bot (the current user, Wei Zhang, manages the team). The manager sets the meeting (`meeting monday 09:30`),
// adds an agenda item, and the agenda is posted through the admin API's trigger (POST …/agenda/post with the tenant's
// key, which the harness gives the bot); the card shows in the channel with the item. A second item updates the same
// card in place: no new agenda card, the posted one now lists both items. Then the same in Chinese: the manager and three
// reps use Chinese (so the team's language, that of most of its members, is Chinese), the meeting moves to Tuesday
// (`例会 改时间 周二 10:00`), `议程 添加 …` twice around the trigger, and the Chinese card is updated in place. See README.md.
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

const { session, scenario } = playgroundSession('meetings', { viewport: { width: 1400, height: 1400 } });

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

/** The agenda cards on screen whose text matches `pattern`. */
async function agendaCards(pattern) {
  return (await session.ui.cardTexts()).filter(text => pattern.test(text));
}

/** Waits until exactly one card matches `title` and contains every part (a card updated in place, never posted again). */
async function oneCardWith(title, parts, timeout = 30_000) {
  await session.page.waitForFunction(({ source, wanted }) => {
    const re = new RegExp(source);
    const cards = [...document.querySelectorAll('.ac-adaptiveCard')].map(c => c.textContent ?? '').filter(t => re.test(t) && wanted.every(w => t.includes(w)));
    return cards.length === 1;
  }, { source: title.source, wanted: parts }, { timeout, polling: 250 });
}

/** POST /api/admin/tenants/{tenant}/teams/{Teams team id}/agenda/post with the tenant's key. */
async function triggerAgenda() {
  const url = `http://localhost:${botPort}/api/admin/tenants/${context.tenantId}/teams/${encodeURIComponent(context.teamId)}/agenda/post`;
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

scenario('teamChannel_Meeting_AgendaTriggeredThenUpdatedInPlaceByASecondItem', async () => {
  await session.ui.openConversation(context.channel);
  // The install (channelData.team on the open) sets the team up; wait for its welcome card first.
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });

  // The Playground has no Microsoft Graph: the first answer also says, once, that the meeting is in no team calendar.
  const set = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'meeting monday 09:30'),
    new RegExp(`Weekly meeting of ${context.teamName} set: every Monday at 09:30[\\s\\S]*?Microsoft Graph is not configured for this bot`));
  assert.match(set, /every Monday at 09:30/);
  assert.match(set, /The meeting was not added to the team calendar because Microsoft Graph is not configured for this bot/);

  await messageAfter(() => session.ui.postMentioning(context.bot.name, 'agenda add Q4 pipeline review'),
    new RegExp(`Added to the agenda of ${context.teamName} for`));

  const title = new RegExp(`Weekly meeting agenda · ${context.teamName}`);
  await triggerAgenda();
  await oneCardWith(title, ['1. Q4 pipeline review — Wei Zhang', 'A manager turns agendas off with “meeting off”.']);

  const updated = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'agenda add Pricing for Acme'),
    /Added to the agenda of [^\n]*The agenda posted in the channel is updated\./);
  assert.match(updated, /“Pricing for Acme” The agenda posted/);
  // The same card now lists both items: still one agenda card with the first item, and it has the second.
  await oneCardWith(title, ['1. Q4 pipeline review — Wei Zhang', '2. Pricing for Acme — Wei Zhang']);
  assert.equal((await agendaCards(/Q4 pipeline review/)).length, 1);
});

scenario('teamChannel_MeetingInChinese_AgendaCardUpdatedInPlace', async () => {
  await session.ui.openConversation('Personal Chat');
  // The composer always sends en-US; the manager's language setting wins over it.
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });

  // Three reps write to the bot in Chinese (each asks for help in their 1:1 chat, which the Playground shows as this one):
  // with the manager, most of the team now uses Chinese, so the channel's agenda is in Chinese.
  for (const rep of context.reps) {
    await messageAfter(() => repInChinese(rep, '帮助'), /我在私聊中能做什么/);
  }

  await session.ui.openConversation(context.channel);

  const moved = await messageAfter(() => session.ui.postMentioning(context.bot.name, '例会 改时间 周二 10:00'),
    new RegExp(`已修改${context.teamName}的周例会时间：每星期二 10:00`));
  assert.match(moved, /星期二/);

  await messageAfter(() => session.ui.postMentioning(context.bot.name, '议程 添加 华为项目报价'), /已添加到.+议程：“华为项目报价”/);
  const title = new RegExp(`周例会议程 · ${context.teamName}`);
  await triggerAgenda();
  await oneCardWith(title, ['1. 华为项目报价（Wei Zhang提出）', '经理可以用“例会 关闭”停止发送议程。']);

  const updated = await messageAfter(() => session.ui.postMentioning(context.bot.name, '议程添加 客户回款'), /已添加到[^\n]*频道里的议程已同步更新/);
  assert.match(updated, /“客户回款”/);
  await oneCardWith(title, ['1. 华为项目报价（Wei Zhang提出）', '2. 客户回款（Wei Zhang提出）']);
  assert.equal((await agendaCards(/华为项目报价/)).length, 1);
});
