"""Asking the connectivity check's URL (see :mod:`~op25b_wizard.core.connectivity`): one
plain-HTTP GET that follows no redirect and sends nothing but the request line and a few
headers, run by the port-test engine alongside the ports."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable

from op25b_wizard.core.connectivity import (
    MAX_ANSWER,
    ConnectivityCheck,
    ConnectivityResult,
    complete,
    judge,
)

Resolver = Callable[[str, float], Awaitable[list[tuple[int, str]]]]


async def _ask(check: ConnectivityCheck, family: int, address: str) -> bytes:
    host, port, path = check.parts
    reader, writer = await asyncio.open_connection(address, port, family=family)
    try:
        hostport = host if port == 80 else f"{host}:{port}"
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {hostport}\r\nUser-Agent: op25b-wizard\r\n"
                     "Accept: */*\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n"
                     .encode("ascii", "replace"))
        await writer.drain()
        data = b""
        while len(data) < MAX_ANSWER and not complete(data) and (
                chunk := await reader.read(MAX_ANSWER - len(data))):
            data += chunk
        return data
    finally:
        writer.close()


async def check_connectivity(check: ConnectivityCheck, timeout: float,
                             resolve: Resolver) -> ConnectivityResult:
    """Ask *check*'s URL once (each address in turn) within *timeout* seconds in all."""
    t0 = time.monotonic()
    host = check.parts[0]
    error = "no answer"
    try:
        async with asyncio.timeout(timeout):
            for family, address in await resolve(host, timeout):
                try:
                    data = await _ask(check, family, address)
                except OSError as e:
                    error = str(e) or type(e).__name__
                    continue
                if data:
                    result = judge(check, data)
                    result.elapsed_s = time.monotonic() - t0
                    return result
                error = "the connection closed without an answer"
    except TimeoutError:
        error = "no answer in time"
    except (OSError, UnicodeError) as e:
        error = str(e) or type(e).__name__
    return ConnectivityResult(check.url, "no_answer", error=error, elapsed_s=time.monotonic() - t0)


async def finish(task: asyncio.Task[ConnectivityResult] | None, check: ConnectivityCheck | None,
                 *, needed: bool) -> ConnectivityResult | None:
    """The check's result: waited for when *needed*, else taken if already there and
    stopped otherwise (a secure route was found: the answer would change nothing)."""
    if task is None or check is None:
        return None
    if not needed and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return ConnectivityResult(check.url, "not_needed")
    try:
        return await task
    except Exception as e:  # an aid to the diagnosis: it never breaks the port test
        return ConnectivityResult(check.url, "no_answer", error=str(e) or type(e).__name__)
