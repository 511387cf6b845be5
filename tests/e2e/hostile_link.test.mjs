// tests/e2e/hostile_link.test.mjs — a malformed or hostile link is clamped or ignored with a visible notice; the app
// still starts and answers input; nothing from the link runs as code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const HOSTILE = [
  'gpu=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'chips=-5', 'mfu=NaN', 'tokens=1e999', 'experts_active=99999',
  'lang=xx-evil', 'quote=..%2F..%2Fetc%2Fpasswd', 'view=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E', '__proto__=1',
  'usd_per_gpu_hour=%E2%88%9E', 'chips=%00', `junk=${'x'.repeat(8000)}`, '%E0%A4%A',
].join('&');

test('a hostile permalink shows a notice and the app still runs', async () => {
  const dialogs = [];
  const { context, page, record } = await openPage(browser, served.url, 'index.html?' + HOSTILE, {
    beforeGoto: async (_context, newPage) => newPage.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); }),
  });
  try {
    await waitReady(page, 'index.html?<hostile>');
    const notices = page.locator('#notices');
    await notices.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    assert.equal(await notices.isVisible(), true, 'index.html?<hostile>, step "notice": no notice is shown');
    const items = await notices.locator('li').allTextContents();
    assert.ok(items.length >= 1 && items.every((text) => text.trim().length > 0),
      `index.html?<hostile>: notices ${JSON.stringify(items)}`);
    assert.equal(await page.locator('#notices img, #notices script').count(), 0, 'index.html?<hostile>: markup from the link was rendered');
    await screenshot(page, 'hostile-link');

    const state = await page.evaluate(() => window.chipsAndClaims.getState());
    const chips = state && state.scenario && state.scenario.chips;
    assert.ok(chips === undefined || (chips >= 1 && chips <= 1e6), `index.html?<hostile>: chips is ${chips}`);
    const settled = await settle(page, 'index.html?<hostile>');
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.move(box.x + 140, box.y + 120);
    await page.waitForTimeout(200);
    const frames = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    assert.ok(frames > settled, 'index.html?<hostile>, step "input": the app no longer draws');
    // The close button hides the notice and gives the keyboard back to the app.
    await notices.locator('button').click();
    assert.equal(await notices.isVisible(), false, 'index.html?<hostile>: the notice cannot be dismissed');
    assert.deepEqual(dialogs, [], 'index.html?<hostile>: script from the link ran (a dialog opened)');
    assert.deepEqual(record.pageErrors, [], `index.html?<hostile>: ${seen(record)}`);
  } finally {
    saveArtifacts('hostile-link', record);
    await context.close();
  }
});

test('hostile input through the bridge gives notices, not a crash', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    for (const payload of ['{', '[]', 'null', '{"scenario":{"chips":"lots"}}', '{"scenario":{"chips":1e308}}',
      '{"language":{"a":1}}', '"' + 'x'.repeat(100000) + '"']) {
      const reply = await page.evaluate((text) => window.chipsAndClaims.setState(text), payload);
      assert.equal(typeof reply, 'object', `setState(${payload.slice(0, 40)}): no reply object`);
      assert.ok(Array.isArray(reply.notices), `setState(${payload.slice(0, 40)}): reply ${JSON.stringify(reply).slice(0, 200)}`);
    }
    const reply = await page.evaluate(() => window.chipsAndClaims.applyQuery('chips=abc&lang=<b>'));
    assert.ok(Array.isArray(reply.notices), `applyQuery(hostile): ${JSON.stringify(reply)}`);
    assert.equal(await page.evaluate(() => window.chipsAndClaims.selectQuote('no-such-quote')), false,
      'selectQuote(unknown id) returned true');
    assert.ok(await page.evaluate(() => window.chipsAndClaims.framesDrawn()) > 0, 'index.html: the app stopped');
    assert.deepEqual(record.pageErrors, [], `index.html: ${seen(record)}`);
  } finally {
    saveArtifacts('hostile-bridge', record);
    await context.close();
  }
});
