"""The read-aloud controls: Read aloud, Pause/Resume, Stop and a speed choice, with one line for notices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from guide_app.ui.read_aloud import READ_SHORTCUT, SPEEDS, ReadAloud


class ReadAloudBar(QWidget):
    """Read aloud / Pause / Resume / Stop and a speed choice, with a one-line status for problems."""

    speed_chosen = Signal(float)

    def __init__(self, reader: ReadAloud, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self.reader = reader
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.read_button = QPushButton()
        self.read_button.setObjectName("readAloudButton")
        self.pause_button = QPushButton()
        self.stop_button = QPushButton()
        self.speed_label = QLabel()
        self.speed = QComboBox()
        for speed in SPEEDS:
            self.speed.addItem(f"{speed:g}×", speed)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_label.setBuddy(self.speed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("readAloudStatus")
        for widget in (self.read_button, self.pause_button, self.stop_button, self.speed_label, self.speed):
            layout.addWidget(widget)
        layout.addWidget(self.status, 1)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.stop_button.clicked.connect(reader.stop)
        self.speed.currentIndexChanged.connect(self._on_speed)
        reader.state_changed.connect(self._on_state)
        reader.message.connect(self.status.setText)
        self._on_state(reader.state)
        self.retranslate()

    def retranslate(self) -> None:
        self.read_button.setText(self.tr("Read aloud"))
        self.read_button.setToolTip(self.tr("Read aloud ({key})").format(key=QKeySequence(READ_SHORTCUT).toString()))
        self.read_button.setAccessibleName(self.tr("Read aloud"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop reading"))
        self.speed_label.setText(self.tr("Speed:"))
        self.speed.setAccessibleName(self.tr("Reading speed"))
        self._on_state(self.reader.state)

    def set_speed(self, speed: float) -> None:
        """Show ``speed`` (the nearest offered) and use it, without counting as the person's choice."""
        index = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - speed))
        self.speed.blockSignals(True)
        self.speed.setCurrentIndex(index)
        self.speed.blockSignals(False)
        self.reader.set_speed(SPEEDS[index])

    def _on_speed(self, index: int) -> None:
        self.reader.set_speed(SPEEDS[index])
        self.speed_chosen.emit(SPEEDS[index])

    def _pause_or_resume(self) -> None:
        if self.reader.state == "speaking":
            self.reader.pause()
        elif self.reader.state == "paused":
            self.reader.resume()

    def _on_state(self, state: str) -> None:
        active = state in ("speaking", "paused")
        self.pause_button.setEnabled(active)
        self.stop_button.setEnabled(active)
        paused = state == "paused"
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.setAccessibleName(self.tr("Resume reading") if paused else self.tr("Pause reading"))


def install_shortcut(widget: QWidget, callback) -> QShortcut:
    """The read-aloud key on ``widget`` (works while the widget or its children have focus)."""
    shortcut = QShortcut(QKeySequence(READ_SHORTCUT), widget, callback)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return shortcut
