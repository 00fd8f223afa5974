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
# the menu entry names the program by its full path: a desktop hides an entry whose program is
# not on the session's PATH, and ~/.local/bin often is not until the next log-in
desktop="$PREFIX/share/applications/io.github.op25b_wizard.Op25bWizard.desktop"
if [ -f "$desktop" ]; then
  exe="$PREFIX/bin/op25b-wizard"
  case "$exe" in
    *[\"\`\$\\%]*) exe=op25b-wizard ;;  # cannot be written plainly: keep the name on PATH
    *[!A-Za-z0-9_./-]*) exe="\"$exe\"" ;;  # spaces, non-ASCII: quoted, as the spec says
  esac
  tmp="$desktop.tmp"
  awk -v exe="$exe" '/^Exec=/ { sub(/^Exec=op25b-wizard/, "Exec=" exe) } { print }' \
    "$desktop" > "$tmp" && mv "$tmp" "$desktop"
fi
# refresh the menu and icon caches where the desktop has them (harmless if it fails)
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$PREFIX/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
fi
echo "op25b-wizard installed: $PREFIX/bin/op25b-wizard and its menu entry"
