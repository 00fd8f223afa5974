"""The wizard's SVG icons (``resources/icons``), drawn sharp at any scale factor."""

from __future__ import annotations

import site
import sys
import sysconfig
from functools import cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def _icon_dir() -> Path:
    """``resources/icons`` beside the package (a checkout, an editable install, the bundles),
    else ``<prefix>/share/op25b-wizard/icons`` where a wheel install puts them."""
    here = Path(__file__).resolve().parents[2] / "resources" / "icons"
    installed = [Path(p) / "share" / "op25b-wizard" / "icons"
                 for p in (sysconfig.get_path("data"), sys.prefix, site.getuserbase())]
    return next((d for d in (here, *installed) if (d / "ok.svg").is_file()), here)


ICON_DIR = _icon_dir()

APP_ICON = "app/op25b-wizard"
"""The application's own icon: the same SVG the bundles, the .desktop file and installers use."""

CLIENT_ICONS = {"thunderbird": "thunderbird", "becky": "becky"}
STATE_ICONS = ("ok", "fail", "warn", "wait", "testing", "skipped")


def path(name: str) -> Path:
    return ICON_DIR / f"{name}.svg"


@cache
def _renderer(name: str) -> QSvgRenderer:
    r = QSvgRenderer(str(path(name)))
    if not r.isValid():
        raise FileNotFoundError(f"icon {name!r} not found or not valid SVG: {path(name)}")
    return r


def pixmap(name: str, size: int) -> QPixmap:
    """*name* rendered at *size* logical pixels, for the screen's device pixel ratio."""
    app = QApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    _renderer(name).render(p, QRectF(0, 0, pm.width(), pm.height()))
    p.end()
    pm.setDevicePixelRatio(ratio)
    return pm


def icon(name: str) -> QIcon:
    ic = QIcon()
    for size in (16, 24, 32, 48, 64):
        ic.addPixmap(pixmap(name, size))
    return ic


def client_icon_name(client: str | None) -> str:
    return CLIENT_ICONS.get(client or "", "mail")
