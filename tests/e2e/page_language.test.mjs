// tests/e2e/page_language.test.mjs — the page's own introduction, title, skip link and footer follow the app's interface
// language; the words site/app.js writes at run time are in the page's language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, repoRoot, saveArtifacts, serveSite, waitReady } from './harness.mjs';

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

// The page's surroundings follow the app's language too (site/app.js followLanguage): tab title, skip link, footer,
// and a link to the text version in that language (the text below stays in the page's own language).
test('title, skip link, footer and the text-version link follow a language switch made in the app', async () => {
  const strings = JSON.parse(readFileSync(join(repoRoot, 'content/strings.json'), 'utf8')).strings;
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    const surroundings = () => page.evaluate(() => ({
      title: document.title,
      skip: document.querySelector('.skip-link').textContent,
      sources: document.querySelector('[data-page-string="page.footer_sources_label"]').textContent,
      licence: document.querySelector('[data-page-string="page.footer_licence"]').textContent,
      link: (() => {
        const link = document.getElementById('text-version-link');
        return { shown: !link.parentElement.hidden, text: link.textContent, href: link.href };
      })(),
      fallbackLang: document.querySelector('#fallback h2').textContent,
    }));
    const before = await surroundings();
    assert.equal(before.title, strings['page.title'].en, 'index.html: English title at start');
    assert.equal(before.link.shown, false, 'index.html: the text-version link shows before any switch');
    for (const [code, tree] of [['zh-Hans', 'zh-hans/'], ['zh-Hant', 'zh-hant/'], ['en', '']]) {
      await page.evaluate((lang) => window.chipsAndClaims.setState({ language: lang }), code);
      await page.waitForFunction((title) => document.title === title, strings['page.title'][code], { timeout: 5000 })
        .catch(() => {});
      const after = await surroundings();
      const what = `index.html after switching the app to ${code}`;
      assert.equal(after.title, strings['page.title'][code], `${what}: title`);
      assert.equal(after.skip, strings['page.skip_link'][code], `${what}: skip link`);
      assert.equal(after.sources, strings['page.footer_sources_label'][code], `${what}: footer label`);
      assert.equal(after.licence, strings['page.footer_licence'][code], `${what}: footer licence`);
      assert.equal(after.fallbackLang, before.fallbackLang, `${what}: the text version's heading changed language`);
      if (code === 'en') {
        assert.equal(after.link.shown, false, `${what}: the text-version link is still shown`);
      } else {
        assert.equal(after.link.shown, true, `${what}: no link to the text version in ${code}`);
        assert.equal(after.link.text, strings['page.text_version_link'][code], `${what}: link text`);
        assert.equal(new URL(after.link.href).pathname, `/${tree}`, `${what}: link ${after.link.href}`);
        assert.equal(new URL(after.link.href).hash, '#fallback', `${what}: link ${after.link.href}`);
      }
    }
    assert.deepEqual(record.pageErrors, [], 'index.html: page errors');
  } finally {
    saveArtifacts('page-language-follow', record);
    await context.close();
  }
});

// Run-time messages are in the page's language: the loading error of a Chinese page, from content/strings.json.
test('loading progress and errors are written in the page\'s language', async () => {
  const strings = JSON.parse(readFileSync(join(repoRoot, 'content/strings.json'), 'utf8')).strings;
  for (const [code, tree] of [['zh-Hans', 'zh-hans/'], ['zh-Hant', 'zh-hant/'], ['en', '']]) {
    const { context, page, record } = await openPage(browser, served.url, `${tree}index.html`, {
      beforeGoto: (newContext) => newContext.route('**/chips*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
    });
    try {
      await page.waitForFunction(() => document.documentElement.classList.contains('app-failed'), null, { timeout: 15000 });
      const message = await page.evaluate(() => document.getElementById('status-text').textContent);
      const prefix = strings['page.run_load_failed'][code].split('{reason}')[0];
      const hint = strings['page.run_hint_page'][code].replace('{message}', '').trim();
      assert.ok(message.startsWith(prefix), `${tree}index.html with chips.wasm missing: "${message}" is not in ${code}`);
      assert.ok(message.endsWith(hint), `${tree}index.html: "${message}" lacks the ${code} hint`);
      assert.match(message, /chips\.wasm: HTTP 404/, `${tree}index.html: the reason is missing from "${message}"`);
    } finally {
      saveArtifacts(`page-language-error-${code}`, record);
      await context.close();
    }
  }
});
