"""Outlook profiles written into the current user's registry (Windows only) as Outlook 2010,
2013 and 2016+ lay them out, and a snapshot of every value of a key for byte-exact checks.

The layout follows the sources named in docs/clients.md: account subkeys under
``<profile>\\9375CFF0413111d3B88A00104B2A6676``; strings as REG_BINARY UTF-16LE with a final NUL
(REG_SZ when another tool wrote them); DWORDs for ports and switches; an encrypted password
blob (first byte 2) that the program must never read.
"""

from __future__ import annotations

import contextlib
import winreg  # type: ignore[import-not-found,unused-ignore]
from collections.abc import Iterator
from typing import Any

OFFICE16 = r"Software\Microsoft\Office\16.0"
OFFICE15 = r"Software\Microsoft\Office\15.0"
WMS = r"Software\Microsoft\Windows NT\CurrentVersion\Windows Messaging Subsystem"
ROOTS = (OFFICE16, OFFICE15, WMS)
ACCOUNTS = "9375CFF0413111d3B88A00104B2A6676"
P16 = OFFICE16 + r"\Outlook\Profiles\Outlook"
P15 = OFFICE15 + r"\Outlook\Profiles\Work 2013"
P14 = WMS + r"\Profiles\Outlook 2010"

POP_CLSID = "{ED475411-B0D6-11D2-8C3B-00104B2A6676}"
IMAP_CLSID = "{ED475412-B0D6-11D2-8C3B-00104B2A6676}"
MAPI_CLSID = "{ED475414-B0D6-11D2-8C3B-00104B2A6676}"
SECRET = bytes([2, 0, 0, 0, 0xD0, 0x8C, 0x9D, 0xDF, 0x01, 0x15, 0xD1, 0x11, 0x8C, 0x7A])
"""Stands in for a DPAPI blob: the program must never read it."""


def b(text: str) -> tuple[int, bytes]:
    """A string as Outlook stores it: REG_BINARY, UTF-16LE, final NUL."""
    return winreg.REG_BINARY, (text + "\0").encode("utf-16-le")


def sz(text: str) -> tuple[int, str]:
    return winreg.REG_SZ, text


def dw(n: int) -> tuple[int, int]:
    return winreg.REG_DWORD, n


def account_key(profile: str, sub: str) -> str:
    return f"{profile}\\{ACCOUNTS}\\{sub}"


POP_2016: dict[str, tuple[int, Any]] = {
    "clsid": sz(POP_CLSID), "Account Name": b("taro@example.co.jp"),
    "Display Name": b("山田 太郎"), "Email": b("taro@example.co.jp"),
    "POP3 Server": b("pop.example.co.jp"), "POP3 User": b("taro"), "POP3 Port": dw(110),
    "POP3 Password": (winreg.REG_BINARY, SECRET), "SMTP Server": b("smtp.example.co.jp"),
    "SMTP Port": dw(25), "SMTP Secure Connection": dw(0), "SMTP Use Auth": dw(0),
    "Mini UID": dw(0x5A3E11C2), "Delivery Store EntryID": (winreg.REG_BINARY, bytes(range(40))),
}
IMAP_2016: dict[str, tuple[int, Any]] = {
    "clsid": sz(IMAP_CLSID), "Account Name": sz("hanako@example.net"),
    "Display Name": sz("Hanako Sato"), "Email": sz("hanako@example.net"),
    "IMAP Server": sz("imap.example.net"), "IMAP User": sz("hanako@example.net"),
    "IMAP Password": (winreg.REG_BINARY, SECRET), "SMTP Server": sz("mail.example.net"),
    "SMTP Port": dw(587), "SMTP Secure Connection": dw(2), "SMTP Use Auth": dw(1),
}
EXCHANGE_2016: dict[str, tuple[int, Any]] = {
    "clsid": sz(MAPI_CLSID), "Account Name": b("taro.yamada@corp.example"),
    "Service UID": (winreg.REG_BINARY, bytes(range(16))),
}
ADDRESS_BOOK_2016: dict[str, tuple[int, Any]] = {
    "clsid": sz("{ED475419-B0D6-11D2-8C3B-00104B2A6676}"), "Account Name": b("Outlook Address Book"),
}
POP_2013: dict[str, tuple[int, Any]] = {
    "clsid": sz(POP_CLSID), "Account Name": b("eigyo@example.co.jp"),
    "Display Name": b("営業部"), "Email": b("eigyo@example.co.jp"),
    "POP3 Server": b("pop.example.co.jp"), "POP3 User": b("eigyo"),
    "SMTP Server": b("smtp.example.co.jp"), "SMTP Secure Connection": dw(1),
    "SMTP Use Auth": dw(1), "SMTP User": b("eigyo@example.co.jp"),
    "SMTP Password": (winreg.REG_BINARY, SECRET),
}
IMAP_2010: dict[str, tuple[int, Any]] = {
    "Account Name": sz("jiro@example.org"), "Display Name": sz("鈴木 次郎"),
    "Email": sz("jiro@example.org"), "IMAP Server": sz("imap.example.org"),
    "IMAP User": sz("jiro"), "SMTP Server": sz("smtp.example.org"), "SMTP Port": dw(25),
}

PROFILES: dict[str, dict[str, dict[str, tuple[int, Any]]]] = {
    P16: {"00000002": EXCHANGE_2016, "00000003": POP_2016, "00000004": IMAP_2016,
          "00000005": ADDRESS_BOOK_2016},
    P15: {"00000002": POP_2013},
    P14: {"00000001": IMAP_2010},
}


def _create(path: str) -> Any:
    return winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_ALL_ACCESS)


def set_values(path: str, values: dict[str, tuple[int, Any]]) -> None:
    with _create(path) as key:
        for name, (kind, data) in values.items():
            winreg.SetValueEx(key, name, 0, kind, data)


def delete_tree(path: str) -> None:
    try:
        key = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path, 0, winreg.KEY_ALL_ACCESS)
    except FileNotFoundError:
        return
    with key:
        while True:
            try:
                child = winreg.EnumKey(key, 0)
            except OSError:
                break
            delete_tree(f"{path}\\{child}")
    winreg.DeleteKey(winreg.HKEY_CURRENT_USER, path)


def snapshot(path: str) -> dict[str, tuple[int, Any]]:
    """Every value of a key (type and data), passwords included: what must come back."""
    out: dict[str, tuple[int, Any]] = {}
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
        i = 0
        while True:
            try:
                name, data, kind = winreg.EnumValue(key, i)
            except OSError:
                return out
            out[name] = (kind, data)
            i += 1


def snapshot_all() -> dict[str, dict[str, tuple[int, Any]]]:
    return {account_key(p, sub): snapshot(account_key(p, sub))
            for p, accounts in PROFILES.items() for sub in accounts}


@contextlib.contextmanager
def outlook_profiles() -> Iterator[None]:
    """The three fixture profiles in HKCU (default profile named), removed afterwards."""
    for root in ROOTS:
        delete_tree(root)
    try:
        for profile, accounts in PROFILES.items():
            for sub, values in accounts.items():
                set_values(account_key(profile, sub), values)
        set_values(OFFICE16 + r"\Outlook", {"DefaultProfile": sz("Outlook")})
        set_values(OFFICE15 + r"\Outlook", {"DefaultProfile": sz("Work 2013")})
        set_values(WMS + r"\Profiles", {"DefaultProfile": sz("Outlook 2010")})
        yield
    finally:
        for root in ROOTS:
            delete_tree(root)
