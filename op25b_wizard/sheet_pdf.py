"""The settings sheet as a one-page A4 PDF, rendered by Qt from the sheet's HTML.

Outside the core because it needs Qt: QTextDocument lays the HTML out, QPdfWriter writes it.
A QGuiApplication must exist; when none does (the command line), one is created on the
offscreen platform, so no display is needed. Japanese needs a CJK font: Noto Sans CJK JP.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
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
from op25b_wizard.core.exports.options import ExportOptions
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


def render_pdf(html: str, *, title: str = "") -> bytes:
    """*html* laid out on one A4 page (shrunk to fit, down to :data:`MIN_SCALE`) as PDF bytes."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")

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
