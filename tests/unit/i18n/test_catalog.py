"""The content-language catalog (guide_app.i18n): complete in every language, same fields, and the one place
the renderers, printouts, slides, flows and the command line take their words from."""

from __future__ import annotations

import ast
import datetime as dt
import html
import string

import pytest

from conftest import REPO
from guide_app import i18n
from guide_app.i18n.catalog import CATALOG, EN, FALLBACK
from guide_app.library.model import LANGUAGES


def fields(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}


def test_every_content_language_has_a_catalog():
    assert set(CATALOG) == set(LANGUAGES) and FALLBACK in CATALOG


@pytest.mark.parametrize("lang", sorted(CATALOG))
def test_each_language_holds_the_same_keys(lang):
    missing = sorted(set(EN) - set(CATALOG[lang]))
    extra = sorted(set(CATALOG[lang]) - set(EN))
    assert not missing and not extra, f"{lang}: missing {missing}, not in English {extra}"


@pytest.mark.parametrize("lang", sorted(CATALOG))
def test_each_word_is_written_and_keeps_its_fields(lang):
    for key, value in CATALOG[lang].items():
        assert value.strip() == value and value, f"{lang}.{key} is empty or has stray spaces"
        assert fields(value) == fields(EN[key]), f"{lang}.{key}: fields {fields(value)} != {fields(EN[key])}"
        value.format(**dict.fromkeys(fields(value), "x"))  # a stray brace would raise here


def test_spanish_is_translated_not_copied():
    same = {k for k, v in CATALOG["es"].items() if v == EN[k]}
    assert not same, f"Spanish words identical to English: {sorted(same)}"


def test_text_fills_fields_and_words_fall_back_to_english():
    assert i18n.text("reviewed_on", "es", date="2026-11-01") == "Revisado el 2026-11-01"
    assert i18n.text("page", "en", n=2, total=5) == "Page 2 of 5"
    assert i18n.words("xx") == EN and i18n.words(None) == EN
    assert i18n.words("es", {"guide": "Mi guía"})["guide"] == "Mi guía"
    assert i18n.words("es")["guide"] == CATALOG["es"]["guide"]  # overrides never leak into the catalog
    with pytest.raises(KeyError):
        i18n.text("no-such-word", "en")


def test_one_legal_note_per_language():
    """The not-legal-advice note was worded three ways in Spanish; slides, pages and checklists now share one."""
    from guide_app.library.model import Article
    from guide_app.render.html import article_html
    from guide_app.render.slides import article_slides

    for lang in CATALOG:
        article = Article("a", lang, "T", "S", (), dt.date(2026, 1, 1), (), (), (), "a.md")
        note = CATALOG[lang]["legal_note"]
        assert article_slides(article)[-1].points == (note,)
        assert html.escape(note) in article_html(article, today=dt.date(2026, 2, 1))


# The old per-module tables must not come back: no dict literal outside guide_app/i18n holds a catalog word
# for a catalog key (e.g. {"in_short": "In short"}).
def _label_tables(path, name: str = "") -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and isinstance(value, ast.Constant)
                    and key.value in EN
                    and any(value.value == CATALOG[lang][key.value] for lang in CATALOG)
                ):
                    found.append(f"{name or path.name}:{node.lineno}: {key.value!r}")
    return found


def test_no_other_module_keeps_a_label_table():
    package = REPO / "guide_app"
    found = [
        hit
        for path in sorted(package.rglob("*.py"))
        if "i18n" not in path.parts
        for hit in _label_tables(path, str(path.relative_to(REPO)))
    ]
    assert not found, "content words belong in guide_app/i18n/catalog.py:\n" + "\n".join(found)


def test_the_table_probe_sees_a_table(tmp_path):
    """Control for the test above: a module with an old-style table is caught."""
    bad = tmp_path / "old_labels.py"
    bad.write_text('LABELS = {"es": {"in_short": "En resumen"}}\n', encoding="utf-8")
    assert _label_tables(bad) == ["old_labels.py:1: 'in_short'"]
