// scripts/page_shell.mjs — what every built page shares: the language trees, filling a page shell from
// content/strings.json, and the head tags a shared link is previewed from (canonical, hreflang, Open Graph, Twitter).
// Used by scripts/inject_fallback.mjs (the full page and the embed in each language) and
// scripts/build_share_pages.mjs (the static embed cards and the claim pages). docs/site.md "Languages" and
// "Link previews" describe the result.
import { readFileSync } from 'node:fs';

// [SECTION] Languages: one tree of pages per language; English at the site's root is also the x-default.
export const LANGUAGES = [
  { code: 'en', tree: '', ogLocale: 'en_US' },
  { code: 'zh-Hans', tree: 'zh-hans/', ogLocale: 'zh_CN' },
  { code: 'zh-Hant', tree: 'zh-hant/', ogLocale: 'zh_TW' },
];
export function language(code) {
  const found = LANGUAGES.find((entry) => entry.code === code);
  if (!found) throw new Error(`unknown language "${code}" (expected ${LANGUAGES.map((entry) => entry.code).join(', ')})`);
  return found;
}
// The relative way from a page at `path` (inside the site, e.g. "zh-hans/embed/q-x/0.html") up to the site's root.
export function upFrom(path) {
  return '../'.repeat(path.split('/').length - 1);
}

// [SECTION] Text
export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
// "{name}" → value in a strings.json pattern.
export function fillIn(pattern, values) {
  return pattern.replace(/\{([a-z_]+)\}/g, (hole, name) => (name in values ? String(values[name]) : hole));
}
// Cuts text for a preview's title or description at a word (or, in Chinese, any character) and adds "…".
export function shorten(text, maxChars) {
  const characters = [...text];
  if (characters.length <= maxChars) return text;
  let cut = characters.slice(0, maxChars - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > maxChars * 0.6) cut = cut.slice(0, space);
  return cut.replace(/[\s,.;:，。；：、]+$/u, '') + '…';
}

export function loadStrings(path) {
  const table = JSON.parse(readFileSync(path, 'utf8')).strings;
  return {
    // A missing key or language fails the build, naming both: a page must never show a key or another language.
    tr(key, lang) {
      const entry = table[key];
      if (!entry || typeof entry[lang] !== 'string' || entry[lang] === '') {
        throw new Error(`${path}: /strings/${key}/${lang} is missing (a page shell or script asks for it)`);
      }
      return entry[lang];
    },
  };
}

// [SECTION] Shells
// Fills {{name}}: a name with a dot is a content/strings.json key in the page's language ({{key@zh-Hant}} in a
// given one), escaped for HTML; any other name is one of `vars` (already HTML). Markers <!-- chips:NAME --> are
// replaced by `markers[NAME]`. An unknown name or a marker without a value fails with the shell's name.
export function fillShell(shell, shellName, { strings, lang, vars = {}, markers = {} }) {
  // The shell's own description (its first comment, "The shell of …") is for whoever edits it, not for readers.
  let page = shell.replace(/<!-- The shell of [\s\S]*?-->\n/, '');
  page = page.replace(/\{\{([A-Za-z0-9_.@-]+)\}\}/g, (whole, name) => {
    if (name.includes('.')) {
      const [key, otherLang] = name.split('@');
      return escapeHtml(strings.tr(key, otherLang || lang));
    }
    if (!(name in vars)) throw new Error(`${shellName}: {{${name}}} has no value`);
    return vars[name];
  });
  page = page.replace(/<!-- chips:([a-z-]+) -->/g, (whole, name) => {
    if (!(name in markers)) throw new Error(`${shellName}: <!-- chips:${name} --> has no content for this page`);
    return markers[name].trim();
  });
  return page;
}

// Vars every shell knows: the page's language, the way up to the site's files, which intro is shown, and (given the
// strings) the words site/app.js writes at run time.
export function commonVars(lang, path, strings) {
  const vars = { lang, root: upFrom(path) };
  for (const entry of LANGUAGES) vars[`hidden_unless_${entry.code}`] = entry.code === lang ? '' : ' hidden';
  if (strings) vars.page_strings = pageStringsScript(strings);
  return vars;
}

// [SECTION] Words site/app.js writes at run time
// Loading progress, errors, the reload button (PAGE_RUN_KEYS), and the page's surroundings that follow the app's
// language when the reader switches it inside the app (PAGE_FOLLOW_KEYS: title, footer, the link to the text version
// in that language). In every language, so a switch needs no request; a missing one fails the build (strings.tr).
export const PAGE_RUN_KEYS = ['status.loading', 'status.copied', 'page.run_loading_progress', 'page.run_loading_received',
  'page.run_starting',
  'page.run_no_wasm', 'page.run_no_webgl2', 'page.run_context_lost', 'page.run_start_failed', 'page.run_load_failed',
  'page.run_glue_failed', 'page.run_stopped', 'page.run_reload', 'page.run_hint_page', 'page.run_hint_embed',
  'page.run_dismiss'];
export const PAGE_FOLLOW_KEYS = ['page.title', 'page.skip_link', 'page.footer_sources_label', 'page.footer_sources',
  'page.footer_method_label', 'page.footer_method_link', 'page.footer_method_rest', 'page.footer_licence_label',
  'page.footer_licence', 'page.footer_ledger_label', 'page.footer_ledger_link', 'page.text_version_link',
  'action.open_full'];
export function pageStringsScript(strings) {
  const table = {};
  for (const entry of LANGUAGES) {
    table[entry.code] = { tree: entry.tree };
    for (const key of [...PAGE_RUN_KEYS, ...PAGE_FOLLOW_KEYS]) table[entry.code][key] = strings.tr(key, entry.code);
  }
  // JSON in a data block is never executed; "<" escaped so no string can end the element.
  const json = JSON.stringify(table).replace(/</g, '\\u003c');
  return `<script type="application/json" id="page-strings">${json}</script>`;
}

// [SECTION] Language switcher and link previews
// Links to the same page in the other languages (`pathIn(tree)` gives its path in a tree: "" for a tree's index).
export function languageNav(strings, lang, path, pathIn) {
  const up = upFrom(path);
  const links = LANGUAGES.map((entry) => {
    const current = entry.code === lang ? ' aria-current="page"' : '';
    const href = up + entry.tree + pathIn(entry.tree);
    return `<a href="${escapeHtml(href || './')}" hreflang="${entry.code}" lang="${entry.code}"${current}>` +
      `${escapeHtml(strings.tr(`lang.${entry.code}`, entry.code))}</a>`;
  });
  // Not in the offline file: its neighbours are not there (scripts/pack_offline.mjs drops online-only blocks).
  return `<!-- chips:online-only -->\n<nav class="languages" aria-label="${escapeHtml(strings.tr('lang.label', lang))}">` +
    `${links.join(' ')}</nav>\n<!-- /chips:online-only -->`;
}

// Canonical and hreflang links, Open Graph and Twitter card tags. Absolute URLs (crawlers need them): the deployed
// site's address is a build setting (CHIPS_SITE_URL in wasm/wasm.cmake, ending in "/").
export function headMeta({ siteUrl, lang, pathIn, title, description, image, imageAlt, type = 'website', noindex = false,
  siteName }) {
  const self = language(lang);
  const absolute = (tree, path) => siteUrl + tree + path;
  const lines = [`<link rel="canonical" href="${escapeHtml(absolute(self.tree, pathIn(self.tree)))}">`];
  for (const entry of LANGUAGES) {
    lines.push(`<link rel="alternate" hreflang="${entry.code}" href="${escapeHtml(absolute(entry.tree, pathIn(entry.tree)))}">`);
  }
  lines.push(`<link rel="alternate" hreflang="x-default" href="${escapeHtml(absolute('', pathIn('')))}">`);
  if (noindex) lines.push('<meta name="robots" content="noindex">');
  const og = {
    'og:type': type, 'og:site_name': siteName, 'og:title': title, 'og:description': description,
    'og:url': absolute(self.tree, pathIn(self.tree)), 'og:image': absolute(self.tree, image),
    'og:image:type': 'image/png', 'og:image:width': '1200', 'og:image:height': '630', 'og:image:alt': imageAlt,
    'og:locale': self.ogLocale,
  };
  for (const [property, content] of Object.entries(og)) {
    lines.push(`<meta property="${property}" content="${escapeHtml(content)}">`);
  }
  for (const entry of LANGUAGES) {
    if (entry !== self) lines.push(`<meta property="og:locale:alternate" content="${entry.ogLocale}">`);
  }
  const twitter = { 'twitter:card': 'summary_large_image', 'twitter:title': title, 'twitter:description': description,
    'twitter:image': absolute(self.tree, image), 'twitter:image:alt': imageAlt };
  for (const [name, content] of Object.entries(twitter)) {
    lines.push(`<meta name="${name}" content="${escapeHtml(content)}">`);
  }
  return lines.join('\n');
}

// [SECTION] Command lines
export function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
}
export function checkSiteUrl(siteUrl, script) {
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(siteUrl || '')) {
    console.error(`${script}: --site-url must be an absolute http(s) address ending in "/" (got ${JSON.stringify(siteUrl)})`);
    process.exit(2);
  }
}
