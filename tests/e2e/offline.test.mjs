// tests/e2e/offline.test.mjs — the single offline file works from file:// with networking off (a classroom laptop),
// and the full page links to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentQuotes, launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, siteDir, waitReady } from './harness.mjs';

const OFFLINE = 'chips-and-claims-offline.html';
let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

test('the offline file reaches ready from file:// with the network disabled', async () => {
  const file = join(siteDir, OFFLINE);
  assert.ok(existsSync(file), `build: ${file} was not written (scripts/pack_offline.mjs)`);
  const requests = [];
  const { context, page, record } = await openPage(browser, pathToFileURL(file).href, '', {
    offline: true,
    beforeGoto: async (newContext, newPage) => {
      // Anything but the file itself and data:/blob: would need a network: refuse it, and remember it.
      await newContext.route(/^(?!file:|data:|blob:)/, (route) => { requests.push(route.request().url()); route.abort(); });
      newPage.on('request', (request) => requests.push(request.url()));
    },
  });
  try {
    await waitReady(page, `${OFFLINE} (file://, offline)`);
    const network = requests.filter((url) => !/^(file|data|blob):/.test(url));
    assert.deepEqual(network, [], `${OFFLINE}: tried to reach the network`);
    const frames = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    assert.ok(frames >= 1, `${OFFLINE}: no frame drawn`);
    const quotes = await page.locator('#fallback .fallback-quote').count();
    assert.equal(quotes, contentQuotes().length, `${OFFLINE}: the text version has ${quotes} quotes`);
    assert.equal(await page.locator('#offline-link').count(), 0, `${OFFLINE}: still offers itself for download`);
    assert.equal(await page.evaluate(() => window.chipsAndClaims.traditionalFont), 'ready',
      `${OFFLINE}: the TC font is not in place (it must be inside the file)`);
    await screenshot(page, 'offline-file');
    assert.deepEqual(record.pageErrors, [], `${OFFLINE}: ${seen(record)}`);
    assert.deepEqual(record.consoleErrors, [], `${OFFLINE}: ${seen(record)}`);
  } finally {
    saveArtifacts('offline', record);
    await context.close();
  }
});

test('index.html links to the offline file, which the server delivers', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    const link = page.locator('#offline-link');
    assert.equal(await link.count(), 1, 'index.html: no "Download for offline use" link');
    assert.match(await link.textContent(), /Download for offline use/, 'index.html: link text');
    const href = await link.getAttribute('href');
    const response = await page.request.get(new URL(href, served.url).href);
    assert.equal(response.status(), 200, `index.html: the offline link ${href} answers HTTP ${response.status()}`);
  } finally {
    saveArtifacts('offline-link', record);
    await context.close();
  }
});
