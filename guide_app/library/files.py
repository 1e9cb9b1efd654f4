"""Reading content files safely: a hostile local pack can cost one file, never the whole guide.

Only regular files are read (a FIFO would block forever, ``/dev/zero`` never ends), a link may point only
to another file inside the same content folder, and every file has a size limit. The file is opened
without blocking and checked again once open, so it cannot be swapped for a FIFO in between.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_ARTICLE_BYTES = 1_000_000  # an article: the longest built-in one is about 20 KB
MAX_DATA_BYTES = 1_000_000  # resources.yaml, glossary.yaml, synonyms.yaml, card.yaml, a flow


class ContentFileError(ValueError):
    """The file was not read; the message says why in plain words (it goes after ``file:1:``)."""


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a link loop on older Pythons
        return False
    return True


def read_bytes(path: Path, root: Path | None = None, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file inside ``root`` (when given), at most ``limit`` of them.

    Raises :class:`ContentFileError` for anything else: a link out of the folder, a FIFO, a device, a
    folder, a file over the limit, or a read error.
    """
    if root is not None and not _inside(path, root):
        raise ContentFileError("the file is a link to a place outside the content folder; it is not read")
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ContentFileError(f"cannot read the file ({type(exc).__name__})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ContentFileError("not a regular file (a device, pipe or folder); it is not read")
    if info.st_size > limit:
        raise ContentFileError(f"the file is larger than the limit of {limit:,} bytes; it is not read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ContentFileError(f"cannot read the file ({type(exc).__name__})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the first look
            raise ContentFileError("not a regular file (a device, pipe or folder); it is not read")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ContentFileError(f"cannot read the file ({type(exc).__name__})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ContentFileError(f"the file is larger than the limit of {limit:,} bytes; it is not read")
    return data


def read_text(path: Path, root: Path | None = None, limit: int = MAX_ARTICLE_BYTES) -> str:
    """Like :func:`read_bytes`, decoded as UTF-8 (a decoding error is a :class:`ContentFileError` too)."""
    data = read_bytes(path, root, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentFileError(f"cannot read the file: not UTF-8 text (byte {exc.start})") from None
