"""The "What is happening?" panel: one plain question at a time, big answer buttons, clear steps at the end.

Everything about the walk lives in a :class:`FlowSession` in memory; nothing about the answers is kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide_app.ui.announce import announce
from guide_app.ui.read_aloud import ReadAloud
from guide_app.ui.read_aloud_bar import ReadAloudBar, install_shortcut


class FlowPanel(QWidget):
    link_activated = Signal(str)  # an outcome's link (article:, card:); what it opens is app.navigation's
    present = Signal(list)  # slides of the outcome, for a workshop projector
    closed = Signal()

    def __init__(self, parent=None, read_aloud: ReadAloud | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowPanel")
        self.read_aloud = read_aloud or ReadAloud(self)
        self.read_bar = ReadAloudBar(self.read_aloud)
        self.read_bar.read_button.clicked.connect(self.read)
        self.read_bar.setVisible(self.read_aloud.enabled)
        install_shortcut(self, self.read)
        self.session = None  # a guide_app.app.flow_session.FlowSession while a flow is open
        self.library = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(12)
        self.title = QLabel()
        self.title.setObjectName("homeHeading")
        self.title.setWordWrap(True)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.question = QLabel()
        self.question.setObjectName("flowQuestion")
        self.question.setWordWrap(True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.answers_box = QVBoxLayout()
        self.answers_box.setSpacing(10)
        self.outcome = QTextBrowser()
        self.outcome.setObjectName("flowOutcome")
        self.outcome.setOpenLinks(False)
        self.outcome.anchorClicked.connect(self._link)
        nav = QHBoxLayout()
        self.back_button = QPushButton()
        self.restart_button = QPushButton()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.present_button = QPushButton()
        self.present_button.clicked.connect(self._present)
        self.back_button.clicked.connect(self.back)
        self.restart_button.clicked.connect(self.restart)
        self.print_button.clicked.connect(self.print_checklist)
        self.pdf_button.clicked.connect(self.save_pdf)
        for button in (self.back_button, self.restart_button):
            nav.addWidget(button)
        nav.addStretch(1)
        for button in (self.present_button, self.print_button, self.pdf_button):
            nav.addWidget(button)
        for w in (self.title, self.progress_label, self.progress, self.read_bar, self.question, self.help):
            layout.addWidget(w)
        layout.addLayout(self.answers_box)
        layout.addWidget(self.outcome, 1)
        layout.addStretch(0)
        layout.addLayout(nav)
        self.answer_buttons: list[QPushButton] = []
        for n in range(1, 5):
            QShortcut(QKeySequence(str(n)), self, lambda n=n: self.choose(n - 1))
        QShortcut(QKeySequence(Qt.Key.Key_Backspace), self, self.back)
        self.allow_files = True
        self._spoken = ""  # the last question or outcome announced
        self.retranslate()

    def read(self) -> None:
        """Read the question, its help and its answers aloud; at the end, the steps like an article."""
        s = self.session
        if s is None or not self.read_aloud.enabled:
            return
        if s.finished:
            self.read_aloud.read_browser(self.outcome, s.lang)
        else:
            self.read_aloud.read_widgets([self.question, self.help, *self.answer_buttons], s.lang)

    def retranslate(self) -> None:
        self.read_bar.retranslate()
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the previous question"))
        self.restart_button.setText(self.tr("Start over"))
        self.restart_button.setAccessibleName(self.tr("Start over"))
        self.print_button.setText(self.tr("Print checklist…"))
        self.print_button.setAccessibleName(self.tr("Print checklist"))
        self.pdf_button.setText(self.tr("Save checklist as PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Save checklist as PDF"))
        self.present_button.setText(self.tr("Present"))
        self.present_button.setAccessibleName(self.tr("Present these steps full screen"))
        self.outcome.setAccessibleName(self.tr("What to do"))
        self.progress.setAccessibleName(self.tr("Progress"))

    # -- driving the walk -----------------------------------------------------------------------------
    def start(self, flow, lang: str, library) -> None:
        from guide_app.app.flow_session import FlowSession  # loaded when a flow is first opened

        self.library = library
        self.session = FlowSession(flow, lang)
        self.refresh()

    def set_language(self, lang: str) -> None:
        if self.session is not None:
            self.session.lang = lang
            self.refresh()

    def choose(self, index: int) -> None:
        if self.session is None or self.session.finished or index >= len(self.session.answer_labels):
            return
        self.session.answer(index)
        self.refresh()

    def back(self) -> None:
        if self.session is not None and self.session.can_go_back:
            self.session.back()
            self.refresh()

    def restart(self) -> None:
        if self.session is not None:
            self.session.restart()
            self.refresh()

    def clear(self) -> None:
        """Forget the walk entirely (quick exit, clear session)."""
        self.read_aloud.stop()
        self.session = None
        self._spoken = ""
        self.outcome.clear()
        self.question.clear()
        self.help.clear()
        self.title.clear()
        self._set_answers([])

    def refresh(self) -> None:
        self.read_aloud.stop()  # a new question or the outcome: what was being read is no longer shown
        s = self.session
        if s is None:
            return
        lang = s.lang
        self.title.setText(s.flow.title[lang])
        self.progress_label.setText(s.progress_text())
        self.progress.setValue(int(s.progress * 100))
        finished = s.finished
        self.question.setVisible(not finished)
        self.help.setVisible(not finished and bool(s.help_text))
        self.outcome.setVisible(finished)
        self.print_button.setVisible(finished)
        self.present_button.setVisible(finished and self.allow_files)
        self.pdf_button.setVisible(finished and self.allow_files)
        self.back_button.setEnabled(s.can_go_back)
        if finished:
            from guide_app.render.outcome import outcome_html

            self._set_answers([])
            self.outcome.setHtml(outcome_html(s.flow, s.outcome, lang, self.library))
            self.outcome.setFocus()
            title = s.outcome.title.get(lang) or next(iter(s.outcome.title.values()), "")
            spoken = self.tr("What to do: %1").replace("%1", title)
        else:
            self.question.setText(s.question_text)
            self.help.setText(s.help_text)
            self._set_answers(s.answer_labels)
            spoken = f"{s.progress_text()}. {s.question_text} {s.help_text}"
            for button in self.answer_buttons:  # heard with each answer, even when the announcement is missed
                button.setAccessibleDescription(s.question_text)
        self._order_tabs()
        if self.isVisible() and spoken != self._spoken:
            announce(self, spoken)
        self._spoken = spoken

    def _order_tabs(self) -> None:
        """Answers (or the outcome) first, then Back, Start over and the paper buttons; then the toolbar."""
        chain = [*(self.answer_buttons or [self.outcome])]
        chain += [self.back_button, self.restart_button, self.present_button, self.print_button, self.pdf_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._spoken:  # opened (or came back to) the flow: say where it stands
            announce(self, self._spoken)

    def _set_answers(self, labels: list[str]) -> None:
        for button in self.answer_buttons:
            self.answers_box.removeWidget(button)
            button.deleteLater()
        self.answer_buttons = []
        for n, label in enumerate(labels):
            button = QPushButton(f"{n + 1}.  {label}")
            button.setObjectName("situationButton")
            button.setMinimumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(label)
            button.clicked.connect(lambda _=False, n=n: self.choose(n))
            self.answers_box.addWidget(button)
            self.answer_buttons.append(button)
        if self.answer_buttons:
            self.answer_buttons[0].setFocus()

    def _link(self, url) -> None:
        self.link_activated.emit(url.toString())

    def _present(self) -> None:
        if self.session is not None and self.session.finished:
            from guide_app.render.slides import flow_outcome_slides

            self.present.emit(flow_outcome_slides(self.session.flow, self.session.outcome, self.session.lang))

    # -- paper --------------------------------------------------------------------------------------
    def print_checklist(self) -> None:
        if self.session is None or not self.session.finished:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if not self.allow_files:
            dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, False)
        accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
        if accepted and not self.allow_files and _writes_a_file(printer):
            return  # a kiosk prints on paper only, even if a file output was chosen some other way
        if accepted:
            from guide_app.export.checklist import checklist_document, print_document

            s = self.session
            print_document(checklist_document(s.flow, s.outcome, s.lang, self.library, s.answered()), printer)

    def save_pdf(self) -> None:
        if self.session is None or not self.session.finished or not self.allow_files:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save checklist as PDF"),
            f"{self.session.flow.id}-checklist.pdf",
            self.tr("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        from guide_app.export.checklist import export_checklist_pdf

        s = self.session
        try:
            export_checklist_pdf(s.flow, s.outcome, s.lang, Path(path), self.library, s.answered())
        except OSError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self, self.tr("Save checklist as PDF"), self.tr("The PDF could not be saved.") + f"\n{error}"
            )
            return
        saved = self.tr("Saved %1").replace("%1", path)
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(saved, 8000)
        announce(self, saved)


def _writes_a_file(printer) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    return bool(printer.outputFileName()) or printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
