// scripts/hash_assets.mjs — publishes the app's files under content-hashed names and points every page at them.
//   node scripts/hash_assets.mjs --assets build/wasm/site-assets --site build/wasm/site [--deploy build/wasm/deploy]
//        [--stamp FILE]
// Run by wasm/wasm.cmake after every page is written and before the offline files are packed (docs/site.md,
// "Caching"). The names are scripts/site_manifest.mjs's (HASHED_ASSETS, hashedName).
//
// Why a separate folder for the unhashed files (--assets): the build writes chips.js, chips.wasm, the fonts and the
// page files there under their own names, so cmake keeps seeing its outputs and rebuilds nothing when they are
// unchanged; this script copies each into the site as `stem.<hash>.ext` (skipped when that file is already there: the
// name is the content), removes older hashed copies and any unhashed copy from the site, and then
//   - rewrites every href="…"/src="…" naming one of them, in every page of every language tree (index.html,
//     embed.html, claims/, embed/<id>/<n>.html — with their "../" and "../../" prefixes kept), also when the page
//     already names an older hash, so running it twice gives the same pages;
//   - writes the map into each page that loads app.js, as <script type="application/json" id="chips-assets">
//     (site/app.js reads it to fetch chips.wasm, the fonts and chips.js), and into asset-manifest.json for tools;
//   - puts style.css inline (<style>) where a page links it, so no page's first paint waits for a stylesheet request,
//     and writes the page's Content-Security-Policy <meta> allowing exactly that style by hash (scripts/csp.mjs);
//     with --deploy DIR also the matching header lines for nginx and Caddy (deploy/ includes them).
// Pages are written only when their text changes, so an unchanged build leaves their dates alone.
// The offline files are packed afterwards from the hashed site (scripts/pack_offline.mjs reads the manifest).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { deploySnippets, sitePolicies } from './csp.mjs';
import { HASHED_ASSETS, HASH_HEX_DIGITS, MANIFEST_FILE, PAGE_MANIFEST_ID, hashedName } from './site_manifest.mjs';

const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const assetsDir = argument('--assets');
const siteDir = argument('--site');
const stamp = argument('--stamp');
const deployDir = argument('--deploy');
if (!assetsDir || !siteDir) {
  console.error('usage: hash_assets.mjs --assets DIR --site DIR [--stamp FILE]');
  process.exit(2);
}
function fail(message) {
  console.error(`hash_assets: ${message}`);
  process.exit(1);
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// The file's name split so that both `chips.wasm` and any `chips.<hash>.wasm` are recognised.
function nameParts(logicalName) {
  const dot = logicalName.lastIndexOf('.');
  return { stem: logicalName.slice(0, dot), extension: logicalName.slice(dot) };
}
const hashedVariant = (stem, extension) =>
  new RegExp(`^${escapeRegExp(stem)}\\.[0-9a-f]{${HASH_HEX_DIGITS}}${escapeRegExp(extension)}(\\.br|\\.gz)?$`);

// 1. Copy each file to its hashed name; drop stale copies (and their precompressed siblings) from the site.
const manifest = {};
for (const logicalName of HASHED_ASSETS) {
  const source = join(assetsDir, logicalName);
  if (!existsSync(source)) fail(`${source}: missing (the build writes it before this step)`);
  const bytes = readFileSync(source);
  const published = hashedName(logicalName, createHash('sha256').update(bytes).digest('hex'));
  manifest[logicalName] = published;
  const target = join(siteDir, published);
  mkdirSync(dirname(target), { recursive: true });
  if (!existsSync(target)) copyFileSync(source, target);
  const { stem, extension } = nameParts(basename(logicalName));
  const pattern = hashedVariant(stem, extension);
  const folder = dirname(target);
  for (const entry of readdirSync(folder)) {
    const stale = entry === basename(logicalName) || entry.startsWith(basename(logicalName) + '.') ||
      (pattern.test(entry) && !entry.startsWith(basename(published)));
    if (stale) rmSync(join(folder, entry), { force: true });
  }
}

// 2. Every page: attribute references to the logical or an older hashed name → the current hashed name.
const rewrites = HASHED_ASSETS.map((logicalName) => {
  const { stem, extension } = nameParts(logicalName);
  const pattern = new RegExp(
    `(\\s(?:href|src)=")((?:\\.\\./)*)${escapeRegExp(stem)}(?:\\.[0-9a-f]{${HASH_HEX_DIGITS}})?${escapeRegExp(extension)}"`,
    'g');
  return { pattern, published: manifest[logicalName] };
});
// The map as the pages carry it. '<' cannot occur in these names, so the JSON cannot end its element early.
const pageMap = `<script type="application/json" id="${PAGE_MANIFEST_ID}">${JSON.stringify(manifest)}</script>`;
const existingMap = new RegExp(`<script type="application/json" id="${PAGE_MANIFEST_ID}">[^<]*</script>`);
const appScript = /<script (?:defer )?src="(?:\.\.\/)*app(?:\.[0-9a-f]+)?\.js"><\/script>/;
// The style, inline: the stylesheet link (by its own or a hashed name), or the <style> an earlier run wrote.
const css = readFileSync(join(assetsDir, 'style.css'), 'utf8');
if (/<\/style/i.test(css)) fail(`${join(assetsDir, 'style.css')}: contains "</style", which would end the inline element`);
const policies = sitePolicies(css);
const styleLink = new RegExp(`<link rel="stylesheet" href="(?:\\.\\./)*style(?:\\.[0-9a-f]{${HASH_HEX_DIGITS}})?\\.css">`);
const inlineStyle = /<style data-chips-style>[\s\S]*?<\/style>/;
const cspMeta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

function pagesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath || entry.path, entry.name))
    // The offline files carry everything inline and are packed from the rewritten pages afterwards.
    .filter((file) => !basename(file).startsWith('chips-and-claims-offline'));
}
let pagesChanged = 0;
const pages = pagesUnder(siteDir);
for (const file of pages) {
  const before = readFileSync(file, 'utf8');
  let html = before;
  for (const { pattern, published } of rewrites) {
    html = html.replace(pattern, (_match, attribute, prefix) => `${attribute}${prefix}${published}"`);
  }
  if (styleLink.test(html)) html = html.replace(styleLink, () => `<style data-chips-style>${css}</style>`);
  else if (inlineStyle.test(html)) html = html.replace(inlineStyle, () => `<style data-chips-style>${css}</style>`);
  if (cspMeta.test(html)) {
    html = html.replace(cspMeta, () => `<meta http-equiv="Content-Security-Policy" content="${policies.meta}">`);
  }
  if (appScript.test(html)) {
    if (existingMap.test(html)) html = html.replace(existingMap, () => pageMap);
    else if (html.includes('</head>')) html = html.replace('</head>', () => `${pageMap}\n</head>`);
    else fail(`${relative(siteDir, file)}: loads app.js but has no </head> for the asset map`);
  }
  if (html !== before) {
    writeFileSync(file, html);
    pagesChanged += 1;
  }
}
// A page still naming an unhashed file would load nothing (the file is gone): fail the build naming it.
for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  for (const logicalName of HASHED_ASSETS) {
    const { stem, extension } = nameParts(logicalName);
    const unhashed = new RegExp(`\\s(?:href|src)="(?:\\.\\./)*${escapeRegExp(stem)}${escapeRegExp(extension)}"`);
    if (unhashed.test(html)) fail(`${relative(siteDir, file)}: still names ${logicalName}`);
  }
}

if (deployDir) {
  mkdirSync(deployDir, { recursive: true });
  for (const [name, text] of Object.entries(deploySnippets(policies.header))) writeFileSync(join(deployDir, name), text);
}
writeFileSync(join(siteDir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
if (stamp) writeFileSync(stamp, '');
console.log(`hash_assets: ${HASHED_ASSETS.length} files hashed, ${pagesChanged} of ${pages.length} pages rewritten` +
  ` (${relative(process.cwd(), siteDir) || '.'}${sep}${MANIFEST_FILE})`);
