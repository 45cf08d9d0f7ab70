#!/usr/bin/env bash
# The second command: installs what is missing, builds with warnings as errors, checks the layering rule
# and the formatting, runs the fuzzers briefly, then every test through ctest (its summary is the last thing printed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DSDW_WERROR=ON
bash scripts/check-layers.sh
bash scripts/check-format.sh
bash scripts/fuzz.sh "${SDW_FUZZ_SECONDS:-15}"
cd build
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  # GUI smoke tests need a display: give ctest a virtual one.
  xvfb-run -a -s "-screen 0 1600x1000x24" ctest --output-on-failure -j2
else
  ctest --output-on-failure -j2
fi
