#!/usr/bin/env bash
# Checks the benchmark data generator: same seed gives byte-identical output, another seed
# gives other output, the requested size is reached, every data line has exactly the columns
# of the header in force, and the attack traffic is there.
#
#   bench/check-generator.sh [SIZE]      (default 64m; exits non-zero on the first failure)
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
size=${1:-64m}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "check-generator: FAIL: $*" >&2; exit 1; }
pass() { echo "check-generator: ok: $*"; }
gen() { java "$bench_dir/GenerateLogs.java" --out "$1" --size "$size" --seed "$2" 2> "$1.log"; }
digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64); }

gen "$work/a" 42
gen "$work/b" 42
gen "$work/c" 7

[ "$(digest "$work/a")" = "$(digest "$work/b")" ] || fail "two runs with seed 42 differ"
pass "seed 42 twice: byte-identical"
[ "$(digest "$work/a")" != "$(digest "$work/c")" ] || fail "seeds 42 and 7 gave the same output"
pass "seeds 42 and 7: different"

bytes=$(find "$work/a" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
case "$size" in
  *[kK]) want=$(( ${size%?} * 1024 )) ;;
  *[mM]) want=$(( ${size%?} * 1024 * 1024 )) ;;
  *[gG]) want=$(( ${size%?} * 1024 * 1024 * 1024 )) ;;
  *) want=$size ;;
esac
[ "$bytes" -ge "$want" ] || fail "wrote $bytes bytes, asked for $want"
pass "size: $bytes bytes >= $want"
reported=$(awk '/^GenerateLogs: wrote/ { gsub(/,/, "", $3); print $3 }' "$work/a.log")
[ "$reported" = "$bytes" ] || fail "generator reports $reported bytes written, the files hold $bytes"
pass "the generator's byte count matches the files"

iis="$work/a/inetpub/logs/LogFiles/W3SVC1"
proxy="$work/a/Program Files/Microsoft/Exchange Server/V15/Logging/HttpProxy"
ls "$iis"/u_ex*.log >/dev/null 2>&1 || fail "no IIS logs under $iis"
[ -d "$proxy/Mapi" ] && [ -d "$proxy/Ecp" ] && [ -d "$proxy/Eas" ] || fail "HttpProxy protocol folders missing under $proxy"

# IIS: a data line has as many space-separated values as the #Fields line before it names.
find "$iis" -type f -name 'u_ex*.log' -print0 | xargs -0 awk '
  /^#Fields: / { n = split(substr($0, 10), f, " ") ; next }
  /^#/ { next }
  { sub(/\r$/, ""); if (split($0, v, " ") != n) { printf "%s:%d: %d values, header names %d\n", FILENAME, FNR, split($0, v, " "), n; bad = 1; exit } }
  END { exit bad }' || fail "IIS column count"
pass "IIS lines match their #Fields header"

# HttpProxy: count CSV columns outside quotes and compare with the #Fields header.
find "$proxy" -type f -name 'HttpProxy_*.LOG' -print0 | xargs -0 awk '
  # Quoted values (with doubled quotes inside) pair up, so removing each "..." leaves only
  # the separating commas.
  function columns(s) {
    gsub(/"[^"]*"/, "", s)
    return gsub(/,/, ",", s) + 1
  }
  FNR == 1 { if ($0 !~ /^#Software: Microsoft Exchange Server/) { printf "%s: first line is not the Exchange header\n", FILENAME; bad = 1; exit } }
  /^#Fields: / { sub(/\r$/, ""); n = columns(substr($0, 10)); next }
  /^#/ { next }
  { sub(/\r$/, ""); if (columns($0) != n) { printf "%s:%d: %d columns, header names %d\n", FILENAME, FNR, columns($0), n; bad = 1; exit } }
  END { exit bad }' || fail "HttpProxy column count"
pass "HttpProxy rows match their #Fields header"

grep -rqF 'ServerInfo~a]@' "$proxy/Ecp" || fail "no ProxyLogon AnchorMailbox in the Ecp HttpProxy logs"
grep -rqE '/autodiscover/autodiscover.json [^ ]*@' "$iis" || fail "no ProxyShell autodiscover.json@ request in IIS logs"
grep -rqE ' POST /(aspnet_client|owa/auth)/[^ ]+\.aspx ' "$iis" || fail "no web shell POST in IIS logs"
pass "attack traffic present (ProxyLogon SSRF, ProxyShell, web shell POSTs)"
