// bench/args.mjs — what every bench script reads from its command line: `--name value` pairs and the repo root.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The value after `--name` on the command line, or `fallback` when the flag is absent.
export function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
}
