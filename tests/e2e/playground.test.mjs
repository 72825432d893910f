// End-to-end: the built bot answers a person typing in the Microsoft 365 Agents Playground (a local
// Teams-like web client), driven through its real web UI by headless Chromium. See README.md.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { playgroundPort } from './harness.mjs';
import { playgroundSession } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  tenantId: '7d2a61c5-0e4b-4c39-9f1e-2b8a6f0c5e01',
  bot: { id: '28:5b1e0c7a-3f2d-4a8e-9c61-0d4f7e2b9a13', name: 'SalesCoach' },
  user: { id: '29:e2e-manager', name: 'Wei Zhang', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f01' },
  personalChatId: 'a:salescoach-e2e-personal',
  teamName: 'Sales Team',
};

const { session, scenario } = playgroundSession('playground');

scenario('personalChat_Help_AnswersWithOurChatHelpCard', async () => {
  await session.ui.openConversation('Personal Chat');
  const card = await session.ui.ask(() => session.ui.sendChatMessage('help'), /What I can do in our chat/);
  assert.match(card, /What I can do in our chat/);
});

scenario('teamChannel_MentionHelp_AnswersWithChannelHelpCard', async () => {
  await session.ui.openConversation(`${context.teamName} - General`);
  // Picking the bot from the @ menu inserts a real mention entity, as Teams does.
  const card = await session.ui.ask(() => session.ui.postMentioning(context.bot.name, 'help'), /What I can do in this channel/);
  assert.match(card, /What I can do in this channel/);
});

scenario('personalChat_ZhCnLocale_AnswersInChinese', async () => {
  // The Playground's composer always sends locale en-US; its "Custom activity" mock sends any activity
  // JSON, so it carries a message with locale zh-CN into the personal chat.
  await session.ui.openConversation('Personal Chat');
  const activity = {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: context.user,
    recipient: context.bot,
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text: '帮助',
    textFormat: 'plain',
    locale: 'zh-CN',
    entities: [{ type: 'clientInfo', locale: 'zh-CN', country: 'CN', platform: 'Web' }],
  };
  const card = await session.ui.ask(() => session.ui.sendCustomActivity(activity), /我在私聊中能做什么/);
  assert.match(card, /我在私聊中能做什么/);
  assert.doesNotMatch(card, /What I can do/, 'the zh-CN answer is the English card');
});
