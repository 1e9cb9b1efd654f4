"""Speed, proven: start-up, index build, query latency, relevance against peers, UI stalls and memory.

    python benchmarks/run.py [--quick] [--json FILE] [--skip startup,ui,peers,synthetic]

Prints a table of measures against the project's targets (PASS/MISS), then details: latency per engine
and corpus, relevance@3 per engine, and the queries ours misses. ``--json FILE`` also writes every number
(a bare file name goes to benchmarks/results/). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

import corpus  # noqa: E402
import peers  # noqa: E402
import startup  # noqa: E402

from guide_app.guide import load_guide  # noqa: E402
from guide_app.library.model import LANGUAGES  # noqa: E402

TARGETS = {
    "startup_warm_s": 0.6,
    "query_p95_shipped_ms": 16.0,
    "query_p95_synthetic_ms": 50.0,
    "typing_p95_shipped_ms": 16.0,
    "ui_stall_ms": 16.0,
    "build_shipped_s": 2.0,
    "peak_rss_mb": 180.0,
}


@dataclass(frozen=True)
class Plan:
    quick: bool
    warm_runs: int
    cold_runs: int
    build_repeats: int
    synthetic_sections: int
    query_repeats: int  # timed passes over the full queries (synthetic corpus: half as many)
    typing_repeats: int  # timed passes over the prefixes (synthetic corpus: one)
    prefix_every: int  # type out every Nth query's prefixes (1 = all)
    ui_langs: tuple[str, ...]
    ui_runs: int


FULL = Plan(False, 7, 5, 3, 10_000, 5, 2, 1, ("en", "es"), 2)
QUICK = Plan(True, 3, 1, 1, 1_000, 1, 1, 6, ("en",), 1)
QUERY_LIMIT = 10  # what `guide-app search` asks for
TYPING_LIMIT = 10  # what the window asks for while typing (guide_app.ui.search_worker.RESULTS_SHOWN)


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- statistics --------------------------------------------------------------------------------------
def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def summary(ms: list[float]) -> dict:
    if not ms:
        return {"n": 0}
    return {
        "n": len(ms),
        "p50": round(pct(ms, 50), 3),
        "p95": round(pct(ms, 95), 3),
        "max": round(max(ms), 3),
        "mean": round(statistics.fmean(ms), 3),
    }


# --- engines under one interface ---------------------------------------------------------------------
class Ours:
    name = "ours"

    def __init__(self, library, folder: Path) -> None:
        from guide_app.search import store
        from guide_app.search.engine import SearchEngine

        self.engine = SearchEngine(store.open_indexes(folder), library, folder)

    def search(self, text: str, lang: str, limit: int = 10, as_you_type: bool = False) -> list[str]:
        response = self.engine.search(text, lang, limit=limit, as_you_type=as_you_type)
        return [r.id for r in response.shown()]  # the articles as listed (the one card is shown apart)

    def close(self) -> None:
        self.engine.close()


def build_ours(library, folder: Path) -> float:
    from guide_app.search import store

    start = time.perf_counter()
    store.build(folder, library, "benchmark")
    return time.perf_counter() - start


def time_calls(
    engine, items: list[tuple[str, str, bool]], repeats: int, limit: int, warm: bool = True
) -> tuple[list[float], list[list[str]]]:
    """Run each item once untimed (``warm``), then time ``repeats`` passes over all items.

    Returns (one latency per item in ms: the median of its repeats, so another process briefly taking the
    CPU does not count as our latency; the untimed pass's results)."""
    first: list[list[str]] = [engine.search(t, lang, limit, typing) for t, lang, typing in items] if warm else []
    samples: list[list[float]] = [[] for _ in items]
    clock = time.perf_counter
    for _ in range(repeats):
        for i, (text, lang, typing) in enumerate(items):
            start = clock()
            engine.search(text, lang, limit, typing)
            samples[i].append((clock() - start) * 1000.0)
    return [statistics.median(s) for s in samples], first


def slowest(items: list[tuple[str, str, bool]], ms: list[float], n: int = 5) -> list[dict]:
    order = sorted(range(len(ms)), key=lambda i: -ms[i])[:n]
    return [{"q": items[i][0], "lang": items[i][1], "ms": round(ms[i], 2)} for i in order]


def relevance(queries: list[corpus.Query], results: list[list[str]], present: set[tuple[str, str]]) -> dict:
    judged, hits, rows = 0, 0, []
    for q, found in zip(queries, results, strict=True):
        if (q.lang, q.expect) not in present:
            rows.append({"q": q.q, "lang": q.lang, "expect": q.expect, "judged": False})
            continue
        judged += 1
        rank = found.index(q.expect) + 1 if q.expect in found else None
        hit = rank is not None and rank <= 3
        hits += hit
        rows.append(
            {"q": q.q, "lang": q.lang, "expect": q.expect, "judged": True, "rank": rank, "hit": hit, "top3": found[:3]}
        )
    return {"judged": judged, "hits": hits, "at3": round(hits / judged, 3) if judged else None, "rows": rows}


# --- one corpus, every engine --------------------------------------------------------------------------
def bench_corpus(label: str, library, plan: Plan, queries: list[corpus.Query], with_peers: bool, work: Path) -> dict:
    out: dict = {"label": label, "sections": {lang: corpus.section_count(library, lang) for lang in LANGUAGES}}
    docs = {lang: peers.all_documents(library, lang) for lang in LANGUAGES}
    out["documents"] = {lang: len(d) for lang, d in docs.items()}
    present = {(a.lang, a.id) for a in library.articles.values()}

    # Builds
    builds: dict[str, list[float]] = {"ours": []}
    repeats = plan.build_repeats if label == "shipped" else 1
    folder = None
    for i in range(repeats):
        folder = work / f"{label}-whoosh-{i}"
        folder.mkdir(mode=0o700)
        say(f"  [{label}] building our index ({i + 1}/{repeats})")
        builds["ours"].append(build_ours(library, folder))
    engines = [Ours(library, folder)]
    if with_peers:
        if peers.fts5_available():
            say(f"  [{label}] building FTS5")
            fts, seconds = peers.timed_build(lambda: peers.Fts5(docs))
            builds["fts5"] = [seconds]
            engines.append(fts)
        ok, _why = peers.libzim_status()
        if ok:
            say(f"  [{label}] building libzim")
            zim_dir = work / f"{label}-zim"
            zim_dir.mkdir()
            zim, seconds = peers.timed_build(lambda: peers.Libzim(docs, zim_dir))
            builds["libzim"] = [seconds]
            engines.append(zim)
    out["build_s"] = {
        name: {"runs": [round(s, 3) for s in v], "median": round(statistics.median(v), 3)} for name, v in builds.items()
    }

    # Queries
    full = [(q.q, q.lang, False) for q in queries]
    typing_queries = queries[:: plan.prefix_every]
    typed = [(p, q.lang, True) for q in typing_queries for p in corpus.prefixes(q.q)]
    out["query_count"] = len(full)
    out["prefix_count"] = len(typed)
    small = label == "shipped"
    q_repeats = plan.query_repeats if small else max(1, plan.query_repeats // 2)
    t_repeats = plan.typing_repeats if small else 1
    out["repeats"] = {"queries": q_repeats, "prefixes": t_repeats}
    out["engines"] = {}
    for engine in engines:
        say(f"  [{label}] {engine.name}: {len(full)} queries x{q_repeats}, {len(typed)} prefixes x{t_repeats}")
        ms, first = time_calls(engine, full, q_repeats, QUERY_LIMIT)
        typed_ms, _ = time_calls(engine, typed, t_repeats, TYPING_LIMIT, warm=False)
        out["engines"][engine.name] = {
            "query_ms": summary(ms),
            "typing_ms": summary(typed_ms),
            "relevance": relevance(queries, first, present),
            "slowest_queries": slowest(full, ms),
            "slowest_prefixes": slowest(typed, typed_ms),
        }
    for engine in engines:
        engine.close()
    return out


# --- UI -------------------------------------------------------------------------------------------------
def bench_ui(plan: Plan) -> dict:
    runs = []
    for lang in plan.ui_langs:
        for i in range(plan.ui_runs):
            say(f"  typing stall {lang} {i + 1}/{plan.ui_runs}")
            home = Path(tempfile.mkdtemp(prefix="guide-bench-ui-"))
            env = dict(os.environ)
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            env.update(
                HOME=str(home),
                XDG_CACHE_HOME=str(home / ".cache"),
                XDG_CONFIG_HOME=str(home / ".config"),
                XDG_DATA_HOME=str(home / ".local" / "share"),
            )
            try:
                proc = subprocess.run(
                    [sys.executable, str(HERE / "ui_typing.py"), "--lang", lang],
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    cwd=str(REPO),
                )
                lines = proc.stdout.strip().splitlines()
                data = json.loads(lines[-1]) if lines else {}
                if not data:
                    tail = proc.stderr.strip().splitlines()[-1:] or [""]
                    data = {"available": False, "reason": f"exit {proc.returncode}: {tail[0][:200]}"}
            except (subprocess.TimeoutExpired, json.JSONDecodeError) as exc:
                data = {"available": False, "reason": f"{type(exc).__name__}"}
            finally:
                shutil.rmtree(home, ignore_errors=True)
            runs.append(data)
            if not data.get("available"):
                return {"available": False, "reason": data.get("reason", "unknown"), "runs": runs}
    stalls = [r["max_stall_ms"] for r in runs]
    renders = [r["render_ms_max"] for r in runs if r.get("render_ms_max") is not None]
    return {
        "available": True,
        "max_stall_ms": max(stalls),
        "median_of_maxima_ms": statistics.median(stalls),
        "render_ms_max": max(renders) if renders else None,
        "runs": runs,
    }


# --- report ---------------------------------------------------------------------------------------------
def verdict(value, target, lower_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value <= target if lower_is_better else value >= target
    return "PASS" if ok else "MISS"


def fmt(value, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    return f"{value:.{digits}f}{unit}"


def headline(results: dict) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    st = results.get("startup")
    if st is None:
        rows.append(("Start-up (smoke test)", "skipped", "", "n/a"))
    elif not st["available"]:
        rows.append(("Start-up (smoke test)", "not available", "", "n/a"))
    else:
        warm = st["warm_median_s"]
        rows.append(("Start-up warm, median", fmt(warm, " s", 3), "<= 0.6 s", verdict(warm, TARGETS["startup_warm_s"])))
        rows.append(("Start-up cold (index built), median", fmt(st["cold_median_s"], " s", 3), "", "info"))
        paint = st.get("first_paint_warm_median_ms")
        rows.append(("First paint warm, median", fmt(paint, " ms", 0), "", "info" if paint is not None else "n/a"))
        rss = st["peak_rss_mb"]
        rows.append(("Peak RSS (smoke test)", fmt(rss, " MB", 0), "<= 180 MB", verdict(rss, TARGETS["peak_rss_mb"])))
    shipped = results["corpora"].get("shipped")
    synthetic = next((v for k, v in results["corpora"].items() if k != "shipped"), None)
    if shipped:
        b = shipped["build_s"]["ours"]["median"]
        rows.append(("Index build, shipped", fmt(b, " s", 2), "<= 2 s", verdict(b, TARGETS["build_shipped_s"])))
    if synthetic:
        n = synthetic["sections"]["en"]
        rows.append(
            (f"Index build, synthetic {n:,}/lang", fmt(synthetic["build_s"]["ours"]["median"], " s", 1), "", "info")
        )
    for corp, key, tkey, label in (
        (shipped, "query_ms", "query_p95_shipped_ms", "Query p95, shipped"),
        (synthetic, "query_ms", "query_p95_synthetic_ms", "Query p95, synthetic"),
        (shipped, "typing_ms", "typing_p95_shipped_ms", "As-you-type p95, shipped"),
        (synthetic, "typing_ms", None, "As-you-type p95, synthetic"),
    ):
        if not corp:
            continue
        value = corp["engines"]["ours"][key]["p95"]
        target = TARGETS.get(tkey) if tkey else None
        rows.append(
            (
                label,
                fmt(value, " ms", 1),
                f"<= {target:.0f} ms" if target else "",
                verdict(value, target) if target else "info",
            )
        )
    ui = results.get("ui")
    if ui is None:
        rows.append(("Longest stall typing 20 chars", "skipped", "<= 16 ms", "n/a"))
    elif not ui["available"]:
        rows.append(("Longest stall typing 20 chars", "not available", "<= 16 ms", "n/a"))
    else:
        v = ui["max_stall_ms"]
        rows.append(("Longest stall typing 20 chars", fmt(v, " ms", 1), "<= 16 ms", verdict(v, TARGETS["ui_stall_ms"])))
        if ui.get("render_ms_max") is not None:
            rows.append(("Longest results-page render (UI thread)", fmt(ui["render_ms_max"], " ms", 1), "", "info"))
    for name, corp in (("shipped", shipped), ("synthetic", synthetic)):
        if not corp:
            continue
        ours = corp["engines"]["ours"]["relevance"]
        for peer in ("fts5", "libzim"):
            theirs = corp["engines"].get(peer)
            label = f"Relevance@3 vs {peer}, {name}"
            if theirs is None:
                rows.append((label, f"ours {ours['hits']}/{ours['judged']}; {peer} not available", ">= peer", "n/a"))
                continue
            t = theirs["relevance"]
            value = f"ours {ours['hits']}/{ours['judged']}, {peer} {t['hits']}/{t['judged']}"
            rows.append((label, value, ">= peer", "PASS" if ours["hits"] >= t["hits"] else "MISS"))
    return rows


def table(rows, headers) -> str:
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True)), line]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / max(theirs, 1e-6):.1f}x"


def details(results: dict) -> str:
    parts = []
    for label, corp in results["corpora"].items():
        sec = corp["sections"]
        parts.append(
            f"\n{label}: {sec['en']:,} sections (en), {sec['es']:,} (es); builds (s): "
            + ", ".join(f"{k} {v['median']}" for k, v in corp["build_s"].items())
        )
        ours = corp["engines"]["ours"]
        rows = []
        for name, e in corp["engines"].items():
            q, t, r = e["query_ms"], e["typing_ms"], e["relevance"]
            ratio = tratio = ""
            if name != "ours":
                ratio = f"{_ratio(ours['query_ms']['p50'], q['p50'])} / {_ratio(ours['query_ms']['p95'], q['p95'])}"
                tratio = _ratio(ours["typing_ms"]["p95"], t["p95"])
            rows.append(
                (
                    name,
                    f"{q['p50']:.2f}",
                    f"{q['p95']:.2f}",
                    f"{q['max']:.2f}",
                    ratio,
                    f"{t['p50']:.2f}",
                    f"{t['p95']:.2f}",
                    f"{t['max']:.2f}",
                    tratio,
                    f"{r['hits']}/{r['judged']}",
                )
            )
        parts.append(
            table(
                rows,
                (
                    "engine",
                    "q p50",
                    "q p95",
                    "q max",
                    "ours/peer p50/p95",
                    "type p50",
                    "type p95",
                    "type max",
                    "ours/peer type p95",
                    "rel@3",
                ),
            )
        )
        misses = [row for row in ours["relevance"]["rows"] if row["judged"] and not row["hit"]]
        if misses:
            parts.append(f"ours misses on {label} (expected not in top 3):")
            for row in misses:
                peers_hit = [
                    n
                    for n, e in corp["engines"].items()
                    if n != "ours"
                    and any(
                        x["q"] == row["q"] and x["lang"] == row["lang"] and x.get("hit") for x in e["relevance"]["rows"]
                    )
                ]
                parts.append(
                    f"  [{row['lang']}] {row['q']!r} -> want {row['expect']} (rank {row['rank'] or '>10'}); "
                    f"top3 {row['top3']}" + (f"; found by {', '.join(peers_hit)}" if peers_hit else "")
                )
        unjudged = sorted({(r["lang"], r["expect"]) for r in ours["relevance"]["rows"] if not r["judged"]})
        if unjudged:
            parts.append(
                "not judged (article not in content yet): " + ", ".join(f"{a} ({lang})" for lang, a in unjudged)
            )
        parts.append("ours slowest queries: " + ", ".join(f"{s['q']!r} {s['ms']} ms" for s in ours["slowest_queries"]))
        parts.append(
            "ours slowest prefixes: " + ", ".join(f"{s['q']!r} {s['ms']} ms" for s in ours["slowest_prefixes"])
        )
    return "\n".join(parts)


# --- main ---------------------------------------------------------------------------------------------
def environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "whoosh": ver("whoosh-reloaded") or ver("whoosh"),
        "pyside6": ver("PySide6-Essentials") or ver("PySide6"),
        "sqlite": sqlite3.sqlite_version,
        "libzim": ver("libzim"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs; synthetic corpus of 1,000 sections per language (2k in all)"
    )
    parser.add_argument(
        "--json", metavar="FILE", help="also write all numbers as JSON (bare names go to benchmarks/results/)"
    )
    parser.add_argument("--skip", default="", help="comma list of: startup, ui, peers, synthetic")
    parser.add_argument("--sections", type=int, help="synthetic sections per language (default 10000, quick 1000)")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    if args.sections:
        plan = Plan(**{**asdict(plan), "synthetic_sections": args.sections})
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    began = time.perf_counter()

    results: dict = {"plan": asdict(plan), "environment": environment(), "targets": TARGETS, "corpora": {}}
    ok, why = peers.libzim_status()
    results["peers"] = {
        "fts5": peers.fts5_available(),
        "libzim": ok,
        "libzim_note": why,
        "fts5_tokenizers": peers.FTS5_TOKENIZERS,
    }

    phases = results["phase_s"] = {}
    mark = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases[name] = round(now - mark, 1)
        mark = now

    if "startup" not in skip:
        say("start-up: guide-app --smoke-test")
        st = startup.measure(plan.warm_runs, plan.cold_runs, progress=say)
        entry = {"available": st.available, "reason": st.reason, "command": [Path(c).name for c in st.command]}
        if st.available:
            warm = [r.seconds for r in st.warm]
            cold = [r.seconds for r in st.cold]
            paints = [r.first_paint_ms for r in st.warm if r.first_paint_ms is not None]
            cold_paints = [r.first_paint_ms for r in st.cold if r.first_paint_ms is not None]
            entry.update(
                warm_s=[round(s, 4) for s in warm],
                cold_s=[round(s, 4) for s in cold],
                warm_median_s=round(statistics.median(warm), 4),
                cold_median_s=round(statistics.median(cold), 4) if cold else None,
                first_paint_warm_median_ms=round(statistics.median(paints), 1) if paints else None,
                first_paint_cold_median_ms=round(statistics.median(cold_paints), 1) if cold_paints else None,
                peak_rss_mb=round(max(r.peak_rss_mb for r in st.warm + st.cold), 1),
                peak_rss_warm_mb=[round(r.peak_rss_mb, 1) for r in st.warm],
                peak_rss_cold_mb=[round(r.peak_rss_mb, 1) for r in st.cold],
                failed_runs=sum(r.returncode != 0 for r in st.warm + st.cold),
            )
        results["startup"] = entry
        phase("startup")

    guide = load_guide()
    shipped = guide.library
    queries = corpus.load_queries()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        say("shipped corpus")
        results["corpora"]["shipped"] = bench_corpus("shipped", shipped, plan, queries, "peers" not in skip, work)
        phase("shipped")
        if "synthetic" not in skip:
            n = plan.synthetic_sections
            label = f"synthetic-{n // 1000}k" if n % 1000 == 0 else f"synthetic-{n}"
            say(f"synthetic corpus: {n:,} sections per language")
            start = time.perf_counter()
            big = corpus.synthetic_library(shipped, n)
            results["synthetic_generation_s"] = round(time.perf_counter() - start, 2)
            results["corpora"][label] = bench_corpus(label, big, plan, queries, "peers" not in skip, work)
            phase("synthetic")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if "ui" not in skip:
        say("UI: typing into the search box")
        results["ui"] = bench_ui(plan)
        phase("ui")

    results["elapsed_s"] = round(time.perf_counter() - began, 1)
    results["environment"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["notes"] = [
        "Latency stats are over queries (or prefixes); each query's value is the median of its timed repeats.",
        f"Full queries ask for {QUERY_LIMIT} results (the command line's default); prefixes ask for "
        f"{TYPING_LIMIT} with as_you_type=True (what the window's search worker asks for).",
        "Relevance@3: the expected article is among the first three grouped results (glossary and resource "
        "entries take places too, as they do on screen).",
    ]
    rows = headline(results)
    results["headline"] = [dict(zip(("measure", "value", "target", "result"), r, strict=True)) for r in rows]

    print(
        f"Rights Guide benchmarks ({'quick' if plan.quick else 'full'}; {results['environment']['cpus']} CPUs, "
        f"Python {results['environment']['python']}, commit {results['environment']['commit']})"
    )
    print(table(rows, ("measure", "value", "target", "result")))
    st = results.get("startup")
    if st and not st["available"]:
        print(f"start-up: not available ({st['reason']})")
    elif st and st.get("first_paint_warm_median_ms") is None:
        print("first paint: n/a (the app printed no 'first-paint-ms:' line with GUIDE_APP_TIMING=1)")
    if results.get("ui") and not results["ui"]["available"]:
        print(f"UI typing: not available ({results['ui']['reason']})")
    if not results["peers"]["libzim"]:
        print(f"libzim: {results['peers']['libzim_note']}")
    print(details(results))
    print(
        f"\n(libzim is queried as Kiwix does: Xapian's own parser AND-s the words; FTS5 OR-s them, like ours."
        f" FTS5 tokenizers: {peers.FTS5_TOKENIZERS}. Finished in {results['elapsed_s']} s.)"
    )

    if args.json:
        target = Path(args.json)
        if target.parent == Path("."):
            target = HERE / "results" / target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        say(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
