"""The lookup chain against real local servers: autoconfig and ISPDB over HTTPS (a test CA),
plain http, a DNS server for MX and SRV. Nothing leaves the machine."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from op25b_wizard.core.lookup import AutoconfigError, LookupConfig, lookup
from op25b_wizard.core.lookup.result import OutgoingServer
from tests.support.dns_server import ZoneResolver, local_dns, port_of
from tests.support.http_servers import LocalWeb, Page, autoconfig_xml, local_web
from tests.support.servers import TestCA

DOMAIN = "example.jp"
EMAIL = f"taro@{DOMAIN}"
AC = "/ac/{domain}/mail/config-v1.1.xml"
WK = "/{domain}/.well-known/autoconfig/mail/config-v1.1.xml"
GOOD = autoconfig_xml(("smtp.example.jp", 465, "SSL", "%EMAILADDRESS%", "password-cleartext"),
                      ("smtp.example.jp", 587, "STARTTLS", "%EMAILADDRESS%", "password-cleartext"),
                      domains=(DOMAIN,))
ISPDB_DOC = autoconfig_xml(("mail.isp.example", 587, "STARTTLS", "%EMAILLOCALPART%",
                            "password-cleartext"), domains=(DOMAIN,))


def path(template: str, domain: str = DOMAIN) -> str:
    return template.format(domain=domain)


@dataclass
class Net:
    """Local stand-ins for the internet: an https site, an http site, a DNS server."""

    https: LocalWeb
    http: LocalWeb
    dns: ZoneResolver
    dns_port: int
    cafile: str

    def config(self, **overrides) -> LookupConfig:
        cfg = LookupConfig(
            use_bundled_preset=False,
            autoconfig_urls=(self.https.base + AC, self.https.base + WK,
                             self.http.base + AC, self.http.base + WK),
            ispdb_url=self.https.base + "/ispdb/",
            nameservers=("127.0.0.1",), dns_port=self.dns_port,
            cafile=self.cafile, use_system_trust=False,
            guess=False, http_timeout=2.0, dns_timeout=1.0)
        for k, v in overrides.items():
            setattr(cfg, k, v)
        return cfg

    def requests(self) -> list[str]:
        return self.https.requests + self.http.requests


@contextlib.contextmanager
def local_net(test_ca: TestCA, zone: str = "") -> Iterator[Net]:
    with local_web(tls=test_ca.server_context()) as https, local_web() as http, \
            local_dns(zone) as (server, resolver):
        yield Net(https, http, resolver, port_of(server), str(test_ca.cafile))


@pytest.fixture
def net(test_ca) -> Iterator[Net]:
    with local_net(test_ca) as n:
        yield n


def test_provider_autoconfig_over_https_is_used_and_trusted(net):
    net.https.routes[path(AC)] = Page(GOOD)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    r = lookup(EMAIL, net.config())
    assert r.source == "autoconfig"
    assert r.outgoing == [OutgoingServer("smtp.example.jp", 465, "tls", "normal", EMAIL),
                          OutgoingServer("smtp.example.jp", 587, "starttls", "normal", EMAIL)]
    assert r.network_reached and not r.needs_confirmation
    assert any(net.https.base + path(AC) in n.render() for n in r.notes)


def test_well_known_location_when_autoconfig_host_has_nothing(net):
    net.https.routes[path(WK)] = Page(GOOD)
    r = lookup(EMAIL, net.config(ispdb_url=None))
    assert r.source == "autoconfig" and r.outgoing[0].port == 465


def test_plain_http_answer_needs_confirmation(net):
    net.http.routes[path(AC)] = Page(GOOD)
    r = lookup(EMAIL, net.config(ispdb_url=None))
    assert r.source == "autoconfig" and r.needs_confirmation
    assert any("plain http" in n.render() for n in r.notes)


def test_https_wins_over_http_even_when_http_answers_first(net):
    net.http.routes[path(AC)] = Page(autoconfig_xml(("evil.example", 465, "SSL", "%EMAILADDRESS%")))
    net.https.routes[path(AC)] = Page(GOOD, delay=0.3)
    r = lookup(EMAIL, net.config())
    assert r.source == "autoconfig" and r.outgoing[0].host == "smtp.example.jp"
    assert not r.needs_confirmation


def test_ispdb_when_the_provider_publishes_nothing(net):
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    r = lookup(EMAIL, net.config())
    assert r.source == "ispdb"
    assert r.outgoing == [OutgoingServer("mail.isp.example", 587, "starttls", "normal", "taro")]
    assert "/ispdb/" + DOMAIN in net.https.requests


def test_ispdb_is_asked_for_the_ascii_domain(net):
    idn = "xn--r8jz45g.jp"
    net.https.routes["/ispdb/" + idn] = Page(ISPDB_DOC)
    r = lookup("花子@例え.jp", net.config())
    assert r.source == "ispdb" and r.outgoing[0].username == "花子"
    assert "/ispdb/" + idn in net.https.requests


def test_slow_higher_priority_source_is_waited_for_only_its_timeout(net):
    net.https.routes[path(AC)] = Page(GOOD, delay=30)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    t0 = time.monotonic()
    r = lookup(EMAIL, net.config(http_timeout=1.0))
    assert r.source == "ispdb"
    assert time.monotonic() - t0 < 5


def test_a_slower_higher_priority_answer_still_wins_within_its_timeout(net):
    net.https.routes[path(AC)] = Page(GOOD, delay=0.5)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    r = lookup(EMAIL, net.config(http_timeout=5.0))
    assert r.source == "autoconfig"


def test_slow_lower_priority_source_is_not_waited_for(net):
    net.https.routes[path(AC)] = Page(GOOD)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC, delay=30)
    t0 = time.monotonic()
    r = lookup(EMAIL, net.config(http_timeout=20.0))
    assert r.source == "autoconfig"
    assert time.monotonic() - t0 < 5


@pytest.mark.parametrize("body, words", [
    (b'<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b"<clientConfig>&b;</clientConfig>", "document type or entities"),
    (b'<!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><clientConfig>&x;</clientConfig>',
     "document type or entities"),
    (b"<clientConfig><emailProvider>", "not valid XML"),
    (b"<html>Please sign in to the hotel Wi-Fi</html>", "not a mail settings file"),
])
def test_hostile_or_broken_autoconfig_is_refused_and_the_next_source_used(net, body, words):
    net.https.routes[path(AC)] = Page(body)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    r = lookup(EMAIL, net.config())
    assert r.source == "ispdb"
    assert any(words in n.render() and path(AC) in n.render() for n in r.notes)


def test_huge_document_is_refused_without_reading_it_all(net):
    net.https.routes[path(AC)] = Page(b"<clientConfig>" + b" " * 2_000_000 + b"</clientConfig>")
    net.https.routes[path(WK)] = Page(b"x" * 5000, headers={"Content-Length": "5000"})
    r = lookup(EMAIL, net.config(max_bytes=4000, ispdb_url=None))
    assert r.source == "none"
    refused = [n for n in r.notes if "larger than 4 KB" in n.render()]
    assert len(refused) == 2


def test_certificate_from_an_unknown_issuer_is_not_trusted(net, test_ca):
    with local_web({path(AC): Page(GOOD)}, tls=TestCA.unknown_issuer_context()) as rogue:
        cfg = net.config(autoconfig_urls=(rogue.base + AC,))
        net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
        r = lookup(EMAIL, cfg)
    assert r.source == "ispdb"
    assert any("did not prove its identity" in n.render() for n in r.notes)


def test_redirects_are_followed_within_https_only(net):
    net.https.routes[path(AC)] = Page(status=302, headers={"Location": "/moved.xml"})
    net.https.routes["/moved.xml"] = Page(GOOD)
    r = lookup(EMAIL, net.config(ispdb_url=None, autoconfig_urls=(net.https.base + AC,)))
    assert r.source == "autoconfig" and not r.needs_confirmation
    net.https.routes[path(AC)] = Page(status=301,
                                      headers={"Location": net.http.base + "/plain.xml"})
    net.http.routes["/plain.xml"] = Page(GOOD)
    r = lookup(EMAIL, net.config(ispdb_url=None, autoconfig_urls=(net.https.base + AC,)))
    assert r.source == "none"
    assert "/plain.xml" not in net.http.requests
    assert any("without https" in n.render() for n in r.notes)


@pytest.mark.parametrize("hops", [{"/a": "/a"}, {"/a": "/b", "/b": "/a"},
                                  {f"/{i}": f"/{i + 1}" for i in range(1, 6)}],
                         ids=["to itself", "a to b to a", "too many"])
def test_a_redirect_loop_has_its_own_note(net, hops):
    """Not 'sent elsewhere without https': every hop was https."""
    net.https.routes[path(AC)] = Page(status=302, headers={"Location": next(iter(hops))})
    for here, there in hops.items():
        net.https.routes[here] = Page(status=302, headers={"Location": there})
    r = lookup(EMAIL, net.config(ispdb_url=None, autoconfig_urls=(net.https.base + AC,)))
    assert r.source == "none" and r.network_reached
    texts = [n.render() for n in r.notes]
    assert any("round in circles" in t for t in texts), texts
    assert not any("without https" in t for t in texts)
    assert len(net.https.requests) <= 4  # at most max_redirects (3) hops after the first


def test_a_redirect_without_a_location_is_not_called_insecure(net):
    net.https.routes[path(AC)] = Page(status=302)
    r = lookup(EMAIL, net.config(ispdb_url=None, autoconfig_urls=(net.https.base + AC,)))
    assert r.source == "none"
    assert not any("without https" in n.render() for n in r.notes)


@pytest.mark.parametrize("location", ["https://[::1/x", "https://127.0.0.1:99999/x"])
def test_a_redirect_to_an_invalid_url_is_refused_with_a_note(net, location, caplog):
    net.https.routes[path(AC)] = Page(status=302, headers={"Location": location})
    r = lookup(EMAIL, net.config(ispdb_url=None, autoconfig_urls=(net.https.base + AC,)))
    assert r.source == "none" and r.network_reached
    assert any("not valid; not followed" in n.render() for n in r.notes)
    assert "Traceback" not in caplog.text and not any(rec.exc_info for rec in caplog.records)


def test_a_refusal_on_the_mx_step_is_reported(test_ca):
    zone = f"{DOMAIN}. 60 IN MX 10 mx1.mail.provider.co.jp.\n"
    with local_net(test_ca, zone) as net:
        net.https.routes["/ispdb/provider.co.jp"] = Page(b"<clientConfig><emailProvider>")
        r = lookup(EMAIL, net.config())
    assert r.source == "none"
    assert any("not valid XML (line 1, column" in n.render() for n in r.notes)


def test_mx_base_domain_is_looked_up_in_the_ispdb(test_ca):
    zone = f"{DOMAIN}. 60 IN MX 10 mx1.mail.provider.co.jp.\n"
    with local_net(test_ca, zone) as net:
        net.https.routes["/ispdb/provider.co.jp"] = Page(ISPDB_DOC)
        r = lookup(EMAIL, net.config())
        assert (DOMAIN, "MX") in net.dns.queries
    assert r.source == "mx" and r.outgoing[0].host == "mail.isp.example"
    assert r.needs_confirmation  # an unsigned DNS answer chose this server
    assert "mx1.mail.provider.co.jp" in r.notes[0].render()


def test_mx_of_a_known_provider_uses_the_bundled_data(test_ca):
    zone = (f"{DOMAIN}. 60 IN MX 1 aspmx.l.google.com.\n"
            f"{DOMAIN}. 60 IN MX 5 alt1.aspmx.l.google.com.\n")
    with local_net(test_ca, zone) as net:
        r = lookup(EMAIL, net.config())
    assert r.source == "mx" and r.needs_confirmation
    assert [(s.host, s.port) for s in r.outgoing] == [("smtp.gmail.com", 465),
                                                      ("smtp.gmail.com", 587)]
    assert "Gmail" in r.notes[0].render()


def test_srv_is_only_a_suggestion(test_ca):
    zone = (f"_submissions._tcp.{DOMAIN}. 60 IN SRV 0 1 465 submit.example.jp.\n"
            f"_submission._tcp.{DOMAIN}. 60 IN SRV 0 1 587 submit.example.jp.\n")
    with local_net(test_ca, zone) as net:
        r = lookup(EMAIL, net.config())
    assert r.source == "srv" and r.needs_confirmation
    assert r.outgoing == [OutgoingServer("submit.example.jp", 465, "tls", "normal", EMAIL),
                          OutgoingServer("submit.example.jp", 587, "starttls", "normal", EMAIL)]
    assert any("not signed" in n.render() for n in r.notes)


def test_srv_with_no_service_target_is_ignored(test_ca):
    zone = f"_submissions._tcp.{DOMAIN}. 60 IN SRV 0 0 0 .\n"
    with local_net(test_ca, zone) as net:
        r = lookup(EMAIL, net.config())
    assert r.source == "none"


def test_nothing_found_online_says_what_to_do(net):
    r = lookup(EMAIL, net.config())
    assert r.source == "none" and r.network_reached
    assert "Ask your provider or IT" in r.notes[-1].render()


def test_offline_touches_nothing(net):
    net.https.routes[path(AC)] = Page(GOOD)
    r = lookup(EMAIL, net.config(offline=True))
    assert r.source == "none"
    assert net.requests() == [] and net.dns.queries == []


def test_bundled_data_wins_without_asking_the_network(net):
    net.https.routes["/ispdb/ocn.ne.jp"] = Page(ISPDB_DOC)
    r = lookup("taro@ocn.ne.jp", net.config())
    assert r.source == "bundled" and net.requests() == [] and net.dns.queries == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_silent_dns_and_refused_connections_mean_the_network_was_not_reached(net):
    dead = f"https://127.0.0.1:{closed_port()}"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as blackhole:  # never answers
        blackhole.bind(("127.0.0.1", 0))
        cfg = net.config(autoconfig_urls=(dead + AC, dead + WK), ispdb_url=dead + "/ispdb/",
                         dns_port=blackhole.getsockname()[1], http_timeout=10.0,
                         dns_timeout=0.5)
        t0 = time.monotonic()
        r = lookup(EMAIL, cfg)
        elapsed = time.monotonic() - t0
    # bounded by the DNS timeout (MX, then two SRV queries), not by the 10 s HTTP timeout
    assert elapsed < 4
    assert r.source == "none" and r.network_reached is False
    assert any("network was not reached" in n.render() for n in r.notes)


def test_cancel_returns_promptly(net):
    net.https.routes[path(AC)] = Page(GOOD, delay=30)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    t0 = time.monotonic()
    r = lookup(EMAIL, net.config(http_timeout=20.0), cancel=cancel)
    assert time.monotonic() - t0 < 3
    assert r.source == "none" and any("cancelled" in n.render() for n in r.notes)


# --- the company preset -------------------------------------------------------------------

PRESET = autoconfig_xml(("smtp.corp.example", 587, "STARTTLS", "%EMAILLOCALPART%",
                         "password-cleartext"), domains=(DOMAIN, "gmail.com"), name="Corp IT")


def test_preset_wins_over_everything(net, tmp_path):
    preset = tmp_path / "corp.xml"
    preset.write_bytes(PRESET)
    net.https.routes[path(AC)] = Page(GOOD)
    r = lookup(EMAIL, net.config(preset=preset))
    assert r.source == "preset" and r.outgoing[0].host == "smtp.corp.example"
    assert r.outgoing[0].username == "taro"
    assert net.requests() == []
    # even over bundled provider data, for the domains it lists
    assert lookup("a@gmail.com", net.config(preset=preset)).source == "preset"


def test_preset_for_other_domains_is_passed_over_with_a_note(net, tmp_path):
    preset = tmp_path / "corp.xml"
    preset.write_bytes(PRESET)
    r = lookup("taro@ocn.ne.jp", net.config(preset=preset))
    assert r.source == "bundled"
    assert any("does not cover ocn.ne.jp" in n.render() for n in r.notes)


def test_invalid_explicit_preset_is_an_error(net, tmp_path):
    preset = tmp_path / "corp.xml"
    preset.write_bytes(b'<!DOCTYPE x [<!ENTITY e "e">]><clientConfig>&e;</clientConfig>')
    with pytest.raises(AutoconfigError, match="document type or entities"):
        lookup(EMAIL, net.config(preset=preset))
    with pytest.raises(AutoconfigError, match="cannot be read"):
        lookup(EMAIL, net.config(preset=tmp_path / "missing.xml"))


def test_preset_beside_the_app_is_found_and_a_broken_one_only_noted(net, tmp_path):
    (tmp_path / "op25b-preset.xml").write_bytes(PRESET)
    cfg = net.config(use_bundled_preset=True, bundled_preset_dir=tmp_path)
    assert lookup(EMAIL, cfg).source == "preset"
    (tmp_path / "op25b-preset.xml").write_bytes(b"<clientConfig")
    r = lookup("taro@ocn.ne.jp", cfg)
    assert r.source == "bundled"
    assert any("not valid XML" in n.render() for n in r.notes)


@pytest.mark.parametrize("port", ["²", "①"])
def test_a_preset_beside_the_app_with_a_port_of_other_digits_only_adds_a_note(net, tmp_path,
                                                                             port):
    (tmp_path / "op25b-preset.xml").write_bytes(PRESET.replace(b"<port>587</port>",
                                                               f"<port>{port}</port>".encode()))
    cfg = net.config(use_bundled_preset=True, bundled_preset_dir=tmp_path)
    r = lookup("taro@ocn.ne.jp", cfg)
    assert r.source == "bundled"
    assert any("no usable outgoing" in n.render() for n in r.notes)
    net.https.routes[path(AC)] = Page(GOOD)
    r = lookup(EMAIL, cfg)
    assert r.source == "autoconfig" and r.outgoing[0].host == "smtp.example.jp"


@pytest.mark.parametrize("port", ["²", "①"])
def test_an_autoconfig_document_with_a_port_of_other_digits_is_passed_over(net, port):
    net.https.routes[path(AC)] = Page(GOOD.replace(b"<port>465</port>",
                                                   f"<port>{port}</port>".encode()))
    r = lookup(EMAIL, net.config(ispdb_url=None))
    assert r.source == "autoconfig" and [s.port for s in r.outgoing] == [587]
    assert any("left out" in n.render() for n in r.notes)


def test_a_user_name_with_a_line_break_from_autoconfig_is_not_used(net):
    evil = autoconfig_xml(("smtp.example.jp", 465, "SSL", "taro\n  2. evil.example",
                           "password-cleartext"), domains=(DOMAIN,))
    net.https.routes[path(AC)] = Page(evil)
    net.https.routes["/ispdb/" + DOMAIN] = Page(ISPDB_DOC)
    r = lookup(EMAIL, net.config())
    assert r.source == "ispdb" and all("\n" not in s.username for s in r.outgoing)
    assert any("line break" in n.render() for n in r.notes)
