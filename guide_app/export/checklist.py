"""A situation flow's outcome as a one-page black-and-white checklist (printer or PDF), with QtGui only.

The page is the outcome as :func:`guide_app.render.outcome.outcome_html` writes it for paper ("Do now" items
get check boxes; the person's answers are listed when given). A long outcome is scaled down to stay on one
page. The caller makes the ``QGuiApplication``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPainter, QTextDocument

from guide_app.export.printing import pdf_writer, require_app
from guide_app.library.flow_model import Flow, Outcome
from guide_app.library.model import Library

CHECKLIST_CSS = (
    "body { color: black; } h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 10px; }"
    " table.note { border: 1px solid black; } p.reviewed { font-size: 9pt; }"
)
CHECKLIST_MARGINS_MM = QMarginsF(18, 18, 18, 18)


def checklist_document(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
) -> QTextDocument:
    from guide_app.render.outcome import outcome_html

    require_app()
    doc = QTextDocument()
    doc.setDefaultStyleSheet(CHECKLIST_CSS)
    doc.setHtml(outcome_html(flow, outcome, lang, library, answers, for_print=True))
    return doc


def export_checklist_pdf(
    flow: Flow,
    outcome: Outcome,
    lang: str,
    path: Path | str,
    library: Library | None = None,
    answers: list[tuple[str, str]] | None = None,
    page_size: str = "letter",
) -> None:
    """Save the one-page checklist of ``outcome`` as a PDF."""
    writer = pdf_writer(Path(path), page_size, CHECKLIST_MARGINS_MM, flow.title[lang])
    print_document(checklist_document(flow, outcome, lang, library, answers), writer)


def print_document(doc: QTextDocument, device: QPagedPaintDevice) -> None:
    """Paint ``doc`` on one page of ``device``, scaled down if it is too long for the page."""
    rect = device.pageLayout().paintRectPixels(device.resolution())
    doc.documentLayout().setPaintDevice(device)
    doc.setTextWidth(rect.width())
    height = doc.size().height()
    scale = min(1.0, rect.height() / height) if height else 1.0
    if scale < 1.0:
        doc.setTextWidth(rect.width() / scale)
    painter = QPainter(device)
    painter.scale(scale, scale)
    doc.drawContents(painter)
    painter.end()
