"""The printable settings sheet (HTML), in the user's language.

One page a helpdesk e-mails or prints before a trip: the outgoing-server settings before and
after, labelled the way mail programs' own dialogs label them, the support code, and the
diagnosis's findings. The same HTML is the ``html`` export and, rendered by Qt, the PDF.
It uses only the HTML and CSS that Qt's rich text understands.
"""

from __future__ import annotations

from html import escape
from typing import Any

from op25b_wizard import __version__
from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import Before, ExportSettings, unencrypted_risk
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, Msg, msg
from op25b_wizard.core.outcome_text import auth_msg, outcome_msg, security_msg

CTX = "Sheet"

FONT_FAMILIES: tuple[str, ...] = ("DejaVu Sans", "Noto Sans CJK JP")
"""The sheet's fonts, first choice first: Latin, then Japanese (Debian: fonts-dejavu-core,
fonts-noto-cjk). Latin text comes first from a Latin font because PDF text extraction loses
the digits of Noto Sans CJK."""


def _m(source: str, **args: Any) -> Msg:
    return msg(CTX, source, **args)


YES = _m(QT_TRANSLATE_NOOP("Sheet", "Yes (ticked)"))
NO = _m(QT_TRANSLATE_NOOP("Sheet", "No (not ticked)"))
UNKNOWN = "—"
TITLE = _m(QT_TRANSLATE_NOOP("Sheet", "Mail settings for sending"))

_FONT_LIST = ", ".join(f'"{family}"' for family in FONT_FAMILIES)
CSS = f"""
@page {{ size: A4; margin: 16mm; }}
body {{ font-family: {_FONT_LIST}, sans-serif; font-size: 10pt; color: #000; }}
h1 {{ font-size: 17pt; margin: 0 0 4pt 0; }}
h2 {{ font-size: 12pt; margin: 12pt 0 4pt 0; }}
p {{ margin: 3pt 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #888; padding: 3pt 5pt; text-align: left; vertical-align: top; }}
th {{ background-color: #e8e8e8; }}
td.after {{ font-weight: bold; }}
td.changed {{ background-color: #fff3c4; }}
.code {{ font-family: "DejaVu Sans Mono", monospace; font-size: 15pt; font-weight: bold; }}
.small {{ font-size: 8pt; color: #444; }}
.risk {{ color: #a00000; }}
"""


def _security_ticked(security: str | None) -> Msg | None:
    return None if security is None else (NO if security == "none" else YES)


def _auth_ticked(auth: str | None) -> Msg | None:
    return None if auth is None else (NO if auth == "none" else YES)


WHERE_HEADING = _m(QT_TRANSLATE_NOOP("Sheet", "Where to enter these"))
CLIENT_STEPS: tuple[tuple[str, Msg | str, Msg], ...] = (
    ("outlook", "Outlook", _m(QT_TRANSLATE_NOOP(
        "Sheet", "File > Account Settings > Server Settings, under Outgoing mail. The password "
        "is not changed there: Outlook asks for it once, the next time it sends."))),
    ("new_outlook", _m(QT_TRANSLATE_NOOP("Sheet", "The new Outlook for Windows")),
     _m(QT_TRANSLATE_NOOP(
         "Sheet", "Settings > Accounts > Email accounts. Its POP and IMAP accounts cannot be "
         "changed from outside: remove the account, then Add account with the same address, "
         "choose IMAP or POP, open the advanced settings and enter the outgoing (SMTP) server, "
         "port, secure connection type, user name and password."))),
    ("apple_mail", _m(QT_TRANSLATE_NOOP("Sheet", "Apple Mail on a Mac")), _m(QT_TRANSLATE_NOOP(
        "Sheet", "Mail > Settings > Accounts > the account > Server Settings. Under Outgoing Mail "
        "Account, untick \"Automatically manage connection settings\", then set Port, tick "
        "\"Use TLS/SSL\" and choose Authentication \"Password\"."))),
    ("apple_mail_ios", _m(QT_TRANSLATE_NOOP("Sheet", "Mail on iPhone and iPad")),
     _m(QT_TRANSLATE_NOOP(
         "Sheet", "Settings > Apps > Mail > Mail Accounts (before iOS 18: Settings > Mail > "
         "Accounts) > the account > Account > SMTP > Primary Server: Use SSL on, Authentication "
         "\"Password\", Server Port."))),
    ("thunderbird", "Thunderbird", _m(QT_TRANSLATE_NOOP(
        "Sheet", "Account Settings > Outgoing Server (SMTP) > the server > Edit."))),
    ("becky", "Becky!", _m(QT_TRANSLATE_NOOP(
        "Sheet", "Tools > Mailbox settings (メールボックスの設定) > Basic: SMTP server; "
        "Advanced: SMTP port, SSL/TLS, SMTP authentication."))),
)
"""Where each mail program keeps these settings: (client id, its name, the way there). The new
Outlook for Windows and Apple Mail cannot be changed safely from outside, so the sheet is how
their users make the change; Thunderbird, Becky! and classic Outlook users read it too (the
wizard can change those itself)."""


def _rows(settings: ExportSettings) -> list[tuple[Msg, Any, Any]]:
    """(label as mail programs show it, before, after); before is None when unknown."""
    out = settings.outgoing
    b = settings.before or Before()
    return [
        (_m(QT_TRANSLATE_NOOP("Sheet", "Outgoing mail server (SMTP)")), b.host, out.host),
        (_m(QT_TRANSLATE_NOOP("Sheet", "Port")), b.port, out.port),
        (_m(QT_TRANSLATE_NOOP("Sheet", "Connection security")),
         security_msg(b.security) if b.security else None, security_msg(out.security)),
        (_m(QT_TRANSLATE_NOOP("Sheet", "This server requires a secure connection (SSL/TLS)")),
         _security_ticked(b.security), _security_ticked(out.security)),
        (_m(QT_TRANSLATE_NOOP("Sheet", "My outgoing server (SMTP) requires authentication")),
         _auth_ticked(b.auth), YES),
        (_m(QT_TRANSLATE_NOOP("Sheet", "Authentication method")),
         auth_msg(b.auth) if b.auth else None, auth_msg(out.auth)),
        (_m(QT_TRANSLATE_NOOP("Sheet", "User name")), None, out.username),
        (_m(QT_TRANSLATE_NOOP("Sheet", "Password")), None,
         _m(QT_TRANSLATE_NOOP("Sheet", "Your mail password (never printed on this sheet)"))),
    ]


def _text(value: Any, options: ExportOptions) -> str:
    if value is None:
        return UNKNOWN
    if isinstance(value, Msg):
        return escape(options.tr(value))
    return escape(str(value))


def _settings_table(settings: ExportSettings, options: ExportOptions) -> str:
    tr = options.tr
    has_before = settings.before is not None
    head = [tr(_m(QT_TRANSLATE_NOOP("Sheet", "Setting")))]
    if has_before:
        head.append(tr(_m(QT_TRANSLATE_NOOP("Sheet", "Before"))))
    head.append(tr(_m(QT_TRANSLATE_NOOP("Sheet", "After (set this)"))))
    html = ['<table class="settings" width="100%" border="1" cellspacing="0">',
            "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for label, before, after in _rows(settings):
        before_text, after_text = _text(before, options), _text(after, options)
        changed = has_before and before is not None and before_text != after_text
        cells = [f'<td width="40%">{_text(label, options)}</td>']
        if has_before:
            cells.append(f"<td>{before_text}</td>")
        cls = "after changed" if changed else "after"
        bg = ' bgcolor="#fff3c4"' if changed else ""
        cells.append(f'<td class="{cls}"{bg}><b>{after_text}</b></td>')
        html.append("<tr>" + "".join(cells) + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def _verdict_text(entry: dict[str, Any], options: ExportOptions) -> tuple[str, str]:
    """A saved verdict's title and explanation, translated when it can be rebuilt."""
    from op25b_wizard.core import verdicts

    vid = str(entry.get("id", ""))
    try:
        verdict = verdicts.make(vid, **dict(entry.get("details") or {}))
        return options.tr(verdict.title), options.tr(verdict.explanation)
    except Exception:  # an id or details from another version: keep its saved English
        return str(entry.get("title", vid)), str(entry.get("explanation", ""))


def _findings(diagnosis: dict[str, Any], options: ExportOptions) -> str:
    tr = options.tr
    parts: list[str] = []
    details = diagnosis.get("verdict_details") or [
        {"id": v} for v in diagnosis.get("verdicts") or []]
    items = [_verdict_text(d, options) for d in details if isinstance(d, dict)]
    ports = [p for p in diagnosis.get("ports") or [] if isinstance(p, dict) and "port" in p]
    if not items and not ports:
        return ""
    heading = tr(_m(QT_TRANSLATE_NOOP("Sheet", "What the test found")))
    parts.append(f"<h2>{escape(heading)}</h2>")
    if ports:
        host = diagnosis.get("host")
        if host:
            parts.append("<p>" + escape(tr(_m(QT_TRANSLATE_NOOP(
                "Sheet", "Ports of {host} from the network where the test ran:"), host=host))) + "</p>")
        cells = []
        for p in ports:
            word = tr(outcome_msg(str(p.get("outcome", ""))))
            cells.append(escape(tr(_m(QT_TRANSLATE_NOOP("Sheet", "port {port}: {result}"),
                                      port=p.get("port"), result=word))))
        parts.append("<p>" + " &nbsp;·&nbsp; ".join(cells) + "</p>")
    if items:
        parts.append("<ul>")
        for title, explanation in items:
            parts.append(f"<li><b>{escape(title)}</b> — {escape(explanation)}</li>")
        parts.append("</ul>")
    return "\n".join(parts)


def _where(options: ExportOptions) -> str:
    """Short directions to the outgoing-server settings of each mail program."""
    items = []
    for _client, name, steps in CLIENT_STEPS:
        label = options.tr(name) if isinstance(name, Msg) else name
        items.append(f"<li><b>{escape(label)}</b>: {escape(options.tr(steps))}</li>")
    return (f"<h2>{escape(options.tr(WHERE_HEADING))}</h2>\n"
            "<ul>" + "".join(items) + "</ul>")


def render(settings: ExportSettings, options: ExportOptions) -> str:
    """The whole sheet as one HTML document (UTF-8, no external resources)."""
    tr = options.tr
    out = settings.outgoing
    lang = "ja" if options.lang == "ja" else "en"
    title = tr(TITLE)
    who = settings.email if not settings.display_name else f"{settings.display_name} <{settings.email}>"
    body: list[str] = [
        f"<h1>{escape(title)}</h1>",
        f"<p><b>{escape(who)}</b></p>",
        '<p class="small">' + escape(tr(_m(QT_TRANSLATE_NOOP("Sheet", "Made on {date} by op25b-wizard {version}"),
                                           date=options.when().strftime("%Y-%m-%d %H:%M"),
                                           version=__version__))) + "</p>",
        "<p>" + escape(tr(_m(QT_TRANSLATE_NOOP(
            "Sheet", "Many hotel, mobile and home networks block port 25, the old port for sending "
            "mail. Change the outgoing server (SMTP) settings of your mail program as shown "
            "below; it then sends through the secure submission port {port} from anywhere. "
            "The settings for receiving mail do not change."), port=out.port)
            if out.security != "none" else _m(QT_TRANSLATE_NOOP(
                "Sheet", "Many hotel, mobile and home networks block port 25, the old port for "
                "sending mail. Change the outgoing server (SMTP) settings of your mail program "
                "as shown below; it then sends through port {port}. The settings for receiving "
                "mail do not change."), port=out.port))) + "</p>",
        *([f'<p class="risk"><font color="#a00000"><b>{escape(tr(unencrypted_risk(out.host, out.port)))}</b></font></p>']
          if out.security == "none" else []),
        _settings_table(settings, options),
        _where(options),
    ]
    if settings.diagnosis:
        body.append(_findings(settings.diagnosis, options))
    if settings.support_code:
        heading = tr(_m(QT_TRANSLATE_NOOP("Sheet", "Support code")))
        body += [
            f"<h2>{escape(heading)}</h2>",
            f'<p class="code">{escape(settings.support_code)}</p>',
            "<p>" + escape(tr(_m(QT_TRANSLATE_NOOP(
                "Sheet", "If sending still fails, tell the helpdesk this code: it says what the "
                "test found.")))) + "</p>",
        ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} — {escape(settings.email)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
