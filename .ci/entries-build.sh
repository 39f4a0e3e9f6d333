#!/bin/sh
# Trunk post-build hook, first half: builds the site's other entries into the build being staged, with the same
# profile — "Min plan" (min-plan/index.html, the person's own page) into min-plan/, and the backup tool
# (sakerhetskopia/index.html, loaded by the app when opened) into sakerhetskopia/, without hashes in its file names
# so the app can name its module. Each nested Trunk runs the hooks again; SIP_ENTRY stops it from nesting further
# and tells .ci/post-build.mjs which entry it finishes.
set -eu
[ -n "${SIP_ENTRY:-}" ] && exit 0
release=""
[ "${TRUNK_PROFILE:-}" = "release" ] && release="--release"
SIP_ENTRY=min-plan trunk build min-plan/index.html $release --locked \
  --dist "$TRUNK_STAGING_DIR/min-plan" --public-url /min-plan/
SIP_ENTRY=sakerhetskopia trunk build sakerhetskopia/index.html $release --locked --filehash false \
  --dist "$TRUNK_STAGING_DIR/sakerhetskopia" --public-url /sakerhetskopia/
