"""Support codes: a diagnosis in twelve characters a caller can read out over the phone.

The alphabet leaves out the look-alikes 0/O and 1/I (and is upper case, so no l). Layout of
the 60 bits, most significant first: version (2, value 2), for ports 25, 587 and 465 each
outcome (5; 0 = not tested) and security (2), op25b (2: unknown/yes/no), recommended port (2:
none/465/587/other), verdict set (23, bit i = ``VERDICT_IDS[i]``), check (10, CRC-10: catches
any one mistyped or misheard character and any two neighbours swapped). Shown as
``XXXX-XXXX-XXXX``.

Codes given out by earlier versions (ten characters, ``XXXXX-XXXXX``: version 1 with 4-bit
outcomes and 16 verdict bits, checked by CRC-32's low ten bits) are still read.
"""

from __future__ import annotations

import unicodedata
import zlib
from dataclasses import dataclass

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg
from op25b_wizard.core.model import OUTCOMES
from op25b_wizard.core.verdicts import VERDICT_IDS

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
VERSION = 2
SLOTS = (25, 587, 465)
SECURITIES = ("none", "starttls", "tls")
LENGTH = 12
"""Characters in a code of this version (``LENGTH_V1`` in the first version's)."""
LENGTH_V1 = 10
_RECOMMENDED = (None, 465, 587, "other")
_CHECK_BITS = 10
_CRC10_POLY = 0x233
"""x^10 + x^9 + x^5 + x^4 + x + 1 (CRC-10/ATM): detects every error burst of up to 10 bits,
so every single wrong character (5 bits) and every swap of two neighbours."""


@dataclass(frozen=True)
class _Layout:
    version: int
    length: int
    outcome_bits: int
    verdict_bits: int

    @property
    def payload_bits(self) -> int:
        return 2 + len(SLOTS) * (self.outcome_bits + 2) + 4 + self.verdict_bits


_V1 = _Layout(1, LENGTH_V1, 4, 16)
_V2 = _Layout(VERSION, LENGTH, 5, 23)
assert _V2.payload_bits + _CHECK_BITS == 5 * LENGTH and _V1.payload_bits + _CHECK_BITS == 5 * LENGTH_V1
assert len(VERDICT_IDS) <= _V2.verdict_bits and len(OUTCOMES) < 1 << _V2.outcome_bits


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


def _checksum_v1(payload: int) -> int:
    return zlib.crc32(payload.to_bytes(5, "big")) & ((1 << _CHECK_BITS) - 1)


def _crc10(payload: int, bits: int) -> int:
    """The CRC-10 remainder of *payload* (*bits* long) times x^10."""
    reg = payload << _CHECK_BITS
    for shift in range(bits - 1, -1, -1):
        if reg >> (shift + _CHECK_BITS) & 1:
            reg ^= _CRC10_POLY << shift | (1 << (shift + _CHECK_BITS))
    return reg & ((1 << _CHECK_BITS) - 1)


def _check(layout: _Layout, payload: int) -> int:
    return _checksum_v1(payload) if layout is _V1 else _crc10(payload, layout.payload_bits)


def group(code: str) -> str:
    """Show a normalised code in groups: ``XXXX-XXXX-XXXX`` (the first version's ``XXXXX-XXXXX``)."""
    size = 5 if len(code) == LENGTH_V1 else 4
    return "-".join(code[i:i + size] for i in range(0, len(code), size))


def encode(summary: CodeSummary) -> str:
    layout = _V2
    bits = layout.version
    for port in SLOTS:
        entry = summary.ports.get(port)
        outcome = 0 if entry is None else OUTCOMES.index(entry[0]) + 1
        security = 0 if entry is None else SECURITIES.index(entry[1])
        bits = (bits << (layout.outcome_bits + 2)) | (outcome << 2) | security
    bits = (bits << 2) | {None: 0, True: 1, False: 2}[summary.op25b]
    rec = summary.recommended_port
    rec_index = _RECOMMENDED.index(rec) if rec in (None, 465, 587) else 3
    bits = (bits << 2) | rec_index
    mask = 0
    for v in summary.verdicts:
        mask |= 1 << VERDICT_IDS.index(v)
    bits = (bits << layout.verdict_bits) | mask
    bits = (bits << _CHECK_BITS) | _check(layout, bits)
    chars = []
    for _ in range(layout.length):
        chars.append(ALPHABET[bits & 31])
        bits >>= 5
    return group("".join(reversed(chars)))


def normalise(text: str) -> str:
    """Fold full-width input (a Japanese input method left on) to ASCII, upper-case, drop
    spaces and dashes, read a misheard lower-case l as L."""
    text = unicodedata.normalize("NFKC", text).replace("ー", "-").replace("－", "-")
    return "".join(c for c in text.replace("l", "L").upper() if c not in " -_\t")


def decode(text: str) -> CodeSummary:
    code = normalise(text)
    layout = {LENGTH: _V2, LENGTH_V1: _V1}.get(len(code))
    if layout is None:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "a support code has 12 letters and digits (like ABCD-EFGH-2345)")))
    bits = 0
    for c in code:
        i = ALPHABET.find(c)
        if i < 0:
            raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
                "SupportCode", "{char} does not occur in support codes"), {"char": repr(c)}))
        bits = (bits << 5) | i
    check = bits & ((1 << _CHECK_BITS) - 1)
    payload = bits >> _CHECK_BITS
    if _check(layout, payload) != check:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "this support code does not check out: a character is wrong")))
    mask = payload & ((1 << layout.verdict_bits) - 1)
    payload >>= layout.verdict_bits
    rec = _RECOMMENDED[payload & 3]
    payload >>= 2
    op25b = {0: None, 1: True, 2: False, 3: None}[payload & 3]
    payload >>= 2
    ports: dict[int, tuple[str, str] | None] = {}
    for port in reversed(SLOTS):
        security = payload & 3
        outcome = (payload >> 2) & ((1 << layout.outcome_bits) - 1)
        payload >>= layout.outcome_bits + 2
        if outcome == 0:
            ports[port] = None
        elif outcome > len(OUTCOMES) or security >= len(SECURITIES):
            raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
                "SupportCode", "this support code is not one this version knows")))
        else:
            ports[port] = (OUTCOMES[outcome - 1], SECURITIES[security])
    if payload != layout.version:
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "this support code is from another version of op25b-wizard")))
    if mask >> len(VERDICT_IDS):
        raise SupportCodeError(Msg("SupportCode", QT_TRANSLATE_NOOP(
            "SupportCode", "this support code is not one this version knows")))
    verdicts = tuple(v for i, v in enumerate(VERDICT_IDS) if mask & (1 << i))
    return CodeSummary({p: ports[p] for p in SLOTS}, op25b, rec, verdicts)
