"""Lines for Thunderbird's ``user.js``: the outgoing server's host, port, security, sign-in.

Thunderbird applies ``user.js`` at every start and then keeps the values in ``prefs.js``;
the snippet changes one existing outgoing server (``smtp1`` unless told otherwise)."""

from __future__ import annotations

import json
import re

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportError, ExportSettings, unencrypted_risk
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

CTX = "Export"
TRY_SSL = {"none": 0, "starttls": 2, "tls": 3}
AUTH_METHOD = {"normal": 3, "encrypted": 4, "oauth2": 10}
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def _pref(name: str, value: str | int) -> str:
    return f"user_pref({json.dumps(name)}, {json.dumps(value, ensure_ascii=False)});"


def render(settings: ExportSettings, options: ExportOptions) -> str:
    out = settings.outgoing
    key = options.thunderbird_server_key
    if not _KEY.fullmatch(key):
        raise ExportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "\"{value}\" is not a Thunderbird server key (like smtp1)."), value=key))
    prefix = f"mail.smtpserver.{key}."
    lines = options.comments(
        "//",
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Thunderbird outgoing server (SMTP) for {email}, "
                                             "written by op25b-wizard on {date}."),
            email=settings.email, date=options.when().date().isoformat()),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Close Thunderbird, then add these lines to user.js "
                                             "in the profile folder.")),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "\"{key}\" is the outgoing server they change; to see "
                                             "yours, open Settings > General > Config Editor and "
                                             "search for mail.smtpserver."), key=key),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Thunderbird applies user.js at every start: delete "
                                             "these lines after the first start, or the settings "
                                             "cannot be changed later.")),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "The password is not here: Thunderbird asks for it "
                                             "the first time it sends.")),
        *([unencrypted_risk(out.host, out.port)] if out.security == "none" else []),
    )
    lines += [
        _pref(prefix + "hostname", out.host),
        _pref(prefix + "port", out.port),
        _pref(prefix + "try_ssl", TRY_SSL[out.security]),
        _pref(prefix + "authMethod", AUTH_METHOD[out.auth]),
        _pref(prefix + "username", out.username),
    ]
    return "\n".join(lines) + "\n"
