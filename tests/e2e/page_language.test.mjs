// tests/e2e/page_language.test.mjs — the page's own introduction follows the app's interface language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, saveArtifacts, serveSite, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const shownIntro = (page) => page.evaluate(() =>
  [...document.querySelectorAll('.intro[data-lang]')].filter((node) => !node.hidden).map((node) => node.dataset.lang));

test('the introduction is shown in the language of the app, and switches with it', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html?lang=zh-Hant');
  try {
    await waitReady(page, 'index.html?lang=zh-Hant');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant', null, { timeout: 5000 })
      .catch(() => {});
    assert.deepEqual(await shownIntro(page), ['zh-Hant'], 'index.html?lang=zh-Hant: step "load": wrong intro shown');
    await page.evaluate(() => window.chipsAndClaims.setState({ language: 'en' }));
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 }).catch(() => {});
    assert.deepEqual(await shownIntro(page), ['en'], 'index.html: step "setState language en": wrong intro shown');
  } finally {
    saveArtifacts('page-language', record);
    await context.close();
  }
});
