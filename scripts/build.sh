#!/usr/bin/env bash
# scripts/build.sh [native|wasm|all] — configure (once) and build. Incremental: after an edit, run it again.
#   native → build/native: chips_model, tools (estimate, validate_content, ...), chips_tests, chips_bench
#   wasm   → build/wasm:   the site in build/wasm/site (index.html, chips.js, chips.wasm, fonts/)
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
export NODE_PATH=/usr/share/nodejs # Debian's emcc needs Debian's node modules (see README "Toolchain notes")
jobs=$(nproc)
what=${1:-all}

if [ "$what" = native ] || [ "$what" = all ]; then
  [ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs"
fi
if [ "$what" = wasm ] || [ "$what" = all ]; then
  # The site's text version, the content snapshot, the link-preview images and the ledger come from native tools
  # (tools/render_fallback.cpp, tools/snapshot_content.cpp, tools/render_previews.cpp, tools/render_ledger.cpp),
  # which the wasm configuration cannot build or run: build those native targets first (wasm/wasm.cmake reads them
  # from build/native).
  [ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"$jobs" --target render_fallback snapshot_content render_previews render_ledger
  [ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/wasm -j"$jobs"
fi
