"""Autoconfig (config-v1.1) documents: parsed safely, placeholders filled in, hostile XML refused."""

from __future__ import annotations

import pytest

from op25b_wizard.core.lookup import AutoconfigError, parse_autoconfig, parse_email
from op25b_wizard.core.lookup.autoconfig import ascii_host, choose_auth, covers, routes_for
from op25b_wizard.core.lookup.result import OutgoingServer

IIJ_LIKE = b"""<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.jp">
    <domain>example.jp</domain>
    <domain>example.ne.jp</domain>
    <displayName>Example ISP</displayName>
    <incomingServer type="pop3">
      <hostname>pop.example.jp</hostname><port>995</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>mbox.%EMAILDOMAIN%</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%.%EMAILDOMAIN%</username>
      <authentication>password-encrypted</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.jp</hostname>
      <port>465</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>old.example.jp</hostname>
      <port>25</port>
      <socketType>plain</socketType>
      <authentication>none</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>
"""


def config(outgoing: str, domains: str = "<domain>example.jp</domain>") -> bytes:
    return (f'<clientConfig version="1.1"><emailProvider id="x">{domains}'
            f"{outgoing}</emailProvider></clientConfig>").encode()


def server(host="smtp.example.jp", port="465", socket="SSL", user="%EMAILADDRESS%",
           auth=("password-cleartext",)) -> str:
    auths = "".join(f"<authentication>{a}</authentication>" for a in auth)
    return (f'<outgoingServer type="smtp"><hostname>{host}</hostname><port>{port}</port>'
            f"<socketType>{socket}</socketType><username>{user}</username>{auths}"
            "</outgoingServer>")


def test_alternatives_placeholders_and_auth_in_document_order():
    cfg = parse_autoconfig(IIJ_LIKE, "test")
    assert cfg.display_name == "Example ISP"
    assert cfg.domains == ("example.jp", "example.ne.jp")
    routes = routes_for(cfg, parse_email("hanako@example.jp"), "test")
    assert routes.servers == [
        OutgoingServer("mbox.example.jp", 587, "starttls", "encrypted", "hanako.example.jp"),
        OutgoingServer("smtp.example.jp", 465, "tls", "normal", "hanako@example.jp"),
        OutgoingServer("old.example.jp", 25, "none", "none", ""),
    ]
    assert routes.oauth2_offered  # OAuth2 listed next to a password method
    assert routes.notes == []


def test_unicode_domain_goes_ascii_in_host_names_and_readable_in_user_names():
    cfg = parse_autoconfig(config(server(host="smtp.%EMAILDOMAIN%")), "test")
    (s,) = routes_for(cfg, parse_email("花子@例え.テスト"), "test").servers
    assert s.host == "smtp.xn--r8jz45g.xn--zckzah"
    assert s.username == "花子@例え.テスト"


def test_unusable_entries_are_left_out_with_a_note():
    doc = config(server(port="99999") + server(socket="TLS1.3-magic") + server(host="bad host!")
                 + server(port="abc") + server(host="ok.example.jp", port="587", socket="STARTTLS")
                 + '<outgoingServer type="ews"><hostname>x</hostname></outgoingServer>')
    cfg = parse_autoconfig(doc, "https://autoconfig.example.jp/mail/config-v1.1.xml")
    routes = routes_for(cfg, parse_email("a@example.jp"), "origin")
    assert [s.host for s in routes.servers] == ["ok.example.jp"]
    (note,) = routes.notes
    assert note.args["count"] == 4 and "left out" in note.render()


def test_missing_or_unknown_user_name_defaults_to_the_address_with_a_note():
    doc = config(server(user="%REALNAME%") + server(host="b.example.jp", user=""))
    routes = routes_for(parse_autoconfig(doc, "t"), parse_email("a@example.jp"), "t")
    assert [s.username for s in routes.servers] == ["a@example.jp", "a@example.jp"]
    assert any("full address" in n.render() for n in routes.notes)


@pytest.mark.parametrize("methods, expected", [
    ((), ("normal", False)),
    (("password-cleartext",), ("normal", False)),
    (("password-encrypted",), ("encrypted", False)),
    (("oauth2", "password-cleartext"), ("normal", True)),
    (("oauth2",), ("oauth2", True)),
    (("none",), ("none", False)),
    (("ntlm",), ("other", False)),
    (("client-ip-address",), ("other", False)),
    (("smtp-after-pop",), ("other", False)),
    (("gssapi", "password-encrypted"), ("encrypted", False)),
])
def test_auth_mapping(methods, expected):
    assert choose_auth(methods) == expected


def test_shift_jis_document_is_read():
    doc = ('<?xml version="1.0" encoding="Shift_JIS"?>'
           '<clientConfig version="1.1"><emailProvider id="x"><domain>example.jp</domain>'
           "<displayName>例のプロバイダ</displayName>" + server() +
           "</emailProvider></clientConfig>").encode("shift_jis")
    cfg = parse_autoconfig(doc, "t")
    assert cfg.display_name == "例のプロバイダ"
    assert cfg.outgoing[0].hostname == "smtp.example.jp"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<clientConfig><emailProvider id="x"><displayName>&lol9;</displayName>
<outgoingServer type="smtp"><hostname>a.example</hostname><port>465</port>
<socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider id="x">
<outgoingServer type="smtp"><hostname>&xxe;</hostname><port>465</port>
<socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE clientConfig SYSTEM "http://127.0.0.1:9/evil.dtd">
<clientConfig><emailProvider id="x">
<outgoingServer type="smtp"><hostname>a.example</hostname><port>465</port>
<socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>"""


@pytest.mark.parametrize("doc, words", [
    (BILLION_LAUGHS, "document type or entities"),
    (EXTERNAL_ENTITY, "document type or entities"),
    (EXTERNAL_DTD, "document type or entities"),
    (b"<clientConfig><emailProvider>", "not valid XML (line 1, column 30)"),
    (b"<a>\n<b></a>", "not valid XML (line 2, column 6)"),
    (b"\x00\x01binary", "not valid XML"),
    (b"<html><body>Welcome to our hotel</body></html>", "not a mail settings file"),
    (config(""), "no usable outgoing"),
    (config(server(port="0")), "no usable outgoing"),
    (b'<?xml version="1.0" encoding="no-such-codec"?><a/>', "readable text encoding"),
    (b"<clientConfig>" + b"<x/>" * 300_000 + b"</clientConfig>", "larger than 1000 KB"),
])
def test_hostile_and_broken_documents_are_refused_with_a_clear_message(doc, words):
    with pytest.raises(AutoconfigError) as info:
        parse_autoconfig(doc, "https://autoconfig.example.jp/mail/config-v1.1.xml")
    text = info.value.message.render()
    assert words in text
    assert "https://autoconfig.example.jp/mail/config-v1.1.xml" in text or words.startswith("larger")


def test_size_cap_is_configurable():
    doc = config(server())
    parse_autoconfig(doc, "t", max_bytes=len(doc))
    with pytest.raises(AutoconfigError):
        parse_autoconfig(doc, "t", max_bytes=len(doc) - 1)


@pytest.mark.parametrize("name, expected", [
    ("SMTP.Example.JP.", "smtp.example.jp"),
    ("smtp.例え.テスト", "smtp.xn--r8jz45g.xn--zckzah"),
    ("192.0.2.25", "192.0.2.25"),
    ("[2001:db8::25]", "2001:db8::25"),
    ("mailhost", "mailhost"),
    ("", None), ("bad host", None), ("-x.example.jp", None), ("a/b.example", None),
    ("http://smtp.example.jp", None), ("x" * 64 + ".example", None),
])
def test_ascii_host(name, expected):
    assert ascii_host(name) == expected


def test_covers_matches_listed_domains_only_and_an_empty_list_covers_all():
    cfg = parse_autoconfig(config(server(), "<domain>Example.JP</domain><domain>例え.テスト</domain>"),
                           "t")
    assert covers(cfg, "example.jp") and covers(cfg, "xn--r8jz45g.xn--zckzah")
    assert not covers(cfg, "other.jp")
    assert covers(parse_autoconfig(config(server(), ""), "t"), "anything.example")


@pytest.mark.parametrize("port", ["²", "①", "٣", "４６５", "465\u200b"])
def test_a_port_of_other_digits_leaves_the_entry_out_instead_of_failing(port):
    doc = config(server(port=port) + server(host="ok.example.jp", port="587", socket="STARTTLS"))
    routes = routes_for(parse_autoconfig(doc, "t"), parse_email("a@example.jp"), "t")
    assert [(s.host, s.port) for s in routes.servers] == [("ok.example.jp", 587)]
    assert any("left out" in n.render() for n in routes.notes)
    with pytest.raises(AutoconfigError, match="no usable outgoing"):
        parse_autoconfig(config(server(port=port)), "t")


@pytest.mark.parametrize("user", ["taro\n  2. evil.example, port 25", "taro&#10;x", "taro&#13;x",
                                  "a\x85b", "taro\u202egnp.exe", "a\u2028b", "a\tb"])
def test_a_user_name_with_a_line_break_or_control_character_is_refused_with_a_note(user):
    doc = config(server(user=user) + server(host="ok.example.jp", port="587", socket="STARTTLS"))
    cfg = parse_autoconfig(doc, "https://autoconfig.example.jp/x.xml")
    routes = routes_for(cfg, parse_email("a@example.jp"), "https://autoconfig.example.jp/x.xml")
    assert [s.host for s in routes.servers] == ["ok.example.jp"]
    assert any("line break or another control character" in n.render() for n in routes.notes)
    with pytest.raises(AutoconfigError, match="line break or another control character"):
        parse_autoconfig(config(server(user=user)), "t")
