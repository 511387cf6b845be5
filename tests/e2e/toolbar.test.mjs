// tests/e2e/toolbar.test.mjs — on a phone and at 200 % zoom (640×400, device scale 2) the app's header is one row
// (the tour and a menu holding the rest), the menu works by tapping, and the whole tour can be walked by tapping its
// buttons, each of them on screen when tapped. At 1280×800 the full row stays. Screenshots of each state go to
// artifacts/e2e/toolbar-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, repoRoot, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';
import { openPhone, scrollSettled, tapControl } from './touch_input.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const tourSteps = JSON.parse(readFileSync(join(repoRoot, 'content/tour.json'), 'utf8')).steps;
// Everything the full header row holds besides the tour; in the compact header it is all inside the menu.
const MENU_ITEMS = ['lang.en', 'lang.zh-Hans', 'lang.zh-Hant', 'theme', 'currency', 'copy_link', 'embed', 'download', 'presenter'];
const SCREENS = [
  { name: '640x400@2', width: 640, height: 400, deviceScaleFactor: 2 },
  { name: '390x844@3', width: 390, height: 844, deviceScaleFactor: 3 },
];

const rect = (page, id) => page.evaluate((name) => window.chipsAndClaims.controlRect(name), id);
const ids = (page) => page.evaluate(() => window.chipsAndClaims.controlIds());

for (const screen of SCREENS) {
  test(`${screen.name}: the toolbar is one row; its menu holds the rest and works by tapping`, async () => {
    const what = `index.html at ${screen.name}`;
    const { context, page, record, cdp } = await openPhone(browser, served.url, 'index.html', screen);
    try {
      await waitReady(page, what);
      await settle(page, what);
      const start = await rect(page, 'tour.start');
      const menu = await rect(page, 'menu');
      assert.ok(start && menu, `${what}: tour.start ${JSON.stringify(start)}, menu ${JSON.stringify(menu)}`);
      assert.ok(Math.abs(start.y - menu.y) <= 1 && Math.abs(start.h - menu.h) <= 1,
        `${what}: the tour and the menu are not on one row (${JSON.stringify({ start, menu })})`);
      const shown = await ids(page);
      const outside = MENU_ITEMS.filter((id) => shown.includes(id));
      assert.deepEqual(outside, [], `${what}: these are still in the header row instead of the menu`);
      // One row: the row ends within one frame height (plus spacing) of the canvas' top.
      assert.ok(menu.y + menu.h <= 2.5 * menu.h + 8, `${what}: the header row ends at ${menu.y + menu.h} px`);
      await screenshot(page, `toolbar-${screen.name}-row`);

      await page.evaluate(() => window.scrollTo(0, document.getElementById('app-frame').getBoundingClientRect().top + window.scrollY));
      await scrollSettled(page);
      await settle(page, `${what}: app at the top of the window`, { quietMs: 400 });
      await tapControl(page, cdp, 'menu', what);
      await settle(page, `${what}: menu open`, { quietMs: 600 });
      const inMenu = await ids(page);
      assert.ok(inMenu.includes('menu.popup'), `${what}: the menu did not open (controls: ${inMenu.join(', ')})`);
      const missing = MENU_ITEMS.filter((id) => !inMenu.includes(id));
      assert.deepEqual(missing, [], `${what}: the menu lacks these`);
      const popup = await rect(page, 'menu.popup');
      const canvasHeight = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().height);
      for (const id of MENU_ITEMS) {
        const item = await rect(page, id);
        assert.ok(item.x >= 0 && item.x + item.w <= screen.width + 1 && item.y >= 0 && item.y + item.h <= canvasHeight + 1,
          `${what}: menu item ${id} ${JSON.stringify(item)} is off the ${screen.width}×${canvasHeight} canvas (popup ${JSON.stringify(popup)})`);
      }
      await screenshot(page, `toolbar-${screen.name}-menu`);
      // A tap on a language in the menu switches the app's language.
      await tapControl(page, cdp, 'lang.zh-Hans', what);
      await settle(page, `${what}: after tapping 简体中文`, { quietMs: 600 });
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.language, 'zh-Hans', `${what}: tapping 简体中文 in the menu left the language at ${state.language}`);
      await screenshot(page, `toolbar-${screen.name}-zh-Hans`);
      assert.deepEqual(record.pageErrors, [], seen(record));
      assert.deepEqual(record.consoleErrors, [], seen(record));
    } finally {
      saveArtifacts(`toolbar-${screen.name}`, record);
      await context.close();
    }
  });

  test(`${screen.name}: the whole tour by tapping`, async () => {
    const what = `index.html at ${screen.name}, tour`;
    const { context, page, record, cdp } = await openPhone(browser, served.url, 'index.html', screen);
    try {
      await waitReady(page, what);
      await settle(page, what);
      await page.evaluate(() => window.scrollTo(0, document.getElementById('app-frame').getBoundingClientRect().top + window.scrollY));
      await scrollSettled(page);
      await settle(page, `${what}: app at the top`, { quietMs: 400 });
      await tapControl(page, cdp, 'tour.start', what);
      await scrollSettled(page);
      await settle(page, `${what}: tour started`, { quietMs: 600 });
      for (let i = 0; i < tourSteps.length; i++) {
        const step = `${what}, step ${i + 1} (${tourSteps[i].id})`;
        await scrollSettled(page);
        const state = await page.evaluate(() => window.chipsAndClaims.getState());
        assert.equal(state.tour.mode, 'touring', `${step}: ${JSON.stringify(state.tour)}`);
        assert.equal(state.tour.id, tourSteps[i].id, `${step}: the app shows ${JSON.stringify(state.tour)}`);
        await screenshot(page, `toolbar-${screen.name}-tour-${i + 1}`);
        await tapControl(page, cdp, 'tour.next', step);
        await scrollSettled(page);
        await settle(page, `${step}: after tapping Next`, { quietMs: 600 });
      }
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.tour.mode, 'free_play', `${what}: after the last step ${JSON.stringify(state.tour)}`);
      await screenshot(page, `toolbar-${screen.name}-tour-done`);
      assert.deepEqual(record.pageErrors, [], seen(record));
      assert.deepEqual(record.consoleErrors, [], seen(record));
    } finally {
      saveArtifacts(`toolbar-${screen.name}-tour`, record);
      await context.close();
    }
  });
}

test('1280×800 with a mouse: the full header row, no menu', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', { width: 1280, height: 800 });
  try {
    await waitReady(page, 'index.html 1280×800');
    await settle(page, 'index.html 1280×800');
    const shown = await ids(page);
    assert.ok(!shown.includes('menu'), 'a menu button on a wide screen');
    assert.deepEqual(MENU_ITEMS.filter((id) => !shown.includes(id)), [], 'items missing from the full header row');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('page-scrolls')), false,
      'the side-by-side layout must scroll its own columns');
    await screenshot(page, 'toolbar-1280x800');
  } finally {
    saveArtifacts('toolbar-1280x800', record);
    await context.close();
  }
});
