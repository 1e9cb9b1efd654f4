"""Shared computers, hardened: nothing of the last visitor comes back after any reset, and the kiosk holds.

Ctrl+Z is pressed as a key (QTest, offscreen); the same with real X key presses and the PRIMARY selection
is in tests/e2e/test_e2e_reset_undo.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from conftest import FIXTURE_CONTENT
from guide_app.app.passphrase import make_hash
from guide_app.kiosk import KioskSettings

SECRET = "correct horse battery"
HASH = make_hash(SECRET)
VISITOR = "deportation kq00c99fd3"
FIND = "findkq00c99fd3"


@pytest.fixture
def window(qtbot):
    from test_ui import make_window

    win = make_window(qtbot)
    yield win
    win.kiosk = None
    win.close()


def kiosk(window, **settings) -> None:
    window.kiosk = KioskSettings(enabled=True, idle_seconds=3600, **settings)
    window.apply_kiosk()


def visit(qtbot, window) -> None:
    """What a visitor leaves: a typed query, an open article and a find-in-article word."""
    from test_ui import type_query

    type_query(qtbot, window, VISITOR)
    window.open_article("habeas-corpus")
    window.reader.find_bar.open()
    qtbot.keyClicks(window.reader.find_bar.field, FIND)
    assert window.search_box.isUndoAvailable() and window.reader.find_bar.field.isUndoAvailable()


def reset(qtbot, window, how: str) -> None:
    if how == "start over":  # the kiosk's button
        kiosk(window)
        window.quick_exit_button.click()
    elif how == "clear my session":
        window.act_clear.trigger()
    elif how == "quick exit":
        window.quick_exit()
    elif how == "idle":
        from guide_app.ui.safety import IdleWatcher

        kiosk(window)
        watcher = IdleWatcher(0.1, 1, window)
        watcher.reset.connect(window.quick_exit)
        with qtbot.waitSignal(watcher.reset, timeout=10_000):
            pass
        watcher.timer.stop()
    else:
        raise AssertionError(how)


def undo_action_enabled(edit: QLineEdit) -> bool:
    menu = edit.createStandardContextMenu()
    try:
        undo = [a for a in menu.actions() if a.text().replace("&", "").lower().startswith("undo")]
        assert undo, [a.text() for a in menu.actions()]
        return undo[0].isEnabled()
    finally:
        menu.deleteLater()


@pytest.mark.parametrize("how", ["start over", "clear my session", "quick exit", "idle"])
def test_ctrl_z_after_a_reset_brings_nothing_back(qtbot, window, how):
    visit(qtbot, window)
    reset(qtbot, window, how)
    window.show()
    for edit in (window.search_box, window.reader.find_bar.field):
        assert edit.text() == ""
        assert not edit.isUndoAvailable() and not edit.isRedoAvailable()
        assert not undo_action_enabled(edit)  # the right-click menu's Undo is off too
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert edit.text() == "", (how, edit.objectName())
    assert window.stack.currentWidget() is window.home


def test_every_field_of_the_window_forgets_its_history(qtbot, window):
    extra = QLineEdit(window)  # a field the reset code does not know by name
    qtbot.keyClicks(extra, "x")
    extra.setText("")  # emptied by some other code path, history dropped...
    qtbot.keyClicks(extra, "secret")
    window.clear_session()
    assert not extra.isUndoAvailable()
    assert extra.text() == "secret"  # ...a reset does not change fields it does not own, only their history


def test_a_reset_clears_the_clipboard_and_the_selection(qtbot, window, monkeypatch):
    from PySide6.QtGui import QClipboard

    cleared = []
    clipboard = QApplication.clipboard()
    monkeypatch.setattr(clipboard, "supportsSelection", lambda: True)
    monkeypatch.setattr(clipboard, "clear", lambda mode=QClipboard.Mode.Clipboard: cleared.append(mode))
    window.clear_session()
    assert QClipboard.Mode.Clipboard in cleared and QClipboard.Mode.Selection in cleared


# -- the administrator unlock ------------------------------------------------------------------------------


def answer_passphrase(monkeypatch, typed: str | None) -> list:
    asked = []

    def get_text(parent, title, label, echo, *args, **kwargs):
        asked.append(echo)
        return (typed or "", typed is not None)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def test_the_kiosk_unlocks_only_with_the_passphrase(qtbot, window, monkeypatch):
    kiosk(window, passphrase_hash=HASH)
    asked = answer_passphrase(monkeypatch, "wrong guess")
    window.act_admin.trigger()
    assert asked == [QLineEdit.EchoMode.Password]
    assert window.policy.locked and not window.act_quit.isEnabled()
    assert "not right" in window.statusBar().currentMessage()
    answer_passphrase(monkeypatch, SECRET)
    window.act_admin.trigger()
    assert not window.policy.locked and window.act_quit.isEnabled()
    assert window.relock_timer.isActive() and window.relock_timer.interval() == 5 * 60 * 1000


def test_a_kiosk_without_a_passphrase_cannot_be_unlocked(qtbot, window, monkeypatch):
    kiosk(window)  # --kiosk, or a kiosk.ini without admin_passphrase
    asked = answer_passphrase(monkeypatch, "anything at all")
    window.act_admin.trigger()
    assert asked == []  # not even asked
    assert window.policy.locked and not window.act_quit.isEnabled()
    assert "cannot be unlocked" in window.statusBar().currentMessage()


def test_an_unlock_ends_at_the_next_reset_which_never_closes_the_kiosk(qtbot, window, monkeypatch):
    kiosk(window, passphrase_hash=HASH)
    answer_passphrase(monkeypatch, SECRET)
    window.act_admin.trigger()
    assert not window.policy.locked
    assert window.quick_exit_button.text() == "Start over"  # unlocked, the button still only starts over
    window.quick_exit()  # Start over, or the idle reset
    assert window.isVisible()
    assert window.policy.locked and not window.act_quit.isEnabled() and not window.relock_timer.isActive()


def test_the_unlock_runs_out(qtbot, window, monkeypatch):
    kiosk(window, passphrase_hash=HASH)
    answer_passphrase(monkeypatch, SECRET)
    window.act_admin.trigger()
    window.policy._unlocked_until = 0.0  # the five minutes have passed
    window.relock_timer.start(1)
    qtbot.waitUntil(lambda: not window.act_quit.isEnabled(), timeout=3000)
    assert window.policy.locked


# -- links -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("href", ["https://www.law.cornell.edu/uscode/text/28/2241", "mailto:help@example.org"])
def test_a_kiosk_link_shows_the_address_and_a_qr_code_and_opens_nothing(qtbot, window, monkeypatch, href):
    from PySide6.QtGui import QDesktopServices

    from guide_app.ui.address_dialog import AddressDialog

    opened, shown = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    monkeypatch.setattr(AddressDialog, "exec", lambda self: shown.append(self) or 0)
    kiosk(window)
    window.follow_link(href)
    assert opened == []
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.address.text() == href.removeprefix("mailto:")
    assert dialog.address.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction  # no selection
    pixmap = dialog.qr.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 100


def test_the_qr_code_holds_the_address():
    import segno

    from guide_app.ui.address_dialog import qr_image

    href = "https://www.law.cornell.edu/uscode/text/28/2241"
    image = qr_image(href)
    assert image is not None and not image.isNull()
    expected = segno.make(href, error="m", micro=False)
    assert image.width() == (expected.symbol_size(scale=6, border=4))[0]
    assert qr_image("x" * 5000) is None  # too dense to scan: the address alone is shown


# -- kiosk defaults and settings.ini ---------------------------------------------------------------------


def test_a_kiosk_reset_returns_to_the_kiosk_language_and_text_size(qtbot, monkeypatch):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    prefs = Preferences.in_memory({"language": "en", "zoom": 3, "theme": "light"})
    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), prefs, "en")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_ready, timeout=30_000):
        window.start()
    try:
        kiosk(window, language="en", zoom=3, theme="light")
        window.set_language("es")
        window.zoom(4)
        window.set_theme("dark")
        assert (window.lang, prefs.zoom, prefs.theme) == ("es", 7, "dark")
        window.quick_exit()
        assert (window.lang, prefs.zoom, prefs.theme) == ("en", 3, "light")
        assert prefs.file == ""  # never a file
    finally:
        window.zoom(0)  # the application font and style sheet are shared with the next tests
        QApplication.instance().setStyleSheet("")
        window.kiosk = None
        window.close()


DRIVER = textwrap.dedent(
    """
    import sys
    from types import SimpleNamespace
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication
    import guide_app.ui.app as app_module

    report = []

    def drive():
        app = QApplication.instance()
        report.append(app.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs))
        window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
        window.set_language("es")
        window.zoom(3)
        window.set_theme("contrast")
        window.quick_exit()
        report.append((window.lang, window.prefs.zoom, window.prefs.theme, window.isVisible()))
        window.kiosk = None
        app.quit()

    QTimer.singleShot(0, drive)
    args = SimpleNamespace(lang=None, content=sys.argv[1], smoke_test=False, kiosk=True, present=None)
    app_module.run(args)
    print("report:", report)
    """
)


def test_a_kiosk_writes_no_settings_and_uses_qt_dialogs(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(script), str(FIXTURE_CONTENT)], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "report: [True, ('en', 2, 'light', True)]" in proc.stdout, proc.stdout + proc.stderr
    assert not list(home.rglob("settings.ini"))


def test_kiosk_checklist_printing_never_writes_a_file(qtbot, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog

    from guide_app.export import checklist
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    window = MainWindow(lambda: load_guide(None, []), Preferences(), "en")  # the flows are built-in content
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.index_ready, timeout=60_000):
        window.start()
    try:
        kiosk(window)
        window.open_flow("loved-one-taken-by-ice")
        panel = window.flow_panel
        while not panel.session.finished:
            panel.choose(0)
        assert panel.print_button.isVisible() and not panel.pdf_button.isVisible()
        offered, printed = [], []
        sneaky = tmp_path / "sneaky.pdf"

        def chooses_a_file(dialog):
            offered.append(dialog.testOption(QPrintDialog.PrintDialogOption.PrintToFile))
            dialog.printer().setOutputFileName(str(sneaky))  # as if "Print to file" were picked anyway
            return QPrintDialog.DialogCode.Accepted

        monkeypatch.setattr(QPrintDialog, "exec", chooses_a_file)
        monkeypatch.setattr(checklist, "print_document", lambda doc, printer: printed.append(printer))
        panel.print_checklist()
        assert offered == [False]  # the dialog does not offer a file...
        assert printed == [] and not sneaky.exists()  # ...and a file output is refused
    finally:
        window.kiosk = None
        window.close()


def test_the_window_logs_no_error_message_text(qtbot, window, caplog):
    with caplog.at_level("ERROR"):
        window._on_failed("could not read 'mi hijo fue detenido secretword42'")
    assert "secretword42" not in caplog.text
    assert "index failed" in caplog.text
    assert "Search is not available" in window.statusBar().currentMessage()


def test_the_kiosk_help_says_the_keys_start_over(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: shown.append(text)))
    window.show_how_to()
    kiosk(window)
    window.show_how_to()
    assert "closes the guide" in shown[0] and "%1" not in shown[0]
    assert "closes the guide" not in shown[1] and "next person" in shown[1]
