// scripts/inject_fallback.mjs — one language's page from a shell: index.html (the full page) or embed.html (the
// embed's router), with the text version (tools/render_fallback's HTML fragment) in that language.
//   node scripts/inject_fallback.mjs --page site/index.html --lang zh-Hans --fallback build/wasm/text/fallback.zh-Hans.html
//        --cards build/wasm/text/cards.zh-Hans.json --strings content/strings.json --site-url https://host/path/
//        --out build/wasm/site/zh-hans/index.html
// The page lands in its language's tree (docs/site.md "Languages"): English at the site's root, zh-hans/, zh-hant/.
// The shell's words come from content/strings.json ({{key}}, scripts/page_shell.mjs); the text version goes where the
// shell says <!-- chips:fallback -->. A shell with that marker and no readable fragment fails: shipping a page
// without its text version would silently hide every quote from screen readers and search engines.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  argument, checkSiteUrl, commonVars, escapeHtml, fillShell, headMeta, language, languageNav, loadStrings,
} from './page_shell.mjs';

const SCRIPT = 'inject_fallback';
const pagePath = argument('--page');
const fallbackPath = argument('--fallback');
const cardsPath = argument('--cards');
const stringsPath = argument('--strings');
const lang = argument('--lang', 'en');
const siteUrl = argument('--site-url');
const outPath = argument('--out');
if (!pagePath || !fallbackPath || !cardsPath || !stringsPath || !outPath) {
  console.error('usage: inject_fallback.mjs --page FILE --lang LANG --fallback FILE --cards FILE --strings FILE ' +
    '--site-url URL --out FILE');
  process.exit(2);
}
checkSiteUrl(siteUrl, SCRIPT);

function read(path, what) {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    console.error(`${SCRIPT}: ${pagePath} needs ${what} but ${path} is unreadable: ${error.message}`);
    process.exit(1);
  }
}

try {
  const strings = loadStrings(stringsPath);
  const { tree } = language(lang);
  const name = basename(pagePath);
  const path = tree + name; // where the page lives in the site
  const fallback = read(fallbackPath, 'the text version');
  const cards = JSON.parse(read(cardsPath, 'the checked quotes'));
  const tr = (key) => strings.tr(key, lang);
  const vars = { ...commonVars(lang, path, strings), start_query: `lang=${lang}`, page_root: './', tree,
    embed_title: escapeHtml(tr('page.embed_title')), embed_attributes: '', full_page_href: './' };
  const meta = {
    siteUrl, lang, title: tr('page.title'), description: tr('page.description'), image: 'og/site.png',
    imageAlt: tr('page.title'), siteName: tr('app.title'),
  };
  const markers = { fallback: fallback.trim(), 'embed-card': '' };
  if (name === 'embed.html') {
    // The router's list of known quotes (site/embed-route.js): how many claims each has and which one leads. Data in
    // a script element of type JSON is never executed, and the ids are content ids, never the link's text.
    const index = Object.fromEntries(cards.quotes.map((quote) =>
      [quote.id, { claims: quote.claims.length, headline: quote.headline_claim }]));
    const json = JSON.stringify(index).replace(/</g, '\\u003c');
    markers['embed-index'] = `<script type="application/json" id="embed-quotes">${json}</script>`;
    markers['head-meta'] = headMeta({ ...meta, pathIn: () => 'embed.html', noindex: true });
  } else {
    markers['head-meta'] = headMeta({ ...meta, pathIn: () => '' });
    markers.languages = languageNav(strings, lang, path, () => '');
  }
  const page = fillShell(readFileSync(pagePath, 'utf8'), pagePath, { strings, lang, vars, markers });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, page);
} catch (error) {
  console.error(`${SCRIPT}: ${error.message}`);
  process.exit(1);
}
