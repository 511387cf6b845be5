// tests/e2e/languages.test.mjs — the page in each language (index.html, zh-hans/, zh-hant/): its <html lang>, title,
// text version, footer and hreflang links are in that language, the app starts in it, the Chinese pages (and every
// claim page and embed card) pass the language scan (no untranslated English, no internal key), and at 390 px nothing
// is wider than the screen or cut off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  contentQuotes, launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, siteDir, waitReady,
} from './harness.mjs';
import { LANGUAGES, quotesWithClaims, scanText, tr, verdictLabel, VERDICTS, visibleOwnText } from './site_languages.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const claimCount = () => contentQuotes().reduce((sum, quote) => sum + (quote.claims || []).length, 0);

test('each language\'s page: lang, title, hreflang, text version and footer in that language', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const { code, tree } of LANGUAGES) {
      const path = tree || 'index.html';
      assert.equal((await page.goto(served.url + tree)).status(), 200, `${path}: not served`);
      const seenPage = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        description: document.querySelector('meta[name="description"]').content,
        alternates: Object.fromEntries([...document.querySelectorAll('link[rel="alternate"][hreflang]')]
          .map((link) => [link.hreflang, link.href])),
        canonical: document.querySelector('link[rel="canonical"]').href,
        verdicts: [...document.querySelectorAll('#fallback li[data-verdict]')].map((item) =>
          [item.dataset.verdict, item.querySelector('.verdict').textContent]),
        heading: document.getElementById('fallback-title').textContent,
        footer: document.querySelector('.page-footer').innerText,
        intro: [...document.querySelectorAll('.intro')].filter((node) => !node.hidden).map((node) => node.lang),
        bodyText: document.body.innerText,
      }));
      assert.equal(seenPage.lang, code, `${path}: <html lang>`);
      assert.equal(seenPage.title, tr('page.title', code), `${path}: <title>`);
      assert.equal(seenPage.description, tr('page.description', code), `${path}: meta description`);
      assert.deepEqual(seenPage.intro, [code], `${path}: introduction shown`);
      assert.equal(seenPage.heading, tr('page.fallback_title', code), `${path}: text version heading`);
      assert.ok(seenPage.footer.includes(tr('page.footer_licence', code)), `${path}: footer not in ${code}`);
      assert.equal(seenPage.verdicts.length, claimCount(), `${path}: ${seenPage.verdicts.length} verdicts`);
      for (const [verdict, label] of seenPage.verdicts) {
        assert.ok(VERDICTS.includes(verdict) && label === verdictLabel(verdict, code), `${path}: verdict "${label}" (${verdict})`);
      }
      // hreflang: every language and x-default, absolute, each pointing at that language's tree; canonical = itself.
      const base = seenPage.alternates['x-default'];
      assert.match(base, /^https?:\/\/[^/]+\/(.*\/)?$/, `${path}: x-default ${base}`);
      for (const other of LANGUAGES) {
        assert.equal(seenPage.alternates[other.code], base + other.tree, `${path}: hreflang ${other.code}`);
      }
      assert.equal(seenPage.canonical, base + tree, `${path}: canonical`);
      assert.deepEqual(scanText(seenPage.bodyText, 'en'), [], `${path}: internal keys in the page`);
    }
  } finally {
    await context.close();
  }
});

test('language scan of every Chinese page: full page, claim pages, embed cards', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const problems = [];
  let pages = 0;
  try {
    for (const { code, tree } of LANGUAGES.filter((entry) => entry.code !== 'en')) {
      const paths = [tree, ...quotesWithClaims().flatMap((quote) =>
        [`${tree}claims/${quote.id}.html`, ...quote.claims.map((claim, index) => `${tree}embed/${quote.id}/${index}.html`)])];
      for (const path of paths) {
        await page.goto(served.url + path);
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== code) problems.push(`${path}: <html lang="${lang}">`);
        const found = new Set((await page.evaluate(visibleOwnText)).flatMap((text) => scanText(text, code)));
        if (found.size) problems.push(`${path}: ${[...found].join(', ')}`);
        ++pages;
      }
    }
  } finally {
    await context.close();
  }
  console.log(`language scan: ${pages} Chinese pages`);
  assert.deepEqual(problems, [], `language scan:\n${problems.join('\n')}`);
});

test('at 390 px nothing is wider than the screen and no text is cut off (full page and a claim page)', async () => {
  const quote = quotesWithClaims()[0];
  const problems = [];
  for (const { code, tree } of LANGUAGES) {
    for (const [path, javaScriptEnabled] of [[tree, true], [`${tree}claims/${quote.id}.html`, false]]) {
      const { context, page, record } = await openPage(browser, served.url, path, { width: 390, height: 844, javaScriptEnabled });
      try {
        if (javaScriptEnabled) await waitReady(page, path || 'index.html');
        const found = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = document.documentElement.scrollWidth > width ? [`page ${document.documentElement.scrollWidth} px wide`] : [];
          const cut = [...document.querySelectorAll('body *:not(canvas)')].filter((element) => {
            if (!element.checkVisibility() || element.closest('.visually-hidden, .skip-link')) return false;
            const style = getComputedStyle(element);
            const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
            return clips && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0;
          }).map((element) => `${element.tagName.toLowerCase()}#${element.id}.${element.className}`);
          const outside = [...document.querySelectorAll('body *')].filter((element) => element.checkVisibility() &&
            !element.closest('.skip-link') && element.getBoundingClientRect().right > width + 0.5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className} past the right edge`);
          return [...wide, ...cut.map((name) => `${name} cut off`), ...outside];
        });
        problems.push(...found.map((problem) => `${path || 'index.html'} (${code}): ${problem}`));
        await screenshot(page, `page-390-${code}${javaScriptEnabled ? '' : '-claim'}`);
        assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
      } finally {
        saveArtifacts(`page-390-${code}`, record);
        await context.close();
      }
    }
  }
  assert.deepEqual(problems, [], `at 390 px:\n${problems.join('\n')}`);
});

test('the app starts in the page\'s language, the title in the app\'s; a link\'s lang= still wins', async () => {
  for (const [path, expected] of [['index.html', 'en'], ['zh-hans/', 'zh-Hans'], ['zh-hant/', 'zh-Hant'], ['zh-hant/?lang=en', 'en']]) {
    const { context, page, record } = await openPage(browser, served.url, path);
    try {
      await waitReady(page, path);
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.language, expected, `${path}: the app started in ${state.language}`);
      // The page's title is the page's own (SDL would name the document after its window), in the app's language:
      // the page's surroundings follow the app (site/app.js followLanguage), so zh-hant/?lang=en is titled in English.
      await page.waitForFunction((title) => document.title === title, tr('page.title', expected), { timeout: 5000 })
        .catch(() => {});
      assert.equal(await page.title(), tr('page.title', expected), `${path}: title after the app started`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
      assert.deepEqual(record.consoleErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`page-language-start-${expected}`, record);
      await context.close();
    }
  }
});

test('each Chinese offline file starts in its language from file:// with the network off', async () => {
  for (const { code, tree } of LANGUAGES.filter((entry) => entry.code !== 'en')) {
    const file = join(siteDir, tree, 'chips-and-claims-offline.html');
    const { context, page, record } = await openPage(browser, pathToFileURL(file).href, '', {
      offline: true,
      beforeGoto: (newContext) => newContext.route(/^(?!file:|data:|blob:)/, (route) => route.abort()),
    });
    try {
      await waitReady(page, `${tree}chips-and-claims-offline.html`);
      const seenPage = await page.evaluate(() => ({
        lang: document.documentElement.lang, title: document.title, language: window.chipsAndClaims.getState().language,
        verdict: document.querySelector('#fallback .verdict').textContent,
      }));
      assert.deepEqual(seenPage, { lang: code, title: tr('page.title', code), language: code,
        verdict: seenPage.verdict }, `${tree}chips-and-claims-offline.html`);
      assert.ok(VERDICTS.some((verdict) => verdictLabel(verdict, code) === seenPage.verdict),
        `${tree}chips-and-claims-offline.html: verdict "${seenPage.verdict}"`);
      assert.deepEqual(record.pageErrors, [], seen(record));
    } finally {
      saveArtifacts(`offline-${code}`, record);
      await context.close();
    }
  }
});
