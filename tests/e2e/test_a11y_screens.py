"""What a screen reader gets from the real app, read over AT-SPI, in English and Spanish.

One walk per language, by real key presses only (xdotool on a private X screen): start -> type a search
-> open the first result -> move by heading and by link -> a search with no results -> home -> a situation
flow question by question to its outcome. At each screen the accessibility tree is recorded, and every
``object:announcement`` event the app sent. The tests below then check the record: every focusable control
named, start focus in the search box, results spoken once typing settles (not per keystroke), an article
announced with its title and "In short", headings and links reachable and spoken, each flow question and the
outcome spoken. ``pytest -s`` prints the per-screen counts (controls / named).
"""

from __future__ import annotations

import re
import time

import pytest
from a11y_session import Stack, actionable, missing_reason, summary

pytestmark = [pytest.mark.e2e, pytest.mark.a11y]

REASON = missing_reason()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

WORDS = {
    "en": {
        "search": "Search the guide",
        "quick_exit": "Quick exit",
        "query": "warrant",
        "results": "result",
        "first": "First:",
        "in_short": "In short",
        "heading": "Heading level",
        "link": "Link:",
        "nothing": "zzqx",
        "no_results": "No results",
        "situation": "Police stopped me",
        "step": "Step 1",
        "step2": "Step 2",
        "outcome": "What to do:",
    },
    "es": {
        "search": "Buscar en la guía",
        "quick_exit": "Salida rápida",
        "query": "orden judicial",
        "results": "resultado",
        "first": "El primero:",
        "in_short": "En resumen",
        "heading": "Título de nivel",
        "link": "Enlace:",
        "nothing": "zzqx",
        "no_results": "No hay resultados",
        "situation": "La policía me paró",  # the police flow's own title (content/flows/police-stopped-me.yaml)
        "step": "Paso 1",
        "step2": "Paso 2",
        "outcome": "Qué hacer:",
    },
}


@pytest.fixture(scope="module")
def stack():
    s = Stack().start()
    yield s
    s.stop()


class Walk:
    def __init__(self) -> None:
        self.screens: dict[str, list[dict]] = {}
        self.spoken: dict[str, list[str]] = {}
        self.focus: dict[str, dict] = {}
        self.error: str = ""


def _tab_to(app, name: str, limit: int = 25) -> dict:
    for _ in range(limit):
        app.key("Tab")
        node = app.ask("focused", check=False, timeout=2)["node"] or {}  # None: a control outside the tree
        if node.get("name") == name:
            return node
    raise AssertionError(f"Tab never reached {name!r}")


def _settled_tree(app, tries: int = 4) -> list[dict]:
    """The tree once no actionable control is nameless: a control caught between being made and being named
    (a result row while the list refills) is looked at again a moment later. One that stays nameless is what
    the test reports."""
    nodes = app.tree()
    for _ in range(tries - 1):
        if not summary(nodes)[2]:
            break
        time.sleep(0.5)
        nodes = app.tree()
    return nodes


def _walk(app, words: dict) -> Walk:
    walk = Walk()
    app.wait_for("push button", words["situation"], timeout=15)
    # the window manager activates the window a moment after it shows; then something has the focus
    walk.focus["start"] = app.ask("focused", check=False, timeout=10)["node"] or {}
    walk.screens["home"] = _settled_tree(app)
    app.events()  # forget start-up events

    app.key("ctrl+k")
    app.focused("text", words["search"])
    app.type(words["query"])
    app.wait_announcement(words["results"])
    walk.spoken["typing"] = app.announcements(settle=1.5)
    walk.screens["results"] = _settled_tree(app)

    app.key("Return")
    app.wait_announcement(words["in_short"])
    walk.spoken["article"] = app.announcements()
    walk.screens["reader"] = _settled_tree(app)
    app.key("ctrl+Down")
    app.wait_announcement(words["heading"])
    app.key("ctrl+Down")
    app.wait_announcement(words["heading"] + " 2")
    walk.spoken["headings"] = app.announcements()
    walk.focus["heading"] = app.focused()
    app.key("ctrl+Home", "Tab")
    app.wait_announcement(words["link"])
    walk.spoken["link"] = app.announcements()

    app.key("ctrl+k")
    app.type(words["nothing"])
    app.wait_announcement(words["no_results"])
    walk.spoken["nothing"] = app.announcements(settle=1.2)
    walk.screens["no results"] = _settled_tree(app)

    app.key("alt+Home")
    app.wait_for("push button", words["situation"])
    walk.focus["situation"] = _tab_to(app, words["situation"])
    app.key("space")
    app.wait_announcement(words["step"])
    walk.spoken["flow start"] = app.announcements()
    walk.focus["first answer"] = app.focused(role="push button")
    walk.screens["flow question"] = _settled_tree(app)
    app.key("3")  # "the stop is over": the way with more than one question
    app.wait_announcement(words["step2"])
    walk.spoken["flow next"] = app.announcements()
    for key in ["Return"] + ["1"] * 8:  # Enter presses the focused first answer, as 1 does
        if any(words["outcome"] in s for s in walk.spoken.setdefault("flow end", [])):
            break
        app.key(key)
        walk.spoken["flow end"] += app.announcements(settle=0.6)
    walk.screens["flow outcome"] = _settled_tree(app)
    return walk


@pytest.fixture(scope="module", params=["en", "es"])
def walk(request, stack):
    lang = request.param
    app = stack.launch("--lang", lang)
    try:
        record = _walk(app, WORDS[lang])
    finally:
        app.close()
    record.lang = lang
    return record


def test_every_focusable_control_has_a_name(walk):
    report, unnamed = [], []
    for screen, nodes in walk.screens.items():
        controls, named, missing = summary(nodes)
        report.append(f"{walk.lang} {screen}: {controls} controls / {named} named")
        unnamed += [f"{screen}: {m}" for m in missing]
    print("\n" + "\n".join(report))
    assert not unnamed


def test_no_focusable_pane_or_filler(walk):
    for screen, nodes in walk.screens.items():
        panes = [n for n in actionable(nodes) if n["role"] in ("filler", "panel", "scroll pane", "layered pane")]
        assert not panes, f"{screen}: focusable container {panes[0]['role']} {panes[0]['name']!r}"


def test_quick_exit_is_in_the_tree_on_every_screen(walk):
    """A screen reader must find the Quick exit button wherever the person is (and say it when Tab lands)."""
    for screen, nodes in walk.screens.items():
        found = [
            n for n in actionable(nodes) if n["role"] == "push button" and n["name"] == WORDS[walk.lang]["quick_exit"]
        ]
        assert found, f"{screen}: no Quick exit button in the accessibility tree"


def test_start_focus_is_in_the_search_box(walk):
    node = walk.focus["start"]
    assert (node.get("role"), node.get("name")) == ("text", WORDS[walk.lang]["search"]), node


def test_results_are_announced_once_typing_settles(walk):
    words = WORDS[walk.lang]
    spoken = walk.spoken["typing"]
    assert len(spoken) == 1, f"one announcement after typing {words['query']!r}, got {spoken}"
    assert words["results"] in spoken[0] and words["first"] in spoken[0]


def test_no_results_is_announced(walk):
    spoken = walk.spoken["nothing"]
    assert len(spoken) == 1 and WORDS[walk.lang]["no_results"] in spoken[0], spoken


def test_results_list_reports_what_is_shown(walk):
    """The list has as many items as the results line announces ("N results"), plus the card row if any."""
    nodes = walk.screens["results"]
    lists = [n for n in nodes if n["role"] == "list"]
    assert lists, "no results list on the results screen"
    items = [n for n in nodes if n["role"] == "list item" and n["path"].startswith(lists[0]["path"] + "/")]
    assert items and all(i["name"].strip() for i in items)  # the rows on screen are named
    spoken = walk.spoken["typing"][0]
    count = int(re.search(r"(\d+) " + WORDS[walk.lang]["results"], spoken).group(1))
    # the results, plus at most one glossary or help card shown as the last row; never blank, hidden rows
    assert count <= lists[0]["children"] <= count + 1, f"the list has {lists[0]['children']} items: {spoken!r}"


def test_opening_an_article_is_announced(walk):
    spoken = walk.spoken["article"]
    assert any(WORDS[walk.lang]["in_short"] in s for s in spoken), spoken


def test_article_headings_are_listed_and_reachable(walk):
    words = WORDS[walk.lang]
    combos = [n for n in actionable(walk.screens["reader"]) if n["role"] == "combo box"]
    assert combos and combos[0]["name"], "no named sections list in the reader"
    spoken = walk.spoken["headings"]
    assert len(spoken) == 2 and all(words["heading"] in s for s in spoken), spoken
    assert walk.focus["heading"]["name"] and walk.focus["heading"]["role"] in ("label", "text", "document text")


def test_links_are_announced_as_links(walk):
    spoken = walk.spoken["link"]
    assert spoken and spoken[-1].startswith(WORDS[walk.lang]["link"]) and len(spoken[-1]) > 8, spoken


def test_flow_questions_are_spoken_with_their_position(walk):
    words = WORDS[walk.lang]
    assert any(words["step"] in s and "?" in s for s in walk.spoken["flow start"]), walk.spoken["flow start"]
    assert any(words["step2"] in s for s in walk.spoken["flow next"]), walk.spoken["flow next"]
    answer = walk.focus["first answer"]
    assert answer["description"].endswith("?"), "the focused answer does not carry its question"


def test_flow_outcome_is_spoken(walk):
    assert any(WORDS[walk.lang]["outcome"] in s for s in walk.spoken["flow end"]), walk.spoken["flow end"]
