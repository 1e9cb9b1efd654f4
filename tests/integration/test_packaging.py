"""The wheel carries the content and the resources the app reads at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import REPO


@pytest.mark.slow
def test_wheel_contains_content_and_resources(tmp_path):
    out = tmp_path / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheels = list(out.glob("rights_guide-*.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    names = set(zipfile.ZipFile(wheels[0]).namelist())

    assert "guide_app/__init__.py" in names
    assert "guide_app/cli.py" in names and "guide_app/search/engine.py" in names
    english = {n for n in names if n.startswith("guide_app/_data/content/en/") and n.endswith(".md")}
    spanish = {n for n in names if n.startswith("guide_app/_data/content/es/") and n.endswith(".md")}
    assert english and spanish
    shipped_en = {f"guide_app/_data/content/en/{p.name}" for p in (REPO / "content" / "en").glob("*.md")}
    assert shipped_en <= english
    for name in ("glossary.yaml", "resources.yaml", "synonyms.yaml", "README.md"):
        if (REPO / "content" / name).is_file():
            assert f"guide_app/_data/content/{name}" in names

    resources = {
        "guide_app/_data/resources/" + p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file()
    }
    assert resources, "resources/ has no files to ship yet"
    assert resources <= names, sorted(resources - names)
    assert not [n for n in names if n.startswith("tests/") or "/tests/" in n]
