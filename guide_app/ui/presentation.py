"""Full-screen workshop slides, for a projector in a community room.

The deck comes from ``guide_app.render.slides`` (no Qt); this module only draws it. Type is large and scales
with the screen: every size is a fraction of a 1600 × 900 design, and a slide whose text would still not fit
(a long heading, a narrow 4:3 projector) is laid out again in smaller type until it does, so nothing is ever
cut off or drawn over the footer. Long words wrap anywhere rather than run off the screen.

Keys: Right, Down, Space, Page Down, Enter: next · Left, Up, Page Up, Backspace: back · Home / End: first /
last · B or . : black screen (again to come back) · Esc: leave. A mouse click goes forward, the wheel both ways.

With two screens, the slides open on the one that is not showing the main window (the projector).
"""

from __future__ import annotations

import html
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QWidget

from guide_app.render.slides import Slide
from guide_app.ui.pyside_workaround import protect_none

protect_none()

DESIGN_W, DESIGN_H = 1600.0, 900.0
MIN_SCALE_OF_TYPE = 0.45  # never shrink type below 45 % of its design size (the budget keeps slides far from it)


@dataclass(frozen=True)
class Palette:
    background: str = "#fbfaf7"
    text: str = "#1b1f23"
    heading: str = "#10324d"
    accent: str = "#d99a1e"
    bullet: str = "#1f6f8b"
    muted: str = "#5f6b76"
    rule: str = "#d8dde2"
    dark_background: str = "#10324d"
    dark_text: str = "#ffffff"
    dark_subtext: str = "#dce7f1"
    dark_muted: str = "#9fb4c7"


PALETTE = Palette()
DARK_KINDS = ("title", "outcome", "end")


# ---------------------------------------------------------------------------------------------------------
# Layout: text blocks measured with Qt's own text layout, shrunk until they fit


def _document(markup: str, font: QFont, width: float, line_height: int = 118, align=None) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long word never runs off
    if align is not None:
        option.setAlignment(align)
    doc.setDefaultTextOption(option)
    doc.setHtml(markup)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.mergeBlockFormat(block)
    doc.setTextWidth(max(1.0, width))
    return doc


def _fitted_font(family: str, text: str, width: float, px: float, bold: bool = False) -> QFont:
    """``px`` type, or smaller until ``text`` fits ``width`` on one line."""
    font = _font(family, px, bold)
    while px > 8 and QFontMetricsF(font).horizontalAdvance(text) > width:
        px *= 0.92
        font = _font(family, px, bold)
    return font


def _font(family: str, px: float, bold: bool = False) -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(6, round(px)))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font


@dataclass
class Block:
    """One laid-out piece of text: where it goes and the document that draws it."""

    doc: QTextDocument
    x: float
    y: float
    color: str
    bullet: bool = False
    bullet_size: float = 0.0
    bullet_centre: float = 0.0  # from the block's top to the middle of its first line's small letters

    @property
    def height(self) -> float:
        return self.doc.size().height()


@dataclass
class SlideLayout:
    """Everything needed to paint one slide at one size; ``fits`` is False only if even the smallest type
    allowed would overflow (the text is then still drawn, clipped to the body area)."""

    size: QSize
    dark: bool
    blocks: list[Block] = field(default_factory=list)
    body: QRectF = field(default_factory=QRectF)
    footer_y: float = 0.0
    footer_px: float = 0.0
    type_scale: float = 1.0  # 1.0: design size; smaller when the slide was shrunk to fit
    fits: bool = True
    accent: QRectF | None = None
    title_px: float = 0.0
    body_px: float = 0.0
    text_bottom: float = 0.0  # lowest point any text reaches
    family: str = ""


def _points_markup(slide: Slide, index: int) -> str:
    text = slide.points[index]
    lead = slide.lead(index)
    if lead:
        return f"<b>{html.escape(text[:lead])}</b>{html.escape(text[lead:])}"
    return html.escape(text)


def layout_slide(slide: Slide, size: QSize, family: str = "") -> SlideLayout:
    """Lay out ``slide`` for a screen of ``size`` pixels, shrinking type until everything fits."""
    w, h = float(size.width()), float(size.height())
    # On a 4:3 projector the width decides the size; the spare height allows slightly larger type.
    u = max(min(w / DESIGN_W * 1.15, h / DESIGN_H), 0.05)
    width = min(w * 0.8625, 1500 * u)  # margins of 110 px on 1600; on a very wide screen, shorter lines
    footer_px = max(11.0, 22 * u)
    footer_y = h - 34 * u - footer_px
    body = QRectF((w - width) / 2, 72 * u, width, footer_y - 30 * u - 72 * u)
    dark = slide.kind in DARK_KINDS
    layout = None
    scale = 1.0
    while True:
        layout = (_layout_dark if dark else _layout_content)(slide, size, family, u, scale, body)
        layout.footer_y, layout.footer_px, layout.body, layout.type_scale = footer_y, footer_px, body, scale
        layout.family = family
        layout.fits = layout.text_bottom <= body.bottom() + 0.5
        if layout.fits or scale <= MIN_SCALE_OF_TYPE:
            return layout
        scale = max(MIN_SCALE_OF_TYPE, scale * 0.94)


def _title_markup(slide: Slide, px: float) -> str:
    """The heading; on a continuation slide the "(continued)" label after it is smaller and lighter."""
    if slide.continued and slide.heading and slide.title.startswith(slide.heading) and slide.title != slide.heading:
        label = slide.title[len(slide.heading) :].strip()
        style = f"font-weight:normal; font-size:{max(6, round(px * 0.62))}px; color:{PALETTE.muted}"
        return f'{html.escape(slide.heading)} <span style="{style}">{html.escape(label)}</span>'
    return html.escape(slide.title)


def _layout_content(slide: Slide, size: QSize, family: str, u: float, scale: float, body: QRectF) -> SlideLayout:
    pal = PALETTE
    out = SlideLayout(size, dark=False)
    title_px = 58 * u * scale
    title = _document(_title_markup(slide, title_px), _font(family, title_px, bold=True), body.width(), 110)
    out.blocks.append(Block(title, body.left(), body.top(), pal.heading))
    y = body.top() + title.size().height() + 22 * u * scale
    out.accent = QRectF(body.left(), y, 110 * u, max(3.0, 7 * u))
    y += out.accent.height() + 40 * u * scale
    body_px = (40 if slide.kind != "sources" else 34) * u * scale
    indent = body_px * 1.25
    gap = body_px * 0.62
    font = _font(family, body_px)
    metrics = QFontMetricsF(font)
    bullet_centre = metrics.ascent() - metrics.xHeight() / 2  # the middle of the first line's small letters
    for i in range(len(slide.points)):
        doc = _document(_points_markup(slide, i), font, body.width() - indent, 122)
        block = Block(doc, body.left() + indent, y, pal.text, slide.bulleted(i), body_px * 0.3, bullet_centre)
        out.blocks.append(block)
        y += doc.size().height() + gap
    out.text_bottom = y - gap if slide.points else y
    out.title_px, out.body_px = title_px, body_px
    return out


def _layout_dark(slide: Slide, size: QSize, family: str, u: float, scale: float, body: QRectF) -> SlideLayout:
    pal = PALETTE
    out = SlideLayout(size, dark=True)
    width = min(body.width(), 1320 * u)
    title_px = (78 if slide.kind != "end" else 64) * u * scale
    parts: list[tuple[QTextDocument, str, float]] = []  # doc, colour, space after
    title = _document(html.escape(slide.title), _font(family, title_px, bold=True), width, 108)
    parts.append((title, pal.dark_text, 46 * u * scale))
    if slide.subtitle_label:
        label_font = _font(family, 26 * u * scale, bold=True)
        label_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        label = _document(html.escape(slide.subtitle_label.upper()), label_font, width)
        parts.append((label, pal.accent, 14 * u * scale))
    body_px = 38 * u * scale
    if slide.subtitle:
        parts.append((_document(html.escape(slide.subtitle), _font(family, body_px), width, 128), pal.dark_subtext, 0))
    for i in range(len(slide.points)):
        doc = _document(_points_markup(slide, i), _font(family, body_px), width, 128)
        parts.append((doc, pal.dark_subtext, body_px * 0.6))
    total = sum(doc.size().height() + after for doc, _, after in parts) - (parts[-1][2] if parts else 0)
    accent_h = max(3.0, 8 * u)
    block_top = body.top() + max(0.0, (body.height() - total - accent_h - 40 * u) / 2)
    out.accent = QRectF(body.left(), block_top, 120 * u, accent_h)
    y = block_top + accent_h + 40 * u
    for doc, color, after in parts:
        out.blocks.append(Block(doc, body.left(), y, color))
        y += doc.size().height() + after
    out.text_bottom = y - (parts[-1][2] if parts else 0)
    out.title_px, out.body_px = title_px, body_px
    return out


def paint_slide(painter: QPainter, slide: Slide, layout: SlideLayout) -> None:
    """Draw a laid-out slide with ``painter`` (on a widget, an image or a printer)."""
    pal = PALETTE
    w, h = layout.size.width(), layout.size.height()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(0, 0, w, h, QColor(pal.dark_background if layout.dark else pal.background))
    if layout.accent is not None:
        painter.fillRect(layout.accent, QColor(pal.accent))
    painter.save()
    painter.setClipRect(QRectF(0, 0, w, layout.body.bottom() + 2))
    for block in layout.blocks:
        if block.bullet:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(pal.bullet))
            d = block.bullet_size
            cy = block.y + block.bullet_centre
            painter.drawEllipse(QRectF(block.x - d - block.bullet_size * 2.2, cy - d / 2, d, d))
        painter.save()
        painter.translate(block.x, block.y)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor(block.color))
        block.doc.documentLayout().draw(painter, ctx)
        painter.restore()
    painter.restore()
    # quiet footer: guide name and reviewed date on the left, the counter on the right
    font = _font(layout.family, layout.footer_px)
    painter.setFont(font)
    painter.setPen(QColor(pal.dark_muted if layout.dark else pal.muted))
    if not layout.dark:
        painter.setPen(QColor(pal.rule))
        rule_y = layout.footer_y - layout.footer_px * 0.7
        painter.drawLine(QPointF(layout.body.left(), rule_y), QPointF(layout.body.right(), rule_y))
        painter.setPen(QColor(pal.muted))
    rect = QRectF(layout.body.left(), layout.footer_y, layout.body.width(), layout.footer_px * 1.6)
    counter = slide.counter
    metrics = painter.fontMetrics()
    room = rect.width() - metrics.horizontalAdvance(counter) - 2 * layout.footer_px
    footer = metrics.elidedText(slide.footer, Qt.TextElideMode.ElideRight, max(0, round(room)))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), footer)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), counter)


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
        label_font = _font(show.family, max(12, margin * 0.9))
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
        big = _fitted_font(show.family, clock, right.width(), margin * 3, bold=True)
        painter.setFont(big)
        painter.setPen(QColor("#ffffff"))
        big_line = QFontMetricsF(big).height()
        painter.drawText(QRectF(right.left(), right.top(), right.width(), big_line), clock)
        counter = self.tr("Slide %1 of %2").replace("%1", str(show.index + 1)).replace("%2", str(len(show.slides)))
        medium = _fitted_font(show.family, counter, right.width(), margin * 1.4)
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


def render_slide_image(slide: Slide, size: QSize):
    """The slide as a QImage (for previews and tests)."""
    from PySide6.QtGui import QImage

    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_slide(painter, slide, layout_slide(slide, size, QGuiApplication.font().family()))
    painter.end()
    return image


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
