// End-to-end: `settings` in the Agents Playground's Personal Chat shows the settings card; changing it and
// pressing Save (Action.Execute → adaptiveCard/action invoke) replaces that card in place with "Saved"
// in the newly chosen language. Same harness and page helpers as playground.test.mjs; see README.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, e2eDir, makeWorkDir, missingPrerequisite, playgroundPort, screenshotDir, startBot, startPlayground,
} from './harness.mjs';
import { PlaygroundPage } from './playground-page.mjs';

const uiTimeout = 30_000;

const missing = missingPrerequisite();
const skip = missing && process.env.SALESCOACH_REQUIRE_ALL !== '1' ? `skipped: ${missing}` : false;

let workDir;
let bot;
let playground;
let browserContext;
let page;
let ui;
let anyFailed = false;

before(async () => {
  if (skip) {
    return;
  }
  assert.equal(missing, null, missing ?? '');
  mkdirSync(screenshotDir, { recursive: true });
  workDir = makeWorkDir();
  bot = await startBot(workDir);
  playground = await startPlayground(workDir);
  browserContext = await chromium.launchPersistentContext(join(workDir, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 1200 },
    timeout: uiTimeout,
  });
  page = browserContext.pages()[0] ?? await browserContext.newPage();
  page.setDefaultTimeout(uiTimeout);
  ui = new PlaygroundPage(page);
  await page.goto(`http://localhost:${playgroundPort}/`, { timeout: uiTimeout });
  await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
  await ui.waitForQuiet();
}, { timeout: 240_000 });

after(async () => {
  await browserContext?.close().catch(() => {});
  await playground?.stop();
  await bot?.stop();
  if (workDir) {
    const logs = [[join(workDir, 'bot.log'), 'settings-bot.log'], [join(workDir, 'playground.log'), 'settings-playground.log'],
      [join(e2eDir, 'devTools', 'm365agentsplayground.log'), 'settings-m365agentsplayground.log']];
    for (const [from, to] of logs) {
      try {
        copyFileSync(from, join(screenshotDir, to));
      } catch {
        // Not started.
      }
    }
    if (anyFailed) {
      console.log(`--- bot log (tail) ---\n${bot?.logTail(60)}\n--- playground log (tail) ---\n${playground?.logTail(30)}`);
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}, { timeout: 60_000 });

function scenario(name, body) {
  test(name, { skip, timeout: 120_000 }, async () => {
    try {
      await body();
      await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
    } catch (error) {
      anyFailed = true;
      await page?.screenshot({ path: join(screenshotDir, `${name}-failed.png`), fullPage: true }).catch(() => {});
      throw error;
    }
  });
}

scenario('personalChat_SettingsSave_UpdatesCardInPlaceInChinese', async () => {
  await ui.openConversation('Personal Chat');
  const shown = await ui.ask(() => ui.sendChatMessage('settings'), /Your settings/);
  assert.match(shown, /Every automatic card also says how to turn it off/);

  // The answer card: the one card not marked as seen before sending (see PlaygroundPage.ask).
  const card = page.locator('.ac-adaptiveCard:not([data-e2e-seen])', { hasText: 'Your settings' }).last();
  await card.evaluate(element => element.setAttribute('data-e2e-settings', ''));
  const cardsBefore = await page.locator('.ac-adaptiveCard').count();

  // Language: the Playground renders a compact choice set as a Fluent combobox (its list is outside the card).
  // Turn nudges off too.
  await card.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '中文 (Chinese)' }).click();
  await card.getByRole('checkbox', { name: 'Pace and follow-up nudges' }).uncheck();
  await ui.waitForQuiet();
  await card.getByRole('button', { name: 'Save' }).click();

  // Replaced in place: the invoke response card takes the old card's place, no new message appears.
  const saved = page.locator('.ac-adaptiveCard', { hasText: '已保存' });
  await saved.first().waitFor({ timeout: uiTimeout });
  const text = await saved.first().textContent();
  assert.match(text, /我的设置/);
  assert.doesNotMatch(text, /Your settings/);
  assert.equal(await page.locator('.ac-adaptiveCard', { hasText: 'Your settings' }).count(), 0, 'the English card is still on screen');
  assert.equal(await page.locator('.ac-adaptiveCard').count(), cardsBefore, 'Save added a card instead of replacing it');
  assert.equal(await saved.first().getByRole('checkbox', { name: '进度和跟进督促' }).isChecked(), false);

  // The choice holds for the next message: help answers in Chinese although the composer sends en-US.
  const help = await ui.ask(() => ui.sendChatMessage('help'), /我在私聊中能做什么/);
  assert.doesNotMatch(help, /What I can do/);
});
