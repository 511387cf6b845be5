// tests/e2e/loading.test.mjs — while loading the page shows progress in bytes; when WebGL2 or WebAssembly is
// missing, or the app fails to start, it says so in words (never a blank canvas) and keeps the text version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, screenshot, serveSite } from './harness.mjs';

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
    beforeGoto: async (_context, newPage) => {
      // Hold the wasm back for a moment so the progress of the font is visible.
      await newPage.route('**/chips*.wasm', async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.continue(); });
    },
  });
  try {
    await page.waitForFunction(() => /\d+ KB of \d+ KB/.test(document.getElementById('status-text').textContent), null, { timeout: 5000 })
      .catch(() => {});
    const text = await page.locator('#status-text').textContent();
    assert.match(text, /Loading… [\d,]+ KB of [\d,]+ KB/, `index.html, step "loading": status says ${JSON.stringify(text)}`);
    await page.evaluate(() => window.chipsAndClaims.ready);
  } finally {
    saveArtifacts('loading-progress', record);
    await context.close();
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
