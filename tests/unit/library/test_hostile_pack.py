"""A hostile local content pack costs one file, never the whole guide.

Each hostile file sits in a local pack beside one good local article; the pack must load within 2 s, the
bad file must be named with file:line, and the built-in guide and the good local article must still load.
"""

from __future__ import annotations

import sys
import time

import pytest
from hostile_pack import GOOD, KINDS, make_pack

from conftest import FIXTURE_CONTENT
from guide_app.library import files
from guide_app.library.frontmatter import MAX_DEPTH
from guide_app.library.loader import fingerprint, load_library


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links")
@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_file_costs_only_itself(tmp_path, kind):
    pack = tmp_path / "pack"
    bad, line = make_pack(pack, kind)
    start = time.perf_counter()
    result = load_library(FIXTURE_CONTENT, [pack])
    fingerprint([FIXTURE_CONTENT, pack])
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{kind}: {elapsed:.1f} s"
    found = [str(p) for p in result.problems if p.path == str(bad)]
    assert any(s.startswith(f"{bad}:{line}: ") for s in found), (kind, [str(p) for p in result.problems])
    library = result.library
    assert library.article("zz-local-good", "en") is not None  # the good local file is kept
    assert library.article("habeas-corpus", "en") is not None  # and the built-in guide
    assert {r.id for r in library.resources} >= {r.id for r in load_library(FIXTURE_CONTENT, []).library.resources}
    assert not any("HIJACKED" in r.name or r.id == "x-bomb" for r in library.resources)


@pytest.mark.parametrize("kind", ["long-spaces-line", "long-emphasis-line"])
def test_a_pathological_line_is_indexed_quickly(tmp_path, kind):
    """A 60,000-space line, or 20,000 '*a ' and '[': Markdown to text runs in linear time."""
    from guide_app.search.documents import documents

    pack = tmp_path / "pack"
    bad, _ = make_pack(pack, kind)
    start = time.perf_counter()
    library = load_library(FIXTURE_CONTENT, [pack]).library
    docs = list(documents(library, "en"))
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, f"{kind}: {elapsed:.1f} s"
    assert any(d["article_id"] == bad.stem for d in docs)


def test_the_messages_say_what_happened(tmp_path):
    messages = {}
    for kind in ("alias-bomb-resources", "alias-only", "deep-nesting", "fifo", "link-out-of-the-pack", "too-large"):
        bad, line = make_pack(tmp_path / kind, kind)
        result = load_library(FIXTURE_CONTENT, [tmp_path / kind])
        messages[kind] = " ".join(p.message for p in result.problems if p.path == str(bad))
    assert "anchors" in messages["alias-bomb-resources"]
    assert "anchors" in messages["alias-only"]
    assert f"more than {MAX_DEPTH} levels" in messages["deep-nesting"]
    assert "not a regular file" in messages["fifo"]
    assert "outside the content folder" in messages["link-out-of-the-pack"]
    assert f"{files.MAX_ARTICLE_BYTES:,} bytes" in messages["too-large"]


def test_a_link_inside_the_pack_is_followed(tmp_path):
    pack = tmp_path / "pack"
    (pack / "en").mkdir(parents=True)
    (pack / "shared.md").write_text(GOOD, encoding="utf-8")
    (pack / "en" / "zz-local-good.md").symlink_to(pack / "shared.md")
    result = load_library(FIXTURE_CONTENT, [pack])
    assert result.library.article("zz-local-good", "en") is not None, [str(p) for p in result.problems]


def test_a_large_article_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * files.MAX_ARTICLE_BYTES)
    assert len(files.read_bytes(path, tmp_path)) == files.MAX_ARTICLE_BYTES
    path.write_bytes(b"x" * (files.MAX_ARTICLE_BYTES + 1))
    with pytest.raises(files.ContentFileError):
        files.read_bytes(path, tmp_path)


def test_the_limits_are_stated_in_the_content_readme():
    from conftest import REPO

    text = (REPO / "content" / "README.md").read_text(encoding="utf-8")
    assert f"{files.MAX_ARTICLE_BYTES:,}" in text or "1 MB" in text
    assert "anchor" in text.lower() and str(MAX_DEPTH) in text
