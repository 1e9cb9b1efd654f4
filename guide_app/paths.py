"""Where things live: shipped content and resources, the user's cache and preferences.

One rule for every way the app runs: a checkout (``content/`` beside the package), an installed wheel
(``guide_app/_data/content``), or a frozen bundle (same layout inside the bundle). The cache and the
preferences go to the user's own folders, or beside the app in portable mode. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

APP_DIR_NAME = "rights-guide"
PORTABLE_MARKER = "rights-guide.portable"

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    bundled = _PACKAGE / "_data"
    if (bundled / "content").is_dir():
        return bundled
    return _PACKAGE.parent  # a checkout or an editable install: content/ sits beside the package


def content_dir() -> Path:
    return Path(os.environ.get("GUIDE_APP_CONTENT") or (_data_root() / "content"))


def resources_dir() -> Path:
    return _data_root() / "resources"


def bundled_index_dir() -> Path:
    """Where a frozen bundle keeps its prebuilt search index (copied into the cache, never opened here)."""
    return _PACKAGE / "_data" / "index"


def app_folder() -> Path:
    """The folder the app was started from: the bundle folder when frozen, else the checkout/package."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _PACKAGE.parent


def portable_root() -> Path | None:
    """Return the folder for portable data when the marker file sits beside the app, else None."""
    marker = app_folder() / PORTABLE_MARKER
    return app_folder() / "rights-guide-data" if marker.is_file() else None


def _user_dir(kind: str) -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA" if kind == "cache" else "APPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME / ("cache" if kind == "cache" else "")
    if sys.platform == "darwin":
        sub = "Caches" if kind == "cache" else "Preferences"
        return home / "Library" / sub / APP_DIR_NAME
    env = {"cache": "XDG_CACHE_HOME", "config": "XDG_CONFIG_HOME"}[kind]
    default = {"cache": home / ".cache", "config": home / ".config"}[kind]
    return Path(os.environ.get(env) or default) / APP_DIR_NAME


def cache_dir() -> Path:
    portable = portable_root()
    return portable / "cache" if portable else _user_dir("cache")


def config_dir() -> Path:
    portable = portable_root()
    return portable / "config" if portable else _user_dir("config")


def system_config_dirs() -> list[Path]:
    """Where an administrator may put ``kiosk.ini`` for every user of the computer."""
    if sys.platform == "win32":
        return [Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_DIR_NAME]
    if sys.platform == "darwin":
        return [Path("/Library/Application Support") / APP_DIR_NAME]
    dirs = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [Path(d) / APP_DIR_NAME for d in dirs.split(":") if d]


def local_pack_dirs() -> list[Path]:
    """Folders of a center's own content (articles, resources) shown beside the built-in guide."""
    found = []
    env = os.environ.get("GUIDE_APP_LOCAL_CONTENT")
    candidates = [Path(p) for p in env.split(os.pathsep) if p] if env else []
    candidates += [d / "local-content" for d in system_config_dirs()]
    portable = portable_root()
    if portable:
        candidates.append(portable.parent / "local-content")
    for folder in candidates:
        if folder.is_dir() and folder not in found:
            found.append(folder)
    return found


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents with mode 0700 (only this user can list or change them).

    Folders that already exist keep their mode; the search index checks its own tree before use.
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists() or folder.is_symlink():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    if not path.is_dir():
        path.mkdir(mode=0o700)  # raises FileExistsError for a file in the way, as callers expect
    return path


def run_folder(prefix: str) -> Path:
    """A private temporary folder for this run; its name carries the process id, so a later run can tell
    whether the run that made it still exists (:func:`sweep_run_folders`)."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-"))


def sweep_run_folders(prefix: str, root: str | None = None, unnamed_age_s: float = 3600) -> list[str]:
    """Remove this user's :func:`run_folder` folders whose run is gone (killed, crashed, power cut); return them.

    A running copy's folder is left alone; one named without a process id (an older version's) once it is
    ``unnamed_age_s`` old. Links, files and other users' folders are never touched. Only where the system has
    user ids (POSIX): on Windows the temp folder is the user's own and ``os.kill(pid, 0)`` would send a signal."""
    removed: list[str] = []
    if not hasattr(os, "getuid"):
        return removed
    top = root or tempfile.gettempdir()
    try:
        names = [n for n in os.listdir(top) if n.startswith(prefix)]
    except OSError:
        return removed
    for name in names:
        path = os.path.join(top, name)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            continue
        owner, dash, _ = name[len(prefix) :].partition("-")
        if dash and owner.isdigit():
            if _running(int(owner)):
                continue
        elif time.time() - info.st_mtime < unnamed_age_s:
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's process has that id)
    return True
