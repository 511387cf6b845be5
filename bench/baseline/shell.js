// bench/baseline/shell.js — loads baseline.js the way ImGui's stock emscripten shell does (an external file: the
// static server's Content-Security-Policy forbids inline scripts, same as for the app).
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
  };
  const script = document.createElement('script');
  script.src = 'baseline.js';
  document.body.appendChild(script);
})();
