"""Validation of what is exported: bad input becomes one plain sentence, never a broken file."""

from __future__ import annotations

import pytest

from op25b_wizard.core.exports.registry import FORMATS, export
from op25b_wizard.core.exports.settings import (
    ExportError,
    check_diagnosis,
    incoming_note,
    make_before,
    make_settings,
    recommended_from_diagnosis,
    validate_email,
    validate_host,
    validate_port,
)

GOOD = dict(email="taro@example.co.jp", host="smtp.example.co.jp", port=587, security="starttls",
            username="taro@example.co.jp")


@pytest.mark.parametrize("text, expected", [
    ("SMTP.Example.CO.JP.", "smtp.example.co.jp"),
    ("  mail.example.test ", "mail.example.test"),
    ("192.0.2.25", "192.0.2.25"),
    ("[2001:db8::25]", "2001:db8::25"),
    ("メール.例え.jp", "xn--4dkua4c.xn--r8jz45g.jp"),  # as the idna package encodes it
])
def test_host_names_are_normalised(text, expected):
    assert validate_host(text) == expected


@pytest.mark.parametrize("text", ["", "smtp example.jp", "smtp_.example.jp", "-a.example.jp",
                                  "a..b", "1.2.3", "smtp.example.jp\nport 25", "a" * 64 + ".jp",
                                  "smtp.example.jp/25"])
def test_bad_host_names(text):
    with pytest.raises(ExportError) as e:
        validate_host(text)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("value", ["0", "65536", "587a", "-1", "", "25 "])
def test_bad_ports(value):
    if value == "25 ":
        assert validate_port(value) == 25
        return
    with pytest.raises(ExportError, match="is not a port number"):
        validate_port(value)


@pytest.mark.parametrize("text", ["taro", "taro@", "@example.jp", "taro@example", "ta ro@example.jp",
                                  "a@b@example.jp", "taro@exa mple.jp", "taro@example.jp\r\nBcc: x"])
def test_bad_addresses(text):
    with pytest.raises(ExportError):
        validate_email(text)


def test_unicode_address_is_kept_and_its_domain_encoded():
    s = make_settings(**{**GOOD, "email": "山田@例え.jp"})
    assert s.email == "山田@例え.jp" and s.domain == "xn--r8jz45g.jp" and s.local_part == "山田"


@pytest.mark.parametrize("field, value", [
    ("username", "taro\npasswordeval cat /etc/shadow"),
    ("username", "taro\u2028x"),
    ("username", "   "),
    ("display_name", "Taro\r\nYamada"),
    ("username", "x" * 257),
])
def test_line_breaks_cannot_inject_settings(field, value):
    with pytest.raises(ExportError):
        make_settings(**{**GOOD, field: value})


def test_an_unencrypted_route_needs_consent():
    with pytest.raises(ExportError, match="not encrypted"):
        make_settings(**{**GOOD, "security": "none"})
    assert make_settings(**{**GOOD, "security": "none"},
                         allow_unencrypted=True).outgoing.security == "none"


@pytest.mark.parametrize("field, value", [("security", "ssl"),
                                          ("auth", "ntlm"), ("incoming_type", "exchange"),
                                          ("incoming_security", "ssl")])
def test_choices_are_checked(field, value):
    with pytest.raises(ExportError, match="must be one of"):
        make_settings(**{**GOOD, field: value})


def test_incoming_defaults_are_noted_and_given_values_are_not():
    s = make_settings(**GOOD)
    assert (s.incoming.type, s.incoming.host, s.incoming.port, s.incoming.security) == (
        "imap", "smtp.example.co.jp", 993, "tls")
    note = str(incoming_note(s))
    assert "assumes IMAP at smtp.example.co.jp, port 993, security SSL/TLS" in note
    given = make_settings(**GOOD, incoming_type="pop3", incoming_host="pop.example.co.jp",
                          incoming_port=995, incoming_security="tls")
    assert given.incoming.assumed == () and incoming_note(given) is None
    partly = make_settings(**GOOD, incoming_type="pop3", incoming_security="starttls")
    assert partly.incoming.port == 110 and partly.incoming.assumed == ("host", "port")


def test_before_values():
    assert make_before() is None
    before = make_before("SMTP.example.co.jp", "25", "none", "none")
    assert (before.host, before.port, before.security, before.auth) == (
        "smtp.example.co.jp", 25, "none", "none")
    with pytest.raises(ExportError):
        make_before(port="twenty-five")


def test_support_code_is_checked():
    assert make_settings(**GOOD, support_code=" c2lcc-aj2an ").support_code == "C2LCC-AJ2AN"
    for bad in ("<b>", "7KQ3M XW2PD", "x" * 41):
        with pytest.raises(ExportError, match="support code"):
            make_settings(**GOOD, support_code=bad)


def test_recommended_route_from_a_diagnosis():
    diagnosis = {"ports": [], "recommended": {"host": "mail.example.test", "port": 465,
                                              "security": "tls", "auth": "normal",
                                              "username": "taro@example.test"},
                 "support_code": "C2LCC-AJ2AN"}
    assert recommended_from_diagnosis(check_diagnosis(diagnosis)) == diagnosis["recommended"]
    assert recommended_from_diagnosis({"recommended": None, "ports": []}) == {}
    assert "auth" not in recommended_from_diagnosis({"recommended": {"auth": "none"}})
    for bad in ([], {"ports": "x"}, {"host": "x"}, None):
        with pytest.raises(ExportError, match="not a saved"):
            check_diagnosis(bad)


def test_every_format_stays_well_formed_with_awkward_but_valid_values():
    """Quotes, ampersands, angle brackets, Japanese: accepted, and every format still writes."""
    s = make_settings(**{**GOOD, "username": 'a&b<c>"d\'e #f;g \\h'},
                      display_name='山田 "Taro" <T&Y>')
    for name, info in FORMATS.items():
        if info.render is not None:
            assert export(name, s)
