"""The printable settings sheet: HTML parsed back, and the PDF read back with poppler's pdftotext."""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.exports import sheet_html
from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportSettings, make_before, make_settings
from op25b_wizard.core.model import PortSpec
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.platform import WINDOWS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EMAIL = "taro@example.co.jp"
JAPANESE = {
    "Mail settings for sending": "メール送信の設定",
    "Outgoing mail server (SMTP)": "送信メールサーバー (SMTP)",
    "My outgoing server (SMTP) requires authentication": "送信サーバー (SMTP) は認証が必要",
    "Yes (ticked)": "はい (チェックを入れる)",
    "Support code": "サポートコード",
}


def japanese(context: str, source: str) -> str:
    """A translator as the Qt layer gives one, for a few of the sheet's strings."""
    return JAPANESE.get(source, source)


def sheet_settings(**overrides) -> ExportSettings:
    values = dict(email=EMAIL, host="smtp.example.co.jp", port=587, security="starttls",
                  username=EMAIL, display_name="山田 太郎",
                  before=make_before("mail.example.co.jp", 25, "none", "none"),
                  support_code="C2LCC-AJ2AN")
    values.update(overrides)
    return make_settings(**values)


class Sheet(HTMLParser):
    """The parts of the sheet a test reads: html lang, headings, table rows, all text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.lang = None
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._in and self._in[-1] in ("h1", "h2"):
            self.headings.append(data)
        if "style" not in self._in and "title" not in self._in:
            self.text.append(data)

    def table(self) -> dict[str, list[str]]:
        return {row[0]: row[1:] for row in self.rows[1:]}


def test_sheet_shows_before_and_after_as_mail_programs_label_them():
    sheet = Sheet(sheet_html.render(sheet_settings(), ExportOptions()))
    assert sheet.lang == "en"
    assert sheet.rows[0] == ["Setting", "Before", "After (set this)"]
    assert sheet.table() == {
        "Outgoing mail server (SMTP)": ["mail.example.co.jp", "smtp.example.co.jp"],
        "Port": ["25", "587"],
        "Connection security": ["None", "STARTTLS"],
        "This server requires a secure connection (SSL/TLS)": ["No (not ticked)", "Yes (ticked)"],
        "My outgoing server (SMTP) requires authentication": ["No (not ticked)", "Yes (ticked)"],
        "Authentication method": ["No sign-in", "Normal password"],
        "User name": ["—", EMAIL],
        "Password": ["—", "Your mail password (never printed on this sheet)"],
    }
    text = "".join(sheet.text)
    assert "C2LCC-AJ2AN" in text and "山田 太郎 <taro@example.co.jp>" in text
    assert "Support code" in sheet.headings


def test_sheet_without_before_values_has_no_before_column():
    sheet = Sheet(sheet_html.render(sheet_settings(before=None, support_code=None), ExportOptions()))
    assert sheet.rows[0] == ["Setting", "After (set this)"]
    assert sheet.table()["Connection security"] == ["STARTTLS"]
    assert "Support code" not in sheet.headings


def test_sheet_in_japanese_and_escaped():
    html = sheet_html.render(sheet_settings(display_name="<script>alert(1)</script>"),
                             ExportOptions(translate=japanese, lang="ja"))
    sheet = Sheet(html)
    assert sheet.lang == "ja"
    assert sheet.headings[0] == "メール送信の設定"
    assert sheet.table()["送信メールサーバー (SMTP)"] == ["mail.example.co.jp", "smtp.example.co.jp"]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_sheet_lists_what_a_real_diagnosis_found(mail_servers, probe_ports):
    """A diagnosis from the real engine against loopback servers (25 refused relaying here)."""
    run = probe_ports(mail_servers.specs() + [PortSpec(1, "relay")], password=ENGINE_PASSWORD)
    diagnosis = diagnose(run.report, username=ENGINE_USER, credentials_tested=True).to_json()
    sheet = Sheet(sheet_html.render(sheet_settings(diagnosis=diagnosis), ExportOptions()))
    text = "".join(sheet.text)
    assert "What the test found" in sheet.headings
    assert f"port {mail_servers.tls.port}: Works, password accepted" in text
    assert "port 1: Refused" in text
    assert "Secure sending works" in text
    assert ENGINE_PASSWORD not in text


# --- PDF ------------------------------------------------------------------------------------


def pdf_text(pdf: bytes, tmp_path: Path) -> tuple[str, str, str]:
    """(text, pdfinfo, pdffonts) as poppler reads the PDF. Text is NFKC-normalised: CJK fonts
    map some kanji to their compatibility code points (山 as ⼭) when text is extracted."""
    if WINDOWS:
        pytest.skip("not on Windows: the PDF is read back with Debian's poppler-utils "
                    "(pdftotext, pdfinfo, pdffonts) and its fonts are Debian's")
    path = tmp_path / "sheet.pdf"
    path.write_bytes(pdf)
    def run(*argv: str) -> str:
        return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=30).stdout
    text = unicodedata.normalize("NFKC", run("pdftotext", "-layout", str(path), "-"))
    return text, run("pdfinfo", str(path)), run("pdffonts", str(path))


def test_pdf_sheet_is_one_a4_page_with_the_values(qapp, tmp_path):
    from op25b_wizard import sheet_pdf

    pdf = sheet_pdf.export_pdf(sheet_settings(), ExportOptions())
    assert pdf.startswith(b"%PDF-")
    text, info, fonts = pdf_text(pdf, tmp_path)
    assert "Pages:           1" in info and "595 x 842 pts (A4)" in info
    assert "Title:           Mail settings for sending — taro@example.co.jp" in info
    words = " ".join(text.split())
    for expected in ("Outgoing mail server (SMTP) mail.example.co.jp smtp.example.co.jp",
                     "Port 25 587", "Connection security None STARTTLS",
                     "This server requires a secure", "My outgoing server (SMTP)", "authentication",
                     "C2LCC-AJ2AN", "山田 太郎 <taro@example.co.jp>"):
        assert expected in words, expected
    assert "DejaVuSans" in fonts and "NotoSansCJKjp" in fonts


def test_pdf_sheet_in_japanese(qapp, tmp_path):
    from op25b_wizard import sheet_pdf

    pdf = sheet_pdf.export_pdf(sheet_settings(), ExportOptions(translate=japanese, lang="ja"))
    text, info, _ = pdf_text(pdf, tmp_path)
    words = " ".join(text.split())
    assert "メール送信の設定" in words and "サポートコード" in words
    assert "送信メールサーバー (SMTP) mail.example.co.jp smtp.example.co.jp" in words
    assert "Pages:           1" in info


def test_a_long_sheet_is_shrunk_onto_one_page(qapp, tmp_path):
    from op25b_wizard import sheet_pdf

    verdicts = [{"id": "unreachable", "title": "x", "explanation": "y " * 60,
                 "details": {"host": f"host-{i}.example.test"}} for i in range(30)]
    diagnosis = {"ports": [{"port": p, "outcome": "timeout"} for p in range(20, 40)],
                 "verdict_details": verdicts, "host": "mail.example.test"}
    pdf = sheet_pdf.export_pdf(sheet_settings(diagnosis=diagnosis), ExportOptions())
    text, info, _ = pdf_text(pdf, tmp_path)
    assert "Pages:           1" in info
    assert "host-29.example.test" in text and "C2LCC-AJ2AN" in text


def test_sheet_says_where_each_mail_program_keeps_these_settings():
    """The new Outlook and Apple Mail cannot be changed by the wizard, so the sheet is their way
    there; Thunderbird, Becky! and classic Outlook users read it too (Outlook: the password is
    asked for by Outlook itself)."""
    sheet = Sheet(sheet_html.render(sheet_settings(), ExportOptions()))
    assert "Where to enter these" in sheet.headings
    text = " ".join("".join(sheet.text).split())
    for expected in (
            "Outlook: File > Account Settings > Server Settings, under Outgoing mail. The "
            "password is not changed there: Outlook asks for it once, the next time it sends.",
            "The new Outlook for Windows: Settings > Accounts > Email accounts. Its POP and IMAP "
            "accounts cannot be changed from outside: remove the account, then Add account",
            "Apple Mail on a Mac: Mail > Settings > Accounts > the account > Server Settings. "
            "Under Outgoing Mail Account, untick \"Automatically manage connection settings\", "
            "then set Port, tick \"Use TLS/SSL\" and choose Authentication \"Password\".",
            "Mail on iPhone and iPad: Settings > Apps > Mail > Mail Accounts (before iOS 18: "
            "Settings > Mail > Accounts) > the account > Account > SMTP > Primary Server",
            "Thunderbird: Account Settings > Outgoing Server (SMTP) > the server > Edit.",
            "Becky!: Tools > Mailbox settings (メールボックスの設定) > Basic: SMTP server; "
            "Advanced: SMTP port, SSL/TLS, SMTP authentication."):
        assert expected in text, expected
    assert [c for c, _name, _steps in sheet_html.CLIENT_STEPS] == [
        "outlook", "new_outlook", "apple_mail", "apple_mail_ios", "thunderbird", "becky"]


def test_the_directions_are_translated():
    steps = {c: s.source for c, _n, s in sheet_html.CLIENT_STEPS}
    translated = {steps["becky"]: "ツール > メールボックスの設定 > 基本設定: SMTPサーバー",
                  "Apple Mail on a Mac": "Mac のメール", "Where to enter these": "入力する場所"}
    html = sheet_html.render(sheet_settings(), ExportOptions(
        translate=lambda ctx, src: translated.get(src, src), lang="ja"))
    sheet = Sheet(html)
    assert "入力する場所" in sheet.headings
    text = "".join(sheet.text)
    assert "Becky!: ツール > メールボックスの設定 > 基本設定: SMTPサーバー" in text
    assert "Mac のメール: Mail > Settings" in text


def test_pdf_sheet_keeps_the_directions_on_one_page(qapp, tmp_path):
    from op25b_wizard import sheet_pdf

    text, info, _ = pdf_text(sheet_pdf.export_pdf(sheet_settings(), ExportOptions()), tmp_path)
    words = " ".join(text.split())
    assert "Pages:           1" in info
    assert "Automatically manage connection settings" in words and "Primary Server" in words
    assert "メールボックスの設定" in words


def test_pdf_sheet_is_reproducible_with_source_date_epoch(qapp, tmp_path, monkeypatch):
    """Same sheet, same bytes: dates from SOURCE_DATE_EPOCH (in the local time zone's form,
    so the cross-reference table stays valid), a document ID from the content, and the fonts
    in one order; another address gives another ID."""
    from op25b_wizard import sheet_pdf

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    first = sheet_pdf.export_pdf(sheet_settings(), ExportOptions(translate=japanese, lang="ja"))
    second = sheet_pdf.export_pdf(sheet_settings(), ExportOptions(translate=japanese, lang="ja"))
    assert first == second
    _, info, _ = pdf_text(first, tmp_path)
    assert "CreationDate:    Thu Jan  1 00:00:00 2026" in info
    other = sheet_pdf.export_pdf(make_settings(
        email="hanako@example.co.jp", host="smtp.example.co.jp", port="465", security="tls",
        username="hanako@example.co.jp"), ExportOptions())
    ids = [re.search(rb"/ID \[ <([0-9a-f]+)>", pdf).group(1) for pdf in (first, other)]
    assert ids[0] != ids[1]


def test_pdf_dates_are_replaced_in_as_many_bytes():
    from op25b_wizard import sheet_pdf

    pdf = (b"/CreationDate (D:20261206215715+09'00')\n/ModDate (D:20261206215715Z)\n"
           b'xmp:CreateDate="2026-12-06T21:57:15-05:30"')
    out = sheet_pdf.with_dates(pdf, 1767225600)
    assert len(out) == len(pdf)
    assert out == (b"/CreationDate (D:20260101090000+09'00')\n/ModDate (D:20260101000000Z)\n"
                   b'xmp:CreateDate="2025-12-31T18:30:00-05:30"')
