"""A real mail server for the tests: Debian's Postfix with Dovecot as its sign-in (SASL) server.

Both run from a throw-away directory, inside the server side of a test network
(:mod:`tests.support.netns`): Postfix with ``postfix -c DIR start``, Dovecot with
``dovecot -c FILE``. Nothing of the system's own configuration is read or written and no
system service is started (``.ci/setup`` installs the packages with ``policy-rc.d`` keeping
their services down). Ports: 25 (no sign-in; mail only for the local domain), 587 (STARTTLS
required before AUTH) and 465 (implicit TLS), sign-in through Dovecot with its default
``auth_failure_delay`` (2 s) and penalty. Mail for the test domain is delivered into a
Maildir per user; anything else is refused, nothing leaves.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message
from pathlib import Path

import pytest

from tests.support.netns import Op25bNetwork
from tests.support.servers import TestCA

DOMAIN = "example.test"
POSTFIX = shutil.which("postfix", path="/usr/sbin:/usr/bin:/sbin:/bin")
DOVECOT = shutil.which("dovecot", path="/usr/sbin:/usr/bin:/sbin:/bin")
MAIL_OWNER = "nobody"
"""The Maildirs belong to this user (Postfix's virtual delivery refuses root)."""


def require_mail_server() -> None:
    """Skip without Postfix and Dovecot on a developer machine; fail in CI, where
    ``.ci/setup`` installs them."""
    if POSTFIX and DOVECOT:
        return
    if os.environ.get("CI"):
        pytest.fail("CI must have postfix and dovecot-core: .ci/setup installs them")
    pytest.skip("needs Debian's postfix and dovecot-core (bash .ci/setup as root)")


MAIN_CF = """\
compatibility_level = 3.6
queue_directory = {dir}/postfix/queue
data_directory = {dir}/postfix/data
meta_directory = /etc/postfix
maillog_file = {dir}/maillog
maillog_file_prefixes = {dir}
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = {interfaces}
inet_protocols = all
myhostname = mail.{domain}
mydomain = {domain}
myorigin = {domain}
mydestination =
mynetworks = 127.0.0.0/8
local_recipient_maps =
local_transport = error:no local delivery in tests
alias_maps =
alias_database =
default_transport = error:no mail leaves the test network
relay_transport = error:no mail leaves the test network
virtual_mailbox_domains = {domain}
virtual_mailbox_base = {dir}/mail
virtual_mailbox_maps = texthash:{dir}/mailboxes
virtual_uid_maps = static:{uid}
virtual_gid_maps = static:{gid}
biff = no
smtputf8_enable = no
smtpd_banner = $myhostname ESMTP
smtpd_tls_chain_files = {dir}/server.pem
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = {dir}/auth
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
smtp_tls_security_level = none
"""

SUBMISSION = """\
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
"""

MASTER_CF = f"""\
25        inet  n       -       n       -       -       smtpd
587       inet  n       -       n       -       -       smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
{SUBMISSION}465       inet  n       -       n       -       -       smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
{SUBMISSION}pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
virtual   unix  -       n       n       -       -       virtual
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""

DOVECOT_CONF = """\
base_dir = {dir}/dovecot
state_dir = {dir}/dovecot-state
instance_name = op25b-test-{tag}
protocols = none
log_path = {dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {dir}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/mail/%d/%n
}}
service auth {{
  unix_listener {dir}/auth {{
    mode = 0660
    user = postfix
    group = postfix
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass
class MailHost:
    """The running Postfix + Dovecot; ``maildir(user)`` holds what was delivered."""

    directory: Path
    net: Op25bNetwork
    users: dict[str, str]

    def maildir(self, user: str) -> Path:
        local, _, domain = user.partition("@")
        return self.directory / "mail" / domain / local

    def delivered(self, user: str) -> list[Message]:
        """Messages in *user*'s Maildir (new and cur), oldest first."""
        box = self.maildir(user)
        files = sorted((p for sub in ("new", "cur") if (box / sub).is_dir()
                        for p in (box / sub).iterdir()), key=lambda p: p.stat().st_mtime)
        return [message_from_bytes(p.read_bytes()) for p in files]

    def wait_delivered(self, user: str, count: int, timeout: float = 30.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.delivered(user)
            if len(messages) >= count:
                return messages
            time.sleep(0.2)
        raise AssertionError(f"{count} message(s) for {user} not delivered in {timeout:.0f} s; "
                             f"log:\n{self.log()}")

    def log(self) -> str:
        texts = []
        for name in ("maillog", "dovecot.log"):
            path = self.directory / name
            if path.exists():
                texts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(texts)


def _server_exec(net: Op25bNetwork, *argv: str) -> subprocess.CompletedProcess:
    """Run *argv* in the server namespace. Its output goes to a file, not a pipe: a daemon
    that keeps the pipe open would hold the call until it exits."""
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.run(["ip", "netns", "exec", net.server, *argv], stdout=out,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
                              timeout=60)
        out.seek(0)
        proc.stdout = proc.stderr = out.read()
    return proc


def _pids_in(netns: str) -> list[int]:
    proc = subprocess.run(["ip", "netns", "pids", netns], capture_output=True, text=True)
    return [int(p) for p in proc.stdout.split()]


@contextlib.contextmanager
def mail_host(net: Op25bNetwork, ca: TestCA, users: dict[str, str]) -> Iterator[MailHost]:
    """Start Postfix and Dovecot in *net*'s server namespace; stop them and remove every file
    they wrote on the way out."""
    require_mail_server()
    # a short path: Dovecot's and Postfix's unix sockets live under it
    directory = Path(tempfile.mkdtemp(prefix="op25b-mx-"))
    os.chmod(directory, 0o755)
    import pwd  # POSIX only; the mail host runs in a Linux network namespace

    owner = pwd.getpwnam(MAIL_OWNER)
    values = {"dir": directory, "domain": DOMAIN, "uid": owner.pw_uid, "gid": owner.pw_gid,
              "interfaces": f"{net.server_v4}, [{net.server_v6}]", "tag": directory.name[-8:]}
    host = MailHost(directory, net, dict(users))
    started: list[str] = []
    try:
        ca.write_server_pem(directory / "server.pem")
        config = directory / "postfix"
        config.mkdir()
        (config / "main.cf").write_text(MAIN_CF.format(**values))
        (config / "master.cf").write_text(MASTER_CF)
        (directory / "dovecot.conf").write_text(DOVECOT_CONF.format(**values))
        users_file = directory / "users"
        users_file.write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in users.items()))
        os.chmod(users_file, 0o640)
        shutil.chown(users_file, group="dovecot")
        (directory / "mailboxes").write_text(
            "".join(f"{u} {u.partition('@')[2]}/{u.partition('@')[0]}/\n" for u in users))
        mail = directory / "mail"
        mail.mkdir()
        shutil.chown(mail, owner.pw_uid, owner.pw_gid)
        for sub in ("queue", "data"):
            (config / sub).mkdir()
        shutil.chown(config / "data", "postfix")

        dovecot = _server_exec(net, DOVECOT or "dovecot", "-c", str(directory / "dovecot.conf"))
        if dovecot.returncode != 0:
            raise RuntimeError(f"dovecot did not start: {dovecot.stderr}{host.log()}")
        started.append("dovecot")
        postfix = _server_exec(net, POSTFIX or "postfix", "-c", str(config), "start")
        if postfix.returncode != 0:
            raise RuntimeError(f"postfix did not start: {postfix.stderr}{host.log()}")
        started.append("postfix")
        _wait_listening(net, (25, 587, 465), host)
        yield host
    finally:
        if "postfix" in started:
            _server_exec(net, POSTFIX or "postfix", "-c", str(directory / "postfix"), "stop")
        if "dovecot" in started:
            pid_file = directory / "dovecot" / "master.pid"
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)
        _stop_everything_in(net.server)
        shutil.rmtree(directory, ignore_errors=True)


def _wait_listening(net: Op25bNetwork, ports: tuple[int, ...], host: MailHost) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        out = _server_exec(net, "ss", "-Hltn").stdout
        if all(f":{port} " in out for port in ports) and (host.directory / "auth").exists():
            return
        time.sleep(0.2)
    raise RuntimeError(f"postfix/dovecot not listening on {ports}: {host.log()}")


def _stop_everything_in(netns: str, timeout: float = 15.0) -> None:
    """Every process left in the server namespace (Postfix's and Dovecot's children) ends."""
    deadline = time.monotonic() + timeout
    sig = signal.SIGTERM
    while (pids := _pids_in(netns)) and time.monotonic() < deadline:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        time.sleep(0.3)
        if time.monotonic() > deadline - timeout / 2:
            sig = signal.SIGKILL
    for pid in _pids_in(netns):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
