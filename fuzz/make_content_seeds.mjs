// fuzz/make_content_seeds.mjs — the seeds of the per-file content targets (fuzz/fuzz_content_<file>.cpp), cut from
// content/. Deterministic: run it again after content/ changes and commit the result.
//
//   node fuzz/make_content_seeds.mjs        (rewrites fuzz/corpus/fuzz_content_*/seed-*.json, prints the sizes)
//
// The heart is a small consistent content set, `seed-set.json` in each file's corpus: the first tour step's quote
// with its article, the presets that step and that quote's claims use, the GPUs those presets and claims name, the
// first 16 strings, the tour and the currency rate; each entry's source list cut to its first source and its prose
// (notes, translations, tour bodies) to a few words. Every reference from the quote resolves, so the model's deep
// checks (build_scenario for each claim) run on it. A content target reads the other files' `seed-set.json` as the
// partners its input is validated with (fuzz/content_file_fuzzer.h); fuzz_content_snapshot damages a snapshot of
// the whole set. Under 2.2 KB each instead of 1–89 KB: what makes each execution cheap enough to explore
// (docs/fuzzing.md).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const contentDir = resolve(here, '../content');
const read = (name) => JSON.parse(readFileSync(join(contentDir, name), 'utf8'));
const byId = (list, id, what) => {
  const found = list.find((entry) => entry.id === id);
  if (!found) throw new Error(`content/${what}: no entry with id '${id}'`);
  return found;
};
// Prose is cut to PROSE_CHARACTERS (still non-empty, still in all three languages); ids, numbers, quote texts (claim
// spans must stay inside them), dates and URLs are kept. Source lists keep their first source.
const PROSE_KEYS = new Set(['name', 'notes', 'note', 'about', 'translation', 'title', 'body', 'description', 'confidence',
  'locator', 'basis']);
const PROSE_CHARACTERS = 12;
function trim(value, key = '') {
  if (typeof value === 'string') return PROSE_KEYS.has(key) ? [...value].slice(0, PROSE_CHARACTERS).join('').trim() : value;
  if (Array.isArray(value)) return (key === 'sources' ? value.slice(0, 1) : value).map((item) => trim(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) =>
      [name, trim(item, PROSE_KEYS.has(key) ? key : name)]));
  }
  return value;
}

const gpus = read('gpus.json');
const presets = read('presets.json');
const quotes = read('quotes.json');
const strings = read('strings.json');
const tour = read('tour.json');
const currency = read('currency.json');

// The set: the first tour step's quote and preset, then what they reference.
const firstStep = tour.steps[0];
const quote = byId(quotes.quotes, firstStep.quote, 'quotes.json /quotes');
const article = byId(quotes.articles, quote.article, 'quotes.json /articles');
const scenarioRefs = quote.claims.flatMap((claim) => [claim.scenario, claim.compare_to]).filter(Boolean);
const presetIds = [...new Set([firstStep.scenario.preset, ...scenarioRefs.map((ref) => ref.preset)].filter(Boolean))];
const keptPresets = presetIds.map((id) => trim(byId(presets.presets, id, 'presets.json /presets')));
const gpuIds = [...new Set([...keptPresets.map((preset) => preset.scenario.gpu),
  ...scenarioRefs.map((ref) => ref.overrides && ref.overrides.gpu)].filter(Boolean))];
const keptGpus = gpuIds.map((id) => trim(byId(gpus.gpus, id, 'gpus.json /gpus')));

// The quote with the most claims (comparisons, inverse claims), on its own: its references need not resolve.
const richest = [...quotes.quotes].sort((a, b) => b.claims.length - a.claims.length)[0];

const seeds = {
  fuzz_content_gpus: {
    'seed-set.json': { gpus: keptGpus },
    'seed-two.json': { gpus: [keptGpus[0], trim(gpus.gpus.find((gpu) => !gpuIds.includes(gpu.id)))] },
  },
  fuzz_content_presets: { 'seed-set.json': { presets: keptPresets } },
  fuzz_content_quotes: {
    'seed-set.json': { schema_version: quotes.schema_version, articles: [trim(article)], quotes: [trim(quote)] },
    'seed-most-claims.json': { schema_version: quotes.schema_version,
      articles: [trim(byId(quotes.articles, richest.article, 'quotes.json /articles'))], quotes: [trim(richest)] },
  },
  fuzz_content_strings: { 'seed-set.json': { strings: Object.fromEntries(Object.entries(strings.strings).slice(0, 16)) } },
  fuzz_content_tour: { 'seed-set.json': trim(tour) },
  fuzz_content_currency: { 'seed-set.json': trim(currency) },
};
for (const [target, files] of Object.entries(seeds)) {
  const folder = join(here, 'corpus', target);
  mkdirSync(folder, { recursive: true });
  for (const [name, json] of Object.entries(files)) {
    const text = JSON.stringify(json) + '\n';
    writeFileSync(join(folder, name), text);
    console.log(`fuzz/corpus/${target}/${name}: ${Buffer.byteLength(text)} bytes`);
  }
}
