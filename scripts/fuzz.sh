#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (address and undefined-behaviour sanitizers) into build-fuzz/
# and runs each for the given number of seconds (default 15) from the seed corpus in fuzz/corpus/.
# A crash fails the script and leaves the input in build-fuzz/ for a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz: clang++ not found; skipped"; exit 0
fi
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSDW_FUZZ=ON -DSDW_BUILD_GUI=OFF -DSDW_BUILD_PLUGINS=OFF -DSDW_BUILD_TESTS=OFF -DSDW_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target fuzz_equation_parser fuzz_xmile_reader
for target in equation_parser xmile_reader; do
  corpus="fuzz/corpus/${target%%_*}"
  [ "$target" = xmile_reader ] && corpus=fuzz/corpus/xmile
  work="build-fuzz/corpus-$target"
  mkdir -p "$work"
  echo "fuzz: $target for ${seconds}s"
  (cd build-fuzz && ./fuzz_$target -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
     -print_final_stats=1 "../$work" "../$corpus" 2>&1 | tail -n 12)
done
