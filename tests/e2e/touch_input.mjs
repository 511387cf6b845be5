// tests/e2e/touch_input.mjs — real touch input for the browser tests: a phone's browser context, and taps and swipes
// sent through the DevTools protocol (Input.dispatchTouchEvent), which go through Chromium's own touch pipeline: the
// page's touch-action, gesture detection, scrolling and fling all apply, as on a phone.
import { openPage } from './harness.mjs';

export const PHONES = [
  { name: '390x844@3', width: 390, height: 844, deviceScaleFactor: 3 },
  { name: '360x640@2', width: 360, height: 640, deviceScaleFactor: 2 },
];

export async function openPhone(browser, baseUrl, path, { width, height, deviceScaleFactor, ...options }) {
  const opened = await openPage(browser, baseUrl, path, {
    width, height, deviceScaleFactor, contextOptions: { hasTouch: true, isMobile: true }, ...options,
  });
  opened.cdp = await opened.context.newCDPSession(opened.page);
  return opened;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// One finger from `from` to `to` (viewport CSS px) in `steps` moves, `stepMs` apart, then lifted.
export async function swipe(cdp, from, to, { steps = 12, stepMs = 16 } = {}) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await pause(stepMs);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y, id: 1 }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

export async function tap(cdp, point) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x, y: point.y, id: 1 }] });
  await pause(40);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

// Waits until the page's scroll position has not moved for `quietMs` (a fling has ended).
export async function scrollSettled(page, { quietMs = 300, timeoutMs = 5000 } = {}) {
  const start = Date.now();
  let last = await page.evaluate(() => window.scrollY);
  let since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await pause(50);
    const now = await page.evaluate(() => window.scrollY);
    if (now !== last) { last = now; since = Date.now(); }
    if (Date.now() - since >= quietMs) return last;
  }
  return last;
}

// A control's centre in viewport CSS px (controlRect is in canvas CSS px), with its rectangle; null when not drawn.
export async function controlCentre(page, id) {
  return page.evaluate((name) => {
    const rect = window.chipsAndClaims.controlRect(name);
    if (!rect) return null;
    const box = document.getElementById('canvas').getBoundingClientRect();
    return { x: box.left + rect.x + rect.w / 2, y: box.top + rect.y + rect.h / 2, rect, canvasTop: box.top };
  }, id);
}

// Taps a control the app reports, after checking it is inside the window (a reader could reach it with a finger).
export async function tapControl(page, cdp, id, what) {
  // As a reader would: wait until the control stays where it is (a tour step or the page catching up with the app's
  // own scroll can still move it for a frame or two), then tap where it is.
  let centre = await controlCentre(page, id);
  for (let attempt = 0; attempt < 20 && centre; attempt++) {
    await page.waitForTimeout(100);
    const again = await controlCentre(page, id);
    const still = again && Math.abs(again.x - centre.x) < 1 && Math.abs(again.y - centre.y) < 1;
    centre = again;
    if (still) break;
  }
  if (!centre) {
    const ids = await page.evaluate(() => window.chipsAndClaims.controlIds().join(', '));
    throw new Error(`${what}: control "${id}" is not drawn (controls: ${ids})`);
  }
  const height = await page.evaluate(() => window.innerHeight);
  const width = await page.evaluate(() => window.innerWidth);
  if (centre.y < 0 || centre.y > height || centre.x < 0 || centre.x > width) {
    throw new Error(`${what}: control "${id}" is off screen at (${Math.round(centre.x)}, ${Math.round(centre.y)}) in a ${width}×${height} window`);
  }
  await tap(cdp, centre);
  return centre;
}
