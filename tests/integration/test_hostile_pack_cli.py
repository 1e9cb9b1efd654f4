"""`guide-app check` and `guide-app search` over a local pack holding every kind of hostile file at once.

Run as real processes: a FIFO or a billion-laughs file would hang or exhaust memory, so each command runs
under a time limit (and a memory cap where the OS has one). The figures in the test ids are the budget.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_pack import KINDS, make_pack

from conftest import FIXTURE_CONTENT, REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")
ALL_KINDS = [k for k in KINDS if k != "builtin-resource-id"] + ["long-spaces-line", "long-emphasis-line"]


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a billion laughs would take far more


def run(*args: str, pack: Path) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8", "GUIDE_APP_LOCAL_CONTENT": str(pack)}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "guide_app", "--content", str(FIXTURE_CONTENT), *args],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, preexec_fn=_cap_memory,
    )  # fmt: skip
    return proc, time.perf_counter() - start


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> tuple[Path, dict[str, tuple[Path, int]]]:
    """One pack with every hostile kind; each kind writes distinct file names."""
    root = tmp_path_factory.mktemp("hostile")
    bad = {}
    for kind in ALL_KINDS:
        sub = root / kind
        bad[kind] = make_pack(sub, kind)
    pack = root / "pack"
    (pack / "en").mkdir(parents=True)
    for kind, (path, _line) in bad.items():  # move every file into one pack (links are re-made, not copied)
        target = pack / path.relative_to(root / kind)
        if target.exists() or target.is_symlink():
            continue  # resources.yaml: one hostile kind of it is enough in the shared pack
        os.rename(path, target)
        bad[kind] = (target, _line)
    os.rename(root / ALL_KINDS[0] / "en" / "zz-local-good.md", pack / "en" / "zz-local-good.md")
    return pack, bad


def test_check_names_every_bad_file_quickly(pack):
    folder, bad = pack
    proc, elapsed = run("check", pack=folder)
    print(f"guide-app check on the hostile pack: {elapsed:.2f} s")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 1  # problems found
    for kind, (path, line) in bad.items():
        if line and path.parent.exists() and (path.exists() or path.is_symlink()) and path.is_relative_to(folder):
            assert f"{path}:{line}: " in proc.stdout, (kind, proc.stdout[-3000:])
    assert elapsed < 10, elapsed  # a cold Python start plus the fixture; the pack itself must add little


def test_search_still_answers_with_the_hostile_pack(pack, tmp_path, monkeypatch):
    folder, _bad = pack
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    proc, elapsed = run("search", "--json", "--lang", "en", "habeas corpus", pack=folder)
    print(f"guide-app search with the hostile pack (index built): {elapsed:.2f} s")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["id"] == "habeas-corpus"
    local, _ = run("search", "--json", "--lang", "en", "quokka", pack=folder)
    assert "zz-local-good" in [r["id"] for r in json.loads(local.stdout)["results"]]  # the pack's good article
    assert elapsed < 15, elapsed


def test_an_exported_article_holds_no_local_image(tmp_path):
    """``![](file:///…)`` in a local article: the PDF never reads or embeds the file (nor does the reader)."""
    import segno
    from hostile_pack import article
    from pypdf import PdfReader

    secret = tmp_path / "secret-local.png"
    segno.make("a private picture", micro=False).save(secret, scale=10)  # any PNG of a known size
    width = segno.make("a private picture", micro=False).symbol_size(scale=10)[0]
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "zz-img.md").write_text(article("zz-img", f"Look: ![x]({secret.as_uri()}) here."), encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    proc, _ = run("export", "zz-img", "--pdf", str(pdf), pack=pack)
    assert proc.returncode == 0, proc.stderr
    widths = []
    for page in PdfReader(pdf).pages:
        objects = page["/Resources"].get("/XObject") or {}
        widths += [int(objects[name].get_object().get("/Width", 0)) for name in objects]
    assert width not in widths, widths
