"""Before Qt starts on Linux: is there a screen, and can Qt's X11 plugin load? (No Qt is imported here.)

When either is missing, Qt itself prints a long, sometimes wrong message (it names libxcb-cursor0 whatever
library is missing) and aborts the process with a core dump. ``problem()`` finds the cause first, so
``guide-app`` can say in one plain sentence what is missing and how to fix it, and exit 1.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path

NO_SCREEN = (
    "guide-app cannot open its window: there is no screen here (DISPLAY is not set). Start it from a desktop "
    "session, or use the command line (guide-app search WORDS; guide-app --help)."
)
CANNOT_CONNECT = (
    "guide-app cannot open its window: the screen {display} cannot be reached. Start it from a desktop session "
    "(or check DISPLAY), or use the command line (guide-app --help)."
)
MISSING_LIBRARY = (
    "guide-app cannot open its window: the system library {library} is missing. "
    "On Debian or Ubuntu install it with: sudo apt install {package}"
)


def package_for(library: str) -> str:
    """The Debian/Ubuntu package that ships a shared library, by Debian's naming rule (libfoo.so.3 -> libfoo3)."""
    match = re.match(r"(lib[\w+.-]+?)\.so\.(\d+)", library)
    if not match:
        return library
    name, version = match.groups()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def missing_library(error: str) -> str | None:
    """The library a dynamic loader's error names ("libxcb-cursor.so.0: cannot open shared object file: …",
    or "…: file too short" for a damaged one) — not the plugin that failed to load because of it."""
    for match in re.finditer(r"(lib[\w+.-]+\.so(?:\.\d+)*): ", error):
        if not match.group(1).startswith("libqxcb"):
            return match.group(1)
    return None


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def _can_connect(display: str) -> bool:
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the plugin check reports the missing library
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def problem(env=None) -> str | None:
    """A plain sentence when the window cannot open on this Linux machine, else None."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, vnc…: Qt's own business
    if not platform and env.get("WAYLAND_DISPLAY"):
        return None  # Qt picks Wayland first
    display = env.get("DISPLAY", "")
    if not display:
        return NO_SCREEN
    plugin = _xcb_plugin()
    if plugin is not None:
        try:
            ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
        except OSError as error:
            library = missing_library(str(error))
            if library:
                return MISSING_LIBRARY.format(library=library, package=package_for(library))
    if not _can_connect(display):
        return CANNOT_CONNECT.format(display=display)
    return None
