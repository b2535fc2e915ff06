#!/usr/bin/env bash
# Windows event hunting benchmark: exhunt over the corpus EVTX files copied N times (20 copies
# are about 430,000 events) with every SigmaHQ rule loaded, in rounds, with medians; then the
# same scan under -Xmx256m for the memory figure.
#
#   bench/windows.sh [--copies 20] [--runs 3]
#
# Environment: EXHUNT_CMD (default ./exhunt), EXHUNT_JAR (default cli/target/exhunt.jar),
# CORPUS (default ../shared/corpus), BENCH_DATA (default bench/data).
# Results: a table on stdout and bench/out/windows-summary.json. Method: docs/benchmarks.md.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
out_dir="$bench_dir/out"
copies=20
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) copies=${2:?--copies needs a value}; shift 2 ;;
    --runs) runs=${2:?--runs needs a value}; shift 2 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "windows.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
corpus=${CORPUS:-$root/../shared/corpus}
exhunt_cmd=${EXHUNT_CMD:-$root/exhunt}
exhunt_jar=${EXHUNT_JAR:-$root/cli/target/exhunt.jar}
data="${BENCH_DATA:-$bench_dir/data}/evtx-x$copies"
for need in "$corpus/evtx" "$corpus/sigma/rules" "$corpus/sigma/rules-emerging-threats" "$corpus/sigma/rules-threat-hunting"; do
  [ -d "$need" ] || { echo "windows.sh: missing $need (the public corpus beside the project)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "windows.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
mkdir -p "$out_dir"

# The data: N copies of the corpus EVTX folder, each under its own name, so every file is read.
if [ ! -f "$data.done" ]; then
  echo "windows.sh: copying the corpus EVTX $copies times into $data" >&2
  rm -rf "$data"
  for ((i = 1; i <= copies; i++)); do
    mkdir -p "$data/copy-$i"
    cp -R "$corpus/evtx/." "$data/copy-$i/"
  done
  touch "$data.done"
fi
bytes=$(find "$data" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
files=$(find "$data" -type f | wc -l)

rules=(--no-default-rules --rules "$corpus/sigma/rules" --rules "$corpus/sigma/rules-emerging-threats"
       --rules "$corpus/sigma/rules-threat-hunting")
report="$out_dir/windows-report.json"
: > "$out_dir/windows-times.txt"
for ((i = 1; i <= runs; i++)); do
  set +e
  /usr/bin/time -f '%e %U %S %M' -o "$out_dir/windows-round.txt" \
    $exhunt_cmd scan "$data" "${rules[@]}" --quiet --json "$report" > /dev/null 2> "$out_dir/windows-stderr.txt"
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "windows.sh: exhunt failed (exit $rc): $(tail -c 400 "$out_dir/windows-stderr.txt")" >&2
    exit 2
  fi
  tail -n1 "$out_dir/windows-round.txt" >> "$out_dir/windows-times.txt"
  echo "  round $i: $(tail -n1 "$out_dir/windows-round.txt" | awk '{ printf "%s s wall, %.2f s CPU", $1, $2 + $3 }')" >&2
done

read -r events sigma_rules findings < <(python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["scan"]["events"], r["scan"].get("rules", {}).get("sigma", 0), len(r["findings"]))
PY
)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall=$(awk '{ print $1 }' "$out_dir/windows-times.txt" | median)
cpu=$(awk '{ print $2 + $3 }' "$out_dir/windows-times.txt" | median)
rss=$(awk '{ print $4 }' "$out_dir/windows-times.txt" | median)

set +e
/usr/bin/time -f '%e %M' -o "$out_dir/windows-memory.txt" java -Xmx256m -jar "$exhunt_jar" scan "$data" "${rules[@]}" \
  --quiet > /dev/null 2> "$out_dir/windows-memory-stderr.txt"
mem_rc=$?
set -e
mem=$(tail -n1 "$out_dir/windows-memory.txt")

eps=$(awk -v e="$events" -v s="$wall" 'BEGIN { printf "%.0f", e / s }')
eps_cpu=$(awk -v e="$events" -v s="$cpu" 'BEGIN { printf "%.0f", e / s }')
printf '\ndata     %s (%s files, %.1f MB, %s events)\n' "$data" "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$events"
printf 'rules    %s Sigma rules (SigmaHQ rules, rules-emerging-threats, rules-threat-hunting), %s findings\n' "$sigma_rules" "$findings"
printf 'exhunt   median %s s wall, %s s CPU, peak RSS %s kB (%s rounds)\n' "$wall" "$cpu" "$rss" "$runs"
printf 'speed    %s events/s wall-clock on %s cores, %s events per CPU-second (must 20,000/s; goal 100,000/s)\n' "$eps" "$(nproc)" "$eps_cpu"
printf 'memory   -Xmx256m: exit %s, %s s, peak RSS %s kB\n' "$mem_rc" "$(echo "$mem" | cut -d' ' -f1)" "$(echo "$mem" | cut -d' ' -f2)"
cat > "$out_dir/windows-summary.json" <<JSON
{"date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "commit": "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || true)",
 "nproc": $(nproc), "java": "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')",
 "data": {"copies": $copies, "files": $files, "bytes": $bytes, "events": $events},
 "sigma_rules": $sigma_rules, "findings": $findings, "runs": $runs,
 "median_wall_s": $wall, "median_cpu_s": $cpu, "events_per_s": $eps, "events_per_cpu_s": $eps_cpu,
 "peak_rss_kb": $rss, "memory_run": {"xmx": "256m", "exit": $mem_rc, "result": "$mem"}}
JSON
