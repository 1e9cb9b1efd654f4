"""A situation flow's outcome as HTML for the step-by-step panel and its one-page checklist. No Qt."""

from __future__ import annotations

import html

from guide_app.i18n import words
from guide_app.library.flows import Flow, Outcome
from guide_app.library.model import Library


def outcome_html(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
    for_print: bool = False,
) -> str:
    """Title, summary, "Do now" (check boxes on paper), next steps, warnings, card, articles, contacts."""
    lab = words(lang)
    esc = html.escape
    out = []
    if for_print:
        out.append(f"<p><small>{esc(flow.title[lang])}</small></p>")
    out.append(f"<h1>{esc(outcome.title[lang])}</h1>")
    if outcome.summary.get(lang):
        out.append(f"<p>{esc(outcome.summary[lang])}</p>")
    if answers and for_print:
        items = "".join(f"<li>{esc(q)} <b>{esc(a)}</b></li>" for q, a in answers)
        out.append(f"<h3>{esc(lab['your_answers'])}</h3><ul>{items}</ul>")
    warnings = outcome.items("warnings", lang)
    if warnings:
        items = "".join(f"<li><b>{esc(w)}</b></li>" for w in warnings)
        out.append(
            f'<table class="note" width="100%" cellpadding="8"><tr><td><b>{esc(lab["warnings"])}</b>'
            f"<ul>{items}</ul></td></tr></table>"
        )
    do_now = outcome.items("do_now", lang)
    if do_now:
        marker = "☐ " if for_print else ""
        items = "".join(f"<li>{marker}{esc(step)}</li>" for step in do_now)
        out.append(f"<h2>{esc(lab['do_now'])}</h2><ol>{items}</ol>")
    next_steps = outcome.items("next_steps", lang)
    if next_steps:
        items = "".join(f"<li>{esc(step)}</li>" for step in next_steps)
        out.append(f"<h2>{esc(lab['next_steps'])}</h2><ol>{items}</ol>")
    if outcome.card:
        link = esc(lab["card_reminder"]) if for_print else f'<a href="card:">{esc(lab["card_reminder"])}</a>'
        out.append(f"<p>{link}</p>")
    if outcome.articles:
        links = []
        for article_id in outcome.articles:
            article = library.translation(article_id, lang) if library is not None else None
            title = esc(article.title) if article is not None else esc(article_id)
            links.append(
                f"<li>{title}</li>" if for_print else f'<li><a href="article:{esc(article_id)}">{title}</a></li>'
            )
        out.append(f"<h2>{esc(lab['read_in_guide'])}</h2><ul>{''.join(links)}</ul>")
    if outcome.resources and library is not None:
        known = {r.id: r for r in library.resources}
        rows = []
        for resource_id in outcome.resources:
            resource = known.get(resource_id)
            if resource is None:
                continue
            contact = " · ".join(esc(x) for x in (resource.phone, resource.website) if x)
            rows.append(f"<li><b>{esc(resource.name)}</b>: {contact}<br>{esc(resource.helps_with.get(lang, ''))}</li>")
        if rows:
            out.append(f"<h2>{esc(lab['who_can_help'])}</h2><ul>{''.join(rows)}</ul>")
    reviewed = lab["reviewed"].format(date=flow.reviewed.isoformat())
    out.append(f'<p class="reviewed">{esc(lab["legal_note"])} {esc(reviewed)}</p>')
    return "\n".join(out)
