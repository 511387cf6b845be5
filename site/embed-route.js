// site/embed-route.js — the embed snippet's query, read in the <head> before anything is drawn (a small
// render-blocking script; the page's CSP allows no inline code):
//   theme=light|dark              the host article's colours (data-theme on <html>, as style.css reads it)
//   quote=ID, claim=N, lang=L     on embed.html: which static card page shows them (embed/<ID>/<N>.html in the
//                                 language's tree); on a card page: another claim or language of the same quote.
// The card pages are static HTML (scripts/build_share_pages.mjs), so the article shows the quote, the verdict and the
// reason at once; the app loads underneath and replaces the card when it is ready. An id that is not in the page's
// list of quotes never becomes part of an address: the router stays on embed.html, where the app says the quote is
// unknown (as text, never as markup).
(function () {
  'use strict';
  const root = document.documentElement;
  const params = new URLSearchParams(location.search);
  const theme = params.get('theme');
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;

  // The language trees (docs/site.md "Languages"), by the codes a link may use (the app accepts the same ones).
  const TREES = { en: '', 'zh-hans': 'zh-hans/', 'zh-cn': 'zh-hans/', 'zh-hant': 'zh-hant/', 'zh-tw': 'zh-hant/',
    'zh-hk': 'zh-hant/' };
  const asked = (params.get('lang') || '').toLowerCase();
  const tree = Object.prototype.hasOwnProperty.call(TREES, asked) ? TREES[asked] : root.dataset.tree || '';
  const claimAsked = params.get('claim');
  const validClaim = (count) => claimAsked !== null && /^\d{1,3}$/.test(claimAsked) && Number(claimAsked) < count;

  let quote = root.dataset.quote;
  let claim = root.dataset.claim;
  const index = document.getElementById('embed-quotes');
  if (index) { // embed.html: route a known quote to its card
    let known = {};
    try { known = JSON.parse(index.textContent); } catch (error) { return; }
    const id = params.get('quote');
    if (!id || !Object.prototype.hasOwnProperty.call(known, id)) return;
    quote = id;
    claim = String(validClaim(known[id].claims) ? Number(claimAsked) : known[id].headline);
  } else if (quote) { // a card page: only another claim of this quote, or another language
    if (validClaim(Number(root.dataset.claims))) claim = String(Number(claimAsked));
  } else {
    return;
  }
  const target = new URL(`${root.dataset.siteRoot || ''}${tree}embed/${encodeURIComponent(quote)}/${claim}.html`,
    location.href);
  if (target.pathname === location.pathname) return;
  // The card page knows its quote, claim and language; the rest of the query (theme, …) travels on.
  for (const key of ['quote', 'claim', 'lang', 'view']) params.delete(key);
  target.search = params.toString();
  root.dataset.redirecting = 'true'; // style.css hides the router's body meanwhile: no flash of the loading app
  location.replace(target.href);
})();
