"""One person's walk through one situation flow: where they are, their answers, back and start over. No Qt.

The flow panel (``guide_app.ui.flow_panel``) shows what a :class:`FlowSession` holds and forwards the clicks.
Nothing about the answers is kept once the session is gone.
"""

from __future__ import annotations

from guide_app import i18n
from guide_app.library.flow_model import Flow, Node, Outcome, Question
from guide_app.library.model import LANGUAGES


class FlowSession:
    """One walk through one flow. No Qt: the UI shows ``current`` and calls ``answer``/``back``/``restart``.

    ``lang`` may be changed at any time (node ids are shared, so the place in the flow is kept).
    Step counts cover questions only: ``step_number`` is the number of the question on screen and
    ``estimated_total`` adds the longest way still ahead ("Step 2 of about 4"). At an outcome both equal
    the number of questions answered.
    """

    def __init__(self, flow: Flow, lang: str = "en") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}'")
        if flow.start not in flow.nodes:
            raise ValueError(f"flow '{flow.id}' has no start node '{flow.start}'")
        self.flow = flow
        self.lang = lang
        self._trail: list[tuple[str, int]] = []  # (question id, answer index) for every answer given
        self._current = flow.start

    # -- where we are -------------------------------------------------------------------------------------

    @property
    def current_id(self) -> str:
        return self._current

    @property
    def current(self) -> Node:
        return self.flow.nodes[self._current]

    @property
    def finished(self) -> bool:
        return isinstance(self.current, Outcome)

    @property
    def outcome(self) -> Outcome | None:
        """The outcome reached, or ``None`` while questions remain."""
        node = self.current
        return node if isinstance(node, Outcome) else None

    @property
    def question(self) -> Question | None:
        node = self.current
        return node if isinstance(node, Question) else None

    @property
    def question_text(self) -> str:
        return self.question.text[self.lang] if self.question else ""

    @property
    def help_text(self) -> str:
        return self.question.help.get(self.lang, "") if self.question else ""

    @property
    def answer_labels(self) -> list[str]:
        return [a.label[self.lang] for a in self.question.answers] if self.question else []

    @property
    def can_go_back(self) -> bool:
        return bool(self._trail)

    @property
    def history(self) -> tuple[tuple[str, int], ...]:
        """``(question id, answer index)`` for every answer given so far, oldest first."""
        return tuple(self._trail)

    def answered(self) -> list[tuple[str, str]]:
        """``(question, chosen answer)`` texts in the current language, oldest first."""
        out = []
        for nid, index in self._trail:
            node = self.flow.nodes[nid]
            assert isinstance(node, Question)  # the trail holds only answered questions
            out.append((node.text[self.lang], node.answers[index].label[self.lang]))
        return out

    # -- progress -----------------------------------------------------------------------------------------

    @property
    def step_number(self) -> int:
        return len(self._trail) + (0 if self.finished else 1)

    @property
    def estimated_total(self) -> int:
        return len(self._trail) + self.flow.remaining_questions(self._current)

    @property
    def progress(self) -> float:
        """0.0 at the first question, 1.0 at an outcome."""
        total = self.estimated_total
        return 1.0 if self.finished or not total else len(self._trail) / total

    def progress_text(self) -> str:
        if self.finished:
            return i18n.text("done", self.lang)
        return i18n.text("step", self.lang, step=self.step_number, total=self.estimated_total)

    # -- moving -------------------------------------------------------------------------------------------

    def answer(self, index: int) -> Node:
        """Choose answer ``index`` (0-based) of the current question and move on; returns the new node."""
        node = self.question
        if node is None:
            raise RuntimeError("the flow is finished: there is no question to answer")
        if not 0 <= index < len(node.answers):
            raise IndexError(f"question '{node.id}' has {len(node.answers)} answers, not {index + 1}")
        target = node.answers[index].next
        if target not in self.flow.nodes:
            raise ValueError(f"answer leads to a missing node '{target}'")
        self._trail.append((node.id, index))
        self._current = target
        return self.current

    def back(self) -> Node:
        """Go back one question (the previous answer is forgotten). At the start this does nothing."""
        if self._trail:
            self._current, _ = self._trail.pop()
        return self.current

    def restart(self) -> Node:
        self._trail.clear()
        self._current = self.flow.start
        return self.current
