// tests/e2e/verdicts.test.mjs — the quote card's verdict follows the reader's sliders. On the 557万美元 card (DeepSeek's
// reported V3 training cost, q-dsv3-cost-557-h800), in English, simplified and traditional Chinese: the card shows
// the published verdict and its reason in plain words; a real mouse drag on the rental-price slider makes the card add
// the verdict under the reader's scenario, which changes while the button is still held (cheap GPUs: $5.57M is more
// than the run would cost; dear GPUs: less), with its own reason naming the reader's price. getResults() reports the
// same (verdict_live, reason_live), and the published reason is the ledger's (ledger.html of that language), which
// the page's footer links. Screenshots: artifacts/e2e/verdicts-<lang>-{published,cheap,dear}.png, verdicts-ledger-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  artifactsDir, contentQuotes, launchBrowser, openPage, saveArtifacts, screenshot, seen, serveSite, settle, waitReady,
} from './harness.mjs';
import { bookReason, LANGUAGES, tr } from './site_languages.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const QUOTE = 'q-dsv3-cost-557-h800';
const CLAIM = `${QUOTE}#0`;

const claimOf = (page) => page.evaluate((quote) =>
  window.chipsAndClaims.getResults().claims.find((claim) => claim.quote === quote), QUOTE);
const rectOf = (page, id) => page.evaluate((name) => window.chipsAndClaims.controlRect(name), id);

// Polls getResults() until the claim's live verdict is `verdict` (the app applies a mouse move on its next frame).
async function waitForLive(page, verdict, what) {
  const start = Date.now();
  let claim = await claimOf(page);
  while (claim.verdict_live !== verdict && Date.now() - start < 5000) {
    await page.waitForTimeout(50);
    claim = await claimOf(page);
  }
  assert.equal(claim.verdict_live, verdict, `${what}: the live verdict is ${claim.verdict_live}, not ${verdict}`);
  return claim;
}

// The rectangle is drawn inside the canvas's visible area.
async function assertVisible(page, id, what) {
  const rect = await rectOf(page, id);
  assert.ok(rect && rect.w > 0 && rect.h > 0, `${what}: "${id}" is not drawn (${JSON.stringify(rect)})`);
  const box = await page.locator('#canvas').boundingBox();
  assert.ok(rect.y >= 0 && rect.y + rect.h <= box.height && rect.x >= 0 && rect.x + rect.w <= box.width,
    `${what}: "${id}" at ${JSON.stringify(rect)} is outside the ${box.width}×${box.height} canvas`);
  return rect;
}

for (const { code, tree } of LANGUAGES) {
  test(`${code}: dragging the price slider changes the 557万美元 card's live verdict and reason`, async () => {
    const path = `${tree}index.html?quote=${QUOTE}`;
    const { context, page, record } = await openPage(browser, served.url, path, { width: 1400, height: 1000 });
    try {
      await waitReady(page, path);
      await settle(page, path);
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.language, code, `${path}: the app is in ${state.language}`);
      assert.equal(state.quote, QUOTE, `${path}: the app shows ${state.quote}`);

      // Published: one verdict, its reason on the card (not in a tooltip), the ledger's words.
      const published = await claimOf(page);
      assert.equal(published.verdict, 'consistent', `${path}: published verdict`);
      assert.equal(published.verdict_live, 'consistent', `${path}: live verdict before any change`);
      assert.equal(published.reason, bookReason(QUOTE, 0, code), `${path}: the reason is not the ledger's`);
      assert.equal(published.reason_live, published.reason, `${path}: live reason before any change`);
      await assertVisible(page, `${CLAIM}.reason`, `${path} (published)`);
      assert.equal(await rectOf(page, `${CLAIM}.live`), null, `${path}: a "your scenario" line before any change`);
      await screenshot(page, `verdicts-${code}-published`);

      // A real drag on the rental-price slider (logarithmic, $0.10 … $20 per GPU-hour; DeepSeek's $2 sits at 57%).
      const slider = await assertVisible(page, 'usd_per_gpu_hour', `${path} price slider`);
      const box = await page.locator('#canvas').boundingBox();
      const y = box.y + slider.y + slider.h / 2;
      const at = (fraction) => box.x + slider.x + slider.w * fraction;
      await page.mouse.move(at(0.57), y);
      await page.mouse.down();
      // Held at about $0.50 per GPU-hour: the run would cost about a quarter of $5.57M, so the figure is overstated.
      await page.mouse.move(at(0.3), y, { steps: 6 });
      const cheap = await waitForLive(page, 'overstated', `${path}, price held at 30% of the slider`);
      assert.equal(cheap.verdict, 'consistent', `${path}: the published verdict moved with the slider`);
      assert.notEqual(cheap.reason_live, published.reason, `${path}: the live reason did not change`);
      await assertVisible(page, `${CLAIM}.live`, `${path} (cheap, button held)`);
      await screenshot(page, `verdicts-${code}-cheap`);
      // Still held, on to about $9: the run would cost several times $5.57M, so it is understated.
      await page.mouse.move(at(0.85), y, { steps: 10 });
      const dear = await waitForLive(page, 'understated', `${path}, price held at 85% of the slider`);
      await page.mouse.up();
      await settle(page, `${path} after the drag`);

      const after = await claimOf(page);
      assert.equal(after.verdict_live, 'understated', `${path}: live verdict after the drag`);
      assert.equal(after.verdict, 'consistent', `${path}: published verdict after the drag`);
      assert.equal(after.reason, published.reason, `${path}: the published reason changed`);
      assert.notEqual(after.reason_live, cheap.reason_live, `${path}: the live reason is the cheap one`);
      // The live reason is the understated sentence, at the reader's price (as the formatter writes it).
      const price = (await page.evaluate(() => window.chipsAndClaims.getState())).scenario.usd_per_gpu_hour;
      assert.ok(price > 5 && price < 15, `${path}: the price ended at ${price}`);
      const understatedWord = { en: 'less than', 'zh-Hans': '偏低', 'zh-Hant': '偏低' }[code];
      assert.ok(after.reason_live.includes(understatedWord), `${path}: live reason "${after.reason_live}"`);
      assert.match(after.reason_live, /\d/, `${path}: the live reason has no numbers: "${after.reason_live}"`);
      assert.ok(dear.reason_live.length > 20, `${path}: live reason "${dear.reason_live}"`);
      const live = await assertVisible(page, `${CLAIM}.live`, `${path} (dear)`);
      const reason = await rectOf(page, `${CLAIM}.reason`);
      assert.ok(live.y > reason.y, `${path}: the "your scenario" line is above the published reason`);
      // The label is the reader's language's.
      assert.ok(tr('quote.your_scenario', code).length > 0);
      await screenshot(page, `verdicts-${code}-dear`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
      assert.deepEqual(record.consoleErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`verdicts-${code}`, record);
      await context.close();
    }
  });
}

test('the footer links the ledger of the page\'s language: every claim, the reader\'s language first', async () => {
  for (const { code, tree } of LANGUAGES) {
    const path = `${tree}index.html`;
    // The footer is static HTML: no app is needed to follow it.
    const { context, page, record } = await openPage(browser, served.url, path, { javaScriptEnabled: false });
    try {
      await page.locator('#ledger-link').scrollIntoViewIfNeeded();
      await page.click('#ledger-link');
      await page.waitForURL(new RegExp(`/${tree}ledger\\.html$`));
      const ledger = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        first: document.querySelector('main section').id,
        sections: [...document.querySelectorAll('main section')].map((section) => section.id),
        rows: document.querySelectorAll(`main section:first-of-type tr[data-quote]`).length,
        reason: document.querySelector('main section:first-of-type tr[data-quote="q-dsv3-cost-557-h800"][data-claim="0"] td.reason')?.textContent,
      }));
      assert.equal(ledger.lang, code, `${path} → ledger: <html lang="${ledger.lang}">`);
      assert.equal(ledger.first, code, `${path} → ledger: the first section is ${ledger.first}`);
      assert.deepEqual([...ledger.sections].sort(), ['en', 'zh-Hans', 'zh-Hant'], `${path} → ledger sections`);
      const claims = contentQuotes().reduce((sum, quote) => sum + (quote.claims || []).length, 0);
      assert.equal(ledger.rows, claims, `${path} → ledger: ${ledger.rows} rows for ${claims} claims`);
      assert.equal(ledger.reason, bookReason(QUOTE, 0, code), `${path} → ledger: the 557万美元 reason`);
      await page.screenshot({ path: `${artifactsDir}/verdicts-ledger-${code}.png` });
      assert.deepEqual(record.consoleErrors, [], `${path} → ledger: ${seen(record)}`);
    } finally {
      saveArtifacts(`verdicts-ledger-${code}`, record);
      await context.close();
    }
  }
});
