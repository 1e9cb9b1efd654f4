"""Read one article file into an :class:`Article`, reporting every problem with its line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from guide_app.library import files
from guide_app.library.frontmatter import FrontMatterError, parse
from guide_app.library.model import LEGAL_HELP_ID, TOPICS, Article, Problem, Source
from guide_app.library.reference import ISO_DATE
from guide_app.library.sections import split_sections

REQUIRED = ("id", "title", "summary", "topics", "reviewed", "sources")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARTICLE_LINK = re.compile(r"\]\(article:([^)#\s]*)(?:#[^)\s]*)?\)")
RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
LEGAL_NOTE = {"en": "not legal advice", "es": "no es asesoría legal"}


def read_article(
    path: Path, lang: str, today: dt.date | None = None, origin: str = "built-in", root: Path | None = None
):
    """Return ``(article or None, problems, links)``; ``links`` are ``(target id, line)`` pairs.

    ``root`` is the content folder the file belongs to: a link out of it is not followed.
    """
    shown = str(path)
    problems: list[Problem] = []
    try:
        text = files.read_text(path, root or path.parent.parent, files.MAX_ARTICLE_BYTES)
    except files.ContentFileError as exc:
        return None, [Problem(shown, 1, str(exc))], []
    try:
        doc = parse(text)
    except FrontMatterError as exc:
        return None, [Problem(shown, exc.line, exc.message)], []

    data, lines = doc.data, doc.key_lines

    def report(key: str, message: str) -> None:
        problems.append(Problem(shown, lines.get(key, 2), message))

    for key in REQUIRED:
        if key not in data or data[key] in (None, "", []):
            report(key, f"missing required field '{key}'")
    for key in sorted(set(data) - set(REQUIRED) - {"related"}):
        report(key, f"unknown field '{key}'")

    article_id = str(data.get("id") or "")
    if article_id and not ID_PATTERN.match(article_id):
        report("id", f"id '{article_id}' may use only lower-case letters, digits and hyphens")
    if article_id and article_id != path.stem:
        report("id", f"id '{article_id}' must match the file name '{path.stem}'")

    for key in ("title", "summary"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            report(key, f"'{key}' must be text")

    topics = data.get("topics") or []
    if isinstance(topics, str):
        topics = [topics]
    if not isinstance(topics, list):
        report("topics", "'topics' must be a list")
        topics = []
    for topic in topics:
        if str(topic) not in TOPICS:
            report("topics", f"unknown topic '{topic}' (use one of: {', '.join(TOPICS)})")

    reviewed = data.get("reviewed")
    if isinstance(reviewed, str):
        try:
            if not ISO_DATE.fullmatch(reviewed):  # fromisoformat also takes "20261122" on Python >= 3.11
                raise ValueError(reviewed)
            reviewed = dt.date.fromisoformat(reviewed)
        except ValueError:
            report("reviewed", f"'reviewed' must be an ISO date like 2026-11-22, not '{reviewed}'")
            reviewed = None
    elif reviewed is not None and not isinstance(reviewed, dt.date):
        report("reviewed", "'reviewed' must be an ISO date like 2026-11-22")
        reviewed = None
    if isinstance(reviewed, dt.datetime):
        reviewed = reviewed.date()
    if isinstance(reviewed, dt.date) and reviewed > (today or dt.date.today()):
        report("reviewed", f"'reviewed' date {reviewed} is in the future")

    sources: list[Source] = []
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list):
        report("sources", "'sources' must be a list of {title, url or citation}")
        raw_sources = []
    for n, item in enumerate(raw_sources, 1):
        if not isinstance(item, dict) or not item.get("title"):
            report("sources", f"source {n} needs a 'title'")
            continue
        if not (item.get("url") or item.get("citation")):
            report("sources", f"source {n} ('{item['title']}') needs a 'url' or a 'citation'")
        sources.append(Source(str(item["title"]), str(item.get("url") or ""), str(item.get("citation") or "")))

    related = data.get("related") or []
    if isinstance(related, str):
        related = [related]
    if not isinstance(related, list):
        report("related", "'related' must be a list of article ids")
        related = []

    body = doc.body
    links: list[tuple[str, int]] = [(str(r), lines.get("related", 2)) for r in related]
    for offset, line in enumerate(body.splitlines()):
        number = doc.body_line + offset
        for match in ARTICLE_LINK.finditer(line):
            links.append((match.group(1), number))
        if RAW_HTML.search(line):
            problems.append(Problem(shown, number, "raw HTML is not allowed in articles; use Markdown"))
        if re.match(r"^#\s", line):
            problems.append(Problem(shown, number, "use '##' for section headings; the title comes from front matter"))

    note = LEGAL_NOTE.get(lang)
    if note and note not in body.casefold():
        problems.append(Problem(shown, doc.body_line, f"the article must include the note '{note}'"))
    if note and article_id != LEGAL_HELP_ID and f"article:{LEGAL_HELP_ID}" not in body:
        problems.append(
            Problem(shown, doc.body_line, f"the not-legal-advice note must link to article:{LEGAL_HELP_ID}")
        )

    sections = split_sections(body, doc.body_line)
    if not sections:
        problems.append(Problem(shown, doc.body_line, "the article has no text"))

    if any(key in data for key in ("id", "title")) and not any(
        p.message.startswith(("missing required field 'id'", "missing required field 'title'")) for p in problems
    ):
        article = Article(
            id=article_id,
            lang=lang,
            title=str(data.get("title") or ""),
            summary=" ".join(str(data.get("summary") or "").split()),
            topics=tuple(str(t) for t in topics if str(t) in TOPICS),
            reviewed=reviewed if isinstance(reviewed, dt.date) else dt.date.min,
            sources=tuple(sources),
            related=tuple(str(r) for r in related),
            sections=sections,
            path=shown,
            origin=origin,
        )
    else:
        article = None
    return article, problems, links
