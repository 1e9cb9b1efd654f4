"""The interface is fully translated: every .ts entry is done, each .qm matches its .ts, the .ts holds every
string of the code, and once the window is switched to Spanish no English string is left on screen."""

from __future__ import annotations

import ast
import html
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from conftest import FIXTURE_CONTENT, REPO

I18N = REPO / "resources" / "i18n"
UI = REPO / "guide_app" / "ui"
TS_FILES = sorted(I18N.glob("guide_app_*.ts"))
LANGS = [p.stem.removeprefix("guide_app_") for p in TS_FILES]
PLACEHOLDER = re.compile(r"%L?\d+|%L?n|\{[A-Za-z_]\w*\}")
HINT = "run `.venv/bin/python resources/i18n/update.py`, translate, commit the .ts and .qm (resources/i18n/README.md)"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    forms: tuple[str, ...]  # one translation, or one per plural form
    numerus: bool
    kind: str  # the translation's type attribute: "" when finished, else unfinished / vanished / obsolete


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms, kind = (), "missing"
            elif numerus:
                forms, kind = tuple(f.text or "" for f in translation.iter("numerusform")), translation.get("type", "")
            else:
                forms, kind = (translation.text or "",), translation.get("type", "")
            messages.append(Message(name, message.findtext("source", ""), forms, numerus, kind))
    return messages


def load_update_script():
    spec = importlib.util.spec_from_file_location("i18n_update", I18N / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accelerators(text: str) -> list[str]:
    """The letters marked with & ("&&" is a literal ampersand, "&amp;" an HTML entity)."""
    text = re.sub(r"&&|&#?\w+;", "", text)
    return re.findall(r"&(\w)", text)


def test_there_is_a_spanish_translation():
    assert "es" in LANGS
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").is_file(), f"{ts.name} has no .qm beside it: {HINT}"


# -- (a) every entry translated, placeholders and accelerators kept -------------------------------------


@pytest.mark.parametrize("ts", TS_FILES, ids=LANGS)
def test_every_message_is_translated(ts):
    messages = read_ts(ts)
    assert messages, f"{ts.name} is empty"
    problems = []
    for m in messages:
        where = f"{ts.name} [{m.context}] {m.source!r}"
        if m.kind:
            problems.append(f"{where}: type={m.kind!r}")
        if not m.forms or not all(form.strip() for form in m.forms):
            problems.append(f"{where}: empty translation")
            continue
        if m.numerus and len(m.forms) < 2:
            problems.append(f"{where}: a %n message needs a singular and a plural form")
        for form in m.forms:
            if Counter(PLACEHOLDER.findall(form)) != Counter(PLACEHOLDER.findall(m.source)):
                problems.append(f"{where}: placeholders differ in {form!r}")
            if len(accelerators(form)) != len(accelerators(m.source)):
                problems.append(f"{where}: '&' keyboard letters differ in {form!r}")
            if form.count("\n") != m.source.count("\n"):
                problems.append(f"{where}: line breaks differ in {form!r}")
    assert not problems, "\n".join(problems) + f"\n{HINT}"


# -- (b) the .qm is built from the .ts as it is now ------------------------------------------------------


@pytest.mark.parametrize("ts", TS_FILES, ids=LANGS)
def test_qm_is_built_from_the_current_ts(ts, tmp_path):
    update = load_update_script()
    fresh = tmp_path / ts.with_suffix(".qm").name
    update.lrelease(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name} changed since its .qm: {HINT}"


@pytest.mark.parametrize("ts", TS_FILES, ids=LANGS)
def test_qm_answers_every_message(ts, qapp):
    """Independent of lrelease: load the shipped .qm and look every message up, as the app does."""
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    wrong = []
    for m in read_ts(ts):
        if m.numerus:
            for n, form in ((1, m.forms[0]), (5, m.forms[-1])):
                got = translator.translate(m.context, m.source, "", n)
                if got != form.replace("%n", str(n)) and got != form:
                    wrong.append(f"[{m.context}] {m.source!r} (n={n}): {got!r}")
        elif translator.translate(m.context, m.source) != m.forms[0]:
            wrong.append(f"[{m.context}] {m.source!r}: {translator.translate(m.context, m.source)!r}")
    assert not wrong, f"{ts.with_suffix('.qm').name} does not match {ts.name}:\n" + "\n".join(wrong) + f"\n{HINT}"


# -- the .ts holds every string of the code ---------------------------------------------------------------


def _tr_calls_lupdate_misses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []

    def text_arg(call: ast.Call) -> ast.expr | None:
        """The text argument of self.tr(text, ...) or QCoreApplication.translate(context, text, ...)."""
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" or isinstance(func, ast.Name) and func.id == "tr":
            index = 0
        elif isinstance(func, ast.Attribute) and func.attr == "translate":
            owner = func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if owner_name not in ("QCoreApplication", "QGuiApplication", "QApplication"):
                return None  # e.g. QPainter.translate(x, y)
            index = 1
        else:
            return None
        return call.args[index] if len(call.args) > index else None

    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and text_arg(inner) is not None:
                    found.append(f"{path.name}:{inner.lineno}: tr() inside an f-string")
        elif isinstance(node, ast.Call):
            arg = text_arg(node)
            if arg is not None and not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                found.append(f"{path.name}:{node.lineno}: tr() of something other than a plain string literal")
    return found


def test_every_tr_call_can_be_extracted():
    """lupdate silently skips tr() inside an f-string and tr() of a variable: those would stay English."""
    problems = [p for path in sorted(UI.glob("*.py")) for p in _tr_calls_lupdate_misses(path)]
    assert not problems, "\n".join(problems) + "\nUse a plain literal: label = self.tr('...'), then f'...{label}...'"


@pytest.mark.parametrize("ts", TS_FILES, ids=LANGS)
def test_ts_holds_every_string_of_the_code(ts, tmp_path):
    update = load_update_script()
    fresh = tmp_path / ts.name
    shutil.copyfile(ts, fresh)
    update.lupdate(fresh, ts.stem.removeprefix("guide_app_"))
    have = {(m.context, m.source) for m in read_ts(ts)}
    want = {(m.context, m.source) for m in read_ts(fresh)}
    lines = [f"new in the code, missing from {ts.name}: [{c}] {s!r}" for c, s in sorted(want - have)]
    lines += [f"in {ts.name}, gone from the code: [{c}] {s!r}" for c, s in sorted(have - want)]
    assert not lines, "\n".join(lines) + f"\n{HINT}"


# -- (c) the real window, switched to Spanish, shows no English ------------------------------------------

QT_ENGLISH = {"OK", "Cancel", "Open", "Close", "Yes", "Save", "Apply", "Help"}  # Qt buttons (qtbase_<lang>.qm)


def _clean(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip()


def _fragments(text: str) -> list[str]:
    """A visible string and its parts: rich text is cut at tags, lists at separators and line breaks."""
    if not text:
        return []
    plain = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    parts = {text, plain}
    for part in re.split(r"\n| — | · | \[|\]", plain):
        parts.add(part)
        parts.add(part.rstrip(" :.").strip())
    return [p for p in (_clean(p) for p in parts) if p]


def _strings_of(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a person or a screen reader gets from one widget."""
    out = []
    name = widget.objectName() or type(widget).__name__

    def add(what: str, value) -> None:
        if isinstance(value, str) and value:
            out.append((f"{name}.{what}", value))

    for getter in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription"):
        add(getter, getattr(widget, getter)())
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        add("text", widget.text())
    if isinstance(widget, QLineEdit):
        add("placeholderText", widget.placeholderText())
    if isinstance(widget, QTextEdit):
        add("placeholderText", widget.placeholderText())
        add("text", widget.toPlainText())
    if isinstance(widget, QMenu):
        add("title", widget.title())
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            add(f"item{i}", widget.itemText(i))
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            add(f"tab{i}", widget.tabText(i))
            add(f"tab{i}.toolTip", widget.tabToolTip(i))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:  # list widgets and model views
        model = widget.model()
        for i in range(model.rowCount()):
            index = model.index(i, 0)
            add(f"item{i}", index.data(Qt.ItemDataRole.DisplayRole))
            add(f"item{i}.toolTip", index.data(Qt.ItemDataRole.ToolTipRole))
            add(f"item{i}.accessible", index.data(Qt.ItemDataRole.AccessibleTextRole))
    for action in widget.actions():
        out.extend(_strings_of_action(action))
    return out


def _strings_of_action(action: QAction) -> list[tuple[str, str]]:
    name = action.objectName() or action.text() or "action"
    getters = ("text", "iconText", "toolTip", "statusTip", "whatsThis")
    return [(f"QAction {name!r}.{g}", getattr(action, g)()) for g in getters if getattr(action, g)()]


def _collect(*roots: QWidget) -> list[tuple[str, str]]:
    out = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            out.extend(_strings_of(widget))
        for action in root.findChildren(QAction):
            out.extend(_strings_of_action(action))
    return out


def _modal_strings(qtbot, trigger) -> list[tuple[str, str]]:
    """Open a modal dialog with ``trigger``, read every string in it, and close it (Esc / Cancel)."""
    found: list[tuple[str, str]] = []
    tries = {"left": 300}

    def grab() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            tries["left"] -= 1
            if tries["left"] > 0:
                QTimer.singleShot(10, grab)
            return
        found.extend(_collect(box))
        box.reject()

    QTimer.singleShot(0, grab)
    trigger()
    qtbot.waitUntil(lambda: bool(found) or tries["left"] <= 0, timeout=5000)
    assert found, "the dialog did not open"
    return found


def _pattern(text: str) -> re.Pattern:
    """A message as shown: its placeholders (%1, %n, {date}) filled with anything."""
    parts = PLACEHOLDER.split(_clean(text))
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def _english_left(strings, messages: list[Message], exempt) -> list[str]:
    """Visible strings that are an English source text of the .ts (placeholders filled in or not), not its
    translation."""
    english: dict[str, set[str]] = {}
    for m in messages:
        english.setdefault(m.source, set()).update(m.forms)
    checks = [
        (_pattern(source), [_pattern(form) for form in forms])
        for source, forms in english.items()
        if _clean(source) not in {_clean(form) for form in forms}  # a translation may equal its English
    ]
    left = set()
    for where, text in strings:
        if (where, text) in exempt:
            continue
        for part in _fragments(text):
            if part in QT_ENGLISH or any(
                source.fullmatch(part) and not any(t.fullmatch(part) for t in translated)
                for source, translated in checks
            ):
                left.add(f"{where}: {part!r}")
    return sorted(left)


def _mnemonic_clashes(window) -> list[str]:
    clashes = []
    menus = [("menu bar", window.menuBar().actions())]
    menus += [(menu.title(), menu.actions()) for menu in window.findChildren(QMenu)]
    for title, actions in menus:
        letters = Counter(
            letter.lower()
            for action in actions
            if action.isVisible() and not action.isSeparator()
            for letter in accelerators(action.text())
        )
        clashes += [f"{_clean(title)}: '&{letter}' used {n} times" for letter, n in letters.items() if n > 1]
    return clashes


@pytest.fixture
def spanish_window(qtbot):
    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences
    from guide_app.ui.translations import Translations

    app = QCoreApplication.instance()
    locale = QLocale()
    translations = Translations(app)
    translations.install("en")
    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "en", translations)
    qtbot.addWidget(window)
    window.show()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.status_messages = messages
    try:
        window.set_language("es")  # switched at run time, as a person would, before the guide is even loaded
        with qtbot.waitSignal(window.index_ready, timeout=30_000):
            window.start()
        yield window
    finally:
        window.kiosk = None  # a kiosk window only clears on close
        window.close()
        translations.install("en")
        QLocale.setDefault(locale)


def _search(qtbot, window, text: str) -> None:
    window.search_box.clear()
    with qtbot.waitSignal(window.service.results, timeout=10_000):
        window.search_box.setText(text)


def test_no_english_left_in_spanish(qtbot, spanish_window):
    from guide_app.kiosk import KioskSettings
    from guide_app.ui.safety import CrashGuard, StillThereDialog

    window = spanish_window
    messages = read_ts(I18N / "guide_app_es.ts")
    # The language button names the other language in that language, on purpose.
    exempt = {("languageButton.text", "English")}
    seen: list[tuple[str, str]] = []

    def look(*roots: QWidget) -> None:
        seen.extend(_collect(*(roots or (window,))))

    look()  # home screen, menus, toolbar
    names = (window.windowTitle(), window.quick_exit_button.text())
    _search(qtbot, window, "abogado")  # results
    assert window.stack.currentWidget() is window.results and window.results.shown_count
    look()
    _search(qtbot, window, "zzqqxx")  # nothing found: the friendly message and topic links
    look()
    window.act_all.trigger()  # browse everything
    look()
    window.home.topic_buttons[2].click()  # one topic
    look()
    window.open_article("finding-legal-help")  # the reader, with its labels
    assert window.stack.currentWidget() is window.reader
    window.act_find.trigger()
    window.reader.find_bar.field.setText("zzqqxx")
    window.reader.find_bar.find_next()
    look()
    window.act_present.trigger()  # the slides window
    assert window._presentation.isVisible()
    look()
    window._presentation.close()
    seen.extend(_modal_strings(qtbot, window.act_save_pdf.trigger))  # Qt's own file dialog speaks Spanish too
    window.open_article("no-such-article")  # the status page
    look()
    window.home.situation_buttons[2].click()  # a situation flow: its questions, then what to do
    assert window.stack.currentWidget() is window.flow_panel
    look()
    while not window.flow_panel.session.finished:
        window.flow_panel.choose(0)
    look()
    seen.extend(_modal_strings(qtbot, window.act_howto.trigger))
    seen.extend(_modal_strings(qtbot, window.act_about.trigger))
    seen.extend(_modal_strings(qtbot, lambda: window.open_external("https://example.org/")))

    dialog = StillThereDialog(30, window)  # the kiosk's countdown
    look(dialog)
    dialog.deleteLater()
    window.activateWindow()  # the crash dialog sits on the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    guard = CrashGuard(window)
    guard.handle(RuntimeError, RuntimeError("test"), None)
    boxes = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert boxes, "the crash dialog did not open"
    look(*boxes)
    for box in boxes:
        box.close()

    window.kiosk = KioskSettings(enabled=True, idle_seconds=3600, countdown_seconds=15)  # a community-center computer
    window.retranslate()
    window.apply_kiosk()
    look()
    window.unlock_admin()

    seen.extend(("status bar", text) for text in window.status_messages)
    assert window.status_messages, "no status-bar message was seen"
    left = _english_left(seen, messages, exempt)
    assert not left, "English left on screen in Spanish:\n" + "\n".join(left) + f"\n{HINT}"
    assert names == ("Guía de derechos", "Salida rápida")
    assert not _mnemonic_clashes(window), "\n".join(_mnemonic_clashes(window))


def test_switching_back_to_english_restores_english(qtbot, spanish_window):
    window = spanish_window
    window.set_language("en")
    assert window.windowTitle() == "Rights Guide"
    assert window.quick_exit_button.text() == "Quick exit"
    assert window.menu_file.title() == "&File"
