# ruff: noqa: F811 - pytest fixtures imported from other test modules are parameters here
"""The server name is written as every part of the program spells it (lower case, IDNA, no
final dot): in Thunderbird's and Becky!'s settings, in the keyring item, in the exports."""

from __future__ import annotations

import sys
from io import StringIO
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core import secrets
from op25b_wizard.core.clients import SmtpSettings, UnsupportedChange
from op25b_wizard.core.clients.becky import BeckyClient
from op25b_wizard.core.clients.prefs_js import PrefsDocument
from op25b_wizard.core.clients.thunderbird import ThunderbirdClient
from tests.support.platform import home_env
from tests.test_clients_cli import home  # noqa: F401 - the fixture: a home with both clients
from tests.test_clients_cli import prefs as prefs_path
from tests.test_secrets import memory_keyring, use_backend  # noqa: F401 - fixtures

CAFE = "smtp.xn--caf-dma.example.jp"


def hostname(home: Path, key: str) -> object:
    return PrefsDocument.read(prefs_path(home)).user_values()[f"mail.smtpserver.{key}.hostname"]


def apply_thunderbird(email: str, host: str, user: str) -> int:
    return main(["apply", "thunderbird", "--email", email, "--host", host, "--port", "465",
                 "--security", "tls", "--user", user, "--lang", "en"])


def test_thunderbird_gets_the_same_name_as_the_keyring_item(home, capsys, monkeypatch,
                                                            memory_keyring):  # noqa: F811
    user = "taro@example.co.jp"
    assert apply_thunderbird(user, "SMTP.Café.example.jp", user) == 0, capsys.readouterr().err
    assert "Server Name: smtp.example.co.jp → " + CAFE in capsys.readouterr().out
    assert hostname(home, "smtp1") == CAFE
    monkeypatch.setattr(sys, "stdin", StringIO("pw\n"))
    assert main(["password", "set", "--host", "SMTP.Café.example.jp", "--user", user,
                 "--password-stdin"]) == 0
    assert list(memory_keyring.items) == [(secrets.SERVICE_NAME, f"{user}@{CAFE}")]


def test_a_final_dot_is_not_written(home, capsys):
    # the same server as now: the host name is left alone (only the port and security change)
    assert apply_thunderbird("taro@example.co.jp", "smtp.example.co.jp.", "taro@example.co.jp") == 0
    out = capsys.readouterr().out
    assert "Server Name" not in out and "Port: 25 → 465" in out
    assert hostname(home, "smtp1") == "smtp.example.co.jp"
    # another server: written without the dot, in lower case
    assert apply_thunderbird("taro.yamada@example.net", "MAIL.Example.co.jp.",
                             "taro.yamada@example.net") == 0
    assert "Server Name: smtp.example.net → mail.example.co.jp" in capsys.readouterr().out
    assert hostname(home, "smtp2") == "mail.example.co.jp"


def test_becky_takes_an_international_name(home, capsys):
    ini = home / "Documents" / "Becky" / "4b2e6f10.mb" / "Mailbox.ini"
    assert main(["apply", "becky", "--email", "taro@example.co.jp", "--host", "café.example.jp",
                 "--port", "465", "--security", "tls", "--user", "taro", "--lang", "en"]) == 0, \
        capsys.readouterr().err
    assert b"SMTPServer=xn--caf-dma.example.jp\r\n" in ini.read_bytes()


def test_the_core_normalises_for_every_caller(home):
    tb = ThunderbirdClient(home=home, env=home_env(home))
    change = tb.plan("taro@example.co.jp",
                     SmtpSettings(" SMTP.Café.Example.JP. ", 465, "tls", "normal", None))
    assert change.after.host == CAFE
    becky = BeckyClient(home=home, env=home_env(home))
    change = becky.plan("taro@example.co.jp",
                        SmtpSettings("ＳＭＴＰ．ｅｘａｍｐｌｅ．ｊｐ", 465, "tls", "normal", None))
    assert change.after.host == "smtp.example.jp"
    with pytest.raises(UnsupportedChange) as e:
        tb.plan("taro@example.co.jp", SmtpSettings("smtp example.jp", 465, "tls", "normal", None))
    assert "Not a server name" in str(e.value)


def test_a_final_dot_already_in_the_settings_is_replaced(home):
    """Only a difference in case keeps the current spelling; a final dot would stay in the
    name the certificate is checked against."""
    prefs = prefs_path(home)
    prefs.write_bytes(prefs.read_bytes().replace(b'"smtp.example.net"', b'"smtp.example.net."'))
    tb = ThunderbirdClient(home=home, env=home_env(home))
    change = tb.plan("taro.yamada@example.net",
                     SmtpSettings("smtp.example.net", 587, "starttls", "normal", None))
    assert change.after.host == "smtp.example.net"
    tb.apply(change)
    assert hostname(home, "smtp2") == "smtp.example.net"
    same = tb.plan("taro.yamada@example.net",
                   SmtpSettings("SMTP.EXAMPLE.NET", 587, "starttls", "normal", None))
    assert same.is_empty and same.after.host == "smtp.example.net"
