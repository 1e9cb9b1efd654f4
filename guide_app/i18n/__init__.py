"""Every word that appears *inside content*, in the language of that content. No Qt.

Articles, glossary and resource pages, slides, printouts, wallet-card sheets, flow checklists and the command
line all take their fixed words ("In short", "Sources", "Reviewed on {date}", the not-legal-advice note...)
from one catalog, :mod:`guide_app.i18n.catalog`, keyed once. A printout or a slide follows the language of
its content, not the window's. Widget text (menus, buttons, dialogs) is translated by Qt's ``.ts`` files in
``resources/i18n/`` instead.

- :func:`words` ``(lang) -> dict``: every word for ``lang`` (English for a language the catalog lacks);
- :func:`text` ``(key, lang, **fields)``: one word, with its ``{fields}`` filled in.
"""

from __future__ import annotations

from guide_app.i18n.catalog import CATALOG, FALLBACK


def words(lang: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """All catalog words in ``lang`` (English where the language is unknown), with ``overrides`` applied."""
    base = CATALOG.get(lang or FALLBACK, CATALOG[FALLBACK])
    return {**base, **overrides} if overrides else dict(base)


def text(key: str, lang: str | None, **fields: object) -> str:
    """The word ``key`` in ``lang``, formatted with ``fields``; a ``KeyError`` names an unknown key."""
    value = CATALOG.get(lang or FALLBACK, CATALOG[FALLBACK])[key]
    return value.format(**fields) if fields else value


__all__ = ["CATALOG", "FALLBACK", "text", "words"]
