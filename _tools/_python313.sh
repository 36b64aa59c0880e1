# Sourced by the scripts that record CPython's output: sets PYTHON to a
# CPython 3.13 (PYTHON from the environment, else pyenv's 3.13.0, else
# python3) and exits if it is another version. $1 names the caller in the
# error message.
PYTHON="${PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
  if command -v pyenv >/dev/null 2>&1 && [[ -x "$(pyenv root)/versions/3.13.0/bin/python3" ]]; then
    PYTHON="$(pyenv root)/versions/3.13.0/bin/python3"
  else
    PYTHON=python3
  fi
fi
version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [[ "$version" != "3.13" ]]; then
  echo "$1: need Python 3.13, $PYTHON is $version" >&2
  exit 1
fi
