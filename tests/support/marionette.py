"""Make a running Thunderbird change its own settings, as a person would in its dialogs.

Thunderbird started with ``--marionette -remote-allow-system-access`` listens on loopback port
2828 for Mozilla's Marionette protocol (length-prefixed JSON). :func:`run_chrome_script` runs a
script with Thunderbird's own privileges there (its account manager, ``Services.prefs``), from
inside Thunderbird's network namespace (``nsenter``), and returns what the script returns.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

MARIONETTE_ARGS = ["--marionette", "-remote-allow-system-access"]

CLIENT = r"""
import json, socket, sys, time

def connect(timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return socket.create_connection(("127.0.0.1", 2828), timeout=60)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)

def receive(s):
    head = b""
    while not head.endswith(b":"):
        c = s.recv(1)
        if not c:
            raise EOFError("marionette closed the connection")
        head += c
    size, data = int(head[:-1]), b""
    while len(data) < size:
        data += s.recv(size - len(data))
    return json.loads(data)

def command(s, n, name, params):
    body = json.dumps([0, n, name, params]).encode()
    s.sendall(str(len(body)).encode() + b":" + body)
    reply = receive(s)
    if reply[2]:
        sys.exit(f"{name}: {reply[2]}")
    return reply[3]

s = connect(float(sys.argv[1]))
receive(s)  # the greeting
command(s, 1, "WebDriver:NewSession", {})
command(s, 2, "Marionette:SetContext", {"value": "chrome"})
result = command(s, 3, "WebDriver:ExecuteScript", {"script": sys.stdin.read(), "args": []})
print(json.dumps(result["value"]))
"""


def run_chrome_script(pid: int, script: str, timeout: float = 120.0) -> Any:
    """Run *script* (a function body; ``return`` gives the result) in the Thunderbird whose
    process is *pid*."""
    run = subprocess.run(
        ["nsenter", f"--net=/proc/{pid}/ns/net", sys.executable, "-c", CLIENT, str(timeout)],
        input=script, capture_output=True, text=True, timeout=timeout + 30)
    if run.returncode != 0:
        raise AssertionError(f"marionette script failed: {run.stderr.strip()}")
    return json.loads(run.stdout)
