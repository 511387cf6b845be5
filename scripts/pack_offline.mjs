// scripts/pack_offline.mjs — the offline classroom file: the built site in one HTML file that works from file://
// on a machine with no network (wasm, fonts, content, styles and scripts inside).
//   node scripts/pack_offline.mjs --site build/wasm/site [--page zh-hans/index.html]
//        --out build/wasm/site/zh-hans/chips-and-claims-offline.html
// One per language (docs/site.md "Languages"): --page is that language's full page (index.html, the default, or
// zh-hans/index.html, zh-hant/index.html); its links to the site's files ("../style.css") name the files inlined here.
//
// How: the page (with the text version and the style already inline) gets app.js inline at the end of the body, the favicon as a data:
// URL, chips.js wrapped in a function the page calls with its Module (so it runs after the assets are decoded),
// and chips.wasm (gzip-compressed) plus both fonts as base64 in <script type="application/octet-stream"
// data-asset=…> blocks, which browsers never execute and site/app.js decodes. No second emcc link (-sSINGLE_FILE) is needed.
// The Content-Security-Policy <meta> is rewritten to allow exactly these inline scripts and styles by hash, plus
// wasm compilation; everything else, including any network access, is refused.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readManifest } from './site_manifest.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const site = argument('--site');
const pagePath = argument('--page') || 'index.html';
const outPath = argument('--out');
if (!site || !outPath) {
  console.error('usage: pack_offline.mjs --site DIR [--page PATH] --out FILE');
  process.exit(2);
}
function fail(message) {
  console.error(`pack_offline: ${message}`);
  process.exit(1);
}
// The app's files are published under content-hashed names (scripts/hash_assets.mjs runs first): read each through
// the site's manifest; the blocks below keep the names site/app.js asks for (data-asset="chips.wasm").
const manifest = (() => {
  try { return readManifest(site); } catch (error) { fail(error.message); }
})();
const read = (name) => readFileSync(join(site, manifest[name] || name));
const text = (name) => read(name).toString('utf8');
const sha256 = (content) => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
// Inline script text must not close its own <script> element early.
const scriptSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
function replaceOnce(html, pattern, replacement, what) {
  if (!pattern.test(html)) fail(`${pagePath}: ${what} not found (${pattern})`);
  return html.replace(pattern, () => replacement);
}

let html = text(pagePath);
const css = text('style.css');
const appJs = scriptSafe(text('app.js'));
const chipsJs = scriptSafe(`window.chipsAndClaimsStart = function (Module) {\n${text('chips.js')}\n};`);
// Each asset is gzip-compressed before base64 (site/app.js inflates it with DecompressionStream): 937 KB of wasm is
// 1.25 MB of base64 as it is and ~0.55 MB compressed; the fonts (CFF outlines) gain ~13 %.
const assets = ['chips.wasm', 'fonts/ui-sc.otf', 'fonts/ui-tc.otf'].map((name) => {
  const packed = gzipSync(read(name), { level: 9 }).toString('base64');
  return `<script type="application/octet-stream" data-asset="${name}" data-encoding="gzip">${packed}</script>`;
});

// The download link makes no sense inside the download.
html = html.replace(/<!-- chips:online-only[\s\S]*?<!-- \/chips:online-only -->\s*/g, '');
// "(../)*": a language's page lives in its folder and names the site's files from there; "(.HASH)?": by their
// published names. The page's map of published names is dropped: nothing is fetched.
html = html.replace(/<script type="application\/json" id="chips-assets">[^<]*<\/script>\s*/, '');
const hashed = '(?:\\.[0-9a-f]{12})?';
// The built pages carry the style inline already (scripts/hash_assets.mjs); a page that still links it gets it here.
const styleLink = new RegExp(`<link rel="stylesheet" href="(?:\\.\\./)*style${hashed}\\.css">`);
if (styleLink.test(html)) html = html.replace(styleLink, () => `<style data-chips-style>${css}</style>`);
else html = replaceOnce(html, /<style data-chips-style>[\s\S]*?<\/style>/, `<style data-chips-style>${css}</style>`, 'inline style');
html = replaceOnce(html, new RegExp(`<link rel="icon" href="(?:\\.\\./)*favicon${hashed}\\.svg" type="image/svg\\+xml">`),
  `<link rel="icon" href="data:image/svg+xml;base64,${read('favicon.svg').toString('base64')}">`, 'icon link');
// The page names app.js with defer (it runs once the page is parsed); inline scripts cannot be deferred, so the
// assets and both scripts go to the end of the body, where they also run after the page above them is parsed.
html = replaceOnce(html, new RegExp(`<script (?:defer )?src="(?:\\.\\./)*app${hashed}\\.js"></script>\\s*`), '', 'app.js script');
html = replaceOnce(html, /<\/body>(?![\s\S]*<\/body>)/, `${assets.join('\n')}\n<script>${chipsJs}</script>\n<script>${appJs}</script>\n</body>`,
  'end of the body');

const policy = [
  "default-src 'none'", `script-src ${sha256(chipsJs)} ${sha256(appJs)} 'wasm-unsafe-eval'`, `style-src ${sha256(css)}`,
  'img-src data: blob:', "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  `<meta http-equiv="Content-Security-Policy" content="${policy}">`, 'CSP meta');
html = replaceOnce(html, /<html /, '<html data-offline="true" ', 'html element');

writeFileSync(outPath, html);
console.log(`pack_offline: ${outPath} (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB)`);
