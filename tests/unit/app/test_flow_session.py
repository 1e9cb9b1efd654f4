"""FlowSession (guide_app.app.flow_session): one walk through a flow, without Qt."""

from __future__ import annotations

import pytest

from guide_app.app.flow_session import FlowSession


def test_session_answer_back_and_restart(sample_flow):
    session = FlowSession(sample_flow, "en")
    assert session.current_id == "first" and not session.finished and session.outcome is None
    assert session.question_text == "Is the person held now?"
    assert session.answer_labels == ["Yes", "No"]
    assert session.step_number == 1 and session.estimated_total == 2
    assert session.progress_text() == "Step 1 of about 2"
    assert not session.can_go_back

    session.answer(0)
    assert session.current_id == "second" and session.help_text == "A lawyer helps."
    assert (session.step_number, session.estimated_total) == (2, 2)
    assert session.can_go_back

    session.answer(2)  # "Not sure" -> free
    assert session.finished and session.outcome.id == "free"
    assert (session.step_number, session.estimated_total) == (2, 2)
    assert session.progress == 1.0 and session.progress_text() == "Done"
    assert session.answered() == [("Is the person held now?", "Yes"), ("Do they have a lawyer?", "Not sure")]
    assert session.history == (("first", 0), ("second", 2))

    session.back()
    assert session.current_id == "second" and session.history == (("first", 0),)
    session.answer(1)
    assert session.outcome.id == "held"

    session.restart()
    assert session.current_id == "first" and session.history == () and not session.can_go_back
    session.back()  # nothing to go back to: stays at the start
    assert session.current_id == "first"

    session.answer(1)  # "No" -> free, after one question
    assert session.outcome.id == "free" and (session.step_number, session.estimated_total) == (1, 1)


def test_session_language_can_change_midway(sample_flow):
    session = FlowSession(sample_flow, "es")
    assert session.answer_labels == ["Sí", "No"] and session.progress_text() == "Paso 1 de unos 2"
    session.answer(0)
    session.lang = "en"
    assert session.question_text == "Do they have a lawyer?"
    assert session.answered() == [("Is the person held now?", "Yes")]


def test_session_rejects_bad_input(sample_flow):
    session = FlowSession(sample_flow, "en")
    with pytest.raises(IndexError):
        session.answer(2)
    with pytest.raises(IndexError):
        session.answer(-1)
    session.answer(1)
    with pytest.raises(RuntimeError):
        session.answer(0)
    with pytest.raises(ValueError):
        FlowSession(sample_flow, "fr")
