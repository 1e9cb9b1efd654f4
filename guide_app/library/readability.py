"""Reading-level scores for article text (English Flesch-Kincaid grade, Spanish Fernández-Huerta).

Markdown is reduced to plain sentences first (by ``guide_app.render.blocks``, the reader every plain-text
output shares): headings, list items and table rows count as sentences of their own, links keep only their
text. ``textstat`` is pinned to 0.7.8, which reads its syllable data from installed
packages and never touches the network.
"""

from __future__ import annotations

import sys

# Limits agreed in the content issues; `guide-app check` fails outside them.
EN_MAX_GRADE = 9.0
EN_MAX_MEDIAN_GRADE = 7.0
ES_MIN_FERNANDEZ_HUERTA = 70.0

_END = (".", "!", "?", ":", ";", "…")


def plain_sentences(markdown: str) -> str:
    """Return the text of ``markdown`` with each heading, list item and paragraph ended as a sentence.

    A list item's continuation lines (indented, or "lazy" ones right under it) belong to that item, as in
    Markdown: they are joined to it, not counted as sentences of their own. The Markdown is read by
    :func:`guide_app.render.blocks.read_blocks`, the reader every plain-text output shares.
    """
    from guide_app.render.blocks import read_blocks

    return "\n".join(s for s in (_terminate(block.text) for block in read_blocks(markdown)) if s)


def _terminate(text: str) -> str:
    text = " ".join(text.split())
    if text and not text.endswith(_END) and not text.endswith(('"', "”", ")")):
        text += "."
    return text


def english_grade(markdown: str) -> float:
    import textstat

    textstat.set_lang("en_US")
    return round(float(textstat.flesch_kincaid_grade(plain_sentences(markdown))), 1)


def spanish_ease(markdown: str) -> float:
    import textstat

    textstat.set_lang("es")
    try:
        return round(float(textstat.fernandez_huerta(plain_sentences(markdown))), 1)
    finally:
        textstat.set_lang("en_US")


def limit_text(lang: str) -> str:
    """The one-article limit in words, for messages: "at least 70" / "at most 9"."""
    return f"at least {ES_MIN_FERNANDEZ_HUERTA:g}" if lang == "es" else f"at most {EN_MAX_GRADE:g}"


def score(lang: str, markdown: str) -> tuple[str, float, bool]:
    """Return (formula name, value, within the limit for one article) for ``lang``."""
    if lang == "es":
        value = spanish_ease(markdown)
        return "Fernández-Huerta", value, value >= ES_MIN_FERNANDEZ_HUERTA
    value = english_grade(markdown)
    return "Flesch-Kincaid grade", value, value <= EN_MAX_GRADE


def _main(argv: list[str]) -> int:
    """`python -m guide_app.library.readability FILE...`: score article files (front matter skipped)."""
    for path in argv:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        if text.startswith("---"):
            text = text.split("\n---", 2)[-1]
        lang = "es" if "/es/" in path.replace("\\", "/") else "en"
        name, value, ok = score(lang, text)
        print(f"{path}: {name} {value}{'' if ok else '  <-- outside the limit'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
