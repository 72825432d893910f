// End-to-end: installing the bot in a team channel of the Microsoft 365 Agents Playground sets the team up
// (roster from the Playground's paged members, the installer as manager) and the welcome card says so; the
// manager then makes a colleague a manager with a real @mention. See README.md for the Playground's quirks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumArgs, chromiumPath, e2eDir, makeWorkDir, missingPrerequisite, playgroundPort, screenshotDir, startBot, startPlayground,
} from './harness.mjs';
import { PlaygroundPage } from './playground-page.mjs';

// Must match .m365agentsplayground.yml: the current user installs; five more users are in the team.
const context = {
  bot: { name: 'SalesCoach' },
  installer: 'Wei Zhang',
  colleague: 'Li Na',
  teamName: 'Sales Team',
  rosterSize: 6,
};

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
    viewport: { width: 1400, height: 900 },
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
    const logs = [[join(workDir, 'bot.log'), 'onboarding-bot.log'], [join(workDir, 'playground.log'), 'onboarding-playground.log'],
      [join(e2eDir, 'devTools', 'm365agentsplayground.log'), 'onboarding-m365agentsplayground.log']];
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
      await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
    } catch (error) {
      anyFailed = true;
      await page?.screenshot({ path: join(screenshotDir, `${name}-failed.png`) }).catch(() => {});
      throw error;
    }
  });
}

/** The text of the first rendered card matching `pattern` (already on screen or arriving within the timeout). */
async function cardMatching(pattern, timeout = 20_000) {
  const handle = await page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    const card = [...document.querySelectorAll('.ac-adaptiveCard')].find(c => re.test(c.textContent ?? ''));
    return card ? card.textContent : null;
  }, { source: pattern.source, flags: pattern.flags }, { timeout, polling: 250 });
  return handle.jsonValue();
}

/** The text of the first new bot message (any kind) whose text matches `pattern`, after `send`. */
async function messageAfter(send, pattern, timeout = 20_000) {
  await ui.waitForQuiet();
  await send();
  const handle = await page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    return re.test(document.body.innerText) ? document.body.innerText.match(re)[0] : null;
  }, { source: pattern.source, flags: pattern.flags }, { timeout, polling: 250 });
  return handle.jsonValue();
}

scenario('teamChannel_Open_WelcomeCardReportsTeamWithMembersAndManager', async () => {
  // Opening the channel sends installationUpdate + conversationUpdate with channelData.team: the install.
  await ui.openConversation(`${context.teamName} - General`);
  const card = await cardMatching(/I've set up .+ with \d+ members; .+ manages it\./);
  const [, team, count, manager] = card.match(/I've set up (.+?) with (\d+) members; (.+?) manages it\./);
  assert.equal(team, context.teamName);
  assert.equal(Number(count), context.rosterSize);
  assert.equal(manager, context.installer);
});

scenario('teamChannel_ManagerAdd_InstallerPromotesAColleague', async () => {
  await ui.openConversation(`${context.teamName} - General`);
  const answer = await messageAfter(async () => {
    const composer = page.locator('div[role=group]', { hasText: 'Start a new post' }).locator('div[role=textbox]');
    await composer.click();
    await page.keyboard.type(`@${context.bot.name.slice(0, 5)}`);
    await page.getByRole('menuitem', { name: context.bot.name }).click();
    await page.keyboard.type(' manager add ');
    await page.keyboard.type(`@${context.colleague.slice(0, 2)}`);
    await page.getByRole('menuitem', { name: context.colleague }).click();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  }, new RegExp(`${context.colleague} is now a manager of this team\\.`));
  assert.equal(answer, `${context.colleague} is now a manager of this team.`);
});
