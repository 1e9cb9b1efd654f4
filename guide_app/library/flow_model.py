"""The data of a guided situation flow: questions, answers and outcomes. No Qt, no file reading.

A :class:`Flow` is a small graph: :class:`Question` nodes (2–4 :class:`Answer` s, each naming the next node)
and :class:`Outcome` nodes (what to do now, next steps, warnings, article links, resources, the rights card).
``Node`` is a real union: tell the kinds apart with ``isinstance``. Reading and checking flow files is
:mod:`guide_app.library.flows`; the graph checks are :mod:`guide_app.library.flow_graph`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

DEFAULT_ORDER = 100
OUTCOME_LISTS = ("do_now", "next_steps", "warnings")


@dataclass(frozen=True)
class Answer:
    """One choice under a question: its label per language and the id of the node it leads to."""

    label: dict[str, str]
    next: str
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    text: dict[str, str]
    answers: tuple[Answer, ...]
    help: dict[str, str] = field(default_factory=dict)  # optional short explanation under the question
    line: int = 0

    is_outcome: ClassVar[bool] = False  # prefer isinstance(node, Question), which type checkers understand


@dataclass(frozen=True)
class Outcome:
    id: str
    title: dict[str, str]
    do_now: dict[str, tuple[str, ...]]
    next_steps: dict[str, tuple[str, ...]] = field(default_factory=dict)
    warnings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    articles: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    card: bool = False
    line: int = 0

    is_outcome: ClassVar[bool] = True

    def items(self, key: str, lang: str) -> tuple[str, ...]:
        """The ``do_now``, ``next_steps`` or ``warnings`` list in ``lang`` (empty if the outcome has none)."""
        return getattr(self, key).get(lang, ())


Node = Question | Outcome


@dataclass(frozen=True)
class Flow:
    id: str
    title: dict[str, str]
    summary: dict[str, str]
    reviewed: dt.date
    start: str
    nodes: dict[str, Node]
    topics: tuple[str, ...] = ()
    order: int = DEFAULT_ORDER
    path: str = ""

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    @property
    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]

    def remaining_questions(self, node_id: str) -> int:
        """The most questions still to answer from ``node_id`` (counting it, if it is a question)."""
        memo: dict[str, int] = {}

        def longest(nid: str, seen: frozenset[str]) -> int:
            if nid in memo:
                return memo[nid]
            node = self.nodes.get(nid)
            if not isinstance(node, Question) or nid in seen:
                return 0
            value = 1 + max((longest(a.next, seen | {nid}) for a in node.answers), default=0)
            memo[nid] = value
            return value

        return longest(node_id, frozenset())

    def paths(self) -> Iterator[tuple[int, ...]]:
        """Every sequence of answer indexes from the start to an outcome (the flow must have no cycles)."""

        def walk(nid: str, taken: tuple[int, ...], seen: frozenset[str]) -> Iterator[tuple[int, ...]]:
            node = self.nodes.get(nid)
            if node is None or nid in seen:
                return
            if isinstance(node, Outcome):
                yield taken
                return
            for index, answer in enumerate(node.answers):
                yield from walk(answer.next, (*taken, index), seen | {nid})

        yield from walk(self.start, (), frozenset())
