"""A situation flow's outcome, rendered: HTML (the flow panel and its printed checklist), plain text (a
checklist to save or print from the command line) and the headed lists of its slides. No Qt.

All three start from :func:`outcome_parts`, which resolves the outcome once against the library in one
language (titles of linked articles, contact details of resources) with the words of
:mod:`guide_app.i18n`, so the panel, the paper and the slides never disagree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from guide_app.i18n import words
from guide_app.library.flow_model import Flow, Outcome
from guide_app.library.model import Library, Resource
from guide_app.render.html import resource_name


@dataclass(frozen=True)
class OutcomeParts:
    """Everything one outcome shows, in one language."""

    lang: str
    flow_title: str
    title: str
    summary: str
    answers: tuple[tuple[str, str], ...]  # (question, chosen answer)
    do_now: tuple[str, ...]
    next_steps: tuple[str, ...]
    warnings: tuple[str, ...]
    card: bool
    articles: tuple[tuple[str, str], ...]  # (article id, title or the id when the library lacks it)
    resources: tuple[tuple[str, Resource | None], ...]  # (resource id, the resource or None if unknown)
    reviewed: str  # ISO date of the flow's review
    words: dict[str, str]

    def items(self, key: str) -> tuple[str, ...]:
        return getattr(self, key)


def outcome_parts(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
) -> OutcomeParts:
    articles = []
    for article_id in outcome.articles:
        article = library.translation(article_id, lang) if library is not None else None
        articles.append((article_id, article.title if article is not None else article_id))
    known = {r.id: r for r in library.resources} if library is not None else {}
    return OutcomeParts(
        lang=lang,
        flow_title=flow.title.get(lang, ""),
        title=outcome.title.get(lang, ""),
        summary=outcome.summary.get(lang, ""),
        answers=tuple(answers or ()),
        do_now=outcome.items("do_now", lang),
        next_steps=outcome.items("next_steps", lang),
        warnings=outcome.items("warnings", lang),
        card=outcome.card,
        articles=tuple(articles),
        resources=tuple((rid, known.get(rid)) for rid in outcome.resources),
        reviewed=flow.reviewed.isoformat(),
        words=words(lang),
    )


def outcome_html(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
    for_print: bool = False,
) -> str:
    """Title, summary, "Do now" (check boxes on paper), next steps, warnings, card, articles, contacts."""
    parts = outcome_parts(flow, outcome, lang, library, answers)
    lab = parts.words
    esc = html.escape
    out = []
    if for_print:
        out.append(f"<p><small>{esc(parts.flow_title)}</small></p>")
    out.append(f"<h1>{esc(parts.title)}</h1>")
    if parts.summary:
        out.append(f"<p>{esc(parts.summary)}</p>")
    if parts.answers and for_print:
        items = "".join(f"<li>{esc(q)} <b>{esc(a)}</b></li>" for q, a in parts.answers)
        out.append(f"<h3>{esc(lab['your_answers'])}</h3><ul>{items}</ul>")
    if parts.warnings:
        items = "".join(f"<li><b>{esc(w)}</b></li>" for w in parts.warnings)
        out.append(
            f'<table class="note" width="100%" cellpadding="8"><tr><td><b>{esc(lab["warnings"])}</b>'
            f"<ul>{items}</ul></td></tr></table>"
        )
    if parts.do_now:
        marker = "☐ " if for_print else ""
        items = "".join(f"<li>{marker}{esc(step)}</li>" for step in parts.do_now)
        out.append(f"<h2>{esc(lab['do_now'])}</h2><ol>{items}</ol>")
    if parts.next_steps:
        items = "".join(f"<li>{esc(step)}</li>" for step in parts.next_steps)
        out.append(f"<h2>{esc(lab['next_steps'])}</h2><ol>{items}</ol>")
    if parts.card:
        link = esc(lab["card_reminder"]) if for_print else f'<a href="card:">{esc(lab["card_reminder"])}</a>'
        out.append(f"<p>{link}</p>")
    if parts.articles:
        links = [
            f"<li>{esc(title)}</li>" if for_print else f'<li><a href="article:{esc(aid)}">{esc(title)}</a></li>'
            for aid, title in parts.articles
        ]
        out.append(f"<h2>{esc(lab['read_in_guide'])}</h2><ul>{''.join(links)}</ul>")
    rows = []
    for _, resource in parts.resources:
        if resource is None:
            continue  # on screen and paper only contacts the guide knows are listed
        contact = " · ".join(esc(x) for x in (resource.phone, resource.website) if x)
        name, helps = esc(resource_name(resource, lang)), esc(resource.helps_with.get(lang, ""))
        rows.append(f"<li><b>{name}</b>: {contact}<br>{helps}</li>")
    if rows:
        out.append(f"<h2>{esc(lab['who_can_help'])}</h2><ul>{''.join(rows)}</ul>")
    if not for_print:
        out.append(f'<p><b><a href="help:">{esc(lab["help_now"])} \u2192</a></b></p>')
    reviewed = lab["reviewed"].format(date=parts.reviewed)
    out.append(f'<p class="reviewed">{esc(lab["legal_note"])} {esc(reviewed)}</p>')
    return "\n".join(out)


def outcome_text(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    *,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
) -> str:
    """Plain text of one outcome for printing or saving: title, "Do now" check boxes, next steps,
    warnings, the rights-card reminder, articles and resources. With ``library``, articles show their
    titles and resources their phone and website; with ``answers`` (from ``FlowSession.answered()``),
    the person's answers are listed first."""
    parts = outcome_parts(flow, outcome, lang, library, answers)
    lab = parts.words
    out: list[str] = [parts.flow_title, "=" * len(parts.flow_title), "", parts.title]
    if parts.summary:
        out += ["", parts.summary]
    if parts.answers:
        out += ["", f"{lab['your_answers']}:"]
        out += [f"- {question} {answer}" for question, answer in parts.answers]
    markers = {"do_now": lambda n: f"[ ] {n}.", "next_steps": lambda n: f"{n}.", "warnings": lambda n: "!"}
    for key in ("do_now", "next_steps", "warnings"):
        items = parts.items(key)
        if items:
            out.extend(["", f"{lab[key]}:"])
            out.extend(f"{markers[key](n)} {item}" for n, item in enumerate(items, 1))
    if parts.card:
        out += ["", lab["card_reminder"]]
    if parts.articles:
        out += ["", f"{lab['read_in_guide']}:"]
        out += [f"- {title}" for _, title in parts.articles]
    if parts.resources:
        out += ["", f"{lab['who_can_help']}:"]
        for resource_id, resource in parts.resources:
            if resource is None:
                out.append(f"- {resource_id}")
                continue
            contact = ", ".join(x for x in (resource.phone, resource.website) if x)
            out.append(f"- {resource_name(resource, lang)}" + (f": {contact}" if contact else ""))
            if resource.helps_with.get(lang):
                out.append(f"  {resource.helps_with[lang]}")
    out += ["", lab["legal_note"], lab["reviewed"].format(date=parts.reviewed)]
    return "\n".join(out) + "\n"


def outcome_slide_groups(flow: Flow, outcome: Outcome, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """The headed lists of an outcome's slides: what to do now, next steps, be careful (the same lists as
    :func:`outcome_parts`; slides carry no links or contacts, so the library is not needed)."""
    lab = words(lang)
    keys = (("slide_do_now", "do_now"), ("next_steps", "next_steps"), ("slide_warnings", "warnings"))
    return [(lab[label], outcome.items(key, lang)) for label, key in keys]
