// bench/load.mjs — the static server under a burst, and every header it must send: 1,000 parallel requests for the
// module against the server scripts/serve runs (scripts/static_server.mjs in its own process, on 127.0.0.1), with
// latency percentiles, the server's memory before, at its peak and after, and small-file latency during the burst;
// then the probes of scripts/server_probes.mjs as a table. Findings, not gates: targets are marked ok/MISSED and the
// exit code is 0 whenever the server could be measured (1 when it could not start or the site is not built).
//
//   node bench/load.mjs [--site build/wasm/site] [--requests 1000] [--burst-seconds 60] [--settle-seconds 30]
//                       [--out artifacts/bench]
//   (bash scripts/bench --load runs only this; bash scripts/bench runs it after the page measurements)
//
// Bounded: loopback only, a fixed number of requests per burst, each burst cut off after --burst-seconds (requests
// still open then are destroyed and counted as timeouts), at most --settle-seconds of waiting for the memory to come
// back after each, the server stopped by its pid at the end.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { formatTable, probeTable, runProbe, serverProbes } from '../scripts/server_probes.mjs';
import { readManifest } from '../scripts/site_manifest.mjs';
import { startServerProcess } from './server_process.mjs';
import { argument, repoRoot } from './args.mjs';

const siteDir = resolve(repoRoot, argument('--site', 'build/wasm/site'));
const REQUESTS = Number(argument('--requests', 1000));
const BURST_SECONDS = Number(argument('--burst-seconds', 60));
const OUT_DIR = resolve(repoRoot, argument('--out', 'artifacts/bench'));
const SMALL_REQUESTS = 20; // page requests sent while the burst is in flight: what another reader would wait
const SETTLE_SECONDS = Number(argument('--settle-seconds', 30));
// The memory bound: 32 MB that any burst costs (V8's young generation grows to its largest under a burst's allocation
// rate), plus, per open response, one 16 KiB file-stream chunk, what the socket has buffered and the connection's
// objects (request, response, parser): 128 KiB each is generous. The old server read every file whole and held every
// body at once: 1 GB at 1,000 requests. Both targets are against the idle server before the first
// burst. What a burst leaves is garbage until V8 collects it (its memory reducer ran 10–30 s later in our runs) and
// pages V8 and the C allocator keep for reuse; so "after" is polled until it is back within FREED_WITHIN_BYTES of
// idle (or --settle-seconds pass), and a third burst shows whether kept memory is reused (its peak no higher than the
// first burst's) or grows from burst to burst.
const BURST_BYTES = 32 * 1024 * 1024;
const BYTES_PER_OPEN_RESPONSE = 128 * 1024;
const FREED_WITHIN_BYTES = 32 * 1024 * 1024;

// [SECTION] The server's memory (Linux /proc)
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number((new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status) || [])[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}
// Writing 5 to clear_refs resets VmHWM (the kernel's peak RSS), so each burst's peak is its own.
function resetPeak(pid) {
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); return true; } catch { return false; }
}
const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

// [SECTION] One timed request: resolves {ok, status, bytes, firstByteMs, totalMs, error}
function timedRequest(agent, baseUrl, path, headers, expectedBytes, deadline) {
  const start = performance.now();
  return new Promise((resolveRequest) => {
    let firstByteMs = NaN;
    let bytes = 0;
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      resolveRequest({ firstByteMs, totalMs: performance.now() - start, bytes, ...result });
    };
    const url = new URL(path, baseUrl);
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers, agent }, (response) => {
      firstByteMs = performance.now() - start;
      response.on('data', (chunk) => { bytes += chunk.length; });
      response.on('end', () => finish({ status: response.statusCode,
        ok: response.statusCode === 200 && bytes === expectedBytes,
        error: bytes === expectedBytes ? '' : `${bytes} of ${expectedBytes} bytes` }));
      response.on('error', (error) => finish({ ok: false, status: response.statusCode, error: error.message }));
      response.on('close', () => finish({ ok: false, status: response.statusCode, error: 'cut off' }));
    });
    const timer = setTimeout(() => outgoing.destroy(new Error('timeout')), Math.max(0, deadline - Date.now()));
    outgoing.on('close', () => clearTimeout(timer));
    outgoing.on('error', (error) => finish({ ok: false, status: 0, error: error.message }));
    outgoing.end();
  });
}

const percentile = (values, fraction) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
};

// [SECTION] A burst: REQUESTS parallel requests for one file, SMALL_REQUESTS for the page once they are all sent
async function burst(server, idleRss, { name, path, headers, bytes, smallPath, smallBytes, repeatOf }) {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const deadline = Date.now() + BURST_SECONDS * 1000;
  const memoryBefore = memoryOf(server.child.pid);
  const peakReset = resetPeak(server.child.pid);
  let sampledPeak = memoryBefore.rss;
  const sampler = setInterval(() => {
    try { sampledPeak = Math.max(sampledPeak, memoryOf(server.child.pid).rss); } catch { /* exited */ }
  }, 20);
  const started = performance.now();
  const module = Array.from({ length: REQUESTS }, () => timedRequest(agent, server.url, path, headers, bytes, deadline));
  const small = Array.from({ length: SMALL_REQUESTS },
    () => timedRequest(agent, server.url, smallPath, headers, smallBytes, deadline));
  const results = await Promise.all(module);
  const wallMs = performance.now() - started;
  const smallResults = await Promise.all(small);
  clearInterval(sampler);
  const memoryAtEnd = memoryOf(server.child.pid);
  agent.destroy();
  const settleStart = performance.now();
  let memoryAfter = memoryOf(server.child.pid);
  while (memoryAfter.rss > idleRss + FREED_WITHIN_BYTES && performance.now() - settleStart < SETTLE_SECONDS * 1000) {
    await sleep(500);
    memoryAfter = memoryOf(server.child.pid);
  }
  const settleMs = performance.now() - settleStart;
  const failed = results.filter((result) => !result.ok);
  return {
    name, path, requests: REQUESTS, wallMs, bytesEach: bytes, repeatOf,
    ok: results.length - failed.length, failed: failed.length,
    failures: [...new Set(failed.map((result) => result.error || `HTTP ${result.status}`))].slice(0, 5),
    p50Ms: percentile(results.map((r) => r.totalMs), 0.5), p99Ms: percentile(results.map((r) => r.totalMs), 0.99),
    maxMs: percentile(results.map((r) => r.totalMs), 1), firstByteP99Ms: percentile(results.map((r) => r.firstByteMs), 0.99),
    smallPath, smallOk: smallResults.filter((r) => r.ok).length, smallP50Ms: percentile(smallResults.map((r) => r.totalMs), 0.5),
    smallMaxMs: percentile(smallResults.map((r) => r.totalMs), 1),
    rssBefore: memoryBefore.rss, rssPeak: Math.max(sampledPeak, peakReset ? memoryAtEnd.peak : 0), rssAfter: memoryAfter.rss,
    rssAtEnd: memoryAtEnd.rss, settleMs,
    peakSource: peakReset ? 'kernel VmHWM, reset before the burst' : 'sampled every 20 ms',
  };
}

// [SECTION] Report
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : 'n/a');

async function main() {
  let manifest;
  try {
    manifest = readManifest(siteDir);
  } catch (error) {
    console.error(`load: ${error.message}`);
    process.exit(1);
  }
  const modulePath = `/${manifest['chips.wasm']}`;
  const moduleFile = join(siteDir, manifest['chips.wasm']);
  const size = (path) => statSync(path).size;
  const server = await startServerProcess(siteDir).catch((error) => {
    console.error(`load: ${error.message}`);
    process.exit(1);
  });
  const stop = () => { try { server.close(); } catch { /* already gone */ } };
  process.once('SIGINT', () => { stop(); process.exit(130); });
  const bursts = [];
  let probes, idle;
  try {
    await sleep(300);
    idle = memoryOf(server.child.pid);
    process.stderr.write(`load: server pid ${server.child.pid}, ${mb(idle.rss)} idle; ${REQUESTS} parallel requests ` +
      `for ${modulePath}\n`);
    const browser = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };
    const brotli = { name: 'module, brotli (what browsers get)', path: modulePath, headers: browser,
      bytes: size(moduleFile + '.br'), smallPath: '/index.html', smallBytes: size(join(siteDir, 'index.html.br')) };
    bursts.push(await burst(server, idle.rss, brotli));
    bursts.push(await burst(server, idle.rss, { name: 'module, identity (largest body)', path: modulePath, headers: {},
      bytes: size(moduleFile), smallPath: '/index.html', smallBytes: size(join(siteDir, 'index.html')) }));
    bursts.push(await burst(server, idle.rss, { ...brotli, name: 'module, brotli, third burst', repeatOf: 0 }));
    probes = [];
    for (const probe of serverProbes(siteDir)) probes.push(await runProbe(server.url, probe));
  } finally {
    stop();
  }

  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  const rows = [];
  for (const b of bursts) {
    const bound = idle.rss + BURST_BYTES + REQUESTS * BYTES_PER_OPEN_RESPONSE;
    const freed = idle.rss + FREED_WITHIN_BYTES;
    rows.push([b.name, 'requests answered in full', `${b.ok} of ${b.requests}` +
      (b.failed ? ` (${b.failures.join('; ')})` : ''), `all ${b.requests}`, verdict(b.failed === 0)]);
    rows.push([b.name, 'latency p50 / p99 / max', `${ms(b.p50Ms)} / ${ms(b.p99Ms)} / ${ms(b.maxMs)}`,
      '', '']);
    rows.push([b.name, 'time to first byte, p99', ms(b.firstByteP99Ms), '', '']);
    rows.push([b.name, 'whole burst (wall)', `${ms(b.wallMs)}, ${mb((b.bytesEach * b.ok) / (b.wallMs / 1000))}/s`, '', '']);
    rows.push([b.name, `${SMALL_REQUESTS} × ${b.smallPath} during the burst, p50 / max`,
      `${ms(b.smallP50Ms)} / ${ms(b.smallMaxMs)} (${b.smallOk} ok)`, '', '']);
    rows.push([b.name, 'server RSS before → peak', `${mb(b.rssBefore)} → ${mb(b.rssPeak)} (${b.peakSource})`,
      `≤ ${mb(bound)} (idle + 32 MB + ${REQUESTS} × 128 KiB)`, verdict(b.rssPeak <= bound)]);
    rows.push([b.name, 'server RSS at the end → after', `${mb(b.rssAtEnd)} → ${mb(b.rssAfter)} after ${ms(b.settleMs)}`,
      `≤ ${mb(freed)} (idle + 32 MB) within ${SETTLE_SECONDS} s`, verdict(b.rssAfter <= freed)]);
    if (b.repeatOf !== undefined) {
      const first = bursts[b.repeatOf];
      rows.push([b.name, 'peak against the first burst\'s', `${mb(b.rssPeak)} vs ${mb(first.rssPeak)}`,
        `≤ ${mb(first.rssPeak + FREED_WITHIN_BYTES)} (no growth)`, verdict(b.rssPeak <= first.rssPeak + FREED_WITHIN_BYTES)]);
    }
  }
  const loadTable = formatTable(['burst', 'measure', 'value', 'target', ''], rows);
  const passed = probes.filter((p) => !p.problems.length).length;
  const text = `Static server under load (${REQUESTS} parallel requests per burst, loopback; server idle at ` +
    `${mb(idle.rss)} RSS)\n\n${loadTable}\n\n` +
    `Headers (scripts/server_probes.mjs): ${passed} of ${probes.length} as expected\n\n${probeTable(probes)}\n`;
  process.stdout.write(text);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'load.md'), text);
  writeFileSync(join(OUT_DIR, 'load.json'), JSON.stringify({ requests: REQUESTS, idleRss: idle.rss, bursts, probes }, null, 2) + '\n');
  process.stderr.write(`load: table and samples in ${join(OUT_DIR, 'load.{md,json}')}\n`);
}

main().catch((error) => { console.error(`load: ${error.stack || error.message}`); process.exit(1); });
