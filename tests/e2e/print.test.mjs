// tests/e2e/print.test.mjs — printing (or saving as PDF) gives a readable fact-check: the text version with its
// verdicts in the page's language, not an empty canvas. Emulates print media on the running app, checks what is
// visible, and saves the PDF Chromium makes of it to artifacts/e2e/print-<lang>.pdf.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, contentQuotes, launchBrowser, openPage, saveArtifacts, seen, serveSite, waitReady } from './harness.mjs';
import { LANGUAGES, quotesWithClaims, verdictLabel, VERDICTS } from './site_languages.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const claimCount = () => contentQuotes().reduce((sum, quote) => sum + (quote.claims || []).length, 0);

// What print media shows: the canvas and controls, and the verdicts with their words, as laid out for paper.
function printedView() {
  const visible = (selector) => [...document.querySelectorAll(selector)].filter((element) => element.checkVisibility());
  return {
    canvas: visible('#canvas').length,
    status: visible('#status').length,
    actions: visible('.page-actions, .languages, .share-link, .open-app').length,
    verdicts: visible('#fallback .verdict').map((element) => [element.closest('li').dataset.verdict, element.textContent]),
    quotes: visible('#fallback .fallback-quote').length,
    method: visible('#method table').length,
    colour: getComputedStyle(document.body).color,
  };
}

for (const { code, tree } of LANGUAGES.filter((entry) => entry.code !== 'zh-Hans')) {
  test(`the full page in ${code} prints as the text version with its verdicts, without the canvas`, async () => {
    const path = tree || 'index.html';
    const { context, page, record } = await openPage(browser, served.url, path);
    try {
      await waitReady(page, path);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(printedView);
      assert.equal(printed.canvas, 0, `${path} (print): the canvas is printed`);
      assert.equal(printed.status + printed.actions, 0, `${path} (print): controls are printed`);
      assert.equal(printed.quotes, contentQuotes().length, `${path} (print): ${printed.quotes} quotes`);
      assert.equal(printed.verdicts.length, claimCount(), `${path} (print): ${printed.verdicts.length} verdicts`);
      for (const [verdict, label] of printed.verdicts) {
        assert.equal(label, verdictLabel(verdict, code), `${path} (print): verdict word`);
      }
      assert.equal(printed.method, 1, `${path} (print): the method section is missing`);
      assert.equal(printed.colour, 'rgb(0, 0, 0)', `${path} (print): body text is not black ink`);
      await page.screenshot({ path: join(artifactsDir, `print-${code}.png`) }); // the first screenful, as printed
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      writeFileSync(join(artifactsDir, `print-${code}.pdf`), pdf);
      const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pdf.subarray(0, 5).toString('latin1') === '%PDF-' && pdfPages >= 5,
        `${path}: the PDF has ${pdfPages} pages (${pdf.length} bytes); 41 quotes need more`);
      console.log(`print ${code}: ${pdfPages} A4 pages, ${(pdf.length / 1000).toFixed(0)} KB`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`print-${code}`, record);
      await context.close();
    }
  });
}

test('a claim page and an embed card print their verdicts too', async () => {
  const quote = quotesWithClaims()[0];
  for (const path of [`zh-hans/claims/${quote.id}.html`, `zh-hans/embed/${quote.id}/0.html`]) {
    const { context, page, record } = await openPage(browser, served.url, path, {
      beforeGoto: (newContext) => newContext.route('**/chips*.wasm', () => {}),
    });
    try {
      await page.emulateMedia({ media: 'print' });
      const words = await page.evaluate(() => [...document.querySelectorAll('.verdict, .card-verdict strong')]
        .filter((element) => element.checkVisibility()).map((element) => element.textContent));
      const labels = VERDICTS.map((verdict) => verdictLabel(verdict, 'zh-Hans'));
      assert.ok(words.length >= 1 && words.every((word) => labels.includes(word)),
        `${path} (print): verdicts ${JSON.stringify(words)}`);
      const canvases = await page.evaluate(() => [...document.querySelectorAll('canvas')].filter((c) => c.checkVisibility()).length);
      assert.equal(canvases, 0, `${path} (print): a canvas is printed`);
    } finally {
      saveArtifacts('print-claim', record);
      await context.close();
    }
  }
});
