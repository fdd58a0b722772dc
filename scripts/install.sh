#!/usr/bin/env bash
# Install whatever is missing for Uchaske on Debian 12: system packages (apt),
# the Python virtualenv (.venv, requirements.txt) and lessc (npm, package.json).
# Idempotent and quick on a second run (stamps in .venv/ and node_modules/).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES=(
  postgresql libpq-dev gcc python3-dev python3-venv acl
  postgresql-15-postgis-3
  wkhtmltopdf poppler-utils chromium chromium-driver nginx gettext
  fonts-dejavu-core fonts-noto-core fonts-liberation
  nodejs npm
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm/python may come from elsewhere than Debian (e.g. pyenv, nvm)
filtered=()
for p in "${missing[@]}"; do
  case "$p" in
    nodejs) command -v node >/dev/null || filtered+=("$p") ;;
    npm) command -v npm >/dev/null || filtered+=("$p") ;;
    python3-dev|python3-venv) python3 -c 'import venv, sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null || filtered+=("$p") ;;
    *) filtered+=("$p") ;;
  esac
done
if [ "${#filtered[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo"
  else
    echo "ERROR: these Debian packages are missing and installing them needs root:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${filtered[*]}" >&2
    echo "Run that command (or this script as root), then run this command again." >&2
    exit 1
  fi
  echo "==> installing system packages: ${filtered[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}" >/dev/null
fi

PY=python3
$PY -c 'import sys; sys.exit(sys.version_info[:2] < (3, 11))' \
  || { echo "ERROR: Python >= 3.11 required (found $($PY --version))" >&2; exit 1; }

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }

want="$(stamp requirements.txt)"
if [ ! -x .venv/bin/python ] || [ "$(cat .venv/.uchaske-stamp 2>/dev/null)" != "$want" ]; then
  echo "==> Python virtualenv (.venv) from requirements.txt"
  [ -x .venv/bin/python ] || $PY -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check --no-deps -r requirements.txt
  echo "$want" > .venv/.uchaske-stamp
fi

# uchaske_rules/ (the legal rules both addons import) importable in .venv from
# any directory: a .pth file naming this checkout. Checked on every run, apart
# from the stamp above, so that a virtualenv made before the package existed
# (or used by another checkout) gets it too.
site="$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
if [ "$(cat "$site/uchaske.pth" 2>/dev/null)" != "$ROOT" ]; then
  echo "==> uchaske_rules importable in .venv ($site/uchaske.pth)"
  echo "$ROOT" > "$site/uchaske.pth"
fi

want="$(stamp package.json package-lock.json)"
if [ ! -x node_modules/.bin/lessc ] || [ "$(cat node_modules/.uchaske-stamp 2>/dev/null)" != "$want" ]; then
  echo "==> lessc (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  echo "$want" > node_modules/.uchaske-stamp
fi
