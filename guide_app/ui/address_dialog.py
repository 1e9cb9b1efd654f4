"""On a kiosk, a web or mail link is not opened: the guide shows its address and a QR code instead, so a
visitor can open it on their own phone and nothing leaves the kiosk (no browser, no mail program)."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

MAX_QR_CHARS = 1000  # a QR code of a longer address is too dense to scan from a screen


def qr_image(text: str, scale: int = 6) -> QImage | None:
    """A QR code of ``text`` as an image (``segno``, error correction M), or None if it cannot be made."""
    if not text or len(text) > MAX_QR_CHARS:
        return None
    import segno

    try:
        code = segno.make(text, error="m", micro=False)
    except Exception:  # noqa: BLE001 - segno raises its own DataOverflowError for data that does not fit
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="black", light="white")
    image = QImage.fromData(buffer.getvalue(), "PNG")
    return None if image.isNull() else image


class AddressDialog(QDialog):
    """The address as text (not selectable: nothing goes to the clipboard or PRIMARY) and as a QR code."""

    def __init__(self, href: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addressDialog")
        self.setMinimumWidth(440)  # the address on few lines, the code large enough to scan from the screen
        self.href = href
        shown = href[len("mailto:") :] if href.lower().startswith("mailto:") else href
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.address = QLabel(shown)
        self.address.setObjectName("address")
        self.address.setWordWrap(True)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.qr = QLabel()
        self.qr.setObjectName("qrCode")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        image = qr_image(href)
        if image is not None:
            self.qr.setPixmap(QPixmap.fromImage(image))
        else:
            self.qr.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        for widget in (self.intro, self.address, self.qr, buttons):
            layout.addWidget(widget)
        mail = href.lower().startswith("mailto:")
        self.setWindowTitle(self.tr("Email address") if mail else self.tr("Website address"))
        if mail:
            intro = self.tr("This computer does not send email. To write from your own phone, scan the code or type:")
        else:
            intro = self.tr("This computer does not open websites. To open it on your phone, scan the code or type:")
        self.intro.setText(intro)
        self.qr.setAccessibleName(self.tr("QR code of the address"))
        self.address.setAccessibleName(self.tr("Address"))
