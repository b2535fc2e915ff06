#!/usr/bin/env bash
# Writes the IOC literal list that ripgrep searches for in the benchmark, one literal a line.
#
#   bench/ioc-literals.sh IOC_DIR FALLBACK_FILE OUT_FILE
#
# From the built-in lists (IOC_DIR/*.tsv: type<TAB>value<TAB>description<TAB>reference, '#'
# comments) it keeps the types that can appear in a web log line: ip, user-agent, uri-path and
# domain. sha256 values describe files, not log lines, and a cidr is not a literal, so both are
# left out. A user agent containing spaces is also written in IIS's form, with '+' for spaces,
# because IIS logs it that way. Without any list in IOC_DIR it copies FALLBACK_FILE's values.
# Prints on stderr where the literals came from.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 IOC_DIR FALLBACK_FILE OUT_FILE" >&2
  exit 2
fi
ioc_dir=$1 fallback=$2 out=$3
mkdir -p "$(dirname "$out")"

shopt -s nullglob
lists=("$ioc_dir"/*.tsv)
if [ ${#lists[@]} -gt 0 ]; then
  awk -F'\t' '
    /^[[:space:]]*(#|$)/ { next }
    NF < 2 { printf "%s:%d: skipped, expected type<TAB>value\n", FILENAME, FNR > "/dev/stderr"; next }
    $1 == "ip" || $1 == "uri-path" || $1 == "domain" { print $2; next }
    $1 == "user-agent" { print $2; if (index($2, " ")) { v = $2; gsub(/ /, "+", v); print v }; next }
  ' "${lists[@]}" | awk 'length($0) > 0 && !seen[$0]++' > "$out"
  echo "ioc literals: $(wc -l < "$out") from ${#lists[@]} list(s) in $ioc_dir" >&2
else
  if [ ! -f "$fallback" ]; then
    echo "ioc literals: no lists in $ioc_dir and fallback $fallback is missing" >&2
    exit 2
  fi
  grep -v -E '^[[:space:]]*(#|$)' "$fallback" | awk '!seen[$0]++' > "$out"
  echo "ioc literals: $(wc -l < "$out") from the fallback list $fallback ($ioc_dir has no *.tsv)" >&2
fi

if [ ! -s "$out" ]; then
  echo "ioc literals: the list $out came out empty" >&2
  exit 2
fi
