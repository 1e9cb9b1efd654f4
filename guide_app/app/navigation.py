"""Where a person is in the guide, the back/forward history, and what a link opens. No Qt.

A :class:`Place` says what is on screen (home, results, a topic, an article…). :class:`History` is the
in-memory back/forward list of places; it is never written anywhere. :func:`resolve_link` turns the href
of a clicked link into what the window should do with it, asking the kiosk :class:`~guide_app.app.policy.
Policy` whether a link out of the guide may open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum

from guide_app.app.policy import Policy
from guide_app.library.model import LEGAL_HELP_ID

# The article behind "Where to get real help" (home page link, Help menu).
LEGAL_HELP_ARTICLE = LEGAL_HELP_ID


class PlaceKind(str, Enum):
    """What a place shows. A ``str`` enum, so ``PlaceKind.HOME == "home"``."""

    HOME = "home"
    RESULTS = "results"  # the answers to a search
    TOPIC = "topic"  # the articles of one home-page topic
    ALL = "all"  # every article
    ARTICLE = "article"
    GLOSSARY = "glossary"
    RESOURCE = "resource"
    FLOW = "flow"  # a guided situation (questions, then what to do)
    HELP = "help"  # "Get help now": phone numbers and sites, a center's own first

    def __str__(self) -> str:
        return self.value


DOCUMENTS = (PlaceKind.ARTICLE, PlaceKind.GLOSSARY, PlaceKind.RESOURCE, PlaceKind.HELP)  # shown in the reader
LISTS = (PlaceKind.TOPIC, PlaceKind.ALL)  # shown on the results page as a browse list


@dataclass(frozen=True)
class Place:
    """One entry of the back/forward history.

    ``key`` is the id of the article, glossary term, resource or flow (empty for the other kinds);
    ``query`` is the search that led to a document (its words are highlighted there) and ``terms`` the
    highlight terms the search worker computed for it; ``topics`` are the topic ids of a topic list.
    """

    kind: PlaceKind
    key: str = ""
    lang: str = ""
    anchor: str = ""
    query: str = ""
    topics: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", PlaceKind(self.kind))  # "article" is accepted and kept as the enum

    @property
    def is_document(self) -> bool:
        return self.kind in DOCUMENTS

    def in_language(self, lang: str) -> Place | None:
        """This place after a switch to ``lang``: the same document or list in the other language, or
        None when the place does not change with the language (home, a flow, search results)."""
        if self.kind is PlaceKind.ARTICLE:
            # The anchor of a section is kept only when the article stays in the same language.
            return Place(PlaceKind.ARTICLE, self.key, lang, self.anchor if lang == self.lang else "")
        if self.kind in LISTS:
            return replace(self, lang=lang)
        if self.kind in (PlaceKind.GLOSSARY, PlaceKind.RESOURCE, PlaceKind.HELP):
            return Place(self.kind, self.key, lang)
        return None


HOME = Place(PlaceKind.HOME)


class History:
    """Back/forward over places, in memory only. It always holds at least one place (home at first)."""

    def __init__(self, start: Place = HOME) -> None:
        self._places: list[Place] = [start]
        self._position = 0

    @property
    def current(self) -> Place:
        return self._places[self._position]

    @property
    def position(self) -> int:
        return self._position

    def __iter__(self) -> Iterator[Place]:
        return iter(list(self._places))

    def __len__(self) -> int:
        return len(self._places)

    @property
    def can_go_back(self) -> bool:
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        return self._position < len(self._places) - 1

    def visit(self, place: Place) -> None:
        """Go to ``place``: it becomes the newest entry and the forward entries are dropped. Visiting the
        place already shown changes nothing."""
        if place == self.current:
            return
        del self._places[self._position + 1 :]
        self._places.append(place)
        self._position = len(self._places) - 1

    def replace(self, place: Place) -> None:
        """Change the current entry in place (the results of the next keystroke, a language switch)."""
        self._places[self._position] = place

    def back(self) -> Place | None:
        if not self.can_go_back:
            return None
        self._position -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward:
            return None
        self._position += 1
        return self.current

    def clear(self, start: Place = HOME) -> None:
        """Forget every entry (clear session, quick exit)."""
        self._places = [start]
        self._position = 0


def place_for_results(query: str, lang: str) -> Place:
    return Place(PlaceKind.RESULTS, lang=lang, query=query)


# -- links -------------------------------------------------------------------------------------------
class LinkKind(str, Enum):
    OPEN = "open"  # go to ``Link.place`` in the guide
    ANCHOR = "anchor"  # scroll the open document to ``Link.target``
    EXTERNAL = "external"  # a web or mail link: ask, then open it outside the guide
    BLOCKED = "blocked"  # a web or mail link this computer does not open (kiosk)
    CARD = "card"  # print the wallet rights card
    IGNORE = "ignore"  # nothing the guide knows how to open


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    target: str = ""  # the anchor, or the address of an external link
    place: Place | None = None


_EXTERNAL_SCHEMES = ("http://", "https://", "mailto:")
_IN_GUIDE = {"article:": PlaceKind.ARTICLE, "glossary:": PlaceKind.GLOSSARY, "resource:": PlaceKind.RESOURCE}


def resolve_link(href: str, lang: str, policy: Policy) -> Link:
    """What clicking ``href`` does: ``article:ID#anchor``, ``glossary:ID``, ``resource:ID``, ``flow:ID``,
    ``help:`` (Get help now), ``card:``, ``#anchor``, or a web/mail address (which the kiosk policy may refuse)."""
    href = href.strip()
    for prefix, kind in _IN_GUIDE.items():
        if href.startswith(prefix):
            key, _, anchor = href[len(prefix) :].partition("#")
            if not key:
                return Link(LinkKind.IGNORE)
            return Link(LinkKind.OPEN, place=Place(kind, key, lang, anchor if kind is PlaceKind.ARTICLE else ""))
    if href.startswith("flow:"):
        key = href[len("flow:") :]
        return Link(LinkKind.OPEN, place=Place(PlaceKind.FLOW, key, lang)) if key else Link(LinkKind.IGNORE)
    if href == "help:":
        return Link(LinkKind.OPEN, place=Place(PlaceKind.HELP, lang=lang))
    if href.startswith("card:"):
        return Link(LinkKind.CARD) if policy.can_print else Link(LinkKind.IGNORE)
    if href.startswith("#"):
        return Link(LinkKind.ANCHOR, href[1:]) if len(href) > 1 else Link(LinkKind.IGNORE)
    if href.lower().startswith(_EXTERNAL_SCHEMES):
        return Link(LinkKind.EXTERNAL if policy.can_open_external else LinkKind.BLOCKED, href)
    return Link(LinkKind.IGNORE)
