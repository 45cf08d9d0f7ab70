#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address and undefined-behaviour sanitizers) into build-fuzz/
# and runs each for the given number of seconds (default 15) from its seed corpus in fuzz/corpus/<name>/.
# A crash, a hang (-timeout), a leak or undefined behaviour fails the script and leaves the input in
# build-fuzz/ for a regression test. One target at a time: the machine is shared.
# Usage: scripts/fuzz.sh [seconds] [target...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
shift || true
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; skipped"; exit 0
fi
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
plugins=OFF
if pkg-config --exists lua5.4 2>/dev/null; then plugins=ON; fi
if [ ! -f build-fuzz/CMakeCache.txt ] || ! grep -q "SDW_BUILD_PLUGINS:BOOL=$plugins" build-fuzz/CMakeCache.txt; then
  cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSDW_FUZZ=ON -DSDW_BUILD_GUI=OFF -DSDW_BUILD_PLUGINS=$plugins -DSDW_BUILD_TESTS=OFF -DSDW_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
fi
# target:corpus folder. The whole-pipeline target starts from the XMILE seeds too.
all=(equation_parser:equation xmile_reader:xmile mdl_reader:mdl pipeline:pipeline)
[ "$plugins" = ON ] && all+=(scenario:scenario)
chosen=("$@")
builds=()
for entry in "${all[@]}"; do
  name="${entry%%:*}"
  if [ ${#chosen[@]} -eq 0 ] || [[ " ${chosen[*]} " == *" $name "* ]]; then builds+=("fuzz_$name"); fi
done
cmake --build build-fuzz -j"$(nproc)" --target "${builds[@]}"
# UBSan reports and carries on unless told to stop: halt, so that undefined behaviour fails like a crash.
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
for entry in "${all[@]}"; do
  target="${entry%%:*}"
  corpus="fuzz/corpus/${entry##*:}"
  if [ ${#chosen[@]} -gt 0 ] && [[ " ${chosen[*]} " != *" $target "* ]]; then continue; fi
  extra=()
  [ "$target" = pipeline ] && extra=(../fuzz/corpus/xmile)
  work="build-fuzz/corpus-$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  (cd build-fuzz && ./fuzz_$target -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
     -print_final_stats=1 "../$work" "../$corpus" "${extra[@]}" 2>&1 | tail -n 12)
done
