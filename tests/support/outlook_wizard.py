"""The wizard fed Outlook fixture profiles (Windows only): the sample run's network and
keyring answers (no network, nothing kept), the real Outlook client on the registry.

``python -m tests.support.outlook_wizard DIR`` (in the Windows lane, under a virtual screen
with Qt's ``windows`` platform) saves the apply page in English and Japanese as
``DIR/en/06-apply-outlook.png`` and ``DIR/ja/06-apply-outlook.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from op25b_wizard.gui.screenshots import SampleServices
from op25b_wizard.gui.services import Services


class OutlookServices(SampleServices):
    """Sample answers for the network and the keyring; the mail clients are the real ones
    (Outlook reads the registry, its backups go to *local*)."""

    def __init__(self, home: Path, local: Path) -> None:
        super().__init__(home)
        self.env = {"HOME": str(home), "USERPROFILE": str(home), "APPDATA": str(home / "roaming"),
                    "LOCALAPPDATA": str(local)}

    find_accounts = Services.find_accounts
    is_running = Services.is_running
    plan = Services.plan
    apply = Services.apply
    undo = Services.undo


def walk_to_apply(wizard: Any, email: str, wait: Any) -> Any:
    """From the welcome page to the apply page with *email*'s account, the sample password
    tested; returns the apply page once its change is planned."""
    from op25b_wizard.core.wizard_state import PageId

    wizard.next()
    page = wizard.page_of(PageId.ACCOUNT)
    wait(lambda: page.accounts is not None)
    row = next(i for i, a in enumerate(page.accounts) if a.email == email)
    page.list.setCurrentRow(row)
    wizard.next()
    wait(lambda: wizard.state.report is not None and not wizard.page_of(PageId.PORT_TEST).busy)
    wizard.next()
    wizard.next()
    signin = wizard.page_of(PageId.SIGNIN)
    signin.password_edit.setText("correct horse battery staple")
    signin.test_signin()
    wait(lambda: wizard.state.login_verified is not None)
    wizard.next()
    apply_page = wizard.page_of(PageId.APPLY)
    wait(lambda: apply_page.change is not None and not apply_page.busy)
    return apply_page


def main(out: str) -> int:
    import tempfile

    from op25b_wizard.gui.app import create_wizard, ensure_app
    from op25b_wizard.gui.screenshots import SIZE, settle, wait_until
    from tests.support.outlook_registry import outlook_profiles

    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp, outlook_profiles():
        for lang in ("en", "ja"):
            services = OutlookServices(Path(tmp), Path(tmp) / "local")
            wizard = create_wizard(lang=lang, services=services)
            wizard.resize(SIZE)
            wizard.show()
            page = walk_to_apply(wizard, "taro@example.co.jp", wait_until)
            settle(wizard)
            target = Path(out) / lang / "06-apply-outlook.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            if not wizard.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(target)
            del page
            wizard.done(0)
            wizard.deleteLater()
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
