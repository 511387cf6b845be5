// scripts/static_server.mjs — a small static file server for the built site, bound to 127.0.0.1 only.
// Used by scripts/serve (readers, teachers preparing a class) and by the browser tests (tests/e2e/).
// Why not `python3 -m http.server`: we want the same headers a real deployment should send (gzip, a strict
// Content-Security-Policy, correct wasm MIME type, no caching surprises), so tests see what readers will see.
//
//   node scripts/static_server.mjs --root DIR [--port 8080]   (port 0 = any free port; prints "serving URL")
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.otf': 'font/otf', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
// Only what the page needs: its own scripts, wasm compilation, its own fonts/images, inline styles from the app.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data: blob:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
  "frame-ancestors *",
].join('; ');

export function startServer(root, port = 0) {
  const rootDir = resolve(root);
  const gzipCache = new Map(); // path → {mtimeMs, body}
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      let path = normalize(join(rootDir, decodeURIComponent(url.pathname)));
      if (path !== rootDir && !path.startsWith(rootDir + sep)) throw Object.assign(new Error('outside'), { code: 403 });
      let info = await stat(path);
      if (info.isDirectory()) { path = join(path, 'index.html'); info = await stat(path); }
      let body = await readFile(path);
      const headers = {
        'Content-Type': MIME[extname(path)] || 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache',
      };
      if (/\bgzip\b/.test(request.headers['accept-encoding'] || '') && body.length > 1024) {
        const cached = gzipCache.get(path);
        if (!cached || cached.mtimeMs !== info.mtimeMs) gzipCache.set(path, { mtimeMs: info.mtimeMs, body: gzipSync(body, { level: 9 }) });
        body = gzipCache.get(path).body;
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      const code = error.code === 403 ? 403 : 404;
      response.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(code === 403 ? 'forbidden\n' : 'not found\n');
    }
  });
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen(port, '127.0.0.1', () => resolveStart({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const root = argument('--root');
  if (!root) { console.error('static_server: --root DIR is required'); process.exit(2); }
  startServer(root, Number(argument('--port', 8080))).then(({ url }) => {
    console.log(`serving ${url} (Ctrl-C to stop)`);
  }).catch((error) => { console.error(`static_server: ${error.message}`); process.exit(1); });
}
