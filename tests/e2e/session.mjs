// One Playground session per test file: the built bot, the Agents Playground and headless Chromium started in
// `before`, torn down in `after`, screenshots per scenario and logs kept next to them. See README.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, e2eDir, makeWorkDir, missingPrerequisite, playgroundPort, screenshotDir, startBot, startPlayground,
} from './harness.mjs';
import { PlaygroundPage } from './playground-page.mjs';

export const uiTimeout = 30_000;

/**
 * Registers the session hooks of a test file and returns `{ session, scenario }`: `session.page` and `session.ui`
 * are set once `before` has run; `scenario(name, body)` is a test that screenshots the page afterwards
 * (`<name>.png`, or `<name>-failed.png`). `label` prefixes the copied logs so files don't overwrite each other.
 */
export function playgroundSession(label, { viewport = { width: 1400, height: 900 }, fullPageScreenshots = false } = {}) {
  // Without Chromium or a built bot a developer gets a skip with the reason; CI (SALESCOACH_REQUIRE_ALL=1) a failure.
  const missing = missingPrerequisite();
  const skip = missing && process.env.SALESCOACH_REQUIRE_ALL !== '1' ? `skipped: ${missing}` : false;
  const session = { page: undefined, ui: undefined };
  let workDir;
  let bot;
  let playground;
  let browserContext;
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
      viewport,
      timeout: uiTimeout,
    });
    session.page = browserContext.pages()[0] ?? await browserContext.newPage();
    session.page.setDefaultTimeout(uiTimeout);
    session.ui = new PlaygroundPage(session.page);
    // The Playground's fonts come from a CDN and fail offline; that is harmless.
    await session.page.goto(`http://localhost:${playgroundPort}/`, { timeout: uiTimeout });
    await session.page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    await session.ui.waitForQuiet();
  }, { timeout: 240_000 });

  after(async () => {
    await browserContext?.close().catch(() => {});
    await playground?.stop();
    await bot?.stop();
    if (workDir) {
      // Keep the logs next to the screenshots for whoever looks at a failed run.
      const logs = [[join(workDir, 'bot.log'), 'bot.log'], [join(workDir, 'playground.log'), 'playground.log'],
        [join(e2eDir, 'devTools', 'm365agentsplayground.log'), 'm365agentsplayground.log']];
      for (const [from, to] of logs) {
        try {
          copyFileSync(from, join(screenshotDir, `${label}-${to}`));
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
        await session.page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: fullPageScreenshots });
      } catch (error) {
        anyFailed = true;
        await session.page?.screenshot({ path: join(screenshotDir, `${name}-failed.png`), fullPage: fullPageScreenshots }).catch(() => {});
        throw error;
      }
    });
  }

  return { session, scenario };
}
