// Builds the Teams app package: manifest.json (with the bot's Microsoft App ID filled in), the
// two icons and the language files that localizationInfo names (zh-cn.json), zipped flat into
// manifest/build/SalesCoach.zip, ready to upload in Teams.
//
//   node manifest/build-package.mjs --bot-id <app-id-guid> [--out <zip path>]
//   BOT_ID=<app-id-guid> node manifest/build-package.mjs
//
// manifest.json keeps the placeholder botId 00000000-0000-0000-0000-000000000000 so that the checked-in
// file validates against the schema; the real id is only ever written into the zip.
// The zip is written here (stored-or-deflated, fixed timestamps) so the script needs nothing but Node.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

export const PlaceholderBotId = '00000000-0000-0000-0000-000000000000';
const guidPattern = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const here = dirname(fileURLToPath(import.meta.url));

function parseArguments(argv, env) {
  const options = { botId: env.BOT_ID, out: join(here, 'build', 'SalesCoach.zip') };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = argv[i + 1];
    if ((name === '--bot-id' || name === '--out') && value !== undefined) {
      options[name === '--bot-id' ? 'botId' : 'out'] = value;
      i++;
    } else {
      throw new UsageError(`unknown or incomplete argument: ${name}`);
    }
  }
  return options;
}

class UsageError extends Error {}


/** A flat zip of { name, data } entries; deflates unless that would not help. */
function zip(entries) {
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01: fixed, so the same input gives the same zip
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 9 });
    const useDeflate = deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(useDeflate ? 8 : 0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

/** Builds the package and returns the path of the zip. */
export function buildPackage({ botId, out }) {
  if (!botId || !guidPattern.test(botId) || botId === PlaceholderBotId) {
    throw new UsageError('the bot\'s Microsoft App ID is required as a GUID: pass --bot-id <guid> or set BOT_ID');
  }
  const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  for (const bot of manifest.bots ?? []) {
    bot.botId = botId.toLowerCase();
  }
  const entries = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
    { name: manifest.icons.color, data: readFileSync(join(here, manifest.icons.color)) },
    { name: manifest.icons.outline, data: readFileSync(join(here, manifest.icons.outline)) },
    // Teams reads each additional language from the file localizationInfo names, at the root of the package.
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map(({ file }) => ({ name: file, data: readFileSync(join(here, file)) })),
  ];
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, zip(entries));
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const target = buildPackage(parseArguments(process.argv.slice(2), process.env));
    console.log(`wrote ${target}`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`build-package: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
