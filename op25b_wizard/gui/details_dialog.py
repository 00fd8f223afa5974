"""The port test's Details: every verdict with what to do, each port in technical terms, and the
transcript (passwords already masked by the engine). For helpdesks; copyable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from op25b_wizard import i18n
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from op25b_wizard.core.diagnosis import Diagnosis
    from op25b_wizard.core.model import PortResult

LABELS = {
    "code": QT_TRANSLATE_NOOP("DetailsDialog", "Support code: {code}"),
    "server": QT_TRANSLATE_NOOP("DetailsDialog", "Server: {host} ({addresses})"),
}


def _t(source: str) -> str:
    return QCoreApplication.translate("DetailsDialog", source)


def port_line(p: PortResult) -> str:
    """One port in protocol words, e.g. ``587 starttls: ok (done) TLSv1.3, AUTH PLAIN LOGIN``."""
    bits = [f"{p.port} {p.mode}: {p.outcome} ({p.stage}, {p.elapsed_s:.2f} s)"]
    if p.address:
        bits.append(f"{p.family} {p.address}")
    if p.greeting_code:
        bits.append(f"greeting {p.greeting_code} {p.greeting_host or ''}".rstrip())
    if p.tls is not None:
        tls = p.tls
        state = "verified" if tls.verified else f"NOT verified: {tls.problem or tls.error}"
        bits.append(f"{tls.version or 'TLS'} {state}" + (f", issuer {tls.issuer}" if tls.issuer else ""))
    if p.capabilities is not None:
        bits.append("AUTH " + (" ".join(p.capabilities.auth) or "-"))
    if p.auth is not None:
        bits.append(f"sign-in {p.auth.mechanism or '-'}: {p.auth.result}"
                    + (f" ({p.auth.code})" if p.auth.code else ""))
    if p.error:
        bits.append(p.error)
    return "; ".join(bits)


def details_text(diagnosis: Diagnosis) -> str:
    lines: list[str] = []
    for v in diagnosis.verdicts:
        lines.append(f"[{v.id}] {i18n.render(v.title)}")
        lines.append(f"    {i18n.render(v.explanation)}")
        lines.append(f"    → {i18n.render(v.action)}")
    lines.append("")
    lines.append(_t(LABELS["code"]).format(code=diagnosis.support_code))
    report = diagnosis.report
    addresses = ", ".join(a for family in report.addresses.values() for a in family)
    lines.append(_t(LABELS["server"]).format(host=report.host,
                                              addresses=addresses or report.dns_error or "-"))
    for p in report.ports:
        lines.append(port_line(p))
    lines.append("")
    lines.extend(line.format() for line in report.transcript)
    return "\n".join(lines)


class DetailsDialog(QDialog):
    def __init__(self, diagnosis: Diagnosis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailsDialog")
        self.text = details_text(diagnosis)
        layout = QVBoxLayout(self)
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.view.setPlainText(self.text)
        # advice in Japanese has no spaces: wrap anywhere so that no line runs off the side
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Details of the test"))
        self.view.setAccessibleName(self.tr("Details of the test"))
        self.copy_button.setText(self.tr("&Copy all"))
