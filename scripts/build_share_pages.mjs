// scripts/build_share_pages.mjs — the static pages of one language that are made per quote (docs/site.md):
//   <tree>embed/<quote-id>/<n>.html  the embed card of claim n (0-based, as the app's claim ids "<quote-id>#<n>"): the
//                                    quote, the verdict large, the one-sentence reason, as static HTML shown at once;
//                                    the app loads underneath (site/embed.html) and replaces the card when ready
//   <tree>claims/<quote-id>.html     the address a shared link points at: the quote with every claim and verdict, the
//                                    link preview's tags (title = the claim, description = verdict and reason, image =
//                                    tools/render_previews' PNG) and a link into the app with ?quote=<id>
//   node scripts/build_share_pages.mjs --lang zh-Hans --cards build/wasm/text/cards.zh-Hans.json
//        --strings content/strings.json --shells site --site-url https://host/path/ --site build/wasm/site
//        [--stamp FILE]
// Everything comes from tools/render_fallback's --cards JSON (the model's checks, in the language) and
// content/strings.json; quote ids are content ids (validated by the content loader), used as folder and file names.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  argument, checkSiteUrl, commonVars, escapeHtml, fillIn, fillShell, headMeta, language, languageNav, loadStrings,
  shorten,
} from './page_shell.mjs';

const SCRIPT = 'build_share_pages';
const lang = argument('--lang');
const cardsPath = argument('--cards');
const stringsPath = argument('--strings');
const shellsDir = argument('--shells');
const siteUrl = argument('--site-url');
const siteDir = argument('--site');
const stampPath = argument('--stamp');
if (!lang || !cardsPath || !stringsPath || !shellsDir || !siteDir) {
  console.error('usage: build_share_pages.mjs --lang LANG --cards FILE --strings FILE --shells DIR --site-url URL ' +
    '--site DIR [--stamp FILE]');
  process.exit(2);
}
checkSiteUrl(siteUrl, SCRIPT);

// Preview text lengths: what chat apps and social sites show before cutting (titles ~70–90, descriptions ~200).
const TITLE_CHARS = 90;
const DESCRIPTION_CHARS = 200;
const SAFE_ID = /^[a-z0-9][a-z0-9.-]*$/;

// The claim as a shared link's title: the quote itself, in the reader's language (our translation for English).
function claimTitle(quote) {
  return `“${shorten(lang === 'en' ? quote.translation : quote.text, TITLE_CHARS)}”`;
}

// The quote with the claim's span marked in its verdict's colour: found the way the app finds spans (in reading
// order, each after the previous claim's), so a number written twice is marked where the claim is.
function markedQuote(quote, claimIndex) {
  let from = 0;
  let at = -1;
  for (let index = 0; index <= claimIndex; ++index) {
    const span = quote.claims[index].span;
    at = quote.text.indexOf(span, from);
    if (at < 0) at = quote.text.indexOf(span);
    if (at >= 0) from = at + span.length;
  }
  const claim = quote.claims[claimIndex];
  if (at < 0) return escapeHtml(quote.text);
  return escapeHtml(quote.text.slice(0, at)) + `<mark class="verdict-${claim.verdict}">${escapeHtml(claim.span)}</mark>` +
    escapeHtml(quote.text.slice(at + claim.span.length));
}

// The static card of one claim: what an article shows before (and, without WebGL, instead of) the interactive part.
// The reason is the claim book's sentence (model/content/claim_book.h, through tools/render_fallback's cards): the
// words the app's cards, its embed view, getResults() and the ledger use, so nothing changes when the app takes over.
function embedCard(strings, quote, claimIndex) {
  const tr = (key) => strings.tr(key, lang);
  const claim = quote.claims[claimIndex];
  const citation = [quote.publication || tr('quote.unnamed_publication'), quote.date].filter(Boolean).join(' · ');
  const count = quote.claims.length > 1
    ? ` <span class="card-claim-of">${escapeHtml(fillIn(tr('share.claim_of'), { n: claimIndex + 1, count: quote.claims.length }))}</span>`
    : '';
  return [
    `<article class="embed-card" id="quote-${escapeHtml(quote.id)}" data-quote-id="${escapeHtml(quote.id)}"` +
      ` data-script="${escapeHtml(quote.script)}" aria-labelledby="card-verdict">`,
    `  <blockquote class="card-quote" lang="${escapeHtml(quote.script)}">${markedQuote(quote, claimIndex)}</blockquote>`,
    lang === 'en' ? `  <p class="card-translation">${escapeHtml(quote.translation)}</p>` : '',
    `  <p class="card-citation"${quote.publication ? ` lang="${escapeHtml(quote.script)}"` : ''}>${escapeHtml(citation)}</p>`,
    `  <p class="card-verdict verdict-${claim.verdict}" id="card-verdict"><span class="card-verdict-word">` +
      `${escapeHtml(tr('share.verdict'))}</span> <strong>${escapeHtml(claim.verdict_label)}</strong>${count}</p>`,
    `  <p class="card-reason" data-reason="claim-book">${escapeHtml(claim.reason)}</p>`,
    claim.model_line ? `  <p class="card-model">${escapeHtml(claim.model_line)}</p>` : '',
    '</article>',
  ].filter(Boolean).join('\n');
}

function write(path, html) {
  const file = join(siteDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}

try {
  const strings = loadStrings(stringsPath);
  const tr = (key) => strings.tr(key, lang);
  const { tree } = language(lang);
  const cards = JSON.parse(readFileSync(cardsPath, 'utf8'));
  if (cards.lang !== lang) throw new Error(`${cardsPath} is in ${cards.lang}, not ${lang}`);
  const embedShell = readFileSync(join(shellsDir, 'embed.html'), 'utf8');
  const claimShell = readFileSync(join(shellsDir, 'claim.html'), 'utf8');
  let pages = 0;
  for (const quote of cards.quotes) {
    if (!SAFE_ID.test(quote.id)) throw new Error(`${cardsPath}: quote id ${JSON.stringify(quote.id)} is not a safe file name`);
    if (!quote.claims.length) continue;
    const headline = quote.claims[quote.headline_claim];
    const title = claimTitle(quote);
    const description = shorten(fillIn(tr('share.og_description'), { verdict: headline.verdict_label, reason: headline.reason }),
      DESCRIPTION_CHARS);
    const claimPage = `claims/${quote.id}.html`;
    const meta = {
      siteUrl, lang, title, description, image: `og/${quote.id}.png`, siteName: tr('app.title'),
      imageAlt: fillIn(tr('share.image_alt'), { claim: `“${headline.span}”`, verdict: headline.verdict_label }),
      pathIn: () => claimPage,
    };
    const appHref = `../?quote=${encodeURIComponent(quote.id)}`;

    const claimPath = tree + claimPage;
    write(claimPath, fillShell(claimShell, 'site/claim.html', {
      strings, lang,
      vars: { ...commonVars(lang, claimPath), page_root: '../', app_href: escapeHtml(appHref),
        claim_title: escapeHtml(fillIn(tr('share.page_title'), { claim: title })), claim_description: escapeHtml(description) },
      markers: { quote: quote.article_html, 'head-meta': headMeta({ ...meta, type: 'article' }),
        languages: languageNav(strings, lang, claimPath, () => claimPage) },
    }));
    ++pages;

    quote.claims.forEach((claim, index) => {
      const path = `${tree}embed/${quote.id}/${index}.html`;
      write(path, fillShell(embedShell, 'site/embed.html', {
        strings, lang,
        vars: { ...commonVars(lang, path, strings), tree, page_root: '../../',
          start_query: escapeHtml(`lang=${lang}&quote=${quote.id}`),
          embed_title: escapeHtml(fillIn(tr('share.page_title'), { claim: title })),
          embed_attributes: ` data-quote="${escapeHtml(quote.id)}" data-claim="${index}" data-claims="${quote.claims.length}"`,
          full_page_href: escapeHtml(`../${appHref}`) },
        markers: { 'embed-card': embedCard(strings, quote, index), fallback: '', 'embed-index': '',
          'head-meta': headMeta({ ...meta, noindex: true }) },
      }));
      ++pages;
    });
  }
  if (stampPath) writeFileSync(stampPath, `${pages} pages\n`);
  console.log(`${SCRIPT}: ${lang}: ${pages} pages (claim pages and embed cards) in ${siteDir}/${tree}`);
} catch (error) {
  console.error(`${SCRIPT}: ${error.message}`);
  process.exit(1);
}
