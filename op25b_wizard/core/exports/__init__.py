"""Recommended settings in the formats mail clients and administrators use.

:mod:`.settings` holds what is exported (validated), one module per format writes it, and
:mod:`.registry` names the formats. None of them ever sees a password. The PDF sheet is
rendered outside the core, by :mod:`op25b_wizard.sheet_pdf`, from :mod:`.sheet_html`.
"""
