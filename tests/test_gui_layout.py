"""Every page of the sample run fits the window at its default size, at 100 % and at 150 %
scaling, in both languages: every visible button lies inside the window.

On Windows the check uses the real ``windows`` platform and the native style (Windows' own
wizard style once drew its title into the frame and pushed Next and Back below the window's
edge); elsewhere the platform the tests use.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHECK = r"""
import sys
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea
from op25b_wizard.gui.screenshots import play_sample

problems = []

def scrolls(widget, top):
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False

def check(wizard, pid):
    window = wizard.rect()
    for button in wizard.findChildren(QAbstractButton):
        if not button.isVisibleTo(wizard) or scrolls(button, wizard):
            continue
        where = QRect(button.mapTo(wizard, button.rect().topLeft()), button.size())
        if not window.contains(where):
            problems.append(f"page {int(pid)}: {button.text()!r} at {where.getRect()} is outside "
                            f"the window {window.getRect()}")

play_sample(check, lang=sys.argv[1])
print("\n".join(problems))
sys.exit(1 if problems else 0)
"""


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_button_is_inside_the_window(lang: str, scale: str) -> None:
    env = dict(os.environ, QT_SCALE_FACTOR=scale)
    if sys.platform == "win32":
        env["QT_QPA_PLATFORM"] = "windows"
    result = subprocess.run([sys.executable, "-c", CHECK, lang], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
