// scripts/site_manifest.mjs — the names the build gives the served site's files, shared by everything that writes,
// serves or measures build/wasm/site: scripts/hash_assets.mjs (writes them), scripts/precompress.mjs,
// scripts/static_server.mjs (immutable caching), scripts/size_report.mjs, bench/, tests/e2e/.
//
// The module, the glue, the page script and style, the icon and the fonts are published as `stem.<hash>.ext`, the
// first 12 hex digits of the SHA-256 of their bytes, so a host can let browsers keep them for a year without asking
// again (a new build is a new name). The pages keep their names and are revalidated on every visit; they name the
// hashed files (preloads, <script src>, <link href>) and carry the map for site/app.js in
// <script type="application/json" id="chips-assets">. asset-manifest.json holds the same map for tools.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Logical name (what site/ and app.js call the file) → published under a content-hashed name.
export const HASHED_ASSETS = ['chips.wasm', 'chips.js', 'app.js', 'style.css', 'favicon.svg', 'fonts/ui-sc.otf',
  'fonts/ui-tc.otf'];
// Published under their own names: the pages themselves and the offline download, whose address readers bookmark.
export const PAGES = ['index.html', 'embed.html'];
export const MANIFEST_FILE = 'asset-manifest.json';
export const HASH_HEX_DIGITS = 12;
// A published hashed name: `chips.0123456789ab.wasm`, `fonts/ui-sc.0123456789ab.otf`. Only these are immutable.
export const HASHED_NAME = new RegExp(`\\.[0-9a-f]{${HASH_HEX_DIGITS}}\\.[A-Za-z0-9]+$`);
// The element in each page that tells site/app.js the published names.
export const PAGE_MANIFEST_ID = 'chips-assets';

// `fonts/ui-sc.otf` + hash → `fonts/ui-sc.<hash>.otf`.
export function hashedName(logicalName, hashHex) {
  const dot = logicalName.lastIndexOf('.');
  return `${logicalName.slice(0, dot)}.${hashHex.slice(0, HASH_HEX_DIGITS)}${logicalName.slice(dot)}`;
}

// The manifest of a built site ({logical name → published name}); throws naming the file when it is missing or bad.
export function readManifest(siteDir) {
  const file = join(siteDir, MANIFEST_FILE);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error.code === 'ENOENT' ? 'missing (build the site: scripts/build.sh wasm)' : error.message}`);
  }
  for (const name of HASHED_ASSETS) {
    if (typeof manifest[name] !== 'string' || !HASHED_NAME.test(manifest[name])) {
      throw new Error(`${file}: no hashed name for ${name}`);
    }
  }
  return manifest;
}

// What a page or tool should request for a logical name: its hashed name when the site has one.
export function publishedName(manifest, logicalName) {
  return (manifest && manifest[logicalName]) || logicalName;
}
