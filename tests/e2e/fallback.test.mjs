// tests/e2e/fallback.test.mjs — the text version (tools/render_fallback) carries every quote with its claims and
// verdicts, for search engines, screen readers and visitors without JavaScript.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentQuotes, launchBrowser, openPage, saveArtifacts, serveSite, screenshot } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const VERDICTS = new Set(['consistent', 'overstated', 'understated', 'not_checkable']);

test('index.html as served contains every quote, claim span and a verdict for each claim', async () => {
  const response = await fetch(served.url + 'index.html');
  const html = await response.text();
  const quotes = contentQuotes();
  assert.ok(quotes.length > 0, 'content/quotes.json has no quotes');
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  for (const quote of quotes) {
    const start = html.indexOf(`id="quote-${quote.id}"`);
    assert.ok(start >= 0, `index.html (server response): quote ${quote.id} is missing from the text version`);
    const end = html.indexOf('</article>', start);
    const block = html.slice(start, end);
    assert.ok(block.includes(escape(quote.text)), `index.html: quote ${quote.id}: its text is not there verbatim`);
    const verdicts = [...block.matchAll(/data-verdict="([a-z_]+)"/g)].map((match) => match[1]);
    assert.equal(verdicts.length, (quote.claims || []).length, `index.html: quote ${quote.id}: ${verdicts.length} verdicts for ${(quote.claims || []).length} claims`);
    for (const verdict of verdicts) assert.ok(VERDICTS.has(verdict), `index.html: quote ${quote.id}: unknown verdict ${verdict}`);
    for (const claim of quote.claims || []) {
      assert.ok(block.includes(`>${escape(claim.span)}</q>`), `index.html: quote ${quote.id}: claim span "${claim.span}" missing`);
    }
  }
});

test('without JavaScript the text version is what the visitor sees, and the canvas is hidden', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html', { javaScriptEnabled: false });
  try {
    const visibleQuotes = await page.locator('#fallback .fallback-quote').evaluateAll(
      (nodes) => nodes.filter((node) => node.offsetParent !== null).length);
    assert.equal(visibleQuotes, contentQuotes().length, `index.html (no JS): ${visibleQuotes} quotes visible`);
    assert.equal(await page.locator('#canvas').isVisible(), false, 'index.html (no JS): an empty canvas is shown');
    assert.equal(await page.locator('#status').isVisible(), false, 'index.html (no JS): "Loading…" shown forever');
    await screenshot(page, 'fallback-no-js');
    const headings = await page.locator('h1, h2, h3').allTextContents();
    assert.ok(headings.length >= 3, `index.html (no JS): headings for a screen reader: ${JSON.stringify(headings)}`);
    assert.ok(await page.locator('footer a[href="#method"]').count() === 1, 'index.html: footer lacks the method link');
    assert.ok(await page.locator('#method').count() === 1, 'index.html: the method section is missing');
  } finally {
    saveArtifacts('fallback-no-js', record);
    await context.close();
  }
});

test('the canvas has a text alternative and the live region exists', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    const label = await page.locator('#canvas').getAttribute('aria-label');
    assert.ok(label && label.length > 40, `index.html: canvas aria-label is ${JSON.stringify(label)}`);
    assert.equal(await page.locator('#live-results').getAttribute('aria-live'), 'polite', 'index.html: no aria-live region');
  } finally {
    saveArtifacts('fallback-a11y', record);
    await context.close();
  }
});
