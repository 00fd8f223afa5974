"""How exports reach a file: the options of this computer."""

from __future__ import annotations

import shutil

from op25b_wizard.core.exports import writing


def test_the_program_msmtp_runs_is_looked_up_once(monkeypatch):
    """Every export makes its options; the PATH is searched for this program only once."""
    searched: list[str] = []
    real_which = shutil.which

    def which(name, *args, **kwargs):
        searched.append(name)
        return real_which(name, *args, **kwargs)

    monkeypatch.setattr(shutil, "which", which)
    monkeypatch.setattr("sys.argv", ["python-test"])
    forget = getattr(writing.program_command, "cache_clear", lambda: None)
    forget()
    try:
        first = writing.make_options(translate=None, lang="en", platform="darwin")
        for _ in range(4):
            again = writing.make_options(translate=None, lang="en", platform="darwin")
            assert again.password_command == first.password_command
    finally:
        forget()
    assert searched == ["op25b-wizard"]
