// End-to-end: praise with a real @mention in Sales Team › General of the Microsoft 365 Agents Playground. Opening the
// channel installs the bot (the current user, Wei Zhang, manages the team; Li Na is one of its reps); the manager adds a
// company value with `values add customer-first 3`, then posts `@SalesCoach praise @Li Na closed the Acme deal
// #customer-first`, picking both people from the composer's mention menu, so the activity carries real mention entities.
// The bot answers in the thread with the recognition card that @mentions Li Na and shows the giver, the reason, the
// value and the points; a praise without a mention entity (the name typed as text) is refused; `recognition` shows the
// team's board in the channel, without the managers-only list of who was not recognised. The receiver's 1:1 note reaches the
// Playground (its log panel shows the chat created and the note sent): the Playground shows only its current user's
// chats, so Li Na's chat itself cannot be opened. See README.md.
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

// Must match .m365agentsplayground.yml.
const context = {
  bot: { name: 'SalesCoach' },
  manager: 'Wei Zhang',
  colleague: 'Li Na',
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

  // Li Na's 1:1 note goes through the outbox: the Playground's log panel lists the chat it opened and the note.
  const log = session.page.getByText(new RegExp(`${context.manager} praised you in ${context.teamName}: “closed the Acme deal”`)).last();
  await log.waitFor({ timeout: 30_000 });
  assert.match(await session.page.locator('body').innerText(), /createConversation/);
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

