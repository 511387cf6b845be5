// scripts/static_server.mjs — serves the built site with the headers a real host should send (docs/site.md, "Serving
// the site"), bound to 127.0.0.1 unless told otherwise. Used by scripts/serve (readers, teachers preparing a class),
// the browser tests (tests/e2e/) and the bench (bench/measure.mjs, bench/load.mjs), so tests see what readers see.
//
//   node scripts/static_server.mjs --root DIR [--port 8080] [--host 127.0.0.1]
//   (port 0 = any free port; prints "serving URL")
//
// File handling is the `send` package's (the engine under express.static): files are streamed, never read whole;
// ETag and Last-Modified with If-None-Match / If-Modified-Since (304) and If-Match / If-Unmodified-Since (412); Range
// and If-Range (206, 416); `..` refused (403), dotfiles hidden (404). Accept-Encoding is negotiated by `negotiator`
// (q-values, q=0 refuses). What this file adds is the project's policy:
//   - GET and HEAD only: anything else is 405 with `Allow: GET, HEAD`;
//   - the precompressed FILE.br / FILE.gz written at build time (scripts/precompress.mjs) when the client accepts it,
//     brotli first, with `Vary: Accept-Encoding` on every response that has such a sibling; nothing is compressed
//     per request;
//   - Cache-Control: content-hashed names (scripts/site_manifest.mjs) for a year, `immutable`; everything else
//     (the pages, the offline file) `no-cache`, i.e. revalidated with its ETag on every use;
//   - the security headers (CSP, nosniff, no referrer) on every response, errors (400/403/404/405/412/416) included.
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import Negotiator from 'negotiator';
import send from 'send';
import { sitePolicies } from './csp.mjs';
import { HASHED_NAME } from './site_manifest.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.otf': 'font/otf', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
// The policy (scripts/csp.mjs): its own scripts, wasm compilation, its own fonts/images, the one inline style every
// page carries (allowed by its hash); frame-ancestors * because embed.html is made to be framed by any article.
export const CONTENT_SECURITY_POLICY = sitePolicies().header;
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
export const ALLOWED_METHODS = ['GET', 'HEAD'];
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';
// Best first when the client accepts several equally: brotli is 10–20 % smaller than gzip -9 on these files.
const ENCODINGS = [{ name: 'br', suffix: '.br' }, { name: 'gzip', suffix: '.gz' }];
const ENCODING_PREFERENCE = ['br', 'gzip', 'identity'];
// Bytes read from a file at a time. Node's file streams default to 64 KiB; 16 KiB (its default for sockets) held the
// server's peak at 1,000 parallel module downloads to about +100 MB instead of +150–230 MB (bench/load.mjs).
const STREAM_CHUNK_BYTES = 16 * 1024;

export const cacheControlFor = (path) => (HASHED_NAME.test(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE);

// 4xx/5xx: a short plain-text body, the security headers, never cached; `extra` carries e.g. Allow or Content-Range.
function sendError(response, status, message, extra = {}) {
  if (response.headersSent) { response.destroy(); return; }
  for (const name of response.getHeaderNames()) response.removeHeader(name);
  const body = `${status} ${message}\n`;
  response.writeHead(status, {
    ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}
const ERROR_MESSAGES = { 400: 'bad request', 403: 'forbidden', 404: 'not found', 412: 'precondition failed',
  416: 'range not satisfiable' };

// The file a URL path names under root (directories → their index.html), or null when it is not a plain path inside
// root; `send` makes the final decision (and answers 400/403/404) either way.
function fileUnderRoot(rootDir, urlPath) {
  let decoded;
  try { decoded = decodeURIComponent(urlPath); } catch { return null; }
  if (decoded.includes('\0') || /(^|[\\/])\.\.([\\/]|$)/.test(decoded)) return null;
  const file = resolve(join(rootDir, decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  return file.startsWith(rootDir + sep) ? file : null;
}

// Which precompressed sibling to send: the client's best acceptable encoding among the siblings that exist and are
// at least as new as the file. `hasSiblings` says whether the response varies with Accept-Encoding at all.
async function chooseEncoding(request, file) {
  const original = await stat(file).catch(() => null);
  if (!original || !original.isFile()) return { encoding: null, hasSiblings: false };
  const available = [];
  for (const encoding of ENCODINGS) {
    const sibling = await stat(file + encoding.suffix).catch(() => null);
    if (sibling && sibling.isFile() && sibling.mtimeMs >= original.mtimeMs) available.push(encoding);
  }
  if (!available.length) return { encoding: null, hasSiblings: false };
  const offered = [...available.map((encoding) => encoding.name), 'identity'];
  const best = new Negotiator(request).encoding(offered, { preferred: ENCODING_PREFERENCE });
  return { encoding: available.find((encoding) => encoding.name === best) || null, hasSiblings: true };
}

export function createHandler(root) {
  const rootDir = resolve(root);
  return async function handle(request, response) {
    if (!ALLOWED_METHODS.includes(request.method)) {
      sendError(response, 405, 'method not allowed', { Allow: ALLOWED_METHODS.join(', ') });
      return;
    }
    const urlPath = (request.url || '/').split('?')[0];
    const file = fileUnderRoot(rootDir, urlPath);
    const { encoding, hasSiblings } = file ? await chooseEncoding(request, file) : { encoding: null, hasSiblings: false };
    // The path as `send` should see it: directories name their index.html (so it negotiates like any file), and the
    // chosen sibling's suffix; `send` decodes and checks it again.
    const sendPath = (urlPath.endsWith('/') ? urlPath + 'index.html' : urlPath) + (encoding ? encoding.suffix : '');
    // The type of the file asked for, also when its .br or .gz is sent (for a path this server does not resolve
    // itself, `send` types the file it finds).
    const logicalType = file ? MIME[extname(file).toLowerCase()] : undefined;
    send(request, sendPath, { root: rootDir, index: false, dotfiles: 'ignore', etag: true, lastModified: true,
      acceptRanges: true, cacheControl: false, highWaterMark: STREAM_CHUNK_BYTES })
      .on('headers', (res) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        res.setHeader('Cache-Control', cacheControlFor(urlPath));
        if (logicalType) res.setHeader('Content-Type', logicalType);
        if (hasSiblings) res.setHeader('Vary', 'Accept-Encoding');
        if (encoding) res.setHeader('Content-Encoding', encoding.name);
      })
      .on('directory', () => sendError(response, 404, ERROR_MESSAGES[404]))
      .on('error', (error) => {
        const status = ERROR_MESSAGES[error.status] ? error.status : 500;
        sendError(response, status, ERROR_MESSAGES[status] || 'server error', error.headers || {});
      })
      .pipe(response);
  };
}

// Resolves to {server, url} once listening. The backlog is raised so a burst of connections (bench/load.mjs: 1,000
// at once) waits in the kernel's queue instead of being dropped and retried a second later.
export function startServer(root, port = 0, host = '127.0.0.1') {
  const server = createServer(createHandler(root));
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', rejectStart);
    server.listen({ port, host, backlog: 2048 }, () => {
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolveStart({ server, url: `http://${shownHost}:${server.address().port}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const root = argument('--root');
  if (!root) { console.error('static_server: --root DIR is required'); process.exit(2); }
  const host = argument('--host', '127.0.0.1');
  startServer(root, Number(argument('--port', 8080)), host).then(({ url }) => {
    console.log(`serving ${url} (Ctrl-C to stop)`);
    if (!/^(127\.|::1$|localhost$)/.test(host)) console.log(`static_server: listening on ${host}, not only this machine`);
  }).catch((error) => { console.error(`static_server: ${error.message}`); process.exit(1); });
}
