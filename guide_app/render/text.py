"""Markdown to plain text: for the search index and the command line (read by :mod:`guide_app.render.blocks`)."""

from __future__ import annotations

import textwrap

from guide_app.i18n import words
from guide_app.library.model import Article
from guide_app.render.blocks import Block, read_blocks

_KEEP_TOGETHER = (("EE. UU.", "EE.\u00a0UU."),)  # never wrap between the two halves


def _line(block: Block) -> str:
    if block.kind == "item":
        return " " * block.indent + f"{block.marker} {block.text}"
    if block.kind == "more":
        return " " * block.indent + block.text
    return block.text


def plain_blocks(markdown: str) -> list[str]:
    """The logical lines of ``markdown`` as plain text, "" between paragraphs.

    Each paragraph, list item, heading and table row is one line: the hard line breaks the source keeps
    inside a paragraph or a list item (its indented or lazy continuation lines) are joined. List items keep
    their marker and are indented under the item they belong to, so they stay separate and nested.
    """
    lines: list[str] = []
    for block in read_blocks(markdown):
        if block.gap and lines:
            lines.append("")
        lines.append(_line(block))
    return lines


def markdown_to_plain(markdown: str) -> str:
    """Markdown without its markup: one line per paragraph, heading, list item (with its marker) or table
    row, a blank line between paragraphs (the lines of :func:`plain_blocks`)."""
    return "\n".join(plain_blocks(markdown))


def _wrap(text: str, width: int, indent: str = "", subsequent: str = "") -> list[str]:
    for plain, joined in _KEEP_TOGETHER:
        text = text.replace(plain, joined)
    lines = textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=subsequent, break_on_hyphens=False)
    return [line.replace("\u00a0", " ") for line in lines]


def article_to_text(article: Article, width: int = 78, labels: dict[str, str] | None = None) -> str:
    """The whole article as readable plain text (``guide-app show``): paragraphs re-wrapped to ``width``."""
    lab = words(article.lang, labels)
    title = _wrap(article.title, width) or [article.title]
    out = [*title, "=" * min(max(len(line) for line in title), width), ""]
    out += _wrap(f"{lab['in_short']}: {article.summary}", width) + [""]
    for section in article.sections:
        if section.heading:
            out += [section.heading, "-" * min(len(section.heading), width)]
        for block in read_blocks(section.markdown):
            if block.gap and out[-1] != "":
                out.append("")
            indent = " " * block.indent
            if block.kind == "item":
                out += _wrap(f"{block.marker} {block.text}", width, indent, indent + " " * (len(block.marker) + 1))
            else:
                out += _wrap(block.text, width, indent, indent)
        out.append("")
    out.append(lab["sources"] + ":")
    for source in article.sources:
        where = ", ".join(x for x in (source.citation, source.url) if x)
        out += _wrap(f"- {source.title}" + (f" ({where})" if where else ""), width, subsequent="  ")
    out += ["", lab["reviewed_on"].format(date=article.reviewed.isoformat())]
    return "\n".join(out).rstrip() + "\n"
