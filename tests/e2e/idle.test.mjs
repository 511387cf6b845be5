// tests/e2e/idle.test.mjs — an idle page draws no frames (battery, classroom laptops), and input wakes it at once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

test('no frame is drawn during 5 s of idle; a mouse move wakes the app at once', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    const settled = await settle(page, 'index.html: settling after start-up');
    await page.waitForTimeout(5000);
    const afterIdle = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    assert.equal(afterIdle - settled, 0,
      `index.html, step "5 s idle": ${afterIdle - settled} frames were drawn with no input (expected 0)`);

    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
    await page.waitForTimeout(150); // a few animation frames
    const afterInput = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    assert.ok(afterInput > afterIdle,
      `index.html, step "mouse move": framesDrawn() stayed at ${afterInput}; input did not wake the frame loop`);

    const resettled = await settle(page, 'index.html: settling after the mouse move');
    assert.ok(resettled - afterInput < 120,
      `index.html, step "settle after input": ${resettled - afterInput} frames after one mouse move (expected a short burst)`);
    assert.deepEqual(record.pageErrors, [], `index.html: ${seen(record)}`);
  } finally {
    saveArtifacts('idle', record);
    await context.close();
  }
});
