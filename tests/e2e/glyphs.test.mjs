// tests/e2e/glyphs.test.mjs — both glyph paths (docs/site.md "Glyphs") draw every character of the content: the
// browser's own CJK fonts (this machine has Noto Sans CJK installed, as every phone and desktop has a CJK font) and
// the Noto subsets (forced with window.chipsAndClaimsForceFontFallback, as in a browser without CJK fonts), at device
// scale 1 and 3. The browser path fetches no font file; the Noto path fetches the subsets. Both lay the text out the
// same way: the same control positions, the same line breaks in a long quote.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentQuotes, launchBrowser, openPage, repoRoot, saveArtifacts, screenshot, seen, serveSite, settle, waitReady,
} from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'];
const tourSteps = JSON.parse(readFileSync(join(repoRoot, 'content/tour.json'), 'utf8')).steps;
const isFontFile = (url) => /\/fonts\/[^/]+\.(otf|ttf|woff2?)(\?|$)/.test(url);
// The longest quote: most likely to show a different line break if the two paths measured text differently.
const longQuote = contentQuotes().reduce((longest, quote) => (quote.text.length > longest.text.length ? quote : longest));

// Waits until the app has drawn `frames` more frames (the glyphs of what it drew are loaded by then). The wake is the
// page's own (any input event calls it): the frames a bridge call asked for may already be drawn and the loop idle.
async function drawn(page, frames = 2) {
  const start = await page.evaluate(() => { window.Module._chips_wake(); return window.chipsAndClaims.framesDrawn(); });
  await page.waitForFunction((target) => window.chipsAndClaims.framesDrawn() >= target, start + frames,
    { timeout: 15000, polling: 20 });
}

// One run: the page on one glyph path at one device scale, every content string drawn at least once.
async function walkEverything(path, deviceScaleFactor) {
  const what = `index.html, ${path} glyphs, device scale ${deviceScaleFactor}`;
  const fontRequests = [];
  const { context, page, record } = await openPage(browser, served.url, 'index.html', {
    // At device scale 3 a smaller window: SwiftShader draws 9 device pixels per CSS pixel (the walk took 12 minutes
    // at 1280 × 800); both paths still share the one layout compared below.
    ...(deviceScaleFactor > 2 ? { width: 800, height: 600 } : {}),
    deviceScaleFactor,
    initScript: path === 'noto' ? () => { window.chipsAndClaimsForceFontFallback = true; } : undefined,
    beforeGoto: async (_context, newPage) => newPage.on('request', (request) => {
      if (isFontFile(request.url())) fontRequests.push(new URL(request.url()).pathname);
    }),
  });
  try {
    await waitReady(page, what);
    const api = (fn, arg) => page.evaluate(fn, arg);
    assert.equal(await api(() => window.chipsAndClaims.glyphPath()), path, `${what}: the app draws with another path`);
    const detectMs = await api(() => performance.getEntriesByName('chips:glyph-detect').map((entry) => entry.duration)[0]);
    console.log(`${what}: detection ${detectMs === undefined ? 'n/a' : detectMs.toFixed(1) + ' ms'}`);

    // The layout both paths must share, measured on the first view (English, the opening quote).
    await settle(page, `${what}: first view`, { quietMs: 500 });
    const layout = {
      chips: await api(() => window.chipsAndClaims.controlRect('chips')),
    };
    await screenshot(page, `glyphs-${path}-dpr${deviceScaleFactor}`);

    // One real click: the language button for 繁體中文 (a real input event, not the bridge).
    const box = await page.locator('#canvas').boundingBox();
    const ids = await api(() => window.chipsAndClaims.controlIds());
    const languageButton = ids.find((id) => /zh-?hant/i.test(id) && /lang/i.test(id));
    assert.ok(languageButton, `${what}: no language button among the controls (${ids.join(', ')})`);
    const rect = await api((id) => window.chipsAndClaims.controlRect(id), languageButton);
    await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2);
    await page.waitForFunction(() => window.chipsAndClaims.getState().language === 'zh-Hant', null, { timeout: 10000 });
    // The Noto path fetches the TC subset when traditional text is first drawn: walk with the real face in place.
    await page.waitForFunction(() => window.chipsAndClaims.traditionalFont === 'ready', null, { timeout: 20000 });
    await drawn(page);

    for (const language of LANGUAGES) {
      const reply = await api((lang) => window.chipsAndClaims.setState({ language: lang }), language);
      assert.equal(reply.ok, true, `${what}: setState(language ${language}): ${JSON.stringify(reply)}`);
      await drawn(page);
      for (const quote of contentQuotes()) {
        const selected = await api((id) => window.chipsAndClaims.selectQuote(id), quote.id);
        assert.equal(selected, true, `${what}: selectQuote(${quote.id}) refused`);
        await drawn(page);
      }
      for (const step of tourSteps) { // each tour step's card (its title and body)
        const opened = await api((query) => window.chipsAndClaims.applyQuery(query), `tour=${step.id}&lang=${language}`);
        assert.equal(opened.ok, true, `${what}: tour step ${step.id}: ${JSON.stringify(opened)}`);
        await drawn(page);
      }
      await page.keyboard.press('Escape'); // leaves the tour
      // The Keys help ("?"), a real key press on the canvas (focused by the click above).
      await page.keyboard.press('?');
      await drawn(page);
      await page.keyboard.press('Escape');
      await drawn(page);
      // The embed card (its own labels; the quotes, verdicts and reasons are those of the cards above), for a
      // simplified and a traditional quote.
      await api(() => window.chipsAndClaims.setState({ view: 'embed' }));
      for (const script of ['zh-Hans', 'zh-Hant']) {
        const quote = contentQuotes().find((candidate) => candidate.script === script);
        await api((id) => window.chipsAndClaims.selectQuote(id), quote.id);
        await drawn(page);
      }
      await api(() => window.chipsAndClaims.setState({ view: 'full' }));
      await drawn(page);
    }

    // A long quote's card: its height is its line count (the line height is the font size on both paths).
    await api(() => window.chipsAndClaims.setState({ language: 'en' }));
    await api((id) => window.chipsAndClaims.selectQuote(id), longQuote.id);
    await settle(page, `${what}: long quote`, { quietMs: 500 });
    layout.longQuote = await api((id) => window.chipsAndClaims.controlRect('quote:' + id), longQuote.id);
    await api(() => window.chipsAndClaims.setState({ language: 'zh-Hant' }));
    await settle(page, `${what}: traditional`, { quietMs: 500 });
    await screenshot(page, `glyphs-${path}-dpr${deviceScaleFactor}-zh-Hant`);

    const missing = await api(() => window.chipsAndClaims.missingGlyphs());
    const named = (missing.sample || []).map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCharCode(code)}`);
    assert.equal(missing.count, 0, `${what}: ${missing.count} characters had no glyph: ${named.join(', ')}`);
    if (path === 'browser') {
      assert.deepEqual(fontRequests, [], `${what}: fetched font files although the browser has CJK fonts`);
    } else {
      for (const face of ['ui-sc', 'ui-tc']) {
        assert.ok(fontRequests.some((url) => url.includes(`/fonts/${face}`)), `${what}: never fetched ${face} (${fontRequests.join(', ')})`);
      }
    }
    assert.deepEqual(record.pageErrors, [], `${what}: ${seen(record)}`);
    assert.deepEqual(record.consoleErrors, [], `${what}: ${seen(record)}`);
    return layout;
  } finally {
    saveArtifacts(`glyphs-${path}-dpr${deviceScaleFactor}`, record);
    await context.close();
  }
}

for (const deviceScaleFactor of [1, 3]) {
  test(`both glyph paths draw every character of the content, alike, at device scale ${deviceScaleFactor}`, async () => {
    const browserLayout = await walkEverything('browser', deviceScaleFactor);
    const notoLayout = await walkEverything('noto', deviceScaleFactor);
    const near = (a, b, tolerance) => Math.abs(a - b) <= tolerance;
    for (const [name, tolerance] of [['chips', 2], ['longQuote', 2]]) {
      const a = browserLayout[name], b = notoLayout[name];
      assert.ok(a && b, `device scale ${deviceScaleFactor}: ${name} not drawn (${JSON.stringify({ a, b })})`);
      assert.ok(near(a.y, b.y, tolerance) && near(a.h, b.h, tolerance),
        `device scale ${deviceScaleFactor}: ${name} at ${JSON.stringify(a)} with the browser's fonts, ${JSON.stringify(b)} with the Noto subsets`);
    }
  });
}
