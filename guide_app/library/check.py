"""`guide-app check`: every content problem, reading levels, and translation parity in one report."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from guide_app.library import readability
from guide_app.library.loader import LoadResult
from guide_app.library.model import LANGUAGES, Article, Problem


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


def check(result: LoadResult, parity: bool = True) -> CheckReport:
    report = CheckReport(problems=list(result.problems))
    library = result.library
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
    return report


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
                if lang != "en" and article.reviewed < source.reviewed:
                    older = f"translation reviewed {article.reviewed}, older than English ({source.reviewed})"
                    report.notes.append(f"{article.path}: {older}")
