// scripts/build_ledger_page.mjs — the fact-check ledger page of one language tree, <tree>ledger.html: the sections
// tools/render_ledger --fragment writes (every claim with its verdict, reason, numbers compared and sources, the
// tree's language first) inside site/ledger.html, with the site's policy, style, language links and link-preview tags.
//   node scripts/build_ledger_page.mjs --lang zh-Hans --sections build/wasm/site-text/ledger.zh-Hans.html
//        --strings content/strings.json --shell site/ledger.html --site-url https://host/path/ --out FILE
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  argument, checkSiteUrl, commonVars, escapeHtml, fillShell, headMeta, language, languageNav, loadStrings, shorten,
} from './page_shell.mjs';

const SCRIPT = 'build_ledger_page';
const lang = argument('--lang', 'en');
const sectionsPath = argument('--sections');
const stringsPath = argument('--strings');
const shellPath = argument('--shell');
const siteUrl = argument('--site-url');
const outPath = argument('--out');
if (!sectionsPath || !stringsPath || !shellPath || !outPath) {
  console.error(`usage: ${SCRIPT}.mjs --lang L --sections FILE --strings FILE --shell FILE --site-url URL --out FILE`);
  process.exit(2);
}
checkSiteUrl(siteUrl, SCRIPT);

try {
  const strings = loadStrings(stringsPath);
  const tr = (key) => strings.tr(key, lang);
  const { tree } = language(lang);
  const path = `${tree}ledger.html`;
  const description = shorten(tr('ledger.intro'), 200);
  const meta = {
    siteUrl, lang, title: tr('ledger.title'), description, image: 'og/site.png', imageAlt: tr('page.title'),
    siteName: tr('app.title'), pathIn: () => 'ledger.html',
  };
  const page = fillShell(readFileSync(shellPath, 'utf8'), shellPath, {
    strings, lang,
    vars: { ...commonVars(lang, path), ledger_description: escapeHtml(description) },
    markers: { ledger: readFileSync(sectionsPath, 'utf8'), 'head-meta': headMeta(meta),
      languages: languageNav(strings, lang, path, () => 'ledger.html') },
  });
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, page);
  console.log(`${SCRIPT}: ${lang} -> ${outPath}`);
} catch (error) {
  console.error(`${SCRIPT}: ${error.message}`);
  process.exit(1);
}
