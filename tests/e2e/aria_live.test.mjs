// tests/e2e/aria_live.test.mjs — the key results of the current scenario are mirrored into an aria-live region,
// and it follows a slider change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const live = (page) => page.evaluate(() => document.getElementById('live-results').textContent);

async function waitForLiveChange(page, from, what) {
  try {
    await page.waitForFunction((old) => {
      const text = document.getElementById('live-results').textContent;
      return text && text !== old;
    }, from, { timeout: 5000 });
  } catch {
    throw new Error(`${what}: the aria-live region stayed ${JSON.stringify(from)}`);
  }
  return live(page);
}

test('the aria-live region holds the results and updates after a slider change', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    const initial = await waitForLiveChange(page, '', 'index.html, step "start"');
    assert.equal(initial, await page.evaluate(() => window.chipsAndClaims.summary()), 'index.html: region ≠ summary()');
    await settle(page, 'index.html');

    // A real drag when the app tells where the chips slider is; otherwise the same change through the bridge.
    const rect = await page.evaluate(() => window.chipsAndClaims.controlRect('chips'));
    if (rect) {
      const box = await page.locator('#canvas').boundingBox();
      const y = box.y + rect.y + rect.h / 2;
      await page.mouse.move(box.x + rect.x + rect.w * 0.3, y);
      await page.mouse.down();
      await page.mouse.move(box.x + rect.x + rect.w * 0.8, y, { steps: 8 });
      await page.mouse.up();
    } else {
      await page.evaluate(() => window.chipsAndClaims.setState({ scenario: { chips: 50000 } }));
    }
    const changed = await waitForLiveChange(page, initial, `index.html, step "${rect ? 'drag' : 'setState'} chips"`);
    assert.ok(changed.length > 20, `index.html: the new summary is ${JSON.stringify(changed)}`);
    assert.deepEqual(record.pageErrors, [], `index.html: ${seen(record)}`);
  } finally {
    saveArtifacts('aria-live', record);
    await context.close();
  }
});
