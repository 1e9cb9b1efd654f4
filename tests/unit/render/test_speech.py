"""What read-aloud says: short forms for citations and addresses, and the map back to the shown text."""

from __future__ import annotations

import time

import pytest

from guide_app.render.speech import Block, speak_block, speech_plan


@pytest.mark.parametrize(
    ("shown", "lang", "spoken"),
    [
        ("Under 8 U.S.C. § 1357(g), police may help.", "en", "Under 8 U.S. Code section 1357 g, police may help."),
        ("See https://www.ice.gov/identify/287g today.", "en", "See ice.gov today."),
        ("Whren v. United States, 517 U.S. 806 (1996), is a case.", "en", "Whren versus United States, is a case."),
        (
            "Read 8 C.F.R. § 287.7 and §§ 1226(a)(1).",
            "en",
            "Read 8 federal regulations section 287.7 and sections 1226 a 1.",
        ),
        (
            "El programa 287(g) en EE. UU. (p. ej. Texas).",
            "es",
            "El programa 287 g en Estados Unidos (por ejemplo Texas).",
        ),
        ("Vea www.uscis.gov/es.", "es", "Vea uscis.gov."),
        ("Plain words stay as they are.", "en", "Plain words stay as they are."),
    ],
)
def test_short_forms(shown, lang, spoken):
    assert speak_block(Block(0, shown), lang).text == spoken


def test_each_spoken_word_maps_back_to_the_shown_word():
    shown = "Under 8 U.S.C. § 1357(g), see https://www.ice.gov/x now."
    utterance = speak_block(Block(100, shown), "en")
    for word in utterance.text.replace(",", " ").split():
        start = utterance.text.index(word)
        begin, end = utterance.shown_span(start, len(word))
        piece = shown[begin - 100 : end - 100]
        if word in ("Under", "see", "now."):
            assert piece == word
    start = utterance.text.index("ice.gov")
    assert shown[utterance.shown_span(start, 7)[0] - 100 :].startswith("https://www.ice.gov/x")
    start = utterance.text.index("1357")
    begin, end = utterance.shown_span(start, len("1357 g"))
    assert shown[begin - 100 : end - 100] == "1357(g)"


def test_list_numbers_and_headings_are_spoken():
    plan = speech_plan([Block(0, "What to do", heading=True), Block(11, "Stay calm.", prefix="1.")], "en")
    assert [u.text for u in plan] == ["What to do.", "1. Stay calm."]
    assert plan[1].shown_span(0, 2) == (11, 11)  # the number is drawn by the page, not part of the text
    assert plan[1].shown_span(3, 4) == (11, 15)


def test_reading_starts_at_the_selected_word_and_skips_empty_blocks():
    blocks = [Block(0, "First block."), Block(13, ""), Block(14, "Second block here.")]
    plan = speech_plan(blocks, "en", start=23)  # inside "block"
    assert [u.text for u in plan] == ["block here."]
    assert plan[0].shown_span(0, 5) == (21, 26)
    assert [u.text for u in speech_plan(blocks, "en")] == ["First block.", "Second block here."]


@pytest.mark.parametrize("line", [" " * 60_000, "*a " * 30_000, "(" * 60_000 + "1", "§" * 50_000, "https://" * 9_000])
def test_hostile_lines_take_linear_time(line):
    started = time.perf_counter()
    speak_block(Block(0, "1" + line), "en")
    assert time.perf_counter() - started < 1.0


def test_sentences_are_read_one_by_one_and_abbreviations_do_not_end_them():
    shown = 'Call a lawyer. Under 8 U.S.C. § 1357(g) police may help. Ask "Am I free to go?" Then stay calm.'
    plan = speech_plan([Block(0, shown)], "en")
    assert [u.text for u in plan] == [
        "Call a lawyer.",
        "Under 8 U.S. Code section 1357 g police may help.",
        'Ask "Am I free to go?"',
        "Then stay calm.",
    ]
    second = plan[1]
    assert shown[second.shown_span(0, len(second.text))[0] :].startswith("Under 8")
    es = speech_plan([Block(0, "Vive en EE. UU. desde 2019. El Sr. Pérez llamó. ¿Qué hago? Nada.")], "es")
    assert [u.text for u in es] == ["Vive en Estados Unidos desde 2019.", "El Sr. Pérez llamó.", "¿Qué hago?", "Nada."]
