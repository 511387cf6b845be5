// tests/e2e/hygiene.test.mjs — the page asks nothing of other origins, sets no cookies, and its
// Content-Security-Policy (header and <meta>) allows what it needs and no more, with no violation reported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static_server.mjs';
import { launchBrowser, openPage, saveArtifacts, seen, serveSite, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

// Collects CSP violations in the page (the browser fires securitypolicyviolation for each blocked thing).
const watchViolations = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
  });
};

for (const path of ['index.html', 'embed.html?quote=q-dsv3-cost-557-h800']) {
  test(`${path}: only its own origin, no cookies, no CSP violation`, async () => {
    const { context, page, record } = await openPage(browser, served.url, path, { initScript: watchViolations });
    try {
      const response = await page.request.get(served.url + path.split('?')[0]);
      await waitReady(page, path);
      // Exercise what may load later: a link in 繁體中文 fetches the TC font on demand.
      await page.evaluate(() => window.chipsAndClaims.applyQuery('lang=zh-Hant'));
      await page.waitForTimeout(1000);
      assert.deepEqual(record.foreignRequests, [], `${path}, step "load": requests to other origins: ${seen(record)}`);
      const cookies = await context.cookies();
      assert.deepEqual(cookies, [], `${path}: cookies were set`);
      assert.equal(await page.evaluate(() => document.cookie), '', `${path}: document.cookie is not empty`);
      const violations = await page.evaluate(() => window.__cspViolations);
      assert.deepEqual(violations, [], `${path}: the page broke its own Content-Security-Policy`);

      const header = response.headers()['content-security-policy'];
      assert.equal(header, CONTENT_SECURITY_POLICY, `${path}: the server's CSP header differs from static_server.mjs`);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      const withoutFrameAncestors = header.split('; ').filter((part) => !part.startsWith('frame-ancestors')).join('; ');
      assert.equal(meta, withoutFrameAncestors,
        `${path}: the <meta> CSP must equal the header minus frame-ancestors (which a <meta> cannot carry)`);
      assert.ok(!/unsafe-inline|unsafe-eval'|\*/.test(meta.replace("'wasm-unsafe-eval'", '')),
        `${path}: the CSP allows inline code, eval or any host: ${meta}`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`hygiene-${path.split('?')[0]}`, record);
      await context.close();
    }
  });
}
