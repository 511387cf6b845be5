// tests/e2e/harness.mjs — shared set-up for the browser suite: serve the built site on 127.0.0.1, launch Debian's
// chromium headless (WebGL2 through SwiftShader) with playwright-core, and record what a reader's browser saw:
// console errors, requests to other hosts, screenshots. Every failure message says page, step and what was seen.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static_server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
// CHIPS_SITE_DIR points the suite at another build of the site (e.g. a private build dir while iterating).
export const siteDir = process.env.CHIPS_SITE_DIR ? resolve(process.env.CHIPS_SITE_DIR) : join(repoRoot, 'build/wasm/site');
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
// Options: viewport size, javaScriptEnabled, initScript (runs before the page's own scripts), offline, beforeGoto
// (async (context, page) => {...}: routes, storage), wait ('load' by default), and contextOptions (more browser-context
// options, e.g. { hasTouch: true, isMobile: true } for a phone).
export async function openPage(browser, baseUrl, path = '', {
  width = 1280, height = 800, deviceScaleFactor = 1, javaScriptEnabled = true, initScript, offline = false,
  beforeGoto, permissions, contextOptions = {},
} = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, javaScriptEnabled, permissions,
    ...contextOptions });
  if (offline) await context.setOffline(true);
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  if (beforeGoto) await beforeGoto(context, page);
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

// Waits until no frame has been drawn for `quietMs` (the idle gate paused the loop), up to `timeoutMs`.
export async function settle(page, what, { quietMs = 1000, timeoutMs = 15000 } = {}) {
  const start = Date.now();
  let last = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
  let lastChange = Date.now();
  while (Date.now() - start < timeoutMs) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => window.chipsAndClaims.framesDrawn());
    if (now !== last) { last = now; lastChange = Date.now(); }
    if (Date.now() - lastChange >= quietMs) return last;
  }
  throw new Error(`${what}: frames kept being drawn for ${timeoutMs} ms (framesDrawn()=${last}); the idle gate never paused`);
}

// The quotes and claims in content/quotes.json, for tests that check every quote appears somewhere.
export function contentQuotes() {
  return JSON.parse(readFileSync(join(repoRoot, 'content/quotes.json'), 'utf8')).quotes;
}

// Formats what a reader's browser saw, for failure messages.
export function seen(record) {
  const parts = [];
  if (record.pageErrors.length) parts.push(`page errors: ${record.pageErrors.join(' | ')}`);
  if (record.consoleErrors.length) parts.push(`console errors: ${record.consoleErrors.join(' | ')}`);
  if (record.foreignRequests.length) parts.push(`foreign requests: ${record.foreignRequests.join(' | ')}`);
  return parts.join('; ') || 'no errors recorded';
}
