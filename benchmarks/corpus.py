"""Benchmark inputs: the realistic queries, and a deterministic synthetic corpus built from shipped words.

The synthetic corpus keeps the shipped articles (so relevance can still be judged among thousands of
distractors) and adds synthetic articles until each language has ``sections`` sections. Every synthetic
article borrows its topic from one shipped article: half of its words are drawn from that article's word
frequencies and half from the whole language's, with section lengths drawn from the real ones, so term
statistics look like the real guide's rather than uniform noise (checked: the share of distinct words per
section and the share of sections each query word occurs in are within ~10% of the shipped guide's, a bit
harsher). Same seed, same corpus.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path

import yaml

from guide_app.library.model import LANGUAGES, Article, Library, Section, Source
from guide_app.library.sections import slugify
from guide_app.render.text import markdown_to_plain
from guide_app.search.analysis import words

HERE = Path(__file__).resolve().parent
QUERIES_FILE = HERE / "queries.yaml"
SEED = 287
TOPIC_SHARE = 0.5  # share of a synthetic article's words drawn from its topic article (the rest: whole language)
REPEAT = 0.15  # chance that a word repeats one already used in the section (tuned so that the share of
# distinct words per section, and the share of sections each query word occurs in, come close to the guide's)


@dataclass(frozen=True)
class Query:
    q: str
    lang: str
    expect: str


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["q"]), str(item["lang"]), str(item["expect"])) for item in data["queries"]]


def prefixes(text: str) -> list[str]:
    """Every prefix of ``text`` as it appears key by key while typing ("i", "ic", "ice", "ice ", ...)."""
    return [text[:n] for n in range(1, len(text) + 1)]


class _Sampler:
    def __init__(self, counts: Counter) -> None:
        self.items = list(counts)
        self.cum = list(accumulate(counts[w] for w in self.items))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.items, cum_weights=self.cum, k=k)


def _article_words(article: Article) -> list[str]:
    return words(markdown_to_plain(article.body))


class _Writer:
    """Writes synthetic text for one language, each article on the topic of one shipped article."""

    def __init__(self, real: list[Article], rng: random.Random) -> None:
        self.rng = rng
        self.per_article = [_Sampler(Counter(_article_words(a))) for a in real]
        self.everything = _Sampler(Counter(w for a in real for w in _article_words(a)))
        self.heading_words = _Sampler(Counter(w for a in real for s in a.sections for w in words(s.heading)))
        self.lengths = [max(8, len(words(markdown_to_plain(s.markdown)))) for a in real for s in a.sections]
        self.topic = 0

    def words(self, k: int) -> list[str]:
        topical = round(k * TOPIC_SHARE)
        mixed = self.per_article[self.topic].draw(self.rng, topical) + self.everything.draw(self.rng, k - topical)
        self.rng.shuffle(mixed)
        return mixed

    def sentence(self, k: int) -> str:
        return " ".join(self.words(k)).capitalize() + "."

    def heading(self, low: int, high: int) -> str:
        return " ".join(self.heading_words.draw(self.rng, self.rng.randint(low, high))).capitalize()

    def section_text(self) -> str:
        """Sentences of real lengths; a word already used in the section comes back with probability
        ``REPEAT`` (real text is bursty: without this, every section would hold more distinct words than
        real ones do, and each query word would match more sections than in the real guide)."""
        used: list[str] = []

        def sentence(k: int) -> str:
            out = [self.rng.choice(used) if used and self.rng.random() < REPEAT else w for w in self.words(k)]
            used.extend(out)
            return " ".join(out).capitalize() + "."

        parts, left = [], self.rng.choice(self.lengths)
        while left > 0:
            k = min(left, self.rng.randint(8, 16))
            parts.append(sentence(k))
            left -= k
        text = " ".join(parts)
        if self.rng.random() < 0.3:  # some sections hold numbered steps, like the real ones
            text += "\n\n" + "\n".join(f"{j}. {sentence(self.rng.randint(6, 12))}" for j in range(1, 4))
        return text


def synthetic_library(shipped: Library, sections: int, seed: int = SEED) -> Library:
    """``shipped`` plus synthetic articles, until each language holds ``sections`` article sections."""
    articles = dict(shipped.articles)
    for lang in LANGUAGES:
        real = shipped.in_language(lang)
        if not real:
            continue
        rng = random.Random(f"{seed}-{lang}")
        writer = _Writer(real, rng)
        have = sum(len(a.sections) for a in real)
        n = 0
        while have < sections:
            n += 1
            writer.topic = rng.randrange(len(real))
            count = min(sections - have, rng.randint(5, 11))
            secs, used = [], set()
            for i in range(count):
                heading = "" if i == 0 else writer.heading(3, 8) + "?"
                anchor = "top" if i == 0 else slugify(heading)
                while anchor in used:
                    anchor += "-x"
                used.add(anchor)
                secs.append(Section(i, heading, anchor, writer.section_text(), 1))
            aid = f"synthetic-{lang}-{n:05d}"
            articles[(lang, aid)] = Article(
                id=aid,
                lang=lang,
                title=writer.heading(3, 7),
                summary=writer.sentence(rng.randint(12, 24)),
                topics=real[writer.topic].topics,
                reviewed=dt.date(2026, 11, 22),
                sources=(Source("Synthetic", citation="benchmark"),),
                related=(),
                sections=tuple(secs),
                path=f"<synthetic>/{lang}/{aid}.md",
            )
            have += count
    return replace(shipped, articles=articles)


def section_count(library: Library, lang: str) -> int:
    return sum(len(a.sections) for a in library.in_language(lang))
