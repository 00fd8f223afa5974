"""Each export format, parsed back (XML, plist, msmtp and git themselves) and checked value by value."""

from __future__ import annotations

import email.utils
import json
import plistlib
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from defusedxml import ElementTree as SafeET

from op25b_wizard.core.exports import autodiscover, mobileconfig, msmtp
from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.registry import FORMATS, export, suggested_file_name
from op25b_wizard.core.exports.settings import (
    ExportError,
    ExportSettings,
    make_before,
    make_settings,
)
from tests.support.platform import NO_MSMTP, WINDOWS

EMAIL = "taro@example.co.jp"


def settings(**overrides) -> ExportSettings:
    values = dict(email=EMAIL, host="smtp.example.co.jp", port=587, security="starttls",
                  username=EMAIL)
    values.update(overrides)
    return make_settings(**values)


# --- autoconfig ------------------------------------------------------------------------------


def parse_autoconfig(text: str) -> dict:
    root = SafeET.fromstring(text.encode())
    assert root.tag == "clientConfig" and root.get("version") == "1.1"
    provider = root.find("emailProvider")

    def server(tag: str) -> dict:
        node = provider.find(tag)
        return {"type": node.get("type"), **{child.tag: child.text for child in node}}

    return {"id": provider.get("id"), "domain": provider.findtext("domain"),
            "in": server("incomingServer"), "out": server("outgoingServer")}


def test_autoconfig_starttls_with_assumed_incoming():
    doc = parse_autoconfig(export("autoconfig", settings()))
    assert doc["id"] == doc["domain"] == "example.co.jp"
    assert doc["out"] == {"type": "smtp", "hostname": "smtp.example.co.jp", "port": "587",
                          "socketType": "STARTTLS", "username": "%EMAILADDRESS%",
                          "authentication": "password-cleartext"}
    assert doc["in"] == {"type": "imap", "hostname": "smtp.example.co.jp", "port": "993",
                         "socketType": "SSL", "username": "%EMAILADDRESS%",
                         "authentication": "password-cleartext"}


@pytest.mark.parametrize("username, expected", [
    ("taro", "%EMAILLOCALPART%"), (EMAIL, "%EMAILADDRESS%"), ("taro.example.co.jp", "taro.example.co.jp")])
def test_autoconfig_user_name_placeholders(username, expected):
    doc = parse_autoconfig(export("autoconfig", settings(username=username)))
    assert doc["out"]["username"] == doc["in"]["username"] == expected


def test_autoconfig_implicit_tls_pop3_and_encrypted_password():
    doc = parse_autoconfig(export("autoconfig", settings(
        port=465, security="tls", auth="encrypted", incoming_type="pop3",
        incoming_host="pop.example.co.jp", incoming_security="none")))
    assert doc["out"]["socketType"] == "SSL" and doc["out"]["port"] == "465"
    assert doc["out"]["authentication"] == "password-encrypted"
    assert doc["in"] == {"type": "pop3", "hostname": "pop.example.co.jp", "port": "110",
                         "socketType": "plain", "username": "%EMAILADDRESS%",
                         "authentication": "password-encrypted"}


def test_autoconfig_oauth2():
    doc = parse_autoconfig(export("autoconfig", settings(auth="oauth2")))
    assert doc["out"]["authentication"] == "OAuth2"


def test_autoconfig_escapes_markup_in_values():
    odd = 'a&b<c>"d\''
    doc = parse_autoconfig(export("autoconfig", settings(username=odd)))
    assert doc["out"]["username"] == odd


# --- mobileconfig ----------------------------------------------------------------------------

REQUIRED_ACCOUNT_KEYS = {
    "PayloadType", "PayloadVersion", "PayloadIdentifier", "PayloadUUID", "EmailAccountType",
    "IncomingMailServerAuthentication", "IncomingMailServerHostName",
    "OutgoingMailServerAuthentication", "OutgoingMailServerHostName"}
REQUIRED_PROFILE_KEYS = {"PayloadType", "PayloadVersion", "PayloadIdentifier", "PayloadUUID",
                         "PayloadContent"}


def test_mobileconfig_profile():
    data = export("mobileconfig", settings(display_name="山田 太郎"))
    assert isinstance(data, bytes)
    profile = plistlib.loads(data)
    assert profile.keys() >= REQUIRED_PROFILE_KEYS
    assert profile["PayloadType"] == "Configuration" and profile["PayloadVersion"] == 1
    assert profile["PayloadIdentifier"] == "jp.co.example.op25b-wizard"
    (account,) = profile["PayloadContent"]
    assert account.keys() >= REQUIRED_ACCOUNT_KEYS
    assert account["PayloadType"] == "com.apple.mail.managed"
    assert account["PayloadIdentifier"].startswith(profile["PayloadIdentifier"] + ".")
    assert account["OutgoingMailServerHostName"] == "smtp.example.co.jp"
    assert account["OutgoingMailServerPortNumber"] == 587
    assert account["OutgoingMailServerUseSSL"] is True
    assert account["OutgoingMailServerAuthentication"] == "EmailAuthPassword"
    assert account["OutgoingMailServerUsername"] == EMAIL
    assert account["EmailAccountType"] == "EmailTypeIMAP"
    assert account["IncomingMailServerPortNumber"] == 993
    assert account["IncomingMailServerUseSSL"] is True
    assert account["EmailAddress"] == EMAIL and account["EmailAccountName"] == "山田 太郎"
    assert account["OutgoingPasswordSameAsIncomingPassword"] is True
    assert not {k for k in account if "Password" in k and k != "OutgoingPasswordSameAsIncomingPassword"}
    uuids = [profile["PayloadUUID"], account["PayloadUUID"]]
    assert all(uuid.UUID(u).version == 4 for u in uuids) and uuids[0] != uuids[1]


def test_mobileconfig_uuids_are_fresh_each_time():
    a = plistlib.loads(export("mobileconfig", settings()))
    b = plistlib.loads(export("mobileconfig", settings()))
    assert a["PayloadUUID"] != b["PayloadUUID"]
    assert a["PayloadContent"][0]["PayloadUUID"] != b["PayloadContent"][0]["PayloadUUID"]
    assert a["PayloadIdentifier"] == b["PayloadIdentifier"]  # a newer profile replaces the old


def test_mobileconfig_pop_cram_md5_and_no_oauth2():
    account = mobileconfig.profile(settings(auth="encrypted", incoming_type="pop3"),
                                   ExportOptions())["PayloadContent"][0]
    assert account["EmailAccountType"] == "EmailTypePOP"
    assert account["IncomingMailServerPortNumber"] == 995
    assert account["OutgoingMailServerAuthentication"] == "EmailAuthCRAMMD5"
    with pytest.raises(ExportError, match="OAuth2"):
        export("mobileconfig", settings(auth="oauth2"))


# --- autodiscover ----------------------------------------------------------------------------

NS = {"a": autodiscover.RESPONSE_NS, "o": autodiscover.OUTLOOK_NS}


def parse_autodiscover(text: str) -> dict[str, dict[str, str]]:
    root = SafeET.fromstring(text.encode())
    assert root.tag == f"{{{autodiscover.RESPONSE_NS}}}Autodiscover"
    account = root.find("o:Response/o:Account", NS)
    assert account.findtext("o:AccountType", namespaces=NS) == "email"
    assert account.findtext("o:Action", namespaces=NS) == "settings"
    out = {}
    for protocol in account.findall("o:Protocol", NS):
        fields = {child.tag.split("}")[1]: child.text for child in protocol}
        out[fields["Type"]] = fields
    return out


@pytest.mark.parametrize("security, port, encryption", [("starttls", 587, "TLS"), ("tls", 465, "SSL")])
def test_autodiscover_writes_every_security_element(security, port, encryption):
    protocols = parse_autodiscover(export("autodiscover", settings(security=security, port=port)))
    smtp = protocols["SMTP"]
    assert smtp["Server"] == "smtp.example.co.jp" and smtp["Port"] == str(port)
    assert smtp["LoginName"] == EMAIL
    assert (smtp["SSL"], smtp["Encryption"], smtp["SPA"], smtp["AuthRequired"]) == (
        "on", encryption, "off", "on")
    imap = protocols["IMAP"]
    assert (imap["Port"], imap["SSL"], imap["Encryption"], imap["SPA"], imap["AuthRequired"]) == (
        "993", "on", "SSL", "off", "on")


def test_autodiscover_plain_incoming_and_no_oauth2():
    protocols = parse_autodiscover(export("autodiscover", settings(
        incoming_type="pop3", incoming_security="none", incoming_port=110)))
    assert protocols["POP3"]["SSL"] == "off" and protocols["POP3"]["Encryption"] == "None"
    with pytest.raises(ExportError, match="OAuth2"):
        export("autodiscover", settings(auth="oauth2"))


# --- msmtp (read back by msmtp itself) -------------------------------------------------------


def msmtp_pretend(config: str, tmp_path: Path) -> dict[str, str]:
    """What msmtp itself makes of *config* (``msmtp --pretend``: prints, sends nothing)."""
    if WINDOWS:
        pytest.skip(f"not on Windows: {NO_MSMTP}")
    path = tmp_path / "msmtprc"
    path.write_text(config)
    path.chmod(0o600)
    proc = subprocess.run(["msmtp", "-C", str(path), "--pretend", "someone@example.test"],
                          capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    values = {}
    for line in proc.stdout.splitlines():
        key, sep, value = line.partition(" = ")
        if sep:
            values[key.strip()] = value
    return values


def test_msmtp_starttls_without_any_password_line(tmp_path):
    text = export("msmtp", settings())
    assert not re.search(r"^\s*password", text, re.M)
    seen = msmtp_pretend(text, tmp_path)
    assert seen["host"] == "smtp.example.co.jp" and seen["port"] == "587"
    assert seen["tls"] == "on" and seen["tls_starttls"] == "on"
    assert seen["auth"] == "choose" and seen["user"] == EMAIL
    assert seen["from"] == EMAIL
    assert seen["password"] == "(not set)" and seen["passwordeval"] == "(not set)"


def test_msmtp_implicit_tls_and_cram_md5(tmp_path):
    seen = msmtp_pretend(export("msmtp", settings(port=465, security="tls", auth="encrypted")),
                         tmp_path)
    assert seen["port"] == "465" and seen["tls_starttls"] == "off"
    assert seen["auth"] == "CRAM-MD5"


def test_msmtp_passwordeval_runs_op25b_wizard(tmp_path):
    """msmtp runs passwordeval even with --pretend: a stand-in program at a path with a space
    records the arguments it gets through msmtp's shell."""
    program = tmp_path / "op 25b" / "op25b-wizard"
    program.parent.mkdir()
    program.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{tmp_path}/argv'\necho dummy\n")
    program.chmod(0o755)
    options = ExportOptions(msmtp_password="passwordeval", password_command=(str(program),))
    odd_user = "taro's \"mail\" $HOME `id`"
    seen = msmtp_pretend(export("msmtp", settings(username=odd_user), options), tmp_path)
    assert seen["user"] == odd_user
    assert seen["passwordeval"] == msmtp.password_command(settings(username=odd_user), options)
    argv = (tmp_path / "argv").read_text().splitlines()
    assert argv == ["password", "get", "--host", "smtp.example.co.jp", "--user", odd_user]


def test_msmtp_and_git_have_no_oauth2():
    for fmt in ("msmtp", "git-send-email"):
        with pytest.raises(ExportError, match="OAuth2"):
            export(fmt, settings(auth="oauth2"))


# --- git send-email (read back by git) -------------------------------------------------------


def git_config(text: str, tmp_path: Path) -> dict[str, str]:
    if WINDOWS and shutil.which("git") is None:
        pytest.skip("not on Windows here: the file is read back by Debian's git (Git for "
                    "Windows is neither a Debian package nor on the Python package registry)")
    path = tmp_path / "gitconfig"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run(["git", "config", "-f", str(path), "--list"], capture_output=True,
                          text=True, check=True, timeout=10)
    return dict(line.split("=", 1) for line in proc.stdout.splitlines())


@pytest.mark.parametrize("security, encryption", [("starttls", "tls"), ("tls", "ssl")])
def test_git_send_email(tmp_path, security, encryption):
    name = 'Taro "T" Yamada #1; \\ 山田'
    values = git_config(export("git-send-email", settings(security=security, display_name=name)),
                        tmp_path)
    sender = values.pop("sendemail.from")
    assert values == {
        "sendemail.smtpserver": "smtp.example.co.jp",
        "sendemail.smtpserverport": "587",
        "sendemail.smtpencryption": encryption,
        "sendemail.smtpuser": EMAIL,
    }
    # a display name with special characters is quoted, so the header reads back as written
    assert sender.startswith('"') and email.utils.parseaddr(sender) == (name, EMAIL)


def test_git_send_email_plain_names_stay_plain(tmp_path):
    values = git_config(export("git-send-email", settings(display_name="山田 太郎")), tmp_path)
    assert values["sendemail.from"] == f"山田 太郎 <{EMAIL}>"


def test_git_send_email_cram_md5(tmp_path):
    values = git_config(export("git-send-email", settings(auth="encrypted")), tmp_path)
    assert values["sendemail.smtpauth"] == "CRAM-MD5"


# --- Thunderbird user.js ---------------------------------------------------------------------


def user_prefs(text: str) -> dict[str, object]:
    prefs = {}
    for line in text.splitlines():
        if line.startswith("//") or not line.strip():
            continue
        m = re.fullmatch(r'user_pref\(("(?:[^"\\]|\\.)*"), (.*)\);', line)
        assert m, line
        prefs[json.loads(m.group(1))] = json.loads(m.group(2))
    return prefs


@pytest.mark.parametrize("security, auth, try_ssl, method", [
    ("starttls", "normal", 2, 3), ("tls", "encrypted", 3, 4), ("tls", "oauth2", 3, 10)])
def test_thunderbird_user_js(security, auth, try_ssl, method):
    prefs = user_prefs(export("thunderbird-userjs", settings(security=security, auth=auth)))
    assert prefs == {
        "mail.smtpserver.smtp1.hostname": "smtp.example.co.jp",
        "mail.smtpserver.smtp1.port": 587,
        "mail.smtpserver.smtp1.try_ssl": try_ssl,
        "mail.smtpserver.smtp1.authMethod": method,
        "mail.smtpserver.smtp1.username": EMAIL,
    }


def test_thunderbird_user_js_other_server_key():
    prefs = user_prefs(export("thunderbird-userjs", settings(username='a"b\\c'),
                              ExportOptions(thunderbird_server_key="smtp3")))
    assert prefs["mail.smtpserver.smtp3.username"] == 'a"b\\c'
    with pytest.raises(ExportError):
        export("thunderbird-userjs", settings(), ExportOptions(thunderbird_server_key="x\n"))


# --- JSON ------------------------------------------------------------------------------------


def test_json_has_the_settings_and_the_diagnosis():
    diagnosis = {"ports": [{"port": 25, "outcome": "timeout"}], "op25b": True,
                 "verdicts": ["op25b"], "recommended": None, "support_code": "C2LCC-AJ2AN"}
    doc = json.loads(export("json", settings(
        before=make_before(port=25, security="none"), support_code="C2LCC-AJ2AN",
        diagnosis=diagnosis, display_name="Taro")))
    assert doc["format"] == "op25b-wizard-settings" and doc["version"] == 1
    assert doc["outgoing"] == {"host": "smtp.example.co.jp", "port": 587, "security": "starttls",
                               "username": EMAIL, "auth": "normal"}
    assert doc["incoming"]["assumed"] == ["type", "host", "security", "port"]
    assert doc["before"] == {"host": None, "port": 25, "security": "none", "auth": None}
    assert doc["support_code"] == "C2LCC-AJ2AN" and doc["diagnosis"] == diagnosis
    assert doc["email"] == EMAIL and doc["display_name"] == "Taro"


# --- the registry ----------------------------------------------------------------------------


def test_registry_names_every_format():
    assert list(FORMATS) == ["autoconfig", "mobileconfig", "autodiscover", "msmtp",
                             "git-send-email", "thunderbird-userjs", "json", "html", "pdf"]
    for name, info in FORMATS.items():
        if info.render is not None:
            out = export(name, settings())
            assert isinstance(out, bytes) == info.binary
    assert suggested_file_name("mobileconfig", settings()) == "example.co.jp.mobileconfig"
    with pytest.raises(ExportError, match="rendered by the application"):
        export("pdf", settings())
    with pytest.raises(ExportError, match="Unknown export format"):
        export("vcard", settings())
