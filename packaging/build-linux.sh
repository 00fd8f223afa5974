#!/usr/bin/env bash
# Build the Linux app bundle dist/op25b-wizard/ from this checkout (a fresh clone is enough).
#
#   packaging/build-linux.sh [--archive] [--clean] [--distpath DIR] [--workpath DIR]
#
# Uses .venv when it has PyInstaller (bash .ci/setup installs it); otherwise makes its own
# build environment in build/packaging-venv. Needs python3 (3.11+) with venv, and binutils
# (PyInstaller reads libraries with objdump). --archive also writes
# dist/op25b-wizard-<version>-linux-<arch>.tar.xz; --clean drops PyInstaller's caches first;
# --distpath and --workpath put the bundle and PyInstaller's work files elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."

archive=no
clean=()
distpath=dist
workpath=build/pyinstaller
while [ $# -gt 0 ]; do
  case "$1" in
    --archive) archive=yes ;;
    --clean) clean=(--clean) ;;
    --distpath|--workpath)
      [ $# -ge 2 ] || { echo "build-linux.sh: $1 needs a folder" >&2; exit 2; }
      if [ "$1" = --distpath ]; then distpath=$2; else workpath=$2; fi
      shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-linux.sh: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in objdump ldd; do
  command -v "$tool" >/dev/null || {
    echo "build-linux.sh: '$tool' is missing; install binutils (apt-get install binutils)" >&2
    exit 1
  }
done

if [ -x .venv/bin/pyinstaller ]; then
  py=.venv/bin/python
else
  venv=build/packaging-venv
  stamp="$venv/.installed"
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Making the build environment in $venv ..."
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q '.[packaging]'
    echo "$want" > "$stamp"
  fi
  py="$venv/bin/python"
fi

version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' op25b_wizard/__init__.py)
app_id=io.github.op25b_wizard.Op25bWizard
dist="$distpath/op25b-wizard"

"$py" -m PyInstaller --noconfirm "${clean[@]}" --log-level WARN \
  --distpath "$distpath" --workpath "$workpath" packaging/op25b-wizard.spec

# Desktop integration beside the program: packaging/linux/install.sh puts it in place.
share="$dist/share"
install -Dm644 "packaging/linux/$app_id.desktop" "$share/applications/$app_id.desktop"
install -Dm644 "packaging/linux/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 resources/icons/app/op25b-wizard.svg "$share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "resources/icons/app/png/op25b-wizard-$size.png" \
    "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
install -m755 packaging/linux/install.sh "$dist/install.sh"

"$dist/op25b-wizard" --version
du -sh "$dist" | sed 's/\t.*//; s/^/bundle size: /'

if [ "$archive" = yes ]; then
  out="$distpath/op25b-wizard-$version-linux-$(uname -m).tar.xz"
  tar -C "$distpath" --owner=0 --group=0 --sort=name -cf - op25b-wizard | xz -T0 -9 --block-size=48MiB > "$out"
  du -h "$out" | sed 's/\t.*//; s/^/archive size: /'
  echo "$out"
fi
