"""The setup session, without Qt: what the user chose, what the tests found, which step
follows which, and every decision between "which address" and "what was written": the routes
kept from a lookup, the sign-in verdict, what the keyring keeps or forgets, the settings and
options of every export, and when the mail client's change must be planned again.

The wizard's Qt pages only show this state and write the user's choices into it; the command
line takes the same decisions from here (:meth:`ProviderAnswer.from_lookup`,
:mod:`op25b_wizard.core.exports.writing`). Everything is tested without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Literal

from op25b_wizard.core import connectivity
from op25b_wizard.core.connectivity import ConnectivityCheck
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.model import (
    DEFAULT_PORTS,
    Credentials,
    Mode,
    PortResult,
    PortSpec,
    ProbeOptions,
    ProbeReport,
    ProbeRequest,
    Security,
)

if TYPE_CHECKING:  # imported when used: the wizard's first page paints sooner
    from op25b_wizard.core.clients.base import Account, SmtpSettings
    from op25b_wizard.core.diagnosis import Diagnosis, Route
    from op25b_wizard.core.exports.options import ExportOptions
    from op25b_wizard.core.exports.settings import ExportSettings
    from op25b_wizard.core.i18n import Translate
    from op25b_wizard.core.lookup.result import LookupResult

CTX = "Checklist"


class PageId(IntEnum):
    """The wizard's pages; the value is also the page number a helpdesk reads out."""

    WELCOME = 1
    ACCOUNT = 2
    PORT_TEST = 3
    SWITCH = 4
    SIGNIN = 5
    APPLY = 6
    READY = 7


END = -1
"""What :meth:`WizardState.next_page` returns after the last page (QWizard's "no next page")."""


@dataclass
class Preset:
    """Fixed answers given on the command line or by a test: the server, its ports, a CA."""

    host: str | None = None
    ports: list[PortSpec] | None = None
    cafile: str | None = None
    timeout: float = 10.0
    email: str | None = None
    connectivity: ConnectivityCheck | None = field(default_factory=connectivity.from_environment)
    """The captive-portal check the port test runs (see :mod:`~op25b_wizard.core.connectivity`)."""


@dataclass(frozen=True)
class PortChoice:
    """A sending port the user may pick on the switch page."""

    port: int
    security: Security
    encrypted: bool
    """Reached over TLS with a valid certificate."""
    recommended: bool = False


@dataclass(frozen=True)
class CheckItem:
    """One line of the closing checklist. A failed line always names where to put it right."""

    id: Literal["reachable", "encrypted", "password", "client", "keyring"]
    state: Literal["ok", "failed", "skipped", "note"]
    """``note``: worth knowing, but the change works without it (e.g. no safe password store)."""
    text: Msg
    fix: PageId | None = None
    """The page where the user acts on this line (READY itself: try again there)."""


Readiness = Literal["ready", "almost", "not_ready"]


@dataclass(frozen=True)
class ProviderAnswer:
    """What a lookup found for one address: a provider's routes for a typed address, or the
    company preset's for an address typed or found in a mail program."""

    email: str
    host: str
    routes: list[Route]
    username: str | None
    advice: list[Msg]

    @classmethod
    def from_lookup(cls, email: str, result: LookupResult, *,
                    allow_insecure: bool = False) -> ProviderAnswer | None:
        """What is kept of a lookup for *email*: the server of the first secure route (else
        of the first route: testing its ports sends no password), and the routes on that
        server; unencrypted routes only with *allow_insecure* (the user accepted that risk).
        None when the lookup found nothing."""
        from op25b_wizard.core.diagnosis import Route

        if not result.outgoing:
            return None
        server = result.first_secure() or result.outgoing[0]
        routes = [Route(s.host, s.port, s.security,  # type: ignore[arg-type]
                        s.auth if s.auth in ("normal", "encrypted", "oauth2", "none")
                        else "normal", s.username or None)
                  for s in result.outgoing
                  if s.host == server.host and (s.secure or allow_insecure)]
        return cls(email, server.host, routes, server.username or None, list(result.advice))


@dataclass(frozen=True)
class KeyringPlan:
    """What the last page does with the keyring: take out what this session put there and is
    no longer wanted, and keep the password (for *keep*'s server and user name)."""

    forget: tuple[str, str] | None
    keep: tuple[str, str] | None
    action: str
    """:meth:`WizardState.keyring_action` when the plan was made."""

    @property
    def empty(self) -> bool:
        return self.forget is None and self.keep is None


SigninOutcome = Literal["ok", "unchecked", "slow", "failed"]

KeyringState = Literal["pending", "stored", "not_requested", "unavailable", "failed", "rejected",
                       "no_password"]


def mode_for(port: int, security: Security) -> Mode:
    """How to speak to a sending port with the given security (plain ports use STARTTLS
    mode, so the engine never sends a password unencrypted)."""
    return "tls" if security == "tls" else "starttls"


@dataclass
class WizardState:
    preset: Preset = field(default_factory=Preset)
    email: str = ""
    account: Account | None = None
    """The mail-client account picked, or None when the user typed an address."""
    host: str = ""
    """The outgoing server to test and configure."""
    provider_username: str | None = None
    """The user name a provider lookup gave (its convention: full address or local part)."""
    provider_advice: list[Msg] = field(default_factory=list)
    """What the lookup asks the user to do (an app password, turning access on)."""
    preferred: list[Route] = field(default_factory=list)
    report: ProbeReport | None = None
    diagnosis: Diagnosis | None = None
    choice: PortChoice | None = None
    auth_required: bool = True
    same_as_incoming: bool = True
    custom_username: str = ""
    password: str = field(default="", repr=False)
    plaintext_consent: bool = False
    login_verified: bool | None = None
    remember_password: bool = True
    keyring_secure: bool | None = None
    keyring_store_name: Msg | None = None
    keyring: KeyringState = "pending"
    keyring_error: Msg | None = None
    kept: tuple[str, str] | None = None
    """The (server, user name) this wizard put into the keyring, to take it out again when it
    is no longer wanted."""
    msmtp_kept: tuple[str, str] | None = None
    """The (server, user name) whose password the msmtp export put into msmtp's own keyring
    item (forgotten with the keyring's when no longer wanted)."""
    applied: bool = False
    apply_skipped: bool = False
    """The user chose to go on without changing the mail program (a deliberate second choice)."""
    apply_error: Msg | None = None
    backup_dir: str | None = None
    test_message_sent: bool | None = None

    # --- choosing the account -------------------------------------------------------------

    def choose_account(self, account: Account | None, email: str, host: str,
                       found: ProviderAnswer | None = None) -> None:
        """Set the account (or a typed address) and its server, with what a lookup *found*
        for that address (the provider's routes, or the company preset's); forgets every later
        result when it differs from the one before. Nothing found for another address is kept."""
        same = (account is self.account and email == self.email and host == self.host)
        if email != self.email:
            self.custom_username = ""  # another address's user name is no default for this one
        self.account, self.email, self.host = account, email, self.preset.host or host
        usable = found if found is not None and found.email == email else None
        self.preferred = [r for r in usable.routes if r.host == self.host] if usable else []
        self.provider_username = usable.username if usable else None
        self.provider_advice = list(usable.advice) if usable else []
        if not same:
            self.reset_results()

    def reset_results(self) -> None:
        self.report = self.diagnosis = None
        self.choice = None
        self.login_verified = None
        self.plaintext_consent = False
        self.applied = False
        self.apply_skipped = False
        self.apply_error = None
        self.backup_dir = None
        self.keyring = "pending"
        self.keyring_error = None
        self.test_message_sent = None

    @property
    def current(self) -> SmtpSettings | None:
        """The outgoing-server settings the mail client has now (None for a typed address)."""
        return self.account.smtp if self.account else None

    @property
    def client_name(self) -> str | None:
        return self.account.client_name if self.account else None

    @property
    def incoming_username(self) -> str:
        """The user name used for receiving, as far as it is known."""
        if self.account:
            return self.account.smtp.username or self.account.incoming_username or self.email
        return self.provider_username or self.email

    @property
    def username(self) -> str:
        if not self.auth_required:
            return ""
        return self.incoming_username if self.same_as_incoming else self.custom_username.strip()

    # --- the port test --------------------------------------------------------------------

    def probe_request(self) -> ProbeRequest:
        """The port test, without a password: the preset's ports, or 25, 587 and 465 plus the
        ports the provider documents for this server."""
        if self.preset.ports:
            ports = list(self.preset.ports)
        else:
            ports = PortSpec.with_routes([PortSpec.for_port(p) for p in DEFAULT_PORTS],
                                         [(r.port, r.security) for r in self.preferred])
        return ProbeRequest(self.host, ports, self._options(connectivity=self.preset.connectivity))

    def _options(self, **extra: object) -> ProbeOptions:
        return ProbeOptions(timeout=self.preset.timeout, cafile=self.preset.cafile, **extra)  # type: ignore[arg-type]

    def set_report(self, report: ProbeReport, diagnosis: Diagnosis) -> None:
        self.report, self.diagnosis = report, diagnosis
        choices = self.port_choices()
        self.choice = next((c for c in choices if c.recommended), choices[0] if choices else None)
        self.login_verified = None

    def port_choices(self) -> list[PortChoice]:
        """The sending ports that answered: encrypted ones first (the recommended one on top),
        then ports that work only without encryption."""
        if self.report is None or self.report.cancelled:
            return []
        rec = self.diagnosis.recommended if self.diagnosis else None
        encrypted: list[PortChoice] = []
        plain: list[PortChoice] = []
        for p in self.report.ports:
            if p.mode == "relay":
                continue
            if _secure(p):
                encrypted.append(PortChoice(p.port, p.security, True,
                                            bool(rec and rec.port == p.port)))
            elif p.outcome == "no_starttls":
                plain.append(PortChoice(p.port, "none", False))
        encrypted.sort(key=lambda c: (not c.recommended, c.security != "tls", c.port))
        return encrypted + plain

    @property
    def blocked_ports(self) -> list[int]:
        """Ports the network did not let through (no answer, refused, unreachable)."""
        if self.report is None:
            return []
        return [p.port for p in self.report.ports
                if p.stage == "connect" and p.outcome in ("timeout", "refused", "unreachable")]

    @property
    def port25_closed(self) -> str | None:
        """How port 25 failed to connect (``timeout``, ``unreachable``, ``refused``) when the
        diagnosis found it closed from here while a submission port answered, else None."""
        if self.diagnosis is None or not self.diagnosis.op25b or self.report is None:
            return None
        p = next((p for p in self.report.ports if p.mode == "relay"), None)
        return p.outcome if p is not None and p.port in self.blocked_ports else None

    # --- signing in -----------------------------------------------------------------------

    @property
    def needs_consent(self) -> bool:
        """The chosen port has no encryption: the user must accept the risk first."""
        return self.choice is not None and not self.choice.encrypted

    def can_send_password(self) -> bool:
        return bool(self.password) and (not self.needs_consent or self.plaintext_consent)

    @property
    def can_test_signin(self) -> bool:
        """A sign-in can be tested: a user name, a password, and consent where it is needed."""
        return self.auth_required and bool(self.username) and self.can_send_password()

    @property
    def signin_complete(self) -> bool:
        """The sign-in page may be left: no sign-in, or a user name, and no password that
        would go unencrypted without consent."""
        if not self.auth_required:
            return True
        if not self.username:
            return False
        return not (self.needs_consent and self.password and not self.plaintext_consent)

    def credentials_changed(self) -> None:
        """The user name or password changed: the last sign-in verdict and the password kept
        in the keyring (if any) no longer count."""
        self.login_verified = None
        if self.keyring == "stored":
            self.keyring = "pending"

    @property
    def can_send_test_message(self) -> bool:
        return (self.choice is not None and self.can_test_signin
                and self.login_verified is not False)

    def record_signin(self, report: ProbeReport,
                      diagnosis: Diagnosis) -> tuple[SigninOutcome, list[Msg]]:
        """Take the verdict of one sign-in test: accepted; not checked (the server was not
        reached, so nothing is known about the password); reached but not answered in time
        (``auth_slow``: unchecked too, with the advice to try again in a minute); or refused,
        with the explanation and what to do."""
        from op25b_wizard.core.verdicts import make

        port = report.ports[0] if report.ports else None
        ok = port is not None and port.outcome == "auth_ok"
        answered = port is not None and port.auth is not None and port.auth.result != "timeout"
        self.login_verified = ok if answered else None
        if ok:
            return "ok", []
        if port is not None and port.outcome == "auth_slow" and port.auth is not None:
            slow = make("auth_slow", port=port.port, seconds=f"{port.auth.waited_s or 0:g}")
            return "slow", [slow.explanation, slow.action]
        if self.login_verified is None:
            return "unchecked", []
        bad = next((v for v in diagnosis.verdicts if not v.good and v.id != "cancelled"), None)
        return "failed", [bad.explanation, bad.action] if bad is not None else []

    def signin_request(self, *, test_message: bool = False) -> ProbeRequest:
        """One real sign-in on the chosen port (and a test message to the user's own address)."""
        if self.choice is None:
            raise ValueError("no port chosen")
        if not self.username or not self.can_send_password():
            raise ValueError("no user name or password, or the risk was not accepted")
        opts = self._options(credentials=Credentials(self.username, self.password),
                             allow_plaintext_auth=self.needs_consent and self.plaintext_consent,
                             test_message_to=self.email if test_message else None)
        spec = PortSpec(self.choice.port, mode_for(self.choice.port, self.choice.security))
        return ProbeRequest(self.host, [spec], opts)

    # --- what to write --------------------------------------------------------------------

    def target_settings(self) -> SmtpSettings:
        """The outgoing-server settings the mail client should have after the change."""
        from op25b_wizard.core.clients.base import SmtpSettings

        if self.choice is None:
            raise ValueError("no port chosen")
        auth = "none"
        if self.auth_required:
            rec = self.diagnosis.recommended if self.diagnosis else None
            auth = rec.auth if rec and rec.auth in ("normal", "encrypted") else "normal"
        return SmtpSettings(self.host, self.choice.port, self.choice.security, auth,  # type: ignore[arg-type]
                            self.username or None)

    @property
    def support_code(self) -> str | None:
        return self.diagnosis.support_code if self.diagnosis else None

    def forget_password(self) -> None:
        self.password = ""

    # --- flow -----------------------------------------------------------------------------

    def next_page(self, current: PageId) -> int:
        """The page after *current*, or :data:`END`."""
        if current == PageId.PORT_TEST:
            return PageId.SWITCH if self.port_choices() else PageId.READY
        if current == PageId.READY:
            return END
        return PageId(current + 1)

    # --- the closing checklist --------------------------------------------------------------

    def readiness(self) -> Readiness:
        """What the last page says: *ready* only when the mail program really sends on an
        encrypted submission port (changed, and the password accepted if one is used)."""
        c = self.choice
        if c is None or self.login_verified is False:
            return "not_ready"
        client_done = self.applied and self.account is not None
        password_done = not self.auth_required or self.login_verified is True
        if client_done and password_done and c.encrypted:
            return "ready"
        return "almost"

    def checklist(self) -> list[CheckItem]:
        """The closing checklist. Every failed line has a page to fix it; when nothing could
        be reached, only what is true is listed (no sign-in, sheet or encryption that never
        happened)."""
        c = self.choice
        if c is None:
            items = [CheckItem("reachable", "failed", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "No way to send mail was found from this network")),
                PageId.PORT_TEST)]
            if self.account is not None:
                items.append(CheckItem("client", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                    "Checklist", "{client} was not changed: it keeps its settings until a way "
                    "to send is found"), client=self.account.client_name)))
            return items
        items = [CheckItem("reachable", "ok", msg(CTX, QT_TRANSLATE_NOOP(
            "Checklist", "Mail can be sent from this network (port {port})"), port=c.port))]
        if c.encrypted:
            items.append(CheckItem("encrypted", "ok", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The connection is encrypted"))))
        else:
            items.append(CheckItem("encrypted", "failed", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The connection is not encrypted: choose an encrypted port if "
                "one worked, or ask your provider for secure settings")), PageId.SWITCH))
        if not self.auth_required:
            items.append(CheckItem("password", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "No sign-in is used"))))
        elif self.login_verified:
            items.append(CheckItem("password", "ok", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "Your password was accepted"))))
        elif self.login_verified is False:
            items.append(CheckItem("password", "failed", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "Your password was not accepted")), PageId.SIGNIN))
        else:
            items.append(CheckItem("password", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password was not checked")), PageId.SIGNIN))
        if self.applied and self.account is not None and self.account.client == "outlook":
            items.append(CheckItem("client", "ok", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "Outlook has the new settings: close and reopen Outlook. It asks once "
                "for your password for sending; type it and let Outlook save it."))))
        elif self.applied and self.account is not None:
            items.append(CheckItem("client", "ok", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "{client} uses the new settings"), client=self.account.client_name)))
        elif self.account is not None:
            items.append(CheckItem("client", "failed", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "{client} was not changed"), client=self.account.client_name),
                PageId.APPLY))
        else:
            items.append(CheckItem("client", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "Enter the new settings in your mail program yourself"
                )), PageId.APPLY))
        items.append(self._keyring_item())
        return items

    def _keyring_item(self) -> CheckItem:
        store = self.keyring_store_name or msg(CTX, QT_TRANSLATE_NOOP("Checklist", "password store"))
        if self.keyring == "stored":
            return CheckItem("keyring", "ok", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password is kept in this computer's {store}"), store=store))
        if self.keyring == "failed":
            return CheckItem("keyring", "failed", self.keyring_error or msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password could not be kept")), PageId.READY)
        if self.keyring == "unavailable":
            # not a failure of the change: the mail program asks for the password itself
            return CheckItem("keyring", "note", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "This computer has no safe place for the password, so it was not "
                "kept: your mail program asks for it when it sends")))
        if self.keyring == "pending":
            return CheckItem("keyring", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password is being saved…")))
        if self.keyring == "no_password":
            return CheckItem("keyring", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "No password is needed, so none was kept")) if not self.auth_required
                else msg(CTX, QT_TRANSLATE_NOOP(
                    "Checklist", "No password was entered, so none was kept")))
        if self.keyring == "rejected":
            return CheckItem("keyring", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password was not kept: the server did not accept it")))
        return CheckItem("keyring", "skipped", msg(CTX, QT_TRANSLATE_NOOP(
                "Checklist", "The password was not kept (you chose not to)")))

    def keyring_plan(self) -> KeyringPlan:
        """Forget what this session kept and is no longer wanted (Remember unticked, sign-in
        turned off, another user name); keep the password when it should be and is not yet."""
        action = self.keyring_action()
        account = (self.host, self.username)
        ours = self.kept if self.kept is not None else self.msmtp_kept
        forget = ours if ours is not None and (action != "store" or ours != account) else None
        keep = account if action == "store" and (
            self.keyring != "stored" or forget is not None) else None
        return KeyringPlan(forget, keep, action)

    def keyring_done(self, plan: KeyringPlan) -> None:
        """The plan was carried out."""
        self.kept = plan.keep
        if plan.forget is not None and plan.forget == self.msmtp_kept:
            self.msmtp_kept = None
        self.keyring = "stored" if plan.keep else plan.action  # type: ignore[assignment]
        self.keyring_error = None

    def keyring_failed(self, error: Msg | None) -> None:
        self.keyring = "failed"
        self.keyring_error = error

    # --- the mail client's change and the exports -----------------------------------------

    def plan_needed(self, planned_for: object) -> tuple[bool, object]:
        """Whether the change to the mail client must be planned (again) for the settings
        now wanted, given the key of the last plan (None: none yet); and the new key. A plan
        for other settings means the change is no longer applied."""
        key = (id(self.account), self.target_settings())
        if key == planned_for:
            return False, key
        if planned_for is not None:
            self.applied = False
        return True, key

    @property
    def unencrypted_accepted(self) -> bool:
        """The chosen route has no encryption and the user accepted that risk."""
        return self.needs_consent and self.plaintext_consent

    def export_settings(self) -> ExportSettings:
        """The validated settings every export writes (ExportError when they cannot be)."""
        from op25b_wizard.core.exports.settings import make_before, make_settings

        target = self.target_settings()
        cur = self.current
        before = make_before(cur.host, cur.port, cur.security, cur.auth) if cur else None
        return make_settings(
            email=self.email, host=target.host, port=target.port, security=target.security,
            username=target.username or self.email,
            auth=target.auth if target.auth in ("normal", "encrypted") else "normal",
            display_name=self.account.display_name if self.account else None, before=before,
            support_code=self.support_code,
            diagnosis=self.diagnosis.to_json() if self.diagnosis else None,
            allow_unencrypted=self.unencrypted_accepted)

    def export_options(self, translate: Translate | None, lang: str) -> ExportOptions:
        """The export options of this computer, as the command line makes them."""
        from op25b_wizard.core.exports.writing import make_options

        return make_options(translate=translate, lang=lang)

    def password_to_keep(self) -> str | None:
        """The password the user asked to keep (Remember, a safe store, not refused), for the
        exports that hand it on (msmtp's keyring item); None when there is none to keep."""
        return self.password if self.keyring_action() == "store" else None

    def prepare_msmtp(self, settings: ExportSettings, options: ExportOptions,
                      ) -> tuple[list[Msg], bool]:
        """What ``op25b-wizard export msmtp`` does for msmtp to find the password, with the
        password the user asked to keep: the notes to show, and whether msmtp's own keyring
        item was stored (then :meth:`msmtp_stored`). Runs off the GUI thread (the keyring)."""
        from op25b_wizard.core.exports.msmtp_password import prepare_msmtp_password

        out = settings.outgoing
        return prepare_msmtp_password(out.host, out.username, options.msmtp_password,
                                      password=self.password_to_keep())

    def msmtp_stored(self, host: str, user: str) -> None:
        self.msmtp_kept = (host, user)

    def keyring_action(self) -> Literal["store", "unavailable", "not_requested", "rejected",
                                        "no_password"]:
        """What the last page does with the password: never keep one the server refused."""
        if not self.auth_required or not self.password or not self.username:
            return "no_password"
        if self.keyring_secure is False:
            return "unavailable"
        if not self.remember_password:
            return "not_requested"
        return "rejected" if self.login_verified is False else "store"


def _secure(p: PortResult) -> bool:
    return (p.outcome in ("ok", "auth_ok", "auth_failed") and p.tls is not None
            and p.tls.verified and p.security in ("tls", "starttls"))
