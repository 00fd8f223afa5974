"""PyInstaller hook for PySide6.QtPrintSupport that keeps CUPS out of the bundle.

It replaces PyInstaller's own hook of the same name. Qt's CUPS print plugin links libcups,
and collecting it drags in libcups with GnuTLS, Kerberos, p11-kit and more (about 9 MB) from
the build machine. Every Linux desktop that prints has its own libcups; so the plugin is left
out here, before PyInstaller resolves what it links, and the spec adds it back as a plain
file: it then loads the system's libcups (and where there is none, Qt prints to PDF only).
"""

from pathlib import PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

CUPS_PLUGIN = "libcupsprintersupport.so"

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if PurePath(src).name != CUPS_PLUGIN]
