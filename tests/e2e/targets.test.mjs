// End-to-end: in the Agents Playground's Personal Chat the rep opens the targets card, presses "Log a result",
// fills the form (Action.Execute → adaptiveCard/action invoke) and the same card comes back in place with the new
// actual; then, with the language set to Chinese, `目标` shows the card in Chinese. Same harness and page helpers as
// playground.test.mjs; see README.md. (No target is set: `set target` is another feature, so the card shows ¥0 as target.)
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

const { session, scenario } = playgroundSession('targets', { viewport: { width: 1400, height: 1400 }, fullPageScreenshots: true });

scenario('personalChat_LogFromTargetsCard_UpdatesTheSameCardWithTheNewActual', async () => {
  await session.ui.openConversation('Personal Chat');
  const shown = await session.ui.ask(() => session.ui.sendChatMessage('targets'), /Targets and progress for/);
  assert.match(shown, /This month/);
  assert.match(shown, /Revenue/);

  const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
  const targets = session.page.locator('.ac-adaptiveCard:not([data-e2e-seen])', { hasText: 'Targets and progress for' }).last();
  await targets.getByRole('button', { name: 'Log a result' }).click();

  // The form takes the card's place (invoke response), it is not a new message.
  const form = session.page.locator('.ac-adaptiveCard', { hasText: 'Customer (optional)' });
  await form.first().waitFor({ timeout: uiTimeout });
  assert.equal(await session.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'the form came as a new card');

  // A compact choice set renders as a Fluent combobox whose options live outside the card.
  await form.getByRole('combobox', { name: /What/ }).click();
  await session.page.getByRole('option', { name: 'Deal (revenue + 1 contract)' }).click();
  await form.getByRole('textbox', { name: /Amount/ }).fill('120000');
  await form.getByRole('textbox', { name: /Customer/ }).fill('Acme');
  await session.ui.waitForQuiet();
  await form.getByRole('button', { name: 'Log', exact: true }).click();

  const logged = session.page.locator('.ac-adaptiveCard', { hasText: 'Logged ¥120,000 revenue and 1 contract · Acme' });
  await logged.first().waitFor({ timeout: uiTimeout });
  const text = await logged.first().textContent();
  assert.match(text, /Targets and progress for/);
  assert.match(text, /¥120,000 \/ ¥0/);
  assert.equal(await session.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'Log added a card instead of replacing it');
  assert.equal(await session.page.locator('.ac-adaptiveCard', { hasText: 'Customer (optional)' }).count(), 0, 'the form is still on screen');
});

scenario('personalChat_TargetsInChinese_CardEntirelyInChinese', async () => {
  await session.ui.openConversation('Personal Chat');
  // The Playground composer always sends en-US; the member's language setting wins over it.
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });

  const card = await session.ui.ask(() => session.ui.sendChatMessage('目标'), /的目标与进度/);
  for (const chinese of ['本月', '销售额', '签约数', '¥12万', '记录业绩', '数据截至']) {
    assert.ok(card.includes(chinese), `missing ${chinese} in: ${card}`);
  }
  for (const english of ['This month', 'Targets and progress', 'Revenue', 'Contracts signed', 'Log a result', 'Data as of', 'Week', 'No target set']) {
    assert.ok(!card.includes(english), `English "${english}" in the Chinese card: ${card}`);
  }
});
