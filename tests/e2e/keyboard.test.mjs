// tests/e2e/keyboard.test.mjs — the app with the keyboard only, from page load, with real key presses
// (page.keyboard): Tab reaches the canvas and then every slider and button of the app; after the last one the focus
// leaves the canvas for the page within N Tabs (N = the controls the app reports + 2) and Shift+Tab brings it back;
// arrows, Shift+arrows and Home/End change a focused slider; "?" opens the Keys help and Esc closes it; a verdict
// change made with the keyboard (the price on the 557万美元 claim) reaches the aria-live region. Screenshots:
// artifacts/e2e/keyboard-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const api = (page, fn, arg) => page.evaluate(fn, arg);
const canvasFocused = (page) => page.evaluate(() => document.activeElement === document.getElementById('canvas'));
const focused = (page) => page.evaluate(() => window.chipsAndClaims.focusedControl());
const live = (page) => page.evaluate(() => document.getElementById('live-results').textContent);
const scenario = (page) => page.evaluate(() => window.chipsAndClaims.getState().scenario);
// Which page element has the focus, for messages.
const activeName = (page) => page.evaluate(() => {
  const node = document.activeElement;
  return node ? `${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}${node.textContent ? ' "' + node.textContent.trim().slice(0, 30) + '"' : ''}` : 'none';
});

// One key press, then the frames it causes (the app draws only after input).
async function press(page, key) {
  await page.keyboard.press(key);
  await page.waitForTimeout(60);
}

test('keyboard only: Tab through every control and out, Shift+Tab back, sliders, Keys help, verdict announced', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    await settle(page, 'index.html: start');

    // 1. From the top of the page, Tab until the canvas has the focus (the page's own links come first).
    let presses = 0;
    while (!(await canvasFocused(page)) && presses < 60) { await press(page, 'Tab'); presses++; }
    assert.ok(await canvasFocused(page), `Tab from page load never reached the canvas (focus: ${await activeName(page)})`);
    await settle(page, 'after entering', { quietMs: 300 });
    const first = await focused(page);
    assert.ok(first, 'entering by Tab focuses no control (no focus ring)');
    await screenshot(page, 'keyboard-entered');

    // 2. Tab through the app: every control, then out to the page within N presses.
    const ids = await api(page, () => window.chipsAndClaims.controlIds());
    const limit = ids.length + 2;
    const reached = new Set([first]);
    let tabs = 0;
    while ((await canvasFocused(page)) && tabs < limit) {
      await press(page, 'Tab');
      tabs++;
      if (await canvasFocused(page)) reached.add(await focused(page));
    }
    assert.ok(!(await canvasFocused(page)), `focus still in the canvas after ${tabs} Tabs (N = ${limit}): a keyboard trap`);
    const after = await activeName(page);
    const sliders = ['chips', 'experts_total', 'experts_active', 'tokens', 'mfu', 'usd_per_gpu_hour'];
    const buttons = ['tour.start', 'keys', 'preset', 'gpu', 'reset', 'advanced', 'chips.typed', 'precision.bf16',
      'topic', 'translations', 'copy_link', 'embed', 'presenter'].filter((id) => ids.includes(id));
    for (const id of [...sliders, ...buttons]) {
      assert.ok(reached.has(id), `Tab never reached "${id}" (reached: ${[...reached].join(', ')})`);
    }

    // 3. Shift+Tab from the page comes back in, on the app's last control.
    await press(page, 'Shift+Tab');
    assert.ok(await canvasFocused(page), `Shift+Tab from ${after} did not return to the canvas (focus: ${await activeName(page)})`);
    await settle(page, 'after coming back', { quietMs: 300 });
    assert.ok(await focused(page), 'coming back by Shift+Tab focuses no control');

    // 4. Back to the rental price slider and move it with the keys: the 557万美元 claim's verdict changes, and the
    //    live region says so (once, after the change settles).
    let back = 0;
    while ((await focused(page)) !== 'usd_per_gpu_hour' && back < limit) { await press(page, 'Shift+Tab'); back++; }
    assert.equal(await focused(page), 'usd_per_gpu_hour', 'Shift+Tab never reached the rental price slider');
    await settle(page, 'on the price slider', { quietMs: 600 });
    const before = await scenario(page);
    const liveBefore = await live(page);
    await press(page, 'ArrowRight');
    const small = await scenario(page);
    assert.ok(small.usd_per_gpu_hour > before.usd_per_gpu_hour, `ArrowRight left the price at ${small.usd_per_gpu_hour}`);
    await press(page, 'Shift+ArrowRight');
    const big = await scenario(page);
    assert.ok(big.usd_per_gpu_hour / small.usd_per_gpu_hour > small.usd_per_gpu_hour / before.usd_per_gpu_hour,
      `Shift+ArrowRight (${small.usd_per_gpu_hour} → ${big.usd_per_gpu_hour}) is not a bigger step than ArrowRight`);
    assert.equal(await focused(page), 'usd_per_gpu_hour', 'the arrows moved the focus instead of the value');
    await press(page, 'End');
    const top = await scenario(page);
    assert.ok(top.usd_per_gpu_hour >= 19.99, `End left the price at ${top.usd_per_gpu_hour}`);
    await screenshot(page, 'keyboard-slider-focus');
    await page.waitForFunction((old) => {
      const text = document.getElementById('live-results').textContent;
      return text && text !== old && /Understated/.test(text);
    }, liveBefore, { timeout: 5000 }).catch(() => {});
    const spoken = await live(page);
    assert.match(spoken, /Understated/, `the live region does not announce the new verdict: ${JSON.stringify(spoken)}`);
    assert.match(spoken, /Rental price/, `the live region does not name the changed value: ${JSON.stringify(spoken)}`);
    const summary = await api(page, () => window.chipsAndClaims.summary());
    assert.ok(spoken.endsWith(summary), `the live region is not the settled summary: ${JSON.stringify(spoken)} vs ${JSON.stringify(summary)}`);
    await press(page, 'Home');
    const bottom = await scenario(page);
    assert.ok(bottom.usd_per_gpu_hour <= 0.1001, `Home left the price at ${bottom.usd_per_gpu_hour}`);

    // 5. "?" opens the Keys help, Esc closes it.
    await press(page, '?');
    await settle(page, 'help open', { quietMs: 300 });
    assert.ok(await api(page, () => window.chipsAndClaims.controlRect('keys.help')), '"?" did not open the Keys help');
    await screenshot(page, 'keyboard-help');
    await press(page, 'Escape');
    await settle(page, 'help closed', { quietMs: 300 });
    assert.equal(await api(page, () => window.chipsAndClaims.controlRect('keys.help')), null, 'Esc did not close the Keys help');
    assert.ok(await canvasFocused(page), 'Esc moved the focus out of the app');

    assert.deepEqual(record.pageErrors, [], seen(record));
    assert.deepEqual(record.consoleErrors, [], seen(record));
  } finally {
    saveArtifacts('keyboard', record);
    await context.close();
  }
});
