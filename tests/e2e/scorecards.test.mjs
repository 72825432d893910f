// End-to-end: scorecards in the Microsoft 365 Agents Playground. Opening Sales Team › General installs the bot (the
// current user, Wei Zhang, manages the team). The manager sets the team's weights and cap in the channel; `scorecard`
// in the channel is refused (scorecards are private) and shows no card; in Personal Chat `scorecard` shows the team
// summary with the weights set. Then in Chinese: `绩效 权重` shows the weights and `绩效` the Chinese summary. (The
// Playground's current user is the team's manager, so the rep's own card is covered by the dotnet feature tests.)
// See README.md.
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

const context = {
  bot: { name: 'SalesCoach' },
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('scorecards', { viewport: { width: 1400, height: 1400 } });

/** Waits for a bot message (text or card) matching `pattern` that shows up after `send` (answers here are text, not cards). */
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

scenario('manager_SetsWeightsInTheChannel_ChannelIsRefused_SummaryInPersonalChat_EnglishAndChinese', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });

  const set = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'scorecard weights revenue 60 visits 40'),
    new RegExp(`Scorecard weights of ${context.teamName} set: Revenue 60%, Customer visits 40%\\.`));
  assert.match(set, /Revenue 60%/);
  await messageAfter(() => session.ui.postMentioning(context.bot.name, 'scorecard cap 130'), /attainment counts up to 130%/);
  const refused = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'scorecard'), /Scorecards are private[^\n]*/);
  assert.match(refused, /1:1 chat/);
  assert.equal(await session.page.locator('.ac-adaptiveCard', { hasText: 'Team scorecard' }).count(), 0, 'a scorecard was shown in the channel');

  await session.ui.openConversation('Personal Chat');
  const summary = await session.ui.ask(() => session.ui.sendChatMessage('scorecard'), /Team scorecard · /);
  assert.match(summary, /Weights: Revenue 60%, Customer visits 40%/);
  assert.match(summary, /Attainment counts up to 130%/);

  await session.ui.sendChatMessage('settings language zh-CN');
  await messageAfter(() => session.ui.sendChatMessage('绩效 权重'), /的绩效权重：销售额 60%/);
  const chinese = await session.ui.ask(() => session.ui.sendChatMessage('绩效'), /团队绩效 · /);
  assert.match(chinese, /权重：销售额 60%/);
});
