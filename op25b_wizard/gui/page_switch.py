"""Page 4: switch to the submission port: before → after in large type, one sentence why, and
for an advanced user the choice between the ports that worked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QGroupBox, QLabel, QRadioButton, QVBoxLayout

from op25b_wizard.core.wizard_state import PageId, PortChoice
from op25b_wizard.gui import wording
from op25b_wizard.gui.page_base import WizardContext, WizardPageBase, scaled_font, text_label


class SwitchPage(WizardPageBase):
    page_id = PageId.SWITCH

    def __init__(self, ctx: WizardContext) -> None:
        super().__init__(ctx)

    def build(self) -> None:
        self.lead = text_label(factor=1.15)
        self.body.addWidget(self.lead)
        self.big = QLabel()
        self.big.setObjectName("beforeAfter")
        self.big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big.setFont(scaled_font(self.big, 3.2, bold=True))
        self.big.setMinimumHeight(self.big.fontMetrics().height() + 16)
        self.body.addSpacing(8)
        self.body.addWidget(self.big)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.body.addWidget(self.caption)
        self.body.addSpacing(8)
        self.why = text_label(factor=1.1)
        self.why.setObjectName("why")
        self.body.addWidget(self.why)
        self.warning = text_label()
        self.warning.setObjectName("plainWarning")
        self.warning.setStyleSheet("color: #b3261e;")
        self.body.addWidget(self.warning)
        self.body.addStretch(1)

        self.advanced = QCheckBox()
        self.advanced.setObjectName("advanced")
        self.advanced.toggled.connect(self._advanced_toggled)
        self.body.addWidget(self.advanced)
        self.choices_box = QGroupBox()
        self.choices_layout = QVBoxLayout(self.choices_box)
        self.group = QButtonGroup(self)
        self.group.idToggled.connect(self._choice_toggled)
        self.buttons: list[tuple[QRadioButton, PortChoice]] = []
        self.body.addWidget(self.choices_box)
        self.choices_box.hide()

    def initializePage(self) -> None:  # noqa: N802
        self.ensure_built()
        choices = self.state.port_choices()
        for b, _c in self.buttons:
            self.group.removeButton(b)
            b.hide()
            b.setParent(None)
            b.deleteLater()
        self.buttons = []
        for i, c in enumerate(choices):
            b = QRadioButton()
            b.setObjectName(f"choice{c.port}{c.security}")
            self.group.addButton(b, i)
            self.choices_layout.addWidget(b)
            self.buttons.append((b, c))
            if c == self.state.choice:
                b.setChecked(True)
        only_plain = bool(choices) and not any(c.encrypted for c in choices)
        self.advanced.setChecked(only_plain or (self.state.choice is not None
                                                and not self.state.choice.recommended))
        self.choices_box.setVisible(self.advanced.isChecked())
        super().initializePage()

    def _advanced_toggled(self, on: bool) -> None:
        self.choices_box.setVisible(on)

    def _choice_toggled(self, index: int, checked: bool) -> None:
        if checked and 0 <= index < len(self.buttons):
            choice = self.buttons[index][1]
            if choice != self.state.choice:
                self.state.choice = choice
                self.state.login_verified = None
                self.state.plaintext_consent = False
            self.retranslate()

    def ready(self) -> bool:
        return self.state.choice is not None

    def retranslate(self) -> None:
        self.setTitle(self.tr("Switch to the sending port"))
        self.setSubTitle(self.tr("The change that lets mail send from anywhere, together with "
                                 "your password on the next screen."))
        self.advanced.setText(self.tr("Let me choose the port myself (advanced)"))
        self.choices_box.setTitle(self.tr("Ports that worked in the test"))
        for b, c in self.buttons:
            sec = wording.security_name(c.security)
            if c.recommended:
                b.setText(self.tr("Port {port} — {security} (recommended)").format(
                    port=c.port, security=sec))
            elif not c.encrypted:
                b.setText(self.tr("Port {port} — no encryption (not safe)").format(port=c.port))
            else:
                b.setText(self.tr("Port {port} — {security}").format(port=c.port, security=sec))
        c = self.state.choice
        if c is None:
            return
        before = self.state.current.port if self.state.current else None
        client = self.state.client_name
        if before == c.port:
            self.lead.setText(self.tr("{client} already sends through port {port}.").format(
                client=client, port=c.port))
            self.big.setText(f"{c.port} ✓")
        elif before is not None:
            self.lead.setText(self.tr("{client} will send through port {after} instead of port "
                                      "{before}:").format(client=client, before=before, after=c.port))
            self.big.setText(f"{before} → {c.port}")
        else:
            self.lead.setText(self.tr("Your mail program should send through this port:"))
            self.big.setText(self.tr("Port {port}").format(port=c.port))
        # read out as a sentence, not as "25 right arrow 587"
        lead = self.lead.text().rstrip(":：")
        self.big.setAccessibleName(lead if before is not None else f"{lead} {self.big.text()}")
        self.caption.setText(self.tr("(outgoing server {host})").format(host=self.state.host))
        closed = self.state.port25_closed
        if closed == "refused":
            # a reset may come from the server as well as from the network: blame neither
            why = self.tr("Port 25, the old way of sending mail, is closed from here. Port "
                          "{port} is the way made for sending with your password, and it works "
                          "here.")
        elif closed is not None:
            why = self.tr("This network blocks port 25, the old way of sending mail. Port {port} "
                          "is the way made for sending with your password, and it works here.")
        else:
            why = self.tr("Port {port} is the way made for sending with your password. It works "
                          "here, and on hotel and mobile networks too.")
        self.why.setText(why.format(port=c.port))
        if not c.encrypted:
            self.warning.setText(self.tr(
                "Warning: this port has no encryption. Anyone on the same network could read "
                "your password. Ask your provider for secure settings if you can."))
            self.warning.show()
        else:
            self.warning.hide()
