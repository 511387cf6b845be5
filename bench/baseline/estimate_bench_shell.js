// bench/baseline/estimate_bench_shell.js — loads estimate_bench.js (external: the server's CSP forbids inline scripts).
(function () {
  'use strict';
  window.Module = { print: (text) => console.log(text), printErr: (text) => console.error(text) };
  const script = document.createElement('script');
  script.src = 'estimate_bench.js';
  document.body.appendChild(script);
})();
