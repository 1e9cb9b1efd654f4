"""Index lifecycle in the user's cache: rebuild on content, corruption and schema changes; refuse unsafe
folders; remove stale versions; two processes building at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO, OpenedIndex
from guide_app.guide import load_guide
from guide_app.search import store
from guide_app.search.schema import SCHEMA_VERSION


@pytest.fixture
def content(tmp_path) -> Path:
    return Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))


@pytest.fixture
def cache(tmp_path) -> Path:
    return tmp_path / "cache"


Opened = OpenedIndex


def open_index(content: Path, cache: Path) -> Opened:
    opened = Opened(content, cache)
    try:
        assert "habeas-corpus" in opened.finds("habeas")
        assert "habeas-corpus" in opened.finds("detencion", "es")
    finally:
        opened.close()
    return opened


def version_folders(cache: Path) -> list[str]:
    return sorted(p.name for p in (cache / "index").iterdir() if p.is_dir())


def test_first_open_builds_then_reuses(content, cache):
    first = open_index(content, cache)
    assert first.builds == 1
    assert first.folder.name == f"v{SCHEMA_VERSION}-{first.fingerprint}"
    assert (first.folder / store.READY).read_text(encoding="utf-8").splitlines()[0] == first.folder.name
    second = open_index(content, cache)
    assert second.builds == 0
    assert second.folder == first.folder
    assert version_folders(cache) == [first.folder.name]


def test_index_folders_are_private(content, cache):
    opened = open_index(content, cache)
    for folder in (cache / "index", opened.folder):
        assert folder.stat().st_mode & 0o077 == 0, oct(folder.stat().st_mode)


def test_rebuild_on_content_change(content, cache):
    first = open_index(content, cache)
    path = content / "en" / "remain-silent.md"
    path.write_text(path.read_text(encoding="utf-8").replace("born.", "born. Zebras too."), encoding="utf-8")
    second = Opened(content, cache)
    try:
        assert second.builds == 1
        assert second.fingerprint != first.fingerprint
        assert second.folder != first.folder
        assert second.finds("zebra") == ["remain-silent"]
    finally:
        second.close()
    assert not first.folder.exists()  # the stale version is gone
    assert version_folders(cache) == [second.folder.name]


def test_new_file_changes_the_fingerprint(content, cache):
    first = open_index(content, cache)
    shutil.copy(content / "en" / "remain-silent.md", content / "en" / "zz-copy.md")
    assert load_guide(content, []).fingerprint != first.fingerprint


def test_rebuild_when_a_segment_is_truncated(content, cache):
    first = open_index(content, cache)
    segments = sorted(first.folder.glob("*.seg"))
    assert segments, sorted(p.name for p in first.folder.iterdir())
    for segment in segments:
        data = segment.read_bytes()
        segment.write_bytes(data[: len(data) // 2])
    second = open_index(content, cache)
    assert second.builds == 1
    assert second.folder == first.folder


def test_rebuild_when_a_segment_is_emptied(content, cache):
    first = open_index(content, cache)
    next(first.folder.glob("es_*.seg")).write_bytes(b"")
    assert open_index(content, cache).builds == 1


def test_rebuild_when_the_toc_is_deleted(content, cache):
    first = open_index(content, cache)
    tocs = sorted(first.folder.glob("*.toc"))
    assert tocs
    tocs[0].unlink()
    assert open_index(content, cache).builds == 1


def test_rebuild_when_the_toc_is_garbage(content, cache):
    first = open_index(content, cache)
    for toc in first.folder.glob("*.toc"):
        toc.write_bytes(b"not a pickle at all")
    assert open_index(content, cache).builds == 1


@pytest.mark.parametrize("ready", ["garbage", "", "v0-0000"])
def test_rebuild_when_ready_is_garbage(content, cache, ready):
    first = open_index(content, cache)
    (first.folder / store.READY).write_text(ready, encoding="utf-8")
    second = open_index(content, cache)
    assert second.builds == 1
    assert (second.folder / store.READY).read_text(encoding="utf-8").splitlines()[0] == second.folder.name


def test_rebuild_when_ready_is_missing(content, cache):
    first = open_index(content, cache)
    (first.folder / store.READY).unlink()
    assert open_index(content, cache).builds == 1


def test_rebuild_on_schema_change(content, cache, monkeypatch):
    first = open_index(content, cache)
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    second = open_index(content, cache)
    assert second.builds == 1
    assert second.folder.name == f"v{SCHEMA_VERSION + 1}-{first.fingerprint}"
    assert not first.folder.exists()
    assert version_folders(cache) == [second.folder.name]


def test_force_rebuilds_in_place(content, cache):
    first = open_index(content, cache)
    guide = load_guide(content, [])
    engine = guide.open_search(cache=cache, force=True)
    try:
        assert engine.folder == first.folder
        assert [r.id for r in engine.search("habeas").results][0] == "habeas-corpus"
    finally:
        engine.close()


def test_stale_version_folders_are_removed(content, cache):
    index = cache / "index"
    index.mkdir(parents=True, mode=0o700)
    stale = [
        index / "v1-0123456789abcdef0123",
        index / f"v{SCHEMA_VERSION}-stalefingerprint00",
        index / ".old-v3-x-1-2",
    ]
    for folder in stale:
        folder.mkdir()
        (folder / "READY").write_text(folder.name, encoding="utf-8")
    unrelated = index / "notes.txt"
    unrelated.write_text("not an index", encoding="utf-8")
    opened = open_index(content, cache)
    assert version_folders(cache) == [opened.folder.name]
    assert unrelated.exists()
    assert not [p for p in index.iterdir() if p.name.startswith(".build-")]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("where", ["cache", "index", "folder", "file"])
@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_folder_others_can_write_is_left_alone_and_search_runs_in_memory(content, cache, where, mode, caplog):
    first = open_index(content, cache)
    segment = next(first.folder.glob("*.seg"))
    path = {"cache": cache, "index": cache / "index", "folder": first.folder, "file": segment}[where]
    path.chmod(mode)
    before = sorted(p.name for p in first.folder.iterdir())
    with caplog.at_level("ERROR", logger="guide_app"):
        second = open_index(content, cache)  # searches both languages: not "no search"
    assert second.folder is None  # built in memory
    assert second.builds == 1
    assert "can be changed by other users" in caplog.text
    assert sorted(p.name for p in first.folder.iterdir()) == before  # nothing deleted
    with pytest.raises(store.UnsafeLocation):
        store.open_indexes(first.folder) if where in ("folder", "file") else store._private_root(cache)


def test_the_in_memory_index_writes_nothing_to_the_shared_temp_folder(content, tmp_path, monkeypatch):
    """Whoosh's own in-memory storage builds in a fixed-name folder of the temp folder (``es.tmp``), which
    another user can create first; the fallback used for an unsafe cache keeps even its scratch in memory."""
    import tempfile

    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    for lang in ("en", "es"):
        (shared / f"{lang}.tmp").write_text("someone else's")  # taken: the old build failed on it
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    library = load_guide(content, []).library
    indexes = store.build_in_memory(library)
    try:
        with indexes["en"].searcher() as searcher:
            assert searcher.doc_count() > 0
    finally:
        for ix in indexes.values():
            ix.close()
    assert sorted(p.name for p in shared.iterdir()) == ["en.tmp", "es.tmp"]
    assert (shared / "es.tmp").read_text() == "someone else's"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_check_safe_accepts_a_private_folder(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    store.check_safe(folder)
    folder.chmod(0o755)  # readable by others is fine; writable is not
    store.check_safe(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_cache_folders_are_created_private(tmp_path):
    cache = tmp_path / "a" / "b" / "rights-guide"
    store._private_root(cache)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", cache, cache / "index"):
        assert folder.stat().st_mode & 0o777 == 0o700, (folder, oct(folder.stat().st_mode))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links")
@pytest.mark.parametrize("link", ["cache", "folder", "file"])
def test_a_symbolic_link_in_the_index_tree_is_not_followed(content, cache, tmp_path, link, caplog):
    first = open_index(content, cache)
    elsewhere = tmp_path / "elsewhere"
    if link == "cache":
        cache.rename(elsewhere)
        cache.symlink_to(elsewhere)
    elif link == "folder":
        first.folder.rename(elsewhere)
        first.folder.symlink_to(elsewhere)
    else:
        segment = next(first.folder.glob("*.seg"))
        segment.rename(elsewhere)
        segment.symlink_to(elsewhere)
    with caplog.at_level("ERROR", logger="guide_app"):
        second = open_index(content, cache)
    assert second.folder is None
    assert "symbolic link" in caplog.text
    assert elsewhere.exists()


def flip(path: Path, offset_fraction: float = 0.5, count: int = 1) -> None:
    data = bytearray(path.read_bytes())
    start = int(len(data) * offset_fraction)
    for i in range(start, start + count):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("count", [1, 4096])
def test_a_flipped_byte_inside_a_segment_is_found_and_rebuilt(content, cache, count, caplog):
    first = open_index(content, cache)
    segment = next(first.folder.glob("en_*.seg"))
    size = segment.stat().st_size
    flip(segment, 0.4, min(count, size // 2))
    assert segment.stat().st_size == size  # same size: only the checksum can tell
    with caplog.at_level("WARNING", logger="guide_app"):
        second = open_index(content, cache)
    assert second.builds == 1
    assert second.folder == first.folder
    assert "IndexDamaged" in caplog.text
    store.verify(second.folder)


def test_an_index_of_another_schema_under_a_valid_ready_is_rebuilt(content, cache, monkeypatch):
    """Documents without the fields this version reads (``READY`` and checksums rewritten to match)."""
    from whoosh import fields

    first = open_index(content, cache)
    shutil.rmtree(first.folder)
    first.folder.mkdir(mode=0o700)
    for lang in ("en", "es"):
        ix = store.FileStorage(str(first.folder)).create_index(fields.Schema(text=fields.TEXT(stored=True)), lang)
        with ix.writer() as writer:
            writer.add_document(text="habeas corpus")
    store.write_ready(first.folder, first.folder.name)
    second = open_index(content, cache)
    assert second.builds == 1


def test_an_index_without_checksums_is_rebuilt(content, cache):
    first = open_index(content, cache)
    (first.folder / store.READY).write_text(first.folder.name, encoding="utf-8")  # the format before checksums
    assert open_index(content, cache).builds == 1


def test_an_extra_or_missing_file_fails_verification(content, cache):
    first = open_index(content, cache)
    store.verify(first.folder)
    extra = first.folder / "en_extra.seg"
    extra.write_bytes(b"x")
    with pytest.raises(store.IndexDamaged):
        store.verify(first.folder)
    extra.unlink()
    next(first.folder.glob("*.toc")).unlink()
    with pytest.raises(store.IndexDamaged):
        store.verify(first.folder)


def test_stale_build_folders_and_leftovers_are_removed(content, cache):
    first = open_index(content, cache)
    index = cache / "index"
    old = index / ".build-killed"
    old.mkdir()
    (old / "en_1.seg").write_bytes(b"x" * 1000)
    locked = old / "sub"
    locked.mkdir()
    locked.chmod(0)
    old_time = time.time() - store.STALE_BUILD_SECONDS - 60
    os.utime(old, (old_time, old_time))
    fresh = index / ".build-running"  # another process may be building right now
    fresh.mkdir()
    trash_file = index / f".old-{first.folder.name}-1-2"
    trash_file.write_bytes(b"left by a failed swap")
    unreadable = index / f".old-{first.folder.name}-3-4"
    unreadable.mkdir()
    (unreadable / "f").write_bytes(b"x")
    unreadable.chmod(0)
    (first.folder / store.READY).unlink()  # forces a build, which cleans up
    open_index(content, cache)
    names = sorted(p.name for p in index.iterdir())
    assert names == sorted([".build-running", first.folder.name]), names


def test_a_failing_search_rebuilds_the_index_and_answers(content, cache, caplog, monkeypatch):
    """Damage that appears while the index is open: the search rebuilds it instead of failing silently."""
    from whoosh.reading import SegmentReader

    opened = Opened(content, cache)
    try:
        assert opened.finds("habeas")[0] == "habeas-corpus"
        calls = []
        original = SegmentReader.doc_frequency  # the engine reads postings and their counts, then caches them

        def broken(self, *args, **kwargs):
            calls.append(1)
            if len(calls) == 1:
                raise Exception("Block tag error secret-query")  # noqa: TRY002 - what Whoosh raises
            return original(self, *args, **kwargs)

        monkeypatch.setattr(SegmentReader, "doc_frequency", broken)
        with caplog.at_level("WARNING", logger="guide_app"):
            response = opened.engine.search("habeas secret-query", "en")
        assert response.results and response.results[0].id == "habeas-corpus"
        assert opened.engine.repairs == 1
        assert "secret-query" not in caplog.text  # type only, never the message (it may quote the query)
        assert "Exception" in caplog.text
        store.verify(opened.folder)
    finally:
        opened.close()


# -- two processes at once --------------------------------------------------------------------------

RACER = textwrap.dedent(
    """
    import sys
    from guide_app.cli import main
    sys.exit(main(["search", "--json", "--lang", "en", sys.argv[1]]))
    """
)


@pytest.mark.parametrize("round_", range(3))
def test_two_processes_build_at_once(tmp_path, round_):
    cache_home = tmp_path / "xdg-cache"
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        "GUIDE_APP_CONTENT": str(FIXTURE_CONTENT),
        "PYTHONPATH": str(REPO),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, query],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for query in ("habeas", "silent")
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        data = json.loads(out)
        assert data["results"], (out, err)
    assert [json.loads(out)["results"][0]["id"] for out, _ in outputs] == ["habeas-corpus", "remain-silent"]
    index = cache_home / "rights-guide" / "index"
    folders = [p.name for p in index.iterdir()]
    assert len([f for f in folders if f.startswith("v")]) == 1, folders
    assert not [f for f in folders if f.startswith((".build-", ".old-"))], folders
