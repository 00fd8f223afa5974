"""PyInstaller hook for PySide6.QtGui that leaves out the Qt plugins the wizard never loads.

It replaces PyInstaller's own hook of the same name (hooks given to the spec's ``hookspath``
take precedence). Plugins are dropped *here*, before PyInstaller resolves their library
dependencies: dropping them from the finished Analysis would still ship what they link (the
GTK platform theme drags in GTK, GDK, Pango, cairo and more; the Wayland plugins Qt's Wayland
client library).
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

EXCLUDED_PLUGIN_DIRS = frozenset({
    "egldeviceintegrations",  # EGLFS on bare hardware (kiosks), not desktops
    "generic",  # evdev/tslib input for EGLFS
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
})
"""Whole plugin folders nobody needs on a desktop (Wayland sessions use xcb via XWayland)."""

EXCLUDED_PLUGINS = frozenset({
    # platform themes: GTK (the heavy one)
    "qgtk3",
    # platforms other than xcb, offscreen, minimal, windows, cocoa
    "qwayland", "qwayland-egl", "qwayland-generic", "qeglfs", "qlinuxfb", "qvnc",
    "qvkkhrdisplay", "qminimalegl",
    # image formats the wizard never reads (it draws SVG; PNG is built into QtGui)
    "qpdf", "qtiff", "qwebp", "qtga", "qwbmp", "qgif", "qjpeg",
    # an on-screen keyboard that needs QtQuick
    "qtvirtualkeyboardplugin",
})
"""Single plugins, by name without ``lib`` prefix, ``d`` debug suffix or extension."""


def plugin_name(path: str) -> str:
    stem = PurePath(path).name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted(src: str, dest: str) -> bool:
    parts = PurePath(dest).parts
    if "plugins" not in parts:
        return True
    if set(parts[parts.index("plugins") + 1:]) & EXCLUDED_PLUGIN_DIRS:
        return False
    return plugin_name(src) not in EXCLUDED_PLUGINS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if wanted(src, dest)]
