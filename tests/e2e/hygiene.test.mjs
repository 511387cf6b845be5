// tests/e2e/hygiene.test.mjs — the page asks nothing of other origins, sets no cookies, and its
// Content-Security-Policy (header and <meta>) allows what it needs and no more, with no violation reported; the
// inline style is allowed by its hash in both, and the header lines the build writes for nginx and Caddy
// (build/wasm/deploy/, included by deploy/) are the same policy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cspHash } from '../../scripts/csp.mjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/static_server.mjs';
import { launchBrowser, openPage, repoRoot, saveArtifacts, seen, serveSite, siteDir, waitReady } from './harness.mjs';

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
      // The one inline style: allowed by its own hash in both policies (header and meta), nothing else inline.
      const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((node) => node.textContent));
      assert.equal(styles.length, 1, `${path}: expected exactly one inline <style>, found ${styles.length}`);
      assert.ok(header.split('; ').find((part) => part.startsWith('style-src')).split(' ').includes(cspHash(styles[0])),
        `${path}: the inline style's hash ${cspHash(styles[0])} is not in the header's style-src (${header})`);
      assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0, `${path}: a stylesheet link is left`);
      assert.deepEqual(record.pageErrors, [], `${path}: ${seen(record)}`);
    } finally {
      saveArtifacts(`hygiene-${path.split('?')[0]}`, record);
      await context.close();
    }
  });
}

test('the header lines written for nginx and Caddy carry the same policy, and deploy/ includes them', () => {
  const deployBuilt = join(siteDir, '..', 'deploy');
  const nginx = readFileSync(join(deployBuilt, 'chips-and-claims-csp.conf'), 'utf8');
  const caddy = readFileSync(join(deployBuilt, 'chips-and-claims-csp.caddy'), 'utf8');
  assert.ok(nginx.includes(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`),
    `build/wasm/deploy/chips-and-claims-csp.conf differs from static_server.mjs's policy:\n${nginx}`);
  assert.ok(caddy.includes(`header Content-Security-Policy "${CONTENT_SECURITY_POLICY}"`),
    `build/wasm/deploy/chips-and-claims-csp.caddy differs from static_server.mjs's policy:\n${caddy}`);
  const snippet = readFileSync(join(repoRoot, 'deploy/chips-and-claims-headers.conf'), 'utf8');
  assert.match(snippet, /^include snippets\/chips-and-claims-csp\.conf;$/m, 'deploy/chips-and-claims-headers.conf: no include');
  assert.doesNotMatch(snippet, /add_header Content-Security-Policy/, 'deploy/chips-and-claims-headers.conf: a second CSP');
  const caddyfile = readFileSync(join(repoRoot, 'deploy/Caddyfile'), 'utf8');
  assert.match(caddyfile, /^\s*import \/etc\/caddy\/chips-and-claims-csp\.caddy$/m, 'deploy/Caddyfile: no import');
  assert.doesNotMatch(caddyfile, /Content-Security-Policy "/, 'deploy/Caddyfile: a second CSP');
});
