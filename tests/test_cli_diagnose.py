"""``op25b-wizard diagnose`` and ``explain`` end to end, as the helpdesk runs them: a real
subprocess against real SMTP servers on loopback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from op25b_wizard.cli import main
from op25b_wizard.core import support_code
from op25b_wizard.core.model import OUTCOMES
from tests.conftest import ENGINE_PASSWORD, ENGINE_USER
from tests.support.platform import CLI
from tests.support.servers import TestCA, blackhole, free_port, smtp_server

ENV = {**{k: v for k, v in os.environ.items()
          if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}, "LANG": "en_US.UTF-8"}
STAGE = "2"


def cli(*argv: str, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, *argv], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=ENV)


def assert_one_line_error(proc: subprocess.CompletedProcess, code: int = 2) -> str:
    assert proc.returncode == code, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("op25b-wizard: error: ")
    assert proc.stdout == ""
    return lines[0]


class Host:
    """Relay, STARTTLS and implicit-TLS servers and the CLI options that point at them."""

    def __init__(self, ca: TestCA, relay: int, starttls: int, tls: int) -> None:
        self.ca = ca
        self.relay, self.starttls, self.tls = relay, starttls, tls

    def argv(self, *extra: str, relay: int | None = None) -> list[str]:
        return ["diagnose", ENGINE_USER, "--host", "localhost",
                "--port", f"{relay or self.relay}/relay", "--port", f"{self.starttls}/starttls",
                "--port", f"{self.tls}/tls", "--cafile", str(self.ca.cafile),
                "--timeout", STAGE, *extra]


@pytest.fixture(scope="module")
def host(test_ca: TestCA) -> Iterator[Host]:
    with smtp_server(test_ca, "relay", deny_relay=True) as relay, \
            smtp_server(test_ca, "starttls") as starttls, smtp_server(test_ca, "tls") as tls:
        yield Host(test_ca, relay.port, starttls.port, tls.port)


@pytest.fixture(scope="module")
def good_json(host: Host) -> dict:
    """One signed-in JSON run, shared by the tests that read it."""
    proc = cli(*host.argv("--password-stdin", "--json", "--transcript"),
               stdin=ENGINE_PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert ENGINE_PASSWORD not in proc.stdout
    return json.loads(proc.stdout)


# --- diagnose ------------------------------------------------------------------------------------

def test_json_contract(good_json: dict, host: Host) -> None:
    out = good_json
    assert {"ports", "op25b", "verdicts", "recommended", "support_code"} <= set(out)
    assert [p["port"] for p in out["ports"]] == [host.relay, host.starttls, host.tls]
    for p in out["ports"]:
        assert {"port", "security", "outcome", "elapsed_s"} <= set(p)
        assert p["security"] in ("tls", "starttls", "none")
        assert p["outcome"] in OUTCOMES
        assert isinstance(p["elapsed_s"], float) and 0 <= p["elapsed_s"] < float(STAGE)
    assert [(p["outcome"], p["security"]) for p in out["ports"]] == [
        ("ok", "starttls"), ("auth_ok", "starttls"), ("auth_ok", "tls")]
    assert out["op25b"] is False
    assert out["verdicts"] == ["submission_ok"]
    assert out["recommended"] == {"host": "localhost", "port": host.tls, "security": "tls",
                                  "auth": "normal", "username": ENGINE_USER}
    assert out["login_verified"] is True
    assert support_code.decode(out["support_code"]).verdicts == ("submission_ok",)
    assert out["transcript"] and any("AUTH PLAIN ********" in line for line in out["transcript"])


def test_human_output_says_what_works_and_what_to_do(host: Host) -> None:
    proc = cli(*host.argv("--password-stdin"), stdin=ENGINE_PASSWORD + "\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Mail server: localhost" in out
    header = next(line for line in out.splitlines() if "Encryption" in line)
    assert header.split() == ["Port", "Encryption", "Result", "Time", "Details"]
    assert f"{host.tls}  SSL/TLS" in out and "Works, password accepted" in out
    assert "OK Secure sending works" in out
    assert "What to do: Use the settings below" in out
    assert f"Port: {host.tls}" in out and "Encryption: SSL/TLS" in out
    assert f"User name: {ENGINE_USER}" in out
    code = out.split("Support code: ")[1].split()[0]
    support_code.decode(code)
    assert ENGINE_PASSWORD not in out + proc.stderr
    assert "Testing localhost" in proc.stderr


def test_blocked_port_25_is_reported_within_about_one_stage(host: Host) -> None:
    t0 = time.monotonic()
    assert cli("--version").returncode == 0
    startup = time.monotonic() - t0  # seconds under Wine on a loaded machine, not 5
    with blackhole() as hole:
        t0 = time.monotonic()
        proc = cli(*host.argv("--json", "--timeout", "1", relay=hole))
        wall = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["op25b"] is True
    assert out["verdicts"] == ["op25b", "submission_ok"]
    assert out["ports"][0]["outcome"] == "timeout"
    assert out["recommended"]["port"] == host.tls
    assert wall < 1.0 + max(5.0, 3 * startup), "one stage timeout plus start-up"


def test_no_route_exits_1(test_ca: TestCA) -> None:
    proc = cli("diagnose", "localhost", "--port", f"{free_port()}/starttls",
               "--port", f"{free_port()}/tls", "--cafile", str(test_ca.cafile), "--json")
    assert proc.returncode == 1, proc.stderr
    out = json.loads(proc.stdout)
    assert out["verdicts"] == ["unreachable"]
    assert out["recommended"] is None and out["op25b"] is None
    assert [p["outcome"] for p in out["ports"]] == ["refused", "refused"]


def test_no_route_in_human_output_exits_1(test_ca: TestCA) -> None:
    with smtp_server(test_ca, "starttls", context=test_ca.expired_context()) as bad:
        proc = cli("diagnose", "localhost", "--port", f"{bad.port}/starttls",
                   "--cafile", str(test_ca.cafile), "--timeout", STAGE)
    assert proc.returncode == 1, proc.stderr
    assert "!! The server's security certificate is not valid" in proc.stdout
    assert "it has expired" in proc.stdout
    assert "No secure outgoing route was found." in proc.stdout


def test_wrong_password_exits_3(host: Host) -> None:
    proc = cli(*host.argv("--password-stdin", "--json"), stdin="wrong password\n")
    assert proc.returncode == 3, proc.stderr
    out = json.loads(proc.stdout)
    assert out["verdicts"] == ["auth_rejected"]
    assert out["login_verified"] is False
    assert [p["outcome"] for p in out["ports"][1:]] == ["auth_failed", "auth_failed"]
    assert "wrong password" not in proc.stdout


# --- bad input: one line, no traceback, exit 2 ----------------------------------------------------

def _not_pem(tmp: Path) -> str:
    path = tmp / "not-a-ca.pem"
    path.write_text("this is not a certificate\n")
    return str(path)


BAD_INPUT = {
    "invalid address": (["diagnose", "taro@@example.test"], None, "not a valid e-mail address"),
    "address without domain": (["diagnose", "taro@"], None, "not a valid e-mail address"),
    "address with a one-label domain": (["diagnose", "taro@localhost"], None,
                                        "not a valid e-mail address"),
    "address at an IP address": (["diagnose", "taro@127.0.0.1"], None,
                                 "must be a domain name, not an IP address"),
    "address at an address literal": (["diagnose", "taro@[192.0.2.25]"], None,
                                      "must be a domain name, not an IP address"),
    "address at an IPv6 literal": (["diagnose", "taro@[::1]", "--host", "localhost"], None,
                                   "must be a domain name, not an IP address"),
    "invalid host": (["diagnose", "exa mple.test"], None, "not a valid server name"),
    "invalid --host": (["diagnose", "taro@example.test", "--host", "mail..example.test"], None,
                       "not a valid server name"),
    "port 0": (["diagnose", "localhost", "--port", "0"], None, "invalid port"),
    "port 70000": (["diagnose", "localhost", "--port", "70000"], None, "invalid port"),
    "port abc": (["diagnose", "localhost", "--port", "abc"], None, "invalid port"),
    "port mode": (["diagnose", "localhost", "--port", "587/ssl"], None, "invalid port"),
    "port slash": (["diagnose", "localhost", "--port", "587/"], None, "invalid port"),
    "empty --host": (["diagnose", "taro@example.test", "--host", ""], None,
                     "the server name is empty"),
    "timeout 0": (["diagnose", "localhost", "--timeout", "0"], None, "timeout"),
    "missing CA file": (["diagnose", "localhost", "--cafile", "/nonexistent/ca.pem"], None,
                        "cannot read the CA file"),
    "CA file is a directory": (["diagnose", "localhost", "--cafile", "/"], None,
                               "cannot read the CA file"),
    "CA file not PEM": (["diagnose", "localhost", "--cafile", "{not_pem}"], None,
                        "no usable certificate"),
    "empty stdin": (["diagnose", "taro@example.test", "--password-stdin"], "", "empty"),
    "empty password line": (["diagnose", "taro@example.test", "--password-stdin"], "\n",
                            "empty"),
    "password without user": (["diagnose", "localhost", "--password-stdin"], "secret\n",
                              "--password-stdin needs --user"),
    "empty --preset": (["diagnose", "taro@example.test", "--offline", "--preset", ""], None,
                       "--preset needs a file name"),
    "empty --preset with --host": (["diagnose", "localhost", "--preset", " "], None,
                                   "--preset needs a file name"),
    "missing --preset": (["diagnose", "taro@example.test", "--offline", "--preset",
                          "/nonexistent/preset.xml"], None, "cannot read the preset file"),
    "mistyped code": (["explain", "{mistyped}"], None, "not a valid support code"),
    "short code": (["explain", "ABCD"], None, "not a valid support code"),
}


SUBPROCESS_SAMPLE = ("invalid address", "address at an IP address", "invalid host", "port 70000", "CA file not PEM",
                     "empty stdin", "mistyped code")
"""Run as real processes; the whole table also runs in-process (each start-up costs ~0.5 s)."""


@pytest.fixture(scope="module")
def substitutions(tmp_path_factory) -> dict[str, str]:
    code = support_code.normalise(support_code.encode(support_code.CodeSummary(
        {25: ("timeout", "none"), 587: ("ok", "starttls"), 465: ("ok", "tls")}, True, 465,
        ("op25b", "submission_ok"))))
    mistyped = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]
    return {"not_pem": _not_pem(tmp_path_factory.mktemp("bad-input")), "mistyped": mistyped}


def _argv(name: str, subst: dict[str, str]) -> list[str]:
    return [a.format(**subst) if a.startswith("{") else a for a in BAD_INPUT[name][0]]


@pytest.fixture(scope="module")
def bad_input_processes(substitutions) -> dict[str, subprocess.CompletedProcess]:
    """The sampled bad-input runs, started at once."""
    procs = {name: subprocess.Popen([CLI, *_argv(name, substitutions)], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env=ENV)
             for name in SUBPROCESS_SAMPLE}
    results = {}
    for name, proc in procs.items():
        out, err = proc.communicate(BAD_INPUT[name][1] or "", timeout=60)
        results[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return results


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_bad_input_is_one_line_and_exit_2(name: str, bad_input_processes) -> None:
    line = assert_one_line_error(bad_input_processes[name])
    assert BAD_INPUT[name][2] in line


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_bad_input_in_process(name: str, substitutions, capsys, monkeypatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(BAD_INPUT[name][1] or ""))
    status = main(_argv(name, substitutions))
    out, err = capsys.readouterr()
    line = assert_one_line_error(subprocess.CompletedProcess([], status, out, err))
    assert BAD_INPUT[name][2] in line


# --- explain -------------------------------------------------------------------------------------

def test_explain_round_trip(good_json: dict) -> None:
    code = good_json["support_code"]
    proc = cli("explain", code.lower().replace("-", " "), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["support_code"] == code
    assert out["verdicts"] == good_json["verdicts"]
    assert out["op25b"] == good_json["op25b"]
    # the test servers listen on other ports than 25/587/465: the code tells "other"
    assert out["recommended_port"] == "other"
    assert [p["port"] for p in out["ports"]] == [25, 587, 465]

    human = cli("explain", code)
    assert human.returncode == 0, human.stderr
    assert f"Support code {code}" in human.stdout
    assert "Port 25 blocked on the caller's network: no" in human.stdout
    assert "OK Secure sending works" in human.stdout
    assert "What to do:" in human.stdout


def test_explain_takes_the_code_read_out_in_groups() -> None:
    """``explain K24J TA2A J282``: the caller reads the code out group by group (a code of the
    first version, ``C2LCC AJ2AN``, in two halves)."""
    summary = support_code.CodeSummary(
        {25: ("timeout", "none"), 587: ("auth_ok", "starttls"), 465: ("ok", "tls")},
        True, 587, ("op25b", "submission_ok"))
    code = support_code.encode(summary)
    groups = code.split("-")
    assert len(groups) == 3
    proc = cli("explain", *groups)
    assert proc.returncode == 0, proc.stderr
    assert f"Support code {code}" in proc.stdout
    assert "Recommended port: 587" in proc.stdout
    as_json = cli("explain", groups[0].lower(), *groups[1:], "--json")
    assert json.loads(as_json.stdout)["support_code"] == code
    old = cli("explain", "C2LCC", "AJ2AN", "--json")
    assert json.loads(old.stdout)["support_code"] == "C2LCC-AJ2AN"


def test_explain_of_a_code_with_every_port() -> None:
    summary = support_code.CodeSummary(
        {25: ("timeout", "none"), 587: ("auth_ok", "starttls"), 465: ("tls_error", "tls")},
        True, 587, ("certificate", "op25b", "submission_ok"))
    proc = cli("explain", support_code.encode(summary))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "25: No answer (blocked?) (None)" in out
    assert "587: Works, password accepted (STARTTLS)" in out
    assert "465: Encryption failed (SSL/TLS)" in out
    assert "Port 25 blocked on the caller's network: yes" in out
    assert "Recommended port: 587" in out
    assert "!! This network blocks port 25" in out


@pytest.mark.parametrize("typed", ["ｔａｒｏ＠ｇｍａｉｌ．ｃｏｍ", "mailto:taro@gmail.com", " taro@gmail.com "])
def test_an_address_the_lookup_accepts_is_accepted_by_diagnose(typed: str) -> None:
    """Full-width input from a Japanese input method, or a mailto: link, as lookup takes it."""
    from op25b_wizard.core.targets import parse_target

    target = parse_target(typed)
    assert (target.host, target.email, target.domain) == ("smtp.gmail.com", "taro@gmail.com",
                                                          "gmail.com")
    assert parse_target("ｓｍｔｐ．ｅｘａｍｐｌｅ．ｊｐ").host == "smtp.example.jp"


@pytest.mark.parametrize("typed", ["taro@127.0.0.1", "taro@[127.0.0.1]", "ｔａｒｏ＠１２７．０．０．１",
                                   "taro@[IPv6:2001:db8::1]", "mailto:taro@192.0.2.25"])
def test_an_address_at_an_ip_address_is_refused(typed: str) -> None:
    """An address's domain is where its mail server is looked up (``smtp.<domain>``): an IP
    address there would test ``smtp.127.0.0.1``."""
    from op25b_wizard.core.targets import TargetError, parse_target

    with pytest.raises(TargetError):
        parse_target(typed)
    assert parse_target("127.0.0.1").host == "127.0.0.1", "a server's own address is fine"


@pytest.mark.parametrize("source", ["mx", "srv", "autoconfig", "guess"])
def test_a_password_is_not_sent_to_a_server_found_through_an_unvouched_source(
        source: str, capsys, monkeypatch) -> None:
    """A server found through plain http, MX, SRV or guessing: one line, exit 2, no test."""
    from op25b_wizard.cli import diagnose as cli_diagnose
    from op25b_wizard.core.targets import Target

    monkeypatch.setattr(cli_diagnose, "_lookup_route", lambda args, target: (
        Target("mail.elsewhere.example", target.email, target.domain), [], source))
    from op25b_wizard.core import probe

    monkeypatch.setattr(probe, "run_probe", lambda *a, **k: pytest.fail("probed"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"secret-pw\n")))
    status = main(["diagnose", "taro@example.test", "--user", "taro", "--password-stdin",
                   "--lang", "en"])
    out, err = capsys.readouterr()
    line = assert_one_line_error(subprocess.CompletedProcess([], status, out, err))
    assert "mail.elsewhere.example" in line and "cannot vouch for it" in line
    assert "secret-pw" not in out + err
