"""mypy --check-untyped-defs is clean on the Qt-free layers (library, search, render, app, i18n), as
configured in pyproject.toml ([tool.mypy]); this test is how CI runs it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO

pytest.importorskip("mypy", reason="mypy is in the [test] extra: pip install -e '.[test]'")


def test_the_core_layers_type_check():
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--cache-dir", str(REPO / ".mypy_cache")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_would_see_an_error(tmp_path):
    """Control: the same settings report a wrong type."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f() -> None:\n    x: int = 1\n    x = 'text'\n", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--check-untyped-defs",
            "--no-error-summary",
            "--cache-dir",
            str(tmp_path / "c"),
            str(bad),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1 and "Incompatible types in assignment" in proc.stdout
