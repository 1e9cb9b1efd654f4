"""How cost grows with the corpus: build time and query p50/p95 for the app, SQLite FTS5 and tantivy, side by
side in one run, on the shipped guide and on synthetic corpora (corpus.synthetic_library) of N sections per
language.

    python benchmarks/scaling.py [--sizes shipped,500,2000,5000,10000,20000] [--repeats 3] [--json FILE]

For each corpus every engine is built once (ours: the real ``store.build`` into a private temporary
folder, both languages; peers: in memory), then the 83 queries of ``queries.yaml`` run:
- **cold**: each query once, first thing after the index is opened (ours: every term seen for the first
  time, so its postings are read and scored; this is what the first searches after start-up cost);
- **warm**: ``--repeats`` passes, engines interleaved query by query (the order rotates), a query's latency
  being the median of its repeats.
p50/p95 are over the queries. The machine is shared: absolute times are noisy, compare within one run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import corpus  # noqa: E402
import peers  # noqa: E402

from guide_app.guide import load_guide  # noqa: E402
from guide_app.library.model import LANGUAGES  # noqa: E402

LIMIT = 10


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


class Ours:
    name = "ours"

    def __init__(self, library, folder: Path) -> None:
        from guide_app.search import store
        from guide_app.search.engine import SearchEngine

        self.engine = SearchEngine(store.open_indexes(folder), library, folder)

    def search(self, text: str, lang: str, limit: int = LIMIT, as_you_type: bool = False) -> list[str]:
        return [r.id for r in self.engine.search(text, lang, limit=limit, as_you_type=as_you_type).shown()]

    def close(self) -> None:
        self.engine.close()


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_size(label: str, library, queries, repeats: int, work: Path) -> dict:
    from guide_app.search import store

    docs = {lang: peers.all_documents(library, lang) for lang in LANGUAGES}
    sections = corpus.section_count(library, "en")
    out: dict = {"label": label, "sections_per_lang": sections, "documents": sum(len(d) for d in docs.values())}
    builds = {}
    folder = work / f"{label}-ours"
    folder.mkdir(mode=0o700)
    say(f"[{label}] building ours ({sections} sections/lang)")
    start = time.perf_counter()
    store.build(folder, library, "scaling")
    builds["ours"] = time.perf_counter() - start
    say(f"[{label}] building peers")
    fts, builds["fts5"] = peers.timed_build(lambda: peers.Fts5(docs))
    engines = [fts]
    if peers.tantivy_status()[0]:
        tv, builds["tantivy"] = peers.timed_build(lambda: peers.Tantivy(docs))
        engines.append(tv)
    start = time.perf_counter()
    ours = Ours(library, folder)
    out["open_ours_s"] = round(time.perf_counter() - start, 3)
    engines.insert(0, ours)
    out["build_s"] = {k: round(v, 3) for k, v in builds.items()}

    items = [(q.q, q.lang) for q in queries]
    clock = time.perf_counter
    cold: dict[str, list[float]] = {e.name: [] for e in engines}
    say(f"[{label}] cold pass")
    for text, lang in items:
        for engine in engines:
            t0 = clock()
            engine.search(text, lang, LIMIT)
            cold[engine.name].append((clock() - t0) * 1000)
    say(f"[{label}] warm passes x{repeats}")
    samples: dict[str, list[list[float]]] = {e.name: [[] for _ in items] for e in engines}
    for r in range(repeats):
        for i, (text, lang) in enumerate(items):
            k = (i + r) % len(engines)
            for engine in engines[k:] + engines[:k]:
                t0 = clock()
                engine.search(text, lang, LIMIT)
                samples[engine.name][i].append((clock() - t0) * 1000)
    out["query_ms"] = {}
    for engine in engines:
        warm = [statistics.median(s) for s in samples[engine.name]]
        out["query_ms"][engine.name] = {
            "warm_p50": round(pct(warm, 50), 2),
            "warm_p95": round(pct(warm, 95), 2),
            "cold_p50": round(pct(cold[engine.name], 50), 2),
            "cold_p95": round(pct(cold[engine.name], 95), 2),
        }
        engine.close()
    return out


def table(rows: list[dict]) -> str:
    names = ["ours", "fts5", "tantivy"]
    head = "| sections/lang (docs) | build ours / FTS5 / tantivy (s) | " + " | ".join(
        f"{n} p50 / p95 warm (cold p95) ms" for n in names
    )
    lines = [head + " |", "|" + "---|" * (2 + len(names))]
    for r in rows:
        b = r["build_s"]
        cells = [
            f"{r['label']} ({r['documents']})",
            " / ".join(f"{b[n]:.2f}" if n in b else "-" for n in names),
        ]
        for n in names:
            m = r["query_ms"].get(n)
            cells.append(f"{m['warm_p50']:.1f} / {m['warm_p95']:.1f} ({m['cold_p95']:.1f})" if m else "-")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import os

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="shipped,500,2000,5000,10000,20000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    shipped = load_guide().library
    queries = corpus.load_queries()
    rows = []
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes.split(","):
            library = shipped if size == "shipped" else corpus.synthetic_library(shipped, int(size))
            rows.append(run_size(size, library, queries, args.repeats, Path(tmp)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(table(rows))
    print(f"load average at start {load[0]:.1f}, at end {os.getloadavg()[0]:.1f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "load": [load, os.getloadavg()]}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
