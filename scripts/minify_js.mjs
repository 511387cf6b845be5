// scripts/minify_js.mjs — shrinks a script of the site for the wire: the page's own scripts (site/*.js) and the
// emscripten glue (chips.js). Run by wasm/wasm.cmake in place of a plain copy.
//   node scripts/minify_js.mjs --in FILE --out FILE
// Why: the glue leaves emcc with its whitespace stripped but every name whole (167 KB raw), and site/app.js carries
// its comments (46 KB raw); together they were ~51 KB gzip of the bytes a reader waits for before the first frame,
// and terser (npm `terser`, a dev dependency) takes ~15 KB gzip off (docs/quality.md, "Third pass").
// Safe by construction: names at the top level are kept (the glue's wasm imports and EM_JS functions are looked up
// by name, site/app.js is one closure whose top level is its only scope), no `eval` is introduced (the page's CSP
// has no 'unsafe-eval'), and a script that fails to parse stops the build with its file and position.
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const input = argument('--in');
const output = argument('--out');
if (!input || !output) {
  console.error('usage: minify_js.mjs --in FILE --out FILE');
  process.exit(2);
}

const source = readFileSync(input, 'utf8');
try {
  const result = await minify(source, {
    ecma: 2020,
    toplevel: false, // top-level names stay: other scripts and the wasm's imports refer to them
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  writeFileSync(output, result.code);
} catch (error) {
  const where = error.line ? `:${error.line}:${error.col}` : '';
  console.error(`minify_js: ${input}${where}: ${error.message}`);
  process.exit(1);
}
