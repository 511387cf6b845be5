// bench/measure.mjs — the performance report of scripts/bench: the app next to a bare Dear ImGui page, measured in
// the same run, in the same headless Chromium, served by the same loopback server. Prints one table; writes it with
// every raw sample to artifacts/bench/report.{md,json}. How to read it: docs/quality.md.
//
//   node bench/measure.mjs [--loads 5] [--idle-seconds 5] [--drag-seconds 3] [--out artifacts/bench]
//                          [--wasm-build build/wasm] [--native-build build/native]
//
// Never fails on a timing: targets are marked "ok"/"MISSED" in the table; the exit code is 0 whenever the pages
// could be measured at all (1 only when nothing could be: no build, no browser).
//
// What each row measures (all in one run, app and baseline interleaved so machine load hits both alike):
// - bytes: every file the page requested before its first frame (Resource Timing), raw size on disk and gzip -9
//   size (what scripts/static_server.mjs sends); files fetched after the first frame are listed but not totalled.
// - first frame: performance.now() (ms since navigation start) when the first frame was drawn; median of N fresh
//   loads (new browser context each: empty HTTP cache).
// - long tasks: the Long Tasks API (PerformanceObserver, type 'longtask', buffered, installed before any page
//   script): the longest main-thread task that started before the first frame and before `ready`, and how many
//   tasks before `ready` took over 50 ms and over 250 ms (issue 16: none over 250 ms); median of the loads.
// - idle frames: frames drawn during 5 s with no input, after a 1.5 s settle.
// - CPU ms per frame: duration of each requestAnimationFrame callback (the whole emscripten main-loop iteration:
//   SDL event pump, ImGui frame, model, GL calls) during a scripted drag of the chip slider; mean and 95th
//   percentile. Also, when the wasm exports chips_frame_stats() with data, the frame body timed inside the wasm.
// - estimates per second: bench/wasm_estimate_bench.cpp in Chromium vs the same loop natively (chips_bench).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServerProcess } from './server_process.mjs'; // in its own process, as in production
import { argument, repoRoot } from './args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// --wasm-build / --native-build: measure another build folder (e.g. one configured with different flags).
const wasmBuild = resolve(repoRoot, argument('--wasm-build', 'build/wasm'));
const nativeBench = join(resolve(repoRoot, argument('--native-build', 'build/native')), 'chips_bench');
const LOADS = Number(argument('--loads', 5));
const IDLE_SECONDS = Number(argument('--idle-seconds', 5));
const DRAG_SECONDS = Number(argument('--drag-seconds', 3));
const OUT_DIR = resolve(repoRoot, argument('--out', 'artifacts/bench'));
const VIEWPORT = { width: 1280, height: 800 };

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The two pages. `frames` and `controlRect` run in the page.
const PAGES = {
  app: {
    path: 'site/index.html',
    glue: 'site-assets/chips.js', // the unhashed build output (scripts/hash_assets.mjs)
    frames: () => window.chipsAndClaims.framesDrawn(),
    // The chip slider's rectangle in canvas CSS pixels, when the app can say where it is (App::control_rect_json
    // behind window.chipsAndClaims.controlRect or Module._chips_control_rect); null → a drag across the panel area.
    controlRect: () => {
      try {
        const api = window.chipsAndClaims;
        if (api && typeof api.controlRect === 'function') {
          const rect = api.controlRect('chips');
          if (rect && rect.w > 0) return rect;
        }
        const M = window.Module;
        for (const name of ['_chips_control_rect', '_chips_control_rect_json']) {
          if (M && typeof M[name] === 'function') {
            const text = M.cwrap(name.slice(1), 'string', ['string'])('chips');
            const rect = JSON.parse(text);
            if (rect && rect.w > 0) return rect;
          }
        }
      } catch (error) { /* fall back to the canvas region */ }
      return null;
    },
  },
  baseline: {
    path: 'baseline/index.html',
    glue: 'baseline/baseline.js',
    frames: () => window.Module._baseline_frames_drawn(),
    controlRect: () => {
      const M = window.Module, pointer = M._baseline_slider_rect();
      return JSON.parse(new TextDecoder().decode(M.HEAPU8.subarray(pointer, M.HEAPU8.indexOf(0, pointer))));
    },
  },
};
// The app in a browser without CJK fonts (docs/site.md "Glyphs"): the Noto subsets are fetched and drawn by
// stb_truetype. Forced with the page's test hook; loaded in the same run, for its bytes and first frame only.
PAGES.appNoto = { ...PAGES.app, forceFontFallback: true };

// Installed before any page script: times every requestAnimationFrame callback and records the first frame.
function initScript() {
  window.__benchRaf = [];
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((time) => {
    const start = performance.now();
    try { callback(time); } finally { window.__benchRaf.push(performance.now() - start); }
  });
  // The app's page object (site/app.js) gets onFirstFrame from the wasm; note the time it is first called.
  const hook = (name, wrap) => {
    let value;
    Object.defineProperty(window, name, {
      configurable: true, enumerable: true, get: () => value, set: (next) => { value = next; try { wrap(next); } catch (e) { /* */ } },
    });
  };
  // Every main-thread task over 50 ms (the Long Tasks API's threshold), from navigation on.
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { /* no Long Tasks API in this browser: the rows say n/a */ }
  const mark = () => { if (window.__benchFirstFrame === undefined) window.__benchFirstFrame = performance.now(); };
  hook('chipsAndClaimsPage', (page) => {
    if (!page || typeof page.onFirstFrame !== 'function') return;
    const original = page.onFirstFrame;
    page.onFirstFrame = function (...args) { mark(); return original.apply(this, args); };
  });
  hook('chipsAndClaims', (api) => {
    if (api && api.ready && typeof api.ready.then === 'function') {
      api.ready.then(() => { if (window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now(); }, () => {});
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
};
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : 'n/a');
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 0)} ms` : 'n/a');
const count = (value) => (Number.isFinite(value) ? String(Math.round(value)) : 'n/a');
const perSecond = (value) => (Number.isFinite(value) ? `${(value / 1e6).toFixed(2)} M/s` : 'n/a');
const ratioText = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—');

// ---------------------------------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------------------------------
async function openPage(browser, baseUrl, which) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.addInitScript(initScript);
  if (PAGES[which].forceFontFallback) await page.addInitScript(() => { window.chipsAndClaimsForceFontFallback = true; });
  await page.goto(baseUrl + PAGES[which].path);
  try {
    await page.waitForFunction(() => window.__benchFirstFrame !== undefined || window.__benchReadyAt !== undefined,
      null, { timeout: 60000, polling: 20 });
  } catch (error) {
    await context.close();
    throw new Error(`${which}: no first frame within 60 s (${errors.slice(0, 3).join(' | ') || error.message})`);
  }
  return { context, page, errors };
}

async function measureLoad(browser, baseUrl, which) {
  const { context, page } = await openPage(browser, baseUrl, which);
  // The observer hears of a task after it ends: give the first frame's task (and ready's) time to be reported.
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => {
    const firstFrame = window.__benchFirstFrame !== undefined ? window.__benchFirstFrame : window.__benchReadyAt;
    const resources = performance.getEntriesByType('resource').map((entry) => ({
      url: entry.name, responseEnd: entry.responseEnd, transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize, decodedBodySize: entry.decodedBodySize,
    }));
    const navigation = performance.getEntriesByType('navigation')[0];
    const marks = {}; // start-up phases (performance.mark "chips:*", set by the app and the baseline alike)
    for (const entry of performance.getEntriesByType('mark')) {
      if (entry.name.startsWith('chips:') && !(entry.name in marks)) marks[entry.name] = entry.startTime;
    }
    const readyAt = window.__benchReadyAt !== undefined ? window.__benchReadyAt : firstFrame;
    const tasks = window.__benchLongTasks || [];
    const longest = (until) => Math.max(0, ...tasks.filter((task) => task.start <= until).map((task) => task.ms));
    const beforeReady = tasks.filter((task) => task.start <= readyAt);
    const longTasks = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes.includes('longtask') ? {
      longestBeforeFirstFrame: longest(firstFrame), longestBeforeReady: longest(readyAt),
      over50BeforeReady: beforeReady.length, over250BeforeReady: beforeReady.filter((task) => task.ms > 250).length,
      tasks,
    } : null;
    return { firstFrame, source: window.__benchFirstFrame !== undefined ? 'first frame' : 'ready', resources, marks, longTasks,
      document: navigation ? { url: navigation.name, encodedBodySize: navigation.encodedBodySize } : null };
  });
  return { context, page, ...result };
}

async function measureIdle(page, which) {
  await page.waitForTimeout(1500); // the app draws for ~0.5 s after the last input (wasm/idle.h), then stops
  const before = await page.evaluate(PAGES[which].frames);
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const after = await page.evaluate(PAGES[which].frames);
  return after - before;
}

async function measureDrag(page, which) {
  const canvasBox = await page.locator('#canvas').boundingBox();
  const rect = await page.evaluate(PAGES[which].controlRect);
  let from, to, y, how;
  if (rect && rect.w > 0) {
    y = canvasBox.y + rect.y + rect.h / 2;
    from = canvasBox.x + rect.x + rect.w * 0.1;
    to = canvasBox.x + rect.x + rect.w * 0.9;
    how = 'slider';
  } else { // no rectangle exported yet: a horizontal drag across the left (controls) part of the canvas
    y = canvasBox.y + canvasBox.height * 0.35;
    from = canvasBox.x + canvasBox.width * 0.05;
    to = canvasBox.x + canvasBox.width * 0.30;
    how = 'canvas region (no control rectangle exported)';
  }
  await page.mouse.move(from, y);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    window.__benchRaf = [];
    if (window.Module && window.Module._chips_frame_stats_reset) window.Module._chips_frame_stats_reset();
  });
  const framesBefore = await page.evaluate(PAGES[which].frames);
  await page.mouse.down();
  const start = Date.now();
  let steps = 0;
  while (Date.now() - start < DRAG_SECONDS * 1000) {
    const phase = ((Date.now() - start) / 1000) % 1; // one sweep out and back per second
    const x = from + (to - from) * (phase < 0.5 ? phase * 2 : 2 - phase * 2);
    await page.mouse.move(x, y);
    steps += 1;
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const framesAfter = await page.evaluate(PAGES[which].frames);
  const samples = await page.evaluate(() => {
    const raf = window.__benchRaf.slice();
    let wasm = null;
    const M = window.Module;
    if (M && M._chips_frame_stats && M.HEAPU8) { // C string → JS without relying on exported runtime helpers
      const pointer = M._chips_frame_stats();
      wasm = JSON.parse(new TextDecoder().decode(M.HEAPU8.subarray(pointer, M.HEAPU8.indexOf(0, pointer))));
    }
    return { raf, wasm };
  });
  return { how, steps, framesDrawn: framesAfter - framesBefore, raf: samples.raf,
    wasm: samples.wasm && samples.wasm.count > 0 ? samples.wasm.ms : null };
}

async function measureWasmEstimates(browser, baseUrl) {
  if (!existsSync(join(wasmBuild, 'bench/estimate_bench.js'))) return { value: NaN, note: 'not built' };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(baseUrl + 'bench/estimate_bench.html');
    await page.waitForFunction(() => window.__estimateBenchReady === true, null, { timeout: 60000 });
    const runs = await page.evaluate(() => {
      const run = (n) => window.Module._estimate_bench_run(n);
      run(20000); // warm-up (JIT tiers up)
      const probe = run(50000);
      if (!(probe > 0)) return [probe];
      const n = Math.max(10000, Math.round(probe * 0.4)); // ~0.4 s per run
      return [run(n), run(n), run(n), run(n), run(n)];
    });
    if (!(runs[0] > 0)) return { value: NaN, note: 'bench could not read gpus.json' };
    return { value: median(runs), runs };
  } finally {
    await context.close();
  }
}

function measureNativeEstimates() {
  if (!existsSync(nativeBench)) return { value: NaN, note: 'build/native/chips_bench not built' };
  try {
    const output = execFileSync(nativeBench, ['--benchmark_filter=BM_estimate_slider_sweep',
      '--benchmark_format=json', '--benchmark_min_time=0.4', '--benchmark_repetitions=5',
      '--benchmark_report_aggregates_only=true'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(output);
    const entry = report.benchmarks.find((b) => b.aggregate_name === 'median') || report.benchmarks[0];
    if (!entry || !(entry.items_per_second > 0)) return { value: NaN, note: 'BM_estimate_slider_sweep not in chips_bench' };
    return { value: entry.items_per_second, context: report.context };
  } catch (error) {
    return { value: NaN, note: `chips_bench failed: ${String(error.message).split('\n')[0]}` };
  }
}

// Per-asset bytes: raw on disk and gzip -9 (what scripts/static_server.mjs sends for files over 1 KB).
function assetBytes(baseUrl, resources, documentUrl, firstFrame) {
  const entries = [{ url: documentUrl, responseEnd: 0 }, ...resources];
  const assets = [];
  const seenPaths = new Set();
  for (const entry of entries) {
    if (!entry.url || !entry.url.startsWith(baseUrl)) continue;
    const relative = decodeURIComponent(new URL(entry.url).pathname).replace(/^\//, '');
    const file = join(wasmBuild, relative.endsWith('/') ? relative + 'index.html' : relative);
    if (!existsSync(file) || !statSync(file).isFile() || seenPaths.has(relative)) continue;
    seenPaths.add(relative);
    const raw = readFileSync(file);
    const gzip = raw.length > 1024 ? gzipSync(raw, { level: 9 }).length : raw.length;
    assets.push({ path: relative, raw: raw.length, gzip, beforeFirstFrame: entry.responseEnd <= firstFrame });
  }
  return assets;
}

// Which row an asset belongs to: the app's and the baseline's files side by side.
function assetKind(path) {
  if (path.endsWith('.html')) return 'HTML page';
  if (path.endsWith('.css')) return 'CSS';
  if (path.endsWith('.wasm')) return 'wasm module';
  if (/(chips|baseline)(\.[0-9a-f]{12})?\.js$/.test(path)) return 'emscripten JS glue'; // chips.js is published hashed
  if (path.endsWith('.js')) return 'page JS';
  if (/\.(otf|ttf|woff2?)$/.test(path)) return `font ${path.split('/').pop().replace(/\.[0-9a-f]{12}\./, '.')}`;
  return `other ${path.split('/').pop()}`;
}

// ---------------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------------
async function main() {
  for (const which of Object.keys(PAGES)) {
    if (!existsSync(join(wasmBuild, PAGES[which].glue))) {
      console.error(`bench: ${PAGES[which].glue} is missing under build/wasm (run scripts/bench, which builds it)`);
      process.exit(1);
    }
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const { url: baseUrl, ...server } = await startServerProcess(wasmBuild);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const chromiumVersion = browser.version();
  const stopAll = async () => { await browser.close().catch(() => {}); server.close(); };
  process.once('SIGINT', () => { stopAll().then(() => process.exit(130)); });
  const results = { app: { loads: [] }, baseline: { loads: [] }, appNoto: { loads: [] } };
  try {
    // Loads, interleaved. The first load of each page also measures idle frames and the drag.
    for (let i = 0; i < LOADS; ++i) {
      for (const which of ['app', 'baseline', 'appNoto']) {
        const load = await measureLoad(browser, baseUrl, which);
        results[which].loads.push({ firstFrame: load.firstFrame, source: load.source, marks: load.marks,
          longTasks: load.longTasks });
        if (i === 0 && which === 'appNoto') {
          results[which].assets = assetBytes(baseUrl, load.resources, load.document && load.document.url, load.firstFrame);
        } else if (i === 0) {
          results[which].assets = assetBytes(baseUrl, load.resources, load.document && load.document.url, load.firstFrame);
          results[which].idleFrames = await measureIdle(load.page, which);
          results[which].drag = await measureDrag(load.page, which);
        }
        await load.context.close();
        process.stderr.write(`bench: load ${i + 1}/${LOADS} ${which}: first frame ${ms(load.firstFrame)}\n`);
      }
    }
    results.estimates = { wasm: await measureWasmEstimates(browser, baseUrl), native: measureNativeEstimates() };
  } finally {
    await stopAll();
  }

  // ---- The table ------------------------------------------------------------------------------------------------
  const rows = [];
  const row = (metric, app, baseline, format, target = '', verdict = null, note = '') =>
    rows.push({ metric, app, baseline, ratio: ratioText(app, baseline), appText: format(app), baselineText: format(baseline),
      target, verdict: verdict === null ? '' : verdict ? 'ok' : 'MISSED', note });

  const kinds = new Map(); // kind → {app:{raw,gzip,before}, baseline:{...}}
  for (const which of ['app', 'baseline']) {
    for (const asset of results[which].assets || []) {
      const kind = assetKind(asset.path);
      if (!kinds.has(kind)) kinds.set(kind, { app: null, baseline: null });
      const slot = kinds.get(kind);
      const current = slot[which] || { raw: 0, gzip: 0, before: true, paths: [] };
      current.raw += asset.raw;
      current.gzip += asset.gzip;
      current.before = current.before && asset.beforeFirstFrame;
      current.paths.push(asset.path);
      slot[which] = current;
    }
  }
  const order = (kind) => ['HTML', 'CSS', 'page JS', 'emscripten', 'wasm', 'font', 'other'].findIndex((p) => kind.startsWith(p));
  for (const [kind, slot] of [...kinds].sort((a, b) => order(a[0]) - order(b[0]))) {
    const after = (slot.app && !slot.app.before) ? ' (fetched after the first frame)' : '';
    const files = [slot.app && slot.app.paths.join('+'), slot.baseline && slot.baseline.paths.join('+')].filter(Boolean).join(' vs ');
    row(`${kind}, raw`, slot.app ? slot.app.raw : NaN, slot.baseline ? slot.baseline.raw : NaN, kb, '', null, files + after);
    row(`${kind}, gzip`, slot.app ? slot.app.gzip : NaN, slot.baseline ? slot.baseline.gzip : NaN, kb, '', null, after.trim());
  }
  const totals = {};
  for (const which of ['app', 'baseline']) {
    const before = (results[which].assets || []).filter((asset) => asset.beforeFirstFrame);
    totals[which] = { raw: before.reduce((s, a) => s + a.raw, 0), gzip: before.reduce((s, a) => s + a.gzip, 0) };
  }
  row('total before first frame, raw', totals.app.raw, totals.baseline.raw, kb);
  row('total before first frame, gzip', totals.app.gzip, totals.baseline.gzip, kb, '≤ 900 KB (app)',
    totals.app.gzip <= 900 * 1024, 'app: glyphs from the browser\'s CJK fonts (no font fetched)');
  const notoBefore = (results.appNoto.assets || []).filter((asset) => asset.beforeFirstFrame);
  const notoGzip = notoBefore.reduce((s, a) => s + a.gzip, 0);
  row('total before first frame, gzip — Noto path (browser without CJK fonts)', notoGzip, totals.baseline.gzip, kb,
    '≤ 900 KB (app)', notoGzip <= 900 * 1024, notoBefore.filter((a) => /\.(otf|ttf|woff2?)$/.test(a.path)).map((a) => a.path).join('+'));

  const firstApp = median(results.app.loads.map((l) => l.firstFrame));
  const firstBase = median(results.baseline.loads.map((l) => l.firstFrame));
  row(`navigation → first frame (median of ${LOADS})`, firstApp, firstBase, ms, '≤ 1.2 × baseline',
    Number.isFinite(firstApp) && Number.isFinite(firstBase) ? firstApp <= 1.2 * firstBase : null,
    results.app.loads.some((l) => l.source !== 'first frame') ? 'app: time of ready, not onFirstFrame' : '');

  // Long tasks (median over the loads): what blocks scrolling and taps while the app starts.
  const longTaskMedian = (which, key) =>
    median(results[which].loads.map((l) => (l.longTasks ? l.longTasks[key] : NaN)).filter(Number.isFinite));
  const longestApp = longTaskMedian('app', 'longestBeforeFirstFrame');
  row(`longest main-thread task before the first frame (median of ${LOADS})`, longestApp,
    longTaskMedian('baseline', 'longestBeforeFirstFrame'), ms, '≤ 250 ms (app)',
    Number.isFinite(longestApp) ? longestApp <= 250 : null, 'Long Tasks API; 0 = none over 50 ms');
  row('longest main-thread task before ready', longTaskMedian('app', 'longestBeforeReady'),
    longTaskMedian('baseline', 'longestBeforeReady'), ms);
  row('tasks over 50 ms before ready', longTaskMedian('app', 'over50BeforeReady'),
    longTaskMedian('baseline', 'over50BeforeReady'), count);
  const over250App = longTaskMedian('app', 'over250BeforeReady');
  row('tasks over 250 ms before ready', over250App, longTaskMedian('baseline', 'over250BeforeReady'), count, '0 (app)',
    Number.isFinite(over250App) ? over250App === 0 : null);

  const firstNoto = median(results.appNoto.loads.map((l) => l.firstFrame));
  row(`navigation → first frame, Noto path (median of ${LOADS})`, firstNoto, firstBase, ms, '≤ 1.5 × baseline',
    Number.isFinite(firstNoto) && Number.isFinite(firstBase) ? firstNoto <= 1.5 * firstBase : null,
    'fonts fetched and drawn by stb_truetype (window.chipsAndClaimsForceFontFallback)');

  row(`frames drawn in ${IDLE_SECONDS} s without input`, results.app.idleFrames, results.baseline.idleFrames, count,
    '0 (app)', results.app.idleFrames === 0);

  const dragApp = results.app.drag, dragBase = results.baseline.drag;
  const dragNote = `app drag: ${dragApp.how}; ${dragApp.framesDrawn} vs ${dragBase.framesDrawn} frames drawn`;
  row(`CPU ms/frame during ${DRAG_SECONDS} s slider drag, mean (rAF callback)`, mean(dragApp.raf), mean(dragBase.raf), ms,
    '', null, dragNote);
  const p95App = percentile(dragApp.raf, 0.95);
  row(`CPU ms/frame during ${DRAG_SECONDS} s slider drag, p95 (rAF callback)`, p95App,
    percentile(dragBase.raf, 0.95), ms, '≤ 4 ms (app)', Number.isFinite(p95App) ? p95App <= 4 : null);
  if (dragApp.wasm || dragBase.wasm) {
    const wasmApp = dragApp.wasm || [], wasmBase = dragBase.wasm || [];
    const missing = dragApp.wasm ? '' : 'app: record_frame_ms not wired in wasm/main.cpp frame() yet';
    row('CPU ms/frame, frame body inside wasm, mean', mean(wasmApp), mean(wasmBase), ms, '', null, missing);
    row('CPU ms/frame, frame body inside wasm, p95', percentile(wasmApp, 0.95), percentile(wasmBase, 0.95), ms, '', null, missing);
  }
  const est = results.estimates;
  row('model estimates per second: WebAssembly (app) vs native (baseline column)', est.wasm.value, est.native.value,
    perSecond, '', null, [est.wasm.note && `wasm: ${est.wasm.note}`, est.native.note && `native: ${est.native.note}`]
      .filter(Boolean).join('; '));

  const header = ['metric', 'app', 'baseline', 'ratio', 'target', '', 'notes'];
  const table = rows.map((r) => [r.metric, r.appText, r.baselineText, r.ratio, r.target, r.verdict, r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  const text = [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...table.map(line)].join('\n');
  const notes = [
    `Baseline: bench/baseline/main.cpp — bare Dear ImGui + SDL2 + WebGL2, one window, redraws every frame (stock example policy), ImGui's default font (no CJK fonts, no content, no model). Same wasm build and flags as the app.`,
    `Chromium ${chromiumVersion} headless, SwiftShader WebGL2, viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${LOADS} loads each, interleaved. Timings are noisy on shared machines: compare ratios from the same run. See docs/quality.md.`,
  ];
  const report = `${text}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n\n${startupTable(results)}\n`;
  console.log(report);
  writeFileSync(join(OUT_DIR, 'report.md'), report);
  writeFileSync(join(OUT_DIR, 'report.json'), JSON.stringify({ date: new Date().toISOString(), rows, results }, null, 1));
  console.log(`bench: report written to ${join(OUT_DIR, 'report.md')} (samples in report.json)`);
}

// Where the time to the first frame goes: the median time of each start-up mark (performance.mark "chips:*": site/app.js,
// wasm/main.cpp, bench/baseline/main.cpp) and the step from the mark before. The baseline has only the marks of
// what it does too (main, GL ready, first frame); its loading is one streaming instantiate.
const STARTUP_MARKS = [
  ['chips:wasm-compiled', 'wasm compiled (streaming, page JS)'],
  ['chips:assets-downloaded', 'module here (and the Noto fonts on that path)'],
  ['chips:glue-ready', 'emscripten glue ran'],
  ['chips:wasm-instantiated', 'module instantiated'],
  ['chips:main', 'main() starts'],
  ['chips:gl-ready', 'SDL, WebGL2 context, ImGui ready'],
  ['chips:content-read', 'content snapshot read'],
  ['chips:content-loaded', 'App::load done (claims checked, scenario estimated)'],
  ['chips:fonts-added', 'fonts handed to ImGui'],
  ['chips:view-restored', 'settings, environment and link applied'],
  ['chips:laid-out', 'first layout pass (shaders, code paths, glyphs; nothing drawn)'],
  ['chips:first-frame-start', 'first frame starts (first rAF)'],
  ['chips:first-frame', 'first frame drawn'],
];
function startupTable(results) {
  const medianMark = (which, name) => median(results[which].loads.map((l) => (l.marks || {})[name]).filter(Number.isFinite));
  const lines = ['Start-up phases, median ms since navigation (step = since the mark above):', '',
    '| mark | app | app step | baseline | baseline step |', '|---|---|---|---|---|'];
  let previous = { app: 0, baseline: 0 };
  // In the order they happened in the app (the glue may run before the module has finished compiling).
  const byAppTime = [...STARTUP_MARKS].sort((a, b) => (medianMark('app', a[0]) || Infinity) - (medianMark('app', b[0]) || Infinity));
  for (const [name, label] of byAppTime) {
    const cell = {};
    for (const which of ['app', 'baseline']) {
      const value = medianMark(which, name);
      cell[which] = Number.isFinite(value) ? [ms(value), ms(value - previous[which])] : ['—', '—'];
      if (Number.isFinite(value)) previous[which] = value;
    }
    if (cell.app[0] === '—' && cell.baseline[0] === '—') continue;
    lines.push(`| ${label} | ${cell.app[0]} | ${cell.app[1]} | ${cell.baseline[0]} | ${cell.baseline[1]} |`);
  }
  return lines.join('\n');
}

main().catch((error) => { console.error(`bench: ${error.stack || error.message}`); process.exit(1); });
