"""The core (library, search, render), the application layer (app) and the command line's search path never
load Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import FIXTURE_CONTENT, REPO

PROBE = textwrap.dedent(
    """
    import contextlib, importlib, io, json, pkgutil, sys

    import guide_app.app, guide_app.i18n, guide_app.library, guide_app.search, guide_app.render

    imported = []
    for package in (guide_app.app, guide_app.i18n, guide_app.library, guide_app.search, guide_app.render):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
            imported.append(module.name)

    import guide_app.cli, guide_app.guide, guide_app.paths

    content = sys.argv[1]
    codes = []
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        for args in (["search", "--json", "habeas"], ["search", "detencion"], ["list"], ["show", "habeas-corpus"]):
            codes.append(guide_app.cli.main(["--content", content, *args]))
        codes.append(guide_app.cli.main(["check", content]))
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": imported, "codes": codes, "qt": qt, "whoosh": "whoosh" in sys.modules}))
    """
)


def test_core_and_cli_search_load_no_qt(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(FIXTURE_CONTENT)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 0, 0]
    for module in (
        "guide_app.library.loader",
        "guide_app.search.engine",
        "guide_app.search.store",
        "guide_app.render.text",
        "guide_app.i18n.catalog",
        "guide_app.app.navigation",
        "guide_app.app.search_session",
        "guide_app.app.policy",
        "guide_app.app.settings",
    ):
        assert module in report["imported"]
    assert report["whoosh"]  # the search really ran in that process
    assert report["qt"] == [], f"Qt was imported: {report['qt']}"


def test_the_probe_would_see_qt(tmp_path):
    """The check above can fail: importing PySide6 shows up in sys.modules the same way."""
    code = "import sys, PySide6.QtCore; print(sorted(m for m in sys.modules if m.startswith('PySide6'))[:1])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "PySide6" in proc.stdout
