#!/usr/bin/env bash
# Annals' one entry point for people and CI.
#   ./dev.sh run [serve options]   set up what is missing, build, serve seeds/ on http://127.0.0.1:3000
#   ./dev.sh test                  set up what is missing (Chromium included), build, run every test
#   ./dev.sh build                 build the WASM bundle and CSS into target/site/pkg
#   ./dev.sh setup                 only install what is missing
# Why not cargo-leptos: it takes ~20 minutes to install here; plain cargo + wasm-bindgen-cli
# (pinned to the lock's wasm-bindgen) + npm's wasm-opt does the same job in a few minutes.
set -euo pipefail
cd "$(dirname "$0")"

WASM_BINDGEN_VERSION=0.2.130
SITE=target/site
PKG=$SITE/pkg

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ ! -x tools/node_modules/.bin/wasm-opt ]; then
    if command -v npm >/dev/null; then
      log "installing wasm-opt (npm binaryen)"
      npm install --prefix tools --no-audit --no-fund --loglevel=error
    else
      log "npm not found: the WASM bundle will not be optimised (larger, still correct)"
    fi
  fi
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    log "installing Chromium and ChromeDriver (Debian packages) for the browser tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

build_site() {
  log "building the WASM bundle"
  cargo build -p app --lib --target wasm32-unknown-unknown --profile wasm-release --features hydrate
  mkdir -p "$PKG"
  wasm-bindgen --target web --no-typescript --out-dir "$PKG" --out-name annals \
    target/wasm32-unknown-unknown/wasm-release/app.wasm
  if [ -x tools/node_modules/.bin/wasm-opt ]; then
    tools/node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$PKG/annals_bg.wasm" -o "$PKG/annals_bg.wasm"
  fi
  cp style/annals.css "$PKG/annals.css"
  local raw gz
  raw=$(wc -c < "$PKG/annals_bg.wasm")
  gz=$(gzip -9 -c "$PKG/annals_bg.wasm" | wc -c)
  log "WASM bundle: $raw bytes, $gz gzipped"
}

cmd=${1:-run}
shift || true
case "$cmd" in
  setup)
    setup_build
    setup_browser
    ;;
  build)
    setup_build
    build_site
    ;;
  run)
    setup_build
    build_site
    log "building the server"
    cargo build -p server --bin annals
    log "serving seeds/ (default http://127.0.0.1:3000; Ctrl-C stops)"
    exec target/debug/annals serve --site-root "$SITE" "$@"
    ;;
  test)
    setup_build
    setup_browser
    build_site
    log "running every test"
    ANNALS_SITE_ROOT="$PWD/$SITE" cargo test --workspace
    ;;
  bench-ui)
    # The timeline in headless Chromium on 1k/10k/100k demo events (sizes: ANNALS_BENCH_EVENTS).
    setup_build
    setup_browser
    build_site
    log "benchmarking the timeline in Chromium"
    ANNALS_SITE_ROOT="$PWD/$SITE" cargo bench -p server --bench timeline_browser
    ;;
  *)
    echo "usage: ./dev.sh [run|test|build|setup|bench-ui]" >&2
    exit 2
    ;;
esac
