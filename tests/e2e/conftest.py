"""Fixtures for the end-to-end tests (every test here is marked ``e2e``; run them alone with
``pytest -m e2e tests/e2e``).

Fixture API (helpers live in harness.py; import it as ``import harness``):

* ``screen`` (session) — a ``harness.Screen``: Xvfb 1366x768 with openbox on a free display.
* ``launch`` — a factory: ``launch(*args, lang=None, zoom=None, theme=None, kiosk=False, kiosk_ini=None,
  env=None)`` starts the real ``guide-app`` with a fresh private HOME (the search index is copied in, already
  built) and returns a ``harness.GuideApp`` once its window is on screen. Every app it started is stopped after
  the test. ``lang``/``zoom``/``theme`` are written to settings.ini first, as a person's earlier choices would be.
* ``guide`` — ``launch()`` with the defaults.

When a test fails, the screen is saved as ``failure.png`` in the test's tmp folder and the path (plus the
app's log) is printed in the report.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import harness  # noqa: E402

MISSING = harness.missing_tools()


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            if MISSING:
                item.add_marker(
                    pytest.mark.skip(reason=f"needs {', '.join(MISSING)} (Debian: see .ci/run for the package list)")
                )


@pytest.fixture(scope="session")
def screen():
    s = harness.Screen()
    yield s
    s.close()


@pytest.fixture(scope="session")
def built_index(tmp_path_factory, screen):
    home = tmp_path_factory.mktemp("e2e-index-home")
    harness.prebuild_index(home, screen.env)
    return home / ".cache"


@pytest.fixture
def launch(screen, built_index, tmp_path, request):
    apps: list[harness.GuideApp] = []

    def start(
        *args: str,
        lang: str | None = None,
        zoom: int | None = None,
        theme: str | None = None,
        kiosk: bool = False,
        kiosk_ini: str | None = None,
        env: dict | None = None,
    ) -> harness.GuideApp:
        n = len(apps) + 1
        home = tmp_path / f"home{n}"
        shutil.copytree(built_index, home / ".cache")
        settings = {k: v for k, v in (("language", lang), ("zoom", zoom), ("theme", theme)) if v is not None}
        if settings:
            folder = home / ".config" / "rights-guide"
            folder.mkdir(parents=True, exist_ok=True)
            body = "".join(f"{k}={v}\n" for k, v in settings.items())
            (folder / "settings.ini").write_text("[General]\n" + body, encoding="utf-8")
        if kiosk_ini is not None:
            folder = home / "etc-xdg" / "rights-guide"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "kiosk.ini").write_text(kiosk_ini, encoding="utf-8")
        workdir = tmp_path / f"app{n}"
        workdir.mkdir()
        app = harness.GuideApp(screen, home, workdir, (*args, *(("--kiosk",) if kiosk else ())), env)
        apps.append(app)
        return app.start()

    request.node._e2e_apps = apps
    yield start
    for app in apps:
        app.stop()


@pytest.fixture
def guide(launch):
    return launch()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    apps = getattr(item, "_e2e_apps", None)
    if report.when != "call" or not report.failed or not apps:
        return
    screen = item.funcargs.get("screen")
    tmp = item.funcargs.get("tmp_path")
    if screen is None or tmp is None:
        return
    try:
        path = screen.shot(Path(tmp) / "failure.png")
        note = f"screen at the failure: {path}"
    except Exception as error:  # noqa: BLE001 - the report must not hide the real failure
        note = f"could not save the screen: {error}"
    print(f"\n{note}")
    report.sections.append(("e2e screen", note))
    for n, app in enumerate(apps, 1):
        report.sections.append((f"guide-app {n} log", app.log() or "(empty)"))
