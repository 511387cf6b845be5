#!/usr/bin/env bash
# scripts/setup.sh — install everything Chips & Claims needs, idempotently.
#
# Called by scripts/serve and scripts/test (the README's two Quick start commands). Safe to run again: each step
# checks whether its result is already there and skips itself. What it does:
#   1. Debian packages (apt) — only the missing ones; `apt-get update` only when something is missing.
#   2. Dear ImGui (>= 1.92) and SDL2 *source* packages via `apt-get source`, using a private apt list derived
#      from this machine's own apt configuration (same mirror URIs, other suites), so the system lists are untouched.
#   3. SDL2 built for WebAssembly once, into a cache outside the repo keyed by SDL2 and emcc versions.
#   4. npm packages pinned in package-lock.json (playwright-core; send and negotiator for the static server).
# It ends by writing build/deps.env (paths for CMake) and printing the versions in use.
# Any failure stops with one line starting with "setup: " that says what could not be had.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_root=${CHIPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/chips-and-claims}
mkdir -p "$cache_root" "$repo_root/build"
export NODE_PATH=/usr/share/nodejs # Debian's emcc needs Debian's node modules (acorn); see docs/toolchain-notes.md

die() { echo "setup: $*" >&2; exit 1; }
log() { echo "setup: $*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ---------------------------------------------------------------------------------------------------------------------
# [SECTION] 1. Debian packages
# ---------------------------------------------------------------------------------------------------------------------
debian_packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  emscripten            # emcc 3.1.6 (clang 14, binaryen)
  chromium              # headless browser for end-to-end tests
  fonts-noto-cjk        # Noto Sans CJK SC/TC: the font subsets are cut from it
  fonttools python3     # pyftsubset (runs on Debian's /usr/bin/python3)
  doctest-dev nlohmann-json3-dev libbenchmark-dev
  libsdl2-dev           # native SDL2 (headers; the wasm build uses its own SDL2 build)
  dpkg-dev              # dpkg-source, to unpack source packages
  clang libclang-rt-14-dev # libFuzzer targets
  gzip brotli
  zlib1g-dev            # PNG compression in tools/render_previews (link-preview images)
)
# Node.js runs the browser tests and the static server. Use the machine's own when there is one (it may not be
# Debian's); otherwise Debian's.
command -v node >/dev/null 2>&1 || debian_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || debian_packages+=(npm)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq >/dev/null || die "apt-get update failed (is the Debian archive reachable?)"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install failed for: ${missing[*]}"
fi

# ---------------------------------------------------------------------------------------------------------------------
# [SECTION] 2. Source packages: Dear ImGui >= 1.92 and SDL2
# ---------------------------------------------------------------------------------------------------------------------
# The private source list reuses the mirror URIs and keyring of the machine's own apt configuration.
# ImGui >= 1.92 exists only in Debian testing/unstable, so we ask those suites for *source* only.
apt_private="$cache_root/apt"
mkdir -p "$apt_private/lists/partial"
machine_sources=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 || true)
mirror_uri=""
keyring=""
if [ -n "$machine_sources" ]; then
  mirror_uri=$(awk '/^URIs:/ {print $2; exit}' "$machine_sources")
  keyring=$(awk '/^Signed-By:/ {print $2; exit}' "$machine_sources")
fi
if [ -z "$mirror_uri" ] && [ -f /etc/apt/sources.list ]; then
  mirror_uri=$(awk '$1=="deb" && $0 !~ /security/ { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
fi
[ -n "$mirror_uri" ] || die "cannot find a Debian mirror URI in the machine's apt configuration"
signed_by=""
[ -n "$keyring" ] && signed_by=" [signed-by=$keyring]"
cat >"$apt_private/sources.list" <<LIST
deb-src$signed_by $mirror_uri sid main
deb-src$signed_by $mirror_uri bookworm main
LIST
apt_private_flags=(-o "Dir::Etc::sourcelist=$apt_private/sources.list" -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$apt_private/lists" -o "APT::Sandbox::User=root")

fetch_source() { # fetch_source PACKAGE VERSION_PATTERN DEST_VAR: unpack into $cache_root/src/PACKAGE-VERSION
  local package=$1 wanted=$2 existing
  existing=$(ls -d "$cache_root/src/$package"-$wanted 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$existing" ]; then echo "$existing"; return; fi
  if [ ! -f "$apt_private/updated" ]; then
    apt-get "${apt_private_flags[@]}" update -qq >/dev/null 2>&1 || die "apt-get update of the source list failed"
    touch "$apt_private/updated"
  fi
  local version
  version=$(apt-cache "${apt_private_flags[@]}" showsrc "$package" 2>/dev/null | awk '/^Version:/ {print $2}' \
    | sort -V | grep -E "^${wanted//\*/.*}" | tail -n 1 || true)
  [ -n "$version" ] || die "no source package '$package' matching version $wanted in Debian (sid/bookworm)"
  local work="$cache_root/src/download-$package"
  rm -rf "$work" && mkdir -p "$work"
  (cd "$work" && apt-get "${apt_private_flags[@]}" source --download-only -qq "$package=$version" >/dev/null 2>&1) \
    || die "apt-get source $package=$version failed"
  local upstream=${version#*:}
  upstream=${upstream%-*}
  (cd "$work" && dpkg-source --no-check -x ./*.dsc "$cache_root/src/$package-$upstream" >/dev/null) \
    || die "dpkg-source could not unpack $package $version"
  rm -rf "$work"
  echo "$cache_root/src/$package-$upstream"
}

mkdir -p "$cache_root/src"
imgui_dir=$(fetch_source imgui "1.9[2-9]*") || exit 1
imgui_version_num=$(awk '/#define IMGUI_VERSION_NUM/ {print $3}' "$imgui_dir/imgui.h")
imgui_version=$(awk -F'"' '/#define IMGUI_VERSION / {print $2}' "$imgui_dir/imgui.h")
[ "${imgui_version_num:-0}" -ge 19200 ] || die "Dear ImGui $imgui_version found, 1.92 or newer is required"
sdl_dir=$(fetch_source libsdl2 "2.26*") || exit 1
sdl_version=$(basename "$sdl_dir" | sed 's/^libsdl2-//; s/+dfsg.*//')

# ---------------------------------------------------------------------------------------------------------------------
# [SECTION] 3. SDL2 for WebAssembly (cached by SDL2 + emcc version)
# ---------------------------------------------------------------------------------------------------------------------
emcc_version=$(emcc -dumpversion 2>/dev/null) || true
[ -n "$emcc_version" ] || die "emcc does not run (is the emscripten package installed? NODE_PATH=/usr/share/nodejs?)"
sdl_wasm="$cache_root/sdl2-wasm-$sdl_version-emcc$emcc_version"
if [ ! -f "$sdl_wasm/install/lib/libSDL2.a" ]; then
  log "building SDL2 $sdl_version for WebAssembly (once, about 3 minutes)"
  # Twice at most: on a machine where emscripten has just been installed, the first configure of SDL2 was seen to
  # fail once and succeed on the next run with nothing changed.
  for sdl_attempt in 1 2; do
    rm -rf "$sdl_wasm" && mkdir -p "$sdl_wasm/build"
    (
      cd "$sdl_wasm/build"
      # Only the subsystems the app uses (video, events): audio, joystick, haptic etc. are off to halve build time.
      emcmake cmake "$sdl_dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$sdl_wasm/install" \
        -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF \
        -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF >build.log 2>&1 \
        && emmake make -j"$(nproc)" >>build.log 2>&1 && make install >>build.log 2>&1
    ) && break
    [ "$sdl_attempt" = 2 ] && { tail -n 20 "$sdl_wasm/build/build.log" >&2; die "SDL2 $sdl_version WebAssembly build failed (log above)"; }
    log "SDL2 build failed; trying once more"
  done
fi

# ---------------------------------------------------------------------------------------------------------------------
# [SECTION] 4. npm packages (pinned by package-lock.json)
# ---------------------------------------------------------------------------------------------------------------------
npm_missing=$(cd "$repo_root" && node -e '
  const pkg = require("./package.json");
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  console.log(names.filter((name) => !require("fs").existsSync("node_modules/" + name)).join(" "));')
if [ -n "$npm_missing" ] || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
  log "installing npm packages (package-lock.json)"
  (cd "$repo_root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed"
fi

# ---------------------------------------------------------------------------------------------------------------------
# [SECTION] 5. Hand-off to CMake and a version report
# ---------------------------------------------------------------------------------------------------------------------
cat >"$repo_root/build/deps.env" <<ENV
IMGUI_DIR=$imgui_dir
SDL2_WASM_DIR=$sdl_wasm/install
IMGUI_VERSION=$imgui_version
SDL2_VERSION=$sdl_version
EMCC_VERSION=$emcc_version
ENV
chromium_version=$(chromium --version 2>/dev/null | awk '{print $2}') || true
log "emcc $emcc_version · Dear ImGui $imgui_version · SDL2 $sdl_version · chromium ${chromium_version:-?} · node $(node --version)"
