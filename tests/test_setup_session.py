"""The setup session's decisions, without Qt: the routes kept from a lookup, the keyring's
plan, exports for the route chosen (also one the user accepted without encryption), the
options per platform and file modes, and when the mail client's change is planned again."""

from __future__ import annotations

import os
import stat

import pytest

from op25b_wizard.core.exports import writing
from op25b_wizard.core.exports.registry import FORMATS, export
from op25b_wizard.core.exports.settings import ExportError
from op25b_wizard.core.lookup.result import LookupResult, OutgoingServer
from op25b_wizard.core.wizard_state import ProviderAnswer, WizardState
from tests.support.platform import NO_POSIX_MODES, not_on_windows
from tests.test_gui_state import hotel_report, state_with

EMAIL = "taro@example.test"


def nifty_like() -> LookupResult:
    """A provider whose first route is plain 587, with an encrypted one on another host."""
    return LookupResult("bundled", outgoing=[
        OutgoingServer("smtp.example.test", 587, "none", "normal", EMAIL),
        OutgoingServer("smtp.example.test", 25, "none", "normal", EMAIL),
        OutgoingServer("secure.example.test", 465, "tls", "normal", EMAIL),
    ])


def test_a_lookup_keeps_secure_routes_only_without_consent():
    found = ProviderAnswer.from_lookup(EMAIL, nifty_like())
    assert found is not None and found.host == "secure.example.test"
    assert [(r.port, r.security) for r in found.routes] == [(465, "tls")]


def test_a_lookup_with_only_insecure_routes_gives_the_server_but_no_route():
    result = LookupResult("bundled", outgoing=nifty_like().outgoing[:2])
    found = ProviderAnswer.from_lookup(EMAIL, result)
    assert found is not None and found.host == "smtp.example.test" and found.routes == []
    consented = ProviderAnswer.from_lookup(EMAIL, result, allow_insecure=True)
    assert [(r.port, r.security) for r in consented.routes] == [(587, "none"), (25, "none")]
    assert ProviderAnswer.from_lookup(EMAIL, LookupResult("guess")) is None


def test_the_wizard_and_diagnose_keep_the_same_routes(monkeypatch):
    """The command line's diagnose asks the session, so both keep what it keeps."""
    import argparse

    from op25b_wizard.cli import diagnose as cli_diagnose
    from op25b_wizard.core import lookup as lookup_package
    from op25b_wizard.core.targets import parse_target

    monkeypatch.setattr(lookup_package, "lookup", lambda *_a, **_k: nifty_like())
    args = argparse.Namespace(offline=True, cafile=None, preset=None, ispdb_url=None, json=True,
                              allow_plaintext=False)
    target, routes, _unconfirmed = cli_diagnose._lookup_route(args, parse_target(EMAIL))
    found = ProviderAnswer.from_lookup(EMAIL, nifty_like())
    assert (target.host, routes) == (found.host, found.routes)


def plain_choice_state(*, consent: bool) -> WizardState:
    s = state_with(hotel_report(plain587=True))
    s.choice = next(c for c in s.port_choices() if not c.encrypted)
    s.plaintext_consent = consent
    return s


def test_exports_of_an_unencrypted_route_need_the_users_consent():
    with pytest.raises(ExportError):
        plain_choice_state(consent=False).export_settings()
    settings = plain_choice_state(consent=True).export_settings()
    assert settings.outgoing.security == "none"
    for fmt in FORMATS:
        if fmt != "pdf":
            assert export(fmt, settings)


def test_the_export_settings_carry_the_account_before_and_the_diagnosis():
    s = state_with(hotel_report())
    settings = s.export_settings()
    assert (settings.outgoing.port, settings.outgoing.security) == (465, "tls")
    assert settings.before is not None and settings.before.port == 25
    assert settings.support_code == s.support_code and settings.diagnosis is not None


@pytest.mark.parametrize("platform, mode", [("linux", "secret-service"),
                                            ("darwin", "passwordeval"),
                                            ("win32", "passwordeval")])
def test_msmtp_finds_the_password_the_way_its_platform_allows(platform, mode):
    """A Mac has no Secret Service: its msmtp file runs passwordeval, never tells the user to
    run a Linux-only command."""
    options = writing.make_options(translate=None, lang="en", platform=platform)
    assert options.msmtp_password == mode
    text = export("msmtp", state_with(hotel_report()).export_settings(), options)
    assert ("--msmtp" in text) == (mode == "secret-service")
    assert ("passwordeval" in text.split("\n\n", 1)[1]) == (mode == "passwordeval")


@not_on_windows(NO_POSIX_MODES)
def test_the_msmtp_file_is_readable_by_its_owner_only(tmp_path):
    for fmt in FORMATS:
        path = tmp_path / fmt
        writing.write_file(path, "x", fmt)
        assert stat.S_IMODE(path.stat().st_mode) == (0o600 if fmt == "msmtp" else 0o644
                                                     & ~_umask())
    existing = tmp_path / "old-msmtprc"
    existing.write_text("old")
    existing.chmod(0o644)
    writing.write_file(existing, "new", "msmtp")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_the_keyring_keeps_and_forgets_what_this_session_put_there():
    s = state_with(hotel_report())
    s.password, s.keyring_secure = "pw", True
    plan = s.keyring_plan()
    assert (plan.forget, plan.keep) == (None, ("mail.example.test", s.username))
    s.keyring_done(plan)
    assert s.keyring == "stored" and s.kept == plan.keep
    assert s.keyring_plan().empty
    s.remember_password = False  # unticked later: taken out again
    plan = s.keyring_plan()
    assert (plan.forget, plan.keep, plan.action) == (s.kept, None, "not_requested")
    s.keyring_done(plan)
    assert s.kept is None and s.keyring == "not_requested"
    s.remember_password, s.login_verified = True, False  # the server refused it: never kept
    assert s.keyring_plan().keep is None and s.keyring_plan().action == "rejected"


def test_the_change_is_planned_again_when_the_settings_change():
    s = state_with(hotel_report())
    needed, key = s.plan_needed(None)
    assert needed
    s.applied = True
    assert s.plan_needed(key) == (False, key) and s.applied
    s.choice = next(c for c in s.port_choices() if c.port == 587)
    needed, _new = s.plan_needed(key)
    assert needed and not s.applied, "other settings: not applied yet"


def test_the_sign_in_verdict_is_taken_by_the_session():
    from op25b_wizard.core.diagnosis import diagnose
    from op25b_wizard.core.model import AuthInfo, ProbeReport
    from tests.test_gui_state import port

    s = state_with(hotel_report())
    accepted = port(465, "tls", "auth_ok")
    accepted.auth = AuthInfo("PLAIN", "ok", 235)
    report = ProbeReport("mail.example.test", ports=[accepted])
    assert s.record_signin(report, diagnose(report, credentials_tested=True)) == ("ok", [])
    assert s.login_verified is True
    refused = port(465, "tls", "auth_failed")
    refused.auth = AuthInfo("PLAIN", "bad_credentials", 535)
    report = ProbeReport("mail.example.test", ports=[refused])
    outcome, advice = s.record_signin(report, diagnose(report, credentials_tested=True))
    assert outcome == "failed" and advice and s.login_verified is False
    unreached = port(465, "tls", "timeout", stage="connect")
    report = ProbeReport("mail.example.test", ports=[unreached])
    assert s.record_signin(report, diagnose(report, credentials_tested=True)) == ("unchecked", [])
    assert s.login_verified is None
