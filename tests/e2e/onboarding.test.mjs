// End-to-end: installing the bot in a team channel of the Microsoft 365 Agents Playground sets the team up
// (roster from the Playground's paged members, the installer as manager) and the welcome card says so; the
// manager then makes a colleague a manager with a real @mention. See README.md for the Playground's quirks.
import assert from 'node:assert/strict';
import { playgroundSession } from './session.mjs';

// Must match .m365agentsplayground.yml: the current user installs; five more users are in the team.
const context = {
  bot: { name: 'SalesCoach' },
  installer: 'Wei Zhang',
  colleague: 'Li Na',
  teamName: 'Sales Team',
  rosterSize: 6,
};

const { session, scenario } = playgroundSession('onboarding');

/** The text of the first rendered card matching `pattern` (already on screen or arriving within the timeout). */
async function cardMatching(pattern, timeout = 20_000) {
  const handle = await session.page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    const card = [...document.querySelectorAll('.ac-adaptiveCard')].find(c => re.test(c.textContent ?? ''));
    return card ? card.textContent : null;
  }, { source: pattern.source, flags: pattern.flags }, { timeout, polling: 250 });
  return handle.jsonValue();
}

/** The text of the first new bot message (any kind) whose text matches `pattern`, after `send`. */
async function messageAfter(send, pattern, timeout = 20_000) {
  await session.ui.waitForQuiet();
  await send();
  const handle = await session.page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    return re.test(document.body.innerText) ? document.body.innerText.match(re)[0] : null;
  }, { source: pattern.source, flags: pattern.flags }, { timeout, polling: 250 });
  return handle.jsonValue();
}

scenario('teamChannel_Open_WelcomeCardReportsTeamWithMembersAndManager', async () => {
  // Opening the channel sends installationUpdate + conversationUpdate with channelData.team: the install.
  await session.ui.openConversation(`${context.teamName} - General`);
  const card = await cardMatching(/I've set up .+ with \d+ members; .+ manages it\./);
  const [, team, count, manager] = card.match(/I've set up (.+?) with (\d+) members; (.+?) manages it\./);
  assert.equal(team, context.teamName);
  assert.equal(Number(count), context.rosterSize);
  assert.equal(manager, context.installer);
});

scenario('teamChannel_ManagerAdd_InstallerPromotesAColleague', async () => {
  await session.ui.openConversation(`${context.teamName} - General`);
  const answer = await messageAfter(async () => {
    const composer = session.page.locator('div[role=group]', { hasText: 'Start a new post' }).locator('div[role=textbox]');
    await composer.click();
    await session.page.keyboard.type(`@${context.bot.name.slice(0, 5)}`);
    await session.page.getByRole('menuitem', { name: context.bot.name }).click();
    await session.page.keyboard.type(' manager add ');
    await session.page.keyboard.type(`@${context.colleague.slice(0, 2)}`);
    await session.page.getByRole('menuitem', { name: context.colleague }).click();
    await session.page.getByRole('button', { name: 'Post', exact: true }).click();
  }, new RegExp(`${context.colleague} is now a manager of this team\\.`));
  assert.equal(answer, `${context.colleague} is now a manager of this team.`);
});
