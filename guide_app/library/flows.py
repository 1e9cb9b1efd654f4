"""Guided situation flows: read and check flow files. No Qt.

A flow is one YAML file in ``content/flows/<id>.yaml`` holding both languages (the format is described in
``content/flows/README.md``). The data it becomes is :mod:`guide_app.library.flow_model`; the graph checks
(dead ends, cycles, unreachable nodes) are :mod:`guide_app.library.flow_graph`; one person's walk through a
flow is ``guide_app.app.flow_session.FlowSession``; an outcome is rendered by ``guide_app.render.outcome``.

Public API:

- :func:`load_flows` ``(folder) -> (flows, problems)``: every flow that loaded cleanly, sorted for display.
- :func:`validate_folder` ``(folder, library) -> problems``: everything ``guide-app check`` reports.
- :func:`flow_plain_text` ``(flow, lang)``: all the words of a flow, for reading-level scores.

The file is read with ``yaml.compose`` only, never ``yaml.safe_load``: every value keeps its line for
``file:line`` problems, and text stays text (a YAML 1.1 loader would turn an answer labelled ``Yes`` or
``No`` into a boolean).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide_app.library import files
from guide_app.library.flow_graph import graph_problems
from guide_app.library.flow_model import DEFAULT_ORDER, OUTCOME_LISTS, Answer, Flow, Node, Outcome, Question
from guide_app.library.frontmatter import check_plain
from guide_app.library.model import LANGUAGES, TOPICS, Library, Problem

__all__ = [
    "Answer",
    "Flow",
    "Node",
    "Outcome",
    "Question",
    "flow_plain_text",
    "load_flows",
    "validate_folder",
]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # fromisoformat alone accepts other forms on newer Pythons
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
MIN_ANSWERS, MAX_ANSWERS = 2, 4

FLOW_KEYS = ("id", "title", "summary", "reviewed", "topics", "order", "start", "nodes")
FLOW_REQUIRED = ("id", "title", "summary", "reviewed", "start", "nodes")
QUESTION_KEYS = ("question", "help", "answers")
ANSWER_KEYS = ("label", "next")
OUTCOME_KEYS = ("title", "summary", "do_now", "next_steps", "warnings", "articles", "resources", "card")

# --------------------------------------------------------------------------------------------------------
# Reading YAML nodes with their lines


class _At:
    """A composed YAML node plus the line to blame when it (or something under it) is missing."""

    def __init__(self, node: yaml.Node | None, line: int) -> None:
        self.node = node
        self._line = line

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1 if self.node is not None else self._line

    @property
    def value(self) -> Any:
        """The node's value: (key, value) pairs of a mapping, items of a sequence, a scalar's text."""
        return self.node.value if self.node is not None else None

    @property
    def missing(self) -> bool:
        return self.node is None or (
            isinstance(self.node, yaml.ScalarNode)
            and self.node.tag.endswith(":null")
            and self.value in ("", "~", "null")
        )

    @property
    def is_map(self) -> bool:
        return isinstance(self.node, yaml.MappingNode)

    @property
    def is_seq(self) -> bool:
        return isinstance(self.node, yaml.SequenceNode)

    @property
    def is_scalar(self) -> bool:
        return isinstance(self.node, yaml.ScalarNode) and not self.missing

    def key_lines(self) -> list[tuple[str, int]]:
        if not self.is_map:
            return []
        return [(str(k.value), k.start_mark.line + 1) for k, _ in self.value]

    def get(self, key: str) -> _At:
        child = None
        if self.is_map:
            for k, v in self.value:  # the last one wins, as in a YAML loader
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    child = v
        return _At(child, self.line)

    def items(self) -> list[tuple[str, int, _At]]:
        if not self.is_map:
            return []
        return [(str(k.value), k.start_mark.line + 1, _At(v, k.start_mark.line + 1)) for k, v in self.value]

    def seq(self) -> list[_At]:
        return [_At(child, self.line) for child in self.value] if self.is_seq else []

    def text(self) -> str:
        """The scalar's text exactly as written (folded), whitespace collapsed; '' if not a scalar."""
        return " ".join(str(self.value).split()) if self.is_scalar else ""


def _duplicate_keys(node: yaml.Node | None, path: str, problems: list[Problem], seen_nodes: set[int]) -> None:
    if node is None or id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in keys:
                    problems.append(Problem(path, k.start_mark.line + 1, f"duplicate key '{k.value}'"))
                keys.add(k.value)
            _duplicate_keys(v, path, problems, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _duplicate_keys(child, path, problems, seen_nodes)


# --------------------------------------------------------------------------------------------------------
# Loading one flow file


@dataclass
class _Parsed:
    flow: Flow | None
    problems: list[Problem]
    articles: list[tuple[str, int]] = field(default_factory=list)  # (article id, line)
    resources: list[tuple[str, int]] = field(default_factory=list)  # (resource id, line)


class _Reader:
    def __init__(self, path: Path, today: dt.date | None) -> None:
        self.path = path
        self.shown = str(path)
        self.today = today or dt.date.today()
        self.problems: list[Problem] = []
        self.articles: list[tuple[str, int]] = []
        self.resources: list[tuple[str, int]] = []

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, message))

    def unknown_keys(self, at: _At, allowed: tuple[str, ...], what: str) -> None:
        for key, line in at.key_lines():
            if key not in allowed:
                self.report(line, f"unknown field '{key}' in {what} (use: {', '.join(allowed)})")

    # -- text in every language ---------------------------------------------------------------------------

    def texts(self, at: _At, what: str, required: bool = True) -> dict[str, str]:
        """``{en: "...", es: "..."}``: one non-empty text per language."""
        if at.missing:
            if required:
                self.report(at.line, f"{what} is missing (it needs {' and '.join(LANGUAGES)} text)")
            return {}
        if not at.is_map:
            self.report(at.line, f"{what} must give text per language: {{{', '.join(LANGUAGES)}}}")
            return {}
        out: dict[str, str] = {}
        for lang, line, _ in at.items():
            if lang not in LANGUAGES:
                self.report(line, f"{what} has unknown language '{lang}' (use: {', '.join(LANGUAGES)})")
        for lang in LANGUAGES:
            value = at.get(lang)
            if value.missing or not value.is_scalar or not value.text():
                self.report(value.line, f"{what} has no {lang} text (every text needs {' and '.join(LANGUAGES)})")
                continue
            out[lang] = self.checked_text(value.text(), value.line, f"{what} ({lang})")
        return out

    def text_lists(self, at: _At, what: str, required: bool) -> dict[str, tuple[str, ...]]:
        """A list of items, each ``{en: "...", es: "..."}``; returned as one tuple per language.

        Pairing the languages item by item keeps the lists the same length and in the same order."""
        if at.missing:
            if required:
                self.report(at.line, f"{what} is missing (it needs at least one item)")
            return {}
        if not at.is_seq or not at.value:
            self.report(at.line, f"{what} must be a list of items, each with {' and '.join(LANGUAGES)} text")
            return {}
        out: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
        for n, item in enumerate(at.seq(), 1):
            texts = self.texts(item, f"{what} item {n}")
            for lang, text in texts.items():
                out[lang].append(text)
        return {lang: tuple(items) for lang, items in out.items()}

    def checked_text(self, text: str, line: int, what: str) -> str:
        if RAW_HTML.search(text):
            self.report(line, f"{what}: no raw HTML in flow text")
        return text

    def ids(self, at: _At, what: str) -> list[tuple[str, int]]:
        if at.missing:
            return []
        if not at.is_seq:
            self.report(at.line, f"'{what}' must be a list of ids")
            return []
        out = []
        for item in at.seq():
            value = item.text()
            if not value or not ID_PATTERN.match(value):
                self.report(item.line, f"'{what}' has a bad id '{value}' (lower-case letters, digits, hyphens)")
                continue
            out.append((value, item.line))
        return out

    # -- the file -----------------------------------------------------------------------------------------

    def read(self) -> _Parsed:
        try:
            source = files.read_text(self.path, self.path.parent, files.MAX_DATA_BYTES)
            check_plain(source)  # no anchors or aliases, bounded nesting, as for every content file
            root = yaml.compose(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except files.ContentFileError as exc:
            self.report(1, str(exc))
            return self.result(None)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or "syntax error"
            self.report((mark.line + 1) if mark else 1, f"not valid YAML: {problem}")
            return self.result(None)
        top = _At(root, 1)
        if not top.is_map:
            self.report(top.line, "a flow file must be a mapping with id, title, summary, reviewed, start, nodes")
            return self.result(None)
        _duplicate_keys(root, self.shown, self.problems, set())
        self.unknown_keys(top, FLOW_KEYS, "the flow")
        for key in FLOW_REQUIRED:
            if top.get(key).missing:
                self.report(top.line, f"missing required field '{key}'")

        flow_id = top.get("id").text()
        if flow_id and not ID_PATTERN.match(flow_id):
            self.report(top.get("id").line, f"id '{flow_id}' may use only lower-case letters, digits and hyphens")
        if flow_id and flow_id != self.path.stem:
            self.report(top.get("id").line, f"id '{flow_id}' must match the file name '{self.path.stem}'")
        title = self.texts(top.get("title"), "title", required=False)
        summary = self.texts(top.get("summary"), "summary", required=False)
        reviewed = self.reviewed(top.get("reviewed"))
        topics = self.topics(top.get("topics"))
        order = self.order(top.get("order"))
        nodes = self.nodes(top.get("nodes"))
        start = top.get("start").text()
        if start and start not in nodes and not top.get("nodes").missing:
            self.report(top.get("start").line, f"'start' names a node that does not exist: '{start}'")
        elif start in nodes and isinstance(nodes[start], Outcome):
            self.report(top.get("start").line, f"'start' must be a question, but '{start}' is an outcome")
        self.graph(start, nodes, top.get("nodes"))
        if self.problems:
            return self.result(None)
        flow = Flow(
            id=flow_id,
            title=title,
            summary=summary,
            reviewed=reviewed or dt.date.min,
            start=start,
            nodes=nodes,
            topics=topics,
            order=order,
            path=self.shown,
        )
        return self.result(flow)

    def result(self, flow: Flow | None) -> _Parsed:
        return _Parsed(flow, self.problems, self.articles, self.resources)

    def reviewed(self, at: _At) -> dt.date | None:
        if at.missing:
            return None
        try:
            if not ISO_DATE.match(at.text()):
                raise ValueError(at.text())
            value = dt.date.fromisoformat(at.text())
        except ValueError:
            self.report(at.line, f"'reviewed' must be an ISO date like 2026-11-22, not '{at.text()}'")
            return None
        if value > self.today:
            self.report(at.line, f"'reviewed' date {value} is in the future")
        return value

    def topics(self, at: _At) -> tuple[str, ...]:
        if at.missing:
            return ()
        items = at.seq() if at.is_seq else [at]
        out = []
        for item in items:
            if item.text() not in TOPICS:
                self.report(item.line, f"unknown topic '{item.text()}' (use one of: {', '.join(TOPICS)})")
            else:
                out.append(item.text())
        return tuple(out)

    def order(self, at: _At) -> int:
        if at.missing:
            return DEFAULT_ORDER
        try:
            return int(at.text())
        except ValueError:
            self.report(at.line, f"'order' must be a whole number, not '{at.text()}'")
            return DEFAULT_ORDER

    def nodes(self, at: _At) -> dict[str, Node]:
        if at.missing:
            return {}
        if not at.is_map or not at.value:
            self.report(at.line, "'nodes' must map node ids to questions and outcomes")
            return {}
        nodes: dict[str, Node] = {}
        for node_id, line, value in at.items():
            if not ID_PATTERN.match(node_id):
                self.report(line, f"node id '{node_id}' may use only lower-case letters, digits and hyphens")
            if not value.is_map:
                self.report(line, f"node '{node_id}' must have 'question' and 'answers', or 'outcome'")
                continue
            node: Node
            if "outcome" in dict(value.key_lines()):
                self.unknown_keys(value, ("outcome",), f"node '{node_id}'")
                node = self.outcome(node_id, value.get("outcome"))
            elif "question" in dict(value.key_lines()) or "answers" in dict(value.key_lines()):
                node = self.question(node_id, value, line)
            else:
                self.report(line, f"node '{node_id}' must have 'question' and 'answers', or 'outcome'")
                continue
            nodes[node_id] = node
        return nodes

    def question(self, node_id: str, at: _At, line: int) -> Question:
        what = f"node '{node_id}'"
        self.unknown_keys(at, QUESTION_KEYS, what)
        text = self.texts(at.get("question"), f"{what} question")
        help_text = self.texts(at.get("help"), f"{what} help", required=False)
        answers_at = at.get("answers")
        answers_line = dict(at.key_lines()).get("answers", line)  # the 'answers:' key, or the node's id
        answers: list[Answer] = []
        if answers_at.missing or (answers_at.is_seq and not answers_at.value):
            self.report(answers_line, f"dead end: question '{node_id}' has no answers")
        elif not answers_at.is_seq:
            self.report(answers_line, f"{what} 'answers' must be a list")
        else:
            count = len(answers_at.value)
            if not MIN_ANSWERS <= count <= MAX_ANSWERS:
                self.report(
                    answers_line,
                    f"question '{node_id}' needs {MIN_ANSWERS} to {MAX_ANSWERS} answers, not {count}",
                )
            for n, item in enumerate(answers_at.seq(), 1):
                where = f"{what} answer {n}"
                if not item.is_map:
                    self.report(item.line, f"{where} must have 'label' and 'next'")
                    continue
                self.unknown_keys(item, ANSWER_KEYS, where)
                label = self.texts(item.get("label"), f"{where} label")
                target = item.get("next")
                if target.missing or not target.text():
                    self.report(target.line, f"dead end: {where} has no 'next'")
                answers.append(Answer(label=label, next=target.text(), line=target.line))
        return Question(id=node_id, text=text, answers=tuple(answers), help=help_text, line=line)

    def outcome(self, node_id: str, at: _At) -> Outcome:
        what = f"outcome '{node_id}'"
        if not at.is_map:
            self.report(at.line, f"{what} must have a title, do_now and articles")
            return Outcome(id=node_id, title={}, do_now={}, line=at.line)
        self.unknown_keys(at, OUTCOME_KEYS, what)
        title = self.texts(at.get("title"), f"{what} title")
        summary = self.texts(at.get("summary"), f"{what} summary", required=False)
        lists = {key: self.text_lists(at.get(key), f"{what} {key}", key == "do_now") for key in OUTCOME_LISTS}
        articles = self.ids(at.get("articles"), "articles")
        if not articles and at.get("articles").missing:
            self.report(at.line, f"{what} needs at least one article in 'articles'")
        resources = self.ids(at.get("resources"), "resources")
        self.articles.extend(articles)
        self.resources.extend(resources)
        card_at = at.get("card")
        card = False
        if not card_at.missing:
            word = card_at.text().lower()
            if word not in ("true", "false"):
                self.report(card_at.line, f"{what} 'card' must be true or false")
            card = word == "true"
        return Outcome(
            id=node_id,
            title=title,
            summary=summary,
            do_now=lists["do_now"],
            next_steps=lists["next_steps"],
            warnings=lists["warnings"],
            articles=tuple(a for a, _ in articles),
            resources=tuple(r for r, _ in resources),
            card=card,
            line=at.line,
        )

    def graph(self, start: str, nodes: dict[str, Node], nodes_at: _At) -> None:
        """Dead ends, cycles and unreachable nodes (:func:`guide_app.library.flow_graph.graph_problems`)."""
        for line, message in graph_problems(start, nodes, dict(nodes_at.key_lines()), nodes_at.line):
            self.report(line, message)


def _read_flow(path: Path, today: dt.date | None = None) -> _Parsed:
    return _Reader(path, today).read()


def _flow_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


# --------------------------------------------------------------------------------------------------------
# Public: loading and validation


def load_flows(folder: Path, today: dt.date | None = None) -> tuple[list[Flow], list[Problem]]:
    """Load every ``*.yaml`` flow in ``folder``. A flow with any problem is left out (and its problems
    returned), so the UI only ever steps through complete flows. Sorted by ``order``, then id."""
    flows: list[Flow] = []
    problems: list[Problem] = []
    for path in _flow_files(Path(folder)):
        parsed = _read_flow(path, today)
        problems.extend(parsed.problems)
        if parsed.flow is not None:
            flows.append(parsed.flow)
    flows.sort(key=lambda f: (f.order, f.id))
    return flows, problems


def validate_folder(folder: Path, library: Library, today: dt.date | None = None) -> list[Problem]:
    """Every problem in the flows folder, checked against ``library`` (articles in every language,
    resource ids) and the reading-level limits. A missing folder has no problems."""
    from guide_app.library import readability

    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        return problems
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yml":
            problems.append(Problem(str(path), 1, "flow files must end in '.yaml' (this one is ignored)"))
    resource_ids = {r.id for r in library.resources}
    for path in _flow_files(folder):
        parsed = _read_flow(path, today)
        problems.extend(parsed.problems)
        for article_id, line in parsed.articles:
            for lang in LANGUAGES:
                if library.article(article_id, lang) is None:
                    problems.append(Problem(str(path), line, f"link to a missing article '{article_id}' in {lang}"))
        for resource_id, line in parsed.resources:
            if resource_id not in resource_ids:
                problems.append(Problem(str(path), line, f"unknown resource '{resource_id}' (not in resources.yaml)"))
        if parsed.flow is not None:
            for lang in LANGUAGES:
                formula, value, ok = readability.score(lang, flow_plain_text(parsed.flow, lang))
                if not ok:
                    message = f"reading level ({lang}) {formula} {value} (must be {readability.limit_text(lang)})"
                    problems.append(Problem(str(path), 1, message))
    return problems


def flow_plain_text(flow: Flow, lang: str) -> str:
    """All the words of a flow in one language, one sentence per line (for reading-level scores)."""
    lines = [flow.title.get(lang, ""), flow.summary.get(lang, "")]
    for node in flow.nodes.values():
        if isinstance(node, Outcome):
            lines.append(node.title.get(lang, ""))
            lines.append(node.summary.get(lang, ""))
            for key in OUTCOME_LISTS:
                lines.extend(node.items(key, lang))
        else:
            lines.append(node.text.get(lang, ""))
            lines.append(node.help.get(lang, ""))
            lines.extend(a.label.get(lang, "") for a in node.answers)
    return "\n".join(f"- {line}" for line in lines if line)
