// Starts and stops the real parts of the end-to-end check: the built bot, the Microsoft 365 Agents
// Playground and headless Debian Chromium. Every wait is bounded, and every child runs in its own
// process group so teardown (also on a crash or Ctrl+C) ends it together with its children.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const e2eDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(e2eDir, '..', '..');
export const screenshotDir = join(e2eDir, 'screenshots');

export const botPort = Number(process.env.SALESCOACH_E2E_BOT_PORT ?? 3978);
export const playgroundPort = Number(process.env.TEAMSAPPTESTER_PORT ?? 56150);
export const chromiumPath = process.env.SALESCOACH_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** The Playground tenant's admin API key (meetings.test.mjs triggers the agenda with it); must match .m365agentsplayground.yml's tenant. */
export const e2eTenantId = '7d2a61c5-0e4b-4c39-9f1e-2b8a6f0c5e01';
export const e2eAdminKey = 'e2e-admin-key-of-the-playground-tenant';

const children = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Last line of defence: never leave a bot or Playground running after this process ends.
process.on('exit', () => {
  for (const child of children) {
    killGroup(child, 'SIGKILL');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(130));
}

/** The newest built SalesCoachBot.dll under src/SalesCoachBot/bin, or null. */
export function findBotDll() {
  const bin = join(repoRoot, 'src', 'SalesCoachBot', 'bin');
  const configuration = process.env.SALESCOACH_E2E_CONFIGURATION;
  const candidates = [];
  for (const config of existsSync(bin) ? readdirSync(bin) : []) {
    if (configuration && config !== configuration) {
      continue;
    }
    for (const framework of readdirSync(join(bin, config))) {
      const dll = join(bin, config, framework, 'SalesCoachBot.dll');
      if (existsSync(dll)) {
        candidates.push({ dll, mtime: statSync(dll).mtimeMs });
      }
    }
  }
  candidates.sort((a, b) => b.mtime - a.mtime);
  return candidates[0]?.dll ?? null;
}

/** What is missing to run the check, or null when everything is there. */
export function missingPrerequisite() {
  if (!existsSync(chromiumPath)) {
    return `Chromium not found at ${chromiumPath} (apt-get install chromium)`;
  }
  if (!findBotDll()) {
    return 'the bot is not built (dotnet build SalesCoachBot.sln)';
  }
  return null;
}

async function portIsOpen(port) {
  return new Promise(done => {
    const socket = connect({ host: 'localhost', port });
    socket.setTimeout(1000);
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('timeout', () => { socket.destroy(); done(false); });
    socket.once('error', () => done(false));
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A started child process with its log file. */
class Service {
  constructor(name, child, logFile) {
    this.name = name;
    this.child = child;
    this.logFile = logFile;
    this.exitCode = undefined;
    child.once('exit', (code, signal) => {
      this.exitCode = code ?? signal;
      children.delete(child);
    });
  }

  logTail(lines) {
    return tail(this.logFile, lines);
  }

  /** Polls `probe` until it returns true; fails early if the process died, and after `timeoutMs`. */
  async waitUntil(description, probe, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exitCode !== undefined) {
        throw new Error(`${this.name} exited (${this.exitCode}) before ${description}. Log:\n${this.logTail()}`);
      }
      if (await probe().catch(() => false)) {
        return;
      }
      await sleep(250);
    }
    throw new Error(`${this.name}: no ${description} within ${timeoutMs / 1000} s. Log:\n${this.logTail()}`);
  }

  /** SIGTERM to the whole group, SIGKILL if it has not gone after a grace period. */
  async stop(graceMs = 5000) {
    if (this.exitCode !== undefined) {
      return;
    }
    const exited = new Promise(done => this.child.once('exit', done));
    killGroup(this.child, 'SIGTERM');
    const timer = sleep(graceMs).then(() => 'timeout');
    if ((await Promise.race([exited, timer])) === 'timeout') {
      killGroup(this.child, 'SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    }
  }
}

function startService(name, command, args, options, logFile) {
  const fd = openSync(logFile, 'w');
  try {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', fd, fd] });
    children.add(child);
    return new Service(name, child, logFile);
  } finally {
    closeSync(fd);
  }
}

/** The environment for children: this one without any bot credentials (local-development mode needs none). */
function cleanEnvironment(extra) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(Bot__|MicrosoftApp|CLIENT_SECRET|ASPNETCORE_URLS$)/i.test(key)) {
      delete env[key];
    }
  }
  return { ...env, ...extra };
}

/** Starts the built bot on localhost:botPort with a fresh SQLite database; resolves once HEAD /api/messages answers. */
export async function startBot(workDir) {
  if (await portIsOpen(botPort)) {
    throw new Error(`port ${botPort} is already in use; stop what runs there or set SALESCOACH_E2E_BOT_PORT`);
  }
  const dll = findBotDll();
  const bot = startService('bot', 'dotnet', [dll, '--urls', `http://localhost:${botPort}`], {
    cwd: join(repoRoot, 'src', 'SalesCoachBot'),
    env: cleanEnvironment({
      ASPNETCORE_ENVIRONMENT: 'Development',
      ConnectionStrings__SalesCoach: `Data Source=${join(workDir, 'salescoach-e2e.db')}`,
      DOTNET_NOLOGO: '1',
      [`Admin__ApiKeys__${e2eTenantId}`]: e2eAdminKey,
      // Request-by-request framework logs drown the bot's own lines in a failure report.
      'Logging__LogLevel__Microsoft.AspNetCore': 'Warning',
    }),
  }, join(workDir, 'bot.log'));
  await bot.waitUntil('answer to HEAD /api/messages', async () => {
    const response = await fetch(`http://localhost:${botPort}/api/messages`, { method: 'HEAD', signal: AbortSignal.timeout(2000) });
    return response.ok;
  }, 90_000);
  return bot;
}

/** Starts the Agents Playground (no browser, no telemetry, no credentials) against the bot; resolves once /_debug/ping answers. */
export async function startPlayground(workDir) {
  // It silently moves to a random port when its own is taken, so refuse instead of talking to a stranger.
  if (await portIsOpen(playgroundPort)) {
    throw new Error(`port ${playgroundPort} is already in use; stop what runs there or set TEAMSAPPTESTER_PORT`);
  }
  const packageJson = require.resolve('@microsoft/m365agentsplayground/package.json');
  const { bin } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const cli = join(dirname(packageJson), typeof bin === 'string' ? bin : bin.agentsplayground);
  const playground = startService('Agents Playground', process.execPath, [
    cli,
    '-e', `http://localhost:${botPort}/api/messages`,
    '-c', 'msteams',
    '--dt',
    '-p', String(playgroundPort),
  ], {
    cwd: e2eDir, // reads .m365agentsplayground.yml from here
    env: cleanEnvironment({ TEAMSAPPTESTER_BROWSER: 'none', TEAMSAPPTESTER_PORT: String(playgroundPort) }),
  }, join(workDir, 'playground.log'));
  try {
    await playground.waitUntil('answer to GET /_debug/ping', async () => {
      const response = await fetch(`http://localhost:${playgroundPort}/_debug/ping`, { signal: AbortSignal.timeout(2000) });
      return response.ok;
    }, 60_000);
  } catch (error) {
    // An invalid .m365agentsplayground.yml makes it exit with the reason only in its own log file.
    const ownLog = tail(join(e2eDir, 'devTools', 'm365agentsplayground.log'), 20);
    throw new Error(`${error.message}\nPlayground's own log (devTools/m365agentsplayground.log):\n${ownLog}`, { cause: error });
  }
  return playground;
}

export function makeWorkDir() {
  return mkdtempSync(join(tmpdir(), 'salescoach-e2e-'));
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
