"""Workshop slides built from an article (or any titled list of points). No Qt here.

A deck is a plain list of :class:`Slide`. The presentation window (``guide_app.ui.presentation``) only draws
what is in it, so everything about *what* goes on which slide is decided here and tested without Qt:

- a **title slide**: the article title and its "In short" summary;
- for every section, **key-point slides**: list items and paragraphs become bullet points, with Markdown
  markup (links, emphasis) removed. A section that does not fit one slide continues on the next, whose
  title carries the "(continued)" label. The split follows a :class:`Budget` of estimated wrapped lines, so
  a slide never holds more than a projector can show in large type; a single very long point is cut at
  sentence ends (or, failing that, between words). Every word of the key points is kept, in order;
- a **sources** slide and a closing **not legal advice** slide;
- every slide has its number, the deck's total and a footer ("Rights Guide · Reviewed 2026-11-22").

:func:`points_slides` is the generic part (a heading and its points, split to fit), so other content, such as
the outcome of a situation flow (:func:`outcome_slides`), uses the same rules.
"""

from __future__ import annotations

import dataclasses
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from guide_app.i18n import words as words_in
from guide_app.library.flow_model import Flow, Outcome
from guide_app.library.model import Article
from guide_app.render.blocks import Block, read_blocks


def deck_labels(lang: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The slide words for ``lang`` (English for an unknown language), with ``overrides`` applied."""
    return words_in(lang, overrides)


@dataclass(frozen=True)
class Budget:
    """How much text one slide may hold, estimated in wrapped lines of body text.

    The defaults match the presentation window's layout at its normal type size (about 60 characters per
    line, ten lines under a one-line heading); the window still shrinks type if a slide would overflow.
    """

    lines: int = 10  # estimated lines of key points under a one-line heading
    chars_per_line: int = 60
    heading_chars_per_line: int = 40
    heading_line: float = 1.3  # body lines that each further line of heading takes away
    points: int = 5  # at most this many bullets on one slide
    gap: float = 0.5  # the space between two bullets, in lines
    min_piece: int = 2  # cut a long point to fill a slide only if at least this many lines are free

    def lines_of(self, text: str) -> int:
        return max(1, len(textwrap.wrap(text, self.chars_per_line, break_long_words=True)))

    def room(self, heading: str, label: str = "") -> float:
        """Lines of key points that fit under ``heading`` (followed by a smaller ``label``, "(continued)")."""
        lines = textwrap.wrap(heading, self.heading_chars_per_line) or [""]
        extra = (len(lines) - 1) * self.heading_line
        if label and len(lines[-1]) + 1 + len(label) * 0.62 > self.heading_chars_per_line:
            extra += self.heading_line * 0.62  # the label wraps onto a line of its own, in smaller type
        return self.lines - extra


@dataclass(frozen=True)
class Slide:
    """One slide. ``kind`` is ``title``, ``content``, ``sources``, ``end`` or ``outcome``."""

    title: str
    points: tuple[str, ...] = ()
    kind: str = "content"
    subtitle: str = ""  # title slide: the summary under the title
    subtitle_label: str = ""  # e.g. "In short"
    heading: str = ""  # the section heading without the "(continued)" label
    continued: bool = False  # this slide continues the previous slide's section
    part: int = 1  # which slide of its section this is
    parts: int = 1
    number: int = 0  # 1-based position in the deck
    total: int = 0
    footer: str = ""
    notes: str = ""  # for a presenter view
    anchor: str = ""  # the article section it came from
    leads: tuple[int, ...] = ()  # per point: how many leading characters to draw bold (0: none)
    bullets: tuple[bool, ...] = ()  # per point: False for the rest of a point cut on the slide before, or a
    # lead-in line ("Common reasons include:"), which are drawn without a bullet

    def lead(self, index: int) -> int:
        return self.leads[index] if index < len(self.leads) else 0

    def bulleted(self, index: int) -> bool:
        return self.bullets[index] if index < len(self.bullets) else True

    @property
    def counter(self) -> str:
        return f"{self.number} / {self.total}" if self.total else ""

    @property
    def text(self) -> str:
        """Everything the slide says, as plain text (for screen readers and tests)."""
        parts = [self.title, self.subtitle_label, self.subtitle, *self.points]
        return "\n".join(p for p in parts if p)


# ---------------------------------------------------------------------------------------------------------
# Markdown to key points

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Point:
    """A key point: its plain text, how many leading characters were bold, and whether it gets a bullet (not
    for the rest of a point that was cut, nor for a paragraph that introduces a list, ending with ":")."""

    text: str
    lead: int = 0
    bullet: bool = True
    heading: bool = False  # a sub-heading: it stays on the slide of the lines it introduces


def _point(block: Block) -> Point | None:
    """A block as a key point: items keep their bullet; a paragraph that introduces a list (ends with ":")
    and a sub-heading get none; a table row joins its cells with " — "."""
    if block.kind == "row":
        row = " — ".join(c for c in block.cells if c)
        return Point(row) if row else None
    text = block.text
    if not text:
        return None
    if block.kind == "heading":
        return Point(text, len(text), False, heading=True)  # drawn bold, as a heading
    lead = block.lead if 0 < block.lead < len(text) else 0
    if block.kind == "item" and block.marker[:1].isdigit():  # a numbered step keeps its number, not a bullet
        prefix = f"{block.marker} "
        return Point(prefix + text, len(prefix) + lead if lead else 0, False)
    return Point(text, lead, block.kind == "item" or not text.endswith(":"))


def parse_points(markdown: str) -> list[Point]:
    """List items and paragraphs of a Markdown fragment as :class:`Point` s, in order.

    Sub-headings become points of their own; a table row becomes one point with its cells joined by " — ".
    The Markdown is read by :func:`guide_app.render.blocks.read_blocks`, as the reader window reads it.
    """
    points = [_point(block) for block in read_blocks(markdown)]
    return [p for p in points if p is not None]


def key_points(markdown: str) -> list[str]:
    """The plain text of :func:`parse_points`."""
    return [p.text for p in parse_points(markdown)]


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s]


def _take(text: str, room: float, budget: Budget, words_ok: bool) -> tuple[str, str]:
    """The longest run of whole sentences from the start of ``text`` that fits ``room`` lines, and the rest.

    If not even the first sentence fits and ``words_ok``, cut between words instead. ("", text): nothing fits.
    """
    sentences = _sentences(text)
    head: list[str] = []
    for sentence in sentences:
        if budget.lines_of(" ".join([*head, sentence])) > room:
            break
        head.append(sentence)
    if not head and words_ok:
        lines = textwrap.wrap(text, budget.chars_per_line, break_long_words=True, break_on_hyphens=False)
        keep = max(1, int(room))
        cut = " ".join(lines[:keep])
        return cut, text[len(cut) :].strip() if text.startswith(cut) else " ".join(lines[keep:])
    if not head:
        return "", text
    joined = " ".join(head)
    return joined, " ".join(sentences[len(head) :])


def split_point(text: str, budget: Budget) -> list[str]:
    """Cut one point into pieces that each fit an empty slide: at sentence ends, else between words.

    Joining the pieces with spaces gives ``text`` back (whitespace normalised).
    """
    rest = _SPACES.sub(" ", text).strip()
    pieces = []
    while rest and budget.lines_of(rest) > budget.lines:
        head, rest = _take(rest, budget.lines, budget, words_ok=True)
        pieces.append(head)
    return [*pieces, rest] if rest else pieces


def _cost(lines: Sequence[int], budget: Budget) -> float:
    return sum(lines) + budget.gap * (len(lines) - 1)


def _lead_ins_apart(points: Sequence[Point], budget: Budget) -> list[Point]:
    """A long paragraph that ends by introducing a list ("… But it has real risks:") gives its last sentence
    a point of its own, so that sentence can go to the next slide with the list when the slide is full."""
    out: list[Point] = []
    for point in points:
        sentences = _sentences(point.text)
        lead_in = not point.bullet and not point.heading and point.text.endswith(":")
        if not lead_in or len(sentences) < 2 or budget.lines_of(point.text) <= 2:
            out.append(point)
        else:
            body = " ".join(sentences[:-1])
            out += [Point(body, min(point.lead, len(body)), True), Point(sentences[-1], 0, False)]
    return out


def _opens(point: Point, budget: Budget) -> bool:
    """A sub-heading, or a short line that introduces a list ("It has real risks:"): it belongs with what follows."""
    lead_in = not point.bullet and point.text.endswith(":") and budget.lines_of(point.text) <= 2
    return point.heading or lead_in


def _fill(points: Sequence[Point], room: Callable[[int], float], budget: Budget) -> list[list[Point]]:
    """Fill slides in order. A point that fits no empty slide is cut at sentence ends to fill the current one;
    a shorter point that does not fit what is left moves whole to the next slide."""
    slides: list[list[Point]] = [[]]
    used = 0.0
    pending = list(points)
    i = 0
    while i < len(pending):
        point, current = pending[i], slides[-1]
        here = max(1.0, room(len(slides) - 1))
        gap = budget.gap if current else 0.0
        need: float = budget.lines_of(point.text)
        if _opens(point, budget) and i + 1 < len(pending):  # room for its first lines too, or it waits
            need += budget.gap + min(budget.lines_of(pending[i + 1].text), 2)
        if len(current) < budget.points and used + gap + need <= here:
            current.append(point)
            used += gap + budget.lines_of(point.text)  # what it takes; the lines kept for what follows are not
            i += 1
            continue
        free = here - used - gap
        too_long = need > max(1.0, room(len(slides)))
        only_openers = bool(current) and all(_opens(p, budget) for p in current)  # cut rather than strand them
        if len(current) < budget.points and (too_long or only_openers) and (free >= budget.min_piece or not current):
            head, tail = _take(point.text, free, budget, words_ok=not current or free >= budget.lines / 2)
            if head:
                current.append(Point(head, min(point.lead, len(head)), point.bullet))
                pending[i] = Point(tail, max(0, point.lead - len(head) - 1), bullet=False)
                if not tail:
                    i += 1
        openers: list[Point] = []  # a heading or a lead-in never ends a slide: it opens the next one, with
        while len(current) > 1 and _opens(current[-1], budget):  # the lines it introduces
            openers.insert(0, current.pop())
        if openers and not all(_opens(p, budget) for p in current):
            slides.append(openers)
            used = _cost([budget.lines_of(p.text) for p in openers], budget)
        elif current:
            current.extend(openers)
            slides.append([])
            used = 0.0
    return [s for s in slides if s]


def _slides_cost(group: Sequence[Point], budget: Budget) -> float:
    return _cost([budget.lines_of(p.text) for p in group], budget)


def _balanced(points: Sequence[Point], room: Callable[[int], float], budget: Budget) -> list[list[Point]]:
    """As few slides as :func:`_fill` needs, but with the text spread as evenly as possible over them."""
    fewest = _fill(points, room, budget)
    if len(fewest) < 2:
        return fewest

    def spread(groups: list[list[Point]]) -> float:
        costs = [_slides_cost(g, budget) for g in groups]
        return max(costs) - min(costs)

    best, best_spread = fewest, spread(fewest)
    for step in range(19, 11, -1):  # 95 % ... 60 % of the room

        def scaled(n: int, f: float = step / 20) -> float:
            return room(n) * f

        trial = _fill(points, scaled, budget)
        if len(trial) == len(fewest) and spread(trial) < best_spread - 0.25:
            best, best_spread = trial, spread(trial)
    return best


def pack_points(points: Sequence[str], budget: Budget) -> list[list[str]]:
    """Spread points over as few slides as the budget allows (cutting over-long ones), balanced in length."""
    groups = _balanced([Point(_SPACES.sub(" ", p).strip()) for p in points], lambda _: budget.lines, budget)
    return [[p.text for p in group] for group in groups]


# ---------------------------------------------------------------------------------------------------------
# Decks


def points_slides(
    heading: str,
    points: Iterable[Point | str],
    labels: dict[str, str] | None = None,
    budget: Budget | None = None,
    kind: str = "content",
    anchor: str = "",
    notes: str = "",
) -> list[Slide]:
    """The slides for one heading and its points; later slides are titled "heading (continued)"."""
    lab = deck_labels("en", labels)
    budget = budget or Budget()
    items = [Point(_SPACES.sub(" ", p).strip()) if isinstance(p, str) else p for p in points]
    items = _lead_ins_apart([p for p in items if p.text], budget)
    continued = f"{heading} {lab['continued']}".strip()

    def room(n: int) -> float:
        return budget.room(heading, "" if n == 0 else lab["continued"])

    groups = _balanced(items, room, budget)
    slides = []
    for n, group in enumerate(groups, 1):
        slides.append(
            Slide(
                title=heading if n == 1 else continued,
                points=tuple(p.text for p in group),
                kind=kind,
                heading=heading,
                continued=n > 1,
                part=n,
                parts=len(groups),
                anchor=anchor,
                notes=notes,
                leads=tuple(p.lead for p in group),
                bullets=tuple(p.bullet for p in group),
            )
        )
    return slides


def number_slides(slides: Sequence[Slide], footer: str = "") -> list[Slide]:
    """Give every slide its position, the total and the footer."""
    total = len(slides)
    return [dataclasses.replace(s, number=n, total=total, footer=footer or s.footer) for n, s in enumerate(slides, 1)]


def deck_footer(reviewed, labels: dict[str, str]) -> str:
    date = reviewed.isoformat() if hasattr(reviewed, "isoformat") else str(reviewed or "")
    if not date:
        return labels["guide"]
    return f"{labels['guide']} · {labels['reviewed'].format(date=date)}"


def article_slides(
    article: Article,
    labels: dict[str, str] | None = None,
    budget: Budget | None = None,
    sources: bool = True,
    closing: bool = True,
) -> list[Slide]:
    """The whole workshop deck for an article: title, key points per section, sources, closing note."""
    lab = deck_labels(article.lang, labels)
    budget = budget or Budget()
    slides = [
        Slide(
            title=article.title,
            kind="title",
            subtitle=_SPACES.sub(" ", article.summary).strip(),
            subtitle_label=lab["in_short"],
            heading=article.title,
        )
    ]
    for section in article.sections:
        heading = section.heading or article.title
        slides += points_slides(heading, parse_points(section.markdown), lab, budget, anchor=section.anchor)
    if sources and article.sources:
        slides += points_slides(lab["sources"], [_source_text(s) for s in article.sources], lab, budget, "sources")
    if closing:
        slides.append(Slide(title=lab["end_title"], points=(lab["legal_note"],), kind="end", heading=lab["end_title"]))
    return number_slides(slides, deck_footer(article.reviewed, lab))


def _source_text(source) -> str:
    return f"{source.title}, {source.citation}" if source.citation else source.title


def outcome_slides(
    title: str,
    summary: str,
    groups: Sequence[tuple[str, Sequence[str]]],
    reviewed=None,
    lang: str = "en",
    labels: dict[str, str] | None = None,
    budget: Budget | None = None,
) -> list[Slide]:
    """A deck for any titled result made of headed lists, e.g. a situation flow's outcome.

    ``groups`` is ``[(heading, [point, ...]), ...]``; empty groups are left out.
    """
    lab = deck_labels(lang, labels)
    slides = [Slide(title=title, kind="outcome", subtitle=summary, subtitle_label=lab["in_short"] if summary else "")]
    for heading, points in groups:
        slides += points_slides(heading, points, lab, budget)
    slides.append(Slide(title=lab["end_title"], points=(lab["legal_note"],), kind="end", heading=lab["end_title"]))
    return number_slides(slides, deck_footer(reviewed, lab))


def flow_outcome_slides(flow: Flow, outcome: Outcome, lang: str, labels: dict[str, str] | None = None) -> list[Slide]:
    """Slides for one outcome of a situation flow: do now, next steps, warnings (:mod:`guide_app.render.outcome`)."""
    from guide_app.render.outcome import outcome_slide_groups

    groups = outcome_slide_groups(flow, outcome, lang)
    title = outcome.title.get(lang) or next(iter(outcome.title.values()), "")
    return outcome_slides(title, outcome.summary.get(lang, ""), groups, flow.reviewed, lang, labels)


def words(text: str) -> list[str]:
    """The words of a text, for checking that slides keep every word of the key points."""
    return re.findall(r"\w+", text.casefold())


def estimated_lines(slide: Slide, budget: Budget | None = None) -> float:
    budget = budget or Budget()
    return _cost([budget.lines_of(p) for p in slide.points], budget) if slide.points else 0.0


__all__ = [
    "Budget",
    "Slide",
    "article_slides",
    "deck_labels",
    "estimated_lines",
    "flow_outcome_slides",
    "key_points",
    "number_slides",
    "outcome_slides",
    "pack_points",
    "parse_points",
    "Point",
    "points_slides",
    "split_point",
    "words",
]
