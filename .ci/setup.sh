#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test SIP-planen — idempotently: each tool is checked
# first (by version) and installed only when missing or different. Safe to run again; a second run installs nothing.
# Sourced by serve.sh and test.sh (it also sets PATH for them).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins.
WBG_VERSION="$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q;}' "$ROOT/Cargo.lock")"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"

say() { echo "setup: $*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# The release build of the site uses a pinned nightly with rust-src (std rebuilt for size): .ci/build.sh.
source "$ROOT/.ci/toolchain.env"
if ! rustup component list --toolchain "$SITE_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing Rust $SITE_TOOLCHAIN with rust-src (for the release build of the site)"
  rustup toolchain install "$SITE_TOOLCHAIN" --profile minimal --component rust-src
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ -z "$WBG_VERSION" ]; then
  echo "setup: cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WBG_VERSION"; then
  say "installing wasm-bindgen-cli $WBG_VERSION (a few minutes, once)"
  # No --locked: its lockfile pins a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  say "installing Debian's chromium and chromium-driver"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi

# npm packages (Playwright, axe-core, binaryen's wasm-opt) from the committed lockfile.
E2E="$ROOT/tests/e2e"
if ! cmp -s "$E2E/package-lock.json" "$E2E/node_modules/.package-lock.json" 2>/dev/null; then
  say "installing npm packages (npm ci)"
  (cd "$E2E" && npm ci --no-audit --no-fund)
fi
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  echo "setup: wasm-opt $BINARYEN_VERSION not found on PATH after npm ci" >&2
  exit 1
fi
say "ready ($SITE_TOOLCHAIN for the site, trunk $TRUNK_VERSION, wasm-bindgen $WBG_VERSION, wasm-opt $BINARYEN_VERSION, $(chromium --version 2>/dev/null | head -1))"
