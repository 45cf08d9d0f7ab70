#!/usr/bin/env bash
# Side-by-side speed comparison of sdw with its two peers on the SIR sample (issue 2, "Speed"): a developer tool,
# not a test. Builds sdw (Release) into build-bench/, prepares SDEverywhere's generated JavaScript in a temp dir,
# builds the handwritten C++ SIR, then runs the three interleaved, ROUNDS rounds of RUNS runs each, and prints the
# medians and the ratios (goals: SDEverywhere/sdw >= 5, sdw/handwritten <= 3).
#
# Usage: bench/peers.sh [--runs N] [--rounds N] [--keep]
# Environment: SDW_PEERS_DIR (default ../shared/peers), SDW_TEST_MODELS (default ../shared/conformance/test-models),
#              SDW_BENCH_JOBS (build parallelism, default 2).
set -euo pipefail

runs=2000
rounds=3
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "peers.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${SDW_PEERS_DIR:-$root/../shared/peers}"
test_models="${SDW_TEST_MODELS:-$root/../shared/conformance/test-models}"
jobs="${SDW_BENCH_JOBS:-2}"
sir_xmile="$test_models/samples/SIR/SIR.xmile"
sir_mdl="$test_models/samples/SIR/SIR.mdl"
build="$root/build-bench"

for f in "$sir_xmile" "$sir_mdl" "$peers/handwritten/sir.cpp"; do
  [ -f "$f" ] || { echo "peers.sh: missing $f (set SDW_PEERS_DIR / SDW_TEST_MODELS)" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/sdw-peers.XXXXXX")"
if [ "$keep" = 1 ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

# ---- 1. sdw, Release, only the sdw target ----
echo "== building sdw (Release) into build-bench/"
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DSDW_BUILD_GUI=OFF -DSDW_BUILD_PLUGINS=OFF -DSDW_BUILD_TESTS=OFF >"$work/cmake.log" 2>&1 \
  || { cat "$work/cmake.log" >&2; exit 1; }
cmake --build "$build" --target sdw -j"$jobs" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
sdw="$build/sdw"

# ---- 2. SDEverywhere peer (optional: skipped when node/npm are missing or the install fails) ----
have_sde=0
sde_dir="$work/sdeverywhere"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "== SKIPPING SDEverywhere: node and/or npm not found (apt-get install nodejs npm)"
else
  echo "== preparing SDEverywhere ($(node --version)) in $sde_dir"
  cp -r "$peers/sdeverywhere" "$sde_dir"
  if ! (cd "$sde_dir" && npm install --no-audit --no-fund >"$work/npm.log" 2>&1); then
    echo "== SKIPPING SDEverywhere: npm install failed (log below)"; tail -20 "$work/npm.log"
  elif ! (cd "$sde_dir" && node generate.mjs "$sir_mdl"); then
    echo "== SKIPPING SDEverywhere: generating the SIR model failed"
  else
    have_sde=1
  fi
fi

# ---- 3. handwritten peer ----
echo "== building the handwritten SIR (g++ -O2)"
hw="$work/sir_handwritten"
g++ -O2 -std=c++17 "$peers/handwritten/sir.cpp" -o "$hw"

# ---- 4. interleaved rounds ----
median_of() {  # prints the median_us_per_run=X value of a command's output, or fails
  local out
  out="$("$@" 2>&1)" || { echo "peers.sh: '$*' failed: $out" >&2; return 1; }
  grep -o 'median_us_per_run=[0-9.eE+-]*' <<<"$out" | head -1 | cut -d= -f2
}

sdw_us=(); sde_us=(); hw_us=()
echo "== $rounds rounds x $runs runs, interleaved (host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for ((r = 1; r <= rounds; r++)); do
  sdw_us+=("$(median_of "$sdw" bench "$sir_xmile" --runs "$runs")")
  if [ "$have_sde" = 1 ]; then
    sde_us+=("$(cd "$sde_dir" && median_of node bench.mjs SIR "$runs")")
  else
    sde_us+=("-")
  fi
  hw_us+=("$(median_of "$hw" "$runs")")
  echo "   round $r: sdw=${sdw_us[-1]} us  sde=${sde_us[-1]} us  handwritten=${hw_us[-1]} us"
done

# ---- 5. table: per round, then the median of the rounds ----
awk -v sdw="${sdw_us[*]}" -v sde="${sde_us[*]}" -v hw="${hw_us[*]}" '
function med(s,   a, n, i, j, t) {
  n = split(s, a, " ")
  if (a[1] == "-") return "-"
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(x, y) { return (x == "-" || y == "-" || y + 0 == 0) ? "-" : sprintf("%.2f", x / y) }
function row(label, a, b, c) {
  printf "%-12s %12s %12s %12s %14s %16s\n", label, a, b, c, ratio(b, a), ratio(a, c)
}
BEGIN {
  n = split(sdw, A, " "); split(sde, B, " "); split(hw, C, " ")
  printf "\nSIR sample, 3,200 Euler steps, all variables saved; median us per run\n"
  printf "%-12s %12s %12s %12s %14s %16s\n", "", "sdw", "SDEverywhere", "handwritten", "SDE/sdw (>=5)", "sdw/hand (<=3)"
  for (i = 1; i <= n; i++) row("round " i, A[i], B[i], C[i])
  ms = med(sdw); me = med(sde); mh = med(hw)
  row("median", ms, me, mh)
  r1 = ratio(me, ms); r2 = ratio(ms, mh)
  printf "\ngoal SDE/sdw >= 5: %s    goal sdw/handwritten <= 3: %s\n",
    (r1 == "-") ? "not measured" : ((r1 + 0 >= 5) ? "met (" r1 ")" : "NOT met (" r1 ")"),
    (r2 + 0 <= 3) ? "met (" r2 ")" : "NOT met (" r2 ")"
}'
