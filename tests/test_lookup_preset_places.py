"""Where the company preset is looked for: beside the program, and beside a macOS app bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from op25b_wizard.core.lookup import preset
from op25b_wizard.core.lookup.preset import PRESET_FILENAME, find_bundled_preset


def _frozen_at(monkeypatch: pytest.MonkeyPatch, executable: Path) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))


def test_preset_beside_the_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "op25b-wizard" / "op25b-wizard"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    _frozen_at(monkeypatch, exe)
    assert find_bundled_preset() is None
    (exe.parent / PRESET_FILENAME).write_text("<clientConfig/>")
    assert find_bundled_preset() == exe.parent.resolve() / PRESET_FILENAME


def test_preset_beside_a_macos_app_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exe = tmp_path / "op25b-wizard.app" / "Contents" / "MacOS" / "op25b-wizard"
    exe.parent.mkdir(parents=True)
    exe.write_bytes(b"")
    _frozen_at(monkeypatch, exe)
    assert find_bundled_preset() is None
    (tmp_path / PRESET_FILENAME).write_text("<clientConfig/>")
    assert find_bundled_preset() == tmp_path.resolve() / PRESET_FILENAME
    # one inside the bundle still wins
    (exe.parent / PRESET_FILENAME).write_text("<clientConfig/>")
    assert find_bundled_preset() == exe.parent.resolve() / PRESET_FILENAME
    assert preset.preset_folders(tmp_path) == [tmp_path]
