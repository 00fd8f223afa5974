"""The provider data built into the app: right routes offline, quickly, with honest notes."""

from __future__ import annotations

import json
import re
import time
from importlib import resources

import pytest

from op25b_wizard.core.lookup import LookupConfig, lookup
from op25b_wizard.core.lookup.domains import base_domain
from op25b_wizard.core.lookup.providers import (
    NOTE_TEXTS,
    find_provider,
    find_provider_by_mx,
    load_providers,
)
from tests.support.http_servers import autoconfig_xml

OFFLINE = LookupConfig(offline=True, use_bundled_preset=False)


def first(email: str) -> tuple:
    r = lookup(email, OFFLINE)
    s = r.outgoing[0]
    return r.source, s.host, s.port, s.security, s.auth, s.username


@pytest.mark.parametrize("email, expected", [
    # OCN and BIGLOBE: 465 with SSL, the full address as user name
    ("taro@ocn.ne.jp", ("smtp.ocn.ne.jp", 465, "tls", "normal", "taro@ocn.ne.jp")),
    ("taro@biglobe.ne.jp", ("mail.biglobe.ne.jp", 465, "tls", "normal", "taro@biglobe.ne.jp")),
    # both also hand out addresses on subdomains
    ("taro@sirius.ocn.ne.jp", ("smtp.ocn.ne.jp", 465, "tls", "normal", "taro@sirius.ocn.ne.jp")),
    ("taro@xyz.biglobe.ne.jp", ("mail.biglobe.ne.jp", 465, "tls", "normal",
                                "taro@xyz.biglobe.ne.jp")),
    # @nifty: 587 (STARTTLS), the full address
    ("taro@nifty.com", ("smtp.nifty.com", 587, "starttls", "normal", "taro@nifty.com")),
    # IIJmio: 587 STARTTLS, local.domain as user name
    ("taro@iijmio-mail.jp", ("mbox.iijmio-mail.jp", 587, "starttls", "encrypted",
                             "taro.iijmio-mail.jp")),
    ("taro@miomio.jp", ("mbox.iijmio-mail.jp", 587, "starttls", "encrypted", "taro.miomio.jp")),
    ("taro@yahoo.co.jp", ("smtp.mail.yahoo.co.jp", 465, "tls", "normal", "taro@yahoo.co.jp")),
    ("taro@i.softbank.jp", ("smtp.softbank.jp", 465, "tls", "normal", "taro")),
    ("taro@mopera.net", ("mail.mopera.net", 465, "tls", "normal", "taro")),
    ("taro@gmail.com", ("smtp.gmail.com", 465, "tls", "normal", "taro@gmail.com")),
    ("taro@icloud.com", ("smtp.mail.me.com", 587, "starttls", "normal", "taro@icloud.com")),
    ("taro@outlook.jp", ("smtp-mail.outlook.com", 587, "starttls", "oauth2", "taro@outlook.jp")),
    ("taro@hotmail.co.jp", ("smtp-mail.outlook.com", 587, "starttls", "oauth2",
                            "taro@hotmail.co.jp")),
    ("TARO@Yahoo.com", ("smtp.mail.yahoo.com", 465, "tls", "normal", "TARO@yahoo.com")),
])
def test_bundled_providers_give_the_documented_route_offline(email, expected):
    assert first(email) == ("bundled", *expected)


def test_alternatives_are_kept_in_the_providers_order():
    r = lookup("taro@nifty.com", OFFLINE)
    assert [(s.port, s.security) for s in r.outgoing] == [(587, "starttls"), (465, "tls")]
    assert [s.auth for s in r.outgoing] == ["normal", "normal"]  # the first method each lists


def test_offline_answer_is_fast_and_says_the_network_was_not_used():
    t0 = time.monotonic()
    r = lookup("taro@ocn.ne.jp", OFFLINE)
    assert time.monotonic() - t0 < 1.0
    assert r.network_reached is False and not r.needs_confirmation
    assert any("network was not used" in n.render() for n in r.notes)
    # without --offline the built-in data still answers at once, without the network
    r = lookup("taro@ocn.ne.jp", LookupConfig(use_bundled_preset=False, ispdb_url="https://127.0.0.1:9/",
                                               autoconfig_urls=(), use_mx=False, use_srv=False,
                                               guess=False))
    assert r.source == "bundled" and r.network_reached is False
    assert any("network was not contacted" in n.render() for n in r.notes)


def test_oauth2_only_provider_is_reported_plainly():
    r = lookup("taro@outlook.com", OFFLINE)
    assert r.oauth2_only
    text = " ".join(n.render() for n in r.notes)
    assert "password will not work" in text and "app password" in text


def test_plain_only_route_is_flagged(tmp_path):
    preset = tmp_path / "old-isp.xml"
    preset.write_bytes(autoconfig_xml(("smtp.old-isp.example", 587, "plain", "%EMAILADDRESS%",
                                       "password-encrypted"), domains=("old-isp.example",)))
    r = lookup("taro@old-isp.example", LookupConfig(offline=True, use_bundled_preset=False,
                                                    preset=preset))
    assert r.source == "preset" and [s.security for s in r.outgoing] == ["none"]
    assert not r.oauth2_only and r.first_secure() is None
    assert any("without encryption" in n.render() for n in r.notes)


def test_app_password_note_names_the_provider_once():
    r = lookup("taro@gmail.com", OFFLINE)
    texts = [n.render() for n in r.notes]
    assert any(t.startswith("Gmail takes an app password") for t in texts)
    assert not any("prefers its own sign-in" in t for t in texts)


def test_unknown_domain_offline_finds_nothing_and_says_so():
    r = lookup("taro@unknown-isp.example", OFFLINE)
    assert r.source == "none" and r.outgoing == [] and not r.found
    assert "Nothing is known offline" in r.notes[0].render()


def test_every_entry_is_complete_and_valid():
    raw = json.loads(resources.files("op25b_wizard").joinpath("data/providers.json").read_text())
    ids = [p["id"] for p in raw["providers"]]
    assert len(ids) == len(set(ids))
    domains = [d for p in load_providers() for d in p.config.domains]
    assert len(domains) == len(set(domains)), "a domain belongs to one provider"
    for p in load_providers():
        assert p.source and re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.checked), p.id
        assert p.config.outgoing, p.id
        assert all(n in NOTE_TEXTS for n in p.notes)
        for s in p.config.outgoing:
            assert 1 <= s.port <= 65535 and s.socket_type in ("ssl", "starttls", "plain")
        assert find_provider(p.config.domains[0]) is p


def test_only_providers_with_subdomain_addresses_match_subdomains():
    assert find_provider("sirius.ocn.ne.jp").id == "ocn.ne.jp"
    assert find_provider("mail.gmail.com") is None
    assert find_provider("ne.jp") is None and find_provider("jp") is None


def test_mx_hosts_identify_providers():
    assert find_provider_by_mx("aspmx.l.google.com").id == "gmail.com"
    assert find_provider_by_mx("example-co-jp.mail.protection.outlook.com").id == "office365.com"
    assert find_provider_by_mx("eur.olc.protection.outlook.com").id == "outlook.com"
    assert find_provider_by_mx("bgmgate1.biglobe.ne.jp").id == "biglobe.ne.jp"
    assert find_provider_by_mx("mta7.am0.yahoodns.net").id == "yahoo.com"
    assert find_provider_by_mx("mx.example.ne.jp") is None
    assert find_provider_by_mx("ne.jp") is None


@pytest.mark.parametrize("host, base", [
    ("mx1.mail.example.co.jp", "example.co.jp"),
    ("mx.example.com", "example.com"),
    ("bgmgate1.biglobe.ne.jp", "biglobe.ne.jp"),
    ("mail.example.com.au", "example.com.au"),
    ("example.co.uk", "example.co.uk"),
    ("a.b.c.example.org.", "example.org"),
    ("example.com", "example.com"),
    ("mx.web.de", "web.de"),
    ("smtp.web.de", "web.de"),
    ("smtp.example.de", "example.de"),
])
def test_base_domain(host, base):
    assert base_domain(host) == base
