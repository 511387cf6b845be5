// tests/hostile/make_corpus.mjs — writes tests/hostile/corpus.json: malformed permalinks, setState payloads and
// CLI key/value pairs, every one of which must be refused (or clamped) with a notice while the app keeps a valid
// scenario. Deterministic (no randomness): run it again after editing and commit the result.
//
//   node tests/hostile/make_corpus.mjs          (rewrites corpus.json, prints the counts)
//
// Consumers:
//   tests/e2e/hostile.test.mjs   — every "setState" payload through window.chipsAndClaims.setState, every
//                                  "permalink" through applyQuery (a few also through a real page load)
//   tests/e2e/hostile_bridge.test.mjs — every "bridge" case through its bridge call and every "page" case as a page
//                                  load, each followed by real input on the chips slider
//   tests/test_session.cpp       — the setState and permalink cases through the session natively
//   tests/test_cli_hostile.cpp   — every "cli" case (also written alone to cli.json, which a strict JSON parser
//                                  reads: corpus.json holds lone-surrogate escapes that nlohmann/json refuses)
//                                  through build/native/estimate --set key=value (exit 2, one line naming the
//                                  key) and through the model codec directly
//
// Long runs: "{{repeat:COUNT:TEXT}}" stands for TEXT repeated COUNT times (see expand below).
// Case shape: {"id": "setState-017", "kind": "setState"|"permalink"|"bridge"|"page"|"cli", "note": "why it is hostile",
//   setState:  "payload": the exact string handed to setState (often not valid JSON on purpose)
//   permalink: "query":   the query string as it would follow "?" in the address bar (percent-encoded)
//   bridge:    "call": setState|applyQuery|selectQuote|applySettings|controlRect, "payload": its argument
//   page:      "path": a page and query to load
//   cli:       "key": the --set key, "value" (text) or "value_hex" (raw bytes, for invalid UTF-8),
//              "names": keys of which at least one must appear in the error line}
// Strings in JSON cannot hold invalid UTF-8; for the browser, lone UTF-16 surrogates ("\ud800") play that role:
// emscripten's stringToUTF8 turns them into the bytes ED A0 80, which are invalid UTF-8 inside the wasm.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cases = [];
const counters = {};
function add(kind, fields, note) {
  counters[kind] = (counters[kind] || 0) + 1;
  cases.push({ id: `${kind}-${String(counters[kind]).padStart(3, '0')}`, kind, note, ...fields });
}

// Long runs are stored as "{{repeat:COUNT:TEXT}}" and expanded by the consumers (expandRepeats in hostile.test.mjs,
// expand_repeats in test_cli_hostile.cpp), so the committed file stays small.
const repeat = (text, count) => `{{repeat:${count}:${text}}}`;
const BIG = repeat('x', 100 * 1024);             // 100 KB string
const BIG_DIGITS = repeat('9', 100 * 1024);      // 100 KB number
const LONE_HIGH = '\ud800', LONE_LOW = '\udfff'; // invalid UTF-8 once encoded by the wasm bridge

// Scenario keys with their allowed ranges (docs/contract.md) and values outside them.
const RANGED = [
  ['chips', 1, 1e6, true], ['experts_total', 1, 4096, true], ['experts_active', 1, 4096, true],
  ['experts_shared', 0, 64, true], ['mfu', 0.01, 0.9, false], ['overlap', 0, 1, false], ['pue', 1, 3, false],
];
const OTHER_NUMERIC = ['tokens', 'usd_per_gpu_hour', 'usd_per_kwh', 'kg_co2_per_kwh', 'gpu_mtbf_hours',
  'checkpoint_minutes', 'restart_minutes', 'inference_batch', 'moe_layers', 'params_per_expert', 'non_expert_params'];

// ---------------------------------------------------------------------------------------------------------------------
// setState payloads (strings; JSON.stringify where the JSON itself is well-formed)
// ---------------------------------------------------------------------------------------------------------------------
const S = (payload, note) => add('setState', { payload }, note);
const J = (object, note) => S(JSON.stringify(object), note);

for (const [key, min, max, whole] of RANGED) {
  J({ [key]: min - 1 }, `${key} below its minimum`);
  J({ [key]: max * 10 + 1 }, `${key} above its maximum`);
  J({ [key]: -1e308 }, `${key} huge negative`);
  S(`{"${key}": 1e999}`, `${key} overflows a double (1e999)`);
  S(`{"${key}": NaN}`, `${key}: NaN literal (not JSON)`);
  S(`{"scenario": {"${key}": Infinity}}`, `${key}: Infinity literal (not JSON), nested under scenario`);
  J({ [key]: 'NaN' }, `${key}: "NaN" as a string`);
  J({ scenario: { [key]: '-Infinity' } }, `${key}: "-Infinity" as a string, nested`);
  if (whole) J({ [key]: min + 0.5 }, `${key}: not a whole number`);
}
for (const key of OTHER_NUMERIC) {
  J({ [key]: -1e300 }, `${key} huge negative`);
  J({ [key]: [1, 2] }, `${key}: an array`);
}
// Wrong types
for (const [value, what] of [[true, 'a boolean'], [null, 'null'], [[], 'an empty array'], [{}, 'an object'],
  [{ low: 1 }, 'an object with a field']]) {
  J({ chips: value }, `chips: ${what}`);
}
J({ gpu: 5 }, 'gpu: a number');
J({ gpu: null }, 'gpu: null');
J({ gpu: 'h900' }, 'gpu: an unknown id');
J({ gpu: 'H800 ' }, 'gpu: right id, wrong case and trailing space');
J({ gpu: '<img src=x onerror=alert(1)>' }, 'gpu: markup');
J({ precision: 'fp16' }, 'precision: unknown');
J({ precision: 8 }, 'precision: a number');
J({ gpu: 'v100', precision: 'fp8' }, 'fp8 on a GPU without FP8 (cross-key)');
J({ experts_total: 8, experts_active: 16 }, 'more active experts than experts (cross-key)');
J({ mfu: 0.5, mfu_low: 0.6 }, 'mfu_low above mfu (cross-key)');
J({ scenario: 5 }, 'scenario: a number');
J({ scenario: 'chips=5' }, 'scenario: a string');
J({ scenario: [{ chips: 5 }] }, 'scenario: an array');
J({ scenario: null, chips: -1 }, 'scenario: null plus a bad top-level key');
J({ scenario: { chips: 1 }, chips: 0 }, 'the same key nested and at top level, top level bad');
J({ language: 'xx-evil' }, 'unknown language');
J({ language: 5 }, 'language: a number');
J({ quote: 'q-does-not-exist' }, 'unknown quote');
J({ quote: ['q-1'] }, 'quote: an array');
// Strings of 100 KB
J({ chips: BIG_DIGITS }, 'chips: a 100 KB string of digits');
J({ gpu: BIG }, 'gpu: a 100 KB string');
J({ [BIG]: 1 }, 'a 100 KB key');
J({ chips: BIG }, 'chips: a 100 KB string');
S(`{"chips": ${BIG_DIGITS}}`, 'chips: a 100 KB number literal');
S(BIG, '100 KB of garbage');
// Unknown keys
J({ evil: 1 }, 'an unknown key');
S('{"__proto__": {"chips": 5}}', '__proto__ key');
J({ constructor: { prototype: 1 } }, 'constructor key');
J({ '': 1 }, 'an empty key');
J({ chips_: 5 }, 'a near-miss key');
J({ CHIPS: 5 }, 'a key in the wrong case');
J({ scenario: { nope: 1 } }, 'an unknown key under scenario');
// Duplicate keys (nlohmann keeps the last one; the first must not be silently dropped either)
S('{"chips": 5, "chips": -1}', 'duplicate key, the last one bad');
S('{"chips": -1, "chips": 5}', 'duplicate key, the first one bad');
S('{"scenario": {"gpu": "h100", "gpu": "nope"}}', 'duplicate key under scenario');
S('{"chips": 5, "chips": 6}', 'duplicate key, both in range but different');
// Not JSON, or not an object
for (const [payload, note] of [['', 'empty'], [' ', 'a space'], ['{', 'unterminated object'],
  ['{"chips":', 'unterminated value'], ['{"chips": 5,}', 'trailing comma'], ["{'chips': 5}", 'single quotes'],
  ['{chips: 5}', 'unquoted key'], ['[]', 'an array'], ['5', 'a number'], ['"chips"', 'a string'], ['null', 'null'],
  ['true', 'a boolean'], ['{"chips": 5} {"chips": 6}', 'two objects'], ['{"chips": 05}', 'leading zero'],
  ['{"chips": 0x10}', 'hex literal'], ['{"chips": +5}', 'plus sign'], ['{"chips": .5}', 'bare fraction'],
  ['\ufeff{"chips": -1}', 'byte-order mark, then a bad value'], ['{"chips": 5}\u0000', 'a NUL after the object'],
  ['{"chips"\u0000: 5}', 'a NUL inside'], ['/* c */ {"chips": -1}', 'a comment'],
  [repeat('[', 5000) + repeat(']', 5000), 'arrays nested 5000 deep'],
  [repeat('{"a":', 3000) + '1' + repeat('}', 3000), 'objects nested 3000 deep'],
]) S(payload, `not a JSON object: ${note}`);
// Invalid UTF-8 (lone surrogates, see the header) and escapes
// (built by hand: JSON.stringify would turn the lone surrogates into \ud800 escapes)
S(`{"gpu": "${LONE_HIGH}"}`, 'gpu: a lone high surrogate (invalid UTF-8 in the wasm)');
S(`{"${LONE_LOW}": 1}`, 'a key that is a lone low surrogate');
S(`{"gpu": "h800${LONE_HIGH}"}`, 'gpu: a valid id followed by invalid UTF-8');
S(`{"chips": -1, "note": "${LONE_HIGH}${LONE_LOW}${LONE_HIGH}"}`, 'a bad value next to a string of lone surrogates');
S('{"gpu": "\\ud800"}', 'gpu: a lone surrogate as a JSON escape');
S('{"gpu": "\\u0000h800"}', 'gpu: an escaped NUL');
J({ precision: 'fp8\u0000' }, 'precision with a NUL');
J({ chips: '２０４８' }, 'chips: fullwidth digits');
J({ chips: '٢٠٤٨' }, 'chips: Arabic-Indic digits');
J({ chips: '2,048' }, 'chips: thousands separator');
J({ chips: '2048 GPUs' }, 'chips: trailing words');
J({ chips: '0x800' }, 'chips: hex string');
J({ chips: '1e-400' }, 'chips: underflows to 0');
J({ chips: '5%%' }, 'chips: double percent');
J({ tokens: '14.8TT' }, 'tokens: double suffix');
J({ chips: '%2D1' }, 'chips: a percent-encoded minus (must not be decoded in JSON)');

// ---------------------------------------------------------------------------------------------------------------------
// Permalinks (query strings, already percent-encoded as they appear in the address bar)
// ---------------------------------------------------------------------------------------------------------------------
const P = (query, note) => add('permalink', { query }, note);
const enc = encodeURIComponent;
for (const [key, min, max, whole] of RANGED) {
  P(`${key}=${min - 1}`, `${key} below its minimum`);
  P(`${key}=${max * 10 + 1}`, `${key} above its maximum`);
  P(`${key}=-1e308`, `${key} huge negative`);
  P(`${key}=1e999`, `${key} overflows a double`);
  P(`${key}=NaN`, `${key}: NaN`);
  P(`${key}=Infinity`, `${key}: Infinity`);
  P(`${key}=-Infinity`, `${key}: -Infinity`);
  if (whole) P(`${key}=${min + 0.5}`, `${key}: not a whole number`);
}
for (const key of OTHER_NUMERIC) P(`${key}=-${'9'.repeat(400)}`, `${key}: a 400-digit negative number`);
for (const [query, note] of [
  ['chips=', 'empty value'], ['chips', 'key without =' ], ['=5', 'value without key'], ['&&&chips=-1&&&', 'separators around a bad value'],
  ['chips==5', 'double ='], ['chips=5=6', 'two = in one pair'], ['chips=abc', 'not a number'],
  ['chips=%2D5', 'percent-encoded minus'], ['chips=%252D5', 'double percent-encoded minus'],
  ['chips%3D-5', 'percent-encoded = (one key "chips=-5")'], ['chips=5%26gpu%3Dnope', 'encoded & inside a value'],
  ['chips=%', 'a lone %'], ['chips=%G1', 'bad hex after %'], ['chips=1%', 'truncated escape'],
  ['chips=%E0%A4%A', 'truncated UTF-8 escape'], ['gpu=%FF', 'invalid UTF-8 byte 0xFF'],
  ['gpu=%C0%AF', 'overlong UTF-8'], ['gpu=%ED%A0%80', 'UTF-8-encoded surrogate'], ['gpu=h800%00', 'NUL after a valid id'],
  ['gpu=%00', 'just a NUL'], ['gpu=%EF%BB%BFh800', 'BOM before a valid id'], ['%FF=1', 'invalid UTF-8 key'],
  ['gpu=h900', 'unknown GPU'], ['gpu=H800', 'GPU id in the wrong case'], ['gpu=h800+', 'GPU id with + (a space)'],
  ['gpu=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'script markup'], ['precision=fp16', 'unknown precision'],
  ['gpu=v100&precision=fp8', 'fp8 on a GPU without FP8 (cross-key)'],
  ['experts_total=8&experts_active=16', 'more active experts than experts'],
  ['lang=xx-evil', 'unknown language'], ['lang=', 'empty language'], ['quote=q-nope', 'unknown quote'],
  ['quote=..%2F..%2Fetc%2Fpasswd', 'path traversal in quote'], ['view=%22%3E%3Cimg%3E', 'markup in view'],
  ['view=nope', 'unknown view'], ['preset=nope', 'unknown preset'],
  ['evil=1', 'unknown key'], ['__proto__=1', '__proto__ key'], ['constructor=1', 'constructor key'],
  ['CHIPS=5', 'key in the wrong case'], ['chips=5&chips=-1', 'duplicate key, last bad'],
  ['chips=-1&chips=5', 'duplicate key, first bad'], ['chips=5&chips=6', 'duplicate key, both in range'],
  ['gpu=h100&gpu=nope', 'duplicate gpu, last bad'], [`chips=${BIG_DIGITS}`, 'a 100 KB number'],
  [`gpu=${BIG}`, 'a 100 KB gpu id'], [`${BIG}=1`, 'a 100 KB key'], [`junk=${BIG}`, 'a 100 KB unknown key'],
  [Array.from({ length: 2000 }, (_, i) => `k${i}=${i}`).join('&'), '2000 unknown keys'],
  ['chips=5' + repeat('&chips=-1', 2000), 'the same bad key 2000 times'],
  [`chips=${enc('２０４８')}`, 'fullwidth digits'], [`chips=${enc('2,048')}`, 'thousands separator'],
  ['chips=0x800', 'hex'], ['chips=1e-400', 'underflow to 0'], ['chips=5%25%25', 'double percent sign'],
  ['chips=%20%205', 'leading spaces'], ['chips=5%0A', 'trailing newline'], ['chips=5%0D%0Agpu=nope', 'CRLF injection'],
  ['mfu=35%25%25', 'fraction with two % signs'], ['tokens=14.8TT', 'double suffix'], ['chips=+-5', 'sign soup'],
  [`gpu=${enc('h800\u202e')}`, 'right-to-left override after a valid id'],
  ['#chips=-1&gpu=nope', 'a fragment marker first'], ['?chips=-1', 'a second question mark'],
]) P(query, note);

// ---------------------------------------------------------------------------------------------------------------------
// Bridge calls with oversized, spoofing or flooding arguments, and whole page loads (tests/e2e/hostile_bridge.test.mjs)
// ---------------------------------------------------------------------------------------------------------------------
const B = (call, payload, note) => add('bridge', { call, payload }, note);
const RLO = '\u202e', LRI = '\u2066', ZWJ = '\u200d';
B('setState', `{"language":"${repeat('x', 5250000)}"}`, 'a 5 MB language (once overran the wasm stack)');
B('setState', `{"scenario":{"gpu":"${repeat('h', 10 * 1024 * 1024)}"}}`, 'a 10 MB setState');
B('setState', JSON.stringify(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))),
  '5000 unknown keys');
B('setState', JSON.stringify({ language: `${RLO}.sdrow ruoy ni knil a ton si sihT` }), 'bidi override in a value');
B('setState', JSON.stringify({ quote: '\n\n\u26a0 Official correction: DeepSeek-V3 actually cost $500M' }),
  'line breaks and a fake correction in a quote id');
B('setState', JSON.stringify({ view: 'full' + '\u0000' + 'embed' }), 'NUL inside a value');
B('applyQuery', `quote=${repeat('A', 1320000)}`, 'a 1.3 MB quote id');
B('applyQuery', `lang=${repeat('x', 15 * 1024)}`, 'a 15 KB language');
B('applyQuery', Array.from({ length: 2000 }, (_, i) => `u${i}=1`).join('&'), '2000 unknown keys');
B('applyQuery', `lang=${enc(RLO + '.sdrow ruoy ni knil a ton si sihT')}&quote=${enc('\n\n\u26a0 Official correction: DeepSeek-V3 actually cost $500M')}`,
  'the spoofing link from the security review');
B('applyQuery', `currency=${enc(LRI + 'CNY' + ZWJ)}&tour=${enc('\r\n1')}&view=${enc('\u0000')}`,
  'isolates, joiners, CR/LF and NUL in page keys');
B('selectQuote', repeat('q', 2000000), 'a 2 MB quote id');
B('applySettings', `{"language":"${repeat('z', 2000000)}"}`, '2 MB of settings');
B('applySettings', '{"tour":{"mode":"free_play","step":4294967297,"resume_step":4294967297}}',
  'a tour step of 2^32 + 1 (wrapped to 1 in a 32-bit size_t)');
B('controlRect', repeat('c', 3000000), 'a 3 MB control id');
const L = (path, note) => add('page', { path }, note);
L('embed.html?quote=q-dsv3-cost-557-h800&view=full', 'embed.html asking for the full app');
L('embed.html?quote=q-dsv3-cost-557-h800&view=nope', 'embed.html with an unknown view');
L(`index.html?lang=${enc(RLO + '.sdrow ruoy ni knil a ton si sihT')}&quote=${enc('\n\n\u26a0 Official correction: $500M')}`,
  'the spoofing link as a real page load');
L(`index.html?${Array.from({ length: 600 }, (_, i) => `k${i}=${i}`).join('&')}`, '600 unknown keys in a real link');

// ---------------------------------------------------------------------------------------------------------------------
// CLI: scripts/estimate --set key=value (exit 2, one line naming the key)
// ---------------------------------------------------------------------------------------------------------------------
const C = (key, value, note, names = [key]) => add('cli', { key, value, names }, note);
const CH = (key, bytes, note, names = [key]) =>
  add('cli', { key, value_hex: Buffer.from(bytes).toString('hex'), names }, note);
for (const [key, min, max, whole] of RANGED) {
  C(key, String(min - 1), `${key} below its minimum`);
  C(key, String(max * 10 + 1), `${key} above its maximum`);
  C(key, '1e999', `${key} overflows a double`);
  C(key, 'NaN', `${key}: NaN`);
  C(key, '-Infinity', `${key}: -Infinity`);
  if (whole) C(key, String(min + 0.5), `${key}: not a whole number`);
}
C('chips', '', 'empty value');
C('chips', 'abc', 'not a number');
C('chips', BIG_DIGITS, 'a 100 KB number');
C('chips', '0x800', 'hex');
C('chips', '2,048', 'thousands separator');
C('chips', '5%%', 'double percent');
C('chips', '１', 'fullwidth digit');
C('chips', '5\nchips=6', 'a newline inside the value (the error must stay one line)');
C('tokens', '14.8TT', 'double suffix');
C('gpu', 'h900', 'unknown GPU');
C('gpu', BIG, 'a 100 KB GPU id');
C('gpu', 'h800\n', 'GPU id with a newline (the error must stay one line)');
C('precision', 'fp16', 'unknown precision');
C('nope', '1', 'unknown key');
C('', '1', 'empty key', ['key']);
C(repeat('x', 5000), '1', 'a 5 KB key', ['x']);
CH('gpu', [0xff, 0xfe], 'invalid UTF-8 bytes as the GPU id');
CH('gpu', [0x68, 0x38, 0x30, 0x30, 0xed, 0xa0, 0x80], 'a valid id followed by a UTF-8-encoded surrogate');
CH('chips', [0x35, 0xc0, 0xaf], 'a digit followed by overlong UTF-8');
C('experts_active', '4000', 'more active experts than the preset has (cross-key)', ['experts_active', 'experts_total']);

const corpus = {
  about: 'Hostile inputs for Chips & Claims. Generated by tests/hostile/make_corpus.mjs; do not edit by hand.',
  counts: counters,
  cases,
};
const out = join(here, 'corpus.json');
writeFileSync(out, JSON.stringify(corpus, null, 1) + '\n');
const cli = cases.filter((c) => c.kind === 'cli');
writeFileSync(join(here, 'cli.json'), JSON.stringify({ about: corpus.about, cases: cli }, null, 1) + '\n');
console.log(`make_corpus: ${cases.length} cases (${Object.entries(counters).map(([k, v]) => `${v} ${k}`).join(', ')}) → ${out}`);
