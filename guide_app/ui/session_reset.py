"""What a reset wipes besides the pages: text-field undo history and the X11 selections.

``QLineEdit.clear()`` is itself an undoable edit, so after "Start over" Ctrl+Z (or the context menu's
Undo) would bring the last visitor's search back. Setting the text drops the history instead. A word
selected with the mouse lives on in the X11 PRIMARY selection (pasted by a middle click) after the field
is empty, so that is cleared too, with the clipboard and macOS's find buffer.
"""

from __future__ import annotations

from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def forget_edits(root: QWidget) -> None:
    """Drop the undo and redo history of every text field under ``root``, keeping the text it holds now
    (``findChildren`` also finds the line edits inside spin boxes and editable combo boxes)."""
    for edit in root.findChildren(QLineEdit):
        if edit.isUndoAvailable() or edit.isRedoAvailable():
            blocked = edit.blockSignals(True)
            try:
                edit.setText(edit.text())  # setText resets the history (clear() would add to it)
            finally:
                edit.blockSignals(blocked)
    for text in (*root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit)):
        text.document().clearUndoRedoStacks()


def clear_selections() -> None:
    """Empty the clipboard, the PRIMARY selection (X11) and the find buffer (macOS)."""
    clipboard = QApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        clipboard.clear(QClipboard.Mode.FindBuffer)


def clear_field(edit: QLineEdit) -> None:
    """Empty one field without leaving an undo step, and without signalling a change."""
    blocked = edit.blockSignals(True)
    try:
        edit.setText("")
    finally:
        edit.blockSignals(blocked)
