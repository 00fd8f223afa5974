"""``op25b-wizard export FORMAT``: the recommended settings for a mail client or administrator."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from op25b_wizard import i18n
from op25b_wizard.cli.common import CliError, add_lang_option, apply_lang
from op25b_wizard.core.exports import writing
from op25b_wizard.core.exports.registry import FORMATS
from op25b_wizard.core.exports.settings import (
    ANY_SECURITIES,
    AUTHS,
    BEFORE_AUTHS,
    INCOMING_TYPES,
    SECURITIES,
    ExportError,
    ExportSettings,
    check_diagnosis,
    incoming_note,
    make_before,
    make_settings,
    recommended_from_diagnosis,
    unencrypted_risk,
)
from op25b_wizard.core.i18n import QT_TRANSLATE_NOOP, os_reason
from op25b_wizard.core.small_file import read_small_file

tr = i18n.tr
MAX_DIAGNOSIS_BYTES = 4_000_000
"""A saved diagnosis with its transcript is well under 1 MB."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help=QT_TRANSLATE_NOOP("CliHelp", "write the recommended settings for a mail client or an administrator"),
        description=QT_TRANSLATE_NOOP("CliHelp", "Write the outgoing-server settings in one of "
                                      "the formats listed below. No format ever contains the "
                                      "password."),
        epilog="; ".join(f"{name}: {i18n.render(f.description)}" for name, f in FORMATS.items()))
    p.add_argument("format", metavar="FORMAT", choices=list(FORMATS),
                   help=QT_TRANSLATE_NOOP("CliHelp", "one of: autoconfig, mobileconfig, autodiscover, "
                                          "msmtp, git-send-email, thunderbird-userjs, json, html, "
                                          "pdf"))
    p.add_argument("--email", required=True, help=QT_TRANSLATE_NOOP("CliHelp", "the e-mail address"))
    p.add_argument("--host", help=QT_TRANSLATE_NOOP("CliHelp", "the outgoing mail server (default: from --diagnosis)"))
    p.add_argument("--port", help=QT_TRANSLATE_NOOP("CliHelp", "its port, 465 or 587 (default: from --diagnosis)"))
    p.add_argument("--security", choices=ANY_SECURITIES,
                   help=QT_TRANSLATE_NOOP("CliHelp", "tls (SSL/TLS, port 465) or starttls (port 587) (default: from --diagnosis); none (unencrypted) only with --allow-plaintext"))
    p.add_argument("--allow-plaintext", action="store_true",
                   help=QT_TRANSLATE_NOOP("CliHelp", "accept --security none: the password and the mail travel unencrypted (the files and the sheet say so)"))
    p.add_argument("--user", help=QT_TRANSLATE_NOOP("CliHelp", "the user name for signing in (default: from --diagnosis)"))
    p.add_argument("--auth", choices=AUTHS, default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "authentication method (default: from --diagnosis, else normal)"))
    p.add_argument("--name", help=QT_TRANSLATE_NOOP("CliHelp", "the display name, e.g. \"Taro Yamada\""))
    p.add_argument("-o", "--output", metavar="FILE", help=QT_TRANSLATE_NOOP("CliHelp", "write to FILE (default: standard output)"))
    g = p.add_argument_group(QT_TRANSLATE_NOOP("CliHelp", "incoming server (autoconfig, "
                                                 "mobileconfig, autodiscover, json)"),
                             QT_TRANSLATE_NOOP("CliHelp", "default: IMAP on the outgoing server's "
                                               "host, port 993, SSL/TLS"))
    g.add_argument("--incoming-host", help=QT_TRANSLATE_NOOP("CliHelp", "the incoming mail server (default: the outgoing server's host)"))
    g.add_argument("--incoming-port", help=QT_TRANSLATE_NOOP("CliHelp", "its port (default: 993 for IMAP, 995 for POP3 with SSL/TLS)"))
    g.add_argument("--incoming-type", choices=INCOMING_TYPES, help=QT_TRANSLATE_NOOP("CliHelp", "imap or pop3 (default: imap)"))
    g.add_argument("--incoming-security", choices=ANY_SECURITIES, help=QT_TRANSLATE_NOOP("CliHelp", "tls, starttls or none (default: tls)"))
    d = p.add_argument_group(QT_TRANSLATE_NOOP("CliHelp", "diagnosis and the settings sheet "
                                                 "(html, pdf)"))
    d.add_argument("--diagnosis", metavar="FILE",
                   help=QT_TRANSLATE_NOOP("CliHelp", "a saved \"op25b-wizard diagnose --json\" result"))
    d.add_argument("--support-code", metavar="CODE", help=QT_TRANSLATE_NOOP("CliHelp", "default: from --diagnosis"))
    d.add_argument("--from-host", help=QT_TRANSLATE_NOOP("CliHelp", "the outgoing server before the change"))
    d.add_argument("--from-port", help=QT_TRANSLATE_NOOP("CliHelp", "its port before the change (usually 25)"))
    d.add_argument("--from-security", choices=ANY_SECURITIES, help=QT_TRANSLATE_NOOP("CliHelp", "its connection security before the change: tls, starttls or none"))
    d.add_argument("--from-auth", choices=BEFORE_AUTHS, help=QT_TRANSLATE_NOOP("CliHelp", "its authentication before the change: none, normal, encrypted or oauth2"))
    m = p.add_argument_group(QT_TRANSLATE_NOOP("CliHelp", "msmtp and thunderbird-userjs"))
    m.add_argument("--msmtp-password", choices=("secret-service", "passwordeval"), default=None,
                   help=QT_TRANSLATE_NOOP("CliHelp", "where msmtp gets the password: its item in the Secret Service keyring "
                   "(default on Linux) or a passwordeval line running op25b-wizard (default "
                   "elsewhere)"))
    m.add_argument("--thunderbird-server", metavar="KEY", default="smtp1",
                   help=QT_TRANSLATE_NOOP("CliHelp", "the Thunderbird outgoing server to change (default smtp1)"))
    add_lang_option(p)
    p.set_defaults(func=run_export)


def note(text: str) -> None:
    prefix = tr("Cli", QT_TRANSLATE_NOOP("Cli", "note:"))
    print(f"{prefix} {text}", file=sys.stderr)


def _load_diagnosis(path: str) -> dict[str, Any]:
    try:
        data = json.loads(read_small_file(path, MAX_DIAGNOSIS_BYTES).decode("utf-8"))
    except OSError as e:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "cannot read {path}: {reason}"),
                          path=path, reason=os_reason(e))) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    try:
        return check_diagnosis(data)
    except ExportError as e:
        raise CliError(i18n.render(e.message)) from None


def build_settings(args: argparse.Namespace) -> ExportSettings:
    """The validated settings from the options, the diagnosis filling in what is not given."""
    diagnosis = _load_diagnosis(args.diagnosis) if args.diagnosis else None
    rec = recommended_from_diagnosis(diagnosis) if diagnosis else {}
    values = {
        "host": args.host or rec.get("host"),
        "port": args.port or rec.get("port"),
        "security": args.security or rec.get("security"),
        "username": args.user or rec.get("username"),
    }
    missing = [f"--{'user' if k == 'username' else k}" for k, v in values.items() if v in (None, "")]
    if missing:
        if diagnosis is not None and not rec:
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "the diagnosis found no working route; give {options}"),
                options=", ".join(missing)))
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "missing {options}"),
                          options=", ".join(missing)))
    if values["security"] == "none" and args.security == "none" and not args.allow_plaintext:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "--security none sends the password and the mail unencrypted; add "
            "--allow-plaintext if you accept that risk")))
    if values["security"] not in SECURITIES and args.security != "none":
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "the recommended route is not encrypted ({security}); give --security "
            "tls or starttls"), security=str(values["security"])))
    code = args.support_code or (diagnosis or {}).get("support_code")
    if str(values.get("port")).strip() == "25":  # from --port (text) or a diagnosis (a number)
        print(tr("Cli", QT_TRANSLATE_NOOP(
            "Cli", "warning: port 25 is blocked on many hotel and mobile networks; 465 or 587 "
            "work everywhere")), file=sys.stderr)
    try:
        return make_settings(
            email=args.email, **values,
            auth=args.auth or rec.get("auth") or "normal",
            display_name=args.name,
            incoming_host=args.incoming_host, incoming_port=args.incoming_port,
            incoming_type=args.incoming_type, incoming_security=args.incoming_security,
            before=make_before(args.from_host, args.from_port, args.from_security, args.from_auth),
            support_code=code, diagnosis=diagnosis, allow_unencrypted=args.allow_plaintext,
        )
    except ExportError as e:
        raise CliError(i18n.render(e.message)) from None


def _prepare_msmtp(settings: ExportSettings, mode: writing.MsmtpPassword) -> None:
    """Make sure msmtp will find the password, copying it from the keyring if need be."""
    from op25b_wizard.core.exports.msmtp_password import prepare_msmtp_password

    out = settings.outgoing
    notes, _stored = prepare_msmtp_password(out.host, out.username, mode)
    for message in notes:
        note(i18n.render(message))


def _write(data: str | bytes, path: str | None, fmt: str) -> None:
    if path is None or path == "-":
        if isinstance(data, bytes) and not data.lstrip().startswith(b"<") and sys.stdout.isatty():
            raise CliError(tr("Cli", QT_TRANSLATE_NOOP(
                "Cli", "this format is binary: write it to a file with -o FILE")))
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
        return
    try:
        writing.write_file(path, data, fmt)
    except OSError as e:
        raise CliError(tr("Cli", QT_TRANSLATE_NOOP("Cli", "cannot write {path}: {reason}"),
                          path=path, reason=os_reason(e))) from None


def _pdf_renderer() -> writing.PdfRenderer:
    from op25b_wizard import sheet_pdf  # Qt, loaded for the PDF sheet only

    return sheet_pdf.export_pdf


def run_export(args: argparse.Namespace) -> int:
    lang = apply_lang(args)
    settings = build_settings(args)
    fmt = args.format
    options = writing.make_options(translate=i18n.translate, lang=lang,
                                   msmtp_password=args.msmtp_password,
                                   thunderbird_server_key=args.thunderbird_server)
    try:
        data = writing.render(fmt, settings, options, pdf=_pdf_renderer)
    except ExportError as e:
        raise CliError(i18n.render(e.message)) from None
    if settings.outgoing.security == "none":
        out = settings.outgoing
        note(i18n.render(unencrypted_risk(out.host, out.port)))
    if FORMATS[fmt].needs_incoming:
        incoming = incoming_note(settings)
        if incoming is not None:
            note(i18n.render(incoming))
    if fmt == "msmtp":
        _prepare_msmtp(settings, options.msmtp_password)
    _write(data, args.output, fmt)
    if args.output and args.output != "-":
        note(tr("Cli", QT_TRANSLATE_NOOP("Cli", "wrote {path}"), path=args.output))
    return 0
