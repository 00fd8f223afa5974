"""``git send-email`` settings: a ``[sendemail]`` section for ``~/.gitconfig``. git asks for the
password itself and can keep it with a credential helper."""

from __future__ import annotations

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportError, ExportSettings, unencrypted_risk
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, msg

CTX = "Export"
ENCRYPTION = {"tls": "ssl", "starttls": "tls"}


def quote(value: str) -> str:
    """A git config value: quoted (so ``#`` and ``;`` are not comments), ``\\`` and ``"`` escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_SPECIALS = set('()<>[]:;@\\,."')


def _phrase(name: str) -> str:
    """A display name as RFC 5322 wants it before <address>: quoted when it holds a special
    character (``"Yamada, Taro"``); UTF-8 as it is (git send-email encodes the header)."""
    if not any(c in _SPECIALS for c in name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(settings: ExportSettings, options: ExportOptions) -> str:
    out = settings.outgoing
    if out.auth == "oauth2":
        raise ExportError(msg(CTX, QT_TRANSLATE_NOOP(
            "Export", "{format} cannot sign in with OAuth2 by itself. Use --auth normal with an "
            "app password."), format="git-send-email"))
    sender = (f"{_phrase(settings.display_name)} <{settings.email}>" if settings.display_name
              else settings.email)
    lines = options.comments(
        "#",
        msg(CTX, QT_TRANSLATE_NOOP("Export", "git send-email settings for {email}, written by "
                                             "op25b-wizard on {date}."),
            email=settings.email, date=options.when().date().isoformat()),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "Add this to ~/.gitconfig (git config --global --edit).")),
        msg(CTX, QT_TRANSLATE_NOOP("Export", "The password is not in this file: git asks for it, "
                                             "and a credential helper can keep it in this "
                                             "computer's password store.")),
    )
    if out.security == "none":  # git sends unencrypted when smtpEncryption is not set
        lines += options.comments("#", unencrypted_risk(out.host, out.port))
    lines += [
        "[sendemail]",
        f"\tsmtpServer = {out.host}",
        f"\tsmtpServerPort = {out.port}",
        *([f"\tsmtpEncryption = {ENCRYPTION[out.security]}"] if out.security in ENCRYPTION else []),
        f"\tsmtpUser = {quote(out.username)}",
        f"\tfrom = {quote(sender)}",
    ]
    if out.auth == "encrypted":
        lines.append("\tsmtpAuth = CRAM-MD5")
    return "\n".join(lines) + "\n"
