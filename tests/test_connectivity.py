"""The connectivity check on its own: a real HTTP server on loopback answers exactly, redirects,
alters the answer or is not there; the configured URL and its answer."""

from __future__ import annotations

import asyncio

import pytest

from op25b_wizard.core import connectivity as cc
from op25b_wizard.core.connectivity_probe import check_connectivity
from op25b_wizard.core.probe import resolve
from tests.support.http_servers import Page, local_web
from tests.support.servers import Scripted, free_port

PATH = "/connecttest.txt"
REDIRECT = Page(b"<html><body>Please accept our terms</body></html>", 302,
                headers={"Location": "http://portal.hotel.test/login"})


def check_at(url: str, answer: str = cc.DEFAULT_ANSWER, status: int = 200) -> cc.ConnectivityResult:
    check = cc.ConnectivityCheck(url, status, answer)
    return asyncio.run(check_connectivity(check, 2.0, resolve))


@pytest.mark.parametrize("page, result, status", [
    (Page(cc.DEFAULT_ANSWER.encode()), "open", 200),
    (REDIRECT, "portal", 302),
    (Page(b"<html>Welcome to Hotel Example Wi-Fi</html>"), "portal", 200),
    (Page(cc.DEFAULT_ANSWER.encode(), 403), "portal", 403),
])
def test_the_answer_is_judged_exactly(page: Page, result: str, status: int) -> None:
    with local_web({PATH: page}) as web:
        found = check_at(web.base + PATH)
        assert web.requests == [PATH]
    assert (found.result, found.status) == (result, status)
    if status == 302:
        assert found.location == "http://portal.hotel.test/login"


def test_a_chunked_exact_answer_is_open() -> None:
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(cc.DEFAULT_ANSWER), cc.DEFAULT_ANSWER.encode())
    raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    assert cc.judge(cc.ConnectivityCheck(), raw).result == "open"
    assert cc.judge(cc.ConnectivityCheck(), raw.replace(b"Connect", b"Connexx")).result == "portal"


def test_a_custom_url_without_an_answer_expects_204() -> None:
    with local_web({"/generate_204": Page(b"", 204)}) as web:
        check = cc.configured(web.base + "/generate_204", env={})
        assert check is not None and (check.expected_status, check.expected_body) == (204, "")
        found = asyncio.run(check_connectivity(check, 2.0, resolve))
    assert found.result == "open"


def test_nothing_listening_proves_nothing() -> None:
    found = check_at(f"http://127.0.0.1:{free_port()}{PATH}")
    assert found.result == "no_answer" and found.error


@pytest.mark.parametrize("env, expected", [
    ({}, cc.ConnectivityCheck()),
    ({cc.URL_ENV: "off"}, None),
    ({cc.URL_ENV: "OFF "}, None),
    ({cc.URL_ENV: "http://check.example.test/ok", cc.ANSWER_ENV: "fine"},
     cc.ConnectivityCheck("http://check.example.test/ok", 200, "fine")),
    ({cc.URL_ENV: "http://check.example.test/204"},
     cc.ConnectivityCheck("http://check.example.test/204", 204, "")),
])
def test_configuration_from_the_environment(env: dict, expected) -> None:
    assert cc.configured(env=env) == expected


def test_the_default_url_is_windows_own_check() -> None:
    assert cc.configured(env={}) == cc.ConnectivityCheck(
        "http://www.msftconnecttest.com/connecttest.txt", 200, "Microsoft Connect Test")


def test_an_option_wins_over_the_environment() -> None:
    env = {cc.URL_ENV: "off"}
    assert cc.configured("http://check.example.test/x", "yes", env=env) == cc.ConnectivityCheck(
        "http://check.example.test/x", 200, "yes")


@pytest.mark.parametrize("url", ["https://www.msftconnecttest.com/connecttest.txt",
                                 "ftp://example.test/", "www.msftconnecttest.com", "http://",
                                 "http://example.test:99999/",
                                 "http://example.test/a\r\nX-Injected: 1",
                                 "http://example.test/a b", "http://例え.テスト/"])
def test_an_unusable_url_is_refused_plainly(url: str) -> None:
    with pytest.raises(cc.ConnectivityConfigError, match="plain http://"):
        cc.configured(url, env={})


def test_the_wizard_turns_an_unusable_url_off(monkeypatch) -> None:
    monkeypatch.setenv(cc.URL_ENV, "https://secure.example.test/")
    assert cc.from_environment() is None
    monkeypatch.setenv(cc.URL_ENV, "http://check.example.test/")
    assert cc.from_environment() == cc.ConnectivityCheck("http://check.example.test/", 204, "")


def test_a_server_that_keeps_the_connection_open_is_not_waited_for() -> None:
    """A whole answer (by its Content-Length) is judged at once, not after the timeout."""

    async def keeps_open(reader, writer, srv: Scripted) -> None:
        while (await srv.readline(reader)) not in (b"\r\n", b""):
            pass
        writer.write(b"HTTP/1.1 302 Found\r\nLocation: http://portal.test/\r\n"
                     b"Content-Length: 6\r\n\r\nportal")
        await writer.drain()
        while await srv.readline(reader):
            pass

    with Scripted(keeps_open) as srv:
        check = cc.ConnectivityCheck(f"http://127.0.0.1:{srv.port}{PATH}")
        found = asyncio.run(check_connectivity(check, 3.0, resolve))
    assert (found.result, found.location) == ("portal", "http://portal.test/")


def test_a_check_that_breaks_does_not_break_the_port_test() -> None:
    from op25b_wizard.core.connectivity_probe import finish

    async def broken() -> cc.ConnectivityResult:
        raise RuntimeError("unexpected")

    async def run() -> cc.ConnectivityResult | None:
        return await finish(asyncio.create_task(broken()), cc.ConnectivityCheck(), needed=True)

    found = asyncio.run(run())
    assert found is not None and (found.result, found.error) == ("no_answer", "unexpected")


def test_a_long_redirect_is_kept_short() -> None:
    raw = b"HTTP/1.1 302 Found\r\nLocation: http://portal.test/" + b"x" * 5000 + b"\r\n\r\n"
    found = cc.judge(cc.ConnectivityCheck(), raw)
    assert found.result == "portal" and found.location is not None and len(found.location) == 300
