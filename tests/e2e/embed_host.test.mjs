// tests/e2e/embed_host.test.mjs — a journalist's path, end to end: in each language's full page, click the app's
// Embed button and its Copy button with the real mouse, read the snippet from the clipboard, paste it into an article
// served by this test from another origin on 127.0.0.1, and load that article with the snippet at 700 × 450 and at
// 360 × 450. With the module blocked (so what is seen is the static card): the iframe's document is no taller than the
// frame, the verdict and the reason are there as text, the wheel over the frame scrolls the article, the full-page
// link opens the language's full page on that quote. A hostile quote id put into the snippet cannot inject markup.
// Screenshots: artifacts/e2e/embed-host-<lang>-<w>x450.png (issue #15).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, launchBrowser, openPage, saveArtifacts, seen, serveSite, settle, waitReady } from './harness.mjs';
import { LANGUAGES, bookReason, quotesWithClaims, verdictLabel } from './site_languages.mjs';

let browser, served, host;
// The article lives on its own origin (another port), as on a newspaper's site; its HTML is set per check.
let articleHtml = '';
before(async () => {
  served = await serveSite();
  browser = await launchBrowser();
  const server = createServer((request, response) => {
    response.writeHead(request.url.startsWith('/article') ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(request.url.startsWith('/article') ? articleHtml : 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = { server, url: `http://127.0.0.1:${server.address().port}/` };
});
after(async () => {
  await browser?.close();
  served?.server.close();
  host?.server.close();
});

const SIZES = [[700, 450], [360, 450]];

// A long article with the snippet pasted as it is, except for its width on a phone layout.
function article(snippet, width) {
  const paragraph = '<p>' + 'The reporter explains the claim in a few sentences of ordinary prose. '.repeat(10) + '</p>';
  const sized = snippet.replace(/\swidth="700"/, ` width="${width}"`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
    <style>body { margin: 8px; font: 16px/1.5 sans-serif; }</style></head><body>
    <h1>An article about chips</h1>${paragraph.repeat(3)}<div id="slot">${sized}</div>${paragraph.repeat(30)}</body></html>`;
}

// Clicks a control the app draws, at the centre of its rectangle (canvas CSS pixels → page coordinates), once the
// rectangle has stayed put for two looks (a popup is measured on its first frame and placed on a later one).
async function clickControl(page, id, what) {
  let rect = null;
  let previous = null;
  for (let tries = 0; tries < 50; ++tries) {
    rect = await page.evaluate((controlId) => window.chipsAndClaims.controlRect(controlId), id);
    if (rect && previous && JSON.stringify(rect) === JSON.stringify(previous)) break;
    previous = rect;
    await page.waitForTimeout(150);
  }
  assert.ok(rect, `${what}: the app drew no control "${id}"`);
  const canvas = await page.locator('#canvas').boundingBox();
  await page.mouse.move(canvas.x + rect.x + rect.w / 2, canvas.y + rect.y + rect.h / 2);
  await page.mouse.down();
  await page.mouse.up();
}

// Opens the language's full page, clicks Embed and Copy, and returns the clipboard's text and the selected claim.
async function snippetFromApp(code, tree) {
  const { context, page, record } = await openPage(browser, served.url, `${tree}index.html`,
    { permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    await waitReady(page, `${tree}index.html`);
    await settle(page, `${tree}index.html`);
    const state = await page.evaluate(() => window.chipsAndClaims.getState());
    assert.equal(state.language, code, `${tree}index.html: the app starts in ${state.language}`);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await clickControl(page, 'embed', `${tree}index.html, the Embed button`);
    await clickControl(page, 'embed.copy', `${tree}index.html, the popup's Copy button`);
    let snippet = '';
    for (let tries = 0; tries < 30 && !snippet; ++tries) {
      snippet = await page.evaluate(() => navigator.clipboard.readText());
      if (!snippet) await page.waitForTimeout(100);
    }
    await page.screenshot({ path: join(artifactsDir, `embed-host-popup-${code}.png`) });
    assert.ok(snippet, `${tree}index.html: the clipboard is empty after Embed → Copy`);
    assert.deepEqual(record.pageErrors, [], `${tree}index.html: ${seen(record)}`);
    return { snippet, quote: state.quote };
  } finally {
    saveArtifacts(`embed-host-app-${code}`, record);
    await context.close();
  }
}

// What the snippet is, parsed by the browser as the article's CMS would: one iframe and nothing else.
async function parseSnippet(page, snippet) {
  return page.evaluate((text) => {
    const template = document.createElement('template');
    template.innerHTML = text;
    const elements = [...template.content.querySelectorAll('*')];
    const frame = template.content.firstElementChild;
    return {
      elements: elements.map((element) => element.tagName.toLowerCase()),
      attributes: frame ? frame.getAttributeNames().sort() : [],
      src: frame ? frame.getAttribute('src') : '', width: frame && frame.getAttribute('width'),
      height: frame && frame.getAttribute('height'), loading: frame && frame.getAttribute('loading'),
      title: frame && frame.getAttribute('title'),
    };
  }, snippet);
}

// Inside the frame: its document's height, the card's verdict and reason, whether the app runs, the full-page link.
function readCard() {
  const card = document.querySelector('.embed-card');
  const verdict = card && card.querySelector('.card-verdict');
  return {
    documentHeight: document.documentElement.scrollHeight,
    lang: document.documentElement.lang,
    verdictName: verdict ? [...verdict.classList].find((name) => name.startsWith('verdict-')).slice(8) : '',
    verdictLabel: verdict ? verdict.querySelector('strong').textContent : '',
    reason: ((card && card.querySelector('[data-reason]')) || {}).textContent || '',
    appRunning: document.documentElement.classList.contains('app-running'),
    fullPage: (document.querySelector('#full-page-link') || {}).href || '',
  };
}

for (const { code, tree } of LANGUAGES) {
  test(`${code}: the Embed button's snippet in an article at 700 × 450 and 360 × 450, module blocked`, async () => {
    const { snippet, quote: quoteId } = await snippetFromApp(code, tree);
    const quote = quotesWithClaims().find((candidate) => candidate.id === quoteId);
    assert.ok(quote, `${code}: the app's selected quote ${quoteId} has no claims in content/quotes.json`);
    for (const [width, height] of SIZES) {
      articleHtml = article(snippet, width);
      const what = `${code} snippet at ${width}×${height}`;
      const { context, page, record } = await openPage(browser, host.url, 'article.html', {
        width: Math.max(width + 40, 400), height: 700,
        // The module never arrives: the card the reader sees is the static page, before any wasm.
        beforeGoto: (newContext) => newContext.route('**/chips*.wasm', () => {}),
      });
      try {
        const parsed = await parseSnippet(page, snippet);
        assert.deepEqual(parsed.elements, ['iframe'], `${what}: the snippet is not one iframe: ${snippet}`);
        assert.deepEqual(parsed.attributes, ['height', 'loading', 'src', 'style', 'title', 'width'], `${what}: attributes`);
        assert.equal(parsed.width, '700', `${what}: width`);
        assert.equal(parsed.height, '450', `${what}: height`);
        assert.equal(parsed.loading, 'lazy', `${what}: loading`);
        assert.ok(parsed.title.length > 5, `${what}: title "${parsed.title}"`);
        const src = new URL(parsed.src);
        assert.equal(src.origin + '/', served.url, `${what}: the snippet points at ${src.origin}`);
        assert.equal(src.pathname, `/${tree}embed.html`, `${what}: the snippet's page`);
        assert.equal(src.searchParams.get('quote'), quoteId, `${what}: the snippet's quote`);
        assert.equal(src.searchParams.get('lang'), code, `${what}: the snippet's language`);
        const claimIndex = Number(src.searchParams.get('claim'));
        assert.ok(Number.isInteger(claimIndex) && claimIndex >= 0 && claimIndex < quote.claims.length,
          `${what}: claim=${src.searchParams.get('claim')}`);

        const iframe = page.locator('iframe');
        await iframe.scrollIntoViewIfNeeded();
        const frame = await (await iframe.elementHandle()).contentFrame();
        await frame.waitForURL(new RegExp(`/${tree}embed/[^/]+/${claimIndex}\\.html`), { timeout: 10000 });
        await frame.waitForSelector('.embed-card [data-reason]');
        const frameBox = await iframe.boundingBox();
        assert.equal(Math.round(frameBox.width), width, `${what}: the frame is ${frameBox.width} px wide`);
        assert.equal(Math.round(frameBox.height), height, `${what}: the frame is ${frameBox.height} px tall`);
        const card = await frame.evaluate(readCard);
        assert.ok(card.documentHeight <= height, `${what}: the frame's document is ${card.documentHeight} px tall`);
        assert.equal(card.lang, code, `${what}: the card's language`);
        assert.equal(card.verdictLabel, verdictLabel(card.verdictName, code), `${what}: verdict "${card.verdictLabel}"`);
        assert.equal(card.reason, bookReason(quote.id, claimIndex, code), `${what}: reason`);
        assert.equal(card.appRunning, false, `${what}: the app ran although its module was blocked`);
        await iframe.screenshot({ path: join(artifactsDir, `embed-host-${code}-${width}x${height}.png`) });

        // The wheel over the frame scrolls the article (real mouse wheel over the card).
        await page.mouse.move(frameBox.x + frameBox.width / 2, frameBox.y + frameBox.height / 2);
        const scrollBefore = await page.evaluate(() => window.scrollY);
        await page.mouse.wheel(0, 240);
        await page.waitForFunction((start) => window.scrollY > start, scrollBefore, { timeout: 3000 }).catch(() => {});
        const scrollAfter = await page.evaluate(() => window.scrollY);
        assert.ok(scrollAfter > scrollBefore, `${what}: the wheel over the frame did not scroll the article`);

        // The full-page link: a click opens the language's full page on this quote, in a new tab.
        const full = new URL(card.fullPage);
        assert.equal(full.origin + '/', served.url, `${what}: full-page link ${card.fullPage}`);
        assert.equal(full.pathname, `/${tree}`, `${what}: full-page link ${card.fullPage}`);
        assert.equal(full.searchParams.get('quote'), quoteId, `${what}: full-page link's quote`);
        const link = frame.locator('#full-page-link');
        await link.scrollIntoViewIfNeeded();
        const linkBox = await link.boundingBox();
        const [opened] = await Promise.all([
          context.waitForEvent('page', { timeout: 10000 }),
          page.mouse.click(linkBox.x + linkBox.width / 2, linkBox.y + linkBox.height / 2),
        ]);
        await opened.waitForLoadState('domcontentloaded');
        assert.equal(new URL(opened.url()).pathname, `/${tree}`, `${what}: the link opened ${opened.url()}`);
        assert.equal(await opened.evaluate(() => document.documentElement.lang), code, `${what}: the full page's language`);
        assert.ok(await opened.locator(`#quote-${quoteId}`).count() === 1, `${what}: the full page has no card for ${quoteId}`);
        await opened.close();
        assert.deepEqual(record.pageErrors, [], `${what}: ${seen(record)}`);
      } finally {
        saveArtifacts(`embed-host-${code}-${width}`, record);
        await context.close();
      }
    }
  });
}

test('a hostile quote id put into the snippet injects nothing into the frame or the article', async () => {
  const { snippet } = await snippetFromApp('en', '');
  const hostile = ['"><img src=x onerror="top.__pwned=1">', '</iframe><script>top.__pwned=1</script>',
    "' onload='top.__pwned=1", 'javascript:top.__pwned=1', '../../index', '__proto__'];
  for (const id of hostile) {
    // The quote parameter replaced as someone editing the snippet might: percent-encoded in src, as a URL must be.
    const edited = snippet.replace(/quote=[^&"]*/, `quote=${encodeURIComponent(id)}`);
    articleHtml = article(edited, 700);
    const what = `snippet with quote=${JSON.stringify(id)}`;
    const { context, page, record } = await openPage(browser, host.url, 'article.html', { width: 760, height: 700 });
    try {
      let dialogs = 0;
      page.on('dialog', (dialog) => { ++dialogs; dialog.dismiss(); });
      const iframe = page.locator('iframe');
      await iframe.scrollIntoViewIfNeeded();
      const frame = await (await iframe.elementHandle()).contentFrame();
      await frame.waitForLoadState('domcontentloaded');
      await page.waitForTimeout(300);
      assert.equal(new URL(frame.url()).pathname, '/embed.html', `${what}: the frame went to ${frame.url()}`);
      const inFrame = await frame.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].filter((script) => /__pwned/.test(script.textContent)).length,
        height: document.documentElement.scrollHeight,
      }));
      assert.deepEqual({ images: inFrame.images, scripts: inFrame.scripts }, { images: 0, scripts: 0 }, `${what}: markup`);
      assert.ok(inFrame.height <= 450, `${what}: the frame's document is ${inFrame.height} px tall`);
      const inArticle = await page.evaluate(() => ({ pwned: window.__pwned, frames: document.querySelectorAll('iframe').length,
        scripts: document.scripts.length }));
      assert.deepEqual(inArticle, { pwned: undefined, frames: 1, scripts: 0 }, `${what}: the article changed`);
      assert.equal(dialogs, 0, `${what}: a dialog opened`);
      assert.deepEqual(record.pageErrors, [], `${what}: ${seen(record)}`);
    } finally {
      saveArtifacts('embed-host-hostile', record);
      await context.close();
    }
  }
});
