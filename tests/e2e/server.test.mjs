// tests/e2e/server.test.mjs — the headers scripts/serve's server (scripts/static_server.mjs) sends for the built site,
// with real HTTP requests from node's http client on 127.0.0.1 (no browser): precompressed .br/.gz negotiation with
// q-values, Vary, validators and 304, Range and 416, 405 for other methods, cache lifetimes for hashed names and
// pages, and the security headers on every response, errors included (docs/site.md "Serving the site").
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, CONTENT_SECURITY_POLICY, startServer } from '../../scripts/static_server.mjs';
import { HASHED_ASSETS, HASHED_NAME, PAGE_MANIFEST_ID, readManifest } from '../../scripts/site_manifest.mjs';
import { siteDir } from './harness.mjs';

let served;
let manifest;
before(async () => {
  manifest = readManifest(siteDir);
  served = await startServer(siteDir, 0, '127.0.0.1');
});
after(() => new Promise((resolve) => served.server.close(resolve)));

// One request; resolves with status, headers and the raw (still encoded) body.
function fetchRaw(path, { method = 'GET', headers = {} } = {}) {
  const { port } = served.server.address();
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks),
        chunks: chunks.length }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const securityHeadersOf = (what, response) => {
  assert.equal(response.headers['content-security-policy'], CONTENT_SECURITY_POLICY, `${what}: Content-Security-Policy`);
  assert.equal(response.headers['x-content-type-options'], 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(response.headers['referrer-policy'], 'no-referrer', `${what}: Referrer-Policy`);
};
const fileBytes = (name) => readFileSync(join(siteDir, name));
const moduleName = () => manifest['chips.wasm'];

test('the build wrote hashed names, the manifest, the page map and .br/.gz siblings', () => {
  for (const logical of HASHED_ASSETS) {
    const published = manifest[logical];
    assert.match(published, HASHED_NAME, `asset-manifest.json: ${logical} → ${published} is not a hashed name`);
    assert.ok(existsSync(join(siteDir, published)), `${published} (for ${logical}) is missing from the site`);
    assert.ok(!existsSync(join(siteDir, logical)), `${logical} is still in the site under its own name`);
  }
  for (const page of ['index.html', 'zh-hans/index.html', 'zh-hant/index.html']) {
    const html = fileBytes(page).toString('utf8');
    const map = html.match(new RegExp(`<script type="application/json" id="${PAGE_MANIFEST_ID}">([^<]*)</script>`));
    assert.ok(map, `${page}: no #${PAGE_MANIFEST_ID} map`);
    assert.deepEqual(JSON.parse(map[1]), manifest, `${page}: the page's map differs from asset-manifest.json`);
  }
  for (const name of ['index.html', moduleName(), manifest['chips.js'], manifest['fonts/ui-sc.otf']]) {
    for (const suffix of ['.br', '.gz']) {
      assert.ok(existsSync(join(siteDir, name + suffix)), `${name}${suffix} was not written by scripts/precompress.mjs`);
    }
  }
});

test('every page of every tree names only files that exist (with ../ and ../../ prefixes resolved)', () => {
  const pages = ['index.html', 'embed.html', 'zh-hans/index.html', 'zh-hant/embed.html'];
  // One claim page and one embed card per tree: they name the files with ../ and ../../.
  for (const tree of ['', 'zh-hans/', 'zh-hant/']) {
    const claims = readdirSync(join(siteDir, tree, 'claims')).filter((name) => name.endsWith('.html'));
    const quote = claims[0].replace(/\.html$/, '');
    pages.push(`${tree}claims/${claims[0]}`, `${tree}embed/${quote}/0.html`);
  }
  for (const page of pages) {
    const html = fileBytes(page).toString('utf8');
    const references = [...html.matchAll(/\s(?:href|src)="((?:\.\.\/)*[^":?#]+\.(?:js|css|svg|wasm|otf))"/g)].map((m) => m[1]);
    // The style is inline (scripts/hash_assets.mjs); the icon is named by every page.
    assert.ok(references.length >= 1, `${page}: expected at least the icon, found ${references.join(', ')}`);
    for (const reference of references) {
      const resolved = new URL(reference, `http://site/${page}`).pathname.slice(1);
      assert.ok(existsSync(join(siteDir, resolved)), `${page}: ${reference} → ${resolved} does not exist`);
    }
  }
});

test('brotli or gzip as the client accepts them, q=0 refused, Vary on every variant, the logical Content-Type', async () => {
  const path = '/' + moduleName();
  const identity = fileBytes(moduleName());
  const cases = [
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['identity', undefined],
    ['*', 'br'],
    ['*;q=0, identity', undefined],
    ['', undefined],
  ];
  for (const [accept, expected] of cases) {
    const response = await fetchRaw(path, { headers: accept ? { 'Accept-Encoding': accept } : {} });
    const what = `GET ${path} with Accept-Encoding "${accept}"`;
    assert.equal(response.status, 200, `${what}: status`);
    assert.equal(response.headers['content-encoding'], expected, `${what}: Content-Encoding`);
    assert.equal(response.headers['content-type'], 'application/wasm', `${what}: Content-Type`);
    assert.equal(response.headers.vary, 'Accept-Encoding', `${what}: Vary`);
    const decoded = expected === 'br' ? brotliDecompressSync(response.body)
      : expected === 'gzip' ? gunzipSync(response.body) : response.body;
    assert.ok(decoded.equals(identity), `${what}: the decoded body is not chips.wasm`);
    if (expected) assert.ok(response.body.length < identity.length * 0.6, `${what}: ${response.body.length} bytes, not compressed`);
    assert.equal(Number(response.headers['content-length']), response.body.length, `${what}: Content-Length`);
    securityHeadersOf(what, response);
  }
  // Pages too: index.html in brotli is text/html.
  const page = await fetchRaw('/zh-hans/', { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(page.headers['content-encoding'], 'br', 'GET /zh-hans/ (br): Content-Encoding');
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8', 'GET /zh-hans/: Content-Type');
  assert.ok(brotliDecompressSync(page.body).equals(fileBytes('zh-hans/index.html')), 'GET /zh-hans/: body');
  // A file without siblings (a PNG) does not vary.
  const image = await fetchRaw('/og/site.png', { headers: { 'Accept-Encoding': 'br, gzip' } });
  assert.equal(image.status, 200, 'GET /og/site.png');
  assert.equal(image.headers['content-encoding'], undefined, 'GET /og/site.png: no encoding');
  assert.equal(image.headers.vary, undefined, 'GET /og/site.png: no Vary (nothing to negotiate)');
});

test('hashed names are immutable for a year; pages and unhashed files are revalidated', async () => {
  for (const logical of HASHED_ASSETS) {
    const response = await fetchRaw('/' + manifest[logical], { method: 'HEAD', headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(response.status, 200, `HEAD ${manifest[logical]}`);
    assert.equal(response.headers['cache-control'], CACHE_IMMUTABLE, `${manifest[logical]}: Cache-Control`);
    assert.equal(response.body.length, 0, `HEAD ${manifest[logical]}: a body was sent`);
  }
  for (const path of ['/', '/index.html', '/zh-hant/', '/embed.html', '/asset-manifest.json', '/embed-route.js',
    '/chips-and-claims-offline.html']) {
    const response = await fetchRaw(path);
    assert.equal(response.status, 200, `GET ${path}`);
    assert.equal(response.headers['cache-control'], CACHE_REVALIDATE, `${path}: Cache-Control`);
  }
  // The old, unhashed address is gone: a stale page cannot get a new module by accident.
  const old = await fetchRaw('/chips.wasm');
  assert.equal(old.status, 404, 'GET /chips.wasm (unhashed) should be 404 now');
});

test('ETag and Last-Modified; If-None-Match and If-Modified-Since give 304 with the same headers', async () => {
  for (const [path, encoding] of [['/' + moduleName(), 'br'], ['/index.html', 'gzip'], ['/og/site.png', '']]) {
    const headers = encoding ? { 'Accept-Encoding': encoding } : {};
    const first = await fetchRaw(path, { headers });
    assert.ok(first.headers.etag, `${path}: no ETag`);
    assert.ok(first.headers['last-modified'], `${path}: no Last-Modified`);
    const again = await fetchRaw(path, { headers: { ...headers, 'If-None-Match': first.headers.etag } });
    assert.equal(again.status, 304, `${path} with If-None-Match: status`);
    assert.equal(again.body.length, 0, `${path} 304: body`);
    assert.equal(again.headers.etag, first.headers.etag, `${path} 304: ETag`);
    assert.equal(again.headers['cache-control'], first.headers['cache-control'], `${path} 304: Cache-Control`);
    securityHeadersOf(`${path} 304`, again);
    const since = await fetchRaw(path, { headers: { ...headers, 'If-Modified-Since': first.headers['last-modified'] } });
    assert.equal(since.status, 304, `${path} with If-Modified-Since: status`);
    const changed = await fetchRaw(path, { headers: { ...headers, 'If-None-Match': '"something-else"' } });
    assert.equal(changed.status, 200, `${path} with a stale ETag: status`);
  }
  // Each encoding is its own representation with its own ETag (a cache must not mix them).
  const br = await fetchRaw('/' + moduleName(), { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
  const plain = await fetchRaw('/' + moduleName(), { method: 'HEAD' });
  assert.notEqual(br.headers.etag, plain.headers.etag, 'chips.wasm: br and identity share an ETag');
});

test('Range requests: 206 with Content-Range, 416 past the end (with the security headers)', async () => {
  const path = '/' + moduleName();
  const bytes = fileBytes(moduleName());
  const part = await fetchRaw(path, { headers: { Range: 'bytes=8-107' } });
  assert.equal(part.status, 206, `${path} Range 8-107: status`);
  assert.equal(part.headers['content-range'], `bytes 8-107/${bytes.length}`, `${path}: Content-Range`);
  assert.ok(part.body.equals(bytes.subarray(8, 108)), `${path}: the range's bytes`);
  assert.equal(part.headers['accept-ranges'], 'bytes', `${path}: Accept-Ranges`);
  const tail = await fetchRaw(path, { headers: { Range: 'bytes=-4' } });
  assert.ok(tail.body.equals(bytes.subarray(bytes.length - 4)), `${path} Range -4: the last bytes`);
  const beyond = await fetchRaw(path, { headers: { Range: `bytes=${bytes.length + 10}-` } });
  assert.equal(beyond.status, 416, `${path} Range past the end: status`);
  assert.equal(beyond.headers['content-range'], `bytes */${bytes.length}`, `${path} 416: Content-Range`);
  securityHeadersOf(`${path} 416`, beyond);
  // If-Range with a stale validator: the whole file, not a part of another version.
  const stale = await fetchRaw(path, { headers: { Range: 'bytes=0-9', 'If-Range': '"old"' } });
  assert.equal(stale.status, 200, `${path} If-Range stale: status`);
  assert.equal(stale.body.length, bytes.length, `${path} If-Range stale: whole body`);
});

test('405 with Allow for every method but GET and HEAD; errors carry the security headers and no cache', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
    const response = await fetchRaw('/index.html', { method });
    assert.equal(response.status, 405, `${method} /index.html: status`);
    assert.equal(response.headers.allow, 'GET, HEAD', `${method}: Allow`);
    assert.equal(response.headers['cache-control'], 'no-store', `${method}: Cache-Control`);
    assert.ok(!response.body.includes('<html'), `${method}: the page was sent`);
    securityHeadersOf(`${method} /index.html`, response);
  }
  for (const [path, status] of [['/no-such-file.html', 404], ['/%2e%2e/package.json', 403], ['/..%2fpackage.json', 403],
    ['/.git/config', 404], ['/%E0%A4%A', 400], ['/zh-hans', 404]]) {
    const response = await fetchRaw(path);
    assert.ok(response.status === status || (status === 403 && response.status === 404),
      `GET ${path}: status ${response.status}, expected ${status}`);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8', `GET ${path}: Content-Type`);
    assert.ok(!/package|"name"/.test(response.body.toString()), `GET ${path}: a file outside the site was sent`);
    securityHeadersOf(`GET ${path}`, response);
  }
});

test('a large file is streamed in chunks, not sent as one buffer', async () => {
  const response = await fetchRaw('/' + moduleName());
  // 16 KiB reads (STREAM_CHUNK_BYTES): a 1 MB module arrives in many chunks.
  assert.ok(response.chunks > 8, `GET chips.wasm arrived in ${response.chunks} chunk(s)`);
});
