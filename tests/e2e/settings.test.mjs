// End-to-end: `settings` in the Agents Playground's Personal Chat shows the settings card; changing it and
// pressing Save (Action.Execute → adaptiveCard/action invoke) replaces that card in place with "Saved"
// in the newly chosen language. Same harness and page helpers as playground.test.mjs; see README.md.
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

const { session, scenario } = playgroundSession('settings', { viewport: { width: 1400, height: 1200 }, fullPageScreenshots: true });

scenario('personalChat_SettingsSave_UpdatesCardInPlaceInChinese', async () => {
  await session.ui.openConversation('Personal Chat');
  const shown = await session.ui.ask(() => session.ui.sendChatMessage('settings'), /Your settings/);
  assert.match(shown, /Every automatic card also says how to turn it off/);

  // The answer card: the one card not marked as seen before sending (see PlaygroundPage.ask).
  const card = session.page.locator('.ac-adaptiveCard:not([data-e2e-seen])', { hasText: 'Your settings' }).last();
  await card.evaluate(element => element.setAttribute('data-e2e-settings', ''));
  const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();

  // Language: the Playground renders a compact choice set as a Fluent combobox (its list is outside the card).
  // Turn nudges off too.
  await card.getByRole('combobox', { name: 'Language' }).click();
  await session.page.getByRole('option', { name: '中文 (Chinese)' }).click();
  await card.getByRole('checkbox', { name: 'Pace and follow-up nudges' }).uncheck();
  await session.ui.waitForQuiet();
  await card.getByRole('button', { name: 'Save' }).click();

  // Replaced in place: the invoke response card takes the old card's place, no new message appears.
  const saved = session.page.locator('.ac-adaptiveCard', { hasText: '已保存' });
  await saved.first().waitFor({ timeout: uiTimeout });
  const text = await saved.first().textContent();
  assert.match(text, /我的设置/);
  assert.doesNotMatch(text, /Your settings/);
  assert.equal(await session.page.locator('.ac-adaptiveCard', { hasText: 'Your settings' }).count(), 0, 'the English card is still on screen');
  assert.equal(await session.page.locator('.ac-adaptiveCard').count(), cardsBefore, 'Save added a card instead of replacing it');
  assert.equal(await saved.first().getByRole('checkbox', { name: '进度和跟进督促' }).isChecked(), false);

  // The choice holds for the next message: help answers in Chinese although the composer sends en-US.
  const help = await session.ui.ask(() => session.ui.sendChatMessage('help'), /我在私聊中能做什么/);
  assert.doesNotMatch(help, /What I can do/);
});
