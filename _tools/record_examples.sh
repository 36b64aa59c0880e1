#!/usr/bin/env bash
# Records the expected output of the examples from their Python originals:
# runs examples/python/NAME.py with CPython 3.13 and writes its standard output
# to examples/NAME.out, and its exit status to examples/NAME.exit when it is
# not 0 (the example check compares both; standard error is not compared).
#
#   _tools/record_examples.sh                    # every example
#   _tools/record_examples.sh seed03_15_lock     # only the named ones (with or without .py)
#   RUNS=5 _tools/record_examples.sh             # also run each 5 times and fail
#                                                # if the output ever differs (timing races)
#
# PYTHON overrides the interpreter (default: pyenv's 3.13.0).
set -euo pipefail
cd "$(dirname "$0")/.."

source _tools/_python313.sh record_examples
RUNS="${RUNS:-1}"

if [[ $# -gt 0 ]]; then
  programs=()
  for name in "$@"; do programs+=("examples/python/${name%.py}.py"); done
else
  programs=(examples/python/*.py)
fi

# Same interpreter settings for every run: UTF-8 output, fixed hash seed, no
# bytecode files in the tree.
export PYTHONIOENCODING=utf-8 PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

status=0
for py in "${programs[@]}"; do
  [[ -e "$py" ]] || { echo "record_examples: no such program $py" >&2; status=1; continue; }
  name="$(basename "$py" .py)"
  out="examples/$name.out"
  tmp="$(mktemp)"
  code=0
  "$PYTHON" "$py" >"$tmp" 2>/dev/null || code=$?
  for ((i = 2; i <= RUNS; i++)); do
    again="$(mktemp)"
    again_code=0
    "$PYTHON" "$py" >"$again" 2>/dev/null || again_code=$?
    if ! cmp -s "$tmp" "$again" || [[ "$again_code" != "$code" ]]; then
      echo "record_examples: $name is not deterministic (run $i differs):" >&2
      diff "$tmp" "$again" >&2 || true
      status=1
    fi
    rm -f "$again"
  done
  mv "$tmp" "$out"
  if [[ "$code" != 0 ]]; then
    echo "$code" >"examples/$name.exit"
  else
    rm -f "examples/$name.exit"
  fi
  echo "recorded $out$([[ "$code" != 0 ]] && echo " (exit $code)" || true)"
done
exit $status
