// tests/e2e/embed.test.mjs — embed.html in a 700 × 450 iframe inside an article: it starts, shows the chosen quote,
// links to the full page, lets the wheel scroll the article when the app has nothing to scroll, and takes keys
// after a click.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentQuotes, launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, settle } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

// A long article with the snippet the Embed button gives, served from the same test server (by route).
function hostPage(src) {
  const paragraph = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12) + '</p>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>host article</title></head><body>
    <h1>An article</h1>${paragraph.repeat(4)}
    <iframe id="embed" src="${src}" width="700" height="450" title="Chips &amp; Claims" loading="eager"></iframe>
    ${paragraph.repeat(30)}</body></html>`;
}

test('embed.html in a 700 × 450 iframe: ready, one quote, full-page link, wheel and focus', async () => {
  const quote = contentQuotes()[1] || contentQuotes()[0];
  const src = `embed.html?quote=${encodeURIComponent(quote.id)}`;
  const { context, page, record } = await openPage(browser, served.url, 'host-article.html', {
    width: 1000, height: 700,
    beforeGoto: async (_context, newPage) => newPage.route('**/host-article.html',
      (route) => route.fulfill({ contentType: 'text/html', body: hostPage(src) })),
  });
  try {
    const iframe = page.locator('#embed');
    await iframe.scrollIntoViewIfNeeded();
    // embed.html sends a known quote on to its static card page (site/embed-route.js), where the app starts.
    const frame = await (await iframe.elementHandle()).contentFrame();
    assert.ok(frame, 'host article: no embed frame');
    await frame.waitForURL(/\/embed\/[^/]+\/\d+\.html/, { timeout: 10000 });
    try {
      await frame.evaluate(() => window.chipsAndClaims.ready);
    } catch (error) {
      throw new Error(`${src} in an iframe: ready did not resolve: ${error.message}; ${seen(record)}`);
    }
    await settle(frame, `${src}: settle`);

    const canvasBox = await frame.locator('#canvas').boundingBox();
    const frameBox = await iframe.boundingBox();
    assert.equal(Math.round(canvasBox.width), 700, `${src}: canvas width ${canvasBox.width} in a 700 px iframe`);
    assert.ok(canvasBox.height >= 400 && canvasBox.y + canvasBox.height <= frameBox.y + frameBox.height + 1,
      `${src}: canvas ${JSON.stringify(canvasBox)} does not fit the 450 px iframe ${JSON.stringify(frameBox)}`);
    await screenshot(page, 'embed-700x450');

    // Wheel: over the app, the article scrolls unless the panel under the pointer can scroll that way.
    const x = canvasBox.x + canvasBox.width / 2;
    const y = canvasBox.y + canvasBox.height / 2;
    await page.mouse.move(x, y);
    await settle(frame, `${src}: settle after moving over the canvas`);
    const appWants = await frame.evaluate(() => window.chipsAndClaims.wheelWanted(0, 200));
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(500);
    const afterScroll = await page.evaluate(() => window.scrollY);
    if (appWants) {
      assert.equal(afterScroll, before, `${src}: the app scrolls its panel, but the article moved too`);
    } else {
      assert.ok(afterScroll > before, `${src}, step "wheel over the app": the article did not scroll (scrollY ${before} → ${afterScroll})`);
    }
    // Ctrl+wheel is the browser's zoom gesture: never captured by the app.
    assert.equal(await frame.evaluate(() => window.chipsAndClaims.wheelWanted(0, 0)), false, `${src}: wheelWanted(0,0)`);

    // Focus: a click puts keyboard focus on the canvas inside the frame; keys then reach the app.
    const newBox = await frame.locator('#canvas').boundingBox();
    await page.mouse.click(newBox.x + 5, newBox.y + newBox.height - 5);
    const focused = await frame.evaluate(() => document.activeElement && document.activeElement.id);
    assert.equal(focused, 'canvas', `${src}, step "click": focus is on ${focused}, not the canvas`);
    const keysBefore = await frame.evaluate(() => window.chipsAndClaims.keyEvents());
    await page.keyboard.press('Tab');
    await page.waitForTimeout(200);
    const keysAfter = await frame.evaluate(() => window.chipsAndClaims.keyEvents());
    assert.ok(keysAfter > keysBefore, `${src}, step "key after click": the app received no key event`);
    // What the app shows (needs ui/'s embed view), checked last so the page-side checks above run regardless.
    const state = await frame.evaluate(() => window.chipsAndClaims.getState());
    assert.equal(state && state.quote, quote.id, `${src}: the embed shows quote ${state && state.quote}`);
    const link = frame.locator('#full-page-link');
    assert.equal(await link.isVisible(), true, `${src}: no visible link to the full page`);
    const href = await link.getAttribute('href');
    const target = new URL(href, frame.url());
    assert.ok(target.pathname === '/' && target.searchParams.get('quote') === quote.id && !href.includes('view=embed'),
      `${src}: full-page link is ${href} (from ${frame.url()})`);
    assert.deepEqual(record.pageErrors, [], `${src}: ${seen(record)}`);
  } finally {
    saveArtifacts('embed', record);
    await context.close();
  }
});

test('embed.html keeps the reader\'s settings and the host page\'s address alone', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'embed.html?quote=nope&lang=zh-Hans',
    { width: 700, height: 450 });
  try {
    await page.evaluate(() => window.chipsAndClaims.ready);
    await page.evaluate(() => window.chipsAndClaims.setState({ language: 'en' })); // a settings change the app syncs
    await page.waitForTimeout(800);
    assert.equal(await page.evaluate(() => localStorage.getItem('chipsAndClaims.settings')), null,
      'embed.html: saved settings from inside an embed');
    assert.equal(await page.evaluate(() => location.search), '?quote=nope&lang=zh-Hans', 'embed.html: rewrote its own address');
    assert.equal(await page.locator('#notices').isVisible(), true, 'embed.html?quote=nope: no notice for the unknown quote');
  } finally {
    saveArtifacts('embed-settings', record);
    await context.close();
  }
});
