#!/usr/bin/env bash
# Side-by-side speed of sdw and its peers in one sitting (issue 13): SIR and chain1000 (1,000 chained units,
# 11,003 variables) run by sdw's interpreter and compiled engine, SDEverywhere's generated C and JavaScript,
# and the same equations written by hand in C++. A developer tool, not a test: it builds sdw (Release) into
# build-bench/, prepares the peers in a temp dir, runs everything interleaved ROUNDS times, and prints each
# round, the medians, the ratios and the machine's load before and after.
#
# Usage: bench/peers.sh [--rounds N] [--sir-runs N] [--chain-runs N] [--no-js] [--keep]
# Environment: SDW_PEERS_DIR (default ../shared/peers), SDW_TEST_MODELS (default ../shared/conformance/test-models),
#   SDW_BENCH_JOBS (build parallelism, default 2), SDE_C_BUILD (a folder holding SIR/bench and chain1000/bench
#   built earlier by the peers' sdeverywhere-c/run.sh: skips npm and node generation for the C peer),
#   SDW_NATIVE_CACHE (the compiled engine's cache; default: a fresh one in the temp dir, so compile latency is real).
set -euo pipefail

rounds=3; sir_runs=2000; chain_runs=20; js=1; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --sir-runs) sir_runs="$2"; shift 2 ;;
    --chain-runs) chain_runs="$2"; shift 2 ;;
    --no-js) js=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${SDW_PEERS_DIR:-$root/../shared/peers}"
test_models="${SDW_TEST_MODELS:-$root/../shared/conformance/test-models}"
jobs="${SDW_BENCH_JOBS:-2}"
build="$root/build-bench"
sir_dir="$test_models/samples/SIR"
for f in "$sir_dir/SIR.xmile" "$sir_dir/SIR.mdl" "$peers/handwritten/sir.cpp" \
         "$peers/sdeverywhere-c/chain_handwritten.cpp" "$peers/sdeverywhere-c/gen_chain_mdl.py"; do
  [ -f "$f" ] || { echo "peers.sh: missing $f (set SDW_PEERS_DIR / SDW_TEST_MODELS)" >&2; exit 1; }
done
work="$(mktemp -d "${TMPDIR:-/tmp}/sdw-peers.XXXXXX")"
if [ "$keep" = 1 ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
export SDW_NATIVE_CACHE="${SDW_NATIVE_CACHE:-$work/native-cache}"
echo "== load before: $(uptime)"

# ---- sdw (Release, the sdw target only) and the models ----
echo "== building sdw (Release) into build-bench/"
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DSDW_BUILD_GUI=OFF -DSDW_BUILD_PLUGINS=OFF -DSDW_BUILD_TESTS=OFF >"$work/cmake.log" 2>&1 \
  || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$build" --target sdw -j"$jobs" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
sdw="$build/sdw"
mkdir -p "$work/chain1000"
python3 "$peers/sdeverywhere-c/gen_chain_mdl.py" 1000 --ref "$work/chain1000/chain1000.ref.csv" \
  >"$work/chain1000/chain1000.mdl"
declare -A xmile=([SIR]="$sir_dir/SIR.xmile" [chain1000]="$work/chain1000/chain1000.mdl")
declare -A mdl=([SIR]="$sir_dir/SIR.mdl" [chain1000]="$work/chain1000/chain1000.mdl")
declare -A runs=([SIR]="$sir_runs" [chain1000]="$chain_runs")

# ---- compile latency of the compiled engine (model text to first results, empty cache, then cached) ----
for m in SIR chain1000; do
  for pass in cold cached; do
    line="$("$sdw" bench "${xmile[$m]}" --runs 1 --engine compiled)"
    # first results from libtcc's code on a cold cache; timed_code_ready_ms: when cc -O2's code had run
    echo "   compile latency $m ($pass cache): $(grep -o 'first_results_ms=[0-9.]*\|first_built_by=[a-z]*\|timed_code_ready_ms=[0-9.]*' <<<"$line" | tr '\n' ' ')"
  done
done

# ---- SDEverywhere (JS and C): npm install once, or prebuilt C benches from SDE_C_BUILD ----
have_npm=0
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  cp -r "$peers/sdeverywhere" "$work/sde"
  if (cd "$work/sde" && npm install --no-audit --no-fund >"$work/npm.log" 2>&1); then have_npm=1
  else echo "== SDEverywhere: npm install failed (tail of the log below)"; tail -5 "$work/npm.log"; fi
else
  echo "== SDEverywhere: node and/or npm not found (apt-get install nodejs npm)"
fi
declare -A sde_c=() sde_js=()
for m in SIR chain1000; do
  if [ -n "${SDE_C_BUILD:-}" ] && [ -x "$SDE_C_BUILD/$m/bench" ]; then
    sde_c[$m]="$SDE_C_BUILD/$m/bench"
  elif [ "$have_npm" = 1 ] && SDE_NPM="$work/sde" BUILD_DIR="$work/sde-c/$m" \
      bash "$peers/sdeverywhere-c/run.sh" "${mdl[$m]}" 1 >"$work/sde-c-$m.log" 2>&1; then
    sde_c[$m]="$work/sde-c/$m/bench"
  else
    echo "== SDEverywhere C: $m not built (see $work/sde-c-$m.log; --keep keeps it)"
  fi
  # SDEverywhere's JavaScript on SIR only: on chain1000 it takes over a second a run, after 50 warm-up runs.
  if [ "$m" = SIR ] && [ "$js" = 1 ] && [ "$have_npm" = 1 ] && (cd "$work/sde" && node generate.mjs "${mdl[$m]}" >"$work/sde-js-$m.log" 2>&1); then
    sde_js[$m]=1
  fi
done

# ---- hand-written C++ ----
g++ -O2 -std=c++17 "$peers/handwritten/sir.cpp" -o "$work/hand_SIR"
g++ -O2 -std=c++17 "$peers/sdeverywhere-c/chain_handwritten.cpp" -o "$work/hand_chain1000"

median_of() {  # the median_us_per_run=X of a command's output, or "-"
  local out
  out="$("$@" 2>&1)" || { echo "-"; return; }
  grep -o 'median_us_per_run=[0-9.eE+-]*' <<<"$out" | head -1 | cut -d= -f2
}

# ---- interleaved rounds ----
declare -A t=()
tools=(interp compiled sde_c sde_js hand)
for ((r = 1; r <= rounds; r++)); do
  for m in SIR chain1000; do
    n="${runs[$m]}"
    t[$m,interp,$r]="$(median_of "$sdw" bench "${xmile[$m]}" --runs "$n" --engine interp)"
    t[$m,compiled,$r]="$(median_of "$sdw" bench "${xmile[$m]}" --runs "$n" --engine compiled)"
    t[$m,sde_c,$r]="-"; t[$m,sde_js,$r]="-"
    [ -n "${sde_c[$m]:-}" ] && t[$m,sde_c,$r]="$(median_of "${sde_c[$m]}" "$n")"
    [ -n "${sde_js[$m]:-}" ] && t[$m,sde_js,$r]="$(cd "$work/sde" && median_of node bench.mjs "$m" "$n")"
    if [ "$m" = SIR ]; then t[$m,hand,$r]="$(median_of "$work/hand_SIR" "$n")"
    else t[$m,hand,$r]="$(median_of "$work/hand_chain1000" 1000 "$n")"; fi
    echo "   round $r $m: $(for k in "${tools[@]}"; do printf '%s=%s ' "$k" "${t[$m,$k,$r]}"; done)"
  done
done
echo "== load after: $(uptime)"

# ---- medians and ratios ----
med() { tr ' ' '\n' | { grep -v '^-$' || true; } | { grep . || true; } | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
echo
echo "median us per run over $rounds rounds (each a median of many runs; all variables saved)"
printf '| %-9s | %10s | %10s | %10s | %10s | %10s | %14s | %14s |\n' model "sdw interp" "sdw compiled" "SDE C" "SDE JS" "hand C++" \
  "compiled/hand" "SDE C/compiled"
for m in SIR chain1000; do
  declare -A md=()
  for k in "${tools[@]}"; do
    md[$k]="$(for ((r = 1; r <= rounds; r++)); do printf '%s ' "${t[$m,$k,$r]}"; done | med)"
  done
  printf '| %-9s | %10s | %12s | %10s | %10s | %10s | %14s | %14s |\n' "$m" "${md[interp]}" "${md[compiled]}" "${md[sde_c]}" \
    "${md[sde_js]}" "${md[hand]}" "$(ratio "${md[compiled]}" "${md[hand]}")" "$(ratio "${md[sde_c]}" "${md[compiled]}")"
done
echo "goals (issue 13): chain1000 compiled/hand <= 3 and SDE C/compiled >= 5; SIR compiled/hand <= 1.5"
