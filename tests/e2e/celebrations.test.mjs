// End-to-end: automatic celebrations in Sales Team › General of the Agents Playground. The manager (Wei Zhang, the
// current user) opens `@SalesCoach celebrations`, sets the big-deal amount to 100000 on the card and saves (the card is
// replaced in place with "Saved"); then rep Chen Jie logs a ¥150,000 deal in the 1:1 chat (a custom activity: the
// Playground cannot switch user), and the celebration card, posted through the outbox, appears in the channel with the
// rep, the amount, the customer, "Add your praise" and how to turn celebrations off. See README.md.
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

const { session, scenario } = playgroundSession('celebrations', { viewport: { width: 1400, height: 1400 }, fullPageScreenshots: true });

scenario('teamChannel_BigDealAmountSet_ARepsDealIsCelebratedInTheChannel', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members/ }).last().waitFor({ timeout: uiTimeout });

  const shown = await session.ui.ask(() => session.ui.postMentioning(context.bot.name, 'celebrations'), new RegExp(`Celebrations in ${context.teamName}`));
  assert.match(shown, /Big deals/);
  const card = session.page.locator('.ac-adaptiveCard:not([data-e2e-seen])', { hasText: `Celebrations in ${context.teamName}` }).last();
  const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
  await card.getByRole('textbox', { name: /A big deal is/ }).fill('100000');
  await card.getByRole('button', { name: 'Save' }).click();
  const saved = session.page.locator('.ac-adaptiveCard', { hasText: 'Saved' });
  await saved.first().waitFor({ timeout: uiTimeout });
  assert.equal(await session.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'Save added a card instead of replacing it');

  // The rep logs the deal in their 1:1 chat; the celebration goes to the channel through the outbox.
  await session.ui.openConversation('Personal Chat');
  await session.ui.sendCustomActivity({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    type: 'message',
    channelId: 'msteams',
    serviceUrl: `http://localhost:${playgroundPort}/_connector`,
    from: { id: context.rep.id, name: context.rep.name, aadObjectId: context.rep.aadObjectId },
    recipient: { id: context.bot.id, name: context.bot.name },
    conversation: { id: context.personalChatId, conversationType: 'personal', tenantId: context.tenantId },
    channelData: { tenant: { id: context.tenantId } },
    text: 'log deal 150000 Acme',
    textFormat: 'plain',
    locale: 'en-US',
  });
  await session.page.getByText(/Logged ¥150,000 revenue/).last().waitFor({ timeout: 30_000 });

  await session.ui.openConversation(context.channel);
  const celebration = session.page.locator('.ac-adaptiveCard', { hasText: 'Big deal!' }).last();
  await celebration.waitFor({ timeout: 30_000 });
  const text = await celebration.innerText();
  assert.match(text, new RegExp(`${context.rep.name} closed a big deal: ¥150,000`));
  assert.match(text, /Customer: Acme/);
  assert.match(text, /a manager types “celebrations” to change them/);
  assert.ok(await celebration.getByRole('button', { name: 'Add your praise' }).isVisible(), 'no "Add your praise" button');
});
