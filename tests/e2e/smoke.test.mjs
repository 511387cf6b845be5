// tests/e2e/smoke.test.mjs — the page loads, draws its first frame, talks only to its own origin, logs no error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, screenshot, serveSite, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

test('index.html reaches ready with no console error and no foreign request', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    const frames = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    assert.ok(frames >= 1, `index.html: framesDrawn() after ready is ${frames}, expected at least 1`);
    const state = await page.evaluate(() => window.chipsAndClaims.getState());
    assert.equal(typeof state, 'object', 'index.html: getState() returned no object');
    await screenshot(page, 'smoke-1280x800');
    assert.deepEqual(record.pageErrors, [], 'index.html: uncaught page errors');
    assert.deepEqual(record.consoleErrors, [], 'index.html: console errors');
    assert.deepEqual(record.foreignRequests, [], 'index.html: requests to hosts other than 127.0.0.1');
  } finally {
    saveArtifacts('smoke', record);
    await context.close();
  }
});
