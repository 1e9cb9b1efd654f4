"""The Whoosh schema: one document per article section (plus glossary terms and resources)."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from guide_app.search.analysis import folding_analyzer, stemming_analyzer, word_analyzer

# Bump whenever the schema or the analyzers change: an index built with another version is rebuilt.
SCHEMA_VERSION = 7


def build_schema(lang: str) -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),  # "article", "glossary" or "resource"
        article_id=ID(stored=True),
        title=TEXT(analyzer=stemming_analyzer(lang), stored=True),
        heading=TEXT(analyzer=stemming_analyzer(lang), stored=True),
        body=TEXT(analyzer=stemming_analyzer(lang), stored=True, chars=True),
        topics=KEYWORD(stored=True, commas=True),
        anchor=STORED,
        section_index=STORED,
        summary=STORED,
        # Unstemmed words of titles and headings, for search-as-you-type prefixes.
        prefix=TEXT(analyzer=folding_analyzer(), phrase=False),
        # Every word as written (lower-case, accents kept), for "did you mean".
        spell=TEXT(analyzer=word_analyzer(), phrase=False),
    )
