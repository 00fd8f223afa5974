"""The verdicts: stable ids, and what each says to the user in plain words.

Ids are a contract (JSON, the GUI, support codes). ``VERDICT_IDS`` gives each its bit in the
support code (append only); ``IMPORTANCE`` is the order in which they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg

CTX = "Verdict"

VERDICT_IDS: tuple[str, ...] = (
    "unreachable",
    "intercepted",
    "certificate",
    "tls_failed",
    "no_encryption",
    "auth_rejected",
    "auth_mechanism",
    "auth_temporary",
    "server_refused",
    "op25b",
    "ip25b",
    "ipv6_broken",
    "no_submission",
    "submission_ok",
    "cancelled",
    "captive_portal",
    "auth_slow",
    "unfinished",
)
"""Never reorder or remove: a verdict's index is its bit in support codes already given out.
New verdicts go at the end here and where they belong in ``IMPORTANCE``."""

IMPORTANCE: tuple[str, ...] = (
    "captive_portal",
    "unreachable",
    "intercepted",
    "certificate",
    "tls_failed",
    "no_encryption",
    "auth_rejected",
    "auth_mechanism",
    "auth_temporary",
    "auth_slow",
    "server_refused",
    "unfinished",
    "op25b",
    "ip25b",
    "ipv6_broken",
    "no_submission",
    "submission_ok",
    "cancelled",
)
"""The order in which verdicts are shown: the most important problem first (a captive portal
explains every other failure)."""

GOOD = frozenset({"submission_ok"})
INFO = frozenset({"ipv6_broken", "op25b", "ip25b"})

TITLES: dict[str, str] = {
    "unreachable": QT_TRANSLATE_NOOP("Verdict", "The mail server could not be reached"),
    "intercepted": QT_TRANSLATE_NOOP("Verdict", "Port 25 is answered by another server"),
    "certificate": QT_TRANSLATE_NOOP("Verdict", "The server's security certificate is not valid"),
    "tls_failed": QT_TRANSLATE_NOOP("Verdict", "The encrypted connection failed"),
    "no_encryption": QT_TRANSLATE_NOOP("Verdict", "No encryption offered"),
    "auth_rejected": QT_TRANSLATE_NOOP("Verdict", "User name or password not accepted"),
    "auth_mechanism": QT_TRANSLATE_NOOP("Verdict", "Sign-in method not accepted"),
    "auth_temporary": QT_TRANSLATE_NOOP("Verdict", "Sign-in could not be checked right now"),
    "server_refused": QT_TRANSLATE_NOOP("Verdict", "The mail server refused the connection"),
    "op25b": QT_TRANSLATE_NOOP("Verdict", "This network blocks port 25"),
    "ip25b": QT_TRANSLATE_NOOP("Verdict", "The mail server refuses port 25 from outside"),
    "ipv6_broken": QT_TRANSLATE_NOOP("Verdict", "IPv6 does not work on this network"),
    "no_submission": QT_TRANSLATE_NOOP("Verdict", "No secure sending port found"),
    "submission_ok": QT_TRANSLATE_NOOP("Verdict", "Secure sending works"),
    "cancelled": QT_TRANSLATE_NOOP("Verdict", "The test was stopped"),
    "captive_portal": QT_TRANSLATE_NOOP("Verdict", "This network wants you to accept its terms first"),
    "auth_slow": QT_TRANSLATE_NOOP("Verdict", "The server is slow to answer the sign-in"),
    "unfinished": QT_TRANSLATE_NOOP("Verdict", "The test ran out of time"),
}

CLOSED_25_TITLE = QT_TRANSLATE_NOOP("Verdict", "Port 25 is closed from here")
"""The op25b title when port 25 was reset: the reset may come from the server as well as from
the network, so the network is not blamed."""

CERT_PROBLEMS: dict[str, str] = {
    "expired": QT_TRANSLATE_NOOP("Verdict", "it has expired"),
    "not_yet_valid": QT_TRANSLATE_NOOP("Verdict", "it is not valid yet"),
    "wrong_name": QT_TRANSLATE_NOOP("Verdict", "it is for a different server name"),
    "unknown_issuer": QT_TRANSLATE_NOOP("Verdict", "it was issued by an authority this computer does not trust"),
    "self_signed": QT_TRANSLATE_NOOP("Verdict", "it was signed by the server itself"),
    "handshake_failed": QT_TRANSLATE_NOOP("Verdict", "the two sides could not agree on encryption"),
    "injection": QT_TRANSLATE_NOOP("Verdict", "unexpected data was slipped in before encryption started"),
}


@dataclass
class Verdict:
    id: str
    explanation: Msg
    action: Msg
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> Msg:
        return Msg(CTX, self._title_source())

    def _title_source(self) -> str:
        if self.id == "op25b" and self.details.get("how") == "refused":
            return CLOSED_25_TITLE
        return TITLES[self.id]

    @property
    def good(self) -> bool:
        return self.id in GOOD

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self._title_source(), "explanation": str(self.explanation),
                "action": str(self.action), "details": self.details}


def _m(source: str, **args: Any) -> Msg:
    return Msg(CTX, source, args)


def make(vid: str, **details: Any) -> Verdict:
    """Build verdict *vid* with its explanation and what to do, filled from *details*."""
    d = details
    if vid == "unreachable":
        if d.get("reason") == "dns":
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "The server name {host} could not be found."), **d)
        else:
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "None of the mail ports of {host} answered from this network."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Check the server name and that this computer is online. On a hotel "
                         "network, open a web page first: you may have to accept its terms."))
    elif vid == "intercepted":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "On port 25 another server ({seen}) answers in place of your mail "
                         "server ({expected}). This network redirects port 25."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Do not send on port 25 here. Use the encrypted submission port "
                         "recommended below."))
    elif vid == "certificate":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The security certificate on port {port} is not valid: {problem}. "
                         "Someone could be listening in, so no password was sent."),
                 port=d.get("port"), problem=Msg(CTX, CERT_PROBLEMS.get(d.get("problem", ""),
                                                                         CERT_PROBLEMS["unknown_issuer"])))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Check the server name. If your company uses its own certificates, "
                         "ask IT for the certificate file. Otherwise tell your helpdesk the "
                         "support code."))
    elif vid == "tls_failed":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The encrypted connection on port {port} could not be set up: "
                         "{problem}. No password was sent."),
                 port=d.get("port"), problem=Msg(CTX, CERT_PROBLEMS.get(d.get("problem", ""),
                                                                         CERT_PROBLEMS["handshake_failed"])))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Try again on another network. If it keeps failing, tell your "
                         "helpdesk the support code."))
    elif vid == "no_encryption":
        if d.get("password_sent"):
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "Port {port} offers no encryption. As you allowed "
                                       "it, your password was sent unencrypted: anyone on this "
                                       "network could have read it."), **d)
        else:
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "Port {port} offers no encryption, so anyone on "
                                       "this network could read your password. It was not "
                                       "sent."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Use a port with encryption (465 or 587). If your provider offers "
                         "none, ask them for secure settings."))
    elif vid == "auth_rejected":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The mail server did not accept the user name or password."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Check the user name (often your full e-mail address) and the "
                         "password, then test again. Many wrong tries can lock the account."))
    elif vid == "auth_mechanism":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The mail server did not accept this way of signing in on port {port}."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Ask your provider how to sign in: some need an app password or a "
                         "sign-in in the web browser."))
    elif vid == "auth_temporary":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The mail server could not check your password just now."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Wait a few minutes and test again."))
    elif vid == "server_refused":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The mail server on port {port} is refusing connections right now."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Try again later. If it keeps happening, contact your mail provider."))
    elif vid == "op25b" and d.get("how") == "refused":
        # a reset: from this network's block, or from the server itself; it cannot be told
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "Port 25, the old port for sending mail, turns "
                                   "connections away from here (this network or the mail "
                                   "server does). A mail program that sends on port 25 cannot "
                                   "send from here."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Send through the submission port instead, as recommended below."))
    elif vid == "op25b":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "This network blocks port 25, the old port for sending mail. A mail "
                         "program that sends on port 25 cannot send from here."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Send through the submission port instead, as recommended below."))
    elif vid == "ip25b":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "Your mail server does not accept mail on port 25 from outside its "
                         "own network."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Send through the submission port with sign-in, as recommended below."))
    elif vid == "ipv6_broken":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The newer internet protocol (IPv6) does not work on this network; "
                         "the older one (IPv4) was used."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Nothing to do: mail programs fall back to IPv4 by themselves."))
    elif vid == "no_submission":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "No secure sending port (465 or 587) of {host} works from this network."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Ask your mail provider for its secure sending settings, or run the "
                         "test again on another network."))
    elif vid == "submission_ok":
        if d.get("port25_works"):
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "Secure sending works on port {port}. Port 25 also works here, but "
                             "it will not on hotel and mobile networks."), **d)
        else:
            exp = _m(QT_TRANSLATE_NOOP("Verdict", "Secure sending works on port {port}."), **d)
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Use the settings below: they work on any network."))
    elif vid == "captive_portal":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "This looks like a hotel or guest network that shows "
                                   "its own web page until you accept its terms: the network "
                                   "answered in place of your mail server. Your password was "
                                   "not sent."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Open any web page in your browser, accept the "
                                   "hotel's terms (or sign in to the network there), then test "
                                   "again."))
    elif vid == "auth_slow":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "Port {port} can be reached, but the mail server did not "
                                   "answer the sign-in within {seconds} seconds, so the password "
                                   "could not be checked. Servers answer slowly on purpose after "
                                   "wrong passwords."),
                 port=d.get("port", "?"), seconds=d.get("seconds", "?"))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Wait a minute and try again."))
    elif vid == "unfinished":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The test stopped after {seconds} seconds. Ports not "
                                   "finished by then: {ports}."),
                 seconds=d.get("seconds", "?"), ports=d.get("ports", "?"))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Test again. If it happens again, the network or the mail "
                                   "server is very slow: tell your helpdesk the support code."))
    elif vid == "cancelled":
        exp = _m(QT_TRANSLATE_NOOP("Verdict", "The test was stopped before it finished."))
        act = _m(QT_TRANSLATE_NOOP("Verdict", "Run the test again."))
    else:
        raise ValueError(f"unknown verdict {vid!r}")
    return Verdict(vid, exp, act, dict(details))
