"""Index lifecycle: find, verify, build and atomically swap the search index in the user's cache.

Layout: ``<cache>/index/v<schema>-<fingerprint>/`` holds one Whoosh index per language plus a ``READY``
file written last. An index folder without a matching ``READY``, or one that fails to open, is treated
as broken and rebuilt in a private temporary folder that is then renamed into place. Two processes may
race: the loser of the rename simply uses the winner's folder.

Whoosh stores its table of contents as a pickle, so an index is only opened from a folder this user
owns and nobody else can write to. A frozen bundle ships a prebuilt index (``guide_app/_data/index/``):
when the cache has no valid index and the shipped one holds exactly the documents this library would
index, its files are copied into a private temporary folder in the cache and swapped in like a build
(marked ``SEEDED``). The shipped folder itself is never opened.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage, RamStorage

from guide_app.library.model import LANGUAGES, Library
from guide_app.paths import bundled_index_dir, ensure_private_dir
from guide_app.search.documents import documents
from guide_app.search.schema import SCHEMA_VERSION, build_schema

READY = "READY"
SEEDED = "SEEDED"  # written into a cache index that was copied from the bundle instead of built
log = logging.getLogger("guide_app")
Progress = Callable[[int, int, str], None]  # (done, total, message)


class IndexError_(RuntimeError):
    """The index could not be opened or built (message is plain language)."""


class UnsafeLocation(IndexError_):
    pass


def index_name(fingerprint: str) -> str:
    return f"v{SCHEMA_VERSION}-{fingerprint}"


def check_safe(folder: Path) -> None:
    """Refuse folders other users could write: opening them would unpickle their data."""
    if sys.platform == "win32" or not folder.exists():
        return
    info = folder.stat()
    if info.st_uid != os.getuid() and os.access(folder, os.W_OK):
        raise UnsafeLocation(f"{folder} belongs to another user")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeLocation(f"{folder} can be changed by other users")


def is_ready(folder: Path, fingerprint: str) -> bool:
    try:
        return (folder / READY).read_text(encoding="utf-8").strip() == index_name(fingerprint)
    except OSError:
        return False


def open_indexes(folder: Path) -> dict:
    check_safe(folder)
    indexes = {}
    for lang in LANGUAGES:
        ix = whoosh_index.open_dir(str(folder), indexname=lang)
        # open_dir reads only the table of contents; a reader opens every segment file, so a truncated or
        # emptied segment fails here (and is rebuilt) instead of when the engine makes its searchers.
        ix.reader().close()
        indexes[lang] = ix
    return indexes


def build(folder: Path, library: Library, fingerprint: str, progress: Progress | None = None) -> None:
    """Write a complete index into ``folder`` (which must be new and private)."""
    _write(FileStorage(str(folder)), library, progress)
    (folder / READY).write_text(index_name(fingerprint), encoding="utf-8")


def content_key(library: Library) -> str:
    """A digest of the documents the index would hold; unlike the fingerprint it does not depend on where
    the content folder is, so an index built into a bundle still matches once the bundle is moved."""
    digest = hashlib.sha256()
    for lang in LANGUAGES:
        for doc in documents(library, lang):
            digest.update(json.dumps([lang, doc], sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def _seed_from_bundle(tmp: Path, library: Library, fingerprint: str) -> bool:
    """Copy the bundled index into the private folder ``tmp`` if it fits this library; True on success."""
    shipped = bundled_index_dir()
    if not shipped.is_dir():
        return False
    try:
        key = content_key(library)
        source = shipped / index_name(key)
        if not is_ready(source, key):
            return False
        for item in source.iterdir():
            if item.is_file() and item.name not in (READY, SEEDED) and not item.name.endswith("_WRITELOCK"):
                shutil.copyfile(item, tmp / item.name)  # contents only: the copies get this user's modes
        (tmp / SEEDED).write_text(source.name, encoding="utf-8")
        (tmp / READY).write_text(index_name(fingerprint), encoding="utf-8")
        if _opens(tmp):
            return True
    except Exception:  # noqa: BLE001 - a damaged or unreadable bundled index just means "build it"
        pass
    log.warning("the bundled search index could not be used; building it")
    for item in tmp.iterdir():
        item.unlink()
    return False


def build_in_memory(library: Library, progress: Progress | None = None) -> dict:
    """An index held in memory only: for a cache folder that is read-only, full or unusable."""
    return _write(RamStorage(), library, progress)


def _write(storage, library: Library, progress: Progress | None) -> dict:
    docs = {lang: list(documents(library, lang)) for lang in LANGUAGES}
    total, done = sum(len(d) for d in docs.values()), 0
    indexes = {}
    for lang in LANGUAGES:
        ix = storage.create_index(build_schema(lang), indexname=lang)
        indexes[lang] = ix
        writer = ix.writer(limitmb=128)
        for doc in docs[lang]:
            writer.add_document(**doc)
            done += 1
            if progress and (done % 25 == 0 or done == total):
                progress(done, total, "Building the search index")
        writer.commit(optimize=True)
    return indexes


def open_or_build(
    cache: Path, library: Library, fingerprint: str, progress: Progress | None = None, force: bool = False
):
    """Return ``(folder, {lang: whoosh index})``, rebuilding whenever the index is missing or broken.

    When the cache cannot be written (read-only, full, not a folder), the index is built in memory and
    the folder is ``None``: search still works, it just is not kept for next time.
    """
    try:
        return _open_or_build_on_disk(cache, library, fingerprint, progress, force)
    except OSError as exc:
        log.error("search index kept in memory: the cache folder is not usable (%s)", type(exc).__name__)
        return None, build_in_memory(library, progress)


def _open_or_build_on_disk(cache: Path, library: Library, fingerprint: str, progress, force: bool):
    root = ensure_private_dir(cache / "index")
    check_safe(root)
    target = root / index_name(fingerprint)
    if not force and is_ready(target, fingerprint):
        try:
            return target, open_indexes(target)
        except UnsafeLocation:
            raise
        except Exception:  # noqa: BLE001 - any damage (EOFError, UnpicklingError, …) means rebuild
            pass
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=root))
    try:
        if force or not _seed_from_bundle(tmp, library, fingerprint):
            build(tmp, library, fingerprint, progress)
        _swap_in(tmp, target, fingerprint, replace=force)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _remove_old(root, keep=target.name)
    return target, open_indexes(target)


def _swap_in(tmp: Path, target: Path, fingerprint: str, replace: bool) -> None:
    for _ in range(3):
        try:
            os.replace(tmp, target)  # atomic when target is absent (or an empty folder)
            return
        except OSError:
            pass
        if is_ready(target, fingerprint) and not replace and _opens(target):
            return  # another process finished first; use its index
        trash = target.with_name(f".old-{target.name}-{os.getpid()}-{time.monotonic_ns()}")
        try:
            os.replace(target, trash)
            shutil.rmtree(trash, ignore_errors=True)
        except OSError:
            time.sleep(0.05)
    raise IndexError_(f"could not put the new index in place at {target}")


def _opens(folder: Path) -> bool:
    try:
        for ix in open_indexes(folder).values():
            ix.close()
        return True
    except Exception:  # noqa: BLE001
        return False


def _remove_old(root: Path, keep: str) -> None:
    """Delete index folders of other versions; never fail over it (another process may use one)."""
    for entry in root.iterdir():
        if entry.name == keep or entry.name.startswith(".build-"):
            continue
        if entry.is_dir() and (entry.name.startswith("v") or entry.name.startswith(".old-")):
            shutil.rmtree(entry, ignore_errors=True)
