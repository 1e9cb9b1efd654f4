"""`guide-app check`: every content problem, reading levels, and translation parity in one report."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from guide_app.library import readability, rules
from guide_app.library.loader import LoadResult
from guide_app.library.model import LANGUAGES, Article, Problem
from guide_app.library.term_list import Term, load_terms

TERMS_FILE = "terms-es.yaml"


@dataclass(frozen=True)
class Grade:
    article: Article
    formula: str
    value: float
    ok: bool


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    grades: list[Grade] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that do not fail the check

    @property
    def ok(self) -> bool:
        return not self.problems


def builtin_folder(result: LoadResult) -> Path | None:
    """The built-in content folder the library was loaded from (found through its built-in articles)."""
    for article in result.library.articles.values():
        if article.origin == "built-in":
            return Path(article.path).parent.parent
    return None


def check(result: LoadResult, parity: bool = True, content_dir: Path | None = None, flows: bool = True) -> CheckReport:
    """Every problem in ``result``: loading problems, reading levels, the content rules (wrong claims, the
    signing rule, the article shape, Spanish terms; see :mod:`guide_app.library.rules`) over articles,
    glossary, card, resources and (with ``flows``) the situation flows, and translation parity.
    ``content_dir`` is the built-in folder (default: found from the built-in articles); its
    ``terms-es.yaml`` and ``flows/`` are used."""
    report = CheckReport(problems=list(result.problems))
    library = result.library
    folder = Path(content_dir) if content_dir is not None else builtin_folder(result)
    terms: list[Term] = []
    if folder is not None and (folder / TERMS_FILE).is_file():
        terms = load_terms(folder / TERMS_FILE, report.problems)
    for article in sorted(library.articles.values(), key=lambda a: (a.lang, a.id)):
        report.problems.extend(rules.article_rule_problems(article, terms))
    if folder is not None:
        _data_rules(library, folder, terms, report)
        if flows:
            _flow_rules(folder / "flows", terms, report)
    for article in sorted(library.articles.values(), key=lambda a: (a.lang, a.id)):
        formula, value, ok = readability.score(article.lang, f"{article.summary}\n\n{article.body}")
        report.grades.append(Grade(article, formula, value, ok))
        if not ok:
            message = f"reading level {formula} {value} (must be {readability.limit_text(article.lang)})"
            report.problems.append(Problem(article.path, 1, message))
    english = [g.value for g in report.grades if g.article.lang == "en"]
    if english and statistics.median(english) > readability.EN_MAX_MEDIAN_GRADE:
        report.problems.append(
            Problem(
                "content/en",
                1,
                f"median Flesch-Kincaid grade {statistics.median(english):.1f} is above "
                f"{readability.EN_MAX_MEDIAN_GRADE:g}",
            )
        )
    if parity:
        _parity(library, report)
    report.problems = list(dict.fromkeys(report.problems))  # one report per file, line and message
    return report


def _data_rules(library, folder: Path, terms: list[Term], report: CheckReport) -> None:
    """The content rules over the glossary, the card and the built-in resources."""
    glossary = str(folder / "glossary.yaml")
    glossary_lines = rules.file_lines(glossary)
    for term in library.glossary:
        for lang in term.term:
            text = f"{term.term[lang]}. {term.definition.get(lang, '')}"
            report.problems.extend(rules.text_problems(glossary, term.line, lang, text, terms, glossary_lines))
    card = str(folder / "card.yaml")
    card_lines = rules.file_lines(card)
    for lang, face in library.card.items():
        text = "\n".join([face.get("title", ""), face.get("lead", ""), *face.get("lines", []), face.get("note", "")])
        report.problems.extend(rules.text_problems(card, 1, lang, text, terms, card_lines))
    resources = str(folder / "resources.yaml")
    resource_lines = rules.file_lines(resources)
    for resource in library.resources:
        if resource.origin != "built-in":
            continue
        for lang, text in resource.helps_with.items():
            report.problems.extend(rules.text_problems(resources, 1, lang, text, terms, resource_lines))


def _flow_rules(folder: Path, terms: list[Term], report: CheckReport) -> None:
    """The content rules over every flow text (structure and reading levels: flows.validate_folder)."""
    from guide_app.library.flows import flow_plain_text, load_flows

    if not folder.is_dir():
        return
    loaded, _ = load_flows(folder)  # their load problems are reported by flows.validate_folder
    for flow in loaded:
        lines = rules.file_lines(flow.path)
        for lang in LANGUAGES:
            text = flow_plain_text(flow, lang)
            report.problems.extend(rules.text_problems(flow.path, 1, lang, text, terms, lines))


def _parity(library, report: CheckReport) -> None:
    ids = {article_id for (_, article_id) in library.articles}
    for article_id in sorted(ids):
        present = {lang: library.article(article_id, lang) for lang in LANGUAGES}
        have = [a for a in present.values() if a is not None]
        if all(a.origin == "local" for a in have):
            continue  # a center's own pack may be in one language only
        for lang, article in present.items():
            if article is None:
                source = have[0]
                message = f"'{article_id}' has no {lang} translation (content/{lang}/{article_id}.md)"
                report.problems.append(Problem(source.path, 2, message))
        if len(have) == len(LANGUAGES):
            source = present["en"]
            for lang, article in present.items():
                if lang == "en":
                    continue
                report.problems.extend(_translation_problems(source, article))
                if article.reviewed < source.reviewed:
                    older = f"translation reviewed {article.reviewed}, older than English ({source.reviewed})"
                    report.notes.append(f"{article.path}: {older}")


def _translation_problems(en: Article, other: Article) -> list[Problem]:
    """A translation shares the English article's topics, related articles and sources, and has its own title."""
    found = []
    if other.topics != en.topics:
        found.append(f"topics {list(other.topics)} differ from the English {list(en.topics)}")
    if other.related != en.related:
        found.append(f"related {list(other.related)} differ from the English {list(en.related)}")
    if [s.url for s in other.sources] != [s.url for s in en.sources]:
        found.append("sources differ from the English article (the same sources, in the same order)")
    if other.title.strip() == en.title.strip():
        found.append("the title is not translated")
    return [Problem(other.path, 2, message) for message in found]
