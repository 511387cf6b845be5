// scripts/server_probes.mjs — what the static server must answer, as probes against a running server: one list,
// asserted by tests/e2e/server.test.mjs, printed as a table by the load test (bench/load.mjs), and runnable against
// any host that serves the built site (docs/site.md, "Serving the site", says why each header matters). Each probe
// sends raw HTTP/1.1 requests (node:http, so no client adds or decodes anything) and compares with the files on disk.
//
//   node scripts/server_probes.mjs --url http://127.0.0.1:8080/ [--site build/wasm/site]   (exit 1 on a problem)
//   const probes = serverProbes(siteDir); for (const probe of probes) await runProbe(baseUrl, probe)
//   → {name, expected, seen, problems: [] when the server did what it should}
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readManifest } from './site_manifest.mjs';
import { ALLOWED_METHODS, CACHE_IMMUTABLE, CACHE_REVALIDATE, CONTENT_SECURITY_POLICY } from './static_server.mjs';

const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd'; // what Chromium sends

// One request; resolves {status, headers (lower-case names), body: Buffer}. `path` is sent exactly as given.
export function rawRequest(baseUrl, { method = 'GET', path, headers = {} }, timeoutMs = 10000) {
  const base = new URL(baseUrl);
  return new Promise((resolveResponse, rejectResponse) => {
    const outgoing = httpRequest({ host: base.hostname, port: base.port, method, path, headers, agent: false },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolveResponse({ status: response.statusCode, headers: response.headers,
          body: Buffer.concat(chunks) }));
        response.on('error', rejectResponse);
      });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)));
    outgoing.on('error', rejectResponse);
    outgoing.end();
  });
}

// [SECTION] Checks on one response; each returns a problem text or null.
const header = (response, name) => response.headers[name.toLowerCase()];
function expectStatus(response, status) {
  const wanted = [].concat(status);
  return wanted.includes(response.status) ? null : `status ${response.status}, expected ${wanted.join(' or ')}`;
}
function expectHeader(response, name, expected) {
  const value = header(response, name);
  const ok = expected instanceof RegExp ? expected.test(value || '') : value === expected;
  return ok ? null : `${name}: ${value === undefined ? '(absent)' : JSON.stringify(value)}, expected ${expected}`;
}
function expectNoHeader(response, name) {
  const value = header(response, name);
  return value === undefined ? null : `${name}: ${JSON.stringify(value)}, expected none`;
}
function expectBody(response, expected, what) {
  return response.body.equals(expected) ? null
    : `body: ${response.body.length} bytes that differ from ${what} (${expected.length} bytes)`;
}
const securityHeaders = (response) => [expectHeader(response, 'Content-Security-Policy', CONTENT_SECURITY_POLICY),
  expectHeader(response, 'X-Content-Type-Options', 'nosniff'), expectHeader(response, 'Referrer-Policy', 'no-referrer')];
const describe = (response) => [`${response.status}`, ...['content-encoding', 'cache-control', 'vary', 'content-range',
  'allow', 'etag'].filter((name) => header(response, name)).map((name) => `${name}: ${header(response, name)}`),
`${response.body.length} B`].join('; ');

// [SECTION] The probes
export function serverProbes(siteDir) {
  const manifest = readManifest(siteDir);
  const moduleName = manifest['chips.wasm'];
  const modulePath = `/${moduleName}`;
  const moduleBytes = readFileSync(join(siteDir, moduleName));
  const moduleSize = statSync(join(siteDir, moduleName)).size;
  // Text only the page has (its <title>): an error body or a refused path must not carry it.
  const pageTitle = /<title>[^<]*<\/title>/.exec(readFileSync(join(siteDir, 'index.html'), 'utf8'))[0];
  const carriesPage = (response) => (response.body.includes(pageTitle) ? `body: a page (${pageTitle})` : null);
  const get = (path, headers = {}) => ({ method: 'GET', path, headers });
  const probes = [];
  const probe = (name, expected, run) => probes.push({ name, expected, run });

  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH']) {
    probe(`${method} refused`, `405, Allow: ${ALLOWED_METHODS.join(', ')}, security headers, no file`, async (send) => {
      const response = await send({ method, path: '/index.html', headers: { 'Content-Length': '0' } });
      return [response, [expectStatus(response, 405), expectHeader(response, 'Allow', ALLOWED_METHODS.join(', ')),
        ...securityHeaders(response), carriesPage(response)]];
    });
  }
  probe('gzip;q=0 gets identity', 'no Content-Encoding, the raw module', async (send) => {
    const response = await send(get(modulePath, { 'Accept-Encoding': 'gzip;q=0' }));
    return [response, [expectStatus(response, 200), expectNoHeader(response, 'Content-Encoding'),
      expectBody(response, moduleBytes, moduleName)]];
  });
  probe('br;q=0, gzip;q=0, identity gets identity', 'no Content-Encoding', async (send) => {
    const response = await send(get(modulePath, { 'Accept-Encoding': 'br;q=0, gzip;q=0, identity' }));
    return [response, [expectStatus(response, 200), expectNoHeader(response, 'Content-Encoding')]];
  });
  probe('browser encodings get brotli', 'Content-Encoding: br, decodes to the module', async (send) => {
    const response = await send(get(modulePath, { 'Accept-Encoding': BROWSER_ENCODINGS }));
    const problems = [expectStatus(response, 200), expectHeader(response, 'Content-Encoding', 'br')];
    if (!problems.some(Boolean)) problems.push(expectBody({ body: brotliDecompressSync(response.body) }, moduleBytes, moduleName));
    return [response, problems];
  });
  probe('q-values honoured: br;q=0.5, gzip', 'Content-Encoding: gzip, decodes to the module', async (send) => {
    const response = await send(get(modulePath, { 'Accept-Encoding': 'br;q=0.5, gzip' }));
    const problems = [expectStatus(response, 200), expectHeader(response, 'Content-Encoding', 'gzip')];
    if (!problems.some(Boolean)) problems.push(expectBody({ body: gunzipSync(response.body) }, moduleBytes, moduleName));
    return [response, problems];
  });
  probe('Vary on the module and the page', 'Vary: Accept-Encoding on both', async (send) => {
    const module = await send(get(modulePath, { 'Accept-Encoding': BROWSER_ENCODINGS }));
    const page = await send(get('/index.html'));
    return [module, [expectHeader(module, 'Vary', /accept-encoding/i), expectHeader(page, 'Vary', /accept-encoding/i)]];
  });
  probe('module served as application/wasm', 'Content-Type: application/wasm (streaming compilation)', async (send) => {
    const response = await send(get(modulePath, { 'Accept-Encoding': BROWSER_ENCODINGS }));
    return [response, [expectHeader(response, 'Content-Type', 'application/wasm')]];
  });
  probe('ETag revalidation', '200 with ETag and Last-Modified, then 304 without a body', async (send) => {
    const first = await send(get(modulePath, { 'Accept-Encoding': BROWSER_ENCODINGS }));
    const etag = header(first, 'ETag');
    if (!etag || !header(first, 'Last-Modified')) return [first, ['ETag or Last-Modified absent']];
    const again = await send(get(modulePath, { 'Accept-Encoding': BROWSER_ENCODINGS, 'If-None-Match': etag }));
    return [again, [expectStatus(again, 304), again.body.length ? `304 with ${again.body.length} body bytes` : null,
      expectHeader(again, 'ETag', etag), expectHeader(again, 'Cache-Control', CACHE_IMMUTABLE)]];
  });
  probe('Last-Modified revalidation', 'If-Modified-Since → 304', async (send) => {
    const first = await send(get('/index.html'));
    const again = await send(get('/index.html', { 'If-Modified-Since': header(first, 'Last-Modified') || '' }));
    return [again, [expectStatus(again, 304)]];
  });
  probe('Range bytes=100-199', `206, Content-Range: bytes 100-199/${moduleSize}, those bytes`, async (send) => {
    const response = await send(get(modulePath, { Range: 'bytes=100-199' }));
    return [response, [expectStatus(response, 206), expectHeader(response, 'Content-Range', `bytes 100-199/${moduleSize}`),
      expectBody(response, moduleBytes.subarray(100, 200), `${moduleName} bytes 100-199`)]];
  });
  probe('Range suffix bytes=-64', `206, the last 64 bytes`, async (send) => {
    const response = await send(get(modulePath, { Range: 'bytes=-64' }));
    return [response, [expectStatus(response, 206),
      expectHeader(response, 'Content-Range', `bytes ${moduleSize - 64}-${moduleSize - 1}/${moduleSize}`),
      expectBody(response, moduleBytes.subarray(moduleSize - 64), `the last 64 bytes of ${moduleName}`)]];
  });
  probe('Range past the end', `416, Content-Range: bytes */${moduleSize}, security headers`, async (send) => {
    const response = await send(get(modulePath, { Range: `bytes=${moduleSize}-` }));
    return [response, [expectStatus(response, 416), expectHeader(response, 'Content-Range', `bytes */${moduleSize}`),
      ...securityHeaders(response)]];
  });
  probe('404 carries the security headers', '404, CSP, nosniff, no-referrer, not kept by caches', async (send) => {
    const response = await send(get('/no-such-file.html'));
    return [response, [expectStatus(response, 404), ...securityHeaders(response),
      expectHeader(response, 'Cache-Control', /^no-(store|cache)$/)]];
  });
  for (const logicalName of Object.keys(manifest)) {
    probe(`${logicalName} immutable`, `${manifest[logicalName]}: Cache-Control: ${CACHE_IMMUTABLE}`, async (send) => {
      const response = await send({ method: 'HEAD', path: `/${manifest[logicalName]}` });
      return [response, [expectStatus(response, 200), expectHeader(response, 'Cache-Control', CACHE_IMMUTABLE)]];
    });
  }
  for (const page of ['/', '/index.html', '/embed.html', '/chips-and-claims-offline.html']) {
    probe(`${page} revalidated`, `Cache-Control: ${CACHE_REVALIDATE}, security headers`, async (send) => {
      const response = await send({ method: 'HEAD', path: page });
      return [response, [expectStatus(response, 200), expectHeader(response, 'Cache-Control', CACHE_REVALIDATE),
        ...securityHeaders(response)]];
    });
  }
  // The build folder next to the site (build/wasm/site-stage) really exists: a server that follows `..` serves it.
  for (const path of ['/../site-stage/index.html', '/%2e%2e/site-stage/index.html', '/..%2fsite-stage%2findex.html',
    '/fonts/..%5c..%5csite-stage%5cindex.html', '/..%252fsite-stage/index.html', '/index.html%00.txt']) {
    probe(`path refused: ${path}`, '400, 403 or 404 with the security headers, no page', async (send) => {
      const response = await send(get(path));
      return [response, [expectStatus(response, [400, 403, 404]), ...securityHeaders(response),
        carriesPage(response)]];
    });
  }
  return probes;
}

// A plain-text table: header cells, then rows of cells, columns padded to their widest cell.
export function formatTable(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => '| ' + cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ') + ' |';
  return [line(header), '|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

export const probeTable = (results) => formatTable(['header check', 'expected', 'seen', ''], results.map((result) =>
  [result.name, result.expected, result.problems.length ? `${result.seen} — ${result.problems.join('; ')}` : result.seen,
    result.problems.length ? 'MISSED' : 'ok']));

export async function runProbe(baseUrl, probe) {
  try {
    const [response, problems] = await probe.run((options) => rawRequest(baseUrl, options));
    return { name: probe.name, expected: probe.expected, seen: describe(response), problems: problems.filter(Boolean) };
  } catch (error) {
    return { name: probe.name, expected: probe.expected, seen: 'no answer', problems: [error.message] };
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (name, fallback) => {
    const index = process.argv.indexOf(name);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const url = argument('--url');
  if (!url) {
    console.error('usage: server_probes.mjs --url http://HOST:PORT/ [--site build/wasm/site]');
    process.exit(2);
  }
  const results = [];
  for (const probe of serverProbes(argument('--site', 'build/wasm/site'))) results.push(await runProbe(url, probe));
  const missed = results.filter((result) => result.problems.length).length;
  console.log(`${probeTable(results)}\n${results.length - missed} of ${results.length} as expected`);
  process.exit(missed ? 1 : 0);
}
