// scripts/size_report.mjs — what a reader downloads before the first frame, raw and gzip, against a budget.
//   node scripts/size_report.mjs --site build/wasm/site [--budget-kb 900] [--out FILE] [--json]
// Prints a table (also written to --out), exits 1 when the gzip total of the first-frame assets is over budget.
// KB here = 1000 bytes (the stricter reading of "900 KB"). Gzip level 9, as scripts/static_server.mjs sends it.
//
// "Before the first frame" is what index.html and site/app.js request on a cold visit (no link, no saved settings):
// the page, its stylesheet, script and icon, the wasm glue and module, and the SC font. The TC font comes later, on
// demand: site/app.js fetches it before the start only for a 繁體中文 or traditional-quote link (or saved 繁體中文
// settings), else when the app first draws traditional text (wasm/main.cpp request_traditional_if_used); a cold
// visit's first frame shows none (tests/e2e/size.test.mjs checks that the page fetches nothing uncounted before
// ready). Listed, not counted, like embed.html and the offline file.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const FIRST_FRAME = ['index.html', 'style.css', 'app.js', 'favicon.svg', 'chips.js', 'chips.wasm', 'fonts/ui-sc.otf'];
const LATER = ['fonts/ui-tc.otf', 'embed.html', 'chips-and-claims-offline.html'];

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

function measure(name) {
  const path = join(site, name);
  try {
    statSync(path);
  } catch {
    return { name, missing: true, raw: 0, gzip: 0 };
  }
  const bytes = readFileSync(path);
  return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const first = FIRST_FRAME.map(measure);
const later = LATER.map(measure);
const total = first.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(9);
const line = (label, row) => `${label.padEnd(34)} ${kb(row.raw)} ${kb(row.gzip)}${row.missing ? '   MISSING' : ''}`;
const lines = [
  `${'asset (loaded before the first frame)'.padEnd(34)} ${'raw KB'.padStart(9)} ${'gzip KB'.padStart(9)}`,
  ...first.map((row) => line(row.name, row)),
  line('TOTAL before first frame', total),
  `budget: ${budgetKb} KB gzip — ${total.gzip <= budgetKb * 1000 ? 'ok' : 'OVER BUDGET'} ` +
    `(${((total.gzip / (budgetKb * 1000)) * 100).toFixed(0)}% used)`,
  '',
  'later, on demand (not counted)',
  ...later.map((row) => line(row.name, row)),
];
const report = lines.join('\n') + '\n';
process.stdout.write(report);
if (outPath) writeFileSync(outPath, report);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ first, later, total, budgetKb }));
}
const missing = first.filter((row) => row.missing);
if (missing.length) {
  console.error(`size_report: missing first-frame assets: ${missing.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
if (total.gzip > budgetKb * 1000) {
  console.error(`size_report: ${(total.gzip / 1000).toFixed(1)} KB gzip before the first frame is over the ${budgetKb} KB budget`);
  process.exit(1);
}
