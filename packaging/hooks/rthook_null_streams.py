"""PyInstaller runtime hook: give a windowed program real (empty) standard streams.

A windowed Windows executable starts with ``sys.stdout`` and ``sys.stderr`` set to None, so
any command-line code run through it (``op25b-wizard.exe lookup ...`` instead of
``op25b-wizard-cli.exe``) would fail on its first write. Point them at the null device
instead: the output is lost, the exit status is not. Windows' null device is a character
device, which ``isatty()`` reports as a terminal; these streams say they are not one.
"""

import io
import os
import sys


class _NullDevice(io.FileIO):
    def isatty(self) -> bool:
        return False


for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, io.TextIOWrapper(io.BufferedWriter(_NullDevice(os.devnull, "w")),
                                             encoding="utf-8", line_buffering=True))
