// End-to-end: exports in the Microsoft 365 Agents Playground. Opening Sales Team › General installs the bot (the current
// user, Wei Zhang, manages the team). In Personal Chat `export scorecard last month` answers with the file consent card
// and a download link; the Playground (0.2.28) has no file consent (it shows "File Consent Card is not supported yet"
// for that attachment), so the link is what a person uses there: the test downloads it over HTTP and checks it is an XLSX (zip signature, content type, the
// workbook's sheets and headers, read with node's zlib: no package needed). Then in Chinese `导出 业绩 上月 csv` links a CSV
// with a byte order mark and Chinese headers. In the channel `export` is refused and nothing is posted but the refusal.
// See README.md.
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { playgroundSession, uiTimeout } from './session.mjs';

const context = {
  bot: { name: 'SalesCoach' },
  channel: 'Sales Team - General',
};

const { session, scenario } = playgroundSession('exports', { viewport: { width: 1400, height: 1200 } });

/** Waits for a bot message (text, not a card) matching `pattern` that shows up after `send`. */
async function messageAfter(send, pattern, timeout = 20_000) {
  const before = await session.page.evaluate(({ source, flags }) => (document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? []).length,
    { source: pattern.source, flags: pattern.flags });
  await session.ui.waitForQuiet();
  await send();
  const handle = await session.page.waitForFunction(({ source, flags, count }) => {
    const found = document.body.innerText.match(new RegExp(source, `${flags}g`)) ?? [];
    return found.length > count ? found[found.length - 1] : null;
  }, { source: pattern.source, flags: pattern.flags, count: before }, { timeout, polling: 250 });
  return handle.jsonValue();
}

/** Waits for a new link to /exports/ after `send`, and returns its href. */
async function linkAfter(send, timeout = 20_000) {
  const selector = 'a[href*="/exports/"]';
  const before = await session.page.locator(selector).count();
  await session.ui.waitForQuiet();
  await send();
  await session.page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length > count,
    { selector, count: before }, { timeout, polling: 250 });
  return session.page.locator(selector).last().getAttribute('href');
}

/** The entries of a zip file (name → bytes), from its central directory; stored and deflated entries only. */
function unzip(buffer) {
  const entries = new Map();
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'no zip end-of-central-directory record');
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < buffer.readUInt16LE(end + 10); i++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'broken central directory');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + extra;
  }
  return entries;
}

scenario('manager_ExportScorecardAndResults_LinksDownloadAnXlsxAndAChineseCsv', async () => {
  await session.ui.openConversation(context.channel);
  await session.page.locator('.ac-adaptiveCard', { hasText: /I've set up .+ with \d+ members; .+ manages it\./ }).last().waitFor({ timeout: uiTimeout });
  const refused = await messageAfter(() => session.ui.postMentioning(context.bot.name, 'export scorecard'), /Exports hold private numbers[^\n]*/);
  assert.match(refused, /1:1 chat/);
  assert.equal(await session.page.locator('a[href*="/exports/"]').count(), 0, 'a download link was posted in the channel');

  await session.ui.openConversation('Personal Chat');
  const xlsxLink = await linkAfter(() => session.ui.sendChatMessage('export scorecard last month'));
  assert.match(xlsxLink, /^http:\/\/localhost:\d+\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  await session.page.getByText(/is ready\. Accept the card to save it in your OneDrive, or download it within 15 minutes/).last().waitFor({ timeout: uiTimeout });
  // The attachment reached the client; the Playground only says it does not support it, so the link is the way there.
  await session.page.getByText('File Consent Card is not supported yet').first().waitFor({ timeout: uiTimeout });

  const xlsx = await fetch(xlsxLink);
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(xlsx.headers.get('content-disposition') ?? '', /filename\*=UTF-8''scorecard-Sales-Team-\d{4}-\d{2}\.xlsx/);
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  assert.equal(bytes.readUInt32LE(0), 0x04034b50, 'not a zip (XLSX) file');
  const parts = unzip(bytes);
  const workbook = parts.get('xl/workbook.xml').toString('utf8');
  assert.match(workbook, /name="Scorecard"/);
  assert.match(workbook, /name="Summary"/);
  const strings = parts.get('xl/sharedStrings.xml').toString('utf8');
  for (const header of ['Rep', 'E-mail', 'KPI', 'Attainment %', 'Weighted points', 'Total score']) {
    assert.ok(strings.includes(`>${header}<`), `no ${header} header`);
  }

  await session.ui.sendChatMessage('settings language zh-CN');
  const csvLink = await linkAfter(() => session.ui.sendChatMessage('导出 业绩 上月 csv'));
  await session.page.getByText(/已准备好。接受卡片即可保存到你的 OneDrive/).last().waitFor({ timeout: uiTimeout });
  const csv = await fetch(csvLink);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  const csvBytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 byte order mark');
  assert.ok(csvBytes.toString('utf8', 3).startsWith('日期,销售,邮箱,指标,金额,客户,备注,来源,外部编号\r\n'), 'no Chinese header line');

  const gone = await fetch(csvLink.replace(/.$/, c => (c === 'A' ? 'B' : 'A')));
  assert.equal(gone.status, 404, 'a tampered link was served');
});
