// site/app.js — loads the WebAssembly app and is the page's half of the bridge (the other half: wasm/*.cpp).
//
// Contract (docs/contract.md, docs/site.md, tests/e2e/): window.chipsAndClaims = {
//   ready: Promise          — resolves after the first frame is drawn; rejects when the app cannot start
//   framesDrawn(): number   — frames rendered so far (0 new frames while idle)
//   getState(): object      — {scenario:{...}, language, quote}
//   setState(partial): {ok, notices[]}
//   getResults(): object    — the same JSON as `scripts/estimate --json`
//   selectQuote(id): bool
//   applyQuery(query): {ok, notices[]}   — restore a permalink query ("gpu=h100&lang=en&quote=q-…")
//   permalinkQuery(): string             — the current view as a query (no '?')
//   summary(): string                    — what the aria-live region says
//   settings(): object                   — the reader's settings as the app holds them
//   applySettings(partial): void         — settings on top ({"theme":"dark"}, {"currency":"CNY"}); also how the page
//                                          passes prefers-color-scheme / prefers-reduced-motion changes in
//   keyEvents(): number                  — key events the app received (focus checks)
//   wheelWanted(dx, dy): bool            — would the app scroll on this wheel, or the page?
//   controlRect(id): {x,y,w,h}|null      — a control's rectangle in canvas CSS pixels (tests drag real sliders)
//   controlIds(): string[]               — every control id drawn in the last frame
//   focusedControl(): string             — the control id with the keyboard focus ("" = none; keyboard tests)
//   traditionalFont: 'not-loaded'|'loading'|'ready'|'failed'   — 'ready' from the start on the browser glyph path
//   glyphPath(): 'browser'|'noto'        — who draws the glyphs: the browser's CJK fonts, or the Noto subsets
//   missingGlyphs(): {count, sample[]}   — codepoints the app was asked to draw that the active path has no glyph for
// }
// window.chipsAndClaimsPage holds the hooks the wasm calls (wasm/browser.cpp); its names are quoted there too.
//
// Where it runs: index.html (the full page), embed.html (<html data-view="embed">, one quote in an iframe) and the
// single offline file (assets embedded as base64 in <script type="application/octet-stream" data-asset=NAME>).
(function () {
  'use strict';

  // [SECTION] Where we are
  const root = document.documentElement;
  const view = root.dataset.view === 'embed' ? 'embed' : 'page';
  const embeddedAssets = document.querySelectorAll('script[data-asset]');
  const offline = embeddedAssets.length > 0;
  const SETTINGS_KEY = 'chipsAndClaims.settings';
  const OWN_QUERY_KEY = 'chipsAndClaims.ownQuery';
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const statusProgress = document.getElementById('status-progress');
  const noticeBox = document.getElementById('notices');
  const liveRegion = document.getElementById('live-results');
  const canvas = document.getElementById('canvas');
  const appFrame = document.getElementById('app-frame');
  root.classList.add('js');
  // Pages in the language folders and the embed cards (zh-hans/, embed/<quote>/<n>.html) start the same app: every
  // file it fetches lives next to this script. (The offline file carries them inside; its scripts have no src.)
  const assetBase = document.currentScript && document.currentScript.src ? new URL('./', document.currentScript.src).href : '';
  // The app's files are published under content-hashed names so hosts can cache them for a year (scripts/
  // hash_assets.mjs); the page carries the map (<script type="application/json" id="chips-assets">). Without one
  // (a page served from an unhashed tree) the names are the files' own.
  const publishedNames = readAssetMap();
  function readAssetMap() {
    const node = document.getElementById('chips-assets');
    try { const map = JSON.parse(node ? node.textContent : '{}'); return map && typeof map === 'object' ? map : {}; } catch (error) { return {}; }
  }
  const assetUrl = (name) => assetBase + (typeof publishedNames[name] === 'string' ? publishedNames[name] : name);
  // The language's full page, for "open the full page" and Copy link: this page's folder unless the page names it.
  const pageRoot = root.dataset.pageRoot || './';

  // Storage can throw (file:// in some browsers, privacy modes, a full quota): every access goes through these.
  const storage = {
    get(area, key) { try { return window[area].getItem(key); } catch (error) { return null; } },
    set(area, key, value) { try { window[area].setItem(key, value); return true; } catch (error) { return false; } },
  };

  // [SECTION] The visit: which view to restore, and whether the reader's own settings may be saved
  // A query we wrote ourselves (the address bar follows the view) comes back on reload; only someone else's link
  // — or any embed, whose reader is the host article's reader — must leave the saved settings alone.
  const rawQuery = location.search.replace(/^\?/, '');
  const visit = {
    query: rawQuery,
    fromLink: view === 'embed' || (rawQuery !== '' && storage.get('sessionStorage', OWN_QUERY_KEY) !== rawQuery),
  };
  // embed.html is always the embed: a view= in its link is dropped (the app also locks the view, wasm/main.cpp).
  if (view === 'embed') {
    visit.query = visit.query.split('&').filter((part) => part && !/^view(=|$)/.test(part)).concat('view=embed').join('&');
  }
  // The page's own start-up view (a language page's lang, an embed card's quote), where the link does not say.
  for (const [key, value] of new URLSearchParams(root.dataset.startQuery || '')) {
    if (!new URLSearchParams(visit.query).has(key)) visit.query += `${visit.query ? '&' : ''}${key}=${encodeURIComponent(value)}`;
  }
  // An embed's theme= (the host article's colours; site/embed-route.js applies it before the first paint) wins over
  // the reader's saved choice, for the page and the app alike (an embed never saves settings).
  const linkTheme = view === 'embed' ? new URLSearchParams(location.search).get('theme') : null;
  const savedSettings = linkTheme === 'light' || linkTheme === 'dark'
    ? JSON.stringify(Object.assign(parseSettings(storage.get('localStorage', SETTINGS_KEY)), { theme: linkTheme }))
    : storage.get('localStorage', SETTINGS_KEY) || '';
  function parseSettings(json) {
    try { const value = JSON.parse(json || '{}'); return value && typeof value === 'object' ? value : {}; } catch (error) { return {}; }
  }

  // The page around the canvas takes the theme the reader picked in the app ("system" leaves it to the media query in
  // style.css); at start from the saved settings, before anything is drawn, then whenever the app's settings change.
  function applyPageTheme(settingsJson) {
    let theme = '';
    try { theme = String(JSON.parse(settingsJson || '{}').theme || ''); } catch (error) { /* unreadable: unchanged */ }
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }
  applyPageTheme(savedSettings);

  // [SECTION] The page's words in the reader's language
  // What this script writes (loading progress, errors, the reload button) and the page around the app that follows the
  // app's language (title, skip link, footer, the link to the text version in that language) come from
  // content/strings.json through the page (<script type="application/json" id="page-strings">, scripts/
  // page_shell.mjs), in every language. The words start in the page's language; followLanguage() switches them.
  const pageStrings = readPageStrings();
  const pageLang = root.lang || 'en';
  let textLang = pageStrings[pageLang] ? pageLang : 'en';
  function readPageStrings() {
    const node = document.getElementById('page-strings');
    try { const table = JSON.parse(node ? node.textContent : '{}'); return table && typeof table === 'object' ? table : {}; } catch (error) { return {}; }
  }
  // English words for a page built without the table (an older copy): the page must still say what happened.
  const ENGLISH_FALLBACK = {
    'status.loading': 'Loading…', 'status.copied': 'Copied', 'page.run_loading_progress': 'Loading… {done} KB of {total} KB',
    'page.run_loading_received': 'Loading… {received} KB',
    'page.run_starting': 'Starting…', 'page.run_no_wasm': 'This browser cannot run WebAssembly, which the interactive part needs.',
    'page.run_no_webgl2': 'This browser or device has WebGL2 turned off, which the interactive part needs.',
    'page.run_context_lost': 'The graphics context was lost (the GPU was reset or is busy). Reload the page to continue.',
    'page.run_start_failed': 'The app could not start ({reason}).', 'page.run_load_failed': 'Loading failed: {reason}.',
    'page.run_glue_failed': 'chips.js could not be loaded.', 'page.run_stopped': 'The interactive part stopped ({reason}).',
    'page.run_reload': 'Reload', 'page.run_hint_page': '{message} The quotes and verdicts below still work.',
    'page.run_hint_embed': '{message} Open the full page for the text version.', 'page.run_dismiss': 'Dismiss',
  };
  // The pattern for `key` in the current language with {name} holes filled (values are text, set with textContent).
  function pageText(key, values = {}) {
    const table = pageStrings[textLang] || {};
    const pattern = typeof table[key] === 'string' ? table[key] : ENGLISH_FALLBACK[key] || key;
    const has = (name) => Object.prototype.hasOwnProperty.call(values, name);
    return pattern.replace(/\{([a-z_]+)\}/g, (hole, name) => (has(name) ? String(values[name]) : hole));
  }
  // The reader switched the app's language (onPageSync): the page's title, skip link and footer follow; the text
  // version below stays in the page's language, so a link to the same text in the app's language is shown instead.
  function followLanguage(lang) {
    if (lang === textLang || !pageStrings[lang]) return;
    textLang = lang;
    const table = pageStrings[lang];
    if (view !== 'embed' && typeof table['page.title'] === 'string') document.title = table['page.title'];
    for (const node of document.querySelectorAll('[data-page-string]')) {
      const text = table[node.dataset.pageString];
      if (typeof text !== 'string') continue;
      node.textContent = text;
      node.lang = lang;
    }
    const link = document.getElementById('text-version-link');
    if (link && link.parentElement) {
      const other = lang !== pageLang;
      link.parentElement.hidden = !other;
      const siteRoot = root.dataset.siteRoot || new URL('./', assetBase || location.href).href;
      link.href = other ? new URL((table.tree || '') + '#fallback', siteRoot).href : '#fallback';
      link.textContent = other ? table['page.text_version_link'] || '' : '';
      link.lang = lang;
      link.hreflang = lang;
    }
    const close = noticeBox && noticeBox.querySelector('.notice-close');
    if (close) close.setAttribute('aria-label', pageText('page.run_dismiss'));
  }

  // [SECTION] Status, errors and notices shown in the page (never a blank canvas)
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a failed start is shown on the page; don't also raise an unhandled rejection
  let started = false;
  let failed = false; // after an error, late progress updates must not cover the message

  function showError(message) {
    failed = true;
    statusBox.classList.remove('hidden');
    statusBox.classList.add('error');
    statusText.textContent = message;
    statusProgress.hidden = true;
    root.classList.add('app-failed'); // CSS shows the text version in full instead of the canvas
    rejectReady(new Error(message));
  }
  // With the hint that the text still works (the text version below, or on an embed the full page).
  function withHint(message) {
    return pageText(view === 'embed' ? 'page.run_hint_embed' : 'page.run_hint_page', { message });
  }

  function showNotices(notices) {
    if (!noticeBox || !notices.length) return;
    noticeBox.replaceChildren();
    const list = document.createElement('ul');
    for (const text of notices) {
      const item = document.createElement('li');
      item.textContent = String(text);
      list.appendChild(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'notice-close';
    close.textContent = '×';
    close.setAttribute('aria-label', pageText('page.run_dismiss'));
    close.addEventListener('click', () => {
      noticeBox.hidden = true;
      if (moduleRef && moduleRef._chips_dismiss_notices) moduleRef._chips_dismiss_notices(); // one list, both places
      canvas.focus();
    });
    noticeBox.append(list, close);
    noticeBox.hidden = false;
  }

  // Screen readers hear the results once a change settles, not on every frame of a slider drag.
  let liveTimer = 0;
  function announce(text) {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => { if (liveRegion.textContent !== text) liveRegion.textContent = text; }, 400);
  }

  // [SECTION] Hooks the wasm calls (wasm/browser.cpp)
  const assets = new Map(); // name → Uint8Array, handed over once (takeAsset)
  let wasTouring = false;   // the last view was a tour step (onPageSync scrolls the app into view on the first)
  // The page's own words follow the app's interface language (the app puts lang= in the view query).
  let introLang = '';
  function showIntroFor(lang) {
    if (lang === introLang) return; // called on every view change; the DOM is touched only when the language changes
    introLang = lang;
    const intros = document.querySelectorAll('.intro[data-lang]');
    if (![...intros].some((node) => node.dataset.lang === lang)) return;
    for (const node of intros) node.hidden = node.dataset.lang !== lang;
    document.documentElement.lang = lang;
  }

  // The address bar (and the marker that lets a reload recognise our own query) follows the view. The app already
  // throttles its messages (session/page_sync.h: one per change, at most every 0.25 s, none while a slider is held),
  // so each one is written at once.
  function writeAddress(query) {
    storage.set('sessionStorage', OWN_QUERY_KEY, query);
    try {
      history.replaceState(history.state, '', query ? '?' + query : location.pathname);
    } catch (error) { /* some file:// setups refuse; the Copy link button still works */ }
  }

  // This script is deferred (it runs once the page is parsed); the offline file runs it inline at the end of the body.
  // Either way the text version is there, but what touches it still waits for it, in case a copy loads it earlier.
  function whenParsed(action) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', action, { once: true });
    else action();
  }

  const page = window.chipsAndClaimsPage = {
    takeAsset(name) { const bytes = assets.get(name) || null; assets.delete(name); return bytes; },
    startupSettings() { return savedSettings; },
    startupQuery() { return visit.query; },
    // The reader's local calendar date (downloads are stamped with it): toISOString() would give UTC's, which is
    // already tomorrow in Beijing for eight hours of every day.
    todayIso() {
      const now = new Date();
      const pad = (n) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    },
    environment() { return JSON.stringify(environment()); },
    fixedView() { return view === 'embed' ? 'embed' : ''; },
    onFirstFrame() {
      // The API and the input that reaches the app are bound now, not when the runtime starts: main() builds the app
      // over several tasks (wasm/main.cpp "start-up in steps"), and a wheel or key between them must not reach it.
      bindApi(moduleRef); installInputListeners(moduleRef); watchEnvironment(moduleRef); installKeyboardFocus(moduleRef);
      started = true;
      installPageScroll(moduleRef); // from now on the page's scroll can drive the app's (phones)
      statusBox.classList.add('hidden');
      root.classList.add('app-running');
      resolveReady();
    },
    onFatal(message) {
      if (/^WebGL2:/.test(message)) showError(withHint(pageText('page.run_no_webgl2') + ' (' + message + ')'));
      else showError(withHint(pageText('page.run_start_failed', { reason: message })));
    },
    copyText(text) {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(() => announce(pageText('status.copied')), () => copyWithTextarea(text));
      } else {
        copyWithTextarea(text);
      }
    },
    openUrl(url) {
      // Only web links and our own pages: a content string must not be able to run script through javascript:.
      const target = new URL(url, location.href);
      if (!/^(https?|file):$/.test(target.protocol)) return;
      window.open(target.href, '_blank', 'noopener');
    },
    pageUrl() {
      // The full page's address, for "Copy link" and "Embed". The offline file is its own full page.
      return offline ? location.href.split(/[?#]/)[0] : new URL(pageRoot, location.href).href;
    },
    toggleFullscreen() { togglePresenter(); },
    downloadFile(name, mimeType, content) { // content: the file's bytes (Uint8Array) or text
      const url = URL.createObjectURL(new Blob([content], { type: mimeType || 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    // One message per change of the app's state (session/page_sync.h): everything the page follows, already
    // decided by the app — the page parses nothing of the app's own query.
    onPageSync(json) {
      let message;
      try { message = JSON.parse(json); } catch (error) { return; }
      if (message.needs_traditional) loadTraditionalFont();
      showIntroFor(message.language || 'en');
      followLanguage(message.language || 'en');
      applyPageTheme(message.settings);
      // Someone's link (or an embed) is showing: keep the reader's own saved settings as they were.
      if (!visit.fromLink) storage.set('localStorage', SETTINGS_KEY, message.settings);
      // The live region is written by announce() below, when the app says the summary has settled.
      if (noticeBox && message.notice_count === 0) noticeBox.hidden = true; // dismissed in the app: gone here too
      // The tour starts (button, key or a presenter's link): bring the whole app into the window, so the step card
      // and the control it points at are both visible. A jump, not a smooth scroll (prefers-reduced-motion).
      const touring = message.tour_step >= 0;
      if (touring && !wasTouring && view !== 'embed') bringAppIntoView();
      wasTouring = touring;
      if (view === 'embed') { // the embed's own address belongs to the host's snippet; its link follows the view
        whenParsed(() => {
          const fullPage = document.getElementById('full-page-link');
          if (fullPage) fullPage.href = pageRoot + (message.full_page_query ? '?' + message.full_page_query : '');
          for (const node of document.querySelectorAll('#fallback > *')) node.hidden = node.id !== 'quote-' + message.quote;
        });
        return;
      }
      writeAddress(message.query);
    },
    needTraditionalFont() { loadTraditionalFont(); },
    // The app's summary once it has settled (session/live_announcer.h: not per frame of a drag); said politely.
    announce(text) { if (text && liveRegion.textContent !== text) liveRegion.textContent = text; },
    // Tab went past the app's last control (+1) or Shift+Tab before its first (-1): focus the page's next / previous
    // focusable element (wasm/keyboard.cpp; SDL keeps the browser from doing it, see installKeyboardFocus).
    leaveFocus(direction) { moveFocusFromCanvas(direction); },
    onNotices(replyJson) {
      try { showNotices((JSON.parse(replyJson).notices) || []); } catch (error) { showNotices(['The link could not be read.']); }
    },
  };
  // [SECTION] Scrolling on phones (docs/site.md "Scrolling on phones"; the app's half: wasm/page_scroll.cpp)
  // In the one-column layout the browser scrolls: the app's area is as tall as the app's content, the canvas stays in
  // the window (.page-scrolls in style.css: sticky, touch-action pan-y), and the page's offset inside the area is the
  // app's scroll. Native momentum and pinch-zoom come with it, and past the app the text version follows.
  let pageScroll = null;
  function appFrameTop() { return appFrame.getBoundingClientRect().top + window.scrollY; }
  function installPageScroll(Module) {
    if (pageScroll || !Module || !Module._chips_set_page_scroll) return;
    let sentAllowed = null;
    let sentOffset = -1;
    const send = () => {
      const allowed = view !== 'embed' && !document.fullscreenElement;
      const range = Math.max(0, appFrame.offsetHeight - canvas.offsetHeight);
      const offset = root.classList.contains('page-scrolls')
        ? Math.round(Math.min(Math.max(0, window.scrollY - appFrameTop()), range)) : 0;
      if (allowed === sentAllowed && offset === sentOffset) return;
      sentAllowed = allowed;
      sentOffset = offset;
      Module._chips_set_page_scroll(allowed ? 1 : 0, offset);
    };
    pageScroll = {
      send,
      // The app scrolled itself (a tour step, keyboard navigation, a linked quote): the page goes there too.
      follow(offset) {
        sentOffset = offset;
        window.scrollTo({ top: appFrameTop() + offset, behavior: 'instant' });
      },
    };
    window.addEventListener('scroll', send, { passive: true });
    window.addEventListener('resize', send, { passive: true });
    document.addEventListener('fullscreenchange', send);
    send();
  }
  // From the wasm after a frame that changed the app's height or scrolled it by itself.
  page.onAppScroll = (active, contentHeight, offset, follow) => {
    root.classList.toggle('page-scrolls', active);
    appFrame.style.height = active ? Math.max(contentHeight, canvas.offsetHeight) + 'px' : '';
    if (!pageScroll) return;
    if (active && follow) pageScroll.follow(offset);
    else pageScroll.send(); // the area changed: the page's offset in it may have too
  };
  // The tour starts: the whole canvas in the window, so the step card and its control are both visible. Where the
  // page scrolls the app, only up to the app's top (the app scrolls to the step's control itself, and the page follows).
  function bringAppIntoView() {
    if (!root.classList.contains('page-scrolls')) {
      appFrame.scrollIntoView({ block: 'start', behavior: 'instant' });
    } else if (window.scrollY < appFrameTop() - 1) {
      window.scrollTo({ top: appFrameTop(), behavior: 'instant' });
    }
  }

  // [SECTION] Environment: the system's colour scheme and motion preference, passed in at start and on change
  const darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const motionQuery = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  function environment() {
    return { system_theme: darkQuery && darkQuery.matches ? 'dark' : 'light', reduced_motion: !!(motionQuery && motionQuery.matches) };
  }
  function watchEnvironment(Module) {
    const apply = Module.cwrap('chips_apply_settings_json', null, ['number', 'number']);
    const changed = () => withText(Module, JSON.stringify(environment()), apply); // wakes the frame loop too
    for (const query of [darkQuery, motionQuery]) {
      if (query && query.addEventListener) query.addEventListener('change', changed);
    }
  }
  function copyWithTextarea(text) { // file:// pages and old browsers have no async clipboard
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'clipboard-helper';
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try { copied = document.execCommand('copy'); } catch (error) { /* nothing else to try */ }
    area.remove();
    canvas.focus({ preventScroll: true });
    announce(copied ? 'Copied.' : 'Copying is blocked here; select the text and copy it by hand.');
  }

  // Presenter mode: the app frame fills the screen; the app's own scale setting makes things bigger.
  function togglePresenter() {
    if (document.fullscreenElement) { document.exitFullscreen().catch(() => {}); return; }
    if (appFrame.requestFullscreen) appFrame.requestFullscreen().catch(() => showNotices(['Full screen is not allowed here.']));
  }
  document.addEventListener('fullscreenchange', () => {
    root.classList.toggle('presenting', document.fullscreenElement === appFrame);
  });

  // [SECTION] Public API (filled in once the module runs)
  const api = window.chipsAndClaims = {
    ready,
    framesDrawn: () => 0,
    getState: () => null,
    setState: () => ({ ok: false, notices: ['not ready'] }),
    getResults: () => null,
    selectQuote: () => false,
    applyQuery: () => ({ ok: false, notices: ['not ready'] }),
    permalinkQuery: () => '',
    summary: () => '',
    settings: () => null,
    applySettings: () => {},
    keyEvents: () => 0,
    wheelWanted: () => false,
    controlRect: () => null,
    controlIds: () => [],
    focusedControl: () => '',
    traditionalFont: 'not-loaded',
    glyphPath: () => glyphPath,
    missingGlyphs: () => ({ count: 0, sample: [] }),
  };
  // Text arguments go to the wasm as (pointer, length) in heap memory allocated here, never through cwrap's 'string'
  // or 'array' (those copy onto the 5 MiB wasm stack: a 5 MB string overran it and corrupted the module). Larger
  // than MAX_BRIDGE_BYTES (session/page_bridge.h kMaxBridgeBytes) is refused by the wasm with a notice; the copy
  // here is bounded too, so a 100 MB argument costs nothing.
  const MAX_BRIDGE_BYTES = 1024 * 1024;
  function withText(Module, text, use) {
    const value = String(text);
    if (value.length > MAX_BRIDGE_BYTES) return use(0, value.length * 3); // UTF-8 is at least as long: refused
    const bytes = new TextEncoder().encode(value);
    const pointer = Module._malloc(Math.max(1, bytes.length));
    try {
      Module.HEAPU8.set(bytes, pointer);
      return use(pointer, bytes.length);
    } finally {
      Module._free(pointer);
    }
  }
  // After start a trap (RuntimeError) in the module leaves it unusable: say so and offer a reload, instead of a frozen
  // canvas whose every later call throws.
  function moduleStopped(error) {
    if (failed) return;
    showError(withHint(pageText('page.run_stopped', { reason: error && error.message ? error.message : error })));
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = pageText('page.run_reload');
    reload.addEventListener('click', () => location.reload());
    statusBox.appendChild(reload);
  }
  function guarded(fn) {
    return (...args) => {
      if (failed) throw new Error('the interactive part has stopped; reload the page');
      try { return fn(...args); } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) moduleStopped(error);
        throw error;
      }
    };
  }
  function bindApi(Module) {
    const call = (name, ret, args) => guarded(Module.cwrap(name, ret, args));
    const textCall = (name, ret) => {
      const fn = call(name, ret, ['number', 'number']);
      return (text) => withText(Module, text, fn);
    };
    const parse = (text, what) => {
      try { return JSON.parse(text); } catch (error) { return { ok: false, notices: [what + ': not JSON'] }; }
    };
    const getState = call('chips_get_state', 'string', []);
    const getResults = call('chips_get_results', 'string', []);
    const setState = textCall('chips_set_state', 'string');
    const selectQuote = textCall('chips_select_quote', 'number');
    const applyQuery = textCall('chips_apply_url_query', 'string');
    const settingsJson = call('chips_settings_json', 'string', []);
    const wheelWanted = call('chips_wheel_wanted', 'number', ['number', 'number']);
    api.framesDrawn = call('chips_frames_drawn', 'number', []);
    api.keyEvents = call('chips_key_events', 'number', []);
    api.getState = () => parse(getState(), 'getState');
    api.getResults = () => parse(getResults(), 'getResults');
    api.setState = (partial) => parse(setState(typeof partial === 'string' ? partial : JSON.stringify(partial)), 'setState');
    api.selectQuote = (id) => selectQuote(String(id)) === 1;
    api.applyQuery = (query) => parse(applyQuery(String(query).replace(/^\?/, '')), 'applyQuery');
    api.permalinkQuery = call('chips_permalink_query', 'string', []);
    api.summary = call('chips_accessible_summary', 'string', []);
    api.settings = () => parse(settingsJson(), 'settings');
    const applySettings = textCall('chips_apply_settings_json', null);
    api.applySettings = (partial) => {
      applySettings(typeof partial === 'string' ? partial : JSON.stringify(partial));
      applyPageTheme(settingsJson()); // restoring settings does not save them, so the page asks for the theme here
    };
    api.wheelWanted = (dx, dy) => wheelWanted(dx, dy) === 1;
    const controlRect = textCall('chips_control_rect', 'string');
    const controlIds = call('chips_control_ids', 'string', []);
    api.controlRect = (id) => { const rect = parse(controlRect(String(id)), 'controlRect'); return rect && 'x' in rect ? rect : null; };
    api.controlIds = () => parse(controlIds(), 'controlIds');
    api.focusedControl = call('chips_focused_control', 'string', []);
    const missingGlyphs = call('chips_missing_glyphs', 'string', []);
    const activeGlyphPath = call('chips_glyph_path', 'string', []);
    api.missingGlyphs = () => parse(missingGlyphs(), 'missingGlyphs');
    api.glyphPath = () => activeGlyphPath();
  }

  // [SECTION] Capability checks: say so clearly instead of showing a blank canvas
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError(withHint(pageText('page.run_no_wasm')));
    return;
  }
  // Only whether the browser knows WebGL2 at all: creating a context to find out costs ~15 ms of main thread on a slow
  // machine, and the app creates its own anyway (when that fails, wasm/main.cpp reports "WebGL2" → onFatal below).
  if (typeof WebGL2RenderingContext === 'undefined') {
    showError(withHint(pageText('page.run_no_webgl2')));
    return;
  }
  canvas.addEventListener('webglcontextlost', () => {
    showError(pageText('page.run_context_lost'));
  });

  // [SECTION] Loading with progress in bytes (or decoding the assets the offline file carries)
  // Progress counts the bytes that crossed the network against the real total. A compressing server's Content-Length
  // is the compressed size, while the body we read is decompressed: so each file's share done is decompressed bytes
  // read ÷ its raw size (data-asset-bytes, written by the build), and that share of its Content-Length is what has
  // been transferred. Until every file's sizes are known the bar is indeterminate and the text counts what arrived.
  const assetRawBytes = parseSettings(root.dataset.assetBytes);
  const progress = new Map(); // name → { received: raw bytes read, raw: raw size, wire: bytes on the network }
  // The loading card shows the first quote's headline; a link to another quote shows the progress alone.
  const loadingCard = statusBox.querySelector('.loading-card');
  const linkedQuoteAtStart = new URLSearchParams(visit.query).get('quote');
  if (loadingCard && linkedQuoteAtStart && linkedQuoteAtStart !== loadingCard.dataset.quoteId) loadingCard.hidden = true;
  // At most once per displayed frame: chunks arrive faster than that, and each update costs a style pass.
  let progressScheduled = false;
  let downloadsDone = false; // then the status says "Starting…", and a late progress update must not overwrite it
  function updateProgress() {
    if (progressScheduled) return;
    progressScheduled = true;
    requestAnimationFrame(() => {
      progressScheduled = false;
      if (failed || started || downloadsDone) return;
      let done = 0, total = 0, received = 0, known = progress.size > 0;
      for (const file of progress.values()) {
        received += file.received;
        if (!file.raw || !file.wire) { known = false; continue; }
        total += file.wire;
        done += file.wire * Math.min(1, file.received / file.raw);
      }
      // Thousands separators by hand: the first toLocaleString() loads locale data (~20 ms on a slow machine).
      const kb = (bytes) => String(Math.round(bytes / 1024)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      if (known && total > 0) {
        statusText.textContent = pageText('page.run_loading_progress', { done: kb(done), total: kb(total) });
        statusProgress.max = total;
        statusProgress.value = done;
      } else {
        statusText.textContent = received > 0 ? pageText('page.run_loading_received', { received: kb(received) })
          : pageText('status.loading');
        statusProgress.removeAttribute('value'); // indeterminate: no total to show a share of
      }
    });
  }
  // The offline file carries each asset as base64 text, gzip-compressed first when it says data-encoding="gzip"
  // (scripts/pack_offline.mjs: the module shrinks to less than half); DecompressionStream is the browser's own gunzip.
  async function embeddedBytes(name) {
    const node = document.querySelector(`script[data-asset="${name}"]`);
    if (!node) return null;
    const text = atob(node.textContent.trim());
    const encoding = node.dataset.encoding || 'identity';
    node.remove(); // the base64 text is no longer needed; let the page drop it
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    if (encoding === 'identity') return bytes;
    if (encoding !== 'gzip' || typeof DecompressionStream !== 'function') {
      throw new Error(`${name}: this browser cannot read the offline file's ${encoding} data`);
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  async function fetchBytes(name, withProgress) {
    const embedded = offline ? await embeddedBytes(name) : null;
    if (embedded) return embedded;
    if (withProgress) expectProgress(name);
    const response = await fetch(assetUrl(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return readBody(name, response, withProgress);
  }
  // A file counts in the total from its request on (its sizes are filled in when its headers arrive).
  function expectProgress(name) {
    if (!progress.has(name)) progress.set(name, { received: 0, raw: Number(assetRawBytes[name]) || 0, wire: 0 });
  }
  async function readBody(name, response, withProgress) {
    // Content-Length counts compressed bytes when the server compresses; the body we read is decompressed.
    const compressed = (response.headers.get('Content-Encoding') || 'identity') !== 'identity';
    const wire = Number(response.headers.get('Content-Length')) || 0;
    if (withProgress) {
      expectProgress(name);
      const file = progress.get(name);
      file.wire = wire;
      if (!compressed && wire) file.raw = wire; // not compressed: the header is the raw size too
      if (!file.wire && file.raw && !compressed) file.wire = file.raw;
    }
    if (!response.body || !response.body.getReader) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (withProgress) {
        progress.get(name).received = received;
        updateProgress();
      }
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }
  // The module compiles while it streams in (compileStreaming: each chunk is validated as it arrives, and the browser
  // may cache the compiled code for the next visit); a copy of the stream is read only to show progress, and is the
  // fallback when streaming compilation is refused (a server sending another Content-Type than application/wasm).
  async function compileModule(name) {
    const embedded = offline ? await embeddedBytes(name) : null;
    if (embedded) return WebAssembly.compile(embedded);
    expectProgress(name);
    const response = await fetch(assetUrl(name));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    if (typeof WebAssembly.compileStreaming !== 'function' || !response.body) {
      return WebAssembly.compile(await readBody(name, response, true));
    }
    const bytes = readBody(name, response.clone(), true);
    bytes.catch(() => {}); // only awaited on success or fallback; a broken module is reported from compileStreaming
    try {
      const module = await WebAssembly.compileStreaming(response);
      await bytes;
      return module;
    } catch (error) {
      if (error instanceof WebAssembly.CompileError) throw error; // a broken module: same error from the bytes
      return WebAssembly.compile(await bytes);
    }
  }

  // The TC face is needed only for 繁體中文 and traditional quotes; its script is in the text version (lang attr).
  function quoteScript(id) {
    const node = id && document.getElementById('quote-' + id);
    return node ? node.dataset.script || '' : '';
  }
  function needsTraditional(query) {
    const params = new URLSearchParams(query);
    return params.get('lang') === 'zh-Hant' || quoteScript(params.get('quote')) === 'zh-Hant';
  }
  function settingsLanguage(json) {
    try { return JSON.parse(json).language || ''; } catch (error) { return ''; }
  }
  let moduleRef = null;
  function loadTraditionalFont() {
    if (api.traditionalFont !== 'not-loaded' || glyphPath !== 'noto') return;
    api.traditionalFont = 'loading';
    fetchBytes('fonts/ui-tc.otf', false).then((bytes) => {
      assets.set('ui-tc.otf', bytes);
      const deliver = () => {
        api.traditionalFont = moduleRef._chips_traditional_font_ready() ? 'ready' : 'failed';
      };
      if (moduleRef && started) deliver(); else ready.then(deliver, () => {});
    }).catch(() => { api.traditionalFont = 'failed'; });
  }

  // [SECTION] Input: wake the frame loop, route the wheel, focus the canvas
  function installInputListeners(Module) {
    // The wasm pauses its loop when idle (wasm/idle.h): any input wakes it.
    const wake = () => Module._chips_wake();
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'wheel', 'keydown', 'keyup',
      'touchstart', 'touchmove', 'touchend', 'mouseleave', 'focus', 'blur', 'resize', 'visibilitychange']) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    }
    canvas.addEventListener('mouseleave', wake, { passive: true });
    // Quirk: SDL's wheel handler calls preventDefault on every wheel over the canvas, so an article embedding the
    // app could not be scrolled past it. Ask the app whether the panel under the pointer can scroll that way; if
    // not, keep the event from SDL (capture phase, before it reaches the canvas) and the browser scrolls the page.
    window.addEventListener('wheel', (event) => {
      if (event.target !== canvas) return;
      if (event.ctrlKey || !api.wheelWanted(event.deltaX, event.deltaY)) event.stopPropagation();
    }, { capture: true, passive: true });
    // Quirk: SDL's mousedown handler calls preventDefault, which stops the browser from moving focus to the canvas
    // (and, in an iframe, into the frame). Keys go to the canvas only (SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT), so
    // focus it ourselves on every press.
    canvas.addEventListener('pointerdown', () => {
      if (document.activeElement !== canvas) canvas.focus({ preventScroll: true });
    }, { capture: true });
    // SDL follows the canvas' CSS size on window 'resize'; layout changes without one (container, fonts, full
    // screen, browser zoom changing devicePixelRatio) need a nudge.
    let lastSize = '';
    new ResizeObserver(() => {
      const size = canvas.clientWidth + 'x' + canvas.clientHeight + '@' + window.devicePixelRatio;
      if (size === lastSize) return;
      lastSize = size;
      window.dispatchEvent(new Event('resize'));
    }).observe(canvas);
  }

  // [SECTION] Keyboard: Tab into the app, and out of it (WCAG 2.1.2: no keyboard trap)
  // The page's focusable elements in document order (what Tab visits), without hidden ones and the canvas itself.
  function focusables() {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
      'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(selector)].filter((node) =>
      node === canvas || (node.tabIndex >= 0 && node.getClientRects().length > 0 && !node.closest('[hidden], [inert]')));
  }
  function moveFocusFromCanvas(direction) {
    const nodes = focusables();
    const at = nodes.indexOf(canvas);
    const target = at < 0 ? null : nodes[at + (direction < 0 ? -1 : 1)];
    if (target) target.focus();
    else canvas.blur(); // nothing before or after the app on this page: the browser's own controls come next
  }
  function installKeyboardFocus(Module) {
    // The focus arrives by keyboard when a Tab was pressed just before it, in the page (capture phase: before the
    // browser moves the focus). Which end of the app takes it follows the Tab's direction; a click focuses the canvas
    // without choosing a control.
    let lastTab = { at: -1e9, shift: false };
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Tab' && event.target !== canvas) lastTab = { at: performance.now(), shift: event.shiftKey };
    }, { capture: true });
    // SDL lets Space, Page Up/Down, Home and End through to the browser, which would scroll the page while the same
    // key moves a slider or the tour: the app says when they are its own.
    const pageKeys = new Set([' ', 'PageUp', 'PageDown', 'Home', 'End']);
    canvas.addEventListener('keydown', (event) => {
      if (pageKeys.has(event.key) && Module._chips_keyboard_owns_key(event.key === ' ' ? 1 : 0)) event.preventDefault();
    });
    canvas.addEventListener('focus', () => {
      if (performance.now() - lastTab.at > 1000) return;
      lastTab.at = -1e9;
      Module._chips_keyboard_enter(lastTab.shift ? -1 : 1);
    });
  }

  // [SECTION] Glyphs: the browser's own CJK fonts, or the Noto subsets when it has none (docs/site.md "Glyphs")
  // The app's font loader (wasm/browser_font_loader.cpp) asks this canvas for each glyph it draws: whether the face
  // has it, its advance, and its coverage bitmap at the display's density. Every phone and desktop system ships a
  // CJK font, so the online page downloads no font at all; a browser without one (detected below) gets the Noto
  // subsets fetched before main(), drawn by stb_truetype as before. Tests force that path by setting
  // window.chipsAndClaimsForceFontFallback = true before the page's scripts run (page.addInitScript).
  const GLYPH_FACES = {
    sc: '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif',
    tc: '"PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", "Noto Sans TC", sans-serif',
  };
  const glyphs = (() => {
    const PROBE_PX = 32;      // contains(): big enough that two different shapes never give the same pixels
    const METRICS_PX = 1000;  // the font box: browsers round it to whole pixels, so measure it large
    const ADVANCE_PX = 100;   // advances: 1/64 px precision here is 0.002 px at the app's size; 1000 px cost 3× more
    const NO_GLYPH = 0xFFFF;  // a noncharacter: no font will ever have it, so it is drawn as the face's tofu
    // Drawn as nothing on purpose (spaces, controls, format characters): never "missing" for being blank.
    const BLANK_OK = /^[\p{Z}\p{Cc}\p{Cf}]$/u;
    const CONTROL = /^\p{Cc}$/u;
    // One context per face and role, each keeping its font: setting ctx.font costs more than drawing a glyph, so the
    // measuring contexts stay at their size and the drawing one changes only when the size or density does.
    const contexts = new Map();
    const known = { sc: new Map(), tc: new Map() };    // codepoint → drawable?
    const advances = { sc: new Map(), tc: new Map() }; // codepoint → advance in em
    const tofus = new Map();                            // `${face}@${px}` → the tofu drawn at that size
    let bitmap = new Uint8Array(0);                     // the last drawn glyph's coverage, row by row
    function fontAt(face, role, px) {
      const key = face + ':' + role;
      let entry = contexts.get(key);
      if (!entry) {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        // CPU-backed: every glyph is read back with getImageData, which a GPU canvas would turn into a stall.
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        if (!ctx) throw new Error('no 2D canvas');
        entry = { ctx, font: '' };
        contexts.set(key, entry);
      }
      const font = `${px}px ${GLYPH_FACES[face]}`;
      if (entry.font !== font) { entry.ctx.font = font; entry.font = font; }
      return entry.ctx;
    }
    function advance(face, codepoint) {
      const cache = advances[face];
      if (!cache.has(codepoint)) {
        cache.set(codepoint, fontAt(face, 'advance', ADVANCE_PX).measureText(String.fromCharCode(codepoint)).width / ADVANCE_PX);
      }
      return cache.get(codepoint);
    }
    // The glyph drawn at `px` device pixels per em, with the pen on whole pixels: its coverage and where the pen is.
    function draw(face, codepoint, px) {
      let ctx = fontAt(face, 'draw', px);
      const text = String.fromCharCode(codepoint);
      const m = ctx.measureText(text);
      const pad = 1; // antialiasing can spill a pixel past the measured ink box
      const originX = Math.ceil(m.actualBoundingBoxLeft) + pad;
      const originY = Math.ceil(m.actualBoundingBoxAscent) + pad;
      const width = originX + Math.ceil(m.actualBoundingBoxRight) + pad;
      const height = originY + Math.ceil(m.actualBoundingBoxDescent) + pad;
      if (!(width > 2 * pad && height > 2 * pad && width < 2048 && height < 2048)) {
        return { width: 0, height: 0, originX: 0, originY: 0, pixels: new Uint8Array(0), ink: 0 };
      }
      if (ctx.canvas.width < width || ctx.canvas.height < height) { // resizing resets the context's state
        ctx.canvas.width = Math.max(ctx.canvas.width, width);
        ctx.canvas.height = Math.max(ctx.canvas.height, height);
        contexts.get(face + ':draw').font = '';
        ctx = fontAt(face, 'draw', px);
      }
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = '#fff';
      ctx.fillText(text, originX, originY);
      const rgba = ctx.getImageData(0, 0, width, height).data;
      const pixels = new Uint8Array(width * height);
      let ink = 0;
      for (let i = 0; i < pixels.length; i++) { pixels[i] = rgba[i * 4 + 3]; ink |= pixels[i]; }
      return { width, height, originX, originY, pixels, ink };
    }
    function sameDrawing(a, b) {
      if (a.width !== b.width || a.height !== b.height || a.originX !== b.originX || a.originY !== b.originY) return false;
      for (let i = 0; i < a.pixels.length; i++) if (a.pixels[i] !== b.pixels[i]) return false;
      return true;
    }
    // The glyph at `px`: [advance in em, width, height, pen x, pen y] (width 0: nothing to draw, e.g. a space), its
    // coverage kept for takeBitmap; null when the browser cannot draw it — it draws the same box as for a
    // noncharacter (tofu), or nothing at all for a character that has ink.
    function load(face, codepoint, px) {
      if (!known[face]) return null;
      const text = String.fromCharCode(codepoint);
      let result = null;
      if (codepoint >= 0xD800 && codepoint <= 0xDFFF) result = null; // half a surrogate pair: no character
      else if (BLANK_OK.test(text)) result = CONTROL.test(text) ? null : [advance(face, codepoint), 0, 0, 0, 0];
      else {
        const drawn = draw(face, codepoint, px);
        const tofuKey = face + '@' + px;
        if (!tofus.has(tofuKey)) tofus.set(tofuKey, draw(face, NO_GLYPH, px));
        const isTofu = sameDrawing(drawn, tofus.get(tofuKey)) &&
          Math.abs(advance(face, codepoint) - advance(face, NO_GLYPH)) < 1e-6;
        if (drawn.ink && !isTofu) {
          bitmap = drawn.pixels;
          result = [advance(face, codepoint), drawn.width, drawn.height, drawn.originX, drawn.originY];
        }
      }
      known[face].set(codepoint, result !== null);
      return result;
    }
    return {
      // [ascent, descent] in em, both positive, of the face's first installed font: the box its lines are laid out
      // in, which the app scales to its font size exactly as stb_truetype scales the Noto subset (the same look).
      metrics(face) {
        const m = fontAt(face, 'measure', METRICS_PX).measureText('汉');
        const ascent = Number(m.fontBoundingBoxAscent), descent = Number(m.fontBoundingBoxDescent);
        // Browsers without font box metrics (before 2023): Noto Sans CJK's own (hhea 1160 / 288 per 1000).
        if (!(ascent > 0) || !(descent >= 0)) return [1.16, 0.288];
        return [ascent / METRICS_PX, descent / METRICS_PX];
      },
      // Can the browser draw this codepoint with a real glyph (from this face or any font it falls back to)?
      contains(face, codepoint) {
        const cache = known[face];
        if (!cache) return false;
        if (!cache.has(codepoint)) load(face, codepoint, PROBE_PX);
        return cache.get(codepoint);
      },
      advance, // in em, measured at ADVANCE_PX: the app scales it linearly (no hinting), like stb_truetype
      load,
      takeBitmap() { return bitmap; },
    };
  })();
  // Before main(): 'browser' when the browser draws both a simplified and a traditional ideograph with a real glyph,
  // else 'noto'. A few milliseconds (two characters and the tofu, each drawn once and read back); the glyphs and the
  // font it loads are the ones the first frame needs anyway.
  function chooseGlyphPath() {
    if (window.chipsAndClaimsForceFontFallback === true) return 'noto';
    try {
      // An ideograph is one em wide in every CJK font; a substitute box (some browsers draw the code in hex) is not.
      const isIdeograph = (face, text) => glyphs.contains(face, text.charCodeAt(0)) &&
        Math.abs(glyphs.advance(face, text.charCodeAt(0)) - 1) < 0.05;
      return isIdeograph('sc', '汉') && isIdeograph('tc', '漢') ? 'browser' : 'noto';
    } catch (error) {
      return 'noto'; // no 2D canvas: the subsets work everywhere
    }
  }
  let glyphPath = 'noto'; // decided in "Start", once the module's download has begun
  page.glyphs = glyphs;
  page.glyphPath = () => glyphPath;

  // [SECTION] Start
  // The TC face comes before the start only when the first view needs it: a link (or saved settings) in 繁體中文, or a
  // link to a traditional quote. Otherwise the first frame shows no traditional text (the quotes list lays out only
  // the cards in view, and the 繁體中文 button is drawn with the SC face, which holds those characters), and the app
  // asks for the TC face the moment it draws traditional text (wasm/main.cpp request_traditional_if_used →
  // needTraditionalFont). The offline file carries it inside, so it has nothing to wait for.
  const mark = (name) => { try { performance.mark(name); } catch (error) { /* old browsers: no marks */ } };
  // Whether the first view needs the TC face: the link's or the saved language says so at once; a linked quote's
  // script is read from its card in the text version (parsed by the time this deferred script runs; whenParsed in case
  // a page loads it earlier).
  function traditionalNeededAtStart() {
    if (glyphPath === 'browser') return Promise.resolve(false); // both faces are the browser's: nothing to fetch
    if (offline || needsTraditional(visit.query)) return Promise.resolve(true);
    if (!/(^|&)lang=/.test(visit.query) && settingsLanguage(savedSettings) === 'zh-Hant') return Promise.resolve(true);
    const linkedQuote = new URLSearchParams(visit.query).get('quote');
    if (!linkedQuote || document.getElementById('quote-' + linkedQuote)) return Promise.resolve(false);
    return new Promise((resolve) => whenParsed(() => resolve(needsTraditional(visit.query))));
  }
  updateProgress();
  // The glue script downloads while the assets do (<link rel="preload"> in the page's head).
  const compiled = compileModule('chips.wasm');
  compiled.catch(() => {});
  // The glyph path, while the module streams in: the detection's first glyph loads the system's CJK font (10–20 ms
  // on this machine, which the first frame would otherwise spend), and the font files are fetched only without one.
  const glyphDetectStart = performance.now();
  glyphPath = chooseGlyphPath();
  // scripts/bench and tests read how long the detection took (performance.getEntriesByName('chips:glyph-detect')).
  try { performance.measure('chips:glyph-detect', { start: glyphDetectStart, end: performance.now() }); } catch (error) { /* old browsers */ }
  // The canvas work the app's font setup starts with, done now while the module still streams in instead of in
  // main(): each face's font box, and the characters ImGui probes for its fallback and ellipsis glyphs (its first
  // canvas calls cost 15–25 ms on this machine; "fonts handed to ImGui" in scripts/bench).
  if (glyphPath === 'browser') {
    const warmStart = performance.now();
    try {
      for (const face of ['sc', 'tc']) {
        glyphs.metrics(face);
        for (const codepoint of [0xFFFD, 0x3F, 0x20, 0x2026, 0x85]) glyphs.contains(face, codepoint);
      }
      performance.measure('chips:glyph-warm', { start: warmStart, end: performance.now() });
    } catch (error) { /* only a head start: the loader asks again when it needs these */ }
  }
  const traditionalAtStart = traditionalNeededAtStart();
  // The SC subset only on the Noto path (a browser without CJK fonts, or the test hook); the browser path fetches none.
  if (glyphPath === 'browser') api.traditionalFont = 'ready';
  const downloads = [compiled, glyphPath === 'noto' ? fetchBytes('fonts/ui-sc.otf', true) : null,
    traditionalAtStart.then((needed) => {
      if (!needed) return null;
      api.traditionalFont = 'loading';
      return fetchBytes('fonts/ui-tc.otf', true);
    })];
  // The glue instantiates the compiled module through Module.instantiateWasm; a module that does not compile is
  // reported there ("could not start").
  compiled.then(() => mark('chips:wasm-compiled'), () => {});
  const assetsReady = Promise.all(downloads).then(([, fontSimplified, fontTraditional]) => {
    mark('chips:assets-downloaded');
    downloadsDone = true;
    if (!failed) statusText.textContent = pageText('page.run_starting');
    if (fontSimplified) assets.set('ui-sc.otf', fontSimplified);
    if (fontTraditional) { assets.set('ui-tc.otf', fontTraditional); api.traditionalFont = 'ready'; }
  });
  assetsReady.catch((error) => {
    if (error instanceof WebAssembly.CompileError) page.onFatal('WebAssembly: ' + error.message); // arrived, but broken
    else showError(withHint(pageText('page.run_load_failed', { reason: error.message })));
  });

  // The glue starts now and runs while the assets still download (parsing it took ~30 ms on a slow machine that the
  // page used to spend waiting); main() runs once the glue has the instance, which waits for module and fonts.
  const Module = window.Module = moduleRef = {
    canvas,
    instantiateWasm(imports, receiveInstance) {
      mark('chips:glue-ready');
      Promise.all([compiled, assetsReady])
        .then(([module]) => WebAssembly.instantiate(module, imports).then((instance) => {
          mark('chips:wasm-instantiated');
          // A task of its own for what follows (the runtime's start and main()'s first step): instantiating is one
          // task, starting another, and the browser paints and answers input in between (docs/site.md "Start-up in
          // steps").
          setTimeout(() => receiveInstance(instance, module), 0);
        }))
        .catch((error) => {
          if (!failed) page.onFatal('WebAssembly: ' + (error && error.message ? error.message : error));
        });
      return {}; // asynchronous: the glue waits for receiveInstance
    },
    // The glue's own way to find its files (it names chips.wasm); app.js instantiates the module itself above, so
    // this only matters if the glue ever asks.
    locateFile: (path) => assetUrl(path),
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
    onAbort: (reason) => page.onFatal('aborted: ' + reason),
  };
  if (offline) {
    // chips.js is inline in the offline file, as a function waiting for its Module (scripts/pack_offline.mjs).
    window.chipsAndClaimsStart(Module);
  } else {
    const script = document.createElement('script');
    script.src = assetUrl('chips.js');
    script.onerror = () => showError(withHint(pageText('page.run_glue_failed')));
    document.body.appendChild(script);
  }

  // An uncaught error before the first frame would leave a spinner forever: show it.
  window.addEventListener('error', (event) => {
    if (!started) showError(withHint(pageText('page.run_start_failed', { reason: event.message })));
    else if (event.error instanceof WebAssembly.RuntimeError) moduleStopped(event.error);
  });
})();
