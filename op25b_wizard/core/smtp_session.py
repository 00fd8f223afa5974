"""One SMTP conversation over asyncio streams, with a deadline on every reply.

Failures are raised as :class:`StageFailure`, which carries the outcome the port gets.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import time

from op25b_wizard.core.model import Outcome, Stage, TranscriptLine
from op25b_wizard.core.smtp_reply import MAX_LINE, Reply, ReplyError, ReplyParser

MASK = "********"
_REPLY_CODE = re.compile(r"[0-9]{3}[ -]")


class StageFailure(Exception):
    """A stage ended the conversation; *outcome* is what the port reports."""

    def __init__(self, outcome: Outcome, stage: Stage, error: str) -> None:
        super().__init__(error)
        self.outcome = outcome
        self.stage = stage
        self.error = error


class Transcript:
    """The conversation as lines, without the secrets given to :meth:`add_secret`.

    The client's sign-in lines are written with their payload replaced (see ``shown`` in
    :meth:`SmtpSession.send`). What the server says is kept as it is, except where it can echo
    a secret: after a port has sent one, a line on that port that contains it is replaced
    whole (the reply code stays), so the transcript never shows which part of the text the
    password was. Nothing is masked before a port sends the secret (a password that happens
    to be a word of the greeting must not be revealed by masking that word).
    """

    def __init__(self) -> None:
        self.t0 = time.monotonic()
        self.lines: list[TranscriptLine] = []
        self._secrets: dict[int | None, list[str]] = {}

    def add_secret(self, secret: str, port: int | None = None) -> None:
        """From now on, lines of *port* (every port when None) that hold *secret* or its
        base64 form are hidden."""
        if not secret:
            return
        forms = {secret, base64.b64encode(secret.encode()).decode()}
        self._secrets[port] = sorted(forms.union(self._secrets.get(port, [])), key=len,
                                     reverse=True)

    def _secrets_of(self, port: int | None) -> list[str]:
        if port is None:
            return [s for forms in self._secrets.values() for s in forms]
        return self._secrets.get(port, []) + self._secrets.get(None, [])

    def mask(self, text: str, port: int | None = None) -> str:
        """*text* from the server on *port* (any port when None), hidden whole when it holds a
        secret sent there; a leading reply code is kept."""
        if not any(s in text for s in self._secrets_of(port)):
            return text
        code = text[:4] if _REPLY_CODE.match(text) else ""
        return f"{code}{MASK} (hidden: this line repeats what was sent to sign in)"

    def add(self, port: int | None, direction: str, text: str) -> None:
        if direction != "C":  # the client's own lines come with their secrets already replaced
            text = self.mask(text, port)
        self.lines.append(TranscriptLine(time.monotonic() - self.t0, port, direction, text))  # type: ignore[arg-type]

    def note(self, port: int | None, text: str) -> None:
        self.add(port, "*", text)


class SmtpSession:
    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        port: int,
        transcript: Transcript,
        timeout: float,
    ) -> None:
        self.reader = reader
        self.writer = writer
        self.port = port
        self.transcript = transcript
        self.timeout = timeout

    async def read_reply(self, stage: Stage, timeout: float | None = None) -> Reply:
        """Read one whole (possibly multi-line) reply within one stage timeout (or *timeout*)."""
        parser = ReplyParser()
        try:
            async with asyncio.timeout(self.timeout if timeout is None else timeout):
                while True:
                    raw = await self.reader.readuntil(b"\n")
                    self.transcript.add(self.port, "S", raw.decode("utf-8", "replace").rstrip("\r\n"))
                    reply = parser.feed(raw)
                    if reply is not None:
                        return reply
        except TimeoutError:
            if stage == "greeting" and parser.code is None:
                raise StageFailure("timeout", stage, "no greeting from the server") from None
            raise StageFailure("timeout", stage, "no complete reply in time") from None
        except asyncio.LimitOverrunError:
            raise StageFailure(
                "protocol_error", stage, f"reply line longer than {MAX_LINE} bytes"
            ) from None
        except asyncio.IncompleteReadError as e:
            if e.partial:
                self.transcript.add(self.port, "S", e.partial.decode("utf-8", "replace"))
                if parser.code is None and stage == "greeting":
                    raise StageFailure(
                        "not_smtp", stage, "the server closed after sending something that is not SMTP"
                    ) from None
            raise StageFailure("protocol_error", stage, "the server closed the connection") from None
        except ReplyError as e:
            http = e.not_smtp and e.first_line.startswith(b"HTTP/")
            if e.not_smtp and (stage == "greeting" or http):
                # an HTTP answer at any stage (a captive portal): no further command is sent
                what = "an HTTP server" if http else "not an SMTP server"
                raise StageFailure("not_smtp", stage, f"{what} answered: {e}") from None
            raise StageFailure("protocol_error", stage, str(e)) from None
        except (ConnectionError, OSError) as e:
            raise StageFailure("protocol_error", stage, f"connection lost: {e}") from None

    async def send(self, line: str, stage: Stage, shown: str | None = None) -> None:
        self.transcript.add(self.port, "C", shown if shown is not None else line)
        try:
            self.writer.write(line.encode("utf-8") + b"\r\n")
            async with asyncio.timeout(self.timeout):
                await self.writer.drain()
        except TimeoutError:
            raise StageFailure("timeout", stage, "the server stopped reading") from None
        except (ConnectionError, OSError) as e:
            raise StageFailure("protocol_error", stage, f"connection lost: {e}") from None

    async def command(self, line: str, stage: Stage, shown: str | None = None,
                      timeout: float | None = None) -> Reply:
        await self.send(line, stage, shown)
        return await self.read_reply(stage, timeout)

    def buffered(self) -> int:
        """Bytes received but not yet read (after STARTTLS's 220 these are an injection)."""
        return len(getattr(self.reader, "_buffer", b""))

    async def quit(self) -> None:
        try:
            self.transcript.add(self.port, "C", "QUIT")
            self.writer.write(b"QUIT\r\n")
            async with asyncio.timeout(min(self.timeout, 2.0)):
                await self.writer.drain()
                await self.reader.readuntil(b"\n")
        except (TimeoutError, ConnectionError, OSError, asyncio.IncompleteReadError,
                asyncio.LimitOverrunError):
            pass


def auth_exchange(mechanism: str, username: str, password: str) -> list[tuple[str, str]]:
    """Client lines for one SASL exchange, each as (what is sent, what the transcript shows).

    CRAM-MD5's response depends on the challenge, so it is built by :func:`cram_md5_response`.
    """
    if mechanism == "PLAIN":
        token = base64.b64encode(f"\0{username}\0{password}".encode()).decode()
        return [(f"AUTH PLAIN {token}", f"AUTH PLAIN {MASK}")]
    if mechanism == "LOGIN":
        return [
            ("AUTH LOGIN", "AUTH LOGIN"),
            (base64.b64encode(username.encode()).decode(), f"{MASK} (user name)"),
            (base64.b64encode(password.encode()).decode(), f"{MASK} (password)"),
        ]
    if mechanism == "CRAM-MD5":
        return [("AUTH CRAM-MD5", "AUTH CRAM-MD5")]
    raise ValueError(f"unsupported mechanism {mechanism}")


def cram_md5_response(challenge_b64: str, username: str, password: str) -> str:
    challenge = base64.b64decode(challenge_b64.strip() or "")
    digest = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()
    return base64.b64encode(f"{username} {digest}".encode()).decode()
