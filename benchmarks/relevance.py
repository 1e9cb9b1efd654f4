"""Relevance on our own query set: success@1, success@3 and MRR for the app, SQLite FTS5 and tantivy.

    python benchmarks/relevance.py [--engines ours,fts5,tantivy] [--queries FILE] [--misses] [--near]
                                   [--half A|B] [--json FILE]

The query set (``eval_queries.yaml``) is written from independent sources and labelled with the article
ids that answer each question; see its header. A query counts as a success@k when one of its expected
articles is among the first k articles the window lists (the one glossary/resource card is shown apart and
takes no place; for a question the guide does not cover, the app lists finding-legal-help first). MRR
uses the first expected article among the first 10 (0 when none). The peers search the window's language
only, with the same documents and grouping (``peers.py``); their glossary and resource entries are left
out of their lists the same way. Out-of-scope flags are counted separately (raised on an in-scope
question = a false alarm).

``--half A`` / ``--half B`` keep one of two fixed halves of the questions (split by a hash of the question
text, so a question never changes half): tune a ranking change looking at half A only, then check that it
does not hurt half B. ``--near`` lists every question whose expected article is found but not first, with
the app's top three and their scores.

Run it from a checkout of another commit (``PYTHONPATH=that/checkout``) to get that commit's figures: it
uses ``Response.shown()`` when the engine has it, and the old ``results + other_lang_results`` otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "eval_queries.yaml"
DEPTH = 10
KINDS = ("plain", "typo", "noaccent", "slang", "spanglish", "otherlang", "oos")


@dataclass(frozen=True)
class Question:
    q: str
    lang: str
    expect: tuple[str, ...]
    kind: str


def load_questions(path: Path = QUERIES) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for x in data["queries"]:
        expect = (x["expect"],) if isinstance(x["expect"], str) else tuple(x["expect"])  # queries.yaml: one id
        out.append(Question(str(x["q"]), x["lang"], expect, x.get("kind", "plain")))
    return out


def half_of(question: Question) -> str:
    """ "A" or "B": a fixed split of the question set by a hash of the question's text."""
    return "A" if hashlib.sha256(question.q.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def rank_of(found: list[str], expect: tuple[str, ...]) -> int | None:
    for n, key in enumerate(found[:DEPTH], 1):
        if key in expect:
            return n
    return None


def score(questions: list[Question], lists: list[list[str]]) -> dict:
    """success@1, success@3 and MRR overall and per kind."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for question, found in zip(questions, lists, strict=True):
        rank = rank_of(found, question.expect)
        groups["all"].append(rank)
        groups[question.kind].append(rank)
        groups[question.lang].append(rank)
    out = {}
    for name, ranks in groups.items():
        n = len(ranks)
        out[name] = {
            "n": n,
            "s1": sum(1 for r in ranks if r == 1) / n,
            "s3": sum(1 for r in ranks if r is not None and r <= 3) / n,
            "mrr": sum(1 / r for r in ranks if r) / n,
        }
    return out


class Ours:
    name = "ours"

    def __init__(self, library, cache: Path) -> None:
        from guide_app.search import store
        from guide_app.search.engine import SearchEngine

        folder, indexes = store.open_or_build(cache, library, "relevance")
        self.engine = SearchEngine(indexes, library, folder)
        self.flags: list[bool] = []
        self.tops: list[list[tuple[str, float]]] = []

    def search(self, text: str, lang: str, limit: int = DEPTH) -> list[str]:
        response = self.engine.search(text, lang, limit=limit)
        self.flags.append(bool(getattr(response, "out_of_scope", False)))
        if hasattr(response, "shown"):
            shown = [r for r in response.shown() if getattr(r, "kind", "article") == "article"]
            self.tops.append([(r.id, r.score) for r in shown[:3]])
            return [r.id for r in shown]
        return [r.id for r in response.results + response.other_lang_results]  # before the card was apart

    def close(self) -> None:
        self.engine.close()


def articles_only(keys: list[str]) -> list[str]:
    return [k for k in keys if ":" not in k]


def run(engines: list[str], questions: list[Question], misses: bool = False, near: bool = False) -> dict:
    import peers

    from guide_app.guide import load_guide

    library = load_guide().library
    docs = {lang: peers.all_documents(library, lang) for lang in ("en", "es")}
    report: dict = {"queries": len(questions), "engines": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name in engines:
            start = time.perf_counter()
            if name == "ours":
                engine = Ours(library, Path(tmp) / "cache")
            elif name == "fts5":
                engine = peers.Fts5(docs)
            elif name == "tantivy":
                ok, why = peers.tantivy_status()
                if not ok:
                    print(f"tantivy skipped: {why}", file=sys.stderr)
                    continue
                engine = peers.Tantivy(docs)
            else:
                raise SystemExit(f"unknown engine {name}")
            built = time.perf_counter() - start
            lists = []
            for question in questions:
                found = engine.search(question.q, question.lang, DEPTH)
                lists.append(found if name == "ours" else articles_only(found))
            result = score(questions, lists)
            if name == "ours":
                flags = engine.flags
                result["out_of_scope"] = {
                    "flagged_oos": sum(1 for q, f in zip(questions, flags, strict=True) if f and q.kind == "oos"),
                    "oos_questions": sum(1 for q in questions if q.kind == "oos"),
                    "false_alarms": sum(1 for q, f in zip(questions, flags, strict=True) if f and q.kind != "oos"),
                }
            if misses:
                result["misses"] = [
                    {"q": q.q, "lang": q.lang, "kind": q.kind, "expect": q.expect, "got": found[:3]}
                    for q, found in zip(questions, lists, strict=True)
                    if (rank_of(found, q.expect) or 99) > 3
                ]
            if near and name == "ours" and engine.tops:
                result["near"] = [
                    {"q": q.q, "lang": q.lang, "kind": q.kind, "expect": q.expect, "rank": rank, "top": top}
                    for q, found, top in zip(questions, lists, engine.tops, strict=True)
                    if (rank := rank_of(found, q.expect)) is not None and 1 < rank <= 3
                ]
            result["open_s"] = round(built, 2)
            report["engines"][name] = result
            engine.close()
    return report


def table(report: dict) -> str:
    names = list(report["engines"])
    rows = [f"{'set':<11}" + "".join(f"{n:>22}" for n in names)]
    rows.append(f"{'':<11}" + "".join(f"{'s@1   s@3   MRR':>22}" for _ in names))
    for group in ("all", "en", "es", *KINDS):
        cells = []
        for name in names:
            m = report["engines"][name].get(group)
            cells.append(f"{m['s1']:.3f} {m['s3']:.3f} {m['mrr']:.3f}" if m else "-")
        n = report["engines"][names[0]].get(group, {}).get("n", 0)
        rows.append(f"{group + f' ({n})':<11}" + "".join(f"{c:>22}" for c in cells))
    ours = report["engines"].get("ours", {}).get("out_of_scope")
    if ours:
        rows.append(
            f"out of scope flagged: {ours['flagged_oos']}/{ours['oos_questions']} questions; "
            f"false alarms on in-scope questions: {ours['false_alarms']}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="ours,fts5,tantivy")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list the app's questions not answered in its top 3")
    parser.add_argument("--near", action="store_true", help="list the app's questions answered at rank 2 or 3")
    parser.add_argument("--half", choices=("A", "B"), help="only one fixed half of the questions")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    questions = load_questions(args.queries)
    if args.half:
        questions = [q for q in questions if half_of(q) == args.half]
    report = run(args.engines.split(","), questions, args.misses, args.near)
    print(table(report))
    if args.misses:
        for name, result in report["engines"].items():
            for miss in result.get("misses", []):
                print(f"  {name} miss [{miss['kind']}/{miss['lang']}] {miss['q']!r}: {miss['got']}")
    for near_one in report["engines"].get("ours", {}).get("near", []):
        top = ", ".join(f"{key} {score:.2f}" for key, score in near_one["top"])
        print(f"  rank {near_one['rank']} [{near_one['kind']}/{near_one['lang']}] {near_one['q']!r}")
        print(f"      expect {'/'.join(near_one['expect'])}; top: {top}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
