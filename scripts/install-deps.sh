#!/usr/bin/env bash
# Installs the Debian packages sdw needs to build, test and run; skips what is already there.
# Used by run.sh and test.sh so both work on a fresh machine. Needs root (or sudo) for apt-get.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  libboost-dev            # odeint (header-only)
  libpugixml-dev          # XMILE reading and writing
  libnlopt-cxx-dev        # calibration: global and local bounded optimisers (sdw calibrate)
  libcli11-dev            # command-line parsing
  catch2                  # tests (v2.13)
  libbenchmark-dev        # benchmark program
  liblua5.4-dev           # plugin host
  libimgui-dev libglfw3-dev libgl-dev libstb-dev  # workbench (ImGui 1.86 with GLFW/OpenGL3 backends)
  fonts-dejavu-core       # the workbench's typeface
  xvfb xauth              # GUI smoke tests and screenshots without a display
  clang libclang-rt-14-dev  # libFuzzer targets
  libtbb-dev              # parallel batches of runs
  libtcc-dev              # the compiled engine: a model's program compiled in memory (solver/jit)
  clang-format            # scripts/check-format.sh (the tree's formatting, checked in CI)
  libxlsxwriter-dev       # Excel workbooks (sdw run --out results.xlsx)
  libzip-dev libfreexl-dev  # Vensim's GET XLS functions: .xlsx read through libzip, .xls through freexl
  unzip                   # tests read the workbooks sdw writes
  pybind11-dev python3-dev  # the sdw Python module (python/), built for Debian's /usr/bin/python3
  python3-numpy python3-pandas python3-distributed python3-pytest  # its DataFrames, Dask batches and tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
