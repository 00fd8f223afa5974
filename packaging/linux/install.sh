#!/usr/bin/env sh
# Put op25b-wizard on the menu and on PATH, from the unpacked bundle this script sits in.
#
#   sudo ./install.sh            # for everyone: /usr/local
#   ./install.sh                 # for you only: ~/.local
#   PREFIX=/opt/local ./install.sh
#
# The bundle stays where it is (e.g. /opt/op25b-wizard); a company preset, op25b-preset.xml,
# goes beside the op25b-wizard program in that folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
if [ -z "${PREFIX:-}" ]; then
  if [ "$(id -u)" = 0 ]; then PREFIX=/usr/local; else PREFIX="$HOME/.local"; fi
fi
mkdir -p "$PREFIX/bin" "$PREFIX/share"
ln -sfn "$here/op25b-wizard" "$PREFIX/bin/op25b-wizard"
cp -R "$here/share/." "$PREFIX/share/"
# refresh the menu and icon caches where the desktop has them (harmless if it fails)
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$PREFIX/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
fi
echo "op25b-wizard installed: $PREFIX/bin/op25b-wizard and its menu entry"
