#!/usr/bin/env bash
# Spark job against exhunt scan on the same generated logs, on this machine:
#   bench/spark.sh [DATA] [ROUNDS]
# DATA is one server's folder from GenerateLogs (default bench/data/exchange-1g-seed42); the job
# reads it through a one-server lake (<lake>/EXCH-BENCH -> DATA). Rounds alternate the commands
# so that changes of the machine's load touch them alike; results go to bench/out/spark.tsv.
# EXHUNT_BUILD_DIR names the modules' build folder (default target) for both jars.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/bench/data/exchange-1g-seed42}"
rounds="${2:-3}"
out="$root/bench/out"
lake="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$lake" "$work"' EXIT
mkdir -p "$out"
ln -s "$(cd "$data" && pwd)" "$lake/EXCH-BENCH"
bytes=$(find -L "$data" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')

# Warm-up: builds the job if needed, and fills the page cache. Then the built jars are used as
# they are, so that a source edit during the run does not start a build mid-measurement.
build="${EXHUNT_BUILD_DIR:-target}"
[ -f "$root/cli/$build/exhunt.jar" ] || (cd "$root" && ./mvnw -B -q -o -Dexhunt.build.dir="$build" -pl cli -am package -DskipTests)
"$root/exhunt-spark" --master 'local[2]' "$lake" --out "$work/warm" >/dev/null 2>&1
export EXHUNT_SPARK_NO_REBUILD=1
# The scan with the launcher's collector and the optimising compiler, as the job has it.
cp "$root/cli/$build/exhunt.jar" "$work/exhunt.jar"
scan=(java -XX:+UseSerialGC -jar "$work/exhunt.jar" scan)
"${scan[@]}" "$data" --quiet --json /dev/null || true

results="$out/spark.tsv"
printf 'round\twhat\twall_s\tcpu_s\tMBps_wall\tfindings\tload1\n' > "$results"
measure() { # round name command...
  local round=$1 name=$2; shift 2
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  TIMEFORMAT='%R %U %S'
  local times; times=$( { time "$@" >/dev/null 2>"$work/err"; } 2>&1 | tail -n 1) || true
  local wall cpu; wall=$(echo "$times" | cut -d' ' -f1); cpu=$(echo "$times" | awk '{print $2+$3}')
  local findings=-
  if [ -f "$work/findings.jsonl" ]; then findings=$(wc -l < "$work/findings.jsonl"); rm -f "$work/findings.jsonl"; fi
  if [ -d "$work/job/findings.jsonl" ]; then findings=$(cat "$work/job/findings.jsonl"/part-* | wc -l); fi
  printf '%s\t%s\t%s\t%s\t%.1f\t%s\t%s\n' "$round" "$name" "$wall" "$cpu" \
    "$(echo "$bytes / $wall / 1000000" | bc -l)" "$findings" "$load" | tee -a "$results"
}
for r in $(seq 1 "$rounds"); do
  measure "$r" "exhunt scan --threads 1" "${scan[@]}" "$data" --quiet --threads 1 --jsonl "$work/findings.jsonl"
  measure "$r" "exhunt scan (2 threads)" "${scan[@]}" "$data" --quiet --jsonl "$work/findings.jsonl"
  rm -rf "$work/job"
  measure "$r" "exhunt-spark local[1]" "$root/exhunt-spark" --master 'local[1]' "$lake" --out "$work/job"
  rm -rf "$work/job"
  measure "$r" "exhunt-spark local[2]" "$root/exhunt-spark" --master 'local[2]' "$lake" --out "$work/job"
  rm -rf "$work/job"
done
echo "data: $data, $bytes bytes; results in $results"
