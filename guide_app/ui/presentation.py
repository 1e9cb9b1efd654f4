"""Full-screen workshop slides, for a projector in a community room.

The deck comes from ``guide_app.render.slides`` (no Qt) and is laid out and painted by
``guide_app.export.slide_paint`` (QtGui, no widgets); this module holds the windows that show it: large type
scaled to the screen, never cut off (see slide_paint).

Keys: Right, Down, Space, Page Down, Enter: next · Left, Up, Page Up, Backspace: back · Home / End: first /
last · B or . : black screen (again to come back) · Esc: leave. A mouse click goes forward, the wheel both ways.

With two screens, the slides open on the one that is not showing the main window (the projector).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
)
from PySide6.QtWidgets import QWidget

from guide_app.export.slide_paint import PALETTE, SlideLayout, fitted_font, layout_slide, paint_slide, pixel_font
from guide_app.qtcompat import protect_none
from guide_app.render.slides import Slide
from guide_app.ui.announce import announce

protect_none()

# ---------------------------------------------------------------------------------------------------------
# Screens


def choose_screen(main_window: QWidget | None = None, screens=None, primary=None):
    """The projector: with two or more screens, one that shows neither the main window nor is the primary
    (else any other than the main window's). ``screens`` and ``primary`` default to the real ones."""
    screens = list(QGuiApplication.screens() if screens is None else screens)
    primary = QGuiApplication.primaryScreen() if primary is None else primary
    if len(screens) < 2:
        return screens[0] if screens else primary
    busy = main_window.screen() if main_window is not None else primary
    for screen in screens:
        if screen != busy and screen != primary:
            return screen
    for screen in screens:
        if screen != busy:
            return screen
    return primary


# ---------------------------------------------------------------------------------------------------------
# The window


class PresentationWindow(QWidget):
    """Shows a deck full screen. ``slide_changed(index)`` after every move; ``closed`` when it leaves."""

    slide_changed = Signal(int)
    black_changed = Signal(bool)
    closed = Signal()

    NEXT_KEYS = (
        Qt.Key.Key_Right,
        Qt.Key.Key_Down,
        Qt.Key.Key_Space,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_N,
    )
    BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P)
    BLACK_KEYS = (Qt.Key.Key_B, Qt.Key.Key_Period)

    def __init__(self, slides: Sequence[Slide], parent: QWidget | None = None, start: int = 0) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        if not slides:
            raise ValueError("a presentation needs at least one slide")
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.slides = list(slides)
        self.index = max(0, min(start, len(self.slides) - 1))
        self.black = False
        self.presenter: PresenterView | None = None
        self._layouts: dict[tuple[int, int, int], SlideLayout] = {}
        self.family = QGuiApplication.font().family()
        self.setWindowTitle(self.tr("Rights Guide — slides"))
        self._cursor_timer = QTimer(self, singleShot=True, interval=2000)
        self._cursor_timer.timeout.connect(lambda: self.setCursor(Qt.CursorShape.BlankCursor))
        self._update_accessible()

    # -- showing ----------------------------------------------------------------------------------------
    def present(self, main_window: QWidget | None = None, presenter: bool | None = None) -> None:
        """Open full screen on the projector (see :func:`choose_screen`). With two screens (or when
        ``presenter`` is True), a presenter view opens on the other one: this slide, the next, a timer."""
        screen = choose_screen(main_window)
        if presenter is None:
            presenter = len(QGuiApplication.screens()) > 1
        if presenter and self.presenter is None:
            self.presenter = PresenterView(self)
            other = main_window.screen() if main_window is not None else QGuiApplication.primaryScreen()
            if other is not None and other != screen:
                self.presenter.setGeometry(other.availableGeometry())
            self.presenter.show()
            self.presenter.showMaximized()
        if screen is not None:
            self.setGeometry(screen.geometry())
            self.create()
            handle = self.windowHandle()
            if handle is not None:
                handle.setScreen(screen)
        self.showFullScreen()
        if QGuiApplication.platformName() != "offscreen":  # that plugin warns it cannot raise windows
            self.raise_()
        self.activateWindow()
        self.setFocus()
        self.setCursor(Qt.CursorShape.BlankCursor)

    @property
    def slide(self) -> Slide:
        return self.slides[self.index]

    def layout_for(self, index: int | None = None, size: QSize | None = None) -> SlideLayout:
        index = self.index if index is None else index
        size = size or self.size()
        key = (index, size.width(), size.height())
        if key not in self._layouts:
            if len(self._layouts) > 64:
                self._layouts.clear()
            self._layouts[key] = layout_slide(self.slides[index], size, self.family)
        return self._layouts[key]

    # -- moving -----------------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(self.slides) - 1))
        if self.black:
            self.toggle_black()
        if index != self.index:
            self.index = index
            self._update_accessible()
            slide = self.slide
            announce(self, f"{slide.title} ({slide.counter})" if slide.counter else slide.title)
            self.slide_changed.emit(index)
        self.update()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def back(self) -> None:
        self.go_to(self.index - 1)

    def toggle_black(self) -> None:
        self.black = not self.black
        self.black_changed.emit(self.black)
        self.update()

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        key = event.key()
        if key in self.NEXT_KEYS:
            self.next()
        elif key in self.BACK_KEYS:
            self.back()
        elif key == Qt.Key.Key_Home:
            self.go_to(0)
        elif key == Qt.Key.Key_End:
            self.go_to(len(self.slides) - 1)
        elif key in self.BLACK_KEYS:
            self.toggle_black()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event):  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.back()

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt override
        self.unsetCursor()
        self._cursor_timer.start()
        super().mouseMoveEvent(event)

    def wheelEvent(self, event):  # noqa: N802 - Qt override
        delta = event.angleDelta().y()
        if delta < 0:
            self.next()
        elif delta > 0:
            self.back()

    def closeEvent(self, event):  # noqa: N802 - Qt override
        super().closeEvent(event)
        if self.presenter is not None:
            presenter, self.presenter = self.presenter, None
            presenter.close()
        self.closed.emit()

    def resizeEvent(self, event):  # noqa: N802 - Qt override
        self._layouts.clear()
        super().resizeEvent(event)

    # -- drawing ----------------------------------------------------------------------------------------
    def paintEvent(self, event):  # noqa: N802 - Qt override
        painter = QPainter(self)
        if self.black:
            painter.fillRect(self.rect(), QColor("black"))
        else:
            paint_slide(painter, self.slide, self.layout_for())
        painter.end()

    def _update_accessible(self) -> None:
        slide = self.slide
        self.setAccessibleName(f"{slide.title} ({slide.counter})" if slide.counter else slide.title)
        self.setAccessibleDescription(slide.text)


class PresenterView(QWidget):
    """For the person presenting, on the laptop screen: this slide, the next one, notes, the time.

    Its keys drive the slides the same way; closing either window ends the presentation.
    """

    def __init__(self, show: PresentationWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.show_window = show
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Rights Guide — presenter view"))
        self.started = QElapsedTimer()
        self.started.start()
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self.update)
        self._clock.start()
        show.slide_changed.connect(lambda _index: self.update())
        show.black_changed.connect(lambda _black: self.update())

    def keyPressEvent(self, event):  # noqa: N802 - Qt override
        self.show_window.keyPressEvent(event)

    def closeEvent(self, event):  # noqa: N802 - Qt override
        self._clock.stop()
        super().closeEvent(event)
        if self.show_window.presenter is self:
            self.show_window.close()

    def paintEvent(self, event):  # noqa: N802 - Qt override
        pal = PALETTE
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        painter.fillRect(self.rect(), QColor("#1c2024"))
        show = self.show_window
        margin = max(12, round(min(w, h) * 0.025))
        big_w = (w - 3 * margin) * 0.62
        small_w = w - 3 * margin - big_w
        label_font = pixel_font(show.family, max(12, margin * 0.9))
        painter.setFont(label_font)
        line = QFontMetricsF(label_font).height()
        painter.setPen(QColor(pal.dark_muted))
        painter.drawText(QRectF(margin, margin, big_w, line), self.tr("Now"))
        painter.drawText(QRectF(2 * margin + big_w, margin, small_w, line), self.tr("Next"))
        top = margin + line * 1.3
        self._thumbnail(painter, show.index, QRectF(margin, top, big_w, big_w * 9 / 16), black=show.black)
        if show.index + 1 < len(show.slides):
            self._thumbnail(painter, show.index + 1, QRectF(2 * margin + big_w, top, small_w, small_w * 9 / 16))
        else:
            painter.drawText(QRectF(2 * margin + big_w, top, small_w, line * 2), self.tr("End of the slides"))
        # under the next slide: the time and where we are; under this slide: notes and the keys
        right = QRectF(2 * margin + big_w, top + small_w * 9 / 16 + margin, small_w, 0)
        seconds = self.started.elapsed() // 1000
        clock = f"{seconds // 60:02d}:{seconds % 60:02d}"
        big = fitted_font(show.family, clock, right.width(), margin * 3, bold=True)
        painter.setFont(big)
        painter.setPen(QColor("#ffffff"))
        big_line = QFontMetricsF(big).height()
        painter.drawText(QRectF(right.left(), right.top(), right.width(), big_line), clock)
        counter = self.tr("Slide %1 of %2").replace("%1", str(show.index + 1)).replace("%2", str(len(show.slides)))
        medium = fitted_font(show.family, counter, right.width(), margin * 1.4)
        painter.setFont(medium)
        painter.setPen(QColor(pal.dark_subtext))
        painter.drawText(QRectF(right.left(), right.top() + big_line, right.width(), big_line), counter)
        painter.setFont(label_font)
        notes = show.slide.notes or ""
        if show.black:
            notes = self.tr("The screen is black. Press B to show the slide again.") + ("\n\n" + notes if notes else "")
        below = top + big_w * 9 / 16 + margin
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        painter.drawText(QRectF(margin, below, big_w, h - below - line * 2 - margin), flags, notes)
        keys = self.tr("Right, Space: next · Left: back · Home / End · B: black screen · Esc: end")
        painter.setPen(QColor(pal.dark_muted))
        painter.drawText(QRectF(margin, h - margin - line * 2, w - 2 * margin, line * 2), flags, keys)
        painter.end()

    def _thumbnail(self, painter: QPainter, index: int, rect: QRectF, black: bool = False) -> None:
        size = QSize(1600, 900)
        layout = self.show_window.layout_for(index, size)
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / size.width(), rect.height() / size.height())
        if black:
            painter.fillRect(0, 0, size.width(), size.height(), QColor("black"))
        else:
            paint_slide(painter, self.show_window.slides[index], layout)
        painter.restore()
        painter.setPen(QColor("#5f6b76"))
        painter.drawRect(rect)


def present_article(main_window, article_id: str, lang: str | None = None) -> PresentationWindow | None:
    """Open an article of the main window's guide as slides, on the projector."""
    from guide_app.render.slides import article_slides

    guide = getattr(main_window, "guide", None)
    if guide is None:
        return None
    article = guide.library.translation(article_id, lang or main_window.lang)
    if article is None:
        return None
    window = PresentationWindow(article_slides(article), main_window)
    main_window._presentation = window  # keep it alive while it is shown
    window.present(main_window)
    return window


def present_when_loaded(app, main_window, article_id: str, lang: str | None = None) -> None:
    """For ``guide-app --present ID``: once the guide has loaded, show that article as slides; quit after."""

    def start(_guide=None) -> None:
        main_window.service.loaded.disconnect(start)
        window = present_article(main_window, article_id, lang)
        if window is None:
            print(f"guide-app: no article '{article_id}' to present", file=sys.stderr)
            app.exit(1)
            return
        window.closed.connect(app.quit)

    main_window.service.loaded.connect(start)
