"""The benchmark's query file: right shape, both languages, and only article ids the guide defines."""

from __future__ import annotations

import yaml

from conftest import REPO

QUERIES = REPO / "benchmarks" / "queries.yaml"

# The guide's article ids (the content brief's list); expected answers must be among them.
KNOWN_IDS = {
    "what-is-287g",
    "287g-models",
    "is-my-county-in-287g",
    "287g-costs",
    "changing-287g-agreements",
    "public-records-foia",
    "racial-profiling-law",
    "profiled-during-a-stop",
    "documenting-profiling",
    "stopped-on-the-street",
    "stopped-while-driving",
    "right-to-remain-silent",
    "ice-at-your-home",
    "arrested-or-in-jail",
    "loved-one-detained",
    "never-sign-papers",
    "family-safety-plan",
    "finding-legal-help",
    "writ-of-mandamus",
    "stopping-a-deportation",
    "habeas-corpus",
    "bond",
    "civil-rights-lawsuits",
    "injunctions-and-class-actions",
    "oversight-complaints",
}


def test_queries_file_shape_and_ids():
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("queries"), list)
    items = data["queries"]
    assert len(items) >= 50
    seen = set()
    for item in items:
        assert set(item) == {"q", "lang", "expect"}, item
        assert isinstance(item["q"], str) and item["q"].strip() == item["q"] and item["q"], item
        assert item["lang"] in ("en", "es"), item
        assert item["expect"] in KNOWN_IDS, item
        key = (item["lang"], item["q"])
        assert key not in seen, f"duplicate query {key}"
        seen.add(key)
    for lang in ("en", "es"):
        assert sum(i["lang"] == lang for i in items) >= 25, lang


def test_typing_benchmark_asks_what_the_window_asks():
    import re

    from guide_app.ui.search_worker import RESULTS_SHOWN

    source = (REPO / "benchmarks" / "run.py").read_text(encoding="utf-8")
    assert int(re.search(r"^TYPING_LIMIT = (\d+)", source, re.M).group(1)) == RESULTS_SHOWN
