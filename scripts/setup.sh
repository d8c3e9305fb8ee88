#!/usr/bin/env bash
# Set up everything annotator needs on a fresh Debian machine, idempotently:
#  1. the Debian libraries Qt needs (and fonts with Kazakh letters), and a virtual X screen with
#     keyboard layouts for the tests, when run as root with apt;
#  2. a virtual environment in .venv with the project and its test extra, from pyproject.toml.
# Safe to run again: it only installs what is missing or what pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
DEBIAN_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-noto-core
  # for the tests that drive the real window on a virtual X screen with Kazakh and Russian layouts
  xvfb xdotool x11-xkb-utils xkb-data libxtst6)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: Qt needs these Debian packages; install them with: sudo apt-get install ${missing[*]}" >&2
  fi
fi

stamp=.venv/.installed
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing annotator and its dependencies into .venv (log: .venv/setup.log)" >&2
  # Earlier versions installed the whole PySide6 (670 MB of add-ons the app never imports): remove them,
  # so that only PySide6-Essentials, in the range pyproject.toml allows, remains.
  if ! { .venv/bin/python -m pip install --upgrade pip \
      && .venv/bin/python -m pip uninstall -y PySide6 PySide6_Addons PySide6_Pdf PySide6_WebEngine \
      && .venv/bin/python -m pip install -e '.[test]'; } \
      >.venv/setup.log 2>&1; then
    tail -n 30 .venv/setup.log >&2
    echo "setup: pip failed; see .venv/setup.log" >&2
    exit 1
  fi
  .venv/bin/python -c "import annotator, PySide6.QtWidgets, PySide6.QtSvgWidgets, sqlalchemy, alembic, pytestqt"
  touch "$stamp"
fi
