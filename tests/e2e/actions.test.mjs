// End-to-end: the weekly meeting's action items in Sales Team › General of the Microsoft 365 Agents Playground. Opening
// the channel installs the bot (the current user, Wei Zhang, manages the team). The manager records an action item for a
// rep (`action @Li Na call Huawei back friday`, with real mentions of the bot and of the rep),
// lists the open ones (`actions`) and closes it (`done 1`); then the same in Chinese (`行动项 @Li Na 回访华为 周五`,
// `行动项`, `完成 2`). See README.md.
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

const context = {
  bot: { name: 'SalesCoach' },
  rep: 'Li Na',
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('actions', { viewport: { width: 1400, height: 1400 } });

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

/** Posts `@SalesCoach <before> @<rep> <after>` in the channel with real mentions, as onboarding.test.mjs does. */
async function postForRep(before, after) {
  const composer = session.page.locator('div[role=group]', { hasText: 'Start a new post' }).locator('div[role=textbox]');
  await composer.click();
  await session.page.keyboard.type(`@${context.bot.name.slice(0, 5)}`);
  await session.page.getByRole('menuitem', { name: context.bot.name }).click();
  await session.page.keyboard.type(` ${before} `);
  await session.page.keyboard.type(`@${context.rep.slice(0, 2)}`);
  await session.page.getByRole('menuitem', { name: context.rep }).click();
  await session.page.keyboard.type(` ${after}`);
  await session.page.getByRole('button', { name: 'Post', exact: true }).click();
}

function countOnPage(pattern) {
  return session.page.evaluate(({ source, flags }) => (document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? []).length,
    { source: pattern.source, flags: pattern.flags });
}

scenario('teamChannel_ActionItem_RecordedListedAndDone', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });

  const created = await messageAfter(() => postForRep('action', 'call Huawei back friday'),
    new RegExp(`Action item #1 of ${context.teamName} for ${context.rep}: “call Huawei back”, due [^\\n]+\\.`));
  assert.match(created, /due \w{3}, \w{3} \d{1,2}, \d{4}\./);

  await messageAfter(() => session.ui.postMentioning(context.bot.name, 'actions'), new RegExp(`#1 call Huawei back — ${context.rep} · due`));

  const done = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'done 1'),
    new RegExp(`Done: action item #1 of ${context.teamName}, “call Huawei back” \\(${context.rep}\\)\\.`));
  assert.ok(done);
});

scenario('teamChannel_ActionItemInChinese_RecordedListedAndDone', async () => {
  // The composer always sends en-US; the manager's language setting wins over it.
  await session.ui.openConversation('Personal Chat');
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });
  await session.ui.openConversation(context.channel);

  const created = await messageAfter(() => postForRep('行动项', '回访华为 周五'),
    new RegExp(`行动项 #2，负责人${context.rep}：“回访华为”，截止[^\\n]+。`));
  assert.match(created, /截止\d{4}年\d{1,2}月\d{1,2}日 周五/);

  await messageAfter(() => session.ui.postMentioning(context.bot.name, '行动项'), new RegExp(`#2 回访华为（负责人：${context.rep}）· 截止`));

  await messageAfter(() => session.ui.postMentioning(context.bot.name, '完成 2'), new RegExp(`已完成：${context.teamName}的行动项 #2，“回访华为”（${context.rep}）。`));
});
