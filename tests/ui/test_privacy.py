"""Shared computers: nothing left behind, quick exit, kiosk reset, portable mode, survival, offline."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import FIXTURE_CONTENT, assert_smoke_test_passes

SECRET = "zq-private-7731"

DRIVER = textwrap.dedent(
    """
    import sys
    from types import SimpleNamespace
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    import guide_app.ui.app as app_module

    SECRET, CONTENT = sys.argv[1], sys.argv[2]
    steps = []

    def drive():
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")

        def when_ready():
            window.search_box.setText("habeas " + SECRET)
            QTimer.singleShot(800, step_two)

        def step_two():
            window.search_box.setText("habeas corpus " + SECRET)
            QTimer.singleShot(800, step_three)

        def step_three():
            window.open_current_result()
            window.open_article("remain-silent")
            printer = QPrinter()
            steps.append(printer)  # keep the printer alive as long as the preview
            preview = QPrintPreviewDialog(printer, window)
            preview.paintRequested.connect(lambda printer: window.reader.browser.document().print_(printer))
            preview.open()
            QTimer.singleShot(300, lambda: finish(preview))

        def finish(preview):
            window.zoom(1)
            steps[:] = ["done"]
            window.quick_exit()
            app.quit()

        if window.engine is not None:
            when_ready()
        else:
            window.index_ready.connect(when_ready)

    QTimer.singleShot(0, drive)
    args = SimpleNamespace(lang=None, content=CONTENT, smoke_test=False, kiosk=False, present=None)
    code = app_module.run(args)
    print("steps:", steps)
    sys.exit(0 if steps == ["done"] else 3)
    """
)


def scan_for(root: Path, needle: bytes) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            try:
                if needle in path.read_bytes():
                    found.append(str(path))
            except OSError:
                pass
    return found


def test_a_real_session_leaves_no_trace(tmp_path):
    sandbox = tmp_path / "sandbox"
    home, tmp = sandbox / "home", sandbox / "tmp"
    home.mkdir(parents=True)
    tmp.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_RUNTIME_DIR": str(tmp / "run"),
        "TMPDIR": str(tmp),
        "QT_QPA_PLATFORM": "offscreen",
    }
    (tmp / "run").mkdir(mode=0o700)
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), SECRET, str(FIXTURE_CONTENT)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "steps: ['done']" in proc.stdout
    written = sorted(str(p.relative_to(sandbox)) for p in sandbox.rglob("*") if p.is_file())
    assert any(p.endswith("settings.ini") for p in written), written  # the zoom preference was kept
    assert scan_for(sandbox, SECRET.encode()) == []
    settings = next(sandbox.rglob("settings.ini")).read_text()
    assert "habeas" not in settings and "remain" not in settings
    leftovers = [p for p in written if "/.cache/rights-guide/index/" not in p and not p.endswith("settings.ini")]
    assert leftovers == [], leftovers  # nothing else: no history, no Qt file-dialog state, no recent list


@pytest.fixture
def window(qtbot):
    from test_ui import make_window

    win = make_window(qtbot)
    yield win
    win.kiosk = None
    win.close()


def test_quick_exit_clears_every_widget(qtbot, window):
    from test_ui import type_query

    type_query(qtbot, window, "habeas")
    window.open_current_result()
    window.reader.find_bar.open()
    qtbot.keyClicks(window.reader.find_bar.field, "judge")
    window.quick_exit()
    assert window.search_box.text() == ""
    assert window.results.list.count() == 0 and window.results.header.text() == ""
    assert window.reader.browser.toPlainText() == ""
    assert window.reader.find_bar.field.text() == ""
    assert [p.kind for p in window.history] == ["home"]
    assert not window.isVisible()


def test_double_escape_triggers_quick_exit(qtbot, window):
    from PySide6.QtCore import Qt

    window.search_box.setText("habeas")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert window.isVisible() and window.search_box.text() == ""  # one Esc only clears
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_one_escape_is_counted_once_although_qt_delivers_it_twice(qtbot, window):
    """A real key press reaches the QWindow and then the focused widget: one Esc must never quit."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    window.show()
    qtbot.waitExposed(window)
    window.search_box.setFocus()
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.windowHandle(), press)  # as the platform delivers it: to the QWindow
    assert window.isVisible()


def test_kiosk_resets_when_idle_and_cannot_be_closed(qtbot, window):
    from guide_app.kiosk import KioskSettings
    from guide_app.ui.safety import IdleWatcher, StillThereDialog

    window.kiosk = KioskSettings(enabled=True, idle_seconds=1, countdown_seconds=1)
    window.apply_kiosk()
    window.open_article("habeas-corpus")
    window.close()
    assert window.isVisible()  # kiosk: closing only clears
    window.open_article("habeas-corpus")
    watcher = IdleWatcher(0.2, 1, window)
    with qtbot.waitSignal(watcher.reset, timeout=5000):
        qtbot.waitUntil(lambda: isinstance(watcher.dialog, StillThereDialog), timeout=3000)
        assert "Still there" in watcher.dialog.label.text()
        watcher.reset.connect(window.quick_exit)
    assert window.isVisible()
    assert window.stack.currentWidget() is window.home
    assert window.reader.browser.toPlainText() == ""
    watcher.timer.stop()


def test_kiosk_settings_file(tmp_path, monkeypatch, private_home):
    from guide_app import kiosk

    folder = private_home / "etc-xdg" / "rights-guide"
    folder.mkdir(parents=True)
    (folder / "kiosk.ini").write_text("[kiosk]\nenabled = yes\nidle_timeout = 60\nlanguage = es\n")
    settings = kiosk.load()
    assert settings.enabled and settings.idle_seconds == 60 and settings.language == "es"
    assert settings.countdown_seconds == kiosk.DEFAULT_COUNTDOWN_SECONDS
    assert not kiosk.load.__defaults__[0]  # no flag needed when the file says so


def test_portable_mode_writes_only_beside_the_app(tmp_path, monkeypatch, private_home):
    from guide_app import paths
    from guide_app.guide import load_guide
    from guide_app.ui.preferences import Preferences

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    (stick / paths.PORTABLE_MARKER).write_text("")
    monkeypatch.setattr(paths, "app_folder", lambda: stick)
    prefs = Preferences()
    prefs.zoom = 5
    engine = load_guide(FIXTURE_CONTENT, []).open_search()
    engine.close()
    assert Path(prefs.file).is_relative_to(stick)
    assert any(stick.rglob("READY"))
    assert [p for p in private_home.rglob("*") if p.is_file()] == []


def test_crash_dialog_and_the_window_keeps_working(qtbot, window, private_home):
    from guide_app.ui import safety

    safety.setup_logging()
    guard = safety.CrashGuard()
    try:
        raise RuntimeError(f"boom while showing {SECRET}")
    except RuntimeError:
        guard.handle(*sys.exc_info())
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes and "your session was not saved" in boxes[0].text()
    for box in boxes:
        box.close()
    for handler in safety.log.handlers:
        handler.flush()
    log_file = private_home / ".cache" / "rights-guide" / "logs" / "errors.log"
    assert "RuntimeError" in log_file.read_text()
    assert SECRET not in log_file.read_text()
    window.open_article("remain-silent")
    assert "silent" in window.reader.browser.toPlainText().lower()


def test_unwritable_cache_still_searches(tmp_path, monkeypatch):
    from guide_app.guide import load_guide

    if os.geteuid() == 0:
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the cache folder should be")
        cache = blocked / "cache"
    else:
        cache = tmp_path / "ro"
        cache.mkdir(mode=0o500)
    engine = load_guide(FIXTURE_CONTENT, []).open_search(cache=cache)
    try:
        assert engine.search("habeas", "en").results
    finally:
        engine.close()


def test_broken_local_pack_article_is_reported_and_the_rest_loads(tmp_path):
    from guide_app.guide import load_guide

    pack = tmp_path / "local-content"
    (pack / "en").mkdir(parents=True)
    (pack / "en" / "our-clinic.md").write_text("---\nid: our-clinic\ntitle: [unclosed\n---\nText\n")
    (pack / "resources.yaml").write_text(
        "- id: our-clinic\n  name: Westside legal clinic\n  helps_with: {en: Free legal help on Tuesdays}\n"
        '  phone: "555-0100"\n  verified: 2026-11-01\n'
    )
    guide = load_guide(FIXTURE_CONTENT, [pack])
    assert any("our-clinic.md:4: the front matter is not valid YAML" in str(p) for p in guide.problems)
    assert guide.library.article("habeas-corpus", "en") is not None
    assert any(r.id == "our-clinic" and r.origin == "local" for r in guide.library.resources)
    engine = guide.open_search(cache=tmp_path / "cache")
    try:
        card = engine.search("legal clinic", "en").card
        assert card is not None and card.target == ("resource", "our-clinic")
    finally:
        engine.close()


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not available")
def test_smoke_test_runs_with_no_network_at_all(tmp_path):
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this system does not allow an empty network namespace")
    assert_smoke_test_passes(("unshare", "-rn"), HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "c"))


def test_a_reset_has_a_way_to_clear_every_trace_the_policy_names(qtbot, window):
    from guide_app.app.policy import Trace

    assert set(window._trace_clearers()) == set(Trace) == set(window.policy.reset_clears)
