"""Printable handouts (guide_app.export, and the print dialogs in guide_app.ui.printing): article PDFs and
the wallet-card sheet, offscreen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import FIXTURE_CONTENT, REPO

LETTER = (612, 792)
A4 = (595, 842)


def pdf_pages(path) -> list[str]:
    """Each page's text, with ligatures undone and every run of white space made one space."""
    reader = PdfReader(str(path))
    return [" ".join(unicodedata.normalize("NFKC", page.extract_text() or "").split()) for page in reader.pages]


def page_size(path) -> tuple[int, int]:
    box = PdfReader(str(path)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture(scope="module")
def library():
    from guide_app.guide import load_guide

    return load_guide(FIXTURE_CONTENT, []).library


def test_article_pdf_has_everything_a_handout_needs(qapp, library, tmp_path):
    from guide_app.export.printing import export_article_pdf

    article = library.article("habeas-corpus", "en")
    out = tmp_path / "habeas.pdf"
    pages = export_article_pdf(article, library, out)
    assert out.is_file() and pages >= 1
    texts = pdf_pages(out)
    assert len(texts) == pages
    text = " ".join(texts)
    assert "Habeas corpus: asking a judge about a detention" in text
    assert "In short: Habeas corpus is a court case that asks a judge if holding a person is legal." in text
    assert "Who can file a habeas petition?" in text
    assert "Sources" in text and "28 U.S.C. § 2241" in text
    assert "Reviewed on 2026-11-01" in text
    assert "This is general information, not legal advice." in text
    for n, page in enumerate(texts, 1):
        assert f"Page {n} of {pages}" in page
    assert "Page 1" in texts[0]
    assert page_size(out) == LETTER


def test_a4_and_letter_page_sizes(qapp, library, tmp_path):
    from guide_app.export.printing import export_article_pdf

    article = library.article("remain-silent", "en")
    export_article_pdf(article, library, tmp_path / "a4.pdf", page_size="a4")
    export_article_pdf(article, library, tmp_path / "letter.pdf", page_size="letter")
    assert page_size(tmp_path / "a4.pdf") == A4
    assert page_size(tmp_path / "letter.pdf") == LETTER
    with pytest.raises(ValueError):
        export_article_pdf(article, library, tmp_path / "x.pdf", page_size="legal")


def test_spanish_article_pdf_speaks_spanish(qapp, library, tmp_path):
    from guide_app.export.printing import export_article_pdf

    out = tmp_path / "es.pdf"
    export_article_pdf(library.article("habeas-corpus", "es"), library, out)
    text = " ".join(pdf_pages(out))
    assert "En resumen" in text and "Fuentes" in text and "Página 1 de" in text
    assert "no asesoría legal" in text and "Page 1" not in text


def test_a_long_article_runs_over_several_numbered_pages(qapp, tmp_path):
    from guide_app.export.printing import export_article_pdf
    from guide_app.guide import load_guide

    library = load_guide(REPO / "content", []).library
    out = tmp_path / "long.pdf"
    pages = export_article_pdf(library.article("habeas-corpus", "en"), library, out)
    texts = pdf_pages(out)
    assert pages >= 2 and len(texts) == pages
    assert f"Page {pages} of {pages}" in texts[-1]
    assert "Habeas corpus: asking a judge to review a detention" in texts[1]  # the running header


def card_sheet(tmp_path, card, lang="es", page_size="letter"):
    from guide_app.export.card import export_card_pdf

    out = tmp_path / f"card-{lang}-{page_size}.pdf"
    assert export_card_pdf(card, lang, out, page_size=page_size) == 1
    return out


def dash_patterns(path) -> list[bytes]:
    data = PdfReader(str(path)).pages[0].get_contents().get_data()
    return re.findall(rb"\[([\d.\s]+)\]\s*[\d.]+\s+d", data)


def test_card_sheet_holds_both_languages_and_cut_lines(qapp, library, tmp_path):
    from guide_app.export.card import CARD_ROWS

    out = card_sheet(tmp_path, library.card)
    assert page_size(out) == LETTER
    (text,) = pdf_pages(out)
    for lang in ("en", "es"):
        face = library.card[lang]
        assert text.count(face["title"]) == CARD_ROWS
        for line in face["lines"]:
            assert text.count(line) == CARD_ROWS
        assert face["note"] in text
    assert "Cut along the dashed lines" in text and "Recorte por las líneas" in text
    assert len(dash_patterns(out)) >= 2  # dashed cut lines and a dotted fold line


def test_card_sheet_on_a4_and_in_english_only(qapp, library, tmp_path):
    from guide_app.export.card import CARD_COLUMNS, CARD_ROWS

    assert page_size(card_sheet(tmp_path, library.card, page_size="a4")) == A4
    out = card_sheet(tmp_path, library.card, lang="en")
    (text,) = pdf_pages(out)
    assert text.count("Know your rights") == CARD_ROWS * CARD_COLUMNS
    assert "Conozca" not in text and "fold" not in text
    assert len(dash_patterns(out)) == 1  # cut lines only


def test_real_card_text_fits_in_large_type_and_long_text_shrinks(qapp):
    from PySide6.QtCore import QSizeF

    from guide_app.export.card import _card_faces, _card_fits, _fit_card_text
    from guide_app.export.printing import LAYOUT_DPI
    from guide_app.guide import load_guide

    inner = QSizeF((3.5 - 0.28) * LAYOUT_DPI, (2.0 - 0.28) * LAYOUT_DPI)
    card = load_guide(REPO / "content", []).library.card
    faces = _card_faces(card, "es")
    size = _fit_card_text(faces, inner)
    assert size >= 8.5 and _card_fits(faces, inner, size, one_line_each=True)
    wordy = {
        "en": {
            "title": "Know your rights",
            "lines": ["A very long line that says a lot of things " * 4] * 6,
            "note": "n",
        },
        "es": card["es"],
    }
    faces = _card_faces(wordy, "es")
    small = _fit_card_text(faces, inner)
    assert small < size and _card_fits(faces, inner, small, one_line_each=False)


def run_cli(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "guide_app", "--content", str(FIXTURE_CONTENT), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_cli_export_and_card(tmp_path):
    out = tmp_path / "h.pdf"
    done = run_cli("export", "habeas-corpus", "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stdout and out.is_file()
    assert "Habeas corpus: asking a judge about a detention" in " ".join(pdf_pages(out))

    a4 = tmp_path / "a4.pdf"
    assert run_cli("export", "habeas-corpus", "--lang", "es", "--page-size", "a4", "--pdf", str(a4)).returncode == 0
    assert page_size(a4) == A4

    card = tmp_path / "card.pdf"
    done = run_cli("card", "--lang", "es", "--pdf", str(card))
    assert done.returncode == 0, done.stderr
    assert "Decido guardar silencio." in pdf_pages(card)[0]

    missing = run_cli("export", "no-such-article", "--pdf", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "No article" in missing.stderr


def printer_to_file(monkeypatch, path):
    """Make the print dialog say yes, with the printer writing a PDF file."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def test_print_dialog_prints_the_article_and_the_card_sheet(qapp, library, tmp_path, monkeypatch):
    from guide_app.ui.printing import print_article, print_card_sheet

    printer_to_file(monkeypatch, tmp_path / "printed.pdf")
    assert print_article(None, library.article("habeas-corpus", "en"), library)
    text = " ".join(pdf_pages(tmp_path / "printed.pdf"))
    assert "Habeas corpus: asking a judge about a detention" in text and "Page 1 of" in text

    printer_to_file(monkeypatch, tmp_path / "cards.pdf")
    assert print_card_sheet(None, library.card, "es")
    assert "Conozca sus derechos" in pdf_pages(tmp_path / "cards.pdf")[0]


def test_save_as_pdf_from_the_window(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from guide_app.guide import load_guide
    from guide_app.ui.main_window import MainWindow
    from guide_app.ui.preferences import Preferences

    window = MainWindow(lambda: load_guide(FIXTURE_CONTENT, []), Preferences(), "es")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.service.loaded, timeout=30_000):
        window.start()
    window.open_article("habeas-corpus")
    asked = {}

    def save_dialog(parent, title, default, filters, selected, options):
        asked.update(default=default, filters=filters)
        return str(tmp_path / "mine"), filters.split(";;")[1]  # the A4 choice, no extension typed

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.act_save_pdf.trigger()
    assert asked["default"].endswith("/habeas-corpus-es.pdf")
    assert page_size(tmp_path / "mine.pdf") == A4
    assert "En resumen" in pdf_pages(tmp_path / "mine.pdf")[0]
    window.close()
