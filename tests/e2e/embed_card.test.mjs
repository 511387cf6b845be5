// tests/e2e/embed_card.test.mjs — the claim card an article embeds (embed.html?quote=ID&claim=N&lang=L, routed to
// the static page embed/<ID>/<N>.html of its language): the quote, the verdict and the reason are there as text
// before the module loads, the frame's document is no taller than the frame at 700 × 450 and 360 × 450, nothing is cut
// off, no text is below 14 px, the wheel scrolls the article, the full-page link works, a hostile quote id cannot
// inject markup, and the app takes over in the card's language and quote. Screenshots: artifacts/e2e/embed-card-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifactsDir, launchBrowser, openPage, saveArtifacts, seen, serveSite, waitReady } from './harness.mjs';
import { bookReason, LANGUAGES, quotesWithClaims, verdictLabel, VERDICTS } from './site_languages.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const SIZES = [[700, 450], [360, 450]];
const MIN_TEXT_PX = 14;

// Measured inside the frame's document: its size, the card's overflow, text smaller than 14 px, elements cut by
// their box or reaching past the card, and what the card says.
function measureCard() {
  const card = document.querySelector('.embed-card');
  const footer = document.querySelector('.embed-footer');
  if (!card) return { missing: true };
  const cardBox = card.getBoundingClientRect();
  const shown = [...card.querySelectorAll('*'), ...footer.querySelectorAll('*')].filter((element) =>
    element.checkVisibility() && [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()));
  const describe = (element) => `${element.tagName.toLowerCase()}.${element.className}`;
  const verdict = card.querySelector('.card-verdict');
  const last = [...card.children].filter((element) => element.checkVisibility()).pop();
  return {
    usedHeight: Math.round(last.getBoundingClientRect().bottom - cardBox.top + parseFloat(getComputedStyle(card).paddingBottom)),
    documentHeight: document.documentElement.scrollHeight,
    documentWidth: document.documentElement.scrollWidth,
    cardOverflow: card.scrollHeight - card.clientHeight,
    small: shown.filter((element) => parseFloat(getComputedStyle(element).fontSize) < 14)
      .map((element) => `${describe(element)} ${getComputedStyle(element).fontSize}`),
    clipped: shown.filter((element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0)
      .map(describe),
    outside: [...card.querySelectorAll('*')].filter((element) => element.checkVisibility()).filter((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > cardBox.bottom + 0.5 || box.right > cardBox.right + 0.5;
    }).map(describe),
    verdictName: verdict ? [...verdict.classList].find((name) => name.startsWith('verdict-')).slice(8) : '',
    verdictLabel: verdict ? verdict.querySelector('strong').textContent : '',
    span: (card.querySelector('.card-quote mark') || {}).textContent || '',
    reason: (card.querySelector('[data-reason]') || {}).textContent || '',
    fullPage: footer.querySelector('a#full-page-link').getAttribute('href'),
  };
}

test('every claim card fits 700 × 450 and 360 × 450 in every language, as static HTML, text at least 14 px', async () => {
  const problems = [];
  let cards = 0;
  let tallest = 0;
  for (const [width, height] of SIZES) {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const { code, tree } of LANGUAGES) {
        for (const quote of quotesWithClaims()) {
          for (let index = 0; index < quote.claims.length; ++index) {
            const path = `${tree}embed/${quote.id}/${index}.html`;
            const response = await page.goto(served.url + path);
            if (response.status() !== 200) { problems.push(`${path}: HTTP ${response.status()}`); continue; }
            const card = await page.evaluate(measureCard);
            const where = `${path} at ${width}×${height}`;
            ++cards;
            if (card.missing) { problems.push(`${where}: no card`); continue; }
            tallest = Math.max(tallest, card.usedHeight);
            if (card.documentHeight > height) problems.push(`${where}: document ${card.documentHeight} px tall`);
            if (card.documentWidth > width) problems.push(`${where}: document ${card.documentWidth} px wide`);
            if (card.cardOverflow > 0) problems.push(`${where}: card content ${card.cardOverflow} px taller than the card`);
            if (card.small.length) problems.push(`${where}: text below ${MIN_TEXT_PX} px: ${card.small.join(', ')}`);
            if (card.clipped.length) problems.push(`${where}: cut off: ${card.clipped.join(', ')}`);
            if (card.outside.length) problems.push(`${where}: outside the card: ${card.outside.join(', ')}`);
            if (!VERDICTS.includes(card.verdictName) || card.verdictLabel !== verdictLabel(card.verdictName, code)) {
              problems.push(`${where}: verdict "${card.verdictLabel}" (${card.verdictName})`);
            }
            if (card.reason !== bookReason(quote.id, index, code)) {
              problems.push(`${where}: the reason "${card.reason}" is not the claim book's (ledger.html)`);
            }
            if (card.span !== quote.claims[index].span) problems.push(`${where}: marked "${card.span}", not the claim's span`);
          }
        }
      }
    } finally {
      await context.close();
    }
  }
  console.log(`embed cards: ${cards} checked; the fullest card uses ${tallest} px of its frame's height`);
  assert.deepEqual(problems, [], `embed cards:\n${problems.join('\n')}`);
  assert.equal(cards, SIZES.length * LANGUAGES.length * quotesWithClaims().reduce((sum, q) => sum + q.claims.length, 0));
});

// A long article with the snippet (the form the issue gives: embed.html?quote=…&claim=…&lang=…), served by route.
function hostPage(src, width, height) {
  const paragraph = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(12) + '</p>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>host article</title></head><body>
    <h1>An article</h1>${paragraph.repeat(3)}
    <iframe id="embed" src="${src}" width="${width}" height="${height}" loading="lazy" title="Chips &amp; Claims"
      style="border:0"></iframe>
    ${paragraph.repeat(30)}</body></html>`;
}

test('an article with the snippet: the card before the module, in each language and size; wheel; full-page link', async () => {
  const quote = quotesWithClaims().find((candidate) => candidate.claims.length > 1);
  const claimIndex = 1;
  for (const { code, tree } of LANGUAGES) {
    for (const [width, height] of SIZES) {
      const src = `embed.html?quote=${encodeURIComponent(quote.id)}&claim=${claimIndex}&lang=${code}`;
      const { context, page, record } = await openPage(browser, served.url, 'host-article.html', {
        width: Math.max(width + 40, 420), height: 700,
        beforeGoto: async (newContext, newPage) => {
          // The module never arrives: whatever the reader sees here is the static page.
          await newContext.route('**/chips*.wasm', () => {});
          await newPage.route('**/host-article.html',
            (route) => route.fulfill({ contentType: 'text/html', body: hostPage(src, width, height) }));
        },
      });
      const what = `${src} at ${width}×${height}`;
      try {
        const iframe = page.locator('#embed');
        await iframe.scrollIntoViewIfNeeded();
        const frame = await (await iframe.elementHandle()).contentFrame();
        await frame.waitForURL(new RegExp(`/${tree}embed/${quote.id.replace(/\./g, '\\.')}/${claimIndex}\\.html`),
          { timeout: 10000 });
        await frame.waitForSelector('.embed-card');
        const card = await frame.evaluate(measureCard);
        assert.ok(card.documentHeight <= height, `${what}: the frame's document is ${card.documentHeight} px tall`);
        assert.equal(card.verdictLabel, verdictLabel(card.verdictName, code), `${what}: verdict`);
        assert.equal(card.reason, bookReason(quote.id, claimIndex, code), `${what}: reason`);
        assert.equal(card.span, quote.claims[claimIndex].span, `${what}: the marked claim`);
        assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('app-running')), false,
          `${what}: the app ran although its module never arrived`);
        assert.equal(await frame.evaluate(() => document.documentElement.lang), code, `${what}: language`);
        await iframe.screenshot({ path: join(artifactsDir, `embed-card-${code}-${width}x${height}.png`) });

        // The wheel over the card scrolls the article.
        const box = await iframe.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const scrollBefore = await page.evaluate(() => window.scrollY);
        await page.mouse.wheel(0, 200);
        await page.waitForFunction((start) => window.scrollY > start, scrollBefore, { timeout: 3000 }).catch(() => {});
        const scrollAfter = await page.evaluate(() => window.scrollY);
        assert.ok(scrollAfter > scrollBefore, `${what}: the wheel over the card did not scroll the article`);

        // "Open the full explainer": this language's full page on this quote.
        const target = new URL(card.fullPage, frame.url());
        assert.equal(target.pathname, `/${tree}`, `${what}: full-page link ${card.fullPage}`);
        assert.equal(target.searchParams.get('quote'), quote.id, `${what}: full-page link ${card.fullPage}`);
        const response = await page.request.get(target.href);
        assert.equal(response.status(), 200, `${what}: ${target.href} answers HTTP ${response.status()}`);
        assert.match(await response.text(), new RegExp(`<html lang="${code}"`), `${what}: ${target.href} is not in ${code}`);
        assert.deepEqual(record.pageErrors, [], `${what}: ${seen(record)}`);
      } finally {
        saveArtifacts(`embed-card-${code}-${width}`, record);
        await context.close();
      }
    }
  }
});

test('a hostile quote id in the snippet cannot inject markup or send the frame elsewhere', async () => {
  const known = quotesWithClaims()[0].id;
  const hostile = ['"><img src=x onerror="window.__pwned=1">', `${known}"><script>window.__pwned=1</script>`,
    `${known}/../../index`, '../index', 'javascript:window.__pwned=1', '__proto__', 'constructor', `${known}\u0000`,
    `${known}#x`, `${known} `];
  const { context, page, record } = await openPage(browser, served.url, 'embed.html', {
    width: 700, height: 450,
    beforeGoto: (newContext) => newContext.route('**/chips*.wasm', () => {}),
  });
  try {
    let dialogs = 0;
    page.on('dialog', (dialog) => { ++dialogs; dialog.dismiss(); });
    for (const id of hostile) {
      const path = `embed.html?quote=${encodeURIComponent(id)}`;
      await page.goto(served.url + path);
      await page.waitForTimeout(150);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/embed.html', `${path}: the router left embed.html for ${page.url()}`);
      const injected = await page.evaluate(() => ({
        pwned: window.__pwned, images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].filter((script) => /__pwned/.test(script.textContent)).length,
      }));
      assert.deepEqual(injected, { pwned: undefined, images: 0, scripts: 0 }, `${path}: markup from the link`);
    }
    // A known quote with a bad claim or language lands on its headline claim in the page's language.
    await page.goto(served.url + `embed.html?quote=${known}&claim=<b>9</b>&lang=<i>`);
    await page.waitForURL(/\/embed\/[^/]+\/\d+\.html/);
    assert.match(new URL(page.url()).pathname, new RegExp(`^/embed/${known}/\\d+\\.html$`), `bad claim/lang: ${page.url()}`);
    assert.equal(dialogs, 0, 'a dialog opened');
    assert.deepEqual(record.pageErrors, [], seen(record));
  } finally {
    saveArtifacts('embed-card-hostile', record);
    await context.close();
  }
});

test('theme= in the snippet sets the card\'s colours against the system preference', async () => {
  const quote = quotesWithClaims()[0];
  for (const [scheme, theme, background] of [['light', 'dark', 'rgb(22, 24, 29)'], ['dark', 'light', 'rgb(247, 247, 245)']]) {
    const context = await browser.newContext({ viewport: { width: 700, height: 450 }, colorScheme: scheme });
    await context.route('**/chips*.wasm', () => {});
    const page = await context.newPage();
    try {
      await page.goto(served.url + `embed.html?quote=${quote.id}&theme=${theme}`);
      await page.waitForSelector('.embed-card');
      const seenBackground = await page.evaluate(() => getComputedStyle(document.querySelector('.embed-card')).backgroundColor);
      assert.equal(seenBackground, background, `theme=${theme} on a ${scheme} system: card background ${seenBackground}`);
    } finally {
      await context.close();
    }
  }
});

test('when the app is ready it takes over the frame, on the card\'s quote and in its language', async () => {
  const quote = quotesWithClaims()[1];
  for (const { code, tree } of LANGUAGES) {
    const path = `${tree}embed/${quote.id}/0.html`;
    const { context, page, record } = await openPage(browser, served.url, path, { width: 700, height: 450 });
    try {
      await waitReady(page, path);
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.quote, quote.id, `${path}: the app shows ${state.quote}`);
      assert.equal(state.language, code, `${path}: the app is in ${state.language}`);
      // The app's reason for the claim is the static card's (both from the claim book): nothing changes on takeover.
      const results = await page.evaluate(() => window.chipsAndClaims.getResults());
      const claim = results.claims.find((entry) => entry.quote === quote.id);
      assert.equal(claim.reason, bookReason(quote.id, 0, code), `${path}: the app's reason differs from the card's`);
      const cardBox = await page.locator('.embed-card').boundingBox();
      assert.ok(!cardBox || cardBox.width <= 1, `${path}: the card still covers the app (${JSON.stringify(cardBox)})`);
      const canvasBox = await page.locator('#canvas').boundingBox();
      assert.ok(canvasBox.width === 700 && canvasBox.height >= 400, `${path}: canvas ${JSON.stringify(canvasBox)}`);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= 450, `${path}: document ${height} px tall`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`embed-card-app-${code}`, record);
      await context.close();
    }
  }
});
