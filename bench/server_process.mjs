// bench/server_process.mjs — the static server (scripts/static_server.mjs) in its own process on 127.0.0.1, as
// `bash scripts/serve` runs it, for the bench (bench/measure.mjs, bench/load.mjs). Resolves {child, url, close} once
// it prints its address; close() stops it by its pid.
//
// Why a process of its own: in the bench's process the server shared one event loop with the browser driver's
// protocol traffic, which delayed every response of the page that fetches more files (the app's first frame measured
// ~70 ms later than with a separate server, the baseline's barely changed); and the load test reads its memory.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function startServerProcess(root) {
  return new Promise((resolveStart, rejectStart) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/static_server.mjs'), '--root', root, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolveStart({ child, url: match[1], close: () => child.kill() });
    });
    child.once('exit', (code) => rejectStart(new Error(`static server exited (${code}) before serving`)));
    child.once('error', rejectStart);
  });
}
