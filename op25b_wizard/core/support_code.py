"""Support codes: a diagnosis in ten characters a caller can read out over the phone.

The alphabet leaves out the look-alikes 0/O and 1/I (and is upper case, so no l). Layout of
the 50 bits, most significant first: version (2), for ports 25, 587 and 465 each outcome
(4; 0 = not tested) and security (2), op25b (2: unknown/yes/no), recommended port (2:
none/465/587/other), verdict set (16, bit i = ``VERDICT_IDS[i]``), checksum (10).
Shown as ``XXXXX-XXXXX`` (11 characters).
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg
from op25b_wizard.core.model import OUTCOMES
from op25b_wizard.core.verdicts import VERDICT_IDS

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
VERSION = 1
SLOTS = (25, 587, 465)
SECURITIES = ("none", "starttls", "tls")
_RECOMMENDED = (None, 465, 587, "other")
_CHECK_BITS = 10
_PAYLOAD_BITS = 40


class SupportCodeError(ValueError):
    """Not a valid support code (mistyped or misheard); ``message`` is translatable."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class CodeSummary:
    ports: dict[int, tuple[str, str] | None]
    """Per port 25/587/465: (outcome, security), or None when that port was not tested."""
    op25b: bool | None
    recommended_port: int | str | None
    verdicts: tuple[str, ...]


def _checksum(payload: int) -> int:
    return zlib.crc32(payload.to_bytes(5, "big")) & ((1 << _CHECK_BITS) - 1)


def encode(summary: CodeSummary) -> str:
    bits = VERSION
    for port in SLOTS:
        entry = summary.ports.get(port)
        outcome = 0 if entry is None else OUTCOMES.index(entry[0]) + 1
        security = 0 if entry is None else SECURITIES.index(entry[1])
        bits = (bits << 6) | (outcome << 2) | security
    bits = (bits << 2) | {None: 0, True: 1, False: 2}[summary.op25b]
    rec = summary.recommended_port
    rec_index = _RECOMMENDED.index(rec) if rec in (None, 465, 587) else 3
    bits = (bits << 2) | rec_index
    mask = 0
    for v in summary.verdicts:
        mask |= 1 << VERDICT_IDS.index(v)
    bits = (bits << 16) | mask
    bits = (bits << _CHECK_BITS) | _checksum(bits)
    chars = []
    for _ in range(10):
        chars.append(ALPHABET[bits & 31])
        bits >>= 5
    text = "".join(reversed(chars))
    return f"{text[:5]}-{text[5:]}"


def normalise(text: str) -> str:
    """Fold full-width input (a Japanese input method left on) to ASCII, upper-case, drop
    spaces and dashes, read a misheard lower-case l as L."""
    text = unicodedata.normalize("NFKC", text).replace("ー", "-").replace("－", "-")
    return "".join(c for c in text.replace("l", "L").upper() if c not in " -_\t")


def decode(text: str) -> CodeSummary:
    code = normalise(text)
    if len(code) != 10:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "a support code has 10 letters and digits (like ABCDE-23456)")))
    bits = 0
    for c in code:
        i = ALPHABET.find(c)
        if i < 0:
            raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
                "SupportCode", "{char} does not occur in support codes"), {"char": repr(c)}))
        bits = (bits << 5) | i
    check = bits & ((1 << _CHECK_BITS) - 1)
    payload = bits >> _CHECK_BITS
    if _checksum(payload) != check:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "this support code does not check out: a character is wrong")))
    mask = payload & 0xFFFF
    payload >>= 16
    rec = _RECOMMENDED[payload & 3]
    payload >>= 2
    op25b = {0: None, 1: True, 2: False, 3: None}[payload & 3]
    payload >>= 2
    ports: dict[int, tuple[str, str] | None] = {}
    for port in reversed(SLOTS):
        security = payload & 3
        outcome = (payload >> 2) & 15
        payload >>= 6
        if outcome == 0:
            ports[port] = None
        elif outcome > len(OUTCOMES) or security >= len(SECURITIES):
            raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
                "SupportCode", "this support code is not one this version knows")))
        else:
            ports[port] = (OUTCOMES[outcome - 1], SECURITIES[security])
    if payload != VERSION:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "this support code is from another version of op25b-wizard")))
    verdicts = tuple(v for i, v in enumerate(VERDICT_IDS) if mask & (1 << i))
    return CodeSummary({p: ports[p] for p in SLOTS}, op25b, rec, verdicts)
