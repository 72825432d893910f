// Checks manifest/ against the official Teams manifest schema bundled in @microsoft/app-manifest,
// plus what the schema does not say: icon pixel sizes and transparency, command lists, and the package zip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ColourType, decodeRgba, readHeader } from './png.mjs';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestDir = join(repoRoot, 'manifest');
const manifest = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'));
const chinese = JSON.parse(readFileSync(join(manifestDir, 'zh-cn.json'), 'utf8'));
const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

// The routed command words, English and Chinese. Which ones belong in which scope is checked against the route table
// by tests/SalesCoachBot.Tests/Hosting/ManifestCommandListTests.cs; here, no list may offer anything else.
const productCommands = new Set([
  'help', 'targets', 'log', 'undo', 'team', 'leaderboard', 'set target', 'settings', 'manager', 'praise', 'values', 'feedback', 'recognition',
  'celebrations', 'meeting', 'agenda', 'action', 'actions', 'done',
  // Scorecards (issue 13 point 2).
  'scorecard',
  // Commission (issue 13, point 4): 1:1 only, left out of the full personal menu.
  'commission',
  // Issue 13: KPIs.
  'kpi',
  // Issue 13 point 3: exports (managers, 1:1 only), left out of the full personal menu.
  'export',
]);
const chineseCommands = new Set(['帮助', '目标', '记录', '撤销', '团队', '排行榜', '设定目标', '设置', '经理', '表扬', '价值观', '反馈', '表扬榜', '庆祝', '例会', '议程', '行动项', '完成',
  // Scorecards (issue 13 point 2).
  '绩效', '提成', '指标',
  // Exports (issue 13 point 3).
  '导出']);

/** The bundled schema file that a manifest's $schema URL names, or an error if the package lacks it. */
function bundledSchemaFor(schemaUrl) {
  const match = /\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl ?? '');
  assert.ok(match, `$schema is not a Teams manifest schema URL: ${schemaUrl}`);
  const file = join(schemaRoot, match[1], 'MicrosoftTeams.schema.json');
  assert.ok(existsSync(file), `@microsoft/app-manifest bundles no schema ${match[1]} (${file})`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The bundled localization schema of the manifest's version (MicrosoftTeams.Localization.schema.json). */
function bundledLocalizationSchemaFor(schemaUrl) {
  const version = /\/json-schemas\/teams\/(v[0-9.]+)\//.exec(schemaUrl ?? '')?.[1];
  const file = join(schemaRoot, version, 'MicrosoftTeams.Localization.schema.json');
  assert.ok(existsSync(file), `@microsoft/app-manifest bundles no localization schema ${version}`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function compileValidator(schema) {
  // The Teams schemas are draft-04; strict mode off because they use keywords ajv does not know (e.g. "deprecationMessage"),
  // and non-unicode regular expressions because the localization schema's key patterns are not valid with the u flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const schema = bundledSchemaFor(manifest.$schema);
const validate = compileValidator(schema);
const commandLimit = schema.properties.bots.items.properties.commandLists.items.properties.commands.maxItems;

function schemaErrors(candidate) {
  return validate(candidate) ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message}`);
}

const validateLocalization = compileValidator(bundledLocalizationSchemaFor(manifest.$schema));

function localizationErrors(candidate) {
  return validateLocalization(candidate) ? [] : validateLocalization.errors.map(e => `${e.instancePath || '/'} ${e.message}`);
}

function versionNumber(text) {
  const [major, minor] = text.split('.').map(Number);
  return major * 1000 + minor;
}

test('manifest_AgainstBundledSchema_IsValid', () => {
  assert.deepEqual(schemaErrors(manifest), []);
});

test('manifest_SchemaVersion_Is119OrNewerAndMatchesManifestVersion', () => {
  const urlVersion = /\/v([0-9.]+)\//.exec(manifest.$schema)?.[1];
  assert.equal(manifest.manifestVersion, urlVersion);
  assert.ok(versionNumber(manifest.manifestVersion) >= versionNumber('1.19'), `manifestVersion ${manifest.manifestVersion} < 1.19`);
});

test('schemaValidator_BrokenManifests_AreRejected', () => {
  // Proves the validator really checks: each mutation breaks one documented rule.
  const clone = () => structuredClone(manifest);
  const longName = clone();
  longName.name.short = 'S'.repeat(31);
  const badId = clone();
  badId.id = 'not-a-guid';
  const noPrivacyUrl = clone();
  delete noPrivacyUrl.developer.privacyUrl;
  const tooManyCommands = clone();
  tooManyCommands.bots[0].commandLists[0].commands = Array.from({ length: commandLimit + 1 }, (_, i) => ({ title: `c${i}`, description: 'd' }));
  for (const broken of [longName, badId, noPrivacyUrl, tooManyCommands]) {
    assert.notDeepEqual(schemaErrors(broken), [], 'a broken manifest passed the schema');
  }
});

test('manifest_Identity_HasFixedGuidNameAndDescriptions', () => {
  assert.match(manifest.id, /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
  assert.notEqual(manifest.id, '00000000-0000-0000-0000-000000000000');
  assert.equal(manifest.name.short, 'SalesCoach');
  assert.equal(manifest.developer.name, 'SalesCoachBot');
  for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    assert.match(manifest.developer[url], /^https:\/\//, `developer.${url} must be https`);
  }
  assert.ok(manifest.description.short.length <= 80);
  assert.match(manifest.description.full, /English/);
  assert.match(manifest.description.full, /Chinese/);
  assert.match(manifest.accentColor, /^#[0-9A-Fa-f]{6}$/);
});

test('manifest_Bot_HasPlaceholderIdAllScopesAndFiles', () => {
  assert.equal(manifest.bots.length, 1);
  const [bot] = manifest.bots;
  assert.equal(bot.botId, '00000000-0000-0000-0000-000000000000', 'the checked-in botId is the documented placeholder; build-package.mjs fills in the real one');
  assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
  assert.equal(bot.supportsFiles, true);
});

test('manifest_CommandLists_OnePerScopeWithinLimitAndFromProduct', () => {
  const lists = manifest.bots[0].commandLists;
  const scopes = lists.flatMap(l => l.scopes);
  assert.deepEqual([...scopes].sort(), ['groupChat', 'personal', 'team'], 'one command list per scope');
  for (const list of lists) {
    const titles = list.commands.map(c => c.title);
    assert.ok(titles.length <= commandLimit, `${list.scopes} has ${titles.length} commands, limit ${commandLimit}`);
    assert.equal(new Set(titles).size, titles.length, `duplicate command in ${list.scopes}`);
    assert.ok(titles.includes('help'), `${list.scopes} lacks help`);
    for (const title of titles) {
      assert.ok(productCommands.has(title), `${title} is not a command of the product`);
    }
    for (const command of list.commands) {
      assert.ok(command.description?.length > 0, `${command.title} has no description`);
    }
  }
});

test('localizationInfo_ChineseFile_IsDeclaredAndValidAgainstTheBundledSchema', () => {
  assert.deepEqual(manifest.localizationInfo, {
    defaultLanguageTag: 'en-us',
    additionalLanguages: [{ languageTag: 'zh-cn', file: 'zh-cn.json' }],
  });
  assert.deepEqual(localizationErrors(chinese), []);
  assert.equal(chinese.$schema, manifest.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'),
    'the language file uses the localization schema of the manifest\'s version');
});

test('localizationSchema_BrokenFiles_AreRejected', () => {
  // Proves the localization validator really checks: an unknown key, a name too long, a missing description.
  const unknownKey = { ...chinese, 'name.nickname': '教练' };
  const longName = { ...chinese, 'name.short': '销'.repeat(31) };
  const noDescription = { ...chinese };
  delete noDescription['description.full'];
  const outOfRange = { ...chinese, 'bots[0].commandLists[0].commands[12].title': '多余' };
  for (const broken of [unknownKey, longName, noDescription, outOfRange]) {
    assert.notDeepEqual(localizationErrors(broken), [], 'a broken language file passed the schema');
  }
});

test('chineseFile_NamesDescriptionsAndEveryCommand_AreChinese', () => {
  assert.equal(chinese['name.short'], '销售教练');
  for (const key of ['name.full', 'description.short', 'description.full']) {
    assert.match(chinese[key], /\p{Script=Han}/u, `${key} is not Chinese`);
  }
  const lists = manifest.bots[0].commandLists;
  lists.forEach((list, i) => list.commands.forEach((command, j) => {
    const title = chinese[`bots[0].commandLists[${i}].commands[${j}].title`];
    const description = chinese[`bots[0].commandLists[${i}].commands[${j}].description`];
    assert.ok(chineseCommands.has(title), `${list.scopes} '${command.title}' has no routed Chinese title (got ${title})`);
    assert.match(description ?? '', /\p{Script=Han}/u, `${list.scopes} '${command.title}' has no Chinese description`);
  }));
  // No key points past the manifest's lists: a translation of a command that is not there.
  for (const key of Object.keys(chinese).filter(k => k.startsWith('bots['))) {
    const [, i, j] = /commandLists\[(\d+)\]\.commands\[(\d+)\]/.exec(key) ?? [];
    assert.ok(lists[Number(i)]?.commands[Number(j)], `${key} translates no command`);
  }
});

test('colorIcon_Png_Is192SquareAndNotBlank', () => {
  const bytes = readFileSync(join(manifestDir, manifest.icons.color));
  const header = readHeader(bytes);
  assert.equal(header.width, 192);
  assert.equal(header.height, 192);
  const { rgba } = decodeRgba(bytes);
  const colours = new Set();
  for (let i = 0; i < rgba.length; i += 4) {
    colours.add(rgba.readUInt32BE(i));
  }
  assert.ok(colours.size > 2, 'the colour icon is a single flat colour');
});

test('outlineIcon_Png_Is32SquareWhiteOnTransparent', () => {
  const bytes = readFileSync(join(manifestDir, manifest.icons.outline));
  const header = readHeader(bytes);
  assert.equal(header.width, 32);
  assert.equal(header.height, 32);
  assert.equal(header.colourType, ColourType.Rgba, 'the outline icon needs an alpha channel');
  const { width, height, rgba } = decodeRgba(bytes);
  let transparent = 0;
  let glyph = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const alpha = rgba[i + 3];
      if (alpha === 0) {
        transparent++;
        continue;
      }
      glyph++;
      assert.deepEqual([...rgba.subarray(i, i + 3)], [255, 255, 255], `pixel ${x},${y} is visible but not white`);
    }
  }
  for (const [x, y] of [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]]) {
    assert.equal(rgba[(y * width + x) * 4 + 3], 0, `corner ${x},${y} is not transparent`);
  }
  assert.ok(glyph > 0.1 * width * height, 'the glyph is (nearly) empty');
  assert.ok(transparent > 0.3 * width * height, 'the background is not transparent');
});

function runBuild(args, env = {}) {
  return spawnSync(process.execPath, [join(manifestDir, 'build-package.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, BOT_ID: '', ...env },
    timeout: 30_000,
  });
}

test('buildPackage_WithBotId_ZipsExactlyManifestIconsAndChineseFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salescoach-package-'));
  try {
    const out = join(dir, 'SalesCoach.zip');
    const botId = '3f2a9c4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    const result = runBuild(['--bot-id', botId, '--out', out]);
    assert.equal(result.status, 0, result.stderr);
    const zip = new AdmZip(out);
    const names = zip.getEntries().map(e => e.entryName).sort();
    assert.deepEqual(names, ['color.png', 'manifest.json', 'outline.png', 'zh-cn.json']);
    const packaged = JSON.parse(zip.readAsText('manifest.json'));
    assert.equal(packaged.bots[0].botId, botId);
    assert.deepEqual(schemaErrors(packaged), []);
    assert.ok(zip.readFile('color.png').equals(readFileSync(join(manifestDir, 'color.png'))));
    assert.ok(zip.readFile('outline.png').equals(readFileSync(join(manifestDir, 'outline.png'))));
    assert.deepEqual(JSON.parse(zip.readAsText('zh-cn.json')), chinese);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('buildPackage_BotIdFromEnvironment_IsUsed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salescoach-package-'));
  try {
    const out = join(dir, 'p.zip');
    const botId = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    const result = runBuild(['--out', out], { BOT_ID: botId });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(new AdmZip(out).readAsText('manifest.json')).bots[0].botId, botId);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('buildPackage_MissingOrBadBotId_FailsClearlyAndWritesNothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salescoach-package-'));
  try {
    for (const args of [[], ['--bot-id', 'not-a-guid'], ['--bot-id', '00000000-0000-0000-0000-000000000000'], ['--bogus']]) {
      const out = join(dir, 'p.zip');
      const result = runBuild([...args, '--out', out]);
      assert.equal(result.status, 2, `args ${args.join(' ')}: exit ${result.status}, ${result.stderr}`);
      assert.match(result.stderr, /build-package: /);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'a stack trace was printed');
      assert.equal(existsSync(out), false);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('iconScript_Regenerates_PngsOfTheSameSize', () => {
  // make-icons.mjs writes into manifest/; run it on a copy so the checked-in icons stay untouched.
  const dir = mkdtempSync(join(tmpdir(), 'salescoach-icons-'));
  try {
    const script = join(dir, 'make-icons.mjs');
    execFileSync('cp', [join(manifestDir, 'make-icons.mjs'), script]);
    execFileSync(process.execPath, [script], { timeout: 60_000 });
    for (const [name, size] of [['color.png', 192], ['outline.png', 32]]) {
      const header = readHeader(readFileSync(join(dir, name)));
      assert.deepEqual([header.width, header.height], [size, size]);
      assert.deepEqual(decodeRgba(readFileSync(join(dir, name))).rgba, decodeRgba(readFileSync(join(manifestDir, name))).rgba,
        `${name} in manifest/ is not what make-icons.mjs draws; rerun it`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
