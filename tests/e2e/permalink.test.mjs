// tests/e2e/permalink.test.mjs — the scenario, language and quote live in the URL; opening the link restores exactly
// that view; opening someone's link leaves the reader's saved settings alone; copying reaches the clipboard.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentQuotes, launchBrowser, openPage, saveArtifacts, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const SETTINGS_KEY = 'chipsAndClaims.settings';

test('a permalink round-trips exactly: state, language and quote', async () => {
  const quote = contentQuotes().find((q) => q.script === 'zh-Hant') || contentQuotes()[0];
  const first = await openPage(browser, served.url, 'index.html');
  let query, original;
  try {
    await waitReady(first.page, 'index.html');
    // The quote first: selecting a quote loads its claim's scenario; the reader's own changes come after.
    const selected = await first.page.evaluate((id) => window.chipsAndClaims.selectQuote(id), quote.id);
    assert.equal(selected, true, `index.html, step "selectQuote(${quote.id})": refused`);
    const reply = await first.page.evaluate(() => window.chipsAndClaims.setState({
      scenario: { gpu: 'h100', chips: 50000, mfu: 0.3 }, language: 'zh-Hant' }));
    assert.equal(reply.ok, true, `index.html, step "setState": ${JSON.stringify(reply)}`);
    await settle(first.page, 'index.html after setState');
    query = await first.page.evaluate(() => window.chipsAndClaims.permalinkQuery());
    original = await first.page.evaluate(() => window.chipsAndClaims.getState());
    for (const part of ['gpu=h100', 'chips=50000', 'lang=zh-Hant', `quote=${quote.id}`]) {
      assert.ok(query.split('&').includes(part), `index.html, step "permalinkQuery": ${JSON.stringify(query)} lacks ${part}`);
    }
    const search = await first.page.evaluate(() => location.search);
    assert.equal(search, '?' + query, 'index.html: the address bar does not follow the view');
  } finally {
    saveArtifacts('permalink-source', first.record);
    await first.context.close();
  }

  const second = await openPage(browser, served.url, 'index.html?' + query);
  try {
    await waitReady(second.page, `index.html?${query}`);
    const restored = await second.page.evaluate(() => window.chipsAndClaims.getState());
    assert.deepEqual(restored, original, `index.html?${query}: the restored state differs`);
    const again = await second.page.evaluate(() => window.chipsAndClaims.permalinkQuery());
    assert.equal(again, query, `index.html?${query}: permalinkQuery() after restoring differs`);
    assert.equal(await second.page.locator('#notices').isVisible(), false,
      `index.html?${query}: a clean link showed a notice: ${await second.page.locator('#notices').textContent()}`);
    assert.equal(await second.page.evaluate(() => window.chipsAndClaims.traditionalFont), 'ready',
      `index.html?${query}: 繁體中文 view without the TC font`);
    assert.deepEqual(second.record.pageErrors, [], seen(second.record));
  } finally {
    saveArtifacts('permalink-restore', second.record);
    await second.context.close();
  }
});

test("opening someone's link does not overwrite the reader's saved settings; a normal visit saves them", async () => {
  const saved = JSON.stringify({ language: 'en' });
  // Any small same-origin file: a blank page of the site's origin for localStorage.
  const { context, page, record } = await openPage(browser, served.url, 'asset-manifest.json');
  try {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [SETTINGS_KEY, saved]);
    await page.goto(served.url + 'index.html?lang=zh-Hans&gpu=h100');
    await waitReady(page, 'index.html?lang=zh-Hans (a link)');
    await page.evaluate(() => window.chipsAndClaims.setState({ language: 'zh-Hant' }));
    await settle(page, 'link visit');
    const after = await page.evaluate((key) => localStorage.getItem(key), SETTINGS_KEY);
    assert.equal(after, saved, "index.html?lang=zh-Hans: the link's visit overwrote the reader's saved settings");

    // Positive control: on a visit without a link, the same hook saves.
    await page.goto(served.url + 'index.html');
    await waitReady(page, 'index.html (own visit)');
    await page.evaluate(() => window.chipsAndClaims.setState({ language: 'zh-Hans' }));
    await settle(page, 'own visit after a language change');
    const own = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{}').language, SETTINGS_KEY);
    assert.equal(own, 'zh-Hans', 'index.html: the reader\'s own visit did not save settings');
    // And a reload of the reader's own address (the bar follows the view) is still their own visit.
    await page.evaluate(() => window.chipsAndClaims.setState({ scenario: { chips: 4096 } }));
    await settle(page, 'own visit after setState');
    await page.reload();
    await waitReady(page, 'index.html (reload of own address)');
    await page.evaluate(() => window.chipsAndClaims.setState({ language: 'en' }));
    await settle(page, 'reloaded own visit after a language change');
    const reloaded = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{}').language, SETTINGS_KEY);
    assert.equal(reloaded, 'en', 'index.html: after a reload of the own address settings stopped saving');
  } finally {
    saveArtifacts('permalink-settings', record);
    await context.close();
  }
});

test('Copy reaches the system clipboard', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html',
    { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await waitReady(page, 'index.html');
    const link = await page.evaluate(() => window.chipsAndClaimsPage.pageUrl() + '?' + window.chipsAndClaims.permalinkQuery());
    assert.ok(link.startsWith(served.url), `index.html: pageUrl() gives ${link}`);
    // The app's Copy buttons call PlatformHooks::copy_text, which is this page hook (wasm/browser.cpp).
    await page.evaluate((text) => window.chipsAndClaimsPage.copyText(text), link);
    await page.waitForTimeout(200);
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, link, 'index.html, step "copy link": the clipboard holds something else');
  } finally {
    saveArtifacts('permalink-clipboard', record);
    await context.close();
  }
});
