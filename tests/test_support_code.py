"""Support codes: round trip over every combination, phone-safe alphabet, typos caught."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from op25b_wizard.core import support_code as sc
from op25b_wizard.core.model import OUTCOMES
from op25b_wizard.core.verdicts import VERDICT_IDS

CONFUSABLE = set("0O1Il")

port_entry = st.none() | st.tuples(st.sampled_from(OUTCOMES), st.sampled_from(sc.SECURITIES))
summaries = st.builds(
    sc.CodeSummary,
    ports=st.fixed_dictionaries({port: port_entry for port in sc.SLOTS}),
    op25b=st.sampled_from([None, True, False]),
    recommended_port=st.sampled_from([None, 465, 587, "other"]),
    verdicts=st.sets(st.sampled_from(VERDICT_IDS)).map(
        lambda s: tuple(v for v in VERDICT_IDS if v in s)),
)

EXAMPLE = sc.CodeSummary(
    ports={25: ("timeout", "none"), 587: ("auth_ok", "starttls"), 465: ("auth_ok", "tls")},
    op25b=True, recommended_port=465, verdicts=("op25b", "submission_ok"))

RELAXED = settings(deadline=None)
"""Pure, fast code: a busy CI machine must not turn slowness into a failure."""


@RELAXED
@given(summaries)
def test_round_trip(summary: sc.CodeSummary) -> None:
    assert sc.decode(sc.encode(summary)) == summary


@RELAXED
@given(summaries)
def test_short_and_free_of_confusable_characters(summary: sc.CodeSummary) -> None:
    code = sc.encode(summary)
    assert len(code) == 14
    assert not CONFUSABLE & set(code)
    assert set(code.replace("-", "")) <= set(sc.ALPHABET)


def test_alphabet_leaves_out_look_alikes() -> None:
    assert len(set(sc.ALPHABET)) == 32
    assert not CONFUSABLE & set(sc.ALPHABET)


@RELAXED
@given(summaries, st.integers(0, 11), st.sampled_from(sc.ALPHABET))
def test_a_single_character_typo_is_detected(summary: sc.CodeSummary, where: int,
                                             typed: str) -> None:
    code = sc.normalise(sc.encode(summary))
    if code[where] == typed:
        return
    with pytest.raises(sc.SupportCodeError):
        sc.decode(code[:where] + typed + code[where + 1:])


def test_every_single_character_typo_of_one_code_is_detected() -> None:
    """The check is linear, so catching every substitution in one code catches it in all."""
    code = sc.normalise(sc.encode(EXAMPLE))
    missed = []
    for where in range(len(code)):
        for typed in sc.ALPHABET:
            if typed != code[where]:
                try:
                    sc.decode(code[:where] + typed + code[where + 1:])
                    missed.append((where, typed))
                except sc.SupportCodeError:
                    pass
    assert missed == []


@pytest.mark.parametrize("spelling", [
    lambda c: c.lower(),
    lambda c: c.replace("-", ""),
    lambda c: c.replace("-", " ").lower(),
    lambda c: "-".join(c.replace("-", "")),
    lambda c: f"  {c}\t",
])
def test_lower_case_spaces_and_dashes_are_accepted(spelling) -> None:
    code = sc.encode(EXAMPLE)
    assert sc.decode(spelling(code)) == EXAMPLE


def test_format_is_three_groups_of_four() -> None:
    code = sc.encode(EXAMPLE)
    assert len(code) == 14 and code[4] == code[9] == "-"


def test_every_swap_of_two_neighbours_is_detected() -> None:
    code = sc.normalise(sc.encode(EXAMPLE))
    for where in range(len(code) - 1):
        swapped = code[:where] + code[where + 1] + code[where] + code[where + 2:]
        if swapped != code:
            with pytest.raises(sc.SupportCodeError):
                sc.decode(swapped)


# codes given out by the first version (ten characters), with what they said
FIRST_VERSION_CODES = {
    "C2LCC-AJ2AN": EXAMPLE,
    "G62G8-J33Y2": sc.CodeSummary(
        ports={25: ("protocol_error", "starttls"), 587: None, 465: ("auth_failed", "tls")},
        op25b=None, recommended_port="other",
        verdicts=("unreachable", "auth_rejected", "cancelled")),
}


@pytest.mark.parametrize("code", sorted(FIRST_VERSION_CODES))
def test_codes_of_the_first_version_still_read(code: str) -> None:
    assert sc.decode(code) == FIRST_VERSION_CODES[code]
    assert sc.decode(code.lower().replace("-", " ")) == FIRST_VERSION_CODES[code]
    assert sc.group(sc.normalise(code)) == code
    with pytest.raises(sc.SupportCodeError, match="does not check out"):
        sc.decode(code[:3] + ("Z" if code[3] != "Z" else "Y") + code[4:])


def test_the_new_verdicts_and_outcomes_have_room() -> None:
    summary = sc.CodeSummary(
        ports={25: ("unfinished", "none"), 587: ("auth_slow", "starttls"),
               465: ("auth_slow", "tls")},
        op25b=None, recommended_port=465, verdicts=("auth_slow", "unfinished"))
    assert sc.decode(sc.encode(summary)) == summary


@pytest.mark.parametrize("text, why", [
    ("", "12 letters"),
    ("ABCDE-2345", "12 letters"),
    ("ABCDE-234567", "12 letters"),
    ("ABCD-EFGH-234", "12 letters"),
    ("ABCD-EFGH-234O", "does not occur"),
    ("ABCD-EFGH-2341", "does not occur"),
    ("ABCD-EFGH-234!", "does not occur"),
])
def test_malformed_codes_are_refused(text: str, why: str) -> None:
    with pytest.raises(sc.SupportCodeError, match=why):
        sc.decode(text)


def test_other_recommended_ports_are_told_as_other() -> None:
    summary = sc.CodeSummary(EXAMPLE.ports, False, 2525, ("submission_ok",))
    assert sc.decode(sc.encode(summary)).recommended_port == "other"


def test_distinct_results_give_distinct_codes() -> None:
    other = sc.CodeSummary({**EXAMPLE.ports, 25: ("refused", "none")}, True, 465,
                           EXAMPLE.verdicts)
    assert sc.encode(other) != sc.encode(EXAMPLE)


def _raw_code(payload: int) -> str:
    """A code with a correct check over *payload* (50 bits), whatever the payload says."""
    bits = (payload << 10) | sc._crc10(payload, 50)
    return "".join(sc.ALPHABET[(bits >> (5 * i)) & 31] for i in reversed(range(12)))


def test_a_code_from_another_version_is_refused_plainly() -> None:
    with pytest.raises(sc.SupportCodeError, match="another version"):
        sc.decode(_raw_code(3 << 48))


def test_a_code_naming_an_unknown_outcome_is_refused_plainly() -> None:
    unknown_outcome = (len(OUTCOMES) + 1) << 2
    with pytest.raises(sc.SupportCodeError, match="not one this version knows"):
        sc.decode(_raw_code((2 << 48) | (unknown_outcome << 41)))


def test_a_code_naming_an_unknown_verdict_is_refused_plainly() -> None:
    with pytest.raises(sc.SupportCodeError, match="not one this version knows"):
        sc.decode(_raw_code((2 << 48) | (1 << 22)))


def test_a_code_typed_with_a_japanese_input_method_reads_the_same():
    code = sc.encode(sc.CodeSummary(
        ports={25: ("timeout", "none"), 587: ("ok", "starttls"), 465: ("ok", "tls")},
        op25b=True, recommended_port=465, verdicts=("op25b", "submission_ok")))
    wide = "".join(chr(ord(c) + 0xFEE0) if c != "-" else "ー" for c in code)
    assert sc.decode(wide) == sc.decode(code)


def test_a_code_given_out_before_captive_portal_still_reads_the_same() -> None:
    """Codes already read out over the phone keep their meaning: the captive-portal verdict
    took a bit no earlier code set."""
    assert sc.decode("C2C8C-AJ2ZP") == sc.CodeSummary(
        ports={25: ("timeout", "none"), 587: ("ok", "starttls"), 465: ("ok", "tls")},
        op25b=True, recommended_port=465, verdicts=("op25b", "submission_ok"))


def test_captive_portal_travels_in_the_code() -> None:
    summary = sc.CodeSummary(
        ports={25: ("not_smtp", "none"), 587: ("not_smtp", "starttls"), 465: ("tls_error", "tls")},
        op25b=None, recommended_port=None, verdicts=("captive_portal",))
    assert sc.decode(sc.encode(summary)).verdicts == ("captive_portal",)
