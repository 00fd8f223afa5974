"""Windows version information (the exe's Properties > Details tab), built from the package version.

The spec passes :func:`version_info` to ``EXE(version=...)``; keeping it in code means the
version shown in Explorer can never drift from ``op25b_wizard.__version__``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PyInstaller.utils.win32.versioninfo import VSVersionInfo

COMPANY = "op25b-wizard developers"
DESCRIPTION = "op25b-wizard: mail sending setup for networks that block port 25"
PRODUCT = "op25b-wizard"
COPYRIGHT = "MIT License, op25b-wizard developers"
LANG_CODEPAGE = "040904B0"
"""U.S. English, Unicode: the string table Explorer reads first."""


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` / ``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: Windows wants four 16-bit numbers, so
    only the release numbers count (a pre-release must not look newer than its release)."""
    release = re.match(r"\d+(?:\.\d+){0,3}(?![\d.]*\d)", version.strip())
    numbers = [int(n) for n in release.group(0).split(".")] if release else []
    if not numbers or any(n > 0xFFFF for n in numbers):
        raise ValueError(f"not a version Windows can show: {version!r}")
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def version_info(version: str, exe_name: str) -> VSVersionInfo:
    """The version resource of ``<exe_name>.exe`` for *version*."""
    # PyInstaller's versioninfo needs pefile, which PyInstaller installs on Windows only
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)
    strings = [
        StringStruct("CompanyName", COMPANY),
        StringStruct("FileDescription", DESCRIPTION),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", exe_name),
        StringStruct("LegalCopyright", COPYRIGHT),
        StringStruct("OriginalFilename", f"{exe_name}.exe"),
        StringStruct("ProductName", PRODUCT),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0,
                          OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([StringTable(LANG_CODEPAGE, strings)]),
            VarFileInfo([VarStruct("Translation", [0x0409, 0x04B0])]),
        ],
    )
