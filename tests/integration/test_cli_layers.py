"""The command line's PDF commands draw with guide_app.export (QtGui) and never load guide_app.ui or
QtWidgets; export makes no QApplication of its own (the caller does)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import FIXTURE_CONTENT, REPO

PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys

    import guide_app.cli

    content, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    for name in extra:
        __import__(name)
    with contextlib.redirect_stdout(io.StringIO()):
        codes = [
            guide_app.cli.main(["--content", content, "export", "habeas-corpus", "--pdf", out + "/a.pdf"]),
            guide_app.cli.main(["--content", content, "card", "--lang", "es", "--pdf", out + "/card.pdf"]),
        ]
    from PySide6.QtGui import QGuiApplication

    loaded = sorted(m for m in sys.modules if m.startswith(("guide_app.ui", "PySide6.QtWidgets")))
    app = type(QGuiApplication.instance()).__name__
    print(json.dumps({"codes": codes, "loaded": loaded, "app": app}))
    """
)


def probe(tmp_path, *extra: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(FIXTURE_CONTENT), str(tmp_path), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_export_and_card_load_no_ui_and_no_widgets(tmp_path):
    report = probe(tmp_path)
    assert report["codes"] == [0, 0]
    assert (tmp_path / "a.pdf").stat().st_size > 1000 and (tmp_path / "card.pdf").stat().st_size > 1000
    assert report["loaded"] == [], f"the command line loaded {report['loaded']}"
    assert report["app"] == "QGuiApplication"  # made by the command line, not a QApplication


def test_the_probe_would_see_a_ui_module(tmp_path):
    """Control: the same probe notices guide_app.ui when something imports it."""
    report = probe(tmp_path, "guide_app.ui.printing")
    assert "guide_app.ui.printing" in report["loaded"] and "PySide6.QtWidgets" in report["loaded"]


def test_cli_module_imports_nothing_from_ui():
    """Statically too: no import of guide_app.ui anywhere in cli.py (the window is opened by guide_app.main)."""
    import ast

    def ui_imports(path) -> list[str]:
        found = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            found += [f"{path.name}:{node.lineno} {n}" for n in names if n.startswith("guide_app.ui")]
        return found

    assert ui_imports(REPO / "guide_app" / "cli.py") == []
    assert ui_imports(REPO / "guide_app" / "main.py")  # control: the program entry does open the window
