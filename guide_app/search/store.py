"""Index lifecycle: find, verify, build and atomically swap the search index in the user's cache.

Layout: ``<cache>/index/v<schema>-<fingerprint>/`` holds one Whoosh index per language plus a ``READY``
file written last. ``READY`` names the index version and lists every index file with its size and SHA-256,
so damage inside a segment (a flipped block on a USB stick) is found when the index is opened, not as odd
results or exceptions later. An index folder without a matching ``READY``, whose files do not match it, or
that fails to open, is rebuilt in a private temporary folder that is then renamed into place. Two processes
may race: the loser of the rename simply uses the winner's folder.

Whoosh stores its segment list as a pickle, so an index is only opened from a tree this user owns: the
cache folder, ``index/``, the index folder and each of its files must belong to the current user, must not
be symbolic links, and must not be writable by group or others (folders are created 0700). A folder that
fails the check is left alone (it may be another user's): the index is then built in memory and the reason
is logged. On Windows the cache is the per-user local application-data folder, private by its ACL.

A frozen bundle ships a prebuilt index (``guide_app/_data/index/``): when the cache has no valid index and
the shipped one holds exactly the documents this library would index, its files are copied into a private
temporary folder in the cache and swapped in like a build (marked ``SEEDED``). The shipped folder itself is
never opened.
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
STALE_BUILD_SECONDS = 15 * 60  # a ``.build-*`` folder untouched this long belongs to a killed build
log = logging.getLogger("guide_app")
Progress = Callable[[int, int, str], None]  # (done, total, message)


class IndexError_(RuntimeError):
    """The index could not be opened or built (message is plain language)."""


class UnsafeLocation(IndexError_):
    """A folder or file of the index tree could be changed by someone else (never opened, never deleted)."""


class IndexDamaged(IndexError_):
    """The index files do not match the sizes and checksums recorded in ``READY``."""


def index_name(fingerprint: str) -> str:
    return f"v{SCHEMA_VERSION}-{fingerprint}"


def _bookkeeping(name: str) -> bool:
    """Files in an index folder that are not index data (Whoosh leaves empty write-lock files behind)."""
    return name in (READY, SEEDED) or name.endswith("_WRITELOCK")


def check_private(path: Path, want_dir: bool) -> None:
    """Raise ``UnsafeLocation`` unless ``path`` is this user's own folder/file that nobody else can change.

    ``lstat``: a symbolic link is refused, not followed. Readable by others is fine; writable is not.
    """
    if sys.platform == "win32":
        return  # per-user %LOCALAPPDATA%, protected by its ACL; st_uid and the mode bits mean nothing here
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeLocation(f"{path} is a symbolic link")
    if want_dir and not stat.S_ISDIR(info.st_mode):
        raise UnsafeLocation(f"{path} is not a folder")
    if not want_dir and not stat.S_ISREG(info.st_mode):
        raise UnsafeLocation(f"{path} is not a regular file")
    if info.st_uid != os.getuid():
        raise UnsafeLocation(f"{path} belongs to another user")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UnsafeLocation(f"{path} can be changed by other users")


def check_safe(folder: Path) -> None:
    """Refuse an index folder (or any file in it) that is not this user's own and private."""
    check_private(folder, want_dir=True)
    for entry in folder.iterdir():
        check_private(entry, want_dir=False)


def is_ready(folder: Path, fingerprint: str) -> bool:
    """True when ``READY`` names this version (its checksums are verified when the index is opened)."""
    try:
        with open(folder / READY, encoding="utf-8") as handle:
            return handle.readline().strip() == index_name(fingerprint)
    except (OSError, UnicodeDecodeError):
        return False


def _digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def write_ready(folder: Path, name: str) -> None:
    """Write ``READY`` last: the version name, then ``<sha256> <size> <file>`` for every index file."""
    lines = [name]
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not _bookkeeping(path.name):
            size, digest = _digest(path)
            lines.append(f"{digest} {size} {path.name}")
    (folder / READY).write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify(folder: Path) -> None:
    """Raise ``IndexDamaged`` unless the index files are exactly those in ``READY``, byte for byte."""
    try:
        recorded = (folder / READY).read_text(encoding="utf-8").splitlines()[1:]
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexDamaged(f"{folder}: READY cannot be read") from exc
    expected: dict[str, tuple[int, str]] = {}
    for line in recorded:
        parts = line.split(" ", 2)
        if len(parts) != 3 or not parts[1].isdigit():
            raise IndexDamaged(f"{folder}: READY is not a file list")
        expected[parts[2]] = (int(parts[1]), parts[0])
    present = {p.name for p in folder.iterdir() if not _bookkeeping(p.name)}
    if not expected or present != set(expected):
        raise IndexDamaged(f"{folder}: the index files are not the ones READY lists")
    for name, (size, digest) in expected.items():
        path = folder / name
        if path.stat().st_size != size or _digest(path) != (size, digest):
            raise IndexDamaged(f"{folder}: {name} has changed since the index was built")


def _probe(ix) -> None:
    """Read one stored document: an index of another schema (no ``article_id``) fails here, not in search."""
    with ix.reader() as reader:  # a reader opens every segment file, so a missing one fails here too
        if reader.doc_count():
            fields = reader.stored_fields(next(iter(reader.all_doc_ids())))
            if "article_id" not in fields:
                raise IndexDamaged("the index holds documents of another schema")


def open_indexes(folder: Path) -> dict:
    """Open a verified index: private folder and files, checksums as recorded, our own schema."""
    check_safe(folder)
    verify(folder)
    indexes = {}
    for lang in LANGUAGES:
        # schema= keeps Whoosh from unpickling the schema stored in the table of contents.
        ix = whoosh_index.open_dir(str(folder), indexname=lang, readonly=True, schema=build_schema(lang))
        _probe(ix)
        indexes[lang] = ix
    return indexes


def discard(folder: Path | None) -> None:
    """Mark an index folder as broken (its ``READY`` goes), so this and any other process rebuild it."""
    if folder is not None:
        try:
            (folder / READY).unlink()
        except OSError:
            pass


def build(folder: Path, library: Library, fingerprint: str, progress: Progress | None = None) -> None:
    """Write a complete index into ``folder`` (which must be new and private)."""
    _write(FileStorage(str(folder)), library, progress)
    write_ready(folder, index_name(fingerprint))


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
        write_ready(tmp, index_name(fingerprint))
        if _opens(tmp):
            return True
    except Exception:  # noqa: BLE001 - a damaged or unreadable bundled index just means "build it"
        pass
    log.warning("the bundled search index could not be used; building it")
    for item in tmp.iterdir():
        item.unlink()
    return False


class MemoryOnlyStorage(RamStorage):
    """Whoosh's in-memory storage, with its scratch space in memory too.

    Whoosh's own ``RamStorage.temp_storage`` puts a build's scratch files in a folder with a fixed name in the
    shared temp folder (``/tmp/es.tmp``): another user could create it first (to read or swap what the build
    writes there), and it would be left on a shared computer. The in-memory fallback is used exactly when
    the cache folder is unsafe, so its scratch files never touch the disk."""

    def temp_storage(self, name=None):
        return RamStorage()


def build_in_memory(library: Library, progress: Progress | None = None) -> dict:
    """An index held in memory only: for a cache folder that is read-only, full or unusable."""
    return _write(MemoryOnlyStorage(), library, progress)


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

    When the cache cannot be written (read-only, full, not a folder) or is not private to this user, the
    index is built in memory and the folder is ``None``: search still works, it just is not kept for next
    time. Nothing that fails the privacy check is deleted or opened.
    """
    try:
        return _open_or_build_on_disk(cache, library, fingerprint, progress, force)
    except UnsafeLocation as exc:
        log.error("search index kept in memory: %s", exc)
    except (OSError, IndexError_) as exc:
        log.error("search index kept in memory: the cache folder is not usable (%s)", type(exc).__name__)
    return None, build_in_memory(library, progress)


def _private_root(cache: Path) -> Path:
    """``<cache>/index``, created 0700 where missing; both must be this user's own private folders."""
    ensure_private_dir(cache)
    check_private(cache, want_dir=True)
    root = ensure_private_dir(cache / "index")
    check_private(root, want_dir=True)
    return root


def _open_or_build_on_disk(cache: Path, library: Library, fingerprint: str, progress, force: bool):
    root = _private_root(cache)
    target = root / index_name(fingerprint)
    if not force and is_ready(target, fingerprint):
        try:
            return target, open_indexes(target)
        except UnsafeLocation:
            raise  # not ours to rebuild or delete
        except Exception as exc:  # noqa: BLE001 - any damage (IndexDamaged, EOFError, …) means rebuild
            log.warning("search index damaged (%s); rebuilding it", type(exc).__name__)
    _remove_stale_builds(root)
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
        check_private(target, want_dir=os.path.isdir(target) and not os.path.islink(target))
        trash = target.with_name(f".old-{target.name}-{os.getpid()}-{time.monotonic_ns()}")
        try:
            os.replace(target, trash)
            _remove(trash)
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


def _owned(path: Path) -> bool:
    """This user's own entry and not a link: the only kind the app ever deletes."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return not stat.S_ISLNK(info.st_mode) and (sys.platform == "win32" or info.st_uid == os.getuid())


def _remove(path: Path) -> None:
    """Delete a file or folder of ours, making unreadable folders readable first; never raise."""
    if not _owned(path):
        return
    if not path.is_dir():
        try:
            path.unlink()
        except OSError:
            pass
        return
    try:
        path.chmod(0o700)  # a folder left mode 000 could not be listed, let alone emptied
        for dirpath, dirnames, _files in os.walk(path):
            for name in dirnames:
                sub = os.path.join(dirpath, name)
                if not os.path.islink(sub):
                    os.chmod(sub, 0o700)
    except OSError:
        pass
    shutil.rmtree(path, ignore_errors=True)


def _remove_stale_builds(root: Path) -> None:
    """Delete ``.build-*`` folders left by a build that was killed (untouched for a while)."""
    now = time.time()
    for entry in root.iterdir():
        if entry.name.startswith(".build-"):
            try:
                stale = now - os.lstat(entry).st_mtime > STALE_BUILD_SECONDS
            except OSError:
                continue
            if stale:
                _remove(entry)


def _remove_old(root: Path, keep: str) -> None:
    """Delete index folders of other versions and leftovers of swaps; never fail over it (another process
    may use one), and never touch what is not this user's own."""
    for entry in root.iterdir():
        if entry.name == keep or entry.name.startswith(".build-"):
            continue
        if entry.name.startswith(".old-") or (entry.name.startswith("v") and entry.is_dir()):
            _remove(entry)
