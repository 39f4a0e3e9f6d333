#!/usr/bin/env bash
# Installs what is missing, then serves the release build on http://127.0.0.1:8080 (Ctrl-C stops).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
exec trunk serve --release --offline --locked --address 127.0.0.1 --port 8080
