"""Places, the back/forward history and what a link opens — no window needed."""

from __future__ import annotations

from guide_app.app.navigation import (
    HOME,
    History,
    LinkKind,
    Place,
    PlaceKind,
    place_for_results,
    resolve_link,
)
from guide_app.app.passphrase import make_hash
from guide_app.app.policy import Policy
from guide_app.kiosk import KioskSettings

ARTICLE = Place(PlaceKind.ARTICLE, "habeas-corpus", "en")
OTHER = Place(PlaceKind.ARTICLE, "remain-silent", "en")


def test_place_kinds_are_an_enum_that_still_reads_as_text():
    assert Place("article", "x").kind is PlaceKind.ARTICLE
    assert PlaceKind.HOME == "home" and str(PlaceKind.FLOW) == "flow"
    assert ARTICLE.is_document and not HOME.is_document


def test_history_starts_at_home_with_back_and_forward_off():
    history = History()
    assert history.current == HOME and list(history) == [HOME]
    assert not history.can_go_back and not history.can_go_forward
    assert history.back() is None and history.forward() is None


def test_back_and_forward_walk_the_visits():
    history = History()
    history.visit(ARTICLE)
    history.visit(OTHER)
    assert history.back() == ARTICLE and history.can_go_forward
    assert history.back() == HOME and not history.can_go_back
    assert history.forward() == ARTICLE
    assert history.forward() == OTHER and not history.can_go_forward


def test_a_new_visit_drops_the_forward_entries():
    history = History()
    history.visit(ARTICLE)
    history.visit(OTHER)
    history.back()
    history.visit(Place(PlaceKind.ALL, lang="en"))
    assert [p.kind for p in history] == ["home", "article", "all"]
    assert not history.can_go_forward


def test_visiting_the_place_on_screen_adds_nothing():
    history = History()
    history.visit(ARTICLE)
    history.visit(ARTICLE)
    assert len(history) == 2


def test_results_replace_their_own_entry():
    history = History()
    history.visit(place_for_results("hab", "en"))
    history.replace(place_for_results("habeas", "en"))
    assert [p.query for p in history] == ["", "habeas"]


def test_clear_forgets_everything():
    history = History()
    history.visit(ARTICLE)
    history.visit(OTHER)
    history.clear()
    assert list(history) == [HOME] and not history.can_go_back


def test_a_language_switch_keeps_the_document_and_drops_a_foreign_anchor():
    with_anchor = Place(PlaceKind.ARTICLE, "habeas-corpus", "en", "who-can-file")
    assert with_anchor.in_language("es") == Place(PlaceKind.ARTICLE, "habeas-corpus", "es")
    assert with_anchor.in_language("en") == with_anchor
    topic = Place(PlaceKind.TOPIC, lang="en", topics=("detention", "remedies"))
    assert topic.in_language("es").topics == ("detention", "remedies")
    assert Place(PlaceKind.GLOSSARY, "bond", "en").in_language("es") == Place(PlaceKind.GLOSSARY, "bond", "es")
    assert HOME.in_language("es") is None and Place(PlaceKind.FLOW, "f").in_language("es") is None


def test_links_inside_the_guide_open_places():
    open_ = Policy()
    link = resolve_link("article:habeas-corpus#who-can-file", "es", open_)
    assert link.kind is LinkKind.OPEN
    assert link.place == Place(PlaceKind.ARTICLE, "habeas-corpus", "es", "who-can-file")
    assert resolve_link("glossary:bond", "en", open_).place == Place(PlaceKind.GLOSSARY, "bond", "en")
    assert resolve_link("resource:aclu", "en", open_).place.kind is PlaceKind.RESOURCE
    flow = resolve_link("flow:someone-at-my-door", "en", open_).place
    assert flow == Place(PlaceKind.FLOW, "someone-at-my-door", "en")
    assert resolve_link("#sources", "en", open_) == resolve_link("#sources", "es", open_)
    assert resolve_link("#sources", "en", open_).target == "sources"
    for nothing in ("article:", "flow:", "#", "javascript:alert(1)", "file:///etc/passwd", ""):
        assert resolve_link(nothing, "en", open_).kind is LinkKind.IGNORE, nothing


def test_the_kiosk_policy_decides_whether_a_link_may_leave_the_guide():
    url = "https://www.law.cornell.edu/uscode/text/28/2241"
    assert resolve_link(url, "en", Policy()).kind is LinkKind.EXTERNAL
    kiosk = Policy(KioskSettings(enabled=True, passphrase_hash=make_hash("open sesame 42")))
    assert resolve_link(url, "en", kiosk).kind is LinkKind.BLOCKED
    assert resolve_link("mailto:help@example.org", "en", kiosk).kind is LinkKind.BLOCKED
    assert resolve_link("article:habeas-corpus", "en", kiosk).kind is LinkKind.OPEN  # inside the guide: fine
    assert resolve_link("card:", "en", kiosk).kind is LinkKind.IGNORE  # no printing in a locked kiosk
    assert kiosk.unlock("open sesame 42")
    assert resolve_link(url, "en", kiosk).kind is LinkKind.EXTERNAL
