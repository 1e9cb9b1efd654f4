"""Read aloud: a page's text spoken with Qt's text-to-speech, the word being read highlighted and kept in view.

What is said comes from guide_app.render.speech (short forms for citations and web addresses, one utterance per
block). This module only drives the engine and draws the highlight. The engine is created on first use, never at
start-up, and nothing is written anywhere. When no engine or voice is available the bar says so in one sentence.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from guide_app import i18n
from guide_app.render.speech import Block, Utterance, speech_plan
from guide_app.ui.speech_engine import SpeechEngineStarter, prefer_plain_american_voice

SPEEDS = (0.75, 1.0, 1.25, 1.5)
ENGINE_VARIABLE = "GUIDE_APP_TTS_ENGINE"  # e.g. "mock" in tests; empty: the platform's default engine
READ_SHORTCUT = "Ctrl+Shift+S"
# the guide's Spanish is written for the Americas, its English for the U.S.: voices from there first
PREFERRED_TERRITORIES = (QLocale.Country.UnitedStates, QLocale.Country.LatinAmerica, QLocale.Country.Mexico)


def speed_to_rate(speed: float) -> float:
    """0.75x .. 1.5x as Qt's rate (-1 slowest .. 0 normal .. 1 fastest)."""
    return max(-1.0, min(1.0, (speed - 1.0) * 2.0))


def _in_page_link(block) -> bool:
    """A block that is only a link to a place on the same page (an "On this page" entry)."""
    fragments = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.text().strip():
            fragments.append(fragment)
        iterator += 1
    return bool(fragments) and all(f.charFormat().anchorHref().startswith("#") for f in fragments)


def document_blocks(document: QTextDocument, lang: str = "") -> list[Block]:
    """The blocks a QTextDocument shows, with list numbers and headings marked. The "On this page" list is
    left out: a listener hears the headings themselves as they come."""
    contents_label = i18n.text("contents", lang).strip() if lang else ""
    blocks = []
    block = document.begin()
    while block.isValid():
        if _in_page_link(block) or (contents_label and block.text().strip() == contents_label):
            block = block.next()
            continue
        text_list = block.textList()
        prefix = text_list.itemText(block).strip() if text_list is not None else ""
        heading = block.blockFormat().headingLevel() > 0
        blocks.append(Block(block.position(), block.text(), prefix, heading))
        block = block.next()
    return blocks


@dataclass
class _Target:
    """One widget being read: a text browser (highlight by extra selection) or a label/button (by markup)."""

    widget: QWidget
    plain: str = ""  # a label's own text, restored after reading


class ReadAloud(QObject):
    """Drives one QTextToSpeech for the whole window: read, pause, resume, stop, speed, highlight."""

    state_changed = Signal(str)  # "idle", "speaking", "paused"
    message = Signal(str)  # one plain sentence when something cannot be done as asked

    def __init__(self, parent: QObject | None = None, engine_name: str | None = None) -> None:
        super().__init__(parent)
        self._engine_name = os.environ.get(ENGINE_VARIABLE, "") if engine_name is None else engine_name
        self._speech = None
        self._starter = SpeechEngineStarter(self)
        self._starter.ready.connect(self._on_engine)
        self._starter.unavailable.connect(self._on_unavailable)
        self._may_retry = False
        self._pending: tuple[list[tuple[QWidget, list[Utterance]]], str] | None = None
        self._locales: list[QLocale] = []
        self._unavailable = ""
        self._targets: list[_Target] = []
        self._queue: dict[int, tuple[int, Utterance]] = {}  # engine id -> (target index, utterance)
        self._speed = 1.0
        self._told_no_voice: set[str] = set()
        self._highlighted: QWidget | None = None
        self._highlighted_text = ""
        self._word_progress = True  # the engine reports each word (speech-dispatcher does not)
        self._order: list[int] = []  # engine ids of this reading, in the order they were queued
        self._started = 0  # how many of them have begun
        self.state = "idle"
        self.enabled = True  # a kiosk administrator may switch read-aloud off

    # --- engine -------------------------------------------------------------------------------------------
    def _engine(self):
        """The speech engine if it is running (None while it starts, or if there is none)."""
        if self._speech is None and not self._starter.starting and (not self._unavailable or self._may_retry):
            self._may_retry = False
            self._unavailable = ""
            self._starter.start(self._engine_name)
        return self._speech

    @property
    def _starting(self) -> bool:
        return self._starter.starting

    def _on_engine(self, speech, locales) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech.setParent(self)
        self._unavailable = ""  # it answered, even if late
        self._locales = locales
        speech.sayingWord.connect(self._on_word)
        speech.aboutToSynthesize.connect(self._on_utterance)
        speech.stateChanged.connect(self._on_state)
        self._word_progress = bool(speech.engineCapabilities() & QTextToSpeech.Capability.WordByWordProgress)
        speech.setRate(speed_to_rate(self._speed))
        self._speech = speech
        pending, self._pending = self._pending, None
        if pending is not None:
            self._speak(*pending)

    def _on_unavailable(self, reason: str, may_retry: bool) -> None:
        self._unavailable = reason
        self._may_retry = may_retry  # a service that did not answer in time is asked again at the next press
        if self._pending is not None:
            self._pending = None
            self.message.emit(reason)

    @property
    def unavailable(self) -> str:
        """Why read-aloud cannot work on this computer ('' if it can, as far as is known yet)."""
        return self._unavailable

    # --- reading ------------------------------------------------------------------------------------------
    def read_browser(self, browser: QTextBrowser, lang: str) -> bool:
        """Read a text browser from the top, or from the selected text if there is a selection."""
        cursor = browser.textCursor()
        start = cursor.selectionStart() if cursor.hasSelection() else 0
        plan = speech_plan(document_blocks(browser.document(), lang), lang, start)
        return self._read([(browser, plan)], lang)

    def read_widgets(self, widgets: list[QWidget], lang: str) -> bool:
        """Read labels and buttons in order (a flow question, its help, its answers)."""
        parts = []
        for widget in widgets:
            text = _widget_text(widget)
            if text.strip():
                parts.append((widget, speech_plan([Block(0, text)], lang)))
        return self._read(parts, lang)

    def _read(self, parts: list[tuple[QWidget, list[Utterance]]], lang: str) -> bool:
        self.stop()
        if not self.enabled:
            return False
        self.message.emit("")  # a new reading: an earlier notice no longer applies
        speech = self._engine()
        if speech is None:
            if self._starting:
                self._pending = (parts, lang)
                self.message.emit(self.tr("Starting the voice…"))
                return True
            self.message.emit(self._unavailable or self._starter.no_engine_text())
            return False
        return self._speak(parts, lang)

    def _speak(self, parts: list[tuple[QWidget, list[Utterance]]], lang: str) -> bool:
        speech = self._speech
        if speech is None:
            return False
        self.message.emit("")
        self._choose_voice(speech, lang)
        for index, (widget, plan) in enumerate(parts):
            self._targets.append(_Target(widget, _widget_text(widget) if not isinstance(widget, QTextEdit) else ""))
            for utterance in plan:
                engine_id = speech.enqueue(utterance.text)
                self._queue[engine_id] = (index, utterance)
                self._order.append(engine_id)
                if self._started == len(self._order):  # it began speaking before enqueue() returned
                    self._show_sentence(engine_id)
        if not self._queue:
            self._targets.clear()
            return False
        self._set_state("speaking")
        return True

    def _choose_voice(self, speech, lang: str) -> None:
        wanted = QLocale(lang)
        matching = [loc for loc in self._locales if loc.language() == wanted.language()]
        if matching:
            rank = {territory: n for n, territory in enumerate(PREFERRED_TERRITORIES)}
            matching.sort(key=lambda loc: rank.get(loc.territory(), len(rank)))
            speech.setLocale(matching[0])
            prefer_plain_american_voice(speech)
        elif lang not in self._told_no_voice:
            self._told_no_voice.add(lang)
            if lang == "es":
                text = self.tr(
                    "No Spanish voice is installed on this computer, so another voice reads this text. "
                    "Install one (on Linux: espeak-ng) to hear it in Spanish."
                )
            else:
                text = self.tr(
                    "No English voice is installed on this computer, so another voice reads this text. "
                    "Install one (on Linux: espeak-ng) to hear it in English."
                )
            self.message.emit(text)

    def pause(self) -> None:
        if self._speech is not None and self.state == "speaking":
            self._speech.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self._speech is not None and self.state == "paused":
            self._speech.resume()
            self._set_state("speaking")

    def stop(self) -> None:
        """Stop at once and forget what was being read (quick exit, Start over, idle reset, closing)."""
        self._pending = None
        if self._speech is not None:
            self._speech.stop()
        self._forget()

    def _forget(self) -> None:
        self._clear_highlight()
        self._queue.clear()
        self._order.clear()
        self._started = 0
        self._targets.clear()
        self._set_state("idle")

    def set_speed(self, speed: float) -> None:
        self._speed = min(SPEEDS, key=lambda s: abs(s - speed))
        if self._speech is not None:
            self._speech.setRate(speed_to_rate(self._speed))

    @property
    def speed(self) -> float:
        return self._speed

    # --- engine events ------------------------------------------------------------------------------------
    def _on_utterance(self, _engine_id: int) -> None:
        """The next sentence starts (in the order they were queued: Qt's engines do not all pass the right id).
        Engines that report words highlight each word; for the others the sentence itself is shown."""
        self._started += 1
        if self._started <= len(self._order):  # else it started inside enqueue(): shown once it is queued
            self._show_sentence(self._order[self._started - 1])

    def _show_sentence(self, engine_id: int) -> None:
        self._clear_highlight()
        entry = self._queue.get(engine_id)
        if entry is not None and not self._word_progress:
            index, utterance = entry
            self._highlight(self._targets[index], *utterance.shown_span(0, len(utterance.text)))

    def _on_word(self, _word: str, engine_id: int, start: int, length: int) -> None:
        entry = self._queue.get(engine_id)
        if entry is None:
            return
        index, utterance = entry
        begin, end = utterance.shown_span(start, length)
        self._highlight(self._targets[index], begin, end)

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready and self.state == "speaking":
            self._forget()
        elif state == QTextToSpeech.State.Error:
            self._unavailable = self._no_engine_text()
            self.message.emit(self._unavailable)
            self.stop()

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    # --- highlight ----------------------------------------------------------------------------------------
    def _highlight(self, target: _Target, begin: int, end: int) -> None:
        widget = target.widget
        self._clear_highlight()
        if isinstance(widget, QTextEdit):
            cursor = QTextCursor(widget.document())
            cursor.setPosition(begin)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            fmt = QTextCharFormat()
            palette = widget.palette()
            fmt.setBackground(palette.highlight())
            fmt.setForeground(palette.highlightedText())
            selection.format = fmt
            widget.setExtraSelections([selection])
            self._highlighted_text = cursor.selectedText()
            _scroll_into_view(widget, cursor)
        elif isinstance(widget, QLabel):
            text = target.plain
            widget.setTextFormat(Qt.TextFormat.RichText)
            palette = widget.palette()
            widget.setText(
                html.escape(text[:begin]) + f'<span style="background-color:{palette.highlight().color().name()};'
                f' color:{palette.highlightedText().color().name()}">{html.escape(text[begin:end])}</span>'
                + html.escape(text[end:])
            )
            self._highlighted_text = text[begin:end]
        elif isinstance(widget, QAbstractButton):
            self._highlighted_text = _widget_text(widget)[begin:end]
            widget.setProperty("reading", True)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._highlighted = widget

    def _clear_highlight(self) -> None:
        widget = self._highlighted
        self._highlighted = None
        if widget is None:
            return
        if isinstance(widget, QTextEdit):
            widget.setExtraSelections([])
        elif isinstance(widget, QLabel):
            target = next((t for t in self._targets if t.widget is widget), None)
            if target is not None:
                widget.setTextFormat(Qt.TextFormat.PlainText)
                widget.setText(target.plain)
        elif isinstance(widget, QAbstractButton):
            widget.setProperty("reading", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def highlighted_text(self) -> str:
        """The piece of the page highlighted now ('' if none): for tests and for the screen reader."""
        return self._highlighted_text if self._highlighted is not None else ""


def _widget_text(widget: QWidget) -> str:
    if isinstance(widget, QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLabel):
        return widget.text() if widget.textFormat() == Qt.TextFormat.PlainText else _strip_markup(widget.text())
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return ""


def _strip_markup(text: str) -> str:
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _scroll_into_view(widget: QTextEdit, cursor: QTextCursor) -> None:
    """Keep the word being read on screen without moving the reader's own cursor or selection."""
    rect = widget.cursorRect(cursor)
    viewport = widget.viewport().rect()
    bar = widget.verticalScrollBar()
    if rect.bottom() > viewport.bottom() - rect.height():
        bar.setValue(bar.value() + rect.bottom() - viewport.height() // 2)
    elif rect.top() < viewport.top():
        bar.setValue(bar.value() + rect.top() - viewport.height() // 3)
