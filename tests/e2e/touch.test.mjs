// tests/e2e/touch.test.mjs — a phone with real touch events (tests/e2e/touch_input.mjs): swipes on the app scroll the
// page, the app follows, and past the app the text version comes; back again the same way. A vertical swipe that
// starts on the chips slider scrolls and leaves the value alone; a horizontal drag on it changes it; no frames idle.
// docs/site.md "Scrolling on phones".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';
import { PHONES, controlCentre, openPhone, scrollSettled, swipe } from './touch_input.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const layout = (page) => page.evaluate(() => {
  const frame = document.getElementById('app-frame').getBoundingClientRect();
  const fallback = document.getElementById('fallback').getBoundingClientRect();
  return {
    scrollY: window.scrollY, innerHeight: window.innerHeight, frameTop: frame.top + window.scrollY,
    frameHeight: frame.height, fallbackTop: fallback.top, pageScrolls: document.documentElement.classList.contains('page-scrolls'),
    canvasTop: document.getElementById('canvas').getBoundingClientRect().top,
  };
});

// Swipes up (finger from low to high, the page moves down) until `done(layout)` or `max` swipes.
async function swipeUntil(page, cdp, direction, done, max = 8) {
  let now = await layout(page);
  for (let i = 0; i < max && !done(now); i++) {
    const x = Math.round((await page.evaluate(() => window.innerWidth)) * 0.5);
    const low = Math.round(now.innerHeight * 0.85);
    const high = Math.round(now.innerHeight * 0.15);
    await swipe(cdp, { x, y: direction === 'down' ? low : high }, { x, y: direction === 'down' ? high : low }, { steps: 6, stepMs: 8 });
    await scrollSettled(page);
    now = await layout(page);
  }
  return now;
}

for (const phone of PHONES) {
  test(`${phone.name}: swipes on the app scroll the page past it to the text version and back`, async () => {
    const what = `index.html at ${phone.name}`;
    const { context, page, record, cdp } = await openPhone(browser, served.url, 'index.html', phone);
    try {
      await waitReady(page, what);
      await settle(page, what);
      const start = await layout(page);
      assert.ok(start.pageScrolls, `${what}: the one-column app does not scroll with the page`);
      assert.ok(start.frameHeight > 3 * start.innerHeight,
        `${what}: the app's area is ${start.frameHeight} px, not its content's height (window ${start.innerHeight} px)`);
      await screenshot(page, `touch-${phone.name}-start`);

      // A first swipe on the app: the page moves, and the app's controls move with it by the same amount.
      const before = await controlCentre(page, 'chips');
      const firstSwipe = await swipeUntil(page, cdp, 'down', (now) => now.scrollY > now.frameTop + 200, 6);
      assert.ok(firstSwipe.scrollY > start.scrollY + 100, `${what}: swipes on the canvas did not scroll the page (${JSON.stringify(firstSwipe)})`);
      await settle(page, `${what}: after swiping`, { quietMs: 600 });
      const offset = Math.min(Math.max(0, firstSwipe.scrollY - firstSwipe.frameTop), firstSwipe.frameHeight - firstSwipe.innerHeight);
      const afterSwipe = await page.evaluate(() => window.chipsAndClaims.controlRect('chips'));
      assert.ok(before && afterSwipe, `${what}: the chips slider is not drawn (${JSON.stringify({ before, afterSwipe })})`);
      // The slider's place in the app's content (its canvas y plus the app's offset) stays the same: the app follows.
      const contentYBefore = before.rect.y + Math.min(Math.max(0, start.scrollY - start.frameTop), start.frameHeight - start.innerHeight);
      // (A few px of slack per 100 px scrolled: ImGui re-measures some auto-sized panels as they pass the window's top.)
      assert.ok(Math.abs(afterSwipe.y + offset - contentYBefore) <= Math.max(4, 0.03 * offset),
        `${what}: the app did not follow the page: slider at ${afterSwipe.y} + offset ${offset}, was ${contentYBefore}`);
      assert.ok(Math.abs(firstSwipe.canvasTop) <= 1, `${what}: the canvas left the window while the app scrolls (top ${firstSwipe.canvasTop})`);
      await screenshot(page, `touch-${phone.name}-in-app`);

      // On past the end of the app: the text version comes into the window. The app is about 14,000 px tall and each
      // swipe (SwiftShader drawing a 3× canvas per scroll step) takes seconds here, so the page jumps to a window
      // above the app's end and the swipes carry it across the boundary.
      await page.evaluate(() => {
        const frame = document.getElementById('app-frame').getBoundingClientRect();
        window.scrollTo(0, frame.top + window.scrollY + frame.height - 1.5 * window.innerHeight);
      });
      await scrollSettled(page);
      await settle(page, `${what}: near the app's end`, { quietMs: 400 });
      const nearEnd = await layout(page);
      assert.ok(nearEnd.fallbackTop > nearEnd.innerHeight, `${what}: the text version is already in view near the app's end`);
      const end = await swipeUntil(page, cdp, 'down', (now) => now.fallbackTop < now.innerHeight * 0.5, 8);
      assert.ok(end.fallbackTop < end.innerHeight * 0.5,
        `${what}: the text version never came into view (${JSON.stringify(end)})`);
      await screenshot(page, `touch-${phone.name}-text-version`);

      // And back across the same boundary into the app (the canvas pinned again), then, from the app's upper part,
      // across its top to the page's header.
      const backInApp = await swipeUntil(page, cdp, 'up', (now) => now.fallbackTop > now.innerHeight && Math.abs(now.canvasTop) <= 1, 8);
      assert.ok(backInApp.fallbackTop > backInApp.innerHeight && Math.abs(backInApp.canvasTop) <= 1,
        `${what}: swiping back did not return into the app (${JSON.stringify(backInApp)})`);
      await screenshot(page, `touch-${phone.name}-back-in-app`);
      await page.evaluate(() => window.scrollTo(0, document.getElementById('app-frame').getBoundingClientRect().top + window.scrollY + 0.5 * window.innerHeight));
      await scrollSettled(page);
      await settle(page, `${what}: near the app's top`, { quietMs: 400 });
      const back = await swipeUntil(page, cdp, 'up', (now) => now.scrollY <= 0, 8);
      assert.equal(back.scrollY, 0, `${what}: swiping back did not reach the top (${JSON.stringify(back)})`);
      await settle(page, `${what}: back at the top`, { quietMs: 600 });
      const home = await page.evaluate(() => window.chipsAndClaims.controlRect('chips'));
      assert.ok(home && Math.abs(home.y - before.rect.y) <= 2, `${what}: back at the top the app is not at its start (${JSON.stringify({ home, before: before.rect })})`);
      await screenshot(page, `touch-${phone.name}-back`);

      // Nothing drawn while idle after all that.
      const frames = await settle(page, `${what}: idle after the swipes`);
      await page.waitForTimeout(1500);
      assert.equal(await page.evaluate(() => window.chipsAndClaims.framesDrawn()), frames, `${what}: frames drawn while idle`);
      assert.deepEqual(record.pageErrors, [], seen(record));
      assert.deepEqual(record.consoleErrors, [], seen(record));
    } finally {
      saveArtifacts(`touch-${phone.name}-scroll`, record);
      await context.close();
    }
  });

  test(`${phone.name}: a vertical swipe from the chips slider scrolls and leaves it; a horizontal drag changes it`, async () => {
    const what = `index.html at ${phone.name}, chips slider`;
    const { context, page, record, cdp } = await openPhone(browser, served.url, 'index.html', phone);
    try {
      await waitReady(page, what);
      await settle(page, what);
      // Set-up: the slider in the upper middle of the window (the page scrolls there; the app follows).
      await page.evaluate(() => {
        const frameTop = document.getElementById('app-frame').getBoundingClientRect().top + window.scrollY;
        const slider = window.chipsAndClaims.controlRect('chips');
        window.scrollTo(0, frameTop + slider.y - 0.55 * window.innerHeight);
      });
      await scrollSettled(page);
      await settle(page, `${what}: slider brought into view`, { quietMs: 400 });
      let slider = await controlCentre(page, 'chips');
      assert.ok(slider && slider.y > 0 && slider.y < (await layout(page)).innerHeight, `${what}: slider not on screen (${JSON.stringify(slider)})`);
      const chipsBefore = (await page.evaluate(() => window.chipsAndClaims.getState())).scenario.chips;
      const scrollBefore = (await layout(page)).scrollY;
      await screenshot(page, `touch-${phone.name}-slider-before`);

      // Vertical: the finger starts on the slider's middle and moves up 40 % of the window.
      await swipe(cdp, { x: slider.x, y: slider.y }, { x: slider.x + 4, y: slider.y - 0.4 * (await layout(page)).innerHeight });
      await scrollSettled(page);
      await settle(page, `${what}: after the vertical swipe`, { quietMs: 600 });
      const afterVertical = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(afterVertical.scenario.chips, chipsBefore, `${what}: a vertical swipe from the slider changed chips ${chipsBefore} → ${afterVertical.scenario.chips}`);
      const scrolled = (await layout(page)).scrollY;
      assert.ok(scrolled > scrollBefore + 50, `${what}: the vertical swipe from the slider did not scroll the page (${scrollBefore} → ${scrolled})`);
      await screenshot(page, `touch-${phone.name}-slider-after-vertical`);

      // Horizontal: from the slider's middle a quarter of its width to the left.
      slider = await controlCentre(page, 'chips');
      assert.ok(slider, `${what}: slider gone after scrolling`);
      await swipe(cdp, { x: slider.x, y: slider.y }, { x: slider.x - slider.rect.w * 0.25, y: slider.y + 3 });
      await settle(page, `${what}: after the horizontal drag`, { quietMs: 600 });
      const afterHorizontal = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.notEqual(afterHorizontal.scenario.chips, chipsBefore, `${what}: a horizontal drag on the slider left chips at ${chipsBefore}`);
      assert.ok(Math.abs((await layout(page)).scrollY - scrolled) <= 1, `${what}: the horizontal drag scrolled the page`);
      await screenshot(page, `touch-${phone.name}-slider-after-horizontal`);
      assert.deepEqual(record.pageErrors, [], seen(record));
      assert.deepEqual(record.consoleErrors, [], seen(record));
    } finally {
      saveArtifacts(`touch-${phone.name}-slider`, record);
      await context.close();
    }
  });
}
