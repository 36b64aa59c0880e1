#!/usr/bin/env bash
# Records CPython 3.13's traces of the conformance scenarios:
# runs tests/conformance/scenarios/NAME.py and writes tests/conformance/expected/NAME.txt.
#
#   _tools/regen_conformance.sh             # every scenario
#   _tools/regen_conformance.sh core_foo    # only the named ones (with or without .py)
#
# PYTHON overrides the interpreter (default: pyenv's 3.13.0).
set -euo pipefail
cd "$(dirname "$0")/.."

source _tools/_python313.sh regen_conformance

dir=tests/conformance
mkdir -p "$dir/expected"
if [[ $# -gt 0 ]]; then
  scenarios=()
  for name in "$@"; do scenarios+=("$dir/scenarios/${name%.py}.py"); done
else
  scenarios=("$dir"/scenarios/*.py)
fi

status=0
for py in "${scenarios[@]}"; do
  [[ -e "$py" ]] || { echo "regen_conformance: no such scenario $py" >&2; status=1; continue; }
  name="$(basename "$py" .py)"
  out="$dir/expected/$name.txt"
  tmp="$(mktemp)"
  if PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 timeout 60 "$PYTHON" "$py" >"$tmp"; then
    mv "$tmp" "$out"
    echo "recorded $out ($(wc -l <"$out") lines)"
  else
    rm -f "$tmp"
    echo "regen_conformance: $py failed; $out left unchanged" >&2
    status=1
  fi
done
exit $status
