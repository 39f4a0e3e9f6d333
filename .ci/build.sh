#!/usr/bin/env bash
# The release build of the site: `trunk build --release` into dist/ (extra arguments go to trunk, e.g.
# `--features bench --dist target/dist-bench`). The wasm is built with the pinned nightly toolchain, std rebuilt with
# `panic=immediate-abort` (about 25 KB brotli smaller than stable); everything else — tests, clippy, `trunk serve` —
# stays on stable. .ci/setup.sh installs the toolchain.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source "$ROOT/.ci/toolchain.env"
export RUSTUP_TOOLCHAIN="$SITE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Cllvm-args=-inline-threshold=0 -Zmir-opt-level=0"
# Its own target directory: switching compilers in one would rebuild everything each time.
export CARGO_TARGET_DIR="$ROOT/target/site"
exec trunk build --release --locked "$@"
