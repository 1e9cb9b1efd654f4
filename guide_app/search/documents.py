"""Turn the library into the documents the index stores: plain text per section, glossary, resources."""

from __future__ import annotations

from collections.abc import Iterator

from guide_app.library.model import Library
from guide_app.render.text import markdown_to_plain


def documents(library: Library, lang: str) -> Iterator[dict]:
    for article in library.in_language(lang):
        for section in article.sections:
            body = markdown_to_plain(section.markdown)
            if section.index == 0:
                body = f"{article.summary}\n\n{body}".strip()
            yield {
                "key": f"article:{article.id}#{section.index}",
                "kind": "article",
                "article_id": article.id,
                "title": article.title,
                "heading": section.heading,
                "body": body,
                "topics": ",".join(article.topics),
                "anchor": section.anchor,
                "section_index": section.index,
                "summary": article.summary,
                "prefix": f"{article.title} {section.heading}",
                "spell": f"{article.title} {section.heading} {body}",
            }
    for term in library.glossary:
        if lang not in term.term:
            continue
        yield {
            "key": f"glossary:{term.id}",
            "kind": "glossary",
            "article_id": term.id,
            "title": term.term[lang],
            "heading": "",
            "body": term.definition[lang],
            "topics": "",
            "anchor": term.article,
            "section_index": 0,
            "summary": term.definition[lang],
            "prefix": term.term[lang],
            "spell": f"{term.term[lang]} {term.definition[lang]}",
        }
    for resource in library.resources:
        text = resource.helps_with.get(lang)
        if not text:
            continue
        contact = " ".join(x for x in (resource.phone, resource.website) if x)
        # The name in the index's language is the result's title; the official (English) name stays findable.
        title = resource.names.get(lang) or resource.name
        names = title if title == resource.name else f"{title} {resource.name}"
        yield {
            "key": f"resource:{resource.id}",
            "kind": "resource",
            "article_id": resource.id,
            "title": title,
            "heading": "",
            "body": f"{text} {contact}".strip(),
            "topics": ",".join(resource.topics),
            "anchor": "",
            "section_index": 0,
            "summary": text,
            "prefix": names,
            "spell": f"{names} {text}",
        }
