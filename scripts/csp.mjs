// scripts/csp.mjs — the site's Content-Security-Policy, in one place: the header scripts/static_server.mjs sends, the
// <meta> every built page carries (scripts/hash_assets.mjs writes it), and the header lines for nginx and Caddy that
// the build writes next to the site (build/wasm/deploy/, included by deploy/). docs/site.md "Serving the site".
//
// The pages carry site/style.css inline, in a <style> element (the first paint then waits for no stylesheet
// request), so style-src allows exactly that text by its SHA-256 and nothing else inline. The hash is of the
// repository's site/style.css, which the build copies byte for byte: a change to the style is a change of policy,
// and header and <meta> follow it together from this file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STYLE_SOURCE = join(repoRoot, 'site', 'style.css');

// 'sha256-…' of a text as CSP writes it (the bytes of its UTF-8 encoding).
export const cspHash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The policy. Only what the page needs: its own scripts, wasm compilation, its own fonts/images, its one inline
// style. frame-ancestors * because embed.html is made to be framed by articles on any site; a <meta> cannot carry
// frame-ancestors (browsers ignore it there), so the meta's policy is the header's without it.
export function contentSecurityPolicy({ styleHashes, header }) {
  const directives = [
    "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", ['style-src', "'self'", ...styleHashes].join(' '),
    "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
    "form-action 'none'",
  ];
  if (header) directives.push('frame-ancestors *');
  return directives.join('; ');
}

// The policy for pages whose inline style is `css` (the build passes the file it inlines; the server reads the
// repository's, which is the same bytes).
export function sitePolicies(css = readFileSync(STYLE_SOURCE, 'utf8')) {
  const styleHashes = [cspHash(css)];
  return { header: contentSecurityPolicy({ styleHashes, header: true }), meta: contentSecurityPolicy({ styleHashes, header: false }) };
}

// The header lines for the deploy/ configurations (they include these files, written by the build).
export function deploySnippets(headerPolicy) {
  if (headerPolicy.includes('"')) throw new Error(`csp: a policy with a double quote cannot be written for nginx/Caddy: ${headerPolicy}`);
  return {
    'chips-and-claims-csp.conf': '# Written by the build (scripts/csp.mjs): the Content-Security-Policy header, with the hash of the\n' +
      '# style every page carries inline. Install as /etc/nginx/snippets/chips-and-claims-csp.conf with each new build.\n' +
      `add_header Content-Security-Policy "${headerPolicy}" always;\n`,
    'chips-and-claims-csp.caddy': '# Written by the build (scripts/csp.mjs): the Content-Security-Policy header, with the hash of the\n' +
      '# style every page carries inline. Install as /etc/caddy/chips-and-claims-csp.caddy with each new build.\n' +
      `header Content-Security-Policy "${headerPolicy}"\n`,
  };
}
