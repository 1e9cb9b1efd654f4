"""Ending cleanly when the system asks: a logout, a shutdown or ``kill`` (SIGTERM, SIGHUP, SIGINT).

Python's default for SIGTERM and SIGHUP ends the process at once, without its clean-up: the visitor's
clipboard stays, and the private folder Qt's own settings were sent to (``safety.contain_qt_settings``) is
left in the temp folder. Here those signals clear the session, as Quick exit does, and leave the event loop,
so the normal clean-up runs. Kiosk mode refuses to close its window, but not this: the machine is going away.

Python runs its signal handlers only when it gets control back from Qt, so the handler's wake-up byte goes
through a pipe that a ``QSocketNotifier`` watches: the quit happens within one turn of the event loop.
"""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


def quit_cleanly_on_signals(app: QApplication, window) -> None:
    """From now on, SIGTERM/SIGHUP/SIGINT clear ``window``'s session and end ``app``'s event loop with 0.

    POSIX only: Windows ends a program without these signals, and its wake-up fd must be a socket."""
    if os.name != "posix":
        return
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    for number in SIGNALS:
        signal.signal(number, lambda *_args: None)  # the wake-up byte does the work, on the UI thread

    notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            received = os.read(read_end, 64)
        except BlockingIOError:
            return
        if any(number in received for number in SIGNALS):
            notifier.setEnabled(False)
            clear = getattr(window, "clear_session", None)
            if clear is not None:
                clear()
            app.exit(0)  # exit(), not quit(): quit() asks the windows, and a kiosk window says no

    notifier.activated.connect(woken)

    def restore() -> None:
        signal.set_wakeup_fd(-1)
        for number in SIGNALS:
            signal.signal(number, signal.SIG_DFL if number != signal.SIGINT else signal.default_int_handler)
        notifier.setEnabled(False)
        for fd in (read_end, write_end):
            try:
                os.close(fd)
            except OSError:
                pass

    app.aboutToQuit.connect(restore)
    window._termination_notifier = notifier  # kept alive with the window
