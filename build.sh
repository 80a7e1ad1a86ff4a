#!/usr/bin/env bash
# Rendezvous build script.
#   ./build.sh          build everything: WASM (wasm-bindgen --target web), dist/chrome/,
#                       dist/firefox/, their zips, and the www/ demo bundle
#   ./build.sh demo     build if needed, print the founding example's insight from the CLI, and
#                       serve www/ on localhost (PORT, default 8080)
#   ./build.sh test     every test: cargo test (native), the WASM module in Node, the extension in
#                       headless Chromium and Firefox ESR, web-ext lint
#   ./build.sh deps     only install what is missing
# It installs what is missing (Debian packages, the wasm32 toolchain, wasm-bindgen-cli at the
# Cargo.lock version, geckodriver, the npm packages of tests/e2e from its lockfile) and skips what
# is present.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$PATH"
E2E="$ROOT/tests/e2e"
SHARED="${RENDEZVOUS_SHARED:-$ROOT/../shared}"
GECKODRIVER_VERSION=0.37.1
WASM_TARGET_DIR="$ROOT/target-wasm"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- installs (skip when present)

APT_UPDATED=0
apt_need() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || die "missing Debian packages: ${missing[*]} (and no apt-get)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ $APT_UPDATED = 0 ]; then
    log "apt-get update"
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The wasm32 route: rustup's target when installed, else Debian's rustc-web with -Zbuild-std
# (rustup cannot download targets on these machines; see docs/TOOLCHAIN in shared/).
WASM_ROUTE=""
wasm_toolchain() {
  [ -n "$WASM_ROUTE" ] && return 0
  if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    WASM_ROUTE=rustup
  else
    apt_need rustc-web cargo-web rust-web-src lld-19
    WASM_ROUTE=debian
  fi
}

wasm_bindgen_version() { awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$ROOT/Cargo.lock"; }

cli_tools() {
  local want
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "cargo install wasm-bindgen-cli $want (a few minutes)"
    # --locked first; its lockfile can pin a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$want" --locked ||
      cargo install wasm-bindgen-cli --version "$want"
  fi
}

browsers() {
  apt_need chromium chromium-driver firefox-esr zip
  if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    log "cargo install geckodriver $GECKODRIVER_VERSION (several minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked ||
      cargo install geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

node_packages() {
  command -v npm >/dev/null || apt_need nodejs npm
  local stamp="$E2E/node_modules/.rendezvous-lock.sha256" sum
  sum=$(sha256sum "$E2E/package-lock.json" | awk '{print $1}')
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    log "npm ci (tests/e2e)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
}

deps_build() { apt_need zip; wasm_toolchain; cli_tools; node_packages; }
deps_all() { deps_build; browsers; }

# ---------------------------------------------------------------- build

build_native() {
  log "cargo build (native CLI)"
  cargo build --quiet --bin rendezvous
}

build_wasm() {
  wasm_toolchain
  log "cargo build --target wasm32-unknown-unknown ($WASM_ROUTE)"
  if [ $WASM_ROUTE = rustup ]; then
    CARGO_TARGET_DIR="$WASM_TARGET_DIR" cargo build --quiet --release --lib --target wasm32-unknown-unknown
  else
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-19 CARGO_TARGET_DIR="$WASM_TARGET_DIR" \
      /usr/bin/cargo build --quiet --release --lib --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort
  fi
  local raw="$WASM_TARGET_DIR/wasm32-unknown-unknown/release/rendezvous.wasm"
  local stamp="$ROOT/pkg/.source.sha256" sum
  # the recipe below is part of the stamp: a change to it rebuilds pkg/ from the same cargo output
  sum=$( (sha256sum "$raw"; wasm-bindgen --version; echo "bindgen-strip-names, no wasm-opt") | sha256sum | awk '{print $1}')
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -f pkg/rendezvous_bg.wasm ]; then
    return 0
  fi
  # No wasm-opt: its -Oz inlined small functions into fewer, larger ones, which Chromium compiles
  # lazily on the first click, more slowly (Liftoff 105 ms instead of 60 ms wall on a first page,
  # benches/browser/coldtrace.mjs), and it saved nothing once gzipped (benches/README.md).
  log "wasm-bindgen --target web"
  rm -rf pkg && mkdir -p pkg
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir pkg "$raw"
  echo "$sum" >"$stamp"
}

package() {
  log "dist/chrome, dist/firefox and their zips"
  local b
  for b in chrome firefox; do
    rm -rf "dist/$b" "dist/rendezvous-$b.zip"
    mkdir -p "dist/$b/pkg"
    cp -R extension/. "dist/$b/"
    cp pkg/rendezvous.js pkg/rendezvous_bg.wasm "dist/$b/pkg/"
    (cd "dist/$b" && zip -q -r -X -9 "../rendezvous-$b.zip" .)
  done
}

# The demo bundle: the same WASM and sidebar code; samples are the founding example (ours) and a
# few corpus pages copied at build time (third-party, evaluation only: gitignored, not committed).
SAMPLES="fr-radiocz-ministre fr-am-raffarin en-sondland en-beijing-tariff"
build_www() {
  log "www/ bundle"
  rm -rf www/pkg www/ext www/samples
  mkdir -p www/pkg www/ext www/samples
  cp pkg/rendezvous.js pkg/rendezvous_bg.wasm www/pkg/
  cp extension/sidebar.js www/ext/
  cp -R extension/_locales www/ext/
  cp tests/fixtures/seed-maroc-france/source.html www/samples/seed-maroc-france.html
  local files=(seed-maroc-france.html) s
  local corpus="$SHARED/corpus/meetings-dev/articles"
  for s in $SAMPLES; do
    if [ -f "$corpus/$s.html" ]; then
      cp "$corpus/$s.html" "www/samples/$s.html"
      files+=("$s.html")
    fi
  done
  # The list the demo offers, labelled with each page's <title> (the founding example first).
  node -e '
    const fs = require("fs");
    const out = process.argv.slice(1).map((file, i) => {
      const html = fs.readFileSync("www/samples/" + file, "utf8");
      const m = /<title[^>]*>([^<]*)/i.exec(html);
      const title = (m ? m[1] : file).replace(/&amp;/g, "&").replace(/&#0?39;|&apos;/g, "\x27").replace(/&quot;/g, "\x22").replace(/\s+/g, " ").trim();
      return { file, label: (i === 0 ? "★ " : "") + (title.length > 80 ? title.slice(0, 79) + "…" : title) };
    });
    fs.writeFileSync("www/samples/index.json", JSON.stringify(out, null, 1));
  ' "${files[@]}"
}

build_all() {
  deps_build
  build_native
  build_wasm
  package
  build_www
  sizes
}

sizes() {
  local w=pkg/rendezvous_bg.wasm
  printf 'wasm: %s bytes raw, %s bytes gzipped (-9); zips: chrome %s bytes, firefox %s bytes\n' \
    "$(stat -c %s $w)" "$(gzip -9c $w | wc -c)" \
    "$(stat -c %s dist/rendezvous-chrome.zip)" "$(stat -c %s dist/rendezvous-firefox.zip)"
}

# ---------------------------------------------------------------- demo

demo() {
  build_all
  local fixture=tests/fixtures/seed-maroc-france/source.html
  log "rendezvous analyze $fixture"
  mkdir -p target
  ./target/debug/rendezvous analyze "$fixture" >target/seed-insight.json
  cat target/seed-insight.json
  log "summary (the sidebar's Markdown export of the same analysis)"
  node "$E2E/summary.mjs" target/seed-insight.json
  local port="${PORT:-8080}"
  log "serving www/ at http://127.0.0.1:$port/  (Ctrl-C to stop)"
  echo "Demo: http://127.0.0.1:$port/"
  exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
}

# ---------------------------------------------------------------- test

run_tests() {
  local t0=$SECONDS failed=()
  deps_all
  log "cargo test (native)"
  cargo test --quiet || failed+=("cargo test")
  build_all
  log "browser and WASM tests (node --test)"
  (cd "$E2E" && node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs) || failed+=("browser tests")
  log "web-ext lint"
  (cd "$E2E" && node lint.mjs "$ROOT/dist/firefox") || failed+=("web-ext lint")
  if ((${#failed[@]})); then
    log "FAILED: ${failed[*]} ($((SECONDS - t0)) s)"
    return 1
  fi
  log "all tests passed in $((SECONDS - t0)) s"
}

case "${1:-build}" in
  build | "") build_all ;;
  demo) demo ;;
  test) run_tests ;;
  deps) deps_all ;;
  sizes) sizes ;;
  *) die "unknown command '$1' (build | demo | test | deps)" ;;
esac
