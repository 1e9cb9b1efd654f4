"""Index lifecycle in the user's cache: rebuild on content, corruption and schema changes; refuse unsafe
folders; remove stale versions; two processes building at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
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
    assert (first.folder / store.READY).read_text(encoding="utf-8") == first.folder.name
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
    assert (second.folder / store.READY).read_text(encoding="utf-8") == second.folder.name


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
@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_refuses_an_index_root_others_can_write(content, cache, mode):
    open_index(content, cache)
    (cache / "index").chmod(mode)
    with pytest.raises(store.UnsafeLocation):
        Opened(content, cache)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_refuses_an_index_folder_others_can_write(content, cache):
    first = open_index(content, cache)
    first.folder.chmod(0o777)
    with pytest.raises(store.UnsafeLocation):
        Opened(content, cache)
    with pytest.raises(store.UnsafeLocation):
        store.open_indexes(first.folder)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_check_safe_accepts_a_private_folder(tmp_path):
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    folder.chmod(0o700)
    store.check_safe(folder)
    folder.chmod(0o755)  # readable by others is fine; writable is not
    store.check_safe(folder)


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
