"""The "Get help now" page: every contact, a center's own first, phone numbers before websites only."""

from __future__ import annotations

import datetime as dt
from html import escape as esc

from guide_app.library.model import Resource
from guide_app.render.html import help_html


def _resource(id_: str, phone: str = "", website: str = "", origin: str = "built-in") -> Resource:
    return Resource(
        id=id_,
        name=f"Name of {id_}",
        helps_with={"en": f"What {id_} does.", "es": f"Lo que hace {id_}."},
        phone=phone,
        website=website,
        topics=(),
        verified=dt.date(2026, 11, 22),
        origin=origin,
    )


def test_local_help_comes_first_then_phone_numbers():
    page = help_html(
        [
            _resource("web-only", website="example.org"),
            _resource("hotline", phone="1-800-000-0000"),
            _resource("our-center", phone="555-0100", origin="local"),
        ],
        "es",
    )
    assert page.index("Ayuda ahora") < page.index("Cerca de usted") < page.index("our-center")
    assert page.index("our-center") < page.index("Nacional") < page.index("hotline") < page.index("web-only")
    assert "<b>1-800-000-0000</b>" in page and "Lo que hace hotline." in page


def test_without_local_help_there_is_no_empty_heading():
    page = help_html([_resource("hotline", phone="1-800-000-0000")], "en")
    assert "Near you" not in page and "Get help now" in page and "National" in page


def test_every_shipped_resource_is_named_in_spanish_on_the_spanish_page():
    from conftest import REPO
    from guide_app.library.loader import load_library

    resources = load_library(REPO / "content", []).library.resources
    page_es, page_en = help_html(resources, "es"), help_html(resources, "en")
    for resource in resources:
        assert esc(resource.names["es"]) in page_es, resource.id
        assert esc(resource.name) in page_en, resource.id
        if esc(resource.name) not in esc(resource.names["es"]):
            assert esc(resource.name) not in page_es, resource.id
