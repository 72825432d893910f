// The Agents Playground web UI as a person uses it: open a conversation, send something, see the bot's
// card. Selectors and the reasons behind the waits are in README.md.
import { setTimeout as sleep } from 'node:timers/promises';

export class PlaygroundPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.lastTrafficAt = Date.now();
    this.browserErrors = [];
    // The UI hears of every bot message and log line over websockets; their silence means the bot is done.
    page.on('websocket', socket => socket.on('framereceived', () => { this.lastTrafficAt = Date.now(); }));
    page.on('pageerror', error => this.browserErrors.push(String(error)));
    page.on('console', message => {
      // Font downloads from the CDN fail offline; that noise is not worth reporting.
      if (message.type() === 'error' && !/ERR_NAME_NOT_RESOLVED|Failed to load resource|Network error/.test(message.text())) {
        this.browserErrors.push(message.text());
      }
    });
  }

  /** Waits until no websocket frame arrived for `quietMs` (bounded by `maxMs`; goes on regardless then). */
  async waitForQuiet(quietMs = 1500, maxMs = 20_000) {
    const deadline = Date.now() + maxMs;
    while (Date.now() - this.lastTrafficAt < quietMs && Date.now() < deadline) {
      await sleep(100);
    }
  }

  /** Opens a conversation from the left tree and lets its install/welcome traffic finish. */
  async openConversation(name) {
    await this.page.getByRole('treeitem', { name }).click();
    await this.waitForQuiet();
  }

  /** Chat composer (personal and group chats). */
  async sendChatMessage(text) {
    await this.page.locator('div[role=textbox]').click();
    await this.page.keyboard.type(text);
    await this.page.getByRole('button', { name: 'Send Message' }).click();
  }

  /** New post in the open channel, starting with an @mention of `botName` picked from the @ menu. */
  async postMentioning(botName, text) {
    // The new-post composer; each earlier post has its own reply textbox too.
    const composer = this.page.locator('div[role=group]', { hasText: 'Start a new post' }).locator('div[role=textbox]');
    await composer.click();
    await this.page.keyboard.type(`@${botName.slice(0, 5)}`);
    await this.page.getByRole('menuitem', { name: botName }).click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /** Sends any activity through "Mock an Activity › Custom activity" (its Monaco editor, in plain-text mode). */
  async sendCustomActivity(activity) {
    await this.page.getByRole('button', { name: 'Mock an Activity' }).click();
    await this.page.getByRole('menuitem', { name: 'Custom activity' }).click();
    await this.page.locator('.monaco-editor').first().click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    // One line: typed newlines would be auto-indented.
    await this.page.keyboard.insertText(JSON.stringify(activity));
    await this.page.getByRole('button', { name: 'Send activity' }).click();
  }

  /** Texts of all rendered Adaptive Cards. */
  async cardTexts() {
    return this.page.locator('.ac-adaptiveCard').allTextContents().catch(() => []);
  }

  /**
   * Sends with `send` and returns the text of the first card matching `pattern` that was not on screen
   * before. Cards already shown are marked first, so a welcome card with the same title never counts,
   * whatever order the UI puts messages in. If no answer shows, sends once more: the Playground UI drops
   * a reply that arrives before it has registered the user's own post (see README.md).
   */
  async ask(send, pattern, { attempts = 2, timeoutMs = 20_000 } = {}) {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await this.waitForQuiet();
      await this.page.evaluate(() => document.querySelectorAll('.ac-adaptiveCard').forEach(card => card.setAttribute('data-e2e-seen', '')));
      await send();
      try {
        const answer = await this.page.waitForFunction(({ source, flags }) => {
          const re = new RegExp(source, flags);
          const card = [...document.querySelectorAll('.ac-adaptiveCard:not([data-e2e-seen])')].find(c => re.test(c.textContent ?? ''));
          return card ? card.textContent : null;
        }, { source: pattern.source, flags: pattern.flags }, { timeout: timeoutMs, polling: 250 });
        return await answer.jsonValue();
      } catch (error) {
        if (!/Timeout/i.test(String(error))) {
          throw error;
        }
        console.log(`no card matching ${pattern} after attempt ${attempt} of ${attempts} (${timeoutMs / 1000} s); `
          + `browser errors: ${JSON.stringify(this.browserErrors.slice(-3))}`);
      }
    }
    throw new Error(`no new card matching ${pattern} after ${attempts} attempts; cards on screen: ${JSON.stringify(await this.cardTexts())}; `
      + `browser errors: ${JSON.stringify(this.browserErrors.slice(-5))}`);
  }
}
