#!/bin/sh
# Trunk post-build hook, first half: builds the second entry of the site, "Min plan" (min-plan/index.html), into
# min-plan/ of the build being staged, with the same profile. The nested Trunk runs the hooks again; SIP_MIN_PLAN
# stops it from nesting a third time.
set -eu
[ -n "${SIP_MIN_PLAN:-}" ] && exit 0
release=""
[ "${TRUNK_PROFILE:-}" = "release" ] && release="--release"
SIP_MIN_PLAN=1 trunk build min-plan/index.html $release --locked \
  --dist "$TRUNK_STAGING_DIR/min-plan" --public-url /min-plan/
