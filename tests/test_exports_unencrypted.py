"""A route the user accepted without encryption: every export and the settings sheet are
written, they describe the route as it is (no TLS claimed), and they state the risk."""

from __future__ import annotations

import os
import plistlib
import subprocess

import pytest
from defusedxml import ElementTree as SafeET

from op25b_wizard.cli import main
from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.registry import FORMATS, export
from op25b_wizard.core.exports.settings import ExportError, make_settings
from tests.support.platform import WINDOWS

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HOST, EMAIL = "mail.example.co.jp", "taro@example.co.jp"
PLAIN = ["--email", EMAIL, "--host", HOST, "--port", "587", "--security", "none",
         "--user", EMAIL, "--lang", "en"]
RISK = "is not encrypted"


def plain_settings():
    return make_settings(email=EMAIL, host=HOST, port=587, security="none", username=EMAIL,
                         allow_unencrypted=True)


def test_without_consent_an_unencrypted_route_is_refused():
    with pytest.raises(ExportError, match="not encrypted"):
        make_settings(email=EMAIL, host=HOST, port=587, security="none", username=EMAIL)


def test_each_format_describes_the_route_without_encryption():
    s, o = plain_settings(), ExportOptions()
    root = SafeET.fromstring(export("autoconfig", s, o))
    assert root.find("./emailProvider/outgoingServer/socketType").text == "plain"
    account = plistlib.loads(export("mobileconfig", s, o))["PayloadContent"][0]
    assert account["OutgoingMailServerUseSSL"] is False
    smtp = [p for p in SafeET.fromstring(export("autodiscover", s, o)).iter()
            if p.tag.endswith("Protocol") and any(c.text == "SMTP" for c in p)][0]
    fields = {c.tag.rsplit("}", 1)[-1]: c.text for c in smtp}
    assert (fields["SSL"], fields["Encryption"]) == ("off", "None")
    msmtp = export("msmtp", s, o)
    assert "tls off" in msmtp.splitlines() and "tls_starttls" not in msmtp
    assert "auth plain" in msmtp.splitlines(), "auth on would refuse to send without TLS"
    git = export("git-send-email", s, o)
    assert "smtpEncryption" not in git and RISK in git
    assert 'user_pref("mail.smtpserver.smtp1.try_ssl", 0);' in export("thunderbird-userjs", s, o)
    assert '"security": "none"' in export("json", s, o)


def test_the_sheet_states_the_risk_in_both_languages(qapp):
    from op25b_wizard import i18n

    s = plain_settings()
    html = export("html", s, ExportOptions())
    assert RISK in html and "secure submission port" not in html
    i18n.set_language("ja")
    try:
        ja = export("html", s, ExportOptions(translate=i18n.translate, lang="ja"))
    finally:
        i18n.set_language("en")
    assert "暗号化されていません" in ja


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_command_line_exports_every_format_after_consent(qapp, capsys, tmp_path, fmt):
    out_file = tmp_path / f"export.{fmt}"
    status = main(["export", fmt, *PLAIN, "--allow-plaintext", "-o", str(out_file)])
    _out, err = capsys.readouterr()
    assert status == 0, err
    assert RISK in err, "the risk is said on the terminal too"
    data = out_file.read_bytes()
    if fmt == "pdf" and WINDOWS:  # no pdftotext (Debian's poppler-utils) to read it back
        assert data.startswith(b"%PDF-")
    elif fmt == "pdf":
        text = subprocess.run(["pdftotext", str(out_file), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert RISK in " ".join(text.split())
    else:
        assert HOST.encode() in data


def test_the_command_line_asks_for_consent_in_one_line(capsys):
    status = main(["export", "html", *PLAIN])
    _out, err = capsys.readouterr()
    assert status == 2
    assert len(err.strip().splitlines()) == 1 and "--allow-plaintext" in err


def test_every_export_option_has_help(capsys):
    """Every option of every command says what it is for, in both languages."""
    import argparse

    from op25b_wizard.cli import build_parser

    def walk(parser: argparse.ArgumentParser, path: str):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, f"{path} {name}")
            elif not action.help:
                yield f"{path} {'/'.join(action.option_strings) or action.dest}"

    assert list(walk(build_parser(), "op25b-wizard")) == []


