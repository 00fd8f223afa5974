"""Checking what the user typed: an e-mail address or a host name, and ports."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\u0080-\uffff]{1,64}$")


class TargetError(ValueError):
    """What the user typed is not a usable address or host; ``message`` is translatable."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


def _bad_host(text: str) -> TargetError:
    return TargetError(Msg("Target", QT_TRANSLATE_NOOP(
        "Target", "{text} is not a valid server name or IP address"), {"text": repr(text)}))


def _bad_email(text: str) -> TargetError:
    return TargetError(Msg("Target", QT_TRANSLATE_NOOP(
        "Target", "{text} is not a valid e-mail address"), {"text": repr(text)}))


@dataclass(frozen=True)
class Target:
    host: str
    """ASCII host name (IDNA) or IP address literal (without brackets)."""
    email: str | None = None
    domain: str | None = None
    """The e-mail domain in ASCII (IDNA), for an e-mail target."""


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def normalise_host(text: str) -> str:
    """An ASCII host name (IDNA-encoded) or IP literal; TargetError when it is not valid."""
    host = text.strip().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not host:
        raise TargetError(Msg("Target", QT_TRANSLATE_NOOP("Target", "the server name is empty")))
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _bad_host(text) from None
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise _bad_host(text)
    if labels[-1].isdigit():
        raise _bad_host(text)
    return ascii_host


def parse_target(text: str) -> Target:
    """``taro@example.co.jp`` (host ``smtp.<domain>``) or a host name / IP address.

    An address's domain must be a domain name: ``taro@127.0.0.1`` or ``taro@[192.0.2.1]``
    would look up ``smtp.127.0.0.1``, so they are refused.

    Full-width input from a Japanese input method and a ``mailto:`` prefix are accepted, as
    the lookup accepts them."""
    text = unicodedata.normalize("NFKC", text).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    if "@" in text:
        local, _, domain = text.rpartition("@")
        if not local or not _LOCAL.match(local) or local.startswith(".") or ".." in local:
            raise _bad_email(text)
        literal = domain.strip()
        if literal.startswith("[") and literal.endswith("]"):
            literal = literal[1:-1]
            if literal.lower().startswith("ipv6:"):
                literal = literal[5:]
        if _is_ip(literal):
            raise TargetError(Msg("Target", QT_TRANSLATE_NOOP(
                "Target", "in the e-mail address {text}, the part after @ must be a domain "
                "name, not an IP address"), {"text": repr(text)}))
        try:
            ascii_domain = normalise_host(domain)
        except TargetError:
            raise _bad_email(text) from None
        if "." not in ascii_domain:
            raise _bad_email(text)
        return Target(f"smtp.{ascii_domain}", f"{local}@{ascii_domain}", ascii_domain)
    return Target(normalise_host(text))
