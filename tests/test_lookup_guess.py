"""The last resort: guessing with the real port-test engine against real SMTP servers on loopback.
No password is ever sent while guessing."""

from __future__ import annotations

import socket
import time

import pytest

from op25b_wizard.core.lookup import LookupConfig, lookup
from op25b_wizard.core.lookup.guess import auth_from_mechanisms, guess_routes
from op25b_wizard.core.lookup.result import OutgoingServer
from op25b_wizard.core.model import Credentials, PortSpec, ProbeOptions
from tests.support.servers import Scripted, smtp_server

EMAIL = "taro@example.test"


def guess_config(test_ca, ports, **kw) -> LookupConfig:
    cfg = LookupConfig(use_bundled_preset=False, autoconfig_urls=(), ispdb_url=None,
                       use_mx=False, use_srv=False, guess_hosts=("localhost",),
                       guess_ports=tuple(ports), cafile=str(test_ca.cafile),
                       use_system_trust=False, probe_timeout=2.0)
    for k, v in kw.items():
        setattr(cfg, k, v)
    return cfg


def test_guessing_finds_the_secure_submission_ports_without_sending_a_password(mail_servers,
                                                                                test_ca):
    r = lookup(EMAIL, guess_config(test_ca, mail_servers.specs()))
    assert r.source == "guess"
    # RFC 8314 order: implicit TLS, STARTTLS submission, then the relay port (it offers AUTH)
    assert r.outgoing == [
        OutgoingServer("localhost", mail_servers.tls.port, "tls", "normal", EMAIL),
        OutgoingServer("localhost", mail_servers.starttls.port, "starttls", "normal", EMAIL),
        OutgoingServer("localhost", mail_servers.relay.port, "starttls", "normal", EMAIL),
    ]
    assert not r.needs_confirmation and r.network_reached
    assert any("no password was sent" in n.render() for n in r.notes)
    for server in (mail_servers.relay, mail_servers.starttls, mail_servers.tls):
        assert server.recorder.auth == []
        assert not any(b"AUTH" in line.upper() for line in server.recorder.plaintext_lines)


async def _receiving_only(reader, writer, peer) -> None:
    """A receiving mail server (MX) on port 25: no STARTTLS, no AUTH."""
    writer.write(b"220 mx.example.test ESMTP\r\n")
    while line := await peer.readline(reader):
        if line.upper().startswith((b"EHLO", b"HELO")):
            writer.write(b"250-mx.example.test\r\n250 8BITMIME\r\n")
        elif line.upper().startswith(b"QUIT"):
            writer.write(b"221 bye\r\n")
            break
        else:
            writer.write(b"502 no\r\n")
        await writer.drain()


def test_a_server_without_auth_is_not_a_way_to_send(mail_servers, test_ca):
    with Scripted(_receiving_only) as mx:
        ports = [PortSpec(mx.port, "relay"), PortSpec(mail_servers.tls.port, "tls")]
        r = lookup(EMAIL, guess_config(test_ca, ports))
        assert any(line.upper().startswith(b"EHLO") for line in mx.received)
    assert [s.port for s in r.outgoing] == [mail_servers.tls.port]


def test_a_silent_port_25_is_not_waited_for_once_submission_works(mail_servers, test_ca):
    with socket.socket() as silent:  # accepts (backlog) but never greets, like a black hole
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        ports = [PortSpec(mail_servers.tls.port, "tls"), PortSpec(silent.getsockname()[1], "relay")]
        t0 = time.monotonic()
        r = lookup(EMAIL, guess_config(test_ca, ports, probe_timeout=10.0))
        elapsed = time.monotonic() - t0
    assert r.source == "guess" and r.outgoing[0].port == mail_servers.tls.port
    assert elapsed < 5


def test_plain_only_server_is_offered_with_a_warning_and_confirmation(test_ca):
    with smtp_server(test_ca, "plain", auth_require_tls=False) as plain:
        r = lookup(EMAIL, guess_config(test_ca, [PortSpec(plain.port, "starttls")]))
        assert plain.recorder.auth == []
    assert r.source == "guess"
    assert r.outgoing == [OutgoingServer("localhost", plain.port, "none", "normal", EMAIL)]
    assert r.needs_confirmation and r.first_secure() is None
    assert any("without encryption" in n.render() for n in r.notes)


def test_nothing_listening_means_nothing_found(test_ca):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = lookup(EMAIL, guess_config(test_ca, [PortSpec(port, "tls")]))
    assert r.source == "none" and r.outgoing == []


def test_guessing_refuses_credentials(test_ca):
    import threading

    from op25b_wizard.core.lookup import parse_email

    options = ProbeOptions(credentials=Credentials("taro", "secret"))
    with pytest.raises(ValueError, match="never sends a password"):
        guess_routes(parse_email(EMAIL), ("localhost",), (PortSpec(465, "tls"),), options,
                     threading.Event())


@pytest.mark.parametrize("mechs, encrypted, expected", [
    (["PLAIN", "LOGIN", "CRAM-MD5"], True, "normal"),
    (["PLAIN", "LOGIN", "CRAM-MD5"], False, "encrypted"),
    (["login"], False, "normal"),
    (["XOAUTH2"], True, "oauth2"),
    (["GSSAPI", "NTLM"], True, "other"),
    ([], True, None),
])
def test_auth_from_ehlo(mechs, encrypted, expected):
    assert auth_from_mechanisms(mechs, encrypted) == expected
