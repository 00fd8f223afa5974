"""The export formats by name, and :func:`export` to write one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from op25b_wizard.core.exports import (
    autoconfig,
    autodiscover,
    git_send_email,
    mobileconfig,
    msmtp,
    settings_json,
    sheet_html,
    thunderbird_userjs,
)
from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportError, ExportSettings
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg

Renderer = Callable[[ExportSettings, ExportOptions], "str | bytes"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    """The name on the command line (``op25b-wizard export NAME``)."""
    description: Msg
    file_name: str
    """A suggested file name (``{domain}`` is replaced)."""
    media_type: str
    render: Renderer | None
    """None for the PDF sheet, which :mod:`op25b_wizard.sheet_pdf` renders with Qt."""
    needs_incoming: bool = False
    """The format describes the incoming server too (assumed values need a note)."""

    @property
    def binary(self) -> bool:
        return self.render is None or self.name == "mobileconfig"


def _d(source: str) -> Msg:
    return msg("Export", source)


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("autoconfig", _d(QT_TRANSLATE_NOOP(
        "Export", "Mozilla autoconfig XML (Thunderbird, Thunderbird for Android, Evolution, KMail, "
        "FairEmail)")), "config-v1.1.xml", "application/xml", autoconfig.render, True),
    ExportFormat("mobileconfig", _d(QT_TRANSLATE_NOOP(
        "Export", "Apple configuration profile (Mail on iPhone, iPad and Mac)")),
        "{domain}.mobileconfig", "application/x-apple-aspen-config", mobileconfig.render, True),
    ExportFormat("autodiscover", _d(QT_TRANSLATE_NOOP(
        "Export", "Microsoft Autodiscover XML (Outlook)")),
        "autodiscover.xml", "application/xml", autodiscover.render, True),
    ExportFormat("msmtp", _d(QT_TRANSLATE_NOOP("Export", "msmtp account (~/.msmtprc)")),
                 "msmtprc", "text/plain", msmtp.render),
    ExportFormat("git-send-email", _d(QT_TRANSLATE_NOOP(
        "Export", "git send-email settings (~/.gitconfig)")),
        "gitconfig-sendemail", "text/plain", git_send_email.render),
    ExportFormat("thunderbird-userjs", _d(QT_TRANSLATE_NOOP(
        "Export", "Thunderbird user.js lines")), "user.js", "text/javascript",
        thunderbird_userjs.render),
    ExportFormat("json", _d(QT_TRANSLATE_NOOP("Export", "The settings and the diagnosis as JSON")),
                 "{domain}-mail-settings.json", "application/json", settings_json.render, True),
    ExportFormat("html", _d(QT_TRANSLATE_NOOP("Export", "Printable settings sheet (HTML)")),
                 "{domain}-mail-settings.html", "text/html", sheet_html.render),
    ExportFormat("pdf", _d(QT_TRANSLATE_NOOP("Export", "Printable settings sheet (PDF)")),
                 "{domain}-mail-settings.pdf", "application/pdf", None),
)}


def export(fmt: str, settings: ExportSettings, options: ExportOptions | None = None) -> str | bytes:
    """Write *settings* in format *fmt*: text as ``str``, binary formats as ``bytes``.

    Raises :class:`ExportError` for an unknown format, for ``pdf`` (see
    :func:`op25b_wizard.sheet_pdf.export_pdf`) and for settings a format cannot express.
    """
    info = FORMATS.get(fmt)
    if info is None:
        raise ExportError(msg("Export", QT_TRANSLATE_NOOP(
            "Export", "Unknown export format \"{name}\" (one of: {names})."),
            name=fmt, names=", ".join(FORMATS)))
    if info.render is None:
        raise ExportError(msg("Export", QT_TRANSLATE_NOOP(
            "Export", "The {name} sheet is rendered by the application, not the core."), name=fmt))
    return info.render(settings, options or ExportOptions())


def suggested_file_name(fmt: str, settings: ExportSettings) -> str:
    return FORMATS[fmt].file_name.replace("{domain}", settings.domain)
