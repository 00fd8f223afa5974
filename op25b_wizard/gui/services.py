"""What the wizard asks of the core, in one replaceable bundle.

Every call here may block (files, the network, D-Bus), so the pages only call them from a
:mod:`~op25b_wizard.gui.workers` thread. Core modules are imported when first used: the first
page paints before the engine, the mail clients or the keyring are loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from op25b_wizard.core.clients.base import (
        Account,
        AccountScan,
        ApplyResult,
        Change,
        MailClient,
        SmtpSettings,
    )
    from op25b_wizard.core.clients.reverting import UndoResult
    from op25b_wizard.core.lookup.result import LookupResult
    from op25b_wizard.core.model import ProbeEvent, ProbeReport, ProbeRequest
    from op25b_wizard.core.secrets import BackendStatus


@dataclass
class Services:
    """The core behind the wizard. *home*/*env* point the mail-client search elsewhere (tests)."""

    home: Path | None = None
    env: Mapping[str, str] | None = None
    lookup_config: Any = None
    probe_wrapper: Callable[[Callable[[], Any]], Any] | None = field(default=None, repr=False)
    """Runs each probe (tests use it to enter a network namespace on the worker thread)."""

    def mail_clients(self) -> list[MailClient]:
        from op25b_wizard.core.clients import registry

        return registry.all_clients(home=self.home, env=dict(self.env) if self.env else None)

    def installed(self, client: str) -> bool | None:
        """Whether the mail program is installed (it may have no profile yet)."""
        from op25b_wizard.core.clients.installed import installed

        return installed(client, home=self.home, env=dict(self.env) if self.env else None)

    def find_accounts(self) -> AccountScan:
        """Every account of every installed client; a settings file that cannot be read is
        left out (and named), so it does not hide the others."""
        from op25b_wizard.core.clients.base import AccountScan

        found = AccountScan()
        for client in self.mail_clients():
            scan = client.scan()
            found.accounts.extend(scan.accounts)
            found.unreadable.extend(scan.unreadable)
        return found

    def client_for(self, account: Account) -> MailClient:
        for client in self.mail_clients():
            if client.name == account.client:
                return client
        raise LookupError(f"mail client {account.client!r} not found")

    def lookup(self, email: str, cancel: threading.Event) -> LookupResult:
        from op25b_wizard.core.lookup import lookup

        return lookup(email, self.lookup_config, cancel=cancel)

    def company_preset(self, email: str) -> LookupResult | None:
        """What the company preset (``--preset`` or beside the program) says for *email*, or
        None when there is none or it does not cover the address's domain. Local files only."""
        import dataclasses

        from op25b_wizard.core.lookup import LookupConfig, lookup

        config = dataclasses.replace(self.lookup_config or LookupConfig(), offline=True,
                                     use_bundled_providers=False)
        try:
            result = lookup(email, config)
        except ValueError:  # an unreadable preset or address: the account's own server stays
            return None
        return result if result.source == "preset" and result.outgoing else None

    def run_probe(self, request: ProbeRequest, on_event: Callable[[ProbeEvent], None],
                  cancel: threading.Event) -> ProbeReport:
        from op25b_wizard.core.probe import run_probe

        if self.probe_wrapper is not None:
            return self.probe_wrapper(lambda: run_probe(request, on_event, cancel))
        return run_probe(request, on_event, cancel)

    def backend_status(self) -> BackendStatus:
        from op25b_wizard.core import secrets

        return secrets.backend_status()

    def store_password(self, host: str, user: str, password: str) -> None:
        from op25b_wizard.core import secrets

        secrets.store_password(host, user, password)

    def delete_password(self, host: str, user: str) -> None:
        from op25b_wizard.core import secrets

        secrets.delete_password(host, user)
        secrets.delete_msmtp_secret(host, user)  # the copy msmtp reads, when this program made one

    def is_running(self, account: Account) -> bool:
        return self.client_for(account).is_running(account.profile)

    def plan(self, account: Account, after: SmtpSettings) -> Change:
        return self.client_for(account).plan(account.email, after, account.profile, key=account.key)

    def apply(self, change: Change) -> ApplyResult:
        return self.client_for(change.account).apply(change)

    def undo(self, account: Account) -> UndoResult:
        return self.client_for(account).undo(account.profile)
