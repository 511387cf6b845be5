// tests/e2e/hostile_bridge.test.mjs — the "bridge" and "page" cases of tests/hostile/corpus.json: oversized arguments
// through every bridge call (setState, applyQuery, selectQuote, applySettings, controlRect), thousands of keys, long
// values, bidi and control characters meant to spoof the page's own notice box, and embed.html asked for another
// view. After each case, in the same page: no page error and no wasm trap, a valid state (getState's scenario read
// back through setState without a notice), finite results, the chips slider (the price slider in an embed card)
// drawn inside the canvas and still moved by a real mouse drag, and no control or bidi character anywhere in the page's visible text.
// Screenshots: artifacts/e2e/hostile-bridge-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, repoRoot, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';

const corpus = JSON.parse(readFileSync(join(repoRoot, 'tests/hostile/corpus.json'), 'utf8'));
const bridgeCases = corpus.cases.filter((c) => c.kind === 'bridge' && (!process.env.ONLY || process.env.ONLY.split(',').includes(c.id)));
const pageCases = corpus.cases.filter((c) => c.kind === 'page');

// C0/C1 controls (tab and newline are layout, not spoofing) and the invisible reordering characters.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\uFEFF]/u;

let browser, served;
before(async () => {
  served = await serveSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  served?.server.close();
});

// Runs one bridge call in the page; "{{repeat:N:T}}" runs are expanded there (megabytes never cross the protocol).
async function callInPage({ call, encoded }) {
  const expand = (text) => text.replace(/\{\{repeat:(\d+):(.*?)\}\}/gs, (_, count, piece) => piece.repeat(Number(count)));
  const input = expand(JSON.parse(encoded));
  const api = window.chipsAndClaims;
  try {
    const reply = api[call](input);
    return { reply: JSON.stringify(reply === undefined ? null : reply).slice(0, 300) };
  } catch (error) {
    return { threw: String(error && error.message) };
  }
}

// The checks every case ends with; returns a list of problems (empty = fine).
async function checkApp(page, record, what, slider = 'chips') {
  const problems = [];
  // Rectangles are those of the last drawn frame: let the frames that follow the input finish first.
  await settle(page, what, { quietMs: 300 });
  if (record.pageErrors.length) problems.push(`page errors: ${record.pageErrors.join(' | ').slice(0, 300)}`);
  const trapped = record.consoleLines.find((line) => /RuntimeError|Aborted|memory access out of bounds/.test(line));
  if (trapped) problems.push(`the module trapped: ${trapped.slice(0, 200)}`);
  const inPage = await page.evaluate((slider) => {
    const api = window.chipsAndClaims;
    const out = { problems: [] };
    const state = api.getState();
    if (!state || !state.scenario) out.problems.push('getState() has no scenario');
    else {
      const echo = api.setState(JSON.stringify({ scenario: state.scenario }));
      if (!echo.ok || echo.notices.length) out.problems.push(`own scenario refused: ${JSON.stringify(echo).slice(0, 200)}`);
    }
    const results = api.getResults();
    for (const [key, value] of Object.entries((results && results.outputs) || {}))
      for (const end of ['low', 'central', 'high'])
        if (!Number.isFinite(value[end])) out.problems.push(`results.${key}.${end} = ${value[end]}`);
    out.view = state && state.view;
    out.rect = api.controlRect(slider);
    out.canvas = { w: document.getElementById('canvas').clientWidth, h: document.getElementById('canvas').clientHeight };
    out.text = document.body.innerText;
    return out;
  }, slider);
  problems.push(...inPage.problems);
  const unsafe = inPage.text.match(UNSAFE);
  if (unsafe) {
    const at = inPage.text.indexOf(unsafe[0]);
    problems.push(`U+${unsafe[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} in the page's text near ` +
      JSON.stringify(inPage.text.slice(Math.max(0, at - 40), at + 40)));
  }
  // The chips slider: drawn inside the canvas, and a real drag moves it.
  const rect = inPage.rect;
  if (!rect) {
    problems.push(`the ${slider} slider was not drawn`);
  } else if (rect.y < 0 || rect.y + rect.h > inPage.canvas.h || rect.x < 0 || rect.x + rect.w > inPage.canvas.w) {
    problems.push(`the ${slider} slider is outside the canvas: ${JSON.stringify(rect)} in ${JSON.stringify(inPage.canvas)}`);
  } else {
    // Scroll the page so the slider is on screen (a notice above the app may have pushed the canvas down), then two
    // drags to different places (the slider maps position to value, so one drag could land where it was).
    await page.evaluate((sliderY) => {
      const top = document.getElementById('canvas').getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top + sliderY - 200));
    }, rect.y);
    await settle(page, what, { quietMs: 300 });
    const box = await page.locator('#canvas').boundingBox();
    const y = box.y + rect.y + rect.h / 2;
    const values = [];
    for (const [from, to] of [[0.25, 0.75], [0.75, 0.4]]) {
      // At a person's pace: a frame or more between the events, as a real hand gives the app.
      await page.mouse.move(box.x + rect.x + rect.w * from, y);
      await page.waitForTimeout(60);
      await page.mouse.down();
      await page.waitForTimeout(60);
      await page.mouse.move(box.x + rect.x + rect.w * to, y, { steps: 6 });
      await page.waitForTimeout(60);
      await page.mouse.up();
      await page.waitForTimeout(60);
      values.push(await page.evaluate((key) => window.chipsAndClaims.getState().scenario[key], slider));
    }
    if (values[0] === values[1]) {
      problems.push(`dragging the ${slider} slider both ways left it at ${values[0]}`);
      await screenshot(page, `hostile-bridge-${what}-drag-failed`);
    }
  }
  return { problems, view: inPage.view };
}

test('hostile bridge calls: a clear refusal, nothing corrupted, the controls still work, no spoofed text', async () => {
  assert.ok(process.env.ONLY || bridgeCases.length >= 12, `tests/hostile/corpus.json: only ${bridgeCases.length} bridge cases`);
  const { context, page, record } = await openPage(browser, served.url, 'index.html', { width: 1280, height: 800 });
  const failures = [];
  try {
    await waitReady(page, 'index.html');
    for (const item of bridgeCases) {
      const outcome = await page.evaluate(callInPage, { call: item.call, encoded: JSON.stringify(item.payload) });
      const problems = [];
      if (outcome.threw) problems.push(`${item.call} threw: ${outcome.threw}`);
      const reply = outcome.reply ? JSON.parse(outcome.reply.length < 300 ? outcome.reply : 'null') : null;
      if (reply && typeof reply === 'object' && 'ok' in reply && reply.ok !== false && /MB|KB|2\^32/.test(item.note))
        problems.push(`an oversized ${item.call} was accepted: ${outcome.reply}`);
      problems.push(...(await checkApp(page, record, item.id)).problems);
      if (problems.length) failures.push(`${item.id} (${item.note}): ${problems.join('; ')}`.slice(0, 400));
    }
    await screenshot(page, 'hostile-bridge-after-all');
    assert.deepEqual(failures, [], failures.join('\n'));
  } finally {
    saveArtifacts('hostile-bridge', record);
    await context.close();
  }
});

test('hostile page loads: embed.html stays the embed, spoofing links show clean notices, the app works', async () => {
  const failures = [];
  for (const item of pageCases) {
    const embed = item.path.startsWith('embed.html');
    const size = embed ? { width: 700, height: 450 } : { width: 1280, height: 800 };
    const { context, page, record } = await openPage(browser, served.url, item.path, size);
    try {
      await waitReady(page, item.path.slice(0, 60));
      await page.waitForTimeout(300);
      // The embed card shows the controls that matter for its claim (the price first, for a cost claim).
      const { problems, view } = await checkApp(page, record, item.id, embed ? 'usd_per_gpu_hour' : 'chips');
      if (embed && view !== 'embed') problems.push(`embed.html shows the ${view} view`);
      if (embed) {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        if (height > size.height + 1) problems.push(`the embed's document is ${height} px tall in a ${size.height} px frame`);
      }
      await screenshot(page, `hostile-bridge-${item.id}`);
      if (problems.length) failures.push(`${item.id} (${item.note}): ${problems.join('; ')} ${seen(record)}`.slice(0, 500));
    } finally {
      saveArtifacts(`hostile-bridge-${item.id}`, record);
      await context.close();
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});
