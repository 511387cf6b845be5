// scripts/inject_fallback.mjs — put the text version (tools/render_fallback's HTML fragment) into a page shell.
//   node scripts/inject_fallback.mjs --page site/index.html --fallback build/wasm/fallback.html --out OUT.html
// The shell marks the place with <!-- chips:fallback -->; a page without the marker is copied unchanged (so adding
// a page to site/ never breaks the build), but a page with the marker and no fragment fails: shipping index.html
// without its text version would silently hide every quote from screen readers and search engines.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const MARKER = '<!-- chips:fallback -->';
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const pagePath = argument('--page');
const fallbackPath = argument('--fallback');
const outPath = argument('--out');
if (!pagePath || !outPath) {
  console.error('usage: inject_fallback.mjs --page FILE --fallback FILE --out FILE');
  process.exit(2);
}
let page = readFileSync(pagePath, 'utf8');
if (page.includes(MARKER)) {
  let fragment;
  try {
    fragment = readFileSync(fallbackPath, 'utf8');
  } catch (error) {
    console.error(`inject_fallback: ${pagePath} needs the text version but ${fallbackPath} is unreadable: ${error.message}`);
    process.exit(1);
  }
  page = page.replace(MARKER, () => fragment.trim());
}
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, page);
