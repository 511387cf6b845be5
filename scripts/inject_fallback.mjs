// scripts/inject_fallback.mjs — one language's page from a shell: index.html (the full page) or embed.html (the
// embed's router), with the text version (tools/render_fallback's HTML fragment) in that language.
//   node scripts/inject_fallback.mjs --page site/index.html --lang zh-Hans --fallback build/wasm/text/fallback.zh-Hans.html
//        --cards build/wasm/text/cards.zh-Hans.json --strings content/strings.json --site-url https://host/path/
//        --out build/wasm/site/zh-hans/index.html [--asset-dir build/wasm/site]
// The page lands in its language's tree (docs/site.md "Languages"): English at the site's root, zh-hans/, zh-hant/.
// The shell's words come from content/strings.json ({{key}}, scripts/page_shell.mjs); the text version goes where the
// shell says <!-- chips:fallback -->. A shell with that marker and no readable fragment fails: shipping a page
// without its text version would silently hide every quote from screen readers and search engines.
// The full page also gets, for the time before the app's first frame (docs/site.md "Loading"): the headline claim of
// the quote the app opens with, as text in the app's area (<!-- chips:loading-card -->), and the raw byte sizes of the
// files the app loads first ({{asset_bytes}}, from --asset-dir), so the progress compares like with like when the
// server compresses them.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
const assetDir = argument('--asset-dir');
// What site/app.js may download before the first frame: the module, and on the Noto path (a browser without CJK
// fonts, docs/site.md "Glyphs") the SC face, the TC face too for traditional views.
const FIRST_ASSETS = ['chips.wasm', 'fonts/ui-sc.otf', 'fonts/ui-tc.otf'];
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

// The claim the app opens on, as a short card: quote, our translation on English pages, the verdict and its
// one-sentence reason, in the same words as the text version below. The app's rule (session/session.cpp load): the
// first quote with a claim on the 557万美元 figure, else the first quote.
function loadingCard(cards, tr) {
  const opening = (quote) => quote.claims.find((claim) => claim.span.includes('557'));
  const quote = cards.quotes.find(opening) || cards.quotes.find((candidate) => candidate.claims.length);
  if (!quote) return '';
  const claim = opening(quote) || quote.claims[quote.headline_claim] || quote.claims[0];
  return [
    `<div class="loading-card" data-quote-id="${escapeHtml(quote.id)}">`,
    `  <blockquote class="card-quote" lang="${escapeHtml(quote.script)}">${escapeHtml(quote.text)}</blockquote>`,
    lang === 'en' && quote.translation ? `  <p class="card-translation">${escapeHtml(quote.translation)}</p>` : '',
    `  <p class="card-verdict verdict-${escapeHtml(claim.verdict)}"><span class="card-verdict-word">` +
      `${escapeHtml(tr('share.verdict'))}</span> <strong>${escapeHtml(claim.verdict_label)}</strong> ` +
      `<span class="card-claim-of">“${escapeHtml(claim.span)}”</span></p>`,
    `  <p class="card-reason">${escapeHtml(claim.reason)}</p>`,
    '</div>',
  ].filter(Boolean).join('\n');
}

// {"chips.wasm": bytes, ...} for the files that exist in --asset-dir (the wasm must: the page cannot start without it).
function assetBytes() {
  if (!assetDir) return '';
  const sizes = {};
  for (const name of FIRST_ASSETS) {
    try {
      sizes[name] = statSync(join(assetDir, name)).size;
    } catch (error) {
      if (name === 'chips.wasm') throw new Error(`--asset-dir ${assetDir} has no ${name}: ${error.message}`);
    }
  }
  return escapeHtml(JSON.stringify(sizes));
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
    embed_title: escapeHtml(tr('page.embed_title')), embed_attributes: '', full_page_href: './',
    asset_bytes: assetBytes() };
  const meta = {
    siteUrl, lang, title: tr('page.title'), description: tr('page.description'), image: 'og/site.png',
    imageAlt: tr('page.title'), siteName: tr('app.title'),
  };
  const markers = { fallback: fallback.trim(), 'embed-card': '', 'loading-card': loadingCard(cards, tr) };
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
