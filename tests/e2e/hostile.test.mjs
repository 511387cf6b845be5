// tests/e2e/hostile.test.mjs — every hostile input of tests/hostile/corpus.json (made by make_corpus.mjs) against the
// running app: each setState payload through window.chipsAndClaims.setState, each permalink through applyQuery
// (the app's URL-apply path, without a reload: fast) and a sample of permalinks through real page loads.
// For every case: the app keeps running, answers a notice, keeps a valid scenario (its own getState() read back
// through setState is accepted without a notice), getResults() holds only finite numbers, and framesDrawn()
// advances after the input. Failures are collected, not fail-fast: the message lists every failing case id, and
// artifacts/e2e/hostile-report.json has the details (payload notes, replies).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchBrowser, openPage, repoRoot, saveArtifacts, serveSite, waitReady } from './harness.mjs';

const corpus = JSON.parse(readFileSync(join(repoRoot, 'tests/hostile/corpus.json'), 'utf8'));
const setStateCases = corpus.cases.filter((c) => c.kind === 'setState');
const permalinkCases = corpus.cases.filter((c) => c.kind === 'permalink');
// Real page loads are slower (~3 s each): a spread of the permalink cases, chosen by note keywords. Queries over
// 8 KB are left to applyQuery: no web server accepts URLs that long (ours answers 431, like nginx's default 414).
const LOAD_SAMPLE = permalinkCases.filter((c) => c.query.length <= 8192 &&
  /^chips: NaN|invalid UTF-8 byte|double percent-encoded|duplicate key, first|script markup|CRLF/.test(c.note));

let browser, served, session;
const report = { setState: [], permalink: [], pageLoad: [] };

before(async () => {
  served = await serveSite();
  browser = await launchBrowser();
});
after(async () => {
  writeFileSync(join(artifactsDir, 'hostile-report.json'), JSON.stringify(report, null, 1));
  if (session) {
    saveArtifacts('hostile', session.record);
    await session.context.close().catch(() => {});
  }
  await browser?.close();
  served?.server.close();
});

async function freshSession(path = 'index.html') {
  if (session) await session.context.close().catch(() => {});
  session = await openPage(browser, served.url, path, { width: 1024, height: 700 }); // smaller: faster frames
  await waitReady(session.page, `hostile: ${path}`);
  return session;
}

// Runs in the page. `encoded` is JSON.stringify(text) — ASCII-safe over the DevTools protocol, so lone surrogates
// (our stand-in for invalid UTF-8) arrive intact; "{{repeat:N:T}}" runs are expanded here, not sent.
async function applyInPage({ encoded, how }) {
  const expand = (text) => text.replace(/\{\{repeat:(\d+):(.*?)\}\}/gs, (_, count, piece) => piece.repeat(Number(count)));
  const input = expand(JSON.parse(encoded));
  const api = window.chipsAndClaims;
  const outcome = { problems: [] };
  const framesBefore = api.framesDrawn();
  let reply;
  try {
    reply = how === 'setState' ? api.setState(input) : api.applyQuery(input);
  } catch (error) {
    outcome.problems.push(`${how} threw: ${error && error.message}`);
  }
  outcome.reply = reply && JSON.stringify(reply).slice(0, 400);
  if (!reply || !Array.isArray(reply.notices) || reply.notices.length === 0 ||
      !reply.notices.every((notice) => typeof notice === 'string' && notice.trim().length > 0)) {
    outcome.problems.push('no notice returned');
  }
  // A valid scenario: the app's own state, read back through setState, is accepted without a notice.
  let state;
  try {
    state = api.getState();
  } catch (error) {
    outcome.problems.push(`getState threw: ${error && error.message}`);
  }
  if (!state || typeof state.scenario !== 'object' || state.scenario === null) {
    outcome.problems.push('getState() has no scenario');
  } else {
    for (const [key, value] of Object.entries(state.scenario)) {
      if (typeof value === 'number' && !Number.isFinite(value)) outcome.problems.push(`scenario.${key} = ${value}`);
      if (value === null) outcome.problems.push(`scenario.${key} is null (NaN/Infinity serialized?)`);
    }
    const echo = api.setState(JSON.stringify({ scenario: state.scenario }));
    if (!echo || echo.ok !== true || (echo.notices && echo.notices.length)) {
      outcome.problems.push(`scenario after the input is not valid: ${JSON.stringify(echo).slice(0, 300)}`);
    }
  }
  // Finite results.
  try {
    const results = api.getResults();
    const outputs = results && results.outputs;
    if (!outputs || typeof outputs !== 'object' || !Object.keys(outputs).length) outcome.problems.push('getResults() has no outputs');
    else {
      for (const [key, value] of Object.entries(outputs)) {
        for (const end of ['low', 'central', 'high']) {
          if (typeof value[end] !== 'number' || !Number.isFinite(value[end])) {
            outcome.problems.push(`results.${key}.${end} = ${JSON.stringify(value[end])}`);
          }
        }
      }
    }
  } catch (error) {
    outcome.problems.push(`getResults threw: ${error && error.message}`);
  }
  // Frames advance after the input (the bridge call wakes the frame loop).
  const deadline = performance.now() + 3000;
  while (api.framesDrawn() <= framesBefore && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (api.framesDrawn() <= framesBefore) outcome.problems.push(`framesDrawn() stayed at ${framesBefore} for 3 s`);
  return outcome;
}

async function runCases(cases, how, textOf) {
  const failures = [];
  await freshSession();
  for (const item of cases) {
    let outcome;
    const started = Date.now();
    try {
      outcome = await session.page.evaluate(applyInPage, { encoded: JSON.stringify(textOf(item)), how });
    } catch (error) { // the page died (wasm abort, crash): note it and carry on in a fresh page
      outcome = { problems: [`page failed: ${String(error.message).split('\n')[0]}`] };
      await freshSession();
    }
    const aborted = session.record.consoleLines.find((line) => /Aborted|RuntimeError|abort\(/.test(line));
    if (aborted) {
      outcome.problems.push(`the wasm aborted: ${aborted.slice(0, 200)}`);
      await freshSession();
    }
    report[how].push({ id: item.id, note: item.note, ms: Date.now() - started, ...outcome });
    if (outcome.problems.length) failures.push(`${item.id} (${item.note}): ${outcome.problems.join('; ')}`.slice(0, 300));
  }
  return failures;
}

function summary(failures, total, what) {
  return `${failures.length} of ${total} ${what} failed (details: artifacts/e2e/hostile-report.json):\n  ` +
    failures.slice(0, 40).join('\n  ') + (failures.length > 40 ? `\n  … and ${failures.length - 40} more` : '');
}

test(`corpus has at least 200 hostile permalinks and setState payloads`, () => {
  assert.ok(setStateCases.length + permalinkCases.length >= 200,
    `tests/hostile/corpus.json: ${setStateCases.length} setState + ${permalinkCases.length} permalink cases`);
});

test(`every hostile setState payload (${setStateCases.length}) gets a notice; the app stays valid and drawing`, async () => {
  const failures = await runCases(setStateCases, 'setState', (item) => item.payload);
  assert.equal(failures.length, 0, summary(failures, setStateCases.length, 'setState payloads'));
});

test(`every hostile permalink (${permalinkCases.length}) through the URL-apply path gets a notice; the app stays valid`, async () => {
  const failures = await runCases(permalinkCases, 'permalink', (item) => item.query);
  assert.equal(failures.length, 0, summary(failures, permalinkCases.length, 'permalinks'));
});

test(`hostile permalinks as real page loads (${LOAD_SAMPLE.length}): the app starts, shows a notice, answers input`, async () => {
  const failures = [];
  const expand = (text) => text.replace(/\{\{repeat:(\d+):(.*?)\}\}/gs, (_, count, piece) => piece.repeat(Number(count)));
  for (const item of LOAD_SAMPLE) {
    const problems = [];
    const query = expand(item.query);
    let opened;
    try {
      opened = await openPage(browser, served.url, `index.html?${query}`);
      await waitReady(opened.page, `index.html?<${item.id}>`);
      const page = opened.page;
      const notices = page.locator('#notices li');
      await notices.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      if (await notices.count() === 0) problems.push('no notice shown in the page');
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      if (!state || !state.scenario) problems.push('getState() has no scenario');
      const finite = await page.evaluate(() => Object.values(window.chipsAndClaims.getResults().outputs || {})
        .every((v) => ['low', 'central', 'high'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]))));
      if (!finite) problems.push('getResults() has non-finite numbers');
      const framesBefore = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
      const box = await page.locator('#canvas').boundingBox();
      await page.mouse.move(box.x + 120, box.y + 120);
      await page.mouse.move(box.x + 160, box.y + 140);
      await page.waitForFunction((n) => window.chipsAndClaims.framesDrawn() > n, framesBefore, { timeout: 5000 })
        .catch(() => problems.push('framesDrawn() did not advance after mouse input'));
      if (opened.record.pageErrors.length) problems.push(`page errors: ${opened.record.pageErrors.slice(0, 2).join(' | ')}`);
    } catch (error) {
      problems.push(String(error.message).split('\n')[0]);
    } finally {
      await opened?.context.close().catch(() => {});
    }
    report.pageLoad.push({ id: item.id, note: item.note, problems });
    if (problems.length) failures.push(`${item.id} (${item.note}): ${problems.join('; ')}`.slice(0, 300));
  }
  assert.equal(failures.length, 0, summary(failures, LOAD_SAMPLE.length, 'page loads'));
});
