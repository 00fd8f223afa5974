"""``op25b-wizard --self-check``: can this computer run the wizard? Builds and shows the first
page (the offscreen platform will do), then prints what a helpdesk asks about: version, Qt,
language, the keyring and whether it is safe, and the mail clients found. Exit status 0 when
the app is usable, 1 when not."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, QTimer, qVersion
from PySide6.QtGui import QGuiApplication

from op25b_wizard import __version__, i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP
from op25b_wizard.core.text_columns import columns
from op25b_wizard.gui.app import create_wizard, ensure_app, installed_catalogues
from op25b_wizard.gui.services import Services

CTX = "SelfCheck"
TIMEOUT_S = 10.0
"""How long each check may take (the keyring may wait on D-Bus)."""


class _PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _with_timeout(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    """Run *fn* in a thread; (result, error); TimeoutError when it takes too long."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - reported
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(TIMEOUT_S)
    if t.is_alive():
        return None, TimeoutError(f"no answer within {TIMEOUT_S:.0f} s")
    return box.get("value"), box.get("error")


def _tr(source: str, **args: object) -> str:
    return i18n.tr(CTX, source, **args)


def _clients(services: Services) -> str:
    parts: list[str] = []
    for client in services.mail_clients():
        from op25b_wizard.core.clients.registry import unavailable_reason

        if unavailable_reason(client) is not None:
            continue  # Outlook off Windows: not a mail client of this system
        profiles = client.profiles()
        if not profiles:
            if services.installed(client.name):  # never started: no profile is made yet
                parts.append(_tr(QT_TRANSLATE_NOOP(
                    "SelfCheck", "{client}: installed, no profile yet (start it once)"),
                    client=client.display_name))
            else:
                parts.append(_tr(QT_TRANSLATE_NOOP("SelfCheck", "{client}: not found"),
                                 client=client.display_name))
            continue
        accounts = 0
        for p in profiles:
            try:
                accounts += len(client.accounts(p))
            except Exception:  # noqa: BLE001 - an unreadable profile counts as none
                continue
        parts.append(_tr(QT_TRANSLATE_NOOP("SelfCheck", "{client}: {profiles} profile(s), {accounts} account(s)"),
                         client=client.display_name, profiles=len(profiles), accounts=accounts))
    return "; ".join(parts)


def _preset(named: Path | None) -> str:
    """Which company preset the wizard would use, and for which domains (or why not)."""
    from op25b_wizard.core.lookup.autoconfig import AutoconfigError
    from op25b_wizard.core.lookup.preset import find_bundled_preset, load_preset

    path = named or find_bundled_preset()
    if path is None:
        return _tr(QT_TRANSLATE_NOOP("SelfCheck", "none (no op25b-preset.xml beside the program)"))
    try:
        config = load_preset(path)
    except AutoconfigError as e:
        return _tr(QT_TRANSLATE_NOOP("SelfCheck", "{path}, NOT usable: {reason}"), path=str(path),
                   reason=i18n.render(e.message))
    servers = ", ".join(f"{s.hostname}:{s.port}" for s in config.outgoing)
    return _tr(QT_TRANSLATE_NOOP("SelfCheck", "{path}, for {domains} ({servers})"),
               path=str(path), domains=", ".join(config.domains) or "-", servers=servers)


def self_check(lang: str | None = None, out: TextIO | None = None,
               services: Services | None = None, preset: Path | None = None) -> int:
    out = out or sys.stdout
    services = services or Services()
    app = ensure_app()
    t0 = time.monotonic()
    wizard = create_wizard(lang=lang, services=services)
    watch = _PaintWatch()
    first = wizard.currentPage() or wizard.page(wizard.startId())
    first.installEventFilter(watch)
    wizard.show()
    deadline = time.monotonic() + TIMEOUT_S
    while not watch.painted and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    shown_s = time.monotonic() - t0

    rows: list[tuple[str, str]] = []
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Version")), f"op25b-wizard {__version__}"))
    rows.append(("Python", sys.version.split()[0]))
    rows.append(("Qt", f"{qVersion()} (PySide6 {pyside_version}), "
                       + _tr(QT_TRANSLATE_NOOP("SelfCheck", "platform {name}"),
                             name=QGuiApplication.platformName())))
    catalogues = installed_catalogues()
    if i18n.language() == "en":
        lang_state = _tr(QT_TRANSLATE_NOOP("SelfCheck", "built-in English"))
    else:
        lang_state = _tr(QT_TRANSLATE_NOOP("SelfCheck", "{count} catalogue(s) loaded: {files}"),
                         count=len(catalogues), files=", ".join(c.rsplit("/", 1)[-1] for c in catalogues) or "-")
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Language")), f"{i18n.language()} ({lang_state})"))
    usable = watch.painted
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "First page")),
                 _tr(QT_TRANSLATE_NOOP("SelfCheck", "shown in {seconds} s"), seconds=f"{shown_s:.2f}")
                 if usable else _tr(QT_TRANSLATE_NOOP("SelfCheck", "NOT shown"))))

    status, error = _with_timeout(services.backend_status)
    if error is not None:
        keyring_text = _tr(QT_TRANSLATE_NOOP("SelfCheck", "could not be checked: {error}"), error=error)
    elif status.secure:
        keyring_text = _tr(QT_TRANSLATE_NOOP("SelfCheck", "{name}, safe ({store})"),
                           name=status.name, store=i18n.render(status.platform_store_name))
    else:
        keyring_text = _tr(QT_TRANSLATE_NOOP("SelfCheck", "{name}, NOT safe: {reason}"),
                           name=status.name, reason=i18n.render(status.reason))
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Keyring")), keyring_text))

    clients, error = _with_timeout(lambda: _clients(services))
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Mail clients")),
                 clients if error is None else _tr(QT_TRANSLATE_NOOP(
                     "SelfCheck", "could not be checked: {error}"), error=error)))
    text, error = _with_timeout(lambda: _preset(preset))
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Company preset")),
                 text if error is None else _tr(QT_TRANSLATE_NOOP(
                     "SelfCheck", "could not be checked: {error}"), error=error)))
    rows.append((_tr(QT_TRANSLATE_NOOP("SelfCheck", "Result")),
                 _tr(QT_TRANSLATE_NOOP("SelfCheck", "usable")) if usable
                 else _tr(QT_TRANSLATE_NOOP("SelfCheck", "NOT usable: the window could not be shown"))))

    width = max(columns(k) for k, _ in rows) + 2
    for key, value in rows:
        print(f"{key}:{' ' * (width - columns(key))}{value}", file=out)
    out.flush()
    wizard.done(0)
    QTimer.singleShot(0, wizard.deleteLater)
    app.processEvents()
    return 0 if usable else 1
