// scripts/precompress.mjs — writes FILE.br and FILE.gz next to every compressible file of the built site, once, at
// build time, so a server sends them as they are (scripts/static_server.mjs; nginx `gzip_static`/`brotli_static`,
// Caddy `precompressed`: docs/site.md "Serving the site") and never compresses per request.
//   node scripts/precompress.mjs --site build/wasm/site [--stamp FILE]
// Run by wasm/wasm.cmake as the last step. Levels are the strongest (brotli 11, gzip 9): the cost is paid once per
// build, not per reader. A sibling is skipped when it is already newer than its file (an unchanged file is not
// compressed again) and removed when it would not be smaller (the server then sends the file itself).
// Brotli from node's zlib (the same library as the `brotli` command), so the build needs nothing more.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const siteDir = argument('--site');
const stamp = argument('--stamp');
if (!siteDir) {
  console.error('usage: precompress.mjs --site DIR [--stamp FILE]');
  process.exit(2);
}
// Text and the module compress well; the fonts (CFF outlines) by about 13 %; PNG does not (already deflated).
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.wasm', '.json', '.otf', '.txt', '.csv']);
// Below this, the headers of an encoded response outweigh what compression saves.
const MIN_BYTES = 256;
const ENCODERS = [
  { suffix: '.br', encode: (bytes) => brotliCompressSync(bytes, { params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC } }) },
  { suffix: '.gz', encode: (bytes) => gzipSync(bytes, { level: 9 }) },
];

const newerOrSame = (sibling, original) => {
  try { return statSync(sibling).mtimeMs >= original.mtimeMs; } catch { return false; }
};
let written = 0, kept = 0, rawBytes = 0, brBytes = 0;
const files = readdirSync(siteDir, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name).toLowerCase()))
  .map((entry) => join(entry.parentPath || entry.path, entry.name));
for (const file of files) {
  const original = statSync(file);
  for (const { suffix, encode } of ENCODERS) {
    const sibling = file + suffix;
    if (original.size < MIN_BYTES) { rmSync(sibling, { force: true }); continue; }
    if (newerOrSame(sibling, original)) { kept += 1; continue; }
    const bytes = readFileSync(file);
    const encoded = encode(bytes);
    if (encoded.length >= bytes.length) { rmSync(sibling, { force: true }); continue; }
    writeFileSync(sibling, encoded);
    written += 1;
    if (suffix === '.br') { rawBytes += bytes.length; brBytes += encoded.length; }
  }
}
// Siblings whose file is gone (an older hashed name, a removed page) would be served for nothing: drop them.
for (const entry of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !/\.(br|gz)$/.test(entry.name)) continue;
  const sibling = join(entry.parentPath || entry.path, entry.name);
  try { statSync(sibling.replace(/\.(br|gz)$/, '')); } catch { rmSync(sibling, { force: true }); }
}
if (stamp) writeFileSync(stamp, '');
console.log(`precompress: ${files.length} files in ${relative(process.cwd(), siteDir) || '.'}, ${written} written, ` +
  `${kept} up to date` + (rawBytes ? `; brotli ${(rawBytes / 1e3).toFixed(0)} → ${(brBytes / 1e3).toFixed(0)} KB` : ''));
