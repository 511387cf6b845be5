// tests/e2e/journeys.test.mjs — the reader journeys in a real browser: the guided tour walked with the
// keyboard (state, permalink and address bar follow every step; the card never covers its control), every
// download saved as a real file and read back, light and dark themes (system preference and manual override)
// that really change the pixels, and CNY amounts in 万元 in simplified Chinese. Screenshots: artifacts/e2e/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, repoRoot, saveArtifacts, screenshot, seen, serveSite, settle, waitReady } from './harness.mjs';

let browser, served;
before(async () => { served = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); served?.server.close(); });

const content = (name) => JSON.parse(readFileSync(join(repoRoot, 'content', name), 'utf8'));
const tourSteps = content('tour.json').steps;
const presets = new Map(content('presets.json').presets.map((preset) => [preset.id, preset]));

// What getState().scenario must hold at a step: the preset's keys with the step's overrides on top.
function expectedScenario(step) {
  return { ...presets.get(step.scenario.preset).scenario, ...(step.scenario.overrides || {}) };
}
function sameValue(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
const targetId = (step) => (step.control === 'quote' ? 'quote:' + step.quote : step.control);
const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// A real click in the middle of a control the app reports (canvas CSS pixels → page pixels).
async function clickControl(page, id, what) {
  const rect = await page.evaluate((name) => window.chipsAndClaims.controlRect(name), id);
  assert.ok(rect, `${what}: control "${id}" is not on screen (controls: ${await page.evaluate(() => window.chipsAndClaims.controlIds().join(', '))})`);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2);
  await settle(page, `${what}: after clicking ${id}`, { quietMs: 600 });
}

async function checkStep(page, index, what) {
  const step = tourSteps[index];
  const where = `${what}, step ${index + 1} (${step.id})`;
  const state = await page.evaluate(() => window.chipsAndClaims.getState());
  assert.equal(state.tour.mode, 'touring', `${where}: tour mode ${JSON.stringify(state.tour)}`);
  assert.equal(state.tour.id, step.id, `${where}: the app shows step ${JSON.stringify(state.tour)}`);
  assert.equal(state.preset, step.scenario.preset, `${where}: preset`);
  if (step.quote) assert.equal(state.quote, step.quote, `${where}: quote`);
  for (const [key, value] of Object.entries(expectedScenario(step))) {
    assert.ok(sameValue(state.scenario[key], value), `${where}: scenario.${key} is ${state.scenario[key]}, the step says ${value}`);
  }
  const query = await page.evaluate(() => window.chipsAndClaims.permalinkQuery());
  assert.ok(query.split('&').includes('tour=' + step.id), `${where}: permalink ${query} lacks tour=${step.id}`);
  assert.equal(await page.evaluate(() => location.search), '?' + query, `${where}: the address bar does not follow`);
  const target = await page.evaluate((id) => window.chipsAndClaims.controlRect(id), targetId(step));
  const card = await page.evaluate(() => window.chipsAndClaims.controlRect('tour.card'));
  assert.ok(target, `${where}: the step's control ${targetId(step)} is not drawn`);
  assert.ok(card, `${where}: no step card`);
  assert.ok(!overlap(target, card), `${where}: the card ${JSON.stringify(card)} covers ${targetId(step)} ${JSON.stringify(target)}`);
  const box = await page.locator('#canvas').boundingBox();
  for (const [name, rect] of [[targetId(step), target], ['the card', card]]) {
    assert.ok(rect.y >= 0 && rect.y + rect.h <= box.height + 1, `${where}: ${name} ${JSON.stringify(rect)} is not fully on the ${box.height} px canvas`);
  }
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`the whole tour with the keyboard at ${width}×${height}: Take the tour, → through every step, free play`, async () => {
    const { context, page, record } = await openPage(browser, served.url, 'index.html', { width, height });
    const what = `index.html ${width}×${height}`;
    try {
      await waitReady(page, what);
      await settle(page, what);
      assert.equal((await page.evaluate(() => window.chipsAndClaims.getState())).tour.mode, 'not_started', `${what}: tour already running`);
      await clickControl(page, 'tour.start', what); // also puts keyboard focus on the canvas
      assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'canvas', `${what}: focus`);
      for (let i = 0; i < tourSteps.length; i++) {
        await checkStep(page, i, what);
        await screenshot(page, `journeys-tour-${width}-${i + 1}-${tourSteps[i].id}`);
        await page.keyboard.press('ArrowRight');
        await settle(page, `${what}, after → on step ${i + 1}`, { quietMs: 600 });
      }
      const state = await page.evaluate(() => window.chipsAndClaims.getState());
      assert.equal(state.tour.mode, 'free_play', `${what}: after the last step ${JSON.stringify(state.tour)}`);
      const query = await page.evaluate(() => window.chipsAndClaims.permalinkQuery());
      assert.ok(!query.includes('tour='), `${what}: free play still links a step: ${query}`);
      await screenshot(page, `journeys-tour-${width}-free-play`);
      assert.deepEqual(record.pageErrors, [], seen(record));
      assert.deepEqual(record.consoleErrors, [], seen(record));
    } finally {
      saveArtifacts(`journeys-tour-${width}`, record);
      await context.close();
    }
  });
}

test('a tour link opens its step; ← / Esc / Resume from the keyboard and the buttons', async () => {
  const step = tourSteps[3];
  const { context, page, record } = await openPage(browser, served.url, `index.html?tour=${step.id}`);
  try {
    await waitReady(page, `index.html?tour=${step.id}`);
    await settle(page, 'tour link');
    await checkStep(page, 3, 'opened from a link');
    await page.locator('#canvas').focus();
    await page.keyboard.press('ArrowLeft');
    await settle(page, 'after ←', { quietMs: 600 });
    await checkStep(page, 2, 'after ←');
    await page.keyboard.press('Escape');
    await settle(page, 'after Esc', { quietMs: 600 });
    let state = await page.evaluate(() => window.chipsAndClaims.getState());
    assert.equal(state.tour.mode, 'free_play', `after Esc: ${JSON.stringify(state.tour)}`);
    await clickControl(page, 'tour.resume', 'Resume');
    await checkStep(page, 2, 'after Resume');
  } finally {
    saveArtifacts('journeys-tour-link', record);
    await context.close();
  }
  // A student's phone opening the presenter's link in simplified Chinese with yuan: the step, its control in view.
  const phone = await openPage(browser, served.url, `index.html?lang=zh-Hans&currency=CNY&tour=${step.id}`, { width: 390, height: 844 });
  try {
    await waitReady(phone.page, 'phone tour link');
    await settle(phone.page, 'phone tour link');
    await checkStep(phone.page, 3, '390×844 zh-Hans CNY link');
    await screenshot(phone.page, 'journeys-tour-link-390-zh-Hans-cny');
    assert.deepEqual(phone.record.consoleErrors, [], seen(phone.record));
  } finally {
    saveArtifacts('journeys-tour-link-phone', phone.record);
    await phone.context.close();
  }
});

test('every download is a real file with the page version, the date, the sources and the right numbers', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await waitReady(page, 'index.html');
    await settle(page, 'downloads');
    const today = await page.evaluate(() => window.chipsAndClaimsPage.todayIso());
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/, `todayIso() gives ${today}`);
    await clickControl(page, 'download', 'downloads');
    await screenshot(page, 'journeys-downloads-popup');
    const files = {};
    for (const id of ['download.scenario_json', 'download.scenario_csv', 'download.chart_chips', 'download.chart_experts',
      'download.chart_gpus', 'download.quotes_csv']) {
      const saved = page.waitForEvent('download', { timeout: 10000 });
      await clickControl(page, id, `download ${id}`);
      const download = await saved;
      const bytes = readFileSync(await download.path());
      files[id] = { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
    }
    const expectNames = {
      'download.scenario_json': `chips-and-claims_scenario_deepseek-v3_${today}.json`,
      'download.scenario_csv': `chips-and-claims_scenario_deepseek-v3_${today}.csv`,
      'download.chart_chips': `chips-and-claims_chart-chips_deepseek-v3_${today}.csv`,
      'download.chart_experts': `chips-and-claims_chart-experts_deepseek-v3_${today}.csv`,
      'download.chart_gpus': `chips-and-claims_chart-gpus_deepseek-v3_${today}.csv`,
      'download.quotes_csv': `chips-and-claims_quotes_${today}.csv`,
    };
    for (const [id, name] of Object.entries(expectNames)) assert.equal(files[id].name, name, `${id}: file name`);

    // JSON: no BOM, page stamp with version/date/url, sources, the results the page shows.
    const json = JSON.parse(files['download.scenario_json'].text);
    const results = await page.evaluate(() => window.chipsAndClaims.getResults());
    assert.equal(json.page.exported_on, today);
    assert.match(json.page.version, /^\d+\.\d+\.\d+$/);
    assert.ok(json.page.url.startsWith(served.url), `scenario JSON url: ${json.page.url}`);
    assert.ok(json.sources.length > 0 && json.sources.every((s) => s.title), 'scenario JSON: sources');
    assert.equal(json.outputs.rental_cost_usd.central, results.outputs.rental_cost_usd.central, 'JSON cost ≠ getResults()');
    // The model's range for V3's job (catalog efficiency, $2/GPU-hour) holds DeepSeek's reported $5.576M.
    const cost = json.outputs.rental_cost_usd;
    assert.ok(cost.low < 5.576e6 && 5.576e6 < cost.high && cost.central > 4e6 && cost.central < 6e6,
      `DeepSeek-V3 rental cost ${JSON.stringify(cost)}`);

    // CSVs: UTF-8 BOM (Excel), CRLF, header, version + date + sources in every row.
    const headers = {
      'download.scenario_csv': 'section,key,value,low,high,unit,preset,page_version,exported_on,sources',
      'download.chart_chips': 'gpu,chips,days_low,days_central,days_high,cost_usd_low,cost_usd_central,cost_usd_high,page_version,exported_on,sources',
      'download.chart_experts': 'experts_active,active_params',
      'download.chart_gpus': 'gpu,gpu_name,precision,current',
      'download.quotes_csv': 'quote_id,article_id,publication,article_title,article_date,script,topic,quote_text',
    };
    for (const [id, header] of Object.entries(headers)) {
      const { bytes, text } = files[id];
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${id}: no UTF-8 BOM`);
      const lines = text.slice(1).split('\r\n');
      assert.ok(lines[0].startsWith(header), `${id}: header ${lines[0].slice(0, 120)}`);
      assert.ok(lines.length > 3, `${id}: only ${lines.length} lines`);
      assert.ok(lines[1].includes(today), `${id}: first row lacks the date: ${lines[1].slice(0, 200)}`);
    }
    const costRow = files['download.scenario_csv'].text.split('\r\n').find((line) => line.startsWith('output,rental_cost_usd,'));
    assert.ok(costRow, 'scenario CSV: no rental_cost_usd row');
    assert.ok(sameValue(Number(costRow.split(',')[2]), results.outputs.rental_cost_usd.central), `scenario CSV: ${costRow}`);
    const quotes = files['download.quotes_csv'].text;
    assert.ok(quotes.includes('557万美元'), 'quotes CSV: the headline quote is missing');
    assert.ok(/,consistent,|,overstated,|,understated,/.test(quotes), 'quotes CSV: no verdicts');
    assert.deepEqual(record.pageErrors, [], seen(record));
  } finally {
    saveArtifacts('journeys-downloads', record);
    await context.close();
  }
});

// Mean brightness (0–255) of a PNG, decoded by the browser itself (no image library in the test).
async function brightness(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image(); // img-src allows data: (the page's CSP keeps fetch to its own origin)
    image.src = 'data:image/png;base64,' + base64;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i] + data[i + 1] + data[i + 2]) / 3;
    return sum / (data.length / 4);
  }, png.toString('base64'));
}

test('themes: the system preference is followed, a manual choice wins and is saved, and the pixels change', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html');
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    await waitReady(page, 'index.html');
    await settle(page, 'themes');
    const canvas = page.locator('#canvas');
    assert.equal((await page.evaluate(() => window.chipsAndClaims.getState())).theme, 'light');
    const light = await brightness(page, await canvas.screenshot({ path: join(repoRoot, 'artifacts/e2e/journeys-theme-light.png') }));

    await page.emulateMedia({ colorScheme: 'dark' }); // the operating system switches: the app follows
    await page.waitForFunction(() => window.chipsAndClaims.getState().theme === 'dark', null, { timeout: 5000 });
    await settle(page, 'after the system went dark');
    const dark = await brightness(page, await canvas.screenshot({ path: join(repoRoot, 'artifacts/e2e/journeys-theme-dark.png') }));
    assert.ok(light - dark > 80, `the canvas barely changed: light ${light.toFixed(1)}, dark ${dark.toFixed(1)}`);
    assert.equal((await page.evaluate(() => window.chipsAndClaims.settings())).theme, 'system');

    // The reader overrides the system in the header: light again while the system stays dark, and it is saved.
    await clickControl(page, 'theme', 'theme combo');
    await clickControl(page, 'theme.light', 'theme: light');
    assert.equal((await page.evaluate(() => window.chipsAndClaims.getState())).theme, 'light');
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('chipsAndClaims.settings')));
    assert.equal(saved.theme, 'light', `saved settings: ${JSON.stringify(saved)}`);
    const again = await brightness(page, await canvas.screenshot());
    assert.ok(again - dark > 80, `manual light: ${again.toFixed(1)} vs dark ${dark.toFixed(1)}`);
    // The page around the canvas follows the reader's choice too, not the system's.
    const pageBrightness = () => page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return (r + g + b) / 3;
    });
    const pageLight = await pageBrightness();
    assert.ok(pageLight > 200, `manual light, system dark: the page background is ${pageLight.toFixed(0)}/255, still dark`);

    // Dark theme with a verdict-coloured quote and the tour outline, for the reader's eye (screenshot only).
    await page.evaluate(() => window.chipsAndClaims.applySettings({ theme: 'dark' }));
    await page.emulateMedia({ colorScheme: 'light' }); // the system goes light again; the reader's dark choice wins
    await settle(page, 'manual dark, system light');
    const pageDark = await pageBrightness();
    assert.ok(pageDark < 60, `manual dark, system light: the page background is ${pageDark.toFixed(0)}/255, not dark`);
    await page.evaluate(() => window.chipsAndClaims.applyQuery('tour=headline'));
    await settle(page, 'dark tour');
    await screenshot(page, 'journeys-theme-dark-tour');
    assert.deepEqual(record.pageErrors, [], seen(record));
  } finally {
    saveArtifacts('journeys-themes', record);
    await context.close();
  }
});

test('CNY in simplified Chinese: amounts in 万元 with the stated rate; the model stays in USD', async () => {
  const { context, page, record } = await openPage(browser, served.url, 'index.html?currency=CNY&lang=zh-Hans');
  try {
    await waitReady(page, 'index.html?currency=CNY&lang=zh-Hans');
    await settle(page, 'CNY');
    const state = await page.evaluate(() => window.chipsAndClaims.getState());
    assert.equal(state.currency, 'CNY');
    const summary = await page.evaluate(() => window.chipsAndClaims.summary());
    // The results sentence starts at the chip count ("2048 张 H800"); before it, the selected claim's verdict quotes
    // the article's own words (557万美元), which stay as written.
    const amounts = summary.slice(summary.indexOf('张'));
    assert.match(amounts, /\d+(\.\d+)?万元/, `summary: ${summary}`);
    assert.ok(!amounts.includes('美元'), `summary still in dollars: ${summary}`);
    await page.waitForFunction(() => document.getElementById('live-results').textContent.includes('万元'), null, { timeout: 5000 });
    const results = await page.evaluate(() => window.chipsAndClaims.getResults());
    assert.equal(results.outputs.rental_cost_usd.unit, 'USD');
    await screenshot(page, 'journeys-cny-zh-Hans');
    await page.setViewportSize({ width: 390, height: 844 });
    await settle(page, 'CNY narrow');
    await screenshot(page, 'journeys-cny-zh-Hans-390');
    assert.deepEqual(record.pageErrors, [], seen(record));
  } finally {
    saveArtifacts('journeys-cny', record);
    await context.close();
  }
});
