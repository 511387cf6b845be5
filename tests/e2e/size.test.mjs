// tests/e2e/size.test.mjs — what loads before the first frame stays within the 900 KB gzip budget (the build fails
// over budget too; this keeps the rule visible in the test report), and the page really fetches only those files
// before its first frame.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, openPage, repoRoot, saveArtifacts, serveSite, siteDir, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

test('first-frame assets are within the budget and are all the page fetches before ready', async () => {
  const output = execFileSync(process.execPath, [join(repoRoot, 'scripts/size_report.mjs'), '--site', siteDir, '--json'],
    { encoding: 'utf8' });
  const report = JSON.parse(output.trim().split('\n').pop());
  assert.ok(report.total.gzip <= report.budgetKb * 1000,
    `size report: ${report.total.gzip} gzip bytes before the first frame, budget ${report.budgetKb} KB`);
  const counted = new Set(report.first.map((row) => row.name));

  const requested = [];
  const { context, page, record } = await openPage(browser, served.url, '', {
    beforeGoto: async (_context, newPage) => newPage.on('request', (request) => requested.push(request.url())),
  });
  try {
    await waitReady(page, 'index.html');
    const beforeReady = requested.map((url) => new URL(url).pathname.replace(/^\//, '') || 'index.html');
    const uncounted = beforeReady.filter((name) => !counted.has(name));
    assert.deepEqual(uncounted, [], `index.html: fetched before the first frame but not in the size report`);
  } finally {
    saveArtifacts('size', record);
    await context.close();
  }
});
