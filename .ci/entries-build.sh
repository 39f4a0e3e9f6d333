#!/bin/sh
# Trunk post-build hook, first half: builds the site's other entries into the build being staged, with the same
# profile — "Min plan" (min-plan/index.html, the person's own page) into min-plan/, and the tools
# used now and then (verktyg/index.html: backup and restore, sharing with the person; loaded by the app when one is
# opened) into verktyg/, without hashes in its file names so the app can name its module. Each nested Trunk runs the hooks again; SIP_ENTRY stops it from nesting further
# and tells .ci/post-build.mjs which entry it finishes.
set -eu
[ -n "${SIP_ENTRY:-}" ] && exit 0
release=""
[ "${TRUNK_PROFILE:-}" = "release" ] && release="--release"
SIP_ENTRY=min-plan trunk build min-plan/index.html $release --locked \
  --dist "$TRUNK_STAGING_DIR/min-plan" --public-url /min-plan/
SIP_ENTRY=verktyg trunk build verktyg/index.html $release --locked --filehash false \
  --dist "$TRUNK_STAGING_DIR/verktyg" --public-url /verktyg/
