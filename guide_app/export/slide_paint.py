"""Slides laid out and painted with QtGui (no widgets): the presentation window, its presenter view and any
image or printer use the same code.

Type is large and scales with the screen: every size is a fraction of a 1600 × 900 design, and a slide whose
text would still not fit (a long heading, a narrow 4:3 projector) is laid out again in smaller type until it
does, so nothing is ever cut off or drawn over the footer. Long words wrap anywhere rather than run off.

What goes on which slide is decided without Qt in :mod:`guide_app.render.slides`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from guide_app.render.slides import Slide

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


def fitted_font(family: str, text: str, width: float, px: float, bold: bool = False) -> QFont:
    """``px`` type, or smaller until ``text`` fits ``width`` on one line."""
    font = pixel_font(family, px, bold)
    while px > 8 and QFontMetricsF(font).horizontalAdvance(text) > width:
        px *= 0.92
        font = pixel_font(family, px, bold)
    return font


def pixel_font(family: str, px: float, bold: bool = False) -> QFont:
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
    title = _document(_title_markup(slide, title_px), pixel_font(family, title_px, bold=True), body.width(), 110)
    out.blocks.append(Block(title, body.left(), body.top(), pal.heading))
    y = body.top() + title.size().height() + 22 * u * scale
    out.accent = QRectF(body.left(), y, 110 * u, max(3.0, 7 * u))
    y += out.accent.height() + 40 * u * scale
    body_px = (40 if slide.kind != "sources" else 34) * u * scale
    indent = body_px * 1.25
    gap = body_px * 0.62
    font = pixel_font(family, body_px)
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
    title = _document(html.escape(slide.title), pixel_font(family, title_px, bold=True), width, 108)
    parts.append((title, pal.dark_text, 46 * u * scale))
    if slide.subtitle_label:
        label_font = pixel_font(family, 26 * u * scale, bold=True)
        label_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        label = _document(html.escape(slide.subtitle_label.upper()), label_font, width)
        parts.append((label, pal.accent, 14 * u * scale))
    body_px = 38 * u * scale
    if slide.subtitle:
        subtitle = _document(html.escape(slide.subtitle), pixel_font(family, body_px), width, 128)
        parts.append((subtitle, pal.dark_subtext, 0))
    for i in range(len(slide.points)):
        doc = _document(_points_markup(slide, i), pixel_font(family, body_px), width, 128)
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
    font = pixel_font(layout.family, layout.footer_px)
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
