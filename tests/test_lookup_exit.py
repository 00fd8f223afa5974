"""A lookup leaves no source inside OpenSSL behind it: the program may exit right after the
answer, and OpenSSL's clean-up under a running handshake or read crashed it (exit status 139)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

from op25b_wizard.core.lookup import LookupConfig, lookup
from op25b_wizard.core.model import PortSpec
from tests.support.http_servers import Page, autoconfig_xml, local_web

DOMAIN = "example.jp"
GOOD = autoconfig_xml(("smtp.example.jp", 465, "SSL", "%EMAILADDRESS%", "password-cleartext"),
                      domains=(DOMAIN,))


@contextlib.contextmanager
def silent_tls_peer() -> Iterator[str]:
    """Accepts connections and never answers the TLS handshake: an https URL on it."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.getsockname()[1]}/x.xml"
    finally:
        stop.set()
        thread.join()
        for s in held:
            s.close()
        server.close()


def config(cafile: str, urls: tuple[str, ...]) -> LookupConfig:
    return LookupConfig(use_bundled_preset=False, autoconfig_urls=urls, ispdb_url=None,
                        use_mx=False, use_srv=False, guess=False, cafile=cafile,
                        use_system_trust=False, http_timeout=10.0)


def test_no_source_is_left_in_tls_when_the_lookup_returns(test_ca):
    with local_web({"/good.xml": Page(GOOD, delay=0.3), "/slow.xml": Page(GOOD, delay=30)},
                   tls=test_ca.server_context()) as web, silent_tls_peer() as silent:
        urls = (web.base + "/good.xml", *[silent] * 3, *[web.base + "/slow.xml"] * 3)
        cfg = config(str(test_ca.cafile), urls)
        # and the guessing probes, stuck in a TLS handshake with the silent peer
        cfg.guess, cfg.guess_hosts = True, ("127.0.0.1",)
        cfg.guess_ports = (PortSpec(int(silent.split(":")[2].split("/")[0]), "tls"),)
        t0 = time.monotonic()
        result = lookup(f"taro@{DOMAIN}", cfg)
        elapsed = time.monotonic() - t0
        # they have left TLS when lookup() returns, and end a moment later
        give_up = time.monotonic() + 1.0
        while (left := [t.name for t in threading.enumerate()
                        if t.name.startswith("lookup ") and t.is_alive()]) \
                and time.monotonic() < give_up:
            time.sleep(0.02)
    assert result.source == "autoconfig"
    assert left == []  # before: six fetches ran on, in a handshake or a read, for 10 s
    assert elapsed < 5.0  # stopped at once, not waited out (their timeout is 10 s)


DRIVER = """
import sys
from op25b_wizard.cli import lookup as cli_lookup, main
from op25b_wizard.core.lookup import LookupConfig
cli_lookup._base_config = lambda: LookupConfig(
    use_bundled_preset=False, autoconfig_urls={urls!r}, ispdb_url=None, use_mx=False,
    use_srv=False, guess=False, use_system_trust=False, http_timeout=10.0)
sys.exit(main(["lookup", "taro@example.jp", "--json", "--cafile", {cafile!r}]))
"""


def test_lookup_exits_cleanly_every_time_under_load(test_ca):
    """Many runs, three at a time, each with slow https sources racing the answer: every one
    exits with status 0 (a crash at exit shows as -11 / 139)."""
    runs, parallel = 18, 3
    with local_web({"/good.xml": Page(GOOD, delay=0.2), "/slow.xml": Page(GOOD, delay=30)},
                   tls=test_ca.server_context()) as web, silent_tls_peer() as silent:
        urls = (web.base + "/good.xml", *[silent] * 4, *[web.base + "/slow.xml"] * 4)
        code = DRIVER.format(urls=urls, cafile=str(test_ca.cafile))
        statuses: list[int] = []
        deadline = time.monotonic() + 240
        while len(statuses) < runs and time.monotonic() < deadline:
            procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE) for _ in range(parallel)]
            for p in procs:
                out, err = p.communicate(timeout=60)
                statuses.append(p.returncode)
                assert p.returncode == 0, (p.returncode, err.decode()[-500:])
                assert b'"source": "autoconfig"' in out
    assert len(statuses) >= runs // 2  # a very slow machine still runs a fair number
