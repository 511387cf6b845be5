// bench/wasm_symbols.mjs — what each part of chips.wasm costs: reads a module linked with --profiling-funcs (the
// `chips_app_names` target of wasm/wasm.cmake: the same link as the site's module, plus a name section), sums the
// size of every function body by the library it belongs to, and prints a table with the largest functions.
//
//   node bench/wasm_symbols.mjs [--module build/wasm/module-with-names/chips.wasm] [--site build/wasm/site]
//                               [--top 25] [--out artifacts/bench]
//   (bash scripts/bench --wasm-symbols builds the module and runs this)
//
// Sizes are bytes of function bodies in the code section (raw, before gzip), which is where nearly all of the module
// is; the data section (string literals, the content snapshot, tables) is one row of its own. The site's module has
// no name section, so its total is printed next to the named one to show that they are the same build.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { argument, repoRoot } from './args.mjs';

const modulePath = resolve(repoRoot, argument('--module', 'build/wasm/module-with-names/chips.wasm'));
const siteDir = resolve(repoRoot, argument('--site', 'build/wasm/site'));
const TOP = Number(argument('--top', 25));
const OUT_DIR = resolve(repoRoot, argument('--out', 'artifacts/bench'));

// [SECTION] Reading the binary (https://webassembly.github.io/spec/core/binary/modules.html)
class Reader {
  constructor(bytes, offset = 0, end = bytes.length) {
    this.bytes = bytes;
    this.offset = offset;
    this.end = end;
  }
  byte() {
    if (this.offset >= this.end) throw new Error(`unexpected end of data at byte ${this.offset}`);
    return this.bytes[this.offset++];
  }
  u32() { // unsigned LEB128
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 35) throw new Error(`LEB128 too long at byte ${this.offset}`);
    }
  }
  name() {
    const length = this.u32();
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }
}

// Section id → name for the table; custom sections are named by their own name.
const SECTION_NAMES = { 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export',
  8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count', 13: 'tag' };

function readModule(bytes) {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const reader = new Reader(bytes, 8);
  const sections = [];
  let importedFunctions = 0;
  const bodySizes = [];
  const names = new Map();
  while (reader.offset < bytes.length) {
    const id = reader.byte();
    const size = reader.u32();
    const start = reader.offset;
    const section = new Reader(bytes, start, start + size);
    let label = SECTION_NAMES[id] ?? `unknown ${id}`;
    if (id === 0) label = `custom "${section.name()}"`;
    sections.push({ label, bytes: size });
    if (id === 2) importedFunctions = countImportedFunctions(section);
    if (id === 10) {
      const count = section.u32();
      for (let i = 0; i < count; i++) {
        const bodySize = section.u32();
        bodySizes.push(bodySize);
        section.offset += bodySize;
      }
    }
    if (label === 'custom "name"') readFunctionNames(section, names);
    reader.offset = start + size;
  }
  return { sections, importedFunctions, bodySizes, names };
}

function countImportedFunctions(section) {
  let functions = 0;
  const count = section.u32();
  for (let i = 0; i < count; i++) {
    section.name();
    section.name();
    const kind = section.byte();
    if (kind === 0) { functions++; section.u32(); }
    else if (kind === 1) { section.byte(); limits(section); } // table: reftype, limits
    else if (kind === 2) limits(section); // memory
    else if (kind === 3) { section.byte(); section.byte(); } // global: valtype, mutability
    else if (kind === 4) { section.byte(); section.u32(); } // tag: attribute, type index
    else throw new Error(`unknown import kind ${kind}`);
  }
  return functions;
}
function limits(section) {
  const flags = section.byte();
  section.u32();
  if (flags & 1) section.u32();
}

function readFunctionNames(section, names) {
  while (section.offset < section.end) {
    const kind = section.byte();
    const size = section.u32();
    const end = section.offset + size;
    if (kind === 1) {
      const count = section.u32();
      for (let i = 0; i < count; i++) {
        const index = section.u32();
        names.set(index, section.name());
      }
    }
    section.offset = end;
  }
}

// [SECTION] Which part of the program a function belongs to (first rule that matches wins)
const PARTS = [
  ['Dear ImGui: stb_truetype (glyph rasterizer)', /stbtt|stbtt__/],
  ['Dear ImGui: stb_rect_pack, stb_textedit', /stbrp|stb_text|STB_TEXTEDIT|stb_textedit/],
  ['Dear ImGui: tables', /ImGui::(Table|.*Table)|ImGuiTable/],
  ['Dear ImGui: fonts and draw lists', /ImFont|ImDrawList|ImDrawData|ImTextCharFromUtf8|ImTextStr|ImFontAtlas/],
  ['Dear ImGui: backends (SDL2, OpenGL3)', /ImGui_Impl/],
  ['Dear ImGui: core and widgets', /ImGui|^Im[A-Z]|ImVec|ImStr|ImHash|ImFormat|ImParse|ImQsort|ImTrig|ImBezier|ImChunk|ImPool/],
  ['chips: session', /chips::Session|chips::.*(permalink|apply_url_query|apply_state_json|state_json|results_json|page_message|summary|Settings)/i],
  ['chips: ui panels', /chips::(ui|draw_|App|panel|Chart|chart|theme|line_break|Sweeps|QuoteLayout)|draw_panel|panel_/],
  ['chips: content (snapshot, loaders, checks)', /chips::.*(content|Content|snapshot|Snapshot|load_|validate|quote_check|calibration|claim_book|ClaimBook|claim_reason|currency|strings|tour|Tour)/],
  ['chips: model engine', /chips::/],
  ['nlohmann::json', /nlohmann/],
  // SDL2's software surfaces (Blit*, RLE, pixel formats, the $1 gesture recogniser): linked because SDL_video and
  // the cursor code reference them, never called by a WebGL2 app.
  ['SDL2: software blitters and surfaces', /^Blit|^SDL_RLE|^SDL_.*Surface|^SDL_.*Blit|^SDL_ConvertPixels|^SDL_.*PixelFormat|^Map_|^SDL_Map|^SDL_Calculate|dollar|^SDL_.*Gesture/],
  ['SDL2', /^SDL_|^_SDL|Emscripten_|EMSCRIPTEN_|SDL2|^SDL|^egl|OFFSCREEN_|^CreateNewWindow|^SDL_GL/],
  ['wasm/ (main loop, bridge exports)', /^\(anonymous namespace\)::(frame|sync_page|main_loop)|^chips_|^main$/],
  ['C++ standard library', /^std::|^void std::|std::__2|__cxa|__cxx|operator new|operator delete|__gxx|typeinfo|vtable/],
  ['C library (printf, math, malloc)', /^(_?_?(v?s?n?printf|fmt_|pop_arg|printf_core|strto|memcpy|memmove|memset|strlen|dlmalloc|dlfree|dlrealloc|dispose_chunk|malloc|free|realloc|calloc|sbrk|emscripten_builtin|frexp|scalbn|pow|exp|log|sin|cos|tan|atan|floor|ceil|fmod|qsort|strcmp|strncmp|strchr|strstr|fopen|scanexp|get_permutation|_Unwind|__)).*/],
  ['emscripten glue and exports', /emscripten|^em_|^_em|stackSave|stackRestore|stackAlloc|^dynCall|legalstub|^main$/],
];
function partOf(name) {
  if (!name) return 'unnamed';
  for (const [part, pattern] of PARTS) if (pattern.test(name)) return part;
  return 'other';
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  let named;
  try {
    named = readFileSync(modulePath);
  } catch {
    console.error(`wasm_symbols: ${modulePath} is missing (cmake --build build/wasm --target chips_app_names)`);
    process.exit(1);
  }
  const module = readModule(named);
  if (module.names.size === 0) {
    console.error(`wasm_symbols: ${modulePath} has no name section (link it with --profiling-funcs)`);
    process.exit(1);
  }
  const parts = new Map();
  const functions = [];
  module.bodySizes.forEach((size, i) => {
    const name = module.names.get(module.importedFunctions + i) ?? '';
    const part = partOf(name);
    const entry = parts.get(part) ?? { bytes: 0, functions: 0 };
    entry.bytes += size;
    entry.functions += 1;
    parts.set(part, entry);
    functions.push({ name, size, part });
  });
  const codeBytes = module.bodySizes.reduce((sum, size) => sum + size, 0);
  const dataBytes = module.sections.filter((s) => s.label === 'data').reduce((sum, s) => sum + s.bytes, 0);
  const nameBytes = module.sections.filter((s) => s.label === 'custom "name"').reduce((sum, s) => sum + s.bytes, 0);
  let site = null;
  try {
    const siteModule = readFileSync(join(siteDir, 'chips.wasm'));
    site = { raw: siteModule.length, gzip: gzipSync(siteModule, { level: 9 }).length };
  } catch {
    // a site built with hashed names: find chips.<hash>.wasm
    try {
      const manifest = JSON.parse(readFileSync(join(siteDir, 'asset-manifest.json'), 'utf8'));
      const siteModule = readFileSync(join(siteDir, manifest['chips.wasm']));
      site = { raw: siteModule.length, gzip: gzipSync(siteModule, { level: 9 }).length };
    } catch { /* not built: the row says so */ }
  }

  const lines = [];
  lines.push(`### chips.wasm by part (${modulePath.replace(repoRoot + '/', '')}, function bodies, raw bytes)`, '');
  lines.push('| part | functions | code | share of code |', '|---|---:|---:|---:|');
  for (const [part, entry] of [...parts].sort((a, b) => b[1].bytes - a[1].bytes))
    lines.push(`| ${part} | ${entry.functions} | ${kb(entry.bytes)} | ${((100 * entry.bytes) / codeBytes).toFixed(1)} % |`);
  lines.push(`| **all function bodies** | ${module.bodySizes.length} | ${kb(codeBytes)} | 100 % |`);
  lines.push(`| data section (string literals, content snapshot, tables) | — | ${kb(dataBytes)} | — |`);
  lines.push(`| name section (only in this copy) | — | ${kb(nameBytes)} | — |`);
  lines.push(`| module with names, total | — | ${kb(named.length)} | — |`);
  lines.push(site
    ? `| the site's chips.wasm (no names) | — | ${kb(site.raw)} raw, ${kb(site.gzip)} gzip | — |`
    : `| the site's chips.wasm | — | not built | — |`);
  lines.push('', `Largest ${TOP} functions:`, '', '| function | part | bytes |', '|---|---|---:|');
  for (const fn of functions.sort((a, b) => b.size - a.size).slice(0, TOP))
    lines.push(`| \`${fn.name.replace(/\|/g, '\\|').slice(0, 110)}\` | ${fn.part} | ${fn.size.toLocaleString('en-US')} |`);
  const markdown = lines.join('\n');
  console.log(markdown);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'wasm-symbols.md'), markdown + '\n');
  writeFileSync(join(OUT_DIR, 'wasm-symbols.json'), JSON.stringify({
    module: named.length, code: codeBytes, data: dataBytes, site,
    parts: Object.fromEntries(parts), functions: functions.slice(0, 500),
  }, null, 2) + '\n');
}

main();
