"""One outcome, three renderings (guide_app.render.outcome): the checklist text, the HTML of the panel and
paper, and the slides' headed lists all come from the same parts and words."""

from __future__ import annotations

import datetime as dt

from guide_app.app.flow_session import FlowSession
from guide_app.i18n import text as catalog_text
from guide_app.render.outcome import outcome_html, outcome_parts, outcome_slide_groups, outcome_text


def test_outcome_checklist_text(sample_flow, fixture_guide):
    fixture_library = fixture_guide.library
    session = FlowSession(sample_flow, "en")
    session.answer(0)
    session.answer(0)
    outcome = session.outcome
    text = outcome_text(sample_flow, outcome, "en", library=fixture_library, answers=session.answered())
    lines = text.splitlines()
    assert lines[0] == "Sample flow" and "Ask about habeas corpus" in lines
    assert "[ ] 1. Call the lawyer today." in lines and "[ ] 2. Check the next hearing date." in lines
    assert "! Do not sign anything you do not understand." in lines
    assert "- Is the person held now? Yes" in lines
    assert catalog_text("card_reminder", "en") in lines
    habeas = fixture_library.article("habeas-corpus", "en")
    assert f"- {habeas.title}" in lines
    assert any(line.startswith("- Immigration court case status (EOIR): 1-800-898-7180") for line in lines)
    assert lines[-1] == f"Reviewed {dt.date(2026, 11, 1).isoformat()}"

    spanish = outcome_text(sample_flow, outcome, "es")
    assert "Haga esto ahora:" in spanish and "[ ] 1. Llame hoy al abogado." in spanish
    assert "- habeas-corpus" in spanish  # without a library, ids stand in for titles
    assert "no es asesoría legal" in spanish


def test_html_text_and_slides_show_the_same_outcome(sample_flow, fixture_guide):
    library = fixture_guide.library
    held = sample_flow.node("held")
    for lang in ("en", "es"):
        parts = outcome_parts(sample_flow, held, lang, library)
        text = outcome_text(sample_flow, held, lang, library=library)
        page = outcome_html(sample_flow, held, lang, library, for_print=True)
        slides = dict(outcome_slide_groups(sample_flow, held, lang))
        for item in (*parts.do_now, *parts.next_steps, *parts.warnings):
            assert item in text and item in page
        assert list(slides.values()) == [parts.do_now, parts.next_steps, parts.warnings]
        for _, title in parts.articles:
            assert title in text and title in page
        assert catalog_text("legal_note", lang) in text and catalog_text("legal_note", lang) in page


def test_unknown_resources_are_listed_by_id_in_text_and_left_out_of_html(sample_flow):
    held = sample_flow.node("held")
    assert "- eoir-case-status" in outcome_text(sample_flow, held, "en")
    assert "eoir-case-status" not in outcome_html(sample_flow, held, "en")


def test_outcome_names_resources_in_the_reader_language(sample_flow, fixture_guide):
    held = sample_flow.node("held")
    library = fixture_guide.library
    spanish_name = "Estado del caso en la corte de inmigración (EOIR)"
    for render in (
        outcome_text(sample_flow, held, "es", library=library),
        outcome_html(sample_flow, held, "es", library),
    ):
        assert spanish_name in render and "Immigration court case status" not in render
    english = outcome_text(sample_flow, held, "en", library=library)
    assert "Immigration court case status (EOIR)" in english and spanish_name not in english
