"""A hotel network's captive portal, run in the server namespace until SIGTERM: its web server
answers on port 80 (the connectivity check), 25 and 587 with a redirect to its sign-in page,
and port 465 is a TLS server whose certificate is for the portal's own name. Writes what each
port received as JSON (lines on the web ports, AUTH attempts on 465).

Started by ``tests.support.netns`` (``start_servers(..., module=...)``)::

    python -m tests.support.run_portal --pem portal.pem --records out.json --bind ADDR ...

Prints ``READY`` on stdout once every port listens.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import signal
import ssl
import sys
import threading

from tests.support.servers import smtp_server

WEB_PORTS = (80, 25, 587)
TLS_PORT = 465
PAGE = b"<html><body>Welcome to Hotel Example Wi-Fi. Accept our terms.</body></html>"
REDIRECT = (b"HTTP/1.1 302 Found\r\nLocation: http://portal.hotel.test/login\r\n"
            b"Content-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
            % (len(PAGE), PAGE))


def serve_web(binds: list[str], received: dict[int, list[str]], ready: threading.Event,
              stop: threading.Event) -> None:
    """The portal's web server on every web port: it records what arrives until a request's
    end (an empty line), then answers with the redirect and closes."""

    async def main() -> None:
        servers = []
        for port in WEB_PORTS:
            async def client(reader, writer, port=port) -> None:
                try:
                    while line := await reader.readline():
                        received[port].append(line.decode("utf-8", "replace"))
                        if line in (b"\r\n", b"\n"):
                            writer.write(REDIRECT)
                            await writer.drain()
                            break
                except (ConnectionError, OSError):
                    pass
                finally:
                    writer.close()
            for bind in binds:
                servers.append(await asyncio.start_server(client, bind, port))
        ready.set()
        while not stop.is_set():
            await asyncio.sleep(0.1)
        for s in servers:
            s.close()

    asyncio.run(main())


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pem", required=True)
    ap.add_argument("--records", required=True)
    ap.add_argument("--bind", action="append", required=True)
    ap.add_argument("--config", default="{}")
    args = ap.parse_args()
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.pem)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    received: dict[int, list[str]] = {port: [] for port in WEB_PORTS}
    ready = threading.Event()
    web = threading.Thread(target=serve_web, args=(args.bind, received, ready, stop), daemon=True)
    web.start()
    if not ready.wait(10):
        return 1
    with contextlib.ExitStack() as stack:
        tls = [(bind, stack.enter_context(smtp_server(None, "tls", bind=bind, port=TLS_PORT,
                                                      context=ctx, name="portal.hotel.test")))
               for bind in args.bind]
        print("READY", flush=True)
        stop.wait()
        out: list[dict] = [{"port": port, "lines": lines} for port, lines in received.items()]
        for bind, server in tls:
            rec = dataclasses.asdict(server.recorder)
            out.append({"port": TLS_PORT, "bind": bind, "auth": rec["auth"],
                        "lines": [x.decode("utf-8", "replace") for x in rec["plaintext_lines"]]})
    web.join(5)
    with open(args.records, "w") as f:
        json.dump(out, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
