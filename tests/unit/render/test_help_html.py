"""The "Get help now" page: every contact, a center's own first, phone numbers before websites only."""

from __future__ import annotations

import datetime as dt

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
