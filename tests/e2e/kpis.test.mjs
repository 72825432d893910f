// End-to-end: issue 13's KPI management in the Agents Playground. Opening the team channel installs the bot (the current
// user, Wei Zhang, becomes the team's manager). In Personal Chat the manager lists the KPIs (the CNY tenant starts with
// 回款 next to revenue), adds a KPI of their own in English (`kpi add Renewals 续约 money`), logs to it (`log 续约 5万`) and
// sees it on the targets card; in Chinese adds one more (`指标 添加 演示会 次数`) and logs it (`记录 演示会 2`); a name that is
// taken is refused. The scenarios build on each other (one bot and database per file). See README.md.
import assert from 'node:assert/strict';
import { playgroundSession, uiTimeout } from './session.mjs';

const { session, scenario } = playgroundSession('kpis', { viewport: { width: 1400, height: 1600 }, fullPageScreenshots: true });

/** The visible text of the newest card matching `pattern`. */
async function cardText(pattern) {
  const card = session.page.locator('.ac-adaptiveCard', { hasText: pattern }).last();
  await card.waitFor({ timeout: uiTimeout });
  return card.innerText();
}

/** Waits for a bot message (text or card) matching `pattern` that shows up after `send`. */
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

scenario('personalChat_KpiAddThenLog_TheNewKpiIsOnTheTargetsCard', async () => {
  // The install makes the current user the team's manager, who may change the KPIs.
  await session.ui.openConversation('Sales Team - General');
  await cardText(/I've set up .+ with \d+ members; .+ manages it\./);

  await session.ui.openConversation('Personal Chat');
  const list = await session.ui.ask(() => session.ui.sendChatMessage('kpi'), /Words: /);
  for (const line of ['Revenue · 销售额', 'Collections · 回款', 'Contracts signed · 签约数', 'key collections']) {
    assert.ok(list.includes(line), `missing ${line} in: ${list}`);
  }

  const added = await messageAfter(() => session.ui.sendChatMessage('kpi add Renewals 续约 money'), /Added the KPI Renewals \(key renewals[^)]*\)/);
  assert.match(added, /key renewals, money/);

  const logged = await session.ui.ask(() => session.ui.sendChatMessage('log 续约 5万 华为'), /Logged Renewals \+¥50,000/);
  assert.match(logged, /Targets and progress for/);
  assert.match(logged, /Renewals/);
  assert.match(logged, /¥50,000 \/ ¥0/);

  const collections = await session.ui.ask(() => session.ui.sendChatMessage('log 回款 3万'), /Logged Collections \+¥30,000/);
  assert.match(collections, /Collections/);

  const taken = await messageAfter(() => session.ui.sendChatMessage('kpi add 回款 money'), /"回款" already means the KPI Collections\. Pick another word\. Nothing was changed\./);
  assert.match(taken, /Nothing was changed/);
});

scenario('personalChat_ChineseKpiAddThenLog_ShownInChinese', async () => {
  await session.ui.openConversation('Personal Chat');
  // The Playground composer always sends en-US; the member's language setting wins over it.
  await session.ui.sendChatMessage('settings language zh-CN');
  await session.page.getByText('以后我用中文给你发消息').first().waitFor({ timeout: uiTimeout });

  const added = await messageAfter(() => session.ui.sendChatMessage('指标 添加 演示会 次数'), /已添加指标 演示会（键 kpi-\d+，个数，合计）。记录：记录 演示会/);
  assert.match(added, /记录 演示会/);

  const logged = await session.ui.ask(() => session.ui.sendChatMessage('记录 演示会 2'), /已记录：演示会 增加 2/);
  for (const chinese of ['的目标与进度', '演示会', '续约', '回款']) {
    assert.ok(logged.includes(chinese), `missing ${chinese} in: ${logged}`);
  }

  const list = await session.ui.ask(() => session.ui.sendChatMessage('指标'), /记录用词：/);
  assert.ok(list.includes('Renewals · 续约'), list);
  assert.ok(list.includes('演示会'), list);
});
