// End-to-end: praise with a real @mention in Sales Team › General of the Microsoft 365 Agents Playground. Opening the
// channel installs the bot (the current user, Wei Zhang, manages the team; Li Na is one of its reps); the manager adds a
// company value with `values add customer-first 3`, then posts `@SalesCoach praise @Li Na closed the Acme deal
// #customer-first`, picking both people from the composer's mention menu, so the activity carries real mention entities.
// The bot answers in the thread with the recognition card that @mentions Li Na and shows the giver, the reason, the
// value and the points; a praise without a mention entity (the name typed as text) is refused; `recognition` shows the
// team's board in the channel, without the managers-only list of who was not recognised. Then a rep praises the manager
// (the Playground's current user) in the channel, and the receiver's 1:1 note arrives in the personal chat. See README.md.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { playgroundPort } from './harness.mjs';
import { playgroundSession, uiTimeout } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  tenantId: '7d2a61c5-0e4b-4c39-9f1e-2b8a6f0c5e01',
  bot: { id: '28:5b1e0c7a-3f2d-4a8e-9c61-0d4f7e2b9a13', name: 'SalesCoach' },
  manager: 'Wei Zhang',
  managerUser: { id: '29:e2e-manager', name: 'Wei Zhang', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f01' },
  colleague: 'Li Na',
  colleagueUser: { id: '29:e2e-rep-1', name: 'Li Na', aadObjectId: '0c6f1d2e-9a3b-4e5f-8a71-3b2c4d5e6f02' },
  teamId: '19:salescoach-e2e-team@thread.skype',
  teamName: 'Sales Team',
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('recognition', { viewport: { width: 1400, height: 1200 } });

/** The visible text of the newest card matching `pattern`. */
async function cardText(pattern) {
  const card = session.page.locator('.ac-adaptiveCard', { hasText: pattern }).last();
  await card.waitFor({ timeout: uiTimeout });
  return card.innerText();
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

/** Posts `@SalesCoach <before> @<person> <after>` in the channel, both mentions picked from the composer's menu. */
async function postPraise(before, person, after) {
  const composer = session.page.locator('div[role=group]', { hasText: 'Start a new post' }).locator('div[role=textbox]');
  await composer.click();
  await session.page.keyboard.type(`@${context.bot.name.slice(0, 5)}`);
  await session.page.getByRole('menuitem', { name: context.bot.name }).click();
  await session.page.keyboard.type(` ${before} `);
  await session.page.keyboard.type(`@${person.slice(0, 2)}`);
  await session.page.getByRole('menuitem', { name: person }).click();
  await session.page.keyboard.type(` ${after}`);
  await session.page.getByRole('button', { name: 'Post', exact: true }).click();
}

scenario('teamChannel_PraiseWithARealMention_ShowsTheRecognitionCard', async () => {
  await session.ui.openConversation(context.channel);
  // The install (channelData.team on the open) sets the team up; wait for its welcome card first.
  await cardText(/I've set up .+ with \d+ members; .+ manages it\./);

  const added = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'values add customer-first 3'),
    new RegExp(`Added #customer-first \\(3 points\\) to ${context.teamName}\\.`));
  assert.match(added, /customer-first/);

  await messageAfter(() => postPraise('praise', context.colleague, 'closed the Acme deal #customer-first'), /Recognition/);
  const card = await cardText(/closed the Acme deal/);
  assert.match(card, /Recognition/);
  assert.match(card, new RegExp(`${context.manager} praised ${context.colleague}`));
  assert.match(card, /closed the Acme deal/);
  assert.match(card, /#customer-first/);
  assert.match(card, /\+3/);
});

scenario('teamChannel_PraiseNameTypedWithoutMention_IsRefused', async () => {
  await session.ui.openConversation(context.channel);
  const refused = await messageAfter(() => session.ui.postMentioning(context.bot.name, `praise ${context.colleague} great demo`),
    /Mention the people you praise/);
  assert.match(refused, /Mention the people you praise/);
});

scenario('teamChannel_RecognitionBoard_ShowsThisMonthAndQuarter_NeverWhoWasNotRecognised', async () => {
  await session.ui.openConversation(context.channel);
  await messageAfter(() => session.ui.postMentioning(context.bot.name, 'recognition'), /Recognition board/);
  const board = await cardText(/Recognition board/);
  assert.match(board, new RegExp(`Recognition board · ${context.teamName}`));
  assert.match(board, /This month/);
  assert.match(board, /This quarter/);
  // Who has not been recognised lately is for managers in their private chat, never in a channel.
  assert.doesNotMatch(board, /Not recognised/);
});

scenario('teamChannel_RepPraisesTheManager_TheReceiversNoteArrivesInThePersonalChat', async () => {
  await session.ui.openConversation(context.channel);
  // The Playground posts only as its current user, so the rep's channel post is a custom activity with real mention
  // entities (the bot's and the manager's), shaped as Teams sends a channel post.
  const botAt = `<at>${context.bot.name}</at>`;
  const managerAt = `<at>${context.manager}</at>`;
  const reason = `great coaching ${randomUUID().slice(0, 8)}`;
  await session.ui.sendCustomActivity({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: context.colleagueUser,
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.teamId, conversationType: 'channel', isGroup: true, tenantId: context.tenantId },
    channelData: {
      tenant: { id: context.tenantId },
      team: { id: context.teamId, name: context.teamName },
      channel: { id: context.teamId, name: 'General' },
    },
    text: `${botAt} praise ${managerAt} ${reason}`,
    textFormat: 'plain',
    locale: 'en-US',
    entities: [
      { type: 'mention', text: botAt, mentioned: { id: context.bot.id, name: context.bot.name } },
      { type: 'mention', text: managerAt, mentioned: { id: context.managerUser.id, name: context.manager } },
    ],
  });

  // The note goes through the outbox into the manager's 1:1 chat, which the Playground shows as Personal Chat.
  await session.ui.openConversation('Personal Chat');
  const note = session.page.getByText(new RegExp(`${context.colleague} praised you in ${context.teamName}: “${reason}”`)).last();
  await note.waitFor({ timeout: 30_000 });
  assert.match(await note.innerText(), /See it in the channel/);
});
