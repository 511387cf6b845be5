// tests/e2e/harness.mjs — shared set-up for the browser suite: serve the built site on 127.0.0.1, launch Debian's
// chromium headless (WebGL2 through SwiftShader) with playwright-core, and record what a reader's browser saw:
// console errors, requests to other hosts, screenshots. Every failure message says page, step and what was seen.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static_server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const siteDir = join(repoRoot, 'build/wasm/site');
export const artifactsDir = join(repoRoot, 'artifacts/e2e');
mkdirSync(artifactsDir, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export async function serveSite() {
  return startServer(siteDir, 0);
}

// Opens `path` in a fresh page and records console errors and any request not to 127.0.0.1 / data: / blob:.
export async function openPage(browser, baseUrl, path = '', { width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const record = { consoleErrors: [], consoleLines: [], foreignRequests: [], pageErrors: [] };
  page.on('console', (message) => {
    const line = `[${message.type()}] ${message.text()}`;
    record.consoleLines.push(line);
    // The network failure itself is recorded with its URL by the 'response' handler below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      record.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) record.consoleErrors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(https?:\/\/127\.0\.0\.1[:/]|data:|blob:|file:)/.test(url)) record.foreignRequests.push(url);
  });
  await page.goto(baseUrl + path);
  return { context, page, record };
}

export async function waitReady(page, what) {
  try {
    await page.evaluate(() => window.chipsAndClaims.ready);
  } catch (error) {
    throw new Error(`${what}: window.chipsAndClaims.ready did not resolve: ${error.message}`);
  }
}

export function saveArtifacts(name, record) {
  writeFileSync(join(artifactsDir, `${name}.console.log`), record.consoleLines.join('\n') + '\n');
}

export async function screenshot(page, name) {
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
