"""The registrable ("base") domain of a host name, from a small built-in list of suffixes.

Enough for MX hosts of mail providers (``mx1.mail.example.co.jp`` -> ``example.co.jp``) without
fetching the Public Suffix List.
"""

from __future__ import annotations

# Second-level suffixes under which names are registered (a subset of the Public Suffix List:
# the countries whose mail providers users of this app meet most).
TWO_LEVEL_SUFFIXES: frozenset[str] = frozenset({
    # Japan (JPRS attribute-type domains)
    "co.jp", "ne.jp", "or.jp", "ac.jp", "ad.jp", "ed.jp", "go.jp", "gr.jp", "lg.jp",
    # United Kingdom
    "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk",
    # Australia, New Zealand
    "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
    "co.nz", "net.nz", "org.nz", "ac.nz", "govt.nz",
    # East and South-East Asia
    "co.kr", "or.kr", "ne.kr", "ac.kr", "go.kr", "com.cn", "net.cn", "org.cn", "edu.cn",
    "gov.cn", "com.tw", "net.tw", "org.tw", "edu.tw", "idv.tw", "com.hk", "net.hk", "org.hk",
    "edu.hk", "com.sg", "net.sg", "org.sg", "edu.sg", "com.my", "net.my", "org.my",
    "co.th", "in.th", "ac.th", "co.id", "or.id", "ac.id", "com.ph", "net.ph", "com.vn",
    "net.vn", "co.in", "net.in", "org.in", "ac.in", "gov.in",
    # Americas, Africa, Europe
    "com.br", "net.br", "org.br", "com.mx", "org.mx", "com.ar", "com.co", "com.pe",
    "co.za", "org.za", "ac.za", "com.tr", "net.tr", "org.tr", "co.il", "org.il", "ac.il",
    "com.ua", "com.pl", "co.at", "or.at",
})


def base_domain(host: str) -> str:
    """``mx1.mail.example.co.jp`` -> ``example.co.jp``; ``mx.example.com`` -> ``example.com``."""
    labels = [label for label in host.lower().rstrip(".").split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels)
    if ".".join(labels[-2:]) in TWO_LEVEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])
