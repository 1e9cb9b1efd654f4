"""Markdown to the HTML that the reader (QTextBrowser), print and PDF use. No Qt here.

QTextBrowser understands a subset of HTML 4 and CSS 2, so the markup stays simple: headings carry
``<a name>`` anchors (``scrollToAnchor`` needs them), the "In short" box is a one-cell table, and
external links get a visible "(internet)" marker. Raw HTML inside content is escaped, never passed on.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from guide_app.i18n import text, words
from guide_app.library.model import LEGAL_HELP_ID, Article, Library
from guide_app.search.tokens import WORD

STALE_AFTER_DAYS = 365
_MD = None


def _markdown():
    global _MD
    if _MD is None:
        import markdown  # loaded on first render, not at start-up

        _MD = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        _MD.preprocessors.deregister("html_block")
        _MD.inlinePatterns.deregister("html")
    return _MD


PARAGRAPH_LIMIT = 3000  # characters; the longest paragraph in the shipped articles has about 900
_EXTERNAL = re.compile(r'<a href="(https?://[^"]+)">(.*?)</a>', re.S)


def markdown_to_html(markdown: str, internet_label: str | None = None) -> str:
    """Markdown to HTML; every web link gets a visible "(needs internet)" marker after it.

    The lines go through :func:`guide_app.render.blocks.prepare` first, so the window, print and every plain
    text read lists the same way, and no input makes Python-Markdown take more than linear time (nesting is
    bounded, stray brackets are escaped, paragraphs longer than ``PARAGRAPH_LIMIT`` are broken up)."""
    from guide_app.render.blocks import prepare

    md = _markdown()
    md.reset()
    label = text("internet", "en") if internet_label is None else internet_label
    marker = f" <small>({html.escape(label)})</small>"
    try:
        converted = md.convert("\n".join(prepare(markdown, paragraph_limit=PARAGRAPH_LIMIT)))
    except RecursionError:  # prepare() bounds nesting, so this is a last guard: the text, escaped
        md.reset()
        paragraphs = (p.strip() for p in re.split(r"\n\s*\n", markdown))
        converted = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
    return _EXTERNAL.sub(lambda m: f'<a href="{m.group(1)}">{m.group(2)}</a>{marker}', converted)


@dataclass(frozen=True)
class Highlight:
    """Words to mark in the article: their stems (as the search engine produced them) and a stemmer."""

    terms: tuple[str, ...]
    stem: Callable[[str], str | None]  # word -> stem as the index stems it (None for a stop word)


_TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
_WORD = WORD  # the index's own word pattern: "287(g)" is one word here too


def highlight_html(fragment: str, highlight: Highlight | None) -> str:
    """Wrap words whose stem is one of ``highlight.terms`` in ``<span class="hit">``, outside tags."""
    if not highlight or not highlight.terms:
        return fragment
    wanted = set(highlight.terms)

    def mark_text(text: str) -> str:
        return _WORD.sub(
            lambda m: (
                f'<span style="background-color:#ffe680;color:#000">{m.group(0)}</span>'
                if highlight.stem(m.group(0)) in wanted
                else m.group(0)
            ),
            text,
        )

    parts = _TAG_OR_TEXT.split(fragment)
    return "".join(p if p.startswith("<") else mark_text(p) for p in parts)


def article_html(
    article: Article,
    library: Library | None = None,
    labels: dict[str, str] | None = None,
    highlight: Highlight | None = None,
    today: dt.date | None = None,
    for_print: bool = False,
    match_anchor: str = "",
) -> str:
    """The whole article page: title, In short, contents, sections, sources, reviewed date, note, related.

    ``match_anchor``: the section a search matched; the page still opens at its top (the answer first) and
    offers a link down to that section."""
    lab = words(article.lang, labels)
    esc = html.escape
    out = [f'<h1><a name="top"></a>{esc(article.title)}</h1>']
    out.append(
        '<table class="inshort" width="100%" cellpadding="10" cellspacing="0"><tr><td>'
        f"<p><b>{esc(lab['in_short'])}:</b> {esc(article.summary)}</p></td></tr></table>"
    )
    matched = next((s for s in article.sections if s.heading and s.anchor == match_anchor), None)
    if matched is not None and not for_print:
        jump = lab["jump_to_match"].format(section=matched.heading)
        out.append(f'<p class="jump"><a href="#{esc(matched.anchor)}">{esc(jump)} \u2193</a></p>')
    headed = [s for s in article.sections if s.heading]
    if len(headed) >= 4 and not for_print:
        items = "".join(f'<li><a href="#{s.anchor}">{esc(s.heading)}</a></li>' for s in headed)
        out.append(f'<p class="toc-title"><b>{esc(lab["contents"])}</b></p><ul class="toc">{items}</ul>')
    for section in article.sections:
        if section.heading:
            out.append(f'<h2><a name="{section.anchor}"></a>{esc(section.heading)}</h2>')
        out.append(highlight_html(markdown_to_html(section.markdown, lab["internet"]), highlight))
    out.append(f"<h2>{esc(lab['sources'])}</h2><ul>")
    for source in article.sources:
        detail = esc(source.citation) if source.citation else ""
        if source.url:
            link = f'<a href="{esc(source.url)}">{esc(source.url)}</a> <small>({esc(lab["internet"])})</small>'
            detail = f"{detail}, {link}" if detail else link
        out.append(f"<li>{esc(source.title)}{': ' + detail if detail else ''}</li>")
    out.append("</ul>")
    out.append(f'<p class="reviewed">{esc(lab["reviewed_on"].format(date=article.reviewed.isoformat()))}</p>')
    if (today or dt.date.today()) - article.reviewed > dt.timedelta(days=STALE_AFTER_DAYS):
        out.append(f'<p class="stale">{esc(lab["stale"])}</p>')
    note = esc(lab["legal_note"])
    if not for_print:
        note += f' <a href="article:{LEGAL_HELP_ID}">{esc(lab["help_link"])}</a>'
    out.append(f'<table class="note" width="100%" cellpadding="8"><tr><td>{note}</td></tr></table>')
    if library is not None and article.related and not for_print:
        links = []
        for rid in article.related:
            other = library.article(rid, article.lang)
            if other is not None:
                links.append(f'<li><a href="article:{other.id}">{esc(other.title)}</a></li>')
        if links:
            out.append(f"<h2>{esc(lab['related'])}</h2><ul>{''.join(links)}</ul>")
    return "\n".join(out)


def snippet_html(snippet: str) -> str:
    """Turn the engine's ``[word]`` marks into bold, escaping everything else."""
    escaped = html.escape(snippet)
    return re.sub(r"\[([^\[\]]{1,80})\]", r"<b>\1</b>", escaped)


def glossary_html(term, lang: str, labels: dict[str, str] | None = None) -> str:
    lab = words(lang, labels)
    esc = html.escape
    out = [f"<p><small>{esc(lab['glossary'])}</small></p><h1>{esc(term.term.get(lang, term.id))}</h1>"]
    out.append(f"<p>{esc(term.definition.get(lang, ''))}</p>")
    other = next((x for x in term.term if x != lang), None)
    if other:
        out.append(f"<p><i>{esc(term.term[other])}</i>: {esc(term.definition[other])}</p>")
    if term.article:
        out.append(f'<p><a href="article:{esc(term.article)}">{esc(lab["read_more"])}</a></p>')
    return "\n".join(out)


def help_html(resources, lang: str, labels: dict[str, str] | None = None) -> str:
    """ "Get help now": every contact the guide has, a center's own (local) first, then those with a phone
    number, each with what it helps with in ``lang``."""
    lab = words(lang, labels)
    esc = html.escape
    local = [r for r in resources if r.origin != "built-in"]
    national = sorted((r for r in resources if r.origin == "built-in"), key=lambda r: not r.phone)
    out = [f'<h1><a name="top"></a>{esc(lab["help_now"])}</h1>', f"<p>{esc(lab['help_now_intro'])}</p>"]
    for heading, group in ((lab["help_local"], local), (lab["help_national"], national)):
        if not group:
            continue
        out.append(f"<h2>{esc(heading)}</h2>")
        for resource in group:
            name = resource_name(resource, lang)
            out.append(f'<p><b><a href="resource:{esc(resource.id)}">{esc(name)}</a></b>')
            if resource.phone:
                out.append(f'<br><span class="phone">{esc(lab["phone"])}: <b>{esc(resource.phone)}</b></span>')
            if resource.website:
                out.append(
                    f"<br>{esc(lab['website'])}: {esc(resource.website)} <small>({esc(lab['internet'])})</small>"
                )
            text = resource.helps_with.get(lang) or next(iter(resource.helps_with.values()), "")
            out.append(f"<br>{esc(text)}</p>")
    return "\n".join(out)


def resource_name(resource, lang: str) -> str:
    """The resource's name in ``lang`` when the content gives one (``names``), else its own name."""
    names = getattr(resource, "names", None) or {}
    return names.get(lang) or resource.name


def resource_html(resource, lang: str, labels: dict[str, str] | None = None) -> str:
    lab = words(lang, labels)
    esc = html.escape
    out = [f"<h1>{esc(resource_name(resource, lang))}</h1>"]
    text = resource.helps_with.get(lang) or next(iter(resource.helps_with.values()), "")
    out.append(f"<p>{esc(text)}</p><ul>")
    if resource.phone:
        out.append(f"<li><b>{esc(lab['phone'])}:</b> {esc(resource.phone)}</li>")
    if resource.website:
        url = resource.website if resource.website.startswith("http") else f"https://{resource.website}"
        out.append(
            f'<li><b>{esc(lab["website"])}:</b> <a href="{esc(url)}">{esc(resource.website)}</a>'
            f" <small>({esc(lab['internet'])})</small></li>"
        )
    out.append("</ul>")
    out.append(f'<p class="reviewed">{esc(lab["checked_on"].format(date=resource.verified.isoformat()))}</p>')
    return "\n".join(out)
