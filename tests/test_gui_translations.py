"""Every page is translated and labelled: the sample run is played in English and in Japanese
(with the Japanese catalogue and Qt's own), and every visible text that is the same in both
languages must be made of names, numbers and technical words only.

This fails whenever a user-visible string is added without a Japanese translation: run
``bash .ci/translations``, translate the new entries in ``resources/i18n/op25b_wizard_ja.ts``
and run it again.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
    QWizard,
)

from op25b_wizard import i18n
from op25b_wizard.core.wizard_state import PageId
from op25b_wizard.gui.screenshots import play_sample
from tests.support.platform import installed_script

ALLOWED_WORDS = {
    "SMTP", "SSL", "TLS", "STARTTLS", "OAuth2", "PDF", "Thunderbird", "Becky", "Internet", "Mail",
    "Outlook", "Autodiscover", "msmtp", "iPhone", "iPad", "Mac", "Linux", "OP25B", "IPv4", "IPv6",
    "English", "Web",
}
TOKENS = re.compile(
    r"\S+@\S+"                      # e-mail addresses
    r"|(?:/[\w.\-]+)+/?"            # paths
    r"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"  # host names
    r"|\b[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}\b"  # support codes
)


def untranslatable(text: str) -> bool:
    """Nothing in *text* could be translated: only names, numbers and technical words."""
    rest = TOKENS.sub(" ", text.replace("&", ""))
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", rest)
    return all(w in ALLOWED_WORDS for w in words)


def visible_texts(wizard: QWizard, pid: PageId) -> list[tuple[str, str]]:
    """(where, text) for every text a user sees on the page, in widget order."""
    page = wizard.page(int(pid))
    out: list[tuple[str, str]] = [("title", page.title()), ("subtitle", page.subTitle()),
                                  ("window title", wizard.windowTitle())]
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
                  QWizard.WizardButton.CustomButton1):
        b = wizard.button(which)
        if b.isVisible():
            out.append((f"button {which.name}", b.text()))
    for i, w in enumerate(page.findChildren(QWidget)):
        if not w.isVisibleTo(page):
            continue
        where = f"{type(w).__name__}#{w.objectName() or i}"
        if isinstance(w, QLabel | QAbstractButton):
            out.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QLineEdit):
            out.append((where + " placeholder", w.placeholderText()))
        elif isinstance(w, QListWidget):
            out.extend((f"{where} item {r}", w.item(r).text()) for r in range(w.count()))
    return [(k, v) for k, v in out if v.strip()]


def sample_texts(lang: str) -> dict[PageId, list[tuple[str, str]]]:
    texts: dict[PageId, list[tuple[str, str]]] = {}
    play_sample(lambda wizard, pid: texts.setdefault(pid, visible_texts(wizard, pid)), lang=lang,
                helpdesk=True)
    return texts


@pytest.fixture(scope="module")
def both(qapp):
    try:
        return sample_texts("en"), sample_texts("ja")
    finally:
        from op25b_wizard.gui.app import set_language

        set_language("en")


def test_the_sample_shows_every_page(both):
    en, ja = both
    assert list(en) == list(PageId) == list(ja)


@pytest.mark.parametrize("pid", list(PageId), ids=[p.name.lower() for p in PageId])
def test_no_page_shows_an_untranslated_string(both, pid):
    en, ja = both
    assert len(en[pid]) == len(ja[pid]), "the two languages show different widgets"
    untranslated = [f"{where}: {text!r}" for (where, text), (_w, jtext) in zip(en[pid], ja[pid], strict=True)
                    if text == jtext and not untranslatable(text)]
    assert not untranslated, "not translated into Japanese:\n" + "\n".join(untranslated)


def test_the_allow_list_is_not_a_loophole():
    assert untranslatable("taro@example.co.jp")
    assert untranslatable("25 → 465")
    assert untranslatable("K24J-TA2A-J282")
    assert untranslatable("SSL/TLS")
    assert not untranslatable("Port 25")
    assert not untranslatable("Works, with encryption.")
    assert not untranslatable("Connection security: None → SSL/TLS")


def test_the_japanese_catalogue_exists():
    assert i18n.catalogue_path("ja").exists(), "build it with bash .ci/translations"


INPUTS = (QLineEdit, QCheckBox, QRadioButton, QComboBox, QListWidget, QPlainTextEdit)


def test_every_input_has_an_accessible_name_or_a_label(qapp):
    """Screen readers read an input's accessible name, its buddy label or its own text."""
    missing: list[str] = []

    def check(wizard: QWizard, pid: PageId) -> None:
        page = wizard.page(int(pid))
        buddies = {lab.buddy() for lab in page.findChildren(QLabel) if lab.buddy() is not None}
        for w in page.findChildren(QWidget):
            if not isinstance(w, INPUTS) or not w.isVisibleTo(page):
                continue
            text = w.text() if isinstance(w, QAbstractButton) else ""
            if not (w.accessibleName() or w in buddies or text):
                missing.append(f"page {int(pid)}: {type(w).__name__}#{w.objectName()}")

    play_sample(check, lang="en")
    assert not missing, "inputs without a name for screen readers: " + ", ".join(missing)


ROOT = Path(__file__).resolve().parents[1]
LUPDATE = installed_script("pyside6-lupdate")


def _translated(ts: Path) -> dict[tuple[str, str], bool]:
    out: dict[tuple[str, str], bool] = {}
    for ctx in ElementTree.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished") \
                and bool((tr.text or "").strip())
            out[(name, m.findtext("source") or "")] = done
    return out


def test_every_wizard_string_has_a_japanese_translation(tmp_path):
    """Every string the wizard's modules mark (also those the sample never shows: errors,
    warnings) has a finished translation in the catalogue."""
    sources = sorted(str(p) for p in (ROOT / "op25b_wizard" / "gui").glob("*.py"))
    sources.append(str(ROOT / "op25b_wizard" / "core" / "wizard_state.py"))
    mine = tmp_path / "wizard.ts"
    subprocess.run([str(LUPDATE), "-silent", *sources, "-ts", str(mine)], check=True,
                   capture_output=True)
    marked = _translated(mine)
    assert len(marked) > 150, "lupdate found too few strings: are they still marked?"
    catalogue = _translated(ROOT / "resources" / "i18n" / "op25b_wizard_ja.ts")
    missing = sorted(f"{ctx}: {src!r}" for ctx, src in marked if not catalogue.get((ctx, src)))
    assert not missing, "no Japanese translation yet:\n" + "\n".join(missing)
