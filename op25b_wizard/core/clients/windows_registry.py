"""The current user's Windows registry (``HKEY_CURRENT_USER``) behind a small interface, and
the ``.reg`` file a helpdesk can double-click to put values back.

:class:`Registry` is what the Outlook client needs: list subkeys, list value names, read,
write and delete one value. :class:`WinRegistry` implements it with :mod:`winreg` (imported
only on Windows). Value names are listed without reading their data, so values that must not
be read (Outlook's stored passwords) never are.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

HKCU = "HKEY_CURRENT_USER"

REG_SZ = 1
REG_EXPAND_SZ = 2
REG_BINARY = 3
REG_DWORD = 4
REG_MULTI_SZ = 7
REG_QWORD = 11

TYPE_NAMES = {REG_SZ: "REG_SZ", REG_EXPAND_SZ: "REG_EXPAND_SZ", REG_BINARY: "REG_BINARY",
              REG_DWORD: "REG_DWORD", REG_MULTI_SZ: "REG_MULTI_SZ", REG_QWORD: "REG_QWORD"}


@dataclass(frozen=True)
class RegValue:
    """One registry value: its type and its data as :mod:`winreg` gives it (bytes for
    REG_BINARY, int for REG_DWORD/REG_QWORD, str for REG_SZ, list of str for REG_MULTI_SZ)."""

    type: int
    data: Any

    @property
    def type_name(self) -> str:
        return TYPE_NAMES.get(self.type, f"type {self.type}")

    def to_json(self) -> dict[str, Any]:
        data = self.data.hex() if isinstance(self.data, bytes) else self.data
        return {"type": self.type, "data": data}

    @classmethod
    def from_json(cls, d: Any) -> RegValue:
        """Raises ValueError for anything that is not a saved value."""
        if not isinstance(d, dict) or not isinstance(d.get("type"), int):
            raise ValueError("not a saved registry value")
        kind, data = d["type"], d.get("data")
        if kind == REG_BINARY:
            if not isinstance(data, str):
                raise ValueError("a saved binary value is not hex")
            return cls(kind, bytes.fromhex(data))
        if kind in (REG_DWORD, REG_QWORD):
            if not isinstance(data, int) or isinstance(data, bool):
                raise ValueError("a saved number is not a number")
        elif kind in (REG_SZ, REG_EXPAND_SZ):
            if not isinstance(data, str):
                raise ValueError("a saved string is not a string")
        elif kind == REG_MULTI_SZ:
            if not (isinstance(data, list) and all(isinstance(s, str) for s in data)):
                raise ValueError("a saved list of strings is damaged")
        else:
            raise ValueError(f"a saved value of an unknown type ({kind})")
        return cls(kind, data)


class Registry(Protocol):
    """Keys are paths below ``HKEY_CURRENT_USER`` (``Software\\Microsoft\\...``)."""

    def subkeys(self, path: str) -> list[str]:
        """The subkeys' names; [] when the key does not exist."""
        ...

    def value_names(self, path: str) -> list[str]:
        """The values' names (their data is not read). FileNotFoundError: no such key."""
        ...

    def get(self, path: str, name: str) -> RegValue | None:
        """One value; None when the key or the value does not exist."""
        ...

    def set(self, path: str, name: str, value: RegValue) -> None: ...

    def delete(self, path: str, name: str) -> None:
        """Remove one value (nothing when it is not there)."""
        ...


class WinRegistry:
    """:class:`Registry` on the real Windows registry."""

    def __init__(self) -> None:
        import winreg  # only on Windows

        self._winreg = winreg

    def _open(self, path: str, access: int | None = None) -> Any:
        wr = self._winreg
        return wr.OpenKey(wr.HKEY_CURRENT_USER, path, 0,
                          wr.KEY_READ if access is None else access)

    def subkeys(self, path: str) -> list[str]:
        try:
            key = self._open(path)
        except FileNotFoundError:
            return []
        names: list[str] = []
        with key:
            for i in range(self._winreg.QueryInfoKey(key)[0]):
                try:
                    names.append(self._winreg.EnumKey(key, i))
                except OSError:
                    break
        return names

    def value_names(self, path: str) -> list[str]:
        import ctypes
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32")
        enum = advapi32.RegEnumValueW
        enum.restype = wintypes.LONG
        enum.argtypes = [wintypes.HKEY, wintypes.DWORD, wintypes.LPWSTR,
                         ctypes.POINTER(wintypes.DWORD), wintypes.LPVOID, wintypes.LPVOID,
                         wintypes.LPVOID, wintypes.LPVOID]
        names: list[str] = []
        with self._open(path) as key:
            buf = ctypes.create_unicode_buffer(16384)
            index = 0
            while True:
                size = wintypes.DWORD(len(buf))
                rc = enum(wintypes.HKEY(int(key)), index, buf, ctypes.byref(size),
                          None, None, None, None)  # no type, no data: names only
                if rc == 259:  # ERROR_NO_MORE_ITEMS
                    return names
                if rc != 0:
                    raise OSError(rc, "RegEnumValueW failed")
                names.append(buf.value)
                index += 1

    def get(self, path: str, name: str) -> RegValue | None:
        try:
            with self._open(path) as key:
                data, kind = self._winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        if kind == REG_BINARY and data is None:
            data = b""
        return RegValue(kind, data)

    def set(self, path: str, name: str, value: RegValue) -> None:
        with self._open(path, self._winreg.KEY_SET_VALUE) as key:
            self._winreg.SetValueEx(key, name, 0, value.type, value.data)

    def delete(self, path: str, name: str) -> None:
        try:
            with self._open(path, self._winreg.KEY_SET_VALUE) as key:
                self._winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


# -- .reg files --------------------------------------------------------------------------------

def _reg_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hex(kind: int | None, data: bytes) -> str:
    prefix = "hex:" if kind is None else f"hex({kind:x}):"
    return prefix + ",".join(f"{b:02x}" for b in data)


def reg_line(name: str, value: RegValue | None) -> str:
    """One ``"name"=data`` line of a ``.reg`` file (None: ``"name"=-``, remove the value)."""
    left = _reg_string(name)
    if value is None:
        return f"{left}=-"
    kind, data = value.type, value.data
    if kind == REG_SZ and isinstance(data, str) and not any(c in data for c in "\r\n\0"):
        return f"{left}={_reg_string(data)}"
    if kind == REG_DWORD and isinstance(data, int):
        return f"{left}=dword:{data & 0xFFFFFFFF:08x}"
    if kind == REG_BINARY and isinstance(data, bytes):
        return f"{left}={_hex(None, data)}"
    if kind in (REG_SZ, REG_EXPAND_SZ) and isinstance(data, str):
        return f"{left}={_hex(kind, (data + chr(0)).encode('utf-16-le'))}"
    if kind == REG_MULTI_SZ and isinstance(data, list):
        raw = "".join(s + "\0" for s in data) + "\0"
        return f"{left}={_hex(kind, raw.encode('utf-16-le'))}"
    if kind == REG_QWORD and isinstance(data, int):
        return f"{left}={_hex(kind, data.to_bytes(8, 'little'))}"
    raw = data if isinstance(data, bytes) else str(data).encode("utf-16-le")
    return f"{left}={_hex(kind, raw)}"


def reg_file(key: str, values: dict[str, RegValue | None]) -> bytes:
    """A ``.reg`` file (Windows Registry Editor 5.00: UTF-16LE with a BOM, CRLF) that sets
    *key* (below HKEY_CURRENT_USER) to *values*; None removes that value."""
    lines = ["Windows Registry Editor Version 5.00", "", f"[{HKCU}\\{key}]"]
    lines += [reg_line(name, value) for name, value in values.items()]
    text = "\r\n".join(lines) + "\r\n\r\n"
    return b"\xff\xfe" + text.encode("utf-16-le")


# -- where a program or Windows records a folder ---------------------------------------------

RegistryReader = Callable[[str, str], "str | None"]
"""``reader(key, value_name)``: a string value under HKEY_CURRENT_USER, or None."""

SHELL_FOLDERS = r"Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders"
"""Where Windows records the user's folders; ``Personal`` is Documents (it may be redirected,
e.g. to OneDrive)."""


def user_value(key: str, name: str) -> str | None:
    """The string value *name* of ``HKEY_CURRENT_USER\\<key>`` (``REG_EXPAND_SZ`` expanded);
    None when it is absent, empty, not a string, or this is not Windows."""
    if sys.platform != "win32":
        return None
    try:
        value = WinRegistry().get(key, name)
    except OSError:
        return None
    if value is None or value.type not in (REG_SZ, REG_EXPAND_SZ) or not isinstance(value.data, str):
        return None
    text = value.data
    if value.type == REG_EXPAND_SZ:
        import winreg

        text = winreg.ExpandEnvironmentStrings(text)
    return text.strip().rstrip("\0") or None
