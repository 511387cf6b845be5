// site/app.js — loads the WebAssembly app and exposes window.chipsAndClaims.
//
// Contract (docs/contract.md, tests/e2e/): window.chipsAndClaims = {
//   ready: Promise        — resolves after the first frame is drawn; rejects when the app cannot start
//   framesDrawn(): number — frames rendered so far (0 new frames while idle)
//   getState(): object    — {scenario:{...}, language, quote}
//   setState(partial): {ok, notices[]}
//   getResults(): object  — the same JSON as `scripts/estimate --json`
//   selectQuote(id): bool
// }
(function () {
  'use strict';

  // [SECTION] Page-side hooks the wasm calls (wasm/browser.cpp)
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a failed start is shown on the page; don't also raise an unhandled rejection
  const statusBox = document.getElementById('status');
  const statusText = document.getElementById('status-text');
  const statusProgress = document.getElementById('status-progress');
  const canvas = document.getElementById('canvas');

  function showError(message) {
    statusBox.classList.remove('hidden');
    statusBox.classList.add('error');
    statusText.textContent = message;
    statusProgress.hidden = true;
    rejectReady(new Error(message));
  }

  const page = window.chipsAndClaimsPage = {
    onFirstFrame() { statusBox.classList.add('hidden'); resolveReady(); },
    onFatal(message) { showError('The app could not start (' + message + '). The quotes and verdicts below still work.'); },
    copyText(text) {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).catch(() => copyWithTextarea(text));
      } else {
        copyWithTextarea(text);
      }
    },
  };
  function copyWithTextarea(text) { // file:// pages and old browsers have no async clipboard
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (error) { /* nothing else to try */ }
    area.remove();
    canvas.focus();
  }

  // [SECTION] Public API (filled in once the module runs)
  const api = window.chipsAndClaims = {
    ready,
    framesDrawn: () => 0,
    getState: () => null,
    setState: () => ({ ok: false, notices: ['not ready'] }),
    getResults: () => null,
    selectQuote: () => false,
  };
  function bindApi(Module) {
    const call = (name, ret, args) => Module.cwrap(name, ret, args);
    const getState = call('chips_get_state', 'string', []);
    const getResults = call('chips_get_results', 'string', []);
    const setState = call('chips_set_state', 'string', ['string']);
    const selectQuote = call('chips_select_quote', 'number', ['string']);
    api.framesDrawn = call('chips_frames_drawn', 'number', []);
    api.getState = () => JSON.parse(getState());
    api.getResults = () => JSON.parse(getResults());
    api.setState = (partial) => JSON.parse(setState(typeof partial === 'string' ? partial : JSON.stringify(partial)));
    api.selectQuote = (id) => selectQuote(String(id)) === 1;
  }

  // [SECTION] Capability checks: say so clearly instead of showing a blank canvas
  if (typeof WebAssembly !== 'object') { showError('This browser cannot run WebAssembly.'); return; }
  if (!document.createElement('canvas').getContext('webgl2')) {
    showError('This browser or device has WebGL2 turned off, which the interactive part needs.');
    return;
  }

  // [SECTION] Loading with progress in bytes
  const assets = ['chips.wasm', 'fonts/ui-sc.otf', 'fonts/ui-tc.otf'];
  const loaded = new Map();
  const totals = new Map();
  function updateProgress() {
    let done = 0, total = 0;
    for (const name of assets) { done += loaded.get(name) || 0; total += totals.get(name) || 0; }
    const kb = (bytes) => Math.round(bytes / 1024).toLocaleString();
    statusText.textContent = total > 0 ? `Loading ${kb(done)} KB of ${kb(total)} KB…` : 'Loading…';
    if (total > 0) { statusProgress.max = total; statusProgress.value = done; }
  }
  async function fetchBytes(name) {
    const response = await fetch(name);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    const length = Number(response.headers.get('Content-Length')) || 0;
    totals.set(name, length);
    if (!response.body || !response.body.getReader) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      loaded.set(name, received);
      if (received > (totals.get(name) || 0)) totals.set(name, received); // gzip: Content-Length is compressed
      updateProgress();
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    return bytes;
  }

  // [SECTION] Wake the frame loop on input (the wasm pauses it when idle: wasm/idle.h)
  function installWakeListeners(Module) {
    const wake = () => Module._chips_wake();
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'wheel', 'keydown', 'keyup',
      'touchstart', 'touchmove', 'touchend', 'mouseleave', 'focus', 'blur', 'resize']) {
      window.addEventListener(type, wake, { capture: true, passive: true });
    }
    canvas.addEventListener('mouseleave', wake, { passive: true });
    // SDL follows the canvas' CSS size on window 'resize'; layout changes without one (container, fonts) need a nudge.
    let lastSize = '';
    new ResizeObserver(() => {
      const size = canvas.clientWidth + 'x' + canvas.clientHeight + '@' + window.devicePixelRatio;
      if (size === lastSize) return;
      lastSize = size;
      window.dispatchEvent(new Event('resize'));
    }).observe(canvas);
  }

  Promise.all(assets.map(fetchBytes)).then(([wasmBinary, fontSimplified, fontTraditional]) => {
    statusText.textContent = 'Starting…';
    const Module = window.Module = {
      canvas,
      wasmBinary,
      preRun: [() => {
        Module.FS.mkdir('/fonts');
        Module.FS.writeFile('/fonts/ui-sc.otf', fontSimplified);
        Module.FS.writeFile('/fonts/ui-tc.otf', fontTraditional);
      }],
      onRuntimeInitialized() { bindApi(Module); installWakeListeners(Module); },
      print: (text) => console.log(text),
      printErr: (text) => console.error(text),
      onAbort: (reason) => page.onFatal('aborted: ' + reason),
    };
    const script = document.createElement('script');
    script.src = 'chips.js';
    script.onerror = () => showError('chips.js could not be loaded.');
    document.body.appendChild(script);
  }).catch((error) => showError('Loading failed: ' + error.message));
})();
