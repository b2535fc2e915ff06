#!/usr/bin/env bash
# EVTX parsing speed: exhunt's reader against python-evtx, the library behind evtx_dump.py,
# on the same files in the same run. Each side reads every record and renders it as XML.
#
#   bench/evtx.sh [EVTX_FOLDER]        (default: ../shared/corpus/evtx)
#
# Java: median of 5 rounds after a warm-up (at least 3 rounds and 5 s), files preloaded (EvtxBenchmark).
# Python: median of 3 runs of one process walking all files (no per-file start-up cost,
# which favours Python), plus one run of evtx_dump.py per file as a user would call it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus/evtx}
build=${EXHUNT_BUILD_DIR:-target-bench}
python=/usr/bin/python3

(cd "$root" && mvn -B -q -o -Dexhunt.build.dir="$build" -pl evtx test-compile)
cp="$root/evtx/$build/classes:$root/evtx/$build/test-classes"

echo "== exhunt (java $(java -version 2>&1 | head -1 | cut -d'"' -f2))"
java -Xmx1g -cp "$cp" org.exhunt.evtx.EvtxBenchmark "$corpus" 5

echo "== python-evtx ($($python --version 2>&1)), one process over all files"
times=()
for i in 1 2 3; do
  out=$("$python" - "$corpus" <<'PY'
import os, sys, time
import Evtx.Evtx as evtx
records = failed = 0
start = time.time()
for folder, _, names in os.walk(sys.argv[1]):
    for name in sorted(names):
        if not name.endswith('.evtx'):
            continue
        try:
            with evtx.Evtx(os.path.join(folder, name)) as log:
                for r in log.records():
                    r.xml()
                    records += 1
        except Exception:
            failed += 1
print(records, failed, time.time() - start, time.process_time())
PY
)
  echo "run $i: records, files failed, wall seconds, CPU seconds: $out"
  times+=("$out")
done
printf '%s\n' "${times[@]}" | sort -k3 -n | sed -n 2p | awk '{printf "python-evtx median wall: %d records in %.2f s, %.0f records/s\n", $1, $3, $1/$3}'
printf '%s\n' "${times[@]}" | sort -k4 -n | sed -n 2p | awk '{printf "python-evtx median CPU: %d records in %.2f CPU-s, %.0f records per CPU-second\n", $1, $4, $1/$4}'

echo "== evtx_dump.py, one process per file"
start=$(date +%s.%N)
find "$corpus" -name '*.evtx' -print0 | xargs -0 -n1 "$python" /usr/bin/evtx_dump.py 2>/dev/null | grep -c '^<Event xmlns' || true
end=$(date +%s.%N)
echo "evtx_dump.py seconds: $(echo "$end - $start" | bc)"
