// tests/e2e/site_languages.mjs — what the tests of the language pages, embed cards, claim pages and previews share:
// the language trees, the content's own words to compare the pages with, and the language scan (the same rules and
// allow-list as tests/test_language_scan.cpp, tests/fixtures/language_scan.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentQuotes, repoRoot, siteDir } from './harness.mjs';

export const LANGUAGES = [
  { code: 'en', tree: '' },
  { code: 'zh-Hans', tree: 'zh-hans/' },
  { code: 'zh-Hant', tree: 'zh-hant/' },
];

const strings = JSON.parse(readFileSync(join(repoRoot, 'content/strings.json'), 'utf8')).strings;
export function tr(key, lang) {
  const text = strings[key] && strings[key][lang];
  if (typeof text !== 'string') throw new Error(`content/strings.json: /strings/${key}/${lang} is missing`);
  return text;
}
export const VERDICTS = ['consistent', 'overstated', 'understated', 'not_checkable'];
export const verdictLabel = (verdict, lang) => tr(`verdict.${verdict}`, lang);

// Quotes with at least one claim, as content/quotes.json has them.
export const quotesWithClaims = () => contentQuotes().filter((quote) => (quote.claims || []).length > 0);
export const note = (claim, lang) => claim.note[lang] || claim.note.en;

// The claim book's reason for each claim in a language (the sentence the app's cards, getResults(), the text version
// and the static cards show), read from the built ledger of that language's tree (tools/render_ledger: a row
// <tr data-quote data-claim data-verdict> with a <td class="reason">). Another tool than the cards' writer
// (tools/render_fallback), so a test comparing the two proves they agree.
const ledgerCache = new Map();
const unescapeHtml = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
export function bookReason(quoteId, claimIndex, lang) {
  if (!ledgerCache.has(lang)) {
    const { tree } = LANGUAGES.find((language) => language.code === lang);
    const html = readFileSync(join(siteDir, `${tree}ledger.html`), 'utf8');
    const section = html.slice(html.indexOf(`<section id="${lang}"`), html.indexOf('</section>', html.indexOf(`<section id="${lang}"`)));
    const reasons = new Map();
    const row = /<tr data-quote="([^"]*)" data-claim="(\d+)" data-verdict="[a-z_]+">[\s\S]*?<td class="reason">([\s\S]*?)<\/td>/g;
    for (const match of section.matchAll(row)) reasons.set(`${unescapeHtml(match[1])}#${match[2]}`, unescapeHtml(match[3]));
    ledgerCache.set(lang, reasons);
  }
  const reason = ledgerCache.get(lang).get(`${quoteId}#${claimIndex}`);
  if (typeof reason !== 'string') throw new Error(`${lang} ledger.html: no row for ${quoteId}#${claimIndex}`);
  return reason;
}

// [SECTION] Language scan
const allow = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/language_scan.json'), 'utf8'));
const allowed = new Set([...allow.names, ...allow.units_and_terms, ...allow.math_variables]);
const INTERNAL_KEY = /[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+\/[a-z_]+\.json/g;

// Problems in one piece of reader text: internal keys in any language; in Chinese, Latin words that are neither
// designations (with a digit) nor on the allow-list.
export function scanText(text, lang) {
  const problems = (text.match(INTERNAL_KEY) || []).map((key) => `internal key "${key}"`);
  if (lang === 'en') return problems;
  const words = text.replace(INTERNAL_KEY, ' ').match(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g) || [];
  for (const word of words) {
    if (!/\d/.test(word) && !allowed.has(word)) problems.push(`English word "${word}"`);
  }
  return problems;
}

// In the page: the text a reader sees in the page's own words — visible text nodes whose nearest lang attribute is
// the page's (a quote in its original script, a citation marked lang="en" and the language switcher's names are
// declared as another language, as screen readers need them to be), outside quotations and titles of works
// (blockquote, q, cite: the articles' and publications' own words, never translated).
export function visibleOwnText() {
  const pageLang = document.documentElement.lang;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pieces = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('script, style, noscript, blockquote, q, cite')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    const declared = parent.closest('[lang]');
    if (declared && declared.lang !== pageLang) continue;
    pieces.push(text);
  }
  return pieces;
}
