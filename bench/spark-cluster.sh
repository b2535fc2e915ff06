#!/usr/bin/env bash
# A real spark-submit of the job to a Spark standalone cluster on this machine:
#   bench/spark-cluster.sh [INPUT] [OUT]
# Starts a standalone master and one worker on 127.0.0.1 from Spark's own classes (the Spark jars
# Maven resolved for the spark module), submits spark/<build>/exhunt-spark-job.jar with
# org.apache.spark.deploy.SparkSubmit (the class a Spark distribution's bin/spark-submit runs),
# checks verdicts.json and stops the cluster. INPUT defaults to examples/, OUT to a temporary folder.
# EXHUNT_BUILD_DIR names the module build folder (default target); SPARK_MASTER_PORT the master's port
# (default 7077).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
input="${1:-$root/examples}"
build="${EXHUNT_BUILD_DIR:-target}"
port="${SPARK_MASTER_PORT:-7077}"
work="$(mktemp -d)"
out="${2:-$work/out}"
pids=()
stop() {
  local status=$?
  # Only the two daemons this script started; the worker ends its executors as it stops.
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    # Keep what tells why: the daemons' logs and each executor's output.
    echo "spark-cluster: failed; logs kept in $work/home/logs and $work/home/work" >&2
    rm -rf "$work/home/jars"
  else
    rm -rf "$work/home"
  fi
}
trap stop EXIT

jar="$root/spark/$build/exhunt-spark-job.jar"
classpath="$root/spark/$build/classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ]; then
  echo "spark-cluster: building the job jar into spark/$build…" >&2
  (cd "$root" && ./mvnw -B -q -o -Dexhunt.build.dir="$build" -DskipTests -pl spark -am package \
      dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$classpath")
fi

# A worker starts executors with the jars of SPARK_HOME/jars (a distribution's layout, marked by a
# RELEASE file): build that folder from the Spark jars Maven resolved, not from exhunt's own.
home="$work/home"
mkdir -p "$home/jars" "$home/logs" "$home/work"
touch "$home/RELEASE"
tr ':' '\n' < "$classpath" | grep '\.jar$' | grep -v '/org/exhunt/\|/exhunt-' | while read -r j; do
  ln -sf "$j" "$home/jars/$(basename "$j")"
done
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_WORKER_DIR="$home/work"

# Spark reaches into JDK internals; Java 17 must open them (the list of Spark's JavaModuleOptions).
opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
)
# The daemons log at Spark's default level (their start-up lines are what this script waits for);
# the submitting JVM, like the launcher, shows warnings and errors only.
# exec: the background job's pid is then the daemon's own, so that stop() ends the JVM itself.
daemon_java() { exec java "${opens[@]}" -Xmx512m -cp "$home/jars/*" "$@"; }
spark_java() { java "${opens[@]}" -Xmx512m -Dlog4j2.configurationFile="$root/spark/local-log4j2.properties" \
  -cp "$home/jars/*" "$@"; }

master="spark://127.0.0.1:$port"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "spark-cluster: something already listens on 127.0.0.1:$port; stop it or set SPARK_MASTER_PORT" >&2
  exit 2
fi
daemon_java org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  >"$home/logs/master.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  grep -q "I have been elected leader" "$home/logs/master.log" 2>/dev/null && break
  sleep 1
done
grep -q "I have been elected leader" "$home/logs/master.log" || { cat "$home/logs/master.log" >&2; echo "spark-cluster: master did not start" >&2; exit 2; }
daemon_java org.apache.spark.deploy.worker.Worker "$master" --host 127.0.0.1 --cores 2 --memory 2g \
  --webui-port 0 --work-dir "$home/work" >"$home/logs/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  grep -q "Successfully registered with master" "$home/logs/worker.log" 2>/dev/null && break
  sleep 1
done
grep -q "Successfully registered with master" "$home/logs/worker.log" || { cat "$home/logs/worker.log" >&2; echo "spark-cluster: worker did not register" >&2; exit 2; }

submit=(org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client
  --class org.exhunt.spark.HuntJob --conf spark.ui.enabled=false --conf spark.executor.memory=1g
  --conf spark.exhunt.sliceBytes=65536 "$jar" "$input" --out "$out")
echo "spark-cluster: java -cp \"\$SPARK_HOME/jars/*\" ${submit[*]}"
TIMEFORMAT='spark-cluster: submit took %R s wall'
time spark_java "${submit[@]}"

# The job ran on the cluster's executor, not in the submitting JVM: the worker started one.
ls "$home/work"/app-*/0/stderr >/dev/null 2>&1 || { echo "spark-cluster: no executor was started by the worker" >&2; exit 1; }
# One verdict per server folder, and one for files lying loose at the root (examples/README.md).
servers=$(find -L "$input" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ -n "$(find -L "$input" -mindepth 1 -maxdepth 1 -type f -print -quit)" ] && servers=$((servers + 1))
python3 - "$out/verdicts.json" "$servers" "$master" <<'PY'
import json, sys
verdicts = json.load(open(sys.argv[1]))
if len(verdicts) != int(sys.argv[2]):
    sys.exit(f"spark-cluster: verdicts.json judges {len(verdicts)} servers, the input has {sys.argv[2]}")
print(f"spark-cluster: {len(verdicts)} servers judged on {sys.argv[3]}:")
for v in sorted(verdicts, key=lambda v: v["evidence"]):
    print(f"  {v['evidence'].rsplit('/', 1)[-1]}: host {v['host']}, {v['verdict']['value']}, {v['findings']} findings")
PY
echo "spark-cluster: findings: $(cat "$out"/findings.jsonl/part-* | wc -l) lines in $out/findings.jsonl"
