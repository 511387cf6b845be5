// scripts/size_report.mjs — what a reader downloads before the first frame, raw and gzip, against a budget.
//   node scripts/size_report.mjs --site build/wasm/site [--budget-kb 900] [--out FILE] [--json]
// Prints a table (also written to --out), exits 1 when the gzip total of the first-frame assets is over budget.
// KB here = 1000 bytes (the stricter reading of "900 KB"). Gzip level 9, as scripts/static_server.mjs sends it.
//
// "Before the first frame" is what index.html and site/app.js request on a cold visit (no link, no saved settings) in a
// browser with CJK fonts — every phone and desktop system ships them: the page (its style inline:
// scripts/hash_assets.mjs), its script and icon, the wasm glue and module. The app draws its glyphs with the browser's fonts (docs/site.md "Glyphs"), so no font is
// fetched (tests/e2e/size.test.mjs checks that the page fetches nothing uncounted before ready; glyphs.test.mjs that it
// fetches no font). A browser without CJK fonts takes the Noto path: it also fetches the SC subset before the first
// frame (listed separately with that path's total, held to the same budget), and the TC subset when traditional text
// is first drawn (or before the start for a 繁體中文 link). Listed, not counted, like embed.html and the offline files.
// The Chinese pages (zh-hans/index.html, zh-hant/index.html) load the same files with their own page: each language's
// first-frame total is printed, and the largest is held to the budget. The per-quote pages and preview images
// (docs/site.md "Link previews") are summed per kind: readers fetch one of them, never the set.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { publishedName, readManifest } from './site_manifest.mjs';

const FIRST_FRAME = ['index.html', 'app.js', 'favicon.svg', 'chips.js', 'chips.wasm'];
const NOTO_PATH_FIRST_FRAME = ['fonts/ui-sc.otf']; // added before the first frame when the browser has no CJK font
const LANGUAGE_PAGES = ['zh-hans/index.html', 'zh-hant/index.html'];
const LATER = ['fonts/ui-tc.otf', 'embed.html', 'embed-route.js', 'chips-and-claims-offline.html',
  'zh-hans/chips-and-claims-offline.html', 'zh-hant/chips-and-claims-offline.html'];
// Per-quote files, by where they live in each language's tree ("" = English at the root).
const PER_QUOTE = [['claim pages', 'claims', '.html'], ['embed cards', 'embed', '.html'], ['preview images', 'og', '.png']];
const TREES = ['', 'zh-hans/', 'zh-hant/'];

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const site = argument('--site');
const budgetKb = Number(argument('--budget-kb', '900'));
const outPath = argument('--out');
if (!site || !Number.isFinite(budgetKb)) {
  console.error('usage: size_report.mjs --site DIR [--budget-kb N] [--out FILE] [--json]');
  process.exit(2);
}

// The app's files are published under content-hashed names (scripts/hash_assets.mjs): a row's `name` is the file a
// browser requests (tests/e2e/size.test.mjs compares it with the requests), `label` the name the table prints.
let manifest = null;
try { manifest = readManifest(site); } catch (error) { console.error(`size_report: ${error.message}`); process.exit(1); }
function measure(logicalName) {
  const name = publishedName(manifest, logicalName);
  const path = join(site, name);
  try {
    statSync(path);
  } catch {
    return { name, label: logicalName, missing: true, raw: 0, gzip: 0 };
  }
  const bytes = readFileSync(path);
  return { name, label: logicalName, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function filesUnder(dir, extension) {
  let entries;
  try {
    entries = readdirSync(join(site, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(site, join(entry.parentPath || entry.path, entry.name)));
}

const first = FIRST_FRAME.map(measure);
const later = LATER.map(measure);
const total = first.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
const english = first.find((row) => row.label === 'index.html');
const languages = [{ page: 'index.html', raw: total.raw, gzip: total.gzip }, ...LANGUAGE_PAGES.map((page) => {
  const row = measure(page);
  return { page, missing: row.missing, raw: total.raw - english.raw + row.raw, gzip: total.gzip - english.gzip + row.gzip };
})];
const notoRows = NOTO_PATH_FIRST_FRAME.map(measure);
const notoExtra = notoRows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
// The largest language page on the Noto path: the budget holds for readers without CJK fonts too.
const notoPath = { page: '', raw: 0, gzip: 0 };
for (const row of languages) {
  if (row.gzip + notoExtra.gzip > notoPath.gzip) Object.assign(notoPath, { page: row.page, raw: row.raw + notoExtra.raw, gzip: row.gzip + notoExtra.gzip });
}
const largest = [...languages, { ...notoPath, page: `${notoPath.page} (Noto path)` }].reduce((max, row) => (row.gzip > max.gzip ? row : max));
const perQuote = PER_QUOTE.map(([label, dir, extension]) => {
  const rows = TREES.flatMap((tree) => filesUnder(tree + dir, extension)).map(measure);
  return { label, files: rows.length, raw: rows.reduce((sum, row) => sum + row.raw, 0),
    largest: rows.reduce((max, row) => Math.max(max, row.raw), 0) };
});
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(9);
const line = (label, row) => `${label.padEnd(40)} ${kb(row.raw)} ${kb(row.gzip)}${row.missing ? '   MISSING' : ''}`;
const lines = [
  `${'asset (loaded before the first frame)'.padEnd(40)} ${'raw KB'.padStart(9)} ${'gzip KB'.padStart(9)}`,
  ...first.map((row) => line(row.label, row)),
  line('TOTAL before first frame', total),
  ...languages.slice(1).map((row) => line(`  same with ${row.page}`, row)),
  '',
  'a browser without CJK fonts (Noto path) also fetches',
  ...notoRows.map((row) => line(row.label, row)),
  line(`TOTAL on the Noto path (${notoPath.page})`, notoPath),
  `budget: ${budgetKb} KB gzip — ${largest.gzip <= budgetKb * 1000 ? 'ok' : 'OVER BUDGET'} ` +
    `(${((largest.gzip / (budgetKb * 1000)) * 100).toFixed(0)}% used, ${largest.page})`,
  '',
  'later, on demand (not counted)',
  ...later.map((row) => line(row.label, row)),
  '',
  'per quote, three languages (a reader fetches one)',
  ...perQuote.map((row) => `${`${row.label}: ${row.files} files`.padEnd(40)} ${kb(row.raw)}   largest ${(row.largest / 1000).toFixed(1)} KB`),
];
const report = lines.join('\n') + '\n';
process.stdout.write(report);
if (outPath) writeFileSync(outPath, report);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ first, later, total, languages, notoPath: { files: notoRows, total: notoPath }, perQuote, budgetKb }));
}
const missing = [...first.filter((row) => row.missing).map((row) => row.label), ...notoRows.filter((row) => row.missing).map((row) => row.label),
  ...languages.filter((row) => row.missing).map((row) => row.page)];
if (missing.length) {
  console.error(`size_report: missing first-frame assets: ${missing.join(', ')}`);
  process.exit(1);
}
if (largest.gzip > budgetKb * 1000) {
  console.error(`size_report: ${(largest.gzip / 1000).toFixed(1)} KB gzip before the first frame of ${largest.page} is ` +
    `over the ${budgetKb} KB budget`);
  process.exit(1);
}
