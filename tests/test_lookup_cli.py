"""``op25b-wizard lookup``: the contract of its options, JSON and exit status."""

from __future__ import annotations

import json
import subprocess

import pytest

from op25b_wizard.cli import lookup as cli_lookup
from op25b_wizard.cli import main
from op25b_wizard.core.lookup import LookupConfig
from tests.support.http_servers import Page, autoconfig_xml, local_web
from tests.support.platform import CLI

SERVER_KEYS = {"host", "port", "security", "auth", "username"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["lookup", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_contract_for_a_bundled_provider(capsys):
    status, out, err = run(capsys, "taro@ocn.ne.jp", "--offline", "--json", "--lang", "en")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert {"source", "outgoing", "notes"} <= set(data)
    assert data["source"] == "bundled"
    assert data["outgoing"] == [{"host": "smtp.ocn.ne.jp", "port": 465, "security": "tls",
                                 "auth": "normal", "username": "taro@ocn.ne.jp"}]
    assert all(isinstance(n, str) for n in data["notes"])
    assert data["network_reached"] is False


def test_every_server_in_the_json_has_exactly_the_documented_keys(capsys):
    for email in ("a@gmail.com", "a@nifty.com", "a@outlook.jp", "a@miomio.jp"):
        status, out, _ = run(capsys, email, "--offline", "--json")
        data = json.loads(out)
        assert status == 0
        for s in data["outgoing"]:
            assert set(s) == SERVER_KEYS
            assert s["security"] in ("tls", "starttls", "none")
            assert s["auth"] in ("normal", "encrypted", "oauth2", "none", "other")


def test_human_output_lists_routes_and_notes(capsys):
    status, out, _ = run(capsys, "ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ", "--offline", "--lang", "en")
    assert status == 0
    assert "Outgoing server for taro@gmail.com" in out
    assert "1. smtp.gmail.com, port 465, encryption: SSL/TLS" in out
    assert "2. smtp.gmail.com, port 587, encryption: STARTTLS" in out
    assert "app password" in out


def test_nothing_found_exits_1(capsys):
    status, out, _ = run(capsys, "taro@unknown.example", "--offline", "--json")
    assert status == 1
    assert json.loads(out)["outgoing"] == []


@pytest.mark.parametrize("argv, words", [
    (["not-an-address", "--offline"], "no @"),
    (["taro@localhost", "--offline"], "no dot"),
    (["taro@example.jp", "--preset", "/nonexistent/preset.xml"], "cannot read the preset file"),
    (["taro@example.jp", "--offline", "--preset", ""], "--preset needs a file name"),
    (["taro@example.jp", "--ispdb-url", "ftp://isp.example/"], "--ispdb-url must be"),
    (["taro@example.jp", "--cafile", "/nonexistent/ca.pem"], "cannot read the CA file"),
    (["taro@example.jp", "--cafile", "{text_file}"], "holds no usable certificate"),
    (["taro@example.jp", "--ispdb-url", "https://[::1"], "--ispdb-url must be"),
    (["taro@example.jp", "--ispdb-url", "https://127.0.0.1:99999/"], "--ispdb-url must be"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, argv, words):
    text_file = tmp_path / "notes.pem"
    text_file.write_text("not a certificate\n")
    argv = [a.format(text_file=text_file) for a in argv]
    status, out, err = run(capsys, *argv, "--lang", "en")
    assert status == 2 and out == ""
    assert err.startswith("op25b-wizard: error:") and words in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_preset_file_is_honoured_and_a_hostile_one_refused(capsys, tmp_path):
    preset = tmp_path / "corp.xml"
    preset.write_bytes(autoconfig_xml(("smtp.corp.example", 587, "STARTTLS", "%EMAILADDRESS%",
                                       "password-cleartext"), domains=("corp.example",)))
    status, out, _ = run(capsys, "taro@corp.example", "--preset", str(preset), "--offline",
                         "--json")
    assert status == 0
    data = json.loads(out)
    assert data["source"] == "preset" and data["outgoing"][0]["host"] == "smtp.corp.example"

    preset.write_bytes(b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b SYSTEM "file:///etc/shadow">]>'
                       b"<clientConfig>&b;</clientConfig>")
    status, out, err = run(capsys, "taro@corp.example", "--preset", str(preset), "--offline")
    assert status == 2 and out == ""
    assert "were refused" in err and "Traceback" not in err


def test_ispdb_url_is_followed(capsys, monkeypatch, test_ca):
    doc = autoconfig_xml(("smtp.isp.example", 465, "SSL", "%EMAILADDRESS%", "password-cleartext"),
                         domains=("isp.example",))
    with local_web({"/v1.1/isp.example": Page(doc)}, tls=test_ca.server_context()) as ispdb:
        # the other network sources are pointed away so that nothing leaves the machine
        monkeypatch.setattr(cli_lookup, "_base_config", lambda: LookupConfig(
            use_bundled_preset=False, autoconfig_urls=(), use_mx=False, use_srv=False,
            guess=False, use_system_trust=False))
        status, out, _ = run(capsys, "taro@isp.example", "--json", "--cafile",
                             str(test_ca.cafile), "--ispdb-url", ispdb.base + "/v1.1")
        assert ispdb.requests == ["/v1.1/isp.example"]
    data = json.loads(out)
    assert status == 0 and data["source"] == "ispdb"
    assert data["outgoing"][0] == {"host": "smtp.isp.example", "port": 465, "security": "tls",
                                   "auth": "normal", "username": "taro@isp.example"}


def test_installed_command_answers_offline_from_any_directory(tmp_path):
    proc = subprocess.run([CLI, "lookup", "hanako@biglobe.ne.jp", "--offline", "--json"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["outgoing"][0]["host"] == "mail.biglobe.ne.jp"


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_without_network_the_lookup_says_it_could_not_check(capsys, monkeypatch):
    """No DNS or web server answers: "could not check", not "not found" (which would tell
    the user that the provider is unknown)."""
    closed = _closed_port()
    monkeypatch.setattr(cli_lookup, "_base_config", lambda: LookupConfig(
        use_bundled_preset=False, autoconfig_urls=(f"http://127.0.0.1:{closed}/{{domain}}",),
        ispdb_url=f"http://127.0.0.1:{closed}/v1.1", use_mx=True, use_srv=False, guess=False,
        nameservers=("127.0.0.1",), dns_port=closed, dns_timeout=0.5, http_timeout=1.0))
    status, out, _ = run(capsys, "taro@unknown.example", "--lang", "en")
    assert status == 1
    assert "Could not check taro@unknown.example" in out and "No outgoing server found" not in out
    status, out, _ = run(capsys, "taro@unknown.example", "--json")
    data = json.loads(out)
    assert (data["status"], data["network_reached"]) == ("not_checked", False)


def test_offline_the_lookup_says_the_network_was_not_used(capsys):
    status, out, _ = run(capsys, "taro@unknown.example", "--offline", "--lang", "en")
    assert status == 1
    assert "Could not check taro@unknown.example" in out and "--offline" in out


def test_a_real_negative_answer_is_not_found(capsys, monkeypatch):
    """A web server answered (404) and nothing else knows the domain: that is "not found"."""
    with local_web({}) as web:
        monkeypatch.setattr(cli_lookup, "_base_config", lambda: LookupConfig(
            use_bundled_preset=False, autoconfig_urls=(web.base + "/{domain}",),
            ispdb_url=web.base + "/v1.1", use_mx=False, use_srv=False, guess=False))
        status, out, _ = run(capsys, "taro@unknown.example", "--lang", "en")
    assert status == 1 and "No outgoing server found for taro@unknown.example" in out
