"""The names of the running Windows programs, from a Toolhelp process snapshot.

``tasklist`` is a separate program that may be missing or print nothing (it does under Wine);
``CreateToolhelp32Snapshot`` / ``Process32FirstW`` / ``Process32NextW`` are part of kernel32
and answer on every Windows (and under Wine).
"""

from __future__ import annotations

import sys


def running_exe_names() -> list[str]:
    """The executable names (``OUTLOOK.EXE``, …) of the running processes; [] off Windows or
    when the snapshot cannot be taken."""
    if sys.platform != "win32":
        return []
    import ctypes
    from ctypes import wintypes

    class PROCESSENTRY32W(ctypes.Structure):  # noqa: N801 - the Windows name
        _fields_ = [("dwSize", wintypes.DWORD), ("cntUsage", wintypes.DWORD),
                    ("th32ProcessID", wintypes.DWORD),
                    ("th32DefaultHeapID", ctypes.c_size_t),
                    ("th32ModuleID", wintypes.DWORD), ("cntThreads", wintypes.DWORD),
                    ("th32ParentProcessID", wintypes.DWORD), ("pcPriClassBase", wintypes.LONG),
                    ("dwFlags", wintypes.DWORD), ("szExeFile", wintypes.WCHAR * 260)]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    snapshot = kernel32.CreateToolhelp32Snapshot
    snapshot.restype = wintypes.HANDLE
    snapshot.argtypes = [wintypes.DWORD, wintypes.DWORD]
    first, following = kernel32.Process32FirstW, kernel32.Process32NextW
    for f in (first, following):
        f.restype = wintypes.BOOL
        f.argtypes = [wintypes.HANDLE, ctypes.POINTER(PROCESSENTRY32W)]
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]

    th32cs_snapprocess = 0x2
    handle = snapshot(th32cs_snapprocess, 0)
    if not handle or handle == wintypes.HANDLE(-1).value:
        return []
    names: list[str] = []
    try:
        entry = PROCESSENTRY32W()
        entry.dwSize = ctypes.sizeof(PROCESSENTRY32W)
        ok = first(handle, ctypes.byref(entry))
        while ok:
            names.append(entry.szExeFile)
            ok = following(handle, ctypes.byref(entry))
    finally:
        kernel32.CloseHandle(handle)
    return names
