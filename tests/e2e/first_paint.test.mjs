// tests/e2e/first_paint.test.mjs — nothing blocks the first paint, and start-up yields (issue 16).
// 1. With app.js and chips.js held back by the network (routes that answer only when the test lets them), the page
//    is parsed and painted anyway: the introduction, the loading card (the opening claim and the progress) and the
//    text version are laid out and visible, the browser has a first contentful paint, and no script of ours has run.
//    A parser-blocking <script> or a render-blocking stylesheet would hold all of that back.
// 2. Start-up is cut into tasks: a chain of setTimeout(0)s started by the page when main() begins (the chips:main
//    mark) runs several times before the first frame (chips:first-frame). One long main() would let none run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, saveArtifacts, screenshot, seen, serveSite, openPage, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

// Visible and laid out: a box with area, inside the page, not hidden by CSS.
const layoutOf = (selector) => {
  const node = document.querySelector(selector);
  if (!node) return { selector, found: false };
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return { selector, found: true, width: box.width, height: box.height, top: box.top + window.scrollY,
    visible: style.visibility !== 'hidden' && style.display !== 'none' && !node.closest('[hidden]'),
    text: node.textContent.trim().slice(0, 60) };
};

for (const path of ['index.html', 'zh-hans/index.html']) {
  test(`${path}: intro, loading card and text version are painted before any script runs`, async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const heldUrls = [];
    await page.route(/\/(app|chips)(\.[0-9a-f]{12})?\.js$/, async (route) => {
      heldUrls.push(route.request().url());
      await held;
      await route.continue();
    });
    try {
      // 'commit': the load event waits for the deferred script, which is held.
      await page.goto(served.url + path, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.readyState !== 'loading' &&
        performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 20000 }).catch(async () => {
        const seenState = await page.evaluate(() => ({ readyState: document.readyState,
          paint: performance.getEntriesByName('first-contentful-paint').length > 0 }));
        assert.fail(`${path}: with app.js held back the page was not parsed to its end and painted within 20 s ` +
          `(${JSON.stringify(seenState)}): a script or stylesheet blocks it`);
      });
      const state = await page.evaluate((layout) => {
        const measure = new Function(`return (${layout})`)();
        return {
          scriptsRan: typeof window.chipsAndClaims !== 'undefined' || document.documentElement.classList.contains('js'),
          readyState: document.readyState,
          fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
          parts: ['.intro:not([hidden])', '#status .loading-card', '#status-progress', '#fallback',
            '#fallback .fallback-quote'].map(measure),
          stylesheets: document.querySelectorAll('link[rel="stylesheet"]').length,
          inlineStyle: !!document.querySelector('style[data-chips-style]'),
          footerTop: document.querySelector('footer').getBoundingClientRect().top + window.scrollY,
        };
      }, layoutOf.toString());
      await screenshot(page, `first-paint-${path.replace(/\//g, '-')}`);
      assert.ok(heldUrls.some((url) => /\/app(\.[0-9a-f]{12})?\.js$/.test(url)), `${path}: app.js was never requested`);
      assert.equal(state.scriptsRan, false, `${path}: a script of ours ran while app.js was held`);
      assert.equal(state.readyState, 'interactive', `${path}: the parser did not reach the end while app.js was held`);
      assert.equal(state.stylesheets, 0, `${path}: a stylesheet link blocks the first paint`);
      assert.ok(state.inlineStyle, `${path}: no inline style`);
      for (const part of state.parts) {
        assert.ok(part.found, `${path}: ${part.selector} is not in the page at first paint`);
        assert.ok(part.visible && part.width > 0 && part.height > 0,
          `${path}: ${part.selector} is not laid out and visible before the scripts ran: ${JSON.stringify(part)}`);
      }
      assert.ok(state.footerTop > 0, `${path}: the page below the text version was not laid out`);
      // Then the app starts as usual.
      release();
      await page.waitForFunction(() => window.chipsAndClaims !== undefined, null, { timeout: 20000 });
      await waitReady(page, path);
      assert.deepEqual(errors, [], `${path}: page errors: ${errors.join(' | ')}`);
    } finally {
      release();
      await context.close();
    }
  });
}

test('start-up yields: timers set when main() starts run before the first frame', async () => {
  // Before the page's scripts: when the app marks chips:main, start a chain of setTimeout(0) that counts its runs
  // until the app marks chips:first-frame; also note every long task.
  const initScript = () => {
    window.__ticks = [];
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, ms: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch (error) { /* no Long Tasks API: only the ticks are checked */ }
    const nativeMark = performance.mark.bind(performance);
    let firstFrame = false;
    performance.mark = (name, ...rest) => {
      const entry = nativeMark(name, ...rest);
      if (name === 'chips:first-frame') firstFrame = true;
      if (name === 'chips:main') {
        const tick = () => { if (firstFrame) return; window.__ticks.push(performance.now()); setTimeout(tick, 0); };
        setTimeout(tick, 0);
      }
      return entry;
    };
  };
  const { context, page, record } = await openPage(browser, served.url, 'index.html', { initScript });
  try {
    await waitReady(page, 'index.html');
    const result = await page.evaluate(() => {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
      const main = mark('chips:main'), firstFrame = mark('chips:first-frame');
      return { main, firstFrame, ticks: window.__ticks.filter((t) => t > main && t < firstFrame).length,
        steps: ['chips:gl-ready', 'chips:content-loaded', 'chips:fonts-added', 'chips:view-restored']
          .map((name) => [name, mark(name)]),
        longest: Math.max(0, ...window.__longTasks.filter((t) => t.start < firstFrame).map((t) => t.ms)) };
    });
    console.log(`start-up: main ${result.main.toFixed(0)} ms → first frame ${result.firstFrame.toFixed(0)} ms, ` +
      `${result.ticks} timer runs in between, longest task before the first frame ${result.longest.toFixed(0)} ms`);
    for (const [name, at] of result.steps) assert.ok(Number.isFinite(at), `index.html: mark ${name} missing`);
    // Steps content, fonts, view and first frame each follow a yield: a timer queued before them runs each time.
    assert.ok(result.ticks >= 3,
      `index.html: only ${result.ticks} timer run(s) between chips:main and chips:first-frame: start-up does not yield`);
    assert.deepEqual(record.pageErrors, [], `index.html: ${seen(record)}`);
  } finally {
    saveArtifacts('first-paint-yields', record);
    await context.close();
  }
});
