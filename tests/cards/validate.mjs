// Validates Adaptive Card JSON files with the official renderer library (npm adaptivecards 3.0.6).
// Usage: node validate.mjs <folder>   → prints a JSON report; exit code 0 = no events, 1 = events, 2 = usage error.
// The library parses and validates without a DOM. It reports Teams-only elements (Chart.*, …) as unknown types:
// those are accepted only when every such element carries a fallback element that renders in plain 1.5.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');

const MAX_VERSION = [1, 5];
const EVENT_NAMES = AC.ValidationEvent;

function eventOf(e) {
  return { phase: AC.ValidationPhase?.[e.phase] ?? e.phase, event: EVENT_NAMES[e.event] ?? e.event, message: e.message };
}

// Every object in the card JSON with its "type", so unknown types can be checked for a fallback.
function collectTyped(node, found = []) {
  if (Array.isArray(node)) {
    node.forEach((item) => collectTyped(item, found));
  } else if (node && typeof node === 'object') {
    if (typeof node.type === 'string') found.push(node);
    Object.values(node).forEach((value) => collectTyped(value, found));
  }
  return found;
}

function versionTooHigh(version) {
  if (typeof version !== 'string') return true;
  const [major, minor] = version.split('.').map(Number);
  if (!Number.isInteger(major) || !Number.isInteger(minor ?? 0)) return true;
  return major > MAX_VERSION[0] || (major === MAX_VERSION[0] && (minor ?? 0) > MAX_VERSION[1]);
}

export function validateCard(json) {
  const events = [];
  const accepted = [];
  const typed = collectTyped(json);

  if (json?.type !== 'AdaptiveCard') events.push({ phase: 'Check', event: 'MissingCardType', message: 'Top-level type must be AdaptiveCard.' });
  if (versionTooHigh(json?.version)) events.push({ phase: 'Check', event: 'UnsupportedCardVersion', message: `Card version ${json?.version} is missing or above 1.5 (Teams).` });

  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(context.getEventAt(i));
  const validation = card.validateProperties();

  for (const raw of [...parseEvents, ...validation.validationEvents]) {
    const e = eventOf(raw);
    const unknown = /^Unknown (element|action) type "([^"]+)"/.exec(raw.message ?? '');
    if (unknown) {
      const typeName = unknown[2];
      const occurrences = typed.filter((o) => o.type === typeName);
      const withoutFallback = occurrences.filter((o) => !o.fallback || typeof o.fallback !== 'object');
      if (occurrences.length > 0 && withoutFallback.length === 0) {
        accepted.push({ ...e, reason: 'Teams-only type with a fallback element' });
        continue;
      }
      events.push({ ...e, message: `${e.message} (${withoutFallback.length} of ${occurrences.length} without a fallback element)` });
      continue;
    }
    events.push(e);
  }

  // Teams-only charts need a fallback even if a future renderer knew them.
  for (const chart of typed.filter((o) => o.type.startsWith('Chart.'))) {
    if (!chart.fallback || typeof chart.fallback !== 'object') {
      events.push({ phase: 'Check', event: 'MissingFallback', message: `${chart.type} has no fallback element.` });
    }
  }

  return { events, accepted };
}

function main(argv) {
  const folder = argv[2];
  if (!folder || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write('usage: node validate.mjs <folder of card .json files>\n');
    return 2;
  }

  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  const report = { renderer: `adaptivecards ${require('adaptivecards/package.json').version}`, files: [] };
  for (const file of files) {
    let result;
    try {
      result = validateCard(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    } catch (error) {
      result = { events: [{ phase: 'Read', event: 'InvalidJson', message: String(error?.message ?? error) }], accepted: [] };
    }
    report.files.push({ file, ...result });
  }
  report.eventCount = report.files.reduce((n, f) => n + f.events.length, 0);
  report.ok = report.eventCount === 0 && files.length > 0;
  if (files.length === 0) report.error = 'no .json files in the folder';
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  return report.ok ? 0 : 1;
}

process.exitCode = main(process.argv);
