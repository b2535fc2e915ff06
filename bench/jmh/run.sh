#!/usr/bin/env bash
# Installs the exhunt modules into the local Maven repository (~/.m2), builds the benchmark jar
# and runs the JMH benchmarks with short settings, writing JSON results to bench/out/jmh.json.
#
#   bench/jmh/run.sh                       # every benchmark
#   bench/jmh/run.sh LiteralScan           # benchmarks whose name matches a regular expression
#   SKIP_INSTALL=1 bench/jmh/run.sh ...    # reuse the installed exhunt jars
#   EXHUNT_COMMIT=HEAD bench/jmh/run.sh    # install that commit, not the working tree
#
# Extra arguments go to JMH after the default settings, so they override them (e.g. -i 10).
# Settings: MVN (maven command, default mvn), MVN_OFFLINE (default -o; set empty to download),
# BUILD_DIR (exhunt's build folder for the install, default target-jmh).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mvn_cmd="${MVN:-mvn}"
offline="${MVN_OFFLINE--o}"
build_dir="${BUILD_DIR:-target-jmh}"
out="$root/bench/out"

if [[ -z "${SKIP_INSTALL:-}" ]]; then
    src="$root"
    if [[ -n "${EXHUNT_COMMIT:-}" ]]; then
        # Half-finished edits in a working tree can make a kernel slow or even loop; results
        # that name a commit are measured on exactly that commit, exported to a scratch folder.
        src="$(mktemp -d)"
        trap 'rm -rf "$src"' EXIT
        git -C "$root" archive "$EXHUNT_COMMIT" | tar -x -C "$src"
        echo "installing exhunt $(git -C "$root" rev-parse --short "$EXHUNT_COMMIT") from $src"
    fi
    # A separate build folder keeps this from clobbering other builds of the same tree.
    (cd "$src" && "$mvn_cmd" -B -q $offline "-Dexhunt.build.dir=$build_dir" install -DskipTests)
fi
(cd "$here" && "$mvn_cmd" -B -q $offline package)

mkdir -p "$out"
cd "$root"
java -jar "$here/target/benchmarks.jar" \
    -f 1 -wi 3 -i 5 -w 2s -r 2s \
    -jvmArgsAppend "-Dexhunt.root=$root" \
    -rf json -rff "$out/jmh.json" \
    "$@"
echo "results: $out/jmh.json"
