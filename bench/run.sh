#!/usr/bin/env bash
# Whole-program benchmark: exhunt against ripgrep on the same generated Exchange logs, in the
# same run, alternating, with medians; then a flat-memory run of exhunt under -Xmx256m.
#
#   bench/run.sh [--size 1g] [--runs 5] [--seed 42] [--regen] [--no-memory]
#
# Environment:
#   EXHUNT_CMD   the exhunt command (default: ./exhunt at the project root)
#   EXHUNT_JAR   the runnable jar for the memory run (default: cli/target/exhunt.jar)
#   BENCH_DATA   where generated data lives (default: bench/data, git-ignored)
#
# Results: a table on stdout, bench/out/summary.json for machines, raw timings in bench/out/.
# See docs/benchmarks.md for the method.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
out_dir="$bench_dir/out"

size=1g
runs=5
seed=42
regen=0
memory=1

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=${2:?--size needs a value}; shift 2 ;;
    --runs) runs=${2:?--runs needs a value}; shift 2 ;;
    --seed) seed=${2:?--seed needs a value}; shift 2 ;;
    --regen) regen=1; shift ;;
    --no-memory) memory=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "run.sh: --runs must be a positive whole number, got '$runs'" >&2
  exit 2
fi

exhunt_cmd=${EXHUNT_CMD:-$root/exhunt}
exhunt_jar=${EXHUNT_JAR:-$root/cli/target/exhunt.jar}
data_root=${BENCH_DATA:-$bench_dir/data}
data="$data_root/exchange-$size-seed$seed"
marker="$data.done"

say() { printf '%s\n' "$*" >&2; }

# ------------------------------------------------------------------ tools

# Installs a missing tool with apt-get when we may; otherwise says what is missing.
ensure_tool() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "run.sh: $cmd is missing; installing the Debian package '$pkg'"
    apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$pkg" >/dev/null 2>&1; } || true
  fi
  command -v "$cmd" >/dev/null 2>&1
}

if ! command -v java >/dev/null 2>&1; then
  say "run.sh: MISSING java (a JDK 17 or newer): it runs the data generator and exhunt"
  exit 2
fi
if ! ensure_tool rg ripgrep; then
  say "run.sh: MISSING ripgrep (rg), the reference tool: apt-get install ripgrep"
  exit 2
fi
timer=hyperfine
if ! ensure_tool hyperfine hyperfine; then
  timer=loop
  say "run.sh: hyperfine is missing (apt-get install hyperfine); timing with a plain loop instead"
fi
have_time=1
if [ ! -x /usr/bin/time ] && ! ensure_tool /usr/bin/time time; then
  have_time=0
  say "run.sh: /usr/bin/time is missing (apt-get install time); the memory run cannot report peak RSS"
fi

mkdir -p "$out_dir" "$data_root"

# ------------------------------------------------------------------ data

generator_sha=$(sha256sum "$bench_dir/GenerateLogs.java" | cut -c1-16)
gen_seconds="" gen_cpu="" gen_measured=earlier
if [ "$regen" = 1 ] || [ ! -f "$marker" ] || [ "$(sed -n 1p "$marker")" != "$generator_sha" ]; then
  say "run.sh: generating $size of logs with seed $seed into $data"
  rm -f "$marker"
  force=()
  [ -d "$data" ] && force=(--force)
  # Compiled first, so that the timing is the generator's and not javac's.
  classes="$out_dir/generator-classes"
  rm -rf "$classes"
  javac -d "$classes" "$bench_dir/GenerateLogs.java"
  gen_run=(java -cp "$classes" GenerateLogs --out "$data" --size "$size" --seed "$seed" "${force[@]}")
  if [ "$have_time" = 1 ]; then
    /usr/bin/time -f '%U %S' -o "$out_dir/generator-cpu.txt" "${gen_run[@]}" 2> "$out_dir/generator.log"
    gen_cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$out_dir/generator-cpu.txt")
  else
    "${gen_run[@]}" 2> "$out_dir/generator.log"
  fi
  cat "$out_dir/generator.log" >&2
  # the generator times itself from its first write to its last close: "GenerateLogs: 12.3 s, ..."
  gen_seconds=$(awk '/^GenerateLogs: [0-9.]+ s,/ { print $2 }' "$out_dir/generator.log")
  gen_measured="this run"
  printf '%s\n%s\n%s\n' "$generator_sha" "$gen_seconds" "$gen_cpu" > "$marker"
else
  gen_seconds=$(sed -n 2p "$marker")
  gen_cpu=$(sed -n 3p "$marker")
  say "run.sh: reusing $data (same generator, size and seed; --regen to rebuild)"
fi
data_bytes=$(find "$data" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
data_files=$(find "$data" -type f | wc -l)
mb=$(awk -v b="$data_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
gen_mbps=$(awk -v b="$data_bytes" -v s="$gen_seconds" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s }')

# ------------------------------------------------------------------ IOC literals

literals="$out_dir/ioc-literals.txt"
literal_source=$("$bench_dir/ioc-literals.sh" "$root/rules/ioc" "$bench_dir/ioc-fallback.txt" "$literals" 2>&1 >/dev/null)
say "run.sh: $literal_source"
literal_count=$(wc -l < "$literals")

# ------------------------------------------------------------------ commands and their first runs

q() { printf '%q' "$1"; }
rg_cmd="rg -F -f $(q "$literals") -c --no-ignore -uuu $(q "$data")"
exhunt_full="$exhunt_cmd scan $(q "$data") --quiet --json /dev/null"

# A first, untimed run of each command checks that it works and warms the page cache.
set +e
eval "$rg_cmd" > "$out_dir/rg-counts.txt" 2> "$out_dir/rg-stderr.txt"
rg_rc=$?
set -e
if [ "$rg_rc" -gt 1 ]; then
  say "run.sh: ripgrep failed (exit $rg_rc): $(head -c 500 "$out_dir/rg-stderr.txt")"
  exit 2
fi
rg_lines=$(awk -F: '{ s += $NF } END { printf "%d", s }' "$out_dir/rg-counts.txt")

exhunt_status=measured exhunt_reason="" exhunt_rc=""
exhunt_first_word=${exhunt_cmd%% *}
if ! command -v "$exhunt_first_word" >/dev/null 2>&1 && [ ! -x "$exhunt_first_word" ]; then
  exhunt_status=skipped
  exhunt_reason="command not found: $exhunt_first_word (set EXHUNT_CMD)"
else
  # The check run writes its report to a file, so we can tell a real scan from a command that
  # merely exits 0 or 1 (as 'java -jar missing.jar' does).
  check_report="$out_dir/exhunt-report.json"
  rm -f "$check_report"
  say "run.sh: checking exhunt: $exhunt_cmd scan $(q "$data") --quiet --json $(q "$check_report")"
  set +e
  eval "$exhunt_cmd scan $(q "$data") --quiet --json $(q "$check_report")" \
    > "$out_dir/exhunt-stdout.txt" 2> "$out_dir/exhunt-stderr.txt"
  exhunt_rc=$?
  set -e
  # 0 = nothing found, 1 = findings; anything else means it could not scan
  if [ "$exhunt_rc" -gt 1 ]; then
    exhunt_status=skipped
    exhunt_reason="exit code $exhunt_rc: $(tail -c 300 "$out_dir/exhunt-stderr.txt" | tr '\n' ' ')"
  elif ! grep -q '"verdict"' "$check_report" 2>/dev/null; then
    exhunt_status=skipped
    exhunt_reason="exit code $exhunt_rc but no report with a verdict in $check_report: $(tail -c 300 "$out_dir/exhunt-stderr.txt" | tr '\n' ' ')"
  fi
fi
if [ "$exhunt_status" = skipped ]; then
  say "run.sh: SKIPPING exhunt timing — $exhunt_reason"
fi

# ------------------------------------------------------------------ timed rounds

for name in rg exhunt; do
  : > "$out_dir/times-$name.txt"
  : > "$out_dir/cpu-$name.txt"
done

# Times one command once, appending its wall-clock seconds to times-NAME.txt and its CPU
# seconds (user + system, children included) to cpu-NAME.txt. CPU time barely moves when other
# work competes for the cores, so it cross-checks wall-clock ratios on a busy machine.
time_once() {
  local name=$1 cmd=$2
  if [ "$timer" = hyperfine ]; then
    hyperfine --runs 1 --warmup 0 --ignore-failure --style basic -n "$name" \
      --export-csv "$out_dir/round.csv" "$cmd" >> "$out_dir/hyperfine.log" 2>&1
    # columns: command,mean,stddev,median,user,system,min,max
    awk -F, 'NR == 2 { printf "%.6f\n", $2 }' "$out_dir/round.csv" >> "$out_dir/times-$name.txt"
    awk -F, 'NR == 2 { printf "%.6f\n", $5 + $6 }' "$out_dir/round.csv" >> "$out_dir/cpu-$name.txt"
  else
    local t0 t1
    t0=$(date +%s%N)
    if [ "$have_time" = 1 ]; then
      /usr/bin/time -f '%U %S' -o "$out_dir/round-cpu.txt" bash -c "$cmd" >/dev/null 2>&1 || true
      awk 'END { printf "%.6f\n", $1 + $2 }' "$out_dir/round-cpu.txt" >> "$out_dir/cpu-$name.txt"
    else
      bash -c "$cmd" >/dev/null 2>&1 || true
    fi
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", (b - a) / 1e9 }' >> "$out_dir/times-$name.txt"
  fi
}

: > "$out_dir/hyperfine.log"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "run.sh: $runs rounds, alternating which tool goes first ($timer; load average $load_before)"
for ((i = 1; i <= runs; i++)); do
  if [ "$exhunt_status" = measured ] && [ $((i % 2)) = 0 ]; then
    time_once exhunt "$exhunt_full"
    time_once rg "$rg_cmd"
  else
    time_once rg "$rg_cmd"
    [ "$exhunt_status" = measured ] && time_once exhunt "$exhunt_full"
  fi
  say "  round $i: rg $(tail -n1 "$out_dir/times-rg.txt") s$([ "$exhunt_status" = measured ] && echo ", exhunt $(tail -n1 "$out_dir/times-exhunt.txt") s" || true)"
done
rm -f "$out_dir/round.csv" "$out_dir/round-cpu.txt"

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) printf "%.4f", v[(NR + 1) / 2]; else printf "%.4f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mbps() { awk -v b="$data_bytes" -v s="$1" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s }'; }
json_list() { awk 'BEGIN { printf "[" } { printf "%s%s", (NR > 1 ? ", " : ""), $1 } END { printf "]" }' "$1"; }

ratio_of() { awk -v r="$1" -v e="$2" 'BEGIN { if (r != "" && e > 0) printf "%.3f", r / e }'; }
rg_median=$(median "$out_dir/times-rg.txt")
rg_mbps=$(mbps "$rg_median")
rg_cpu=$(median "$out_dir/cpu-rg.txt")
exhunt_median="" exhunt_mbps="" exhunt_cpu="" ratio="" cpu_ratio=""
if [ "$exhunt_status" = measured ]; then
  exhunt_median=$(median "$out_dir/times-exhunt.txt")
  exhunt_mbps=$(mbps "$exhunt_median")
  exhunt_cpu=$(median "$out_dir/cpu-exhunt.txt")
  ratio=$(ratio_of "$rg_median" "$exhunt_median")
  cpu_ratio=$(ratio_of "$rg_cpu" "$exhunt_cpu")
fi

# ------------------------------------------------------------------ flat memory

mem_status=measured mem_reason="" mem_rss_kb="" mem_wall="" mem_rc=""
mem_cmd="java -Xmx256m -jar $(q "$exhunt_jar") scan $(q "$data")"
if [ "$memory" = 0 ]; then
  mem_status=skipped mem_reason="--no-memory"
elif [ ! -f "$exhunt_jar" ]; then
  mem_status=skipped mem_reason="jar not found: $exhunt_jar (build with ./mvnw -q package -DskipTests, or set EXHUNT_JAR)"
elif [ "$have_time" = 0 ]; then
  mem_status=skipped mem_reason="/usr/bin/time is missing"
else
  say "run.sh: memory run: $mem_cmd"
  set +e
  /usr/bin/time -v -o "$out_dir/memory-time.txt" java -Xmx256m -jar "$exhunt_jar" scan "$data" \
    > "$out_dir/memory-stdout.txt" 2> "$out_dir/memory-stderr.txt"
  mem_rc=$?
  set -e
  mem_rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$out_dir/memory-time.txt")
  mem_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$out_dir/memory-time.txt")
  if [ "$mem_rc" -gt 1 ]; then
    mem_status=failed
    mem_reason="exit code $mem_rc: $({ grep -E 'OutOfMemoryError|Exception|rror' "$out_dir/memory-stderr.txt" || true; } | awk 'NR == 1' | cut -c1-300)"
    if [ "$mem_reason" = "exit code $mem_rc: " ]; then
      mem_reason="$mem_reason$(tail -c 300 "$out_dir/memory-stderr.txt" | tr '\n' ' ')"
    fi
  fi
fi

# ------------------------------------------------------------------ report

printf '\n'
printf 'data      %s  (%s MB, %s files, seed %s)\n' "$data" "$mb" "$data_files" "$seed"
printf 'generator %s s, %s MB/s, %s s CPU (%s)\n' "${gen_seconds:-?}" "${gen_mbps:-?}" "${gen_cpu:-?}" "$gen_measured"
printf 'literals  %s (%s)\n' "$literal_count" "$literal_source"
printf '\n%-8s %10s %10s %10s   %s\n' tool 'median s' 'MB/s' 'cpu s' command
printf '%-8s %10s %10s %10s   %s\n' rg "$rg_median" "$rg_mbps" "${rg_cpu:--}" "$rg_cmd"
if [ "$exhunt_status" = measured ]; then
  printf '%-8s %10s %10s %10s   %s\n' exhunt "$exhunt_median" "$exhunt_mbps" "${exhunt_cpu:--}" "$exhunt_full"
  printf '\nexhunt/rg throughput ratio: %s wall-clock, %s by CPU time  (floor 0.25, aim 0.5)\n' "$ratio" "${cpu_ratio:--}"
else
  printf '%-8s %10s %10s %10s   %s\n' exhunt - - - "skipped: $exhunt_reason"
fi
if [ "$mem_status" = measured ] || [ "$mem_status" = failed ]; then
  printf 'memory    -Xmx256m: %s, peak RSS %s kB, %s s, exit %s\n' "$mem_status" "${mem_rss_kb:-?}" "${mem_wall:-?}" "$mem_rc"
else
  printf 'memory    skipped: %s\n' "$mem_reason"
fi

js() { # a JSON string, or null when empty
  if [ -z "${1-}" ]; then printf 'null'; return; fi
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | tr -d '\000-\037')"
}
jn() { if [ -z "${1-}" ]; then printf 'null'; else printf '%s' "$1"; fi; }

# awk reads its whole input (no 'exit', no head): an early close would break the pipe under pipefail
cpu_model=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ && !m { m = $2 } END { print m }')
mem_total_kb=$(awk '/^MemTotal/ { print $2 }' /proc/meminfo)
java_version=$(java -version 2>&1 | awk 'NR == 1')
rg_version=$(rg --version | awk 'NR == 1')
hf_version=$([ "$timer" = hyperfine ] && hyperfine --version || true)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || true)

cat > "$out_dir/summary.json" <<JSON
{
  "schema": 1,
  "date": $(js "$(date -u +%Y-%m-%dT%H:%M:%SZ)"),
  "commit": $(js "$commit"),
  "machine": {
    "nproc": $(nproc),
    "cpu": $(js "$cpu_model"),
    "mem_total_kb": $(jn "$mem_total_kb"),
    "os": $(js "$(uname -sr)"),
    "java": $(js "$java_version")
  },
  "tools": { "rg": $(js "$rg_version"), "hyperfine": $(js "$hf_version"), "timer": $(js "$timer") },
  "data": {
    "path": $(js "$data"),
    "size": $(js "$size"),
    "seed": $seed,
    "bytes": $data_bytes,
    "files": $data_files,
    "generator": { "seconds": $(jn "$gen_seconds"), "mb_per_s": $(jn "$gen_mbps"), "cpu_s": $(jn "$gen_cpu"),
                   "measured": $(js "$gen_measured") }
  },
  "ioc_literals": { "file": $(js "$literals"), "count": $literal_count, "source": $(js "$literal_source") },
  "method": { "rounds": $runs, "order": "alternating", "page_cache": "warm", "statistic": "median",
              "load_average_before": $(js "$load_before"), "load_average_after": $(js "$(cut -d' ' -f1-3 /proc/loadavg)") },
  "rg": {
    "command": $(js "$rg_cmd"),
    "times_s": $(json_list "$out_dir/times-rg.txt"),
    "median_s": $(jn "$rg_median"),
    "mb_per_s": $(jn "$rg_mbps"),
    "cpu_s": $(json_list "$out_dir/cpu-rg.txt"),
    "median_cpu_s": $(jn "$rg_cpu"),
    "matching_lines": $rg_lines
  },
  "exhunt": {
    "status": $(js "$exhunt_status"),
    "reason": $(js "$exhunt_reason"),
    "command": $(js "$exhunt_full"),
    "exit_code": $(jn "$exhunt_rc"),
    "times_s": $(json_list "$out_dir/times-exhunt.txt"),
    "median_s": $(jn "$exhunt_median"),
    "mb_per_s": $(jn "$exhunt_mbps"),
    "cpu_s": $(json_list "$out_dir/cpu-exhunt.txt"),
    "median_cpu_s": $(jn "$exhunt_cpu")
  },
  "ratio_exhunt_over_rg": $(jn "$ratio"),
  "cpu_ratio_exhunt_over_rg": $(jn "$cpu_ratio"),
  "targets": { "floor": 0.25, "aim": 0.5 },
  "memory": {
    "status": $(js "$mem_status"),
    "reason": $(js "$mem_reason"),
    "command": $(js "$mem_cmd"),
    "peak_rss_kb": $(jn "$mem_rss_kb"),
    "wall_s": $(jn "$mem_wall"),
    "exit_code": $(jn "$mem_rc")
  }
}
JSON
say "run.sh: wrote $out_dir/summary.json"
