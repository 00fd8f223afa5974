"""The wizard's state and flow without Qt: next page, port choices, sign-in request, checklist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from op25b_wizard.core.clients.base import Account, SmtpSettings
from op25b_wizard.core.diagnosis import diagnose
from op25b_wizard.core.model import Capabilities, PortResult, PortSpec, ProbeReport, TlsInfo
from op25b_wizard.core.wizard_state import END, PageId, PortChoice, Preset, WizardState


def port(number: int, mode: str, outcome: str, *, verified: bool = True,
         stage: str = "done") -> PortResult:
    security = {"tls": "tls", "starttls": "starttls", "relay": "none"}[mode]
    tls = TlsInfo(version="TLSv1.3", verified=verified) if outcome in ("ok", "auth_ok") and mode != "relay" else None
    return PortResult(number, mode, security, outcome, stage,  # type: ignore[arg-type]
                      capabilities=Capabilities(auth=["PLAIN"]), tls=tls,
                      greeting_host="mail.example.test" if stage != "connect" else None)


def hotel_report(*, plain587: bool = False) -> ProbeReport:
    """25 dropped; 587 STARTTLS (or plain); 465 TLS."""
    p587 = (port(587, "starttls", "no_starttls", stage="starttls") if plain587
            else port(587, "starttls", "ok"))
    return ProbeReport("mail.example.test", ports=[
        port(25, "relay", "timeout", stage="connect"), p587, port(465, "tls", "ok")])


def account(port_number: int = 25) -> Account:
    return Account("thunderbird", "Thunderbird", Path("/p"), "smtp1", "taro@example.test", None,
                   SmtpSettings("mail.example.test", port_number, "none", "none", None),
                   Path("/p/prefs.js"), ["taro@example.test"])


def state_with(report: ProbeReport) -> WizardState:
    s = WizardState()
    s.choose_account(account(), "taro@example.test", "mail.example.test")
    s.set_report(report, diagnose(report))
    return s


def test_pages_follow_in_order_and_the_last_ends():
    s = state_with(hotel_report())
    assert [s.next_page(p) for p in PageId] == [
        PageId.ACCOUNT, PageId.PORT_TEST, PageId.SWITCH, PageId.SIGNIN, PageId.APPLY,
        PageId.READY, END]


def test_without_any_working_port_the_test_leads_to_the_last_page():
    report = ProbeReport("mail.example.test", ports=[
        port(25, "relay", "timeout", stage="connect"),
        port(587, "starttls", "timeout", stage="connect"),
        port(465, "tls", "timeout", stage="connect")])
    s = state_with(report)
    assert s.port_choices() == []
    assert s.choice is None
    assert s.next_page(PageId.PORT_TEST) == PageId.READY
    assert s.checklist()[0].state == "failed"


def test_the_recommended_port_comes_first_and_is_chosen():
    s = state_with(hotel_report())
    choices = s.port_choices()
    assert [(c.port, c.security, c.recommended) for c in choices] == [
        (465, "tls", True), (587, "starttls", False)]
    assert s.choice == choices[0]
    assert s.blocked_ports == [25]


def test_a_port_without_encryption_is_offered_last_and_needs_consent():
    s = state_with(hotel_report(plain587=True))
    assert s.port_choices()[-1] == PortChoice(587, "none", False)
    s.choice = s.port_choices()[-1]
    s.password = "secret"
    assert s.needs_consent and not s.can_send_password()
    with pytest.raises(ValueError):
        s.signin_request()
    s.plaintext_consent = True
    req = s.signin_request()
    assert req.options.allow_plaintext_auth
    assert req.ports == [PortSpec(587, "starttls")]


def test_a_cancelled_test_offers_nothing():
    report = hotel_report()
    report.cancelled = True
    assert state_with(report).port_choices() == []


def test_choosing_another_account_forgets_the_results_and_the_same_one_keeps_them():
    s = state_with(hotel_report())
    a = s.account
    s.login_verified = True
    s.choose_account(a, "taro@example.test", "mail.example.test")
    assert s.report is not None and s.login_verified
    s.custom_username = "taro"
    s.choose_account(None, "hanako@example.test", "smtp.example.test")
    assert s.report is None and s.choice is None and s.login_verified is None
    assert s.custom_username == "", "another address's user name is no default for this one"


def test_the_preset_server_wins_over_the_accounts():
    s = WizardState(preset=Preset(host="127.0.0.1", ports=[PortSpec(2525, "starttls")],
                                  cafile="/ca.pem", timeout=2.0))
    s.choose_account(account(), "taro@example.test", "mail.example.test")
    req = s.probe_request()
    assert req.host == "127.0.0.1"
    assert req.ports == [PortSpec(2525, "starttls")]
    assert (req.options.cafile, req.options.timeout, req.options.credentials) == ("/ca.pem", 2.0, None)


def test_signin_request_sends_one_login_on_the_chosen_port_with_the_right_mode():
    s = state_with(hotel_report())
    s.password = "pw"
    req = s.signin_request()
    assert req.ports == [PortSpec(465, "tls")]
    assert req.options.credentials.username == "taro@example.test"
    assert req.options.credentials.password == "pw"
    assert not req.options.allow_plaintext_auth and req.options.test_message_to is None
    assert s.signin_request(test_message=True).options.test_message_to == "taro@example.test"
    assert "pw" not in repr(s) and "pw" not in repr(req)


def test_user_name_same_as_receiving_or_another_one():
    s = state_with(hotel_report())
    assert s.username == "taro@example.test"
    s.same_as_incoming, s.custom_username = False, "  taro  "
    assert s.username == "taro"
    s.auth_required = False
    assert s.username == ""
    after = s.target_settings()
    assert (after.port, after.security, after.auth, after.username) == (465, "tls", "none", None)


def test_target_settings_follow_the_choice():
    s = state_with(hotel_report())
    s.choice = s.port_choices()[1]
    t = s.target_settings()
    assert (t.host, t.port, t.security, t.auth, t.username) == (
        "mail.example.test", 587, "starttls", "normal", "taro@example.test")


@pytest.mark.parametrize(("secure", "remember", "password", "expected"), [
    (True, True, "pw", "store"),
    (None, True, "pw", "store"),
    (False, True, "pw", "unavailable"),
    (False, False, "pw", "unavailable"),
    (True, False, "pw", "not_requested"),
    (True, True, "", "no_password"),
])
def test_what_the_last_page_does_with_the_password(secure, remember, password, expected):
    s = state_with(hotel_report())
    s.keyring_secure, s.remember_password, s.password = secure, remember, password
    assert s.keyring_action() == expected


@pytest.mark.parametrize(("verified", "expected"), [(True, "store"), (None, "store"),
                                                    (False, "rejected")])
def test_a_password_the_server_refused_is_never_kept(verified, expected):
    s = state_with(hotel_report())
    s.keyring_secure, s.remember_password, s.password = True, True, "pw"
    s.login_verified = verified
    assert s.keyring_action() == expected


def test_checklist_all_good_and_all_bad():
    s = state_with(hotel_report())
    s.login_verified, s.applied, s.keyring = True, True, "stored"
    assert [(c.id, c.state) for c in s.checklist()] == [
        ("reachable", "ok"), ("encrypted", "ok"), ("password", "ok"), ("client", "ok"),
        ("keyring", "ok")]
    s.login_verified, s.applied, s.keyring = False, False, "unavailable"
    assert [c.state for c in s.checklist()][2:] == ["failed", "failed", "note"]
    s.account = None
    assert s.checklist()[3].state == "skipped"


def test_every_cross_on_the_last_page_names_where_to_fix_it():
    s = state_with(hotel_report(plain587=True))
    s.choice = s.port_choices()[-1]  # the unencrypted port, with consent
    s.login_verified, s.applied, s.keyring = False, False, "failed"
    items = s.checklist()
    assert {c.id: c.fix for c in items if c.state == "failed"} == {
        "encrypted": PageId.SWITCH, "password": PageId.SIGNIN, "client": PageId.APPLY,
        "keyring": PageId.READY}
    assert s.readiness() == "not_ready"


def test_no_safe_password_store_is_a_note_not_a_failure_of_the_change():
    s = state_with(hotel_report())
    s.login_verified, s.applied, s.keyring = True, True, "unavailable"
    keyring = s.checklist()[-1]
    assert (keyring.id, keyring.state) == ("keyring", "note")
    assert s.readiness() == "ready"


def test_ready_only_when_the_mail_program_sends_on_the_secure_port():
    s = state_with(hotel_report())
    s.login_verified = True
    assert s.readiness() == "almost", "the mail program was not changed"
    s.applied = True
    assert s.readiness() == "ready"
    s.login_verified = None
    assert s.readiness() == "almost", "the password was not checked"
    s.login_verified = True
    s.choice = PortChoice(587, "none", False)
    assert s.readiness() == "almost", "not encrypted"


def test_nothing_reachable_lists_only_what_is_true():
    """Offline: no sheet that was never offered, no sign-in page that was skipped, no
    "not encrypted" for a connection that never was."""
    report = ProbeReport("mail.example.test", ports=[
        port(25, "relay", "timeout", stage="connect"),
        port(587, "starttls", "timeout", stage="connect"),
        port(465, "tls", "timeout", stage="connect")])
    s = state_with(report)
    items = s.checklist()
    assert [(c.id, c.state, c.fix) for c in items] == [
        ("reachable", "failed", PageId.PORT_TEST), ("client", "skipped", None)]
    texts = " ".join(str(c.text) for c in items)
    assert "sheet" not in texts and "sign-in" not in texts and "encrypt" not in texts
    s.account = None
    assert [c.id for c in s.checklist()] == ["reachable"]
    assert s.readiness() == "not_ready"


def test_port_25_reset_is_not_blamed_on_the_network():
    """A reset on 25 while 587/465 work may come from the server: the wording blames neither;
    a silent drop is still this network's block."""
    from op25b_wizard import i18n

    i18n.set_language("en")
    reset = ProbeReport("mail.example.test", ports=[
        port(25, "relay", "refused", stage="connect"), port(587, "starttls", "ok"),
        port(465, "tls", "ok")])
    s = state_with(reset)
    v = next(v for v in s.diagnosis.verdicts if v.id == "op25b")
    words = i18n.render(v.title) + " " + i18n.render(v.explanation)
    assert "network blocks" not in words and "closed from here" in words
    assert v.to_dict()["title"] == "Port 25 is closed from here"
    assert s.port25_closed == "refused"
    dropped = state_with(hotel_report())
    v = next(v for v in dropped.diagnosis.verdicts if v.id == "op25b")
    assert i18n.render(v.title) == "This network blocks port 25"
    assert dropped.port25_closed == "timeout"


def test_forget_password():
    s = WizardState(password="pw")
    s.forget_password()
    assert s.password == ""


def test_the_state_module_does_not_import_qt():
    code = ("import sys, op25b_wizard.core.wizard_state; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_error_alone_reads_as_a_sentence_and_a_file_error_names_the_file():
    import errno

    from op25b_wizard import i18n

    i18n.set_language("en")
    assert i18n.error_text(OSError(errno.EMFILE, "Too many open files")) == (
        "Too many files are open; close some programs and try again.")
    assert i18n.error_text(OSError(errno.ENOENT, "No such file", "/x/y.xml")) == (
        "/x/y.xml: it does not exist")
