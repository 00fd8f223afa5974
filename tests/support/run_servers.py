"""Run the test SMTP servers in this process until SIGTERM, then write what they saw as JSON.

Started by ``tests.support.netns`` inside the server namespace::

    python -m tests.support.run_servers --pem server.pem --records out.json --bind ADDR ...

Prints ``READY`` on stdout once every server listens.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import signal
import ssl
import sys
import threading

from tests.support.servers import smtp_server


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pem", required=True)
    ap.add_argument("--records", required=True)
    ap.add_argument("--bind", action="append", required=True)
    ap.add_argument("--config", default="{}")
    args = ap.parse_args()
    config = json.loads(args.config)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(args.pem)
    ports = config.get("ports", {"25": "relay", "587": "starttls", "465": "tls"})
    names = config.get("names", {})
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    servers = []
    with contextlib.ExitStack() as stack:
        for bind in args.bind:
            for port, mode in ports.items():
                servers.append((bind, int(port), stack.enter_context(smtp_server(
                    None, mode, bind=bind, port=int(port), context=ctx,
                    name=names.get(port, "mail.example.test"),
                    deny_relay=config.get("deny_relay", mode == "relay"),
                    auth_reply=config.get("auth_reply")))))
        print("READY", flush=True)
        stop.wait()
        out = [{"bind": b, "port": p, **dataclasses.asdict(s.recorder)} for b, p, s in servers]
    for entry in out:
        entry["plaintext_lines"] = [x.decode("utf-8", "replace") for x in entry["plaintext_lines"]]
        entry["messages"] = [[m[0], m[1], m[2].decode("utf-8", "replace")] for m in entry["messages"]]
    with open(args.records, "w") as f:
        json.dump(out, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
