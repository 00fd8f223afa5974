"""The settings sheet as a one-page A4 PDF, rendered by Qt from the sheet's HTML.

Outside the core because it needs Qt: QTextDocument lays the HTML out, QPdfWriter writes it.
A QGuiApplication must exist; when none does (the command line), one is created on the
offscreen platform, so no display is needed. Japanese needs a CJK font: Noto Sans CJK JP.

The same sheet gives the same bytes, in the wizard and on the command line: the document ID is
derived from the content, with ``SOURCE_DATE_EPOCH`` set its dates are that time (else now), and
the embedded fonts are written in one order. Qt writes the fonts in the order of a QHash, which
follows the process's random hash seed, so the seed is made deterministic while the sheet is
painted and random again afterwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QHashSeed,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    QUuid,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from op25b_wizard import APP_NAME, __version__
from op25b_wizard.core.exports import sheet_html
from op25b_wizard.core.exports.options import ExportOptions, source_date_epoch
from op25b_wizard.core.exports.settings import ExportSettings

RESOLUTION_DPI = 300
MARGIN_MM = 15.0
CELL_PADDING_PT = 3.0
MIN_SCALE = 0.5
"""Below this the sheet would be too small to read; it then goes on a second page."""

_app: QGuiApplication | None = None


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one kept for the process's life."""
    global _app
    app = QGuiApplication.instance()
    if app is None:
        _app = QGuiApplication([APP_NAME, "-platform", "offscreen"])
        app = _app
    return app  # type: ignore[return-value]


def sheet_font() -> QFont:
    """The sheet's fonts that are installed (Latin first, then Japanese), else sans serif."""
    installed = set(QFontDatabase.families())
    families = [f for f in sheet_html.FONT_FAMILIES if f in installed] or ["Sans Serif"]
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(10)
    return font


def _pad_tables(document: QTextDocument, padding: float) -> None:
    """Give every table cell *padding* (device pixels) left and right, half above and below:
    the HTML's padding is taken in screen pixels, far too small at print resolution."""
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                cell_format = cell.format().toTableCellFormat()
                cell_format.setTopPadding(padding / 2)
                cell_format.setBottomPadding(padding / 2)
                cell_format.setLeftPadding(padding)
                cell_format.setRightPadding(padding)
                cell.setFormat(cell_format)


_SEED_LOCK = threading.Lock()


@contextlib.contextmanager
def _deterministic_hash_seed() -> Iterator[None]:
    """Qt's hash seed fixed while the block runs (the QHash Qt keeps the embedded fonts in is
    made then), random again afterwards unless it was already fixed (``QT_HASH_SEED=0``)."""
    with _SEED_LOCK:
        was_fixed = os.environ.get("QT_HASH_SEED", "").strip() == "0"  # PySide6 cannot read it
        QHashSeed.setDeterministicGlobalSeed()
        try:
            yield
        finally:
            if not was_fixed:
                QHashSeed.resetRandomGlobalSeed()


def document_id(html: str, title: str, creator: str) -> uuid.UUID:
    """The PDF's document ID: the same for the same content."""
    digest = hashlib.sha256("\0".join((html, title, creator)).encode("utf-8")).hexdigest()
    return uuid.uuid5(uuid.NAMESPACE_URL, f"op25b-wizard:sheet:{digest}")


_INFO_DATE = re.compile(rb"/(?:CreationDate|ModDate) \(D:(\d{14})(Z|[+-]\d\d'\d\d')\)")
_XMP_DATE = re.compile(rb'xmp:(?:CreateDate|ModifyDate|MetadataDate)="'
                       rb'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(Z|[+-]\d\d:\d\d)"')


def _zone(text: bytes) -> timezone:
    """The time zone of a PDF date's suffix: ``Z``, ``+09'00'`` or ``+09:00``."""
    if text == b"Z":
        return UTC
    sign = -1 if text[:1] == b"-" else 1
    return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def with_dates(pdf: bytes, epoch: int) -> bytes:
    """*pdf* with every date Qt wrote (the current time) set to *epoch*, written in the same
    time zone and so in as many bytes: no object moves, the cross-reference table stays valid."""
    def replace(match: re.Match[bytes], layout: str) -> bytes:
        when = datetime.fromtimestamp(epoch, _zone(match.group(2))).strftime(layout).encode()
        start, end = match.span(1)
        whole = match.group(0)
        return whole[:start - match.start()] + when + whole[end - match.start():]

    pdf = _INFO_DATE.sub(lambda m: replace(m, "%Y%m%d%H%M%S"), pdf)
    return _XMP_DATE.sub(lambda m: replace(m, "%Y-%m-%dT%H:%M:%S"), pdf)


def render_pdf(html: str, *, title: str = "") -> bytes:
    """*html* laid out on one A4 page (shrunk to fit, down to :data:`MIN_SCALE`) as PDF bytes:
    the same bytes for the same *html* and *title* (see the module's notes)."""
    ensure_gui_application()  # before the seed is fixed: the application's hashes stay random
    with _deterministic_hash_seed():
        pdf = _render(html, title)
    epoch = source_date_epoch()
    return with_dates(pdf, epoch) if epoch is not None else pdf


def _render(html: str, title: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    creator = f"{APP_NAME} {__version__}"
    writer.setCreator(creator)
    writer.setDocumentId(QUuid(str(document_id(html, title, creator))))

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(sheet_font())
    document.setDocumentMargin(0)
    document.setHtml(html)
    _pad_tables(document, CELL_PADDING_PT * RESOLUTION_DPI / 72)

    width, height = float(writer.width()), float(writer.height())
    scale = 1.0
    document.setPageSize(QSizeF(width, height))
    while document.pageCount() > 1 and scale * 0.92 >= MIN_SCALE:
        scale *= 0.92
        document.setPageSize(QSizeF(width / scale, height / scale))

    painter = QPainter(writer)
    try:
        painter.scale(scale, scale)
        page = QRectF(0, 0, width / scale, height / scale)
        for number in range(document.pageCount()):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -page.height() * number)
            document.drawContents(painter, page.translated(0, page.height() * number))
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def export_pdf(settings: ExportSettings, options: ExportOptions | None = None) -> bytes:
    """The settings sheet for *settings* as PDF (the ``pdf`` export format)."""
    options = options or ExportOptions()
    html = sheet_html.render(settings, options)
    title = options.tr(sheet_html.TITLE) + " — " + settings.email
    return render_pdf(html, title=title)
