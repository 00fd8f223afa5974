"""The settings and the diagnosis as one JSON document, for helpdesk tools and tickets."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from op25b_wizard.core.exports.options import ExportOptions
from op25b_wizard.core.exports.settings import ExportSettings

FORMAT_NAME = "op25b-wizard-settings"
VERSION = 1


def document(settings: ExportSettings, options: ExportOptions) -> dict[str, Any]:
    incoming = asdict(settings.incoming)
    incoming["assumed"] = list(settings.incoming.assumed)
    return {
        "format": FORMAT_NAME,
        "version": VERSION,
        "generated_at": options.when().isoformat(timespec="seconds"),
        "email": settings.email,
        "display_name": settings.display_name,
        "outgoing": asdict(settings.outgoing),
        "incoming": incoming,
        "before": asdict(settings.before) if settings.before else None,
        "support_code": settings.support_code,
        "diagnosis": settings.diagnosis,
    }


def render(settings: ExportSettings, options: ExportOptions) -> str:
    return json.dumps(document(settings, options), ensure_ascii=False, indent=2) + "\n"
