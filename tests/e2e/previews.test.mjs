// tests/e2e/previews.test.mjs — link previews: every page of the built site carries Open Graph and Twitter card tags
// (og:title, og:description, og:image, og:url, og:locale, twitter:card=summary_large_image) and hreflang links; every
// image they name exists and is a 1200 × 630 PNG that decodes; each quote's share link (claims/<id>.html) is titled
// with the claim, described by its verdict and reason, and links into the app. Reads the files as a host serves them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';
import { siteDir } from './harness.mjs';
import { bookReason, LANGUAGES, quotesWithClaims, tr, VERDICTS } from './site_languages.mjs';

const decode = (text) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');
// <meta property|name="…" content="…"> and <link rel="alternate" hreflang="…" href="…"> of one page.
function headTags(html) {
  const meta = {};
  for (const [, key, content] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) {
    (meta[key] ||= []).push(decode(content));
  }
  const alternates = Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)]
    .map(([, lang, href]) => [lang, decode(href)]));
  return { meta, alternates };
}

// Width, height and a full decode of the pixel data (8-bit RGB rows with a filter byte each).
function pngFacts(file) {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n', `${file}: not a PNG`);
  let at = 8;
  const idat = [];
  let header;
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], color: data[9] };
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const pixels = inflateSync(Buffer.concat(idat));
  return { ...header, decodedBytes: pixels.length, bytes: bytes.length };
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath || entry.path, entry.name)));
}

const siteUrl = headTags(readFileSync(join(siteDir, 'index.html'), 'utf8')).alternates['x-default'];

test('every page carries the link-preview tags; every image exists and is a 1200 × 630 PNG', () => {
  assert.match(siteUrl || '', /^https?:\/\/.+\/$/, `index.html: x-default is ${siteUrl}`);
  const pages = htmlFiles(siteDir).filter((path) => !path.endsWith('chips-and-claims-offline.html'));
  const images = new Map();
  const problems = [];
  for (const path of pages) {
    const { meta, alternates } = headTags(readFileSync(join(siteDir, path), 'utf8'));
    for (const key of ['og:title', 'og:description', 'og:image', 'og:url', 'og:locale', 'twitter:card', 'twitter:image']) {
      if (!meta[key] || meta[key].length !== 1 || !meta[key][0].trim()) problems.push(`${path}: ${key} is ${JSON.stringify(meta[key])}`);
    }
    if (meta['twitter:card']?.[0] !== 'summary_large_image') problems.push(`${path}: twitter:card ${meta['twitter:card']}`);
    if (meta['og:image:width']?.[0] !== '1200' || meta['og:image:height']?.[0] !== '630') problems.push(`${path}: og:image size tags`);
    for (const lang of [...LANGUAGES.map((entry) => entry.code), 'x-default']) {
      const href = alternates[lang];
      if (!href || !href.startsWith(siteUrl)) { problems.push(`${path}: hreflang ${lang} is ${href}`); continue; }
      const target = href.slice(siteUrl.length);
      if (!existsSync(join(siteDir, target.endsWith('/') || target === '' ? target + 'index.html' : target))) {
        problems.push(`${path}: hreflang ${lang} names ${href}, which the build did not write`);
      }
    }
    const image = meta['og:image']?.[0] || '';
    if (!image.startsWith(siteUrl)) { problems.push(`${path}: og:image ${image} is not on ${siteUrl}`); continue; }
    if (meta['twitter:image']?.[0] !== image) problems.push(`${path}: twitter:image differs from og:image`);
    images.set(image.slice(siteUrl.length), path);
  }
  for (const [image, usedBy] of images) {
    const file = join(siteDir, image);
    if (!existsSync(file)) { problems.push(`${usedBy}: og:image ${image} does not exist`); continue; }
    const png = pngFacts(file);
    if (png.width !== 1200 || png.height !== 630) problems.push(`${image}: ${png.width} × ${png.height}`);
    if (png.decodedBytes !== (1 + 1200 * 3) * 630 || png.depth !== 8 || png.color !== 2) {
      problems.push(`${image}: does not decode as 8-bit RGB (${png.decodedBytes} bytes)`);
    }
  }
  const quotes = quotesWithClaims();
  const claims = quotes.reduce((sum, quote) => sum + quote.claims.length, 0);
  // Per language: the full page, the embed router, the ledger, a claim page per quote and an embed card per claim.
  assert.equal(pages.length, LANGUAGES.length * (3 + quotes.length + claims), `pages: ${pages.length}`);
  assert.equal(images.size, LANGUAGES.length * (1 + quotes.length), `distinct preview images: ${images.size}`);
  console.log(`link previews: ${pages.length} pages, ${images.size} images, all 1200 × 630`);
  assert.deepEqual(problems, [], `link previews:\n${problems.join('\n')}`);
});

test('a quote\'s share link: titled with the claim, described by its verdict and reason, linking into the app', () => {
  const problems = [];
  for (const { code, tree } of LANGUAGES) {
    const labels = VERDICTS.map((verdict) => tr(`verdict.${verdict}`, code));
    for (const quote of quotesWithClaims()) {
      const path = `${tree}claims/${quote.id}.html`;
      const html = readFileSync(join(siteDir, path), 'utf8');
      const { meta } = headTags(html);
      const title = meta['og:title'][0];
      const claimText = code === 'en' ? quote.translation.en : quote.text;
      if (!title.startsWith(`“${[...claimText].slice(0, 40).join('')}`)) problems.push(`${path}: og:title "${title}"`);
      const description = meta['og:description'][0];
      const label = labels.find((candidate) => description.startsWith(candidate + (code === 'en' ? ': ' : '：')));
      if (!label) problems.push(`${path}: og:description does not start with a verdict: "${description}"`);
      const reason = description.slice(label ? label.length + (code === 'en' ? 2 : 1) : 0).replace(/…$/, '');
      if (!quote.claims.some((claim, index) => bookReason(quote.id, index, code).startsWith(reason))) {
        problems.push(`${path}: og:description's reason is no claim's reason (ledger.html): "${reason}"`);
      }
      if (meta['og:url'][0] !== `${siteUrl}${path}`) problems.push(`${path}: og:url ${meta['og:url'][0]}`);
      if (meta['og:image'][0] !== `${siteUrl}${tree}og/${quote.id}.png`) problems.push(`${path}: og:image ${meta['og:image'][0]}`);
      if (!html.includes(`<a href="../?quote=${encodeURIComponent(quote.id)}">`)) problems.push(`${path}: no link into the app`);
      if (!html.includes(`<html lang="${code}"`)) problems.push(`${path}: not marked ${code}`);
    }
  }
  assert.deepEqual(problems, [], `claim pages:\n${problems.join('\n')}`);
});

test('the offline files carry no link-preview tags and no links to pages they do not contain', () => {
  for (const { tree } of LANGUAGES) {
    const path = `${tree}chips-and-claims-offline.html`;
    const html = readFileSync(join(siteDir, path), 'utf8');
    assert.doesNotMatch(html, /property="og:|rel="alternate"|class="languages"/, `${path}: online-only tags kept`);
  }
});
