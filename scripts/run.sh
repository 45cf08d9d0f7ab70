#!/usr/bin/env bash
# The first command: installs what is missing, builds, and opens the workbench on the default adult social
# care model. With no display it says so and runs the default scenarios headless instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec build/sdw "$@"
