#!/usr/bin/env bash
# Recall and false positives of exhunt's own web-shell YARA rules (rules/yara/) on the corpus.
#
#   bench/webshell-rules.sh [--misses] [--by-rule] [--no-exhunt]
#
# The web shells are split by the first hex digit of their content-id file name: 0-7 is the
# development half, 8-f the evaluation half. The evaluation half was measured unread for the first
# rule set; its misses have since been read to write rule families (docs/rules.md says which
# figures are from before and after), so both halves now report figures after reading.
# Benign files are ASP.NET pages and code plus real Exchange configuration files; every match
# there is a false positive. --misses lists the web shells no rule matched, in both halves;
# --by-rule counts the files each rule matched in each set. The figures come from the reference
# yara and then from 'exhunt yara' (skipped with --no-exhunt), and the two engines' (rule, file)
# pairs are compared.
#
# Environment: CORPUS (default ../shared/corpus), YARA (default yara), YARAC (default yarac),
# EXHUNT_CMD (default ./exhunt; e.g. "java -jar cli/target/exhunt.jar").
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
rules_dir="$root/rules/yara"
corpus=${CORPUS:-$root/../shared/corpus}
read -r -a exhunt_cmd <<< "${EXHUNT_CMD:-$root/exhunt}"
yara_cmd=${YARA:-yara}
yarac_cmd=${YARAC:-yarac}
show_misses=false
by_rule=false
with_exhunt=true
while [ $# -gt 0 ]; do
  case "$1" in
    --misses) show_misses=true; shift ;;
    --by-rule) by_rule=true; shift ;;
    --no-exhunt) with_exhunt=false; shift ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "webshell-rules.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
for need in "$corpus/webshells" "$corpus/benign" "$rules_dir/files.index"; do
  if [ ! -e "$need" ]; then
    echo "webshell-rules.sh: $need is missing (set CORPUS to the corpus folder)" >&2
    exit 1
  fi
done
command -v "$yara_cmd" >/dev/null || { echo "webshell-rules.sh: '$yara_cmd' not found (Debian package yara)" >&2; exit 1; }
# Both engines print the paths they were given: one spelling of the corpus folder for all lists.
corpus=$(cd "$corpus" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Rule files in load order, as the product loads them.
rule_files=()
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  rule_files+=("$rules_dir/$line")
done < "$rules_dir/files.index"

# One line per match: "<rule> <file>". Sets are listed as absolute paths.
find "$corpus/webshells" -maxdepth 1 -type f -name '[0-7]*' | sort > "$work/dev.list"
find "$corpus/webshells" -maxdepth 1 -type f -name '[89a-f]*' | sort > "$work/eval.list"
find "$corpus/benign" -type f | sort > "$work/benign.list"

# Reports, for one engine, the matched files per set from a "<rule> <file>" match list.
report() {
  local engine=$1 matches=$2
  cut -d' ' -f2- "$matches" | sort -u > "$work/matched.$engine"
  printf '%s\n' "engine: $engine (${#rule_files[@]} rule files, $(grep -c '^rule\|^private rule' "${rule_files[@]}" | awk -F: '{s+=$2} END {print s}') rules)"
  local set total hit
  for set in dev eval benign; do
    total=$(wc -l < "$work/$set.list")
    hit=$(comm -12 "$work/$set.list" "$work/matched.$engine" | wc -l)
    case "$set" in
      benign) awk -v h="$hit" -v t="$total" 'BEGIN { printf "  benign (false positives)       %4d / %4d = %5.2f %%\n", h, t, 100*h/t }' ;;
      *)      awk -v s="$set" -v h="$hit" -v t="$total" 'BEGIN { printf "  web shells %-4s recall (%s)  %4d / %4d = %5.2f %%\n", s, (s=="dev" ? "0-7" : "8-f"), h, t, 100*h/t }' ;;
    esac
  done
  cat "$work/dev.list" "$work/eval.list" > "$work/all.list"
  local all_total all_hit
  all_total=$(wc -l < "$work/all.list")
  all_hit=$(sort "$work/all.list" | comm -12 - "$work/matched.$engine" | wc -l)
  awk -v h="$all_hit" -v t="$all_total" 'BEGIN { printf "  web shells all recall          %4d / %4d = %5.2f %%\n", h, t, 100*h/t }'
  if $show_misses; then
    echo "  missed web shells (development half):"
    comm -23 "$work/dev.list" "$work/matched.$engine" | sed "s|^$corpus/||; s|^|    |"
    echo "  missed web shells (evaluation half):"
    comm -23 "$work/eval.list" "$work/matched.$engine" | sed "s|^$corpus/||; s|^|    |"
    echo "  benign files matched:"
    grep -F -f "$work/benign.list" "$matches" | sed "s|$corpus/||; s|^|    |" || true
  fi
  if $by_rule; then
    echo "  files matched per rule (dev / eval / benign):"
    local rule
    for rule in $(cut -d' ' -f1 "$matches" | sort -u); do
      local d e b
      d=$(awk -v r="$rule" '$1 == r { sub(/^[^ ]+ /, ""); print }' "$matches" | sort -u | comm -12 - "$work/dev.list" | wc -l)
      e=$(awk -v r="$rule" '$1 == r { sub(/^[^ ]+ /, ""); print }' "$matches" | sort -u | comm -12 - "$work/eval.list" | wc -l)
      b=$(awk -v r="$rule" '$1 == r { sub(/^[^ ]+ /, ""); print }' "$matches" | sort -u | comm -12 - "$work/benign.list" | wc -l)
      printf '    %-60s %4d %4d %4d\n' "$rule" "$d" "$e" "$b"
    done
  fi
}

# --- reference engine: YARA 4.2.3 ---------------------------------------------------------
"$yarac_cmd" -w "${rule_files[@]}" "$work/rules.yarc"
: > "$work/yara.matches"
for set in dev eval benign; do
  # --scan-list reads the files to scan from a list; -C loads the compiled rules.
  "$yara_cmd" -w -C --scan-list "$work/rules.yarc" "$work/$set.list" >> "$work/yara.matches"
done
report yara "$work/yara.matches"

# --- exhunt's own YARA engine (exhunt yara) -------------------------------------------------
if $with_exhunt; then
  # exhunt yara takes one file or folder per run and no scan lists: the sets are walked as folders
  # and the matches kept to the listed files.
  : > "$work/exhunt.raw"
  for folder in webshells benign; do
    "${exhunt_cmd[@]}" yara -w -r "${rule_files[@]}" "$corpus/$folder" >> "$work/exhunt.raw"
  done
  cat "$work/dev.list" "$work/eval.list" "$work/benign.list" | sort > "$work/listed"
  awk 'NR == FNR { listed[$0] = 1; next } { f = $0; sub(/^[^ ]+ /, "", f); if (f in listed) print }' \
      "$work/listed" "$work/exhunt.raw" > "$work/exhunt.matches"
  report exhunt "$work/exhunt.matches"
  if diff <(sort "$work/yara.matches") <(sort "$work/exhunt.matches") > "$work/engines.diff"; then
    echo "engines agree: $(wc -l < "$work/yara.matches") (rule, file) pairs identical"
  else
    echo "engines disagree on these (rule, file) pairs (< yara only, > exhunt only):"
    grep '^[<>]' "$work/engines.diff" | sed "s|$corpus/||; s|^|  |"
  fi
fi
