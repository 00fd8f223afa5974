"""E-mail addresses as people type them: parse_email and the IDNA forms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from op25b_wizard.core.lookup import EmailAddress, EmailAddressError, parse_email


@pytest.mark.parametrize("text, local, uni, ascii_", [
    ("taro@ocn.ne.jp", "taro", "ocn.ne.jp", "ocn.ne.jp"),
    ("  Taro.Yamada@Example.CO.JP.  ", "Taro.Yamada", "example.co.jp", "example.co.jp"),
    # typed with a Japanese input method in full-width mode
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro", "example.jp", "example.jp"),
    ("花子@例え.テスト", "花子", "例え.テスト", "xn--r8jz45g.xn--zckzah"),
    ("x@xn--r8jz45g.xn--zckzah", "x", "例え.テスト", "xn--r8jz45g.xn--zckzah"),
    ("hans@bücher.de", "hans", "bücher.de", "xn--bcher-kva.de"),
    ("mailto:a+tag@example.com", "a+tag", "example.com", "example.com"),
])
def test_valid_addresses(text, local, uni, ascii_):
    e = parse_email(text)
    assert e == EmailAddress(local, uni, ascii_)
    assert e.address == f"{local}@{uni}"


@pytest.mark.parametrize("text, words", [
    ("", "Enter an e-mail address"),
    ("taro.example.jp", "no @"),
    ("@example.jp", "nothing before the @"),
    ("taro@", "no domain"),
    ("ta ro@example.jp", "space"),
    ("<taro>@example.jp", "character"),
    (".taro@example.jp", "dot"),
    ("ta..ro@example.jp", "dot"),
    ("taro@localhost", "no dot"),
    ("taro@-bad-.jp", "not a valid domain"),
    ("taro@exa mple.jp", "not a valid domain"),
    ("x" * 65 + "@example.jp", "too long"),
    ("taro@" + "a" * 63 + "." + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".jp", "too long"),
])
def test_invalid_addresses_say_why(text, words):
    with pytest.raises(ValueError) as info:
        parse_email(text)
    assert isinstance(info.value, EmailAddressError)
    assert words in str(info.value)
    assert words in info.value.message.render()


_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=20)


@settings(deadline=None)  # pure and fast, but a busy CI machine can stall any call
@given(local=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789+_-", min_size=1,
                     max_size=30),
       labels=st.lists(_label, min_size=2, max_size=4))
def test_ascii_addresses_round_trip(local, labels):
    domain = ".".join(labels)
    e = parse_email(f"{local}@{domain.upper()}")
    assert (e.local, e.domain_ascii, e.domain_unicode) == (local, domain, domain)
