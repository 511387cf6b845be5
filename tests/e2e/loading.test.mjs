// tests/e2e/loading.test.mjs — while loading the page shows progress in bytes transferred against the real
// (compressed) total and, in the app's area, the headline claim and its verdict as text; when WebGL2 or WebAssembly
// is missing, or the app fails to start, it says so in words (never a blank canvas) and keeps the text version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { publishedName, readManifest } from '../../scripts/site_manifest.mjs';
import { contentQuotes, launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, siteDir } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

async function expectMessage(page, what, pattern) {
  const status = page.locator('#status');
  await status.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.getElementById('status').classList.contains('error'), null, { timeout: 10000 })
    .catch(() => {});
  const text = await page.locator('#status-text').textContent();
  assert.match(text, pattern, `${what}: the message shown is ${JSON.stringify(text)}`);
  assert.equal(await page.locator('#canvas').isVisible(), false, `${what}: a blank canvas is still shown`);
  const quotes = await page.locator('#fallback .fallback-quote').count();
  assert.ok(quotes > 0, `${what}: the text version is gone`);
  const rejected = await page.evaluate(() => window.chipsAndClaims.ready.then(() => 'resolved', (error) => error.message));
  assert.notEqual(rejected, 'resolved', `${what}: ready resolved although the app cannot run`);
}

test('progress is shown in bytes while the module loads', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    // The Noto path (a browser without CJK fonts: docs/site.md "Glyphs"), the one that downloads a font.
    initScript: () => { window.chipsAndClaimsForceFontFallback = true; },
    beforeGoto: async (_context, newPage) => {
      // Hold the wasm back for a moment so the progress of the font is visible.
      await newPage.route('**/chips*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    },
  });
  try {
    // While the module is held back its size is not known yet: the text counts what arrived (the font), without a
    // total; the next test checks the total once every size is known.
    await page.waitForFunction(() => /\d+ KB/.test(document.getElementById('status-text').textContent), null, { timeout: 5000 })
      .catch(() => {});
    const text = await page.locator('#status-text').textContent();
    assert.match(text, /Loading… [\d,]+ KB( of [\d,]+ KB)?$/, `index.html, step "loading": status says ${JSON.stringify(text)}`);
    await page.evaluate(() => window.chipsAndClaims.ready);
  } finally {
    saveArtifacts('loading-progress', record);
    await context.close();
  }
});

// What the server sends for a file: its brotli or gzip sibling when the build wrote one (scripts/static_server.mjs),
// under the content-hashed name the build published it as (scripts/site_manifest.mjs).
function wireBytes(logicalName) {
  const name = publishedName(readManifest(siteDir), logicalName);
  for (const suffix of ['.br', '.gz', '']) {
    if (existsSync(join(siteDir, name + suffix))) return statSync(join(siteDir, name + suffix)).size;
  }
  throw new Error(`${name} is not in ${siteDir}`);
}

test('progress counts bytes transferred against the compressed total, and is not full before the end', async () => {
  // The browser draws the glyphs with its own CJK fonts (docs/site.md "Glyphs"): the module is all there is to fetch.
  const expectedTotal = wireBytes('chips.wasm');
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    beforeGoto: async (_context, newPage) => {
      // A slow line (about 400 KB/s) so the progress can be watched moving.
      const cdp = await newPage.context().newCDPSession(newPage);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 400 * 1024, uploadThroughput: 400 * 1024 });
    },
  });
  try {
    const seenTexts = [];
    const started = Date.now();
    while (Date.now() - started < 20000) {
      const text = await page.locator('#status-text').textContent().catch(() => '');
      const value = await page.evaluate(() => {
        const bar = document.getElementById('status-progress');
        return { value: bar.hasAttribute('value') ? bar.value : null, max: bar.max };
      });
      if (seenTexts.at(-1)?.text !== text) seenTexts.push({ text, ...value });
      if (await page.evaluate(() => document.documentElement.classList.contains('app-running'))) break;
      await page.waitForTimeout(40);
    }
    const withTotal = seenTexts.map((entry) => ({ ...entry, match: /Loading… ([\d,]+) KB of ([\d,]+) KB/.exec(entry.text) }))
      .filter((entry) => entry.match);
    const kb = (text) => Number(text.replace(/,/g, ''));
    assert.ok(withTotal.length >= 2, `index.html, slow line: the progress was seen only as ${JSON.stringify(seenTexts)}`);
    for (const entry of withTotal) {
      assert.equal(kb(entry.match[2]), Math.round(expectedTotal / 1024),
        `index.html, slow line: the total ${entry.match[2]} KB is not what the server sends (${Math.round(expectedTotal / 1024)} KB compressed): ${entry.text}`);
    }
    const partial = withTotal.filter((entry) => kb(entry.match[1]) < kb(entry.match[2]) && entry.value < entry.max);
    assert.ok(partial.length >= 1, `index.html, slow line: never less than all of it: ${JSON.stringify(seenTexts)}`);
    const done = withTotal.map((entry) => kb(entry.match[1]));
    assert.deepEqual(done, [...done].sort((a, b) => a - b), `index.html, slow line: the progress went backwards: ${JSON.stringify(seenTexts)}`);
    await page.evaluate(() => window.chipsAndClaims.ready);
  } finally {
    saveArtifacts('loading-progress-slow', record);
    await context.close();
  }
});

test('until the first frame the app area shows the headline claim and its verdict as text', async () => {
  // The quote the app opens on (session/session.cpp: the first with a claim on 557万美元).
  const firstQuote = contentQuotes().find((quote) => (quote.claims || []).some((claim) => claim.span.includes('557')));
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const what = `index.html at ${width}×${height}, module held back`;
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const { context, page, record } = await openPage(browser, served.url, 'index.html', {
      width, height,
      beforeGoto: async (_context, newPage) => newPage.route('**/chips*.wasm', async (route) => { await held; await route.continue(); }),
    });
    try {
      const card = page.locator('#status .loading-card');
      await card.waitFor({ state: 'visible', timeout: 5000 });
      const box = await card.boundingBox();
      const frame = await page.locator('#app-frame').boundingBox();
      assert.ok(box && box.height > 50 && box.y >= frame.y - 1, `${what}: the card is not in the app's area (${JSON.stringify({ box, frame })})`);
      assert.equal(await card.getAttribute('data-quote-id'), firstQuote.id, `${what}: the card is not the first quote's`);
      assert.equal((await card.locator('blockquote').textContent()).trim(), firstQuote.text.trim(), `${what}: quote text`);
      const verdict = (await card.locator('.card-verdict strong').textContent()).trim();
      const verdicts = await page.locator(`#quote-${firstQuote.id} .verdict`).allTextContents();
      assert.ok(verdict && verdicts.map((text) => text.trim()).includes(verdict),
        `${what}: the card's verdict ${JSON.stringify(verdict)} is not one of the text version's ${JSON.stringify(verdicts)}`);
      assert.ok((await card.locator('.card-reason').textContent()).trim().length > 20, `${what}: no reason on the card`);
      await screenshot(page, `loading-card-${width}`);
      release();
      await page.evaluate(() => window.chipsAndClaims.ready);
      assert.equal(await card.isVisible(), false, `${what}: the card stays over the running app`);
      assert.deepEqual(record.pageErrors, [], seen(record));
    } finally {
      release();
      saveArtifacts(`loading-card-${width}`, record);
      await context.close();
    }
  }
});

test('no WebGL2: a clear message, not a blank canvas', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    },
  });
  try {
    await expectMessage(page, 'index.html without WebGL2', /WebGL2/);
    await screenshot(page, 'loading-no-webgl2');
  } finally {
    saveArtifacts('loading-no-webgl2', record);
    await context.close();
  }
});

test('no WebAssembly: a clear message', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    initScript: () => { delete window.WebAssembly; },
  });
  try {
    await expectMessage(page, 'index.html without WebAssembly', /WebAssembly/);
  } finally {
    saveArtifacts('loading-no-wasm', record);
    await context.close();
  }
});

test('the module fails to load: a clear message', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    beforeGoto: async (_context, newPage) => newPage.route('**/chips*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  try {
    await expectMessage(page, 'index.html with chips.wasm missing', /Loading failed: chips\.wasm: HTTP 404/);
  } finally {
    saveArtifacts('loading-404', record);
    await context.close();
  }
});

test('the module is corrupt: a clear message', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    beforeGoto: async (_context, newPage) => newPage.route('**/chips*.wasm',
      (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') })),
  });
  try {
    await expectMessage(page, 'index.html with a corrupt chips.wasm', /could not start/);
  } finally {
    saveArtifacts('loading-corrupt', record);
    await context.close();
  }
});
