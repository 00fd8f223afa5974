"""Which programs are running: to refuse changing a mail client's settings while it runs.

Windows: the Toolhelp snapshot of the system's processes (``CreateToolhelp32Snapshot``,
``Process32FirstW``/``Process32NextW``), the executable name of each. Linux: ``/proc``
(each process's ``argv[0]`` and ``comm``). Elsewhere: ``ps``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def running_process_names(platform: str | None = None) -> list[str]:
    """Names (or paths) of the running programs; [] when they cannot be listed."""
    platform = platform or sys.platform
    if platform == "win32":
        return _windows_names()
    proc = Path("/proc")
    if proc.is_dir() and (proc / "self").exists():
        return _proc_names(proc)
    return _ps_names()


def _proc_names(proc: Path) -> list[str]:
    names: list[str] = []
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            argv0 = (d / "cmdline").read_bytes().split(b"\0", 1)[0]
            comm = (d / "comm").read_bytes().strip()
        except OSError:
            continue
        names += [os.fsdecode(argv0), os.fsdecode(comm)]
    return names


def _ps_names() -> list[str]:
    try:
        out = subprocess.run(["ps", "-A", "-o", "comm="], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def _windows_names() -> list[str]:
    import ctypes
    from ctypes import wintypes

    th32cs_snapprocess = 0x00000002
    invalid_handle = wintypes.HANDLE(-1).value

    class ProcessEntry32W(ctypes.Structure):
        _fields_ = [  # noqa: RUF012 - the ctypes way
            ("dwSize", wintypes.DWORD),
            ("cntUsage", wintypes.DWORD),
            ("th32ProcessID", wintypes.DWORD),
            ("th32DefaultHeapID", ctypes.c_size_t),
            ("th32ModuleID", wintypes.DWORD),
            ("cntThreads", wintypes.DWORD),
            ("th32ParentProcessID", wintypes.DWORD),
            ("pcPriClassBase", ctypes.c_long),
            ("dwFlags", wintypes.DWORD),
            ("szExeFile", wintypes.WCHAR * 260),
        ]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateToolhelp32Snapshot.restype = wintypes.HANDLE
    kernel32.CreateToolhelp32Snapshot.argtypes = [wintypes.DWORD, wintypes.DWORD]
    kernel32.Process32FirstW.argtypes = [wintypes.HANDLE, ctypes.POINTER(ProcessEntry32W)]
    kernel32.Process32FirstW.restype = wintypes.BOOL
    kernel32.Process32NextW.argtypes = [wintypes.HANDLE, ctypes.POINTER(ProcessEntry32W)]
    kernel32.Process32NextW.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]

    snapshot = kernel32.CreateToolhelp32Snapshot(th32cs_snapprocess, 0)
    if not snapshot or snapshot == invalid_handle:
        return []
    names: list[str] = []
    try:
        entry = ProcessEntry32W()
        entry.dwSize = ctypes.sizeof(ProcessEntry32W)
        more = kernel32.Process32FirstW(snapshot, ctypes.byref(entry))
        while more:
            names.append(entry.szExeFile)
            more = kernel32.Process32NextW(snapshot, ctypes.byref(entry))
    finally:
        kernel32.CloseHandle(snapshot)
    return names
