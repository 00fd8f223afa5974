"""Test-lane only: loaded by the Windows CPython that runs the suite under Wine 8, never part of
the product or its bundle. It hides two Windows APIs that Wine 8 does not implement, so that the
standard library takes the fallbacks it has for older Windows versions."""

import sys

# platform (imported by pip, pytest and others) queries WMI through _wmi; Wine 8 aborts the
# process inside propsys.VariantToString. Without _wmi, platform reads the registry instead.
sys.modules["_wmi"] = None  # type: ignore[assignment]

# shutil.copy2/copyfile use kernel32.CopyFile2, which Wine 8 does not have; without it Python
# copies the bytes itself.
import _winapi  # noqa: E402

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
