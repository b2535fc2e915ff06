#!/usr/bin/env bash
# exhunt yara against the yara 4.2.3 command: every signature-base rule file over a folder of
# about 180 MB made of copies of the corpus EVTX logs, web shells and benign web files (the corpus
# itself is never touched). One thread each, then two threads each; median of RUNS runs of wall
# seconds, CPU seconds (user + system) and peak RSS, and the yara/exhunt ratios. The two tools'
# outputs are compared too (they must be the same lines).
#
#   bench/yara.sh [RUNS]          (default 3)
#
# Environment: CORPUS (default ../shared/corpus), YARA (default /usr/bin/yara), TARGET_MB
# (default 180), EXHUNT (the exhunt command; default: the ./exhunt launcher when its jar is up to
# date, otherwise classes compiled into EXHUNT_BUILD_DIR, default target-yara-bench, so that no
# shared build output is rebuilt while others use it).
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
corpus=${CORPUS:-$root/../shared/corpus}
yara_cmd=${YARA:-/usr/bin/yara}
runs=${1:-3}
target_bytes=$(( ${TARGET_MB:-180} * 1000 * 1000 ))
build=${EXHUNT_BUILD_DIR:-target-yara-bench}

for need in "$corpus/yara/yara" "$corpus/evtx" "$corpus/webshells" "$corpus/benign"; do
  [ -d "$need" ] || { echo "yara.sh: $need is missing (set CORPUS to the corpus folder)" >&2; exit 1; }
done
command -v "$yara_cmd" >/dev/null || { echo "yara.sh: '$yara_cmd' not found (Debian package yara)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "yara.sh: /usr/bin/time not found (Debian package time)" >&2; exit 1; }

# The exhunt command: the launcher unless it would rebuild its jar first.
if [ -n "${EXHUNT:-}" ]; then
  read -r -a exhunt_cmd <<< "$EXHUNT"
elif [ -f "$root/cli/target/exhunt.jar" ] && [ -z "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src/main "$root/rules" \
    -newer "$root/cli/target/exhunt.jar" -type f -print -quit 2>/dev/null)" ]; then
  exhunt_cmd=("$root/exhunt")
else
  echo "== the launcher's jar is stale: compiling into $build instead" >&2
  (cd "$root" && mvn -B -q -o -Dexhunt.build.dir="$build" -pl cli -am compile)
  (cd "$root" && mvn -B -q -o -Dexhunt.build.dir="$build" -pl cli -am dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$root/cli/$build/runtime.classpath") >/dev/null
  cp=""
  for m in evtx sigma yara hunt cli; do cp="$cp$root/$m/$build/classes:"; done
  # third-party jars only: the project's own modules come from the classes just compiled
  cp="$cp$(tr ':' '\n' < "$root/cli/$build/runtime.classpath" | grep -v '/org/exhunt/' | paste -sd: -)"
  exhunt_cmd=(java -XX:+UseSerialGC -cp "$cp" org.exhunt.cli.Main)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Target: whole corpus folders copied in turn until the size is reached.
total=0
copy=1
while [ "$total" -lt "$target_bytes" ]; do
  for d in evtx webshells benign; do
    [ "$total" -lt "$target_bytes" ] || break
    mkdir -p "$work/target/copy$copy"
    cp -r "$corpus/$d" "$work/target/copy$copy/$d"
    total=$(( total + $(du -sb "$corpus/$d" | cut -f1) ))
  done
  copy=$(( copy + 1 ))
done
files=$(find "$work/target" -type f | wc -l)
# Read once so that every run finds the files in the page cache.
find "$work/target" -type f -exec cat {} + > /dev/null

rules=("$corpus"/yara/yara/*.yar)
# signature-base uses these external variables; yara needs them defined, exhunt predefines them
defines=(-d filename= -d filepath= -d extension= -d filetype= -d owner=)

echo "machine: $(nproc) CPUs, $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
echo "yara: $("$yara_cmd" -v); exhunt: ${exhunt_cmd[*]:0:3}...; java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
echo "rules: ${#rules[@]} signature-base files; target: $files files, $(du -sb "$work/target" | cut -f1) bytes; runs: $runs"

# run NAME THREADS: prints the medians "wall cpu rss_kb" and keeps the last output in $work/NAME-THREADS.out
measure() {
  local name=$1 threads=$2 i
  local -a cmd
  if [ "$name" = yara ]; then cmd=("$yara_cmd"); else cmd=("${exhunt_cmd[@]}" yara); fi
  : > "$work/$name-$threads.times"
  for i in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
      "${cmd[@]}" -w -r -p "$threads" "${defines[@]}" "${rules[@]}" "$work/target" > "$work/$name-$threads.out"
    tail -1 "$work/time" >> "$work/$name-$threads.times"
  done
  local wall cpu rss
  wall=$(awk '{print $1}' "$work/$name-$threads.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  cpu=$(awk '{print $2 + $3}' "$work/$name-$threads.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  rss=$(awk '{print $4}' "$work/$name-$threads.times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$wall $cpu $rss"
}

printf '%-8s %-7s %9s %9s %12s %s\n' tool threads wall_s cpu_s peak_rss_MB matches
for threads in 1 2; do
  read -r yw yc yr <<< "$(measure yara "$threads")"
  read -r ew ec er <<< "$(measure exhunt "$threads")"
  printf '%-8s %-7s %9.2f %9.2f %12.0f %s\n' yara "$threads" "$yw" "$yc" "$((yr / 1024))" "$(wc -l < "$work/yara-$threads.out")"
  printf '%-8s %-7s %9.2f %9.2f %12.0f %s\n' exhunt "$threads" "$ew" "$ec" "$((er / 1024))" "$(wc -l < "$work/exhunt-$threads.out")"
  awk -v yw="$yw" -v ew="$ew" -v yc="$yc" -v ec="$ec" -v t="$threads" \
    'BEGIN {printf "ratio yara/exhunt, %s thread(s): wall %.2f, CPU %.2f\n", t, yw / ew, yc / ec}'
  if cmp -s <(sort "$work/yara-$threads.out") <(sort "$work/exhunt-$threads.out"); then
    echo "outputs: the same lines"
  else
    echo "outputs DIFFER:"; diff <(sort "$work/yara-$threads.out") <(sort "$work/exhunt-$threads.out") | head -20
  fi
done
