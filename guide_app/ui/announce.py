"""Tell screen readers about changes that happen away from the keyboard focus.

A blind person typing in the search box cannot see the number of results appear, an article open or a
flow move to its next question. Qt 6.8 added announcements (``QAccessibleAnnouncementEvent``): on Linux
they reach AT-SPI as ``object:announcement`` events, which screen readers speak without moving the focus.

Every message also goes out on :data:`announcements` (a Qt signal), so tests and the status line can see
exactly what was said. Search results are announced only once typing has settled (:class:`Settled`), never
on every keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAccessible

try:  # Qt >= 6.8
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # older Qt: the signal still fires; screen readers get nothing extra
    QAccessibleAnnouncementEvent = None

SETTLE_MS = 900  # a pause in typing this long means the person stopped to listen


class _Announcements(QObject):
    said = Signal(str)  # every message, in order


announcements = _Announcements()


def announce(widget: QObject, message: str, assertive: bool = False) -> None:
    """Ask screen readers to speak ``message`` now; ``widget`` is where it comes from (its window)."""
    message = " ".join(message.split())
    if not message:
        return
    announcements.said.emit(message)
    if QAccessibleAnnouncementEvent is None or not QAccessible.isActive():
        return  # no screen reader: building the event would be wasted work
    event = QAccessibleAnnouncementEvent(widget, message)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


class Settled(QObject):
    """Announce only the last message of a burst: each new one replaces the waiting one and restarts the
    wait, so fast typing gives one announcement after the pause, not one per letter."""

    def __init__(self, widget: QObject, delay_ms: int = SETTLE_MS) -> None:
        super().__init__(widget)
        self.widget = widget
        self.pending = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.flush)

    def later(self, message: str) -> None:
        self.pending = message
        self.timer.start()

    def cancel(self) -> None:
        self.timer.stop()
        self.pending = ""

    def flush(self) -> None:
        message, self.pending = self.pending, ""
        self.timer.stop()
        if message:
            announce(self.widget, message)
