"""Peer search engines over exactly the documents our index holds: SQLite FTS5 and libzim (Kiwix/Xapian).

Both peers get the same documents as ours, one index per language, only the words of the query (no query
syntax interpreted), and results grouped by article the same way (best section per article; glossary and
resources as their own entries). FTS5 OR-s the words like ours, with the same field weights (title 3,
heading 2, body 1), and builds a highlighted snippet per hit, as ours does. libzim is used as Kiwix uses
it: its own Xapian query parser, which AND-s the words (its parser does not take OR from the query text,
so there is no fair OR variant) and treats the last word as a prefix; its Python API returns paths only,
so its timings carry no snippet work.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import time
from pathlib import Path

from guide_app.search.documents import documents

TOKEN = re.compile(r"\w+", re.UNICODE)
FETCH = 40  # hits fetched before grouping, like ours (limit * 4)


def group_key(doc: dict) -> str:
    kind = doc.get("kind", "article")
    return doc["article_id"] if kind == "article" else f"{kind}:{doc['article_id']}"


def all_documents(library, lang: str) -> list[dict]:
    return list(documents(library, lang))


def _group(keys, limit: int) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key not in out:
            out.append(key)
            if len(out) >= limit:
                break
    return out


# --- SQLite FTS5 -------------------------------------------------------------------------------------
FTS5_TOKENIZERS = {
    # Porter is an English stemmer; on Spanish it would only mangle words, so Spanish gets no stemmer.
    "en": "porter unicode61 remove_diacritics 2",
    "es": "unicode61 remove_diacritics 2",
}


def fts5_available() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        return True
    except sqlite3.Error:
        return False


def fts5_query(text: str, as_you_type: bool = False) -> str | None:
    """OR of the words, each quoted ("" escaped) so no FTS5 syntax is ever interpreted."""
    tokens = TOKEN.findall(text[:200].lower())[:8]
    if not tokens:
        return None
    parts = ['"' + t.replace('"', '""') + '"' for t in tokens]
    if as_you_type and not text.endswith(" "):
        parts[-1] += "*"
    return " OR ".join(parts)


class Fts5:
    name = "fts5"

    def __init__(self, docs_by_lang: dict[str, list[dict]], path: str = ":memory:") -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.keys: dict[str, list[str]] = {}
        for lang, docs in docs_by_lang.items():
            self.db.execute(
                f"CREATE VIRTUAL TABLE docs_{lang} USING fts5(title, heading, body, "
                f"tokenize='{FTS5_TOKENIZERS[lang]}', prefix='2 3')"
            )
            self.db.executemany(
                f"INSERT INTO docs_{lang}(rowid, title, heading, body) VALUES (?, ?, ?, ?)",
                [(i, d["title"], d["heading"], d["body"]) for i, d in enumerate(docs)],
            )
            self.keys[lang] = [group_key(d) for d in docs]
        self.db.commit()

    def search(self, text: str, lang: str, limit: int = 10, as_you_type: bool = False) -> list[str]:
        match = fts5_query(text, as_you_type)
        if match is None:
            return []
        try:
            rows = self.db.execute(
                f"SELECT rowid, snippet(docs_{lang}, 2, '[', ']', ' … ', 24) FROM docs_{lang} "
                f"WHERE docs_{lang} MATCH ? ORDER BY bm25(docs_{lang}, 3.0, 2.0, 1.0) LIMIT {FETCH}",
                (match,),
            ).fetchall()
        except sqlite3.Error:
            return []
        keys = self.keys[lang]
        return _group((keys[r[0]] for r in rows), limit)

    def close(self) -> None:
        self.db.close()


# --- libzim (Kiwix; Xapian full text) ----------------------------------------------------------------
ZIM_LANG = {"en": "eng", "es": "spa"}


def libzim_status() -> tuple[bool, str]:
    try:
        import libzim  # noqa: F401
        from libzim.search import Searcher  # noqa: F401
        from libzim.writer import Creator  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        return False, f"libzim not available ({type(exc).__name__}: {exc}); `pip install libzim` to compare"
    try:
        from importlib.metadata import version

        return True, f"libzim {version('libzim')}"
    except Exception:  # noqa: BLE001
        return True, "libzim"


@contextlib.contextmanager
def _quiet_stdout():
    """libzim's creator prints progress lines from C++ even when not verbose: send fd 1 to /dev/null."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_zim(folder: Path, lang: str, docs: list[dict]) -> Path:
    """One ZIM per language: one HTML entry per section, titled "article title – section heading"."""
    from libzim.writer import Creator, Hint, Item, StringProvider

    class _Entry(Item):
        def __init__(self, path: str, title: str, html: str) -> None:
            super().__init__()
            self._path, self._title, self._html = path, title, html

        def get_path(self):
            return self._path

        def get_title(self):
            return self._title

        def get_mimetype(self):
            return "text/html"

        def get_contentprovider(self):
            return StringProvider(self._html)

        def get_hints(self):
            return {Hint.FRONT_ARTICLE: True}

    target = folder / f"bench-{lang}.zim"
    creator = Creator(str(target)).config_indexing(True, ZIM_LANG[lang]).config_verbose(False)
    with _quiet_stdout(), creator as c:
        c.set_mainpath("d/0")
        for i, d in enumerate(docs):
            title = f"{d['title']} – {d['heading']}" if d["heading"] else d["title"]
            body = "".join(f"<p>{_html(p)}</p>" for p in d["body"].split("\n\n"))
            html = (
                f"<html><head><title>{_html(title)}</title></head><body><h1>{_html(d['title'])}</h1>"
                f"<h2>{_html(d['heading'])}</h2>{body}</body></html>"
            )
            c.add_item(_Entry(f"d/{i}", title, html))
        c.add_metadata("Language", ZIM_LANG[lang])
        c.add_metadata("Title", f"Rights Guide benchmark ({lang})")
    return target


class Libzim:
    """libzim's full-text search (Xapian), queried as Kiwix does."""

    name = "libzim"

    def __init__(self, docs_by_lang: dict[str, list[dict]], folder: Path) -> None:
        from libzim.reader import Archive
        from libzim.search import Searcher

        self.keys: dict[str, list[str]] = {}
        self.searchers = {}
        self.archives = {}
        for lang, docs in docs_by_lang.items():
            path = build_zim(folder, lang, docs)
            self.archives[lang] = Archive(str(path))
            self.searchers[lang] = Searcher(self.archives[lang])
            self.keys[lang] = [group_key(d) for d in docs]

    def search(self, text: str, lang: str, limit: int = 10, as_you_type: bool = False) -> list[str]:
        from libzim.search import Query

        tokens = [t.lower() for t in TOKEN.findall(text[:200])][:8]  # Xapian's parser sees only words
        if not tokens:
            return []
        text = " ".join(tokens)
        try:
            found = self.searchers[lang].search(Query().set_query(text))
            paths = list(found.getResults(0, FETCH))
        except Exception:  # noqa: BLE001 - a peer failing a query counts as no results
            return []
        keys = self.keys[lang]
        return _group((keys[int(p.rsplit("/", 1)[1])] for p in paths if p.startswith("d/")), limit)

    def close(self) -> None:
        self.searchers.clear()
        self.archives.clear()


def timed_build(factory):
    start = time.perf_counter()
    engine = factory()
    return engine, time.perf_counter() - start


# --- tantivy (Rust; BM25) ----------------------------------------------------------------------------
TANTIVY_STEMMERS = {"en": "english", "es": "spanish"}


def tantivy_status() -> tuple[bool, str]:
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return False, "tantivy is not installed (pip install -e '.[bench]')"
    return True, ""


class Tantivy:
    """tantivy-py with its own analysis (simple tokenizer, lower-case, ASCII folding, Snowball stemmer of the
    language), title 3 / heading 2 / body 1, the words OR-ed (each quoted, so no syntax is interpreted), a
    snippet per hit, held in RAM."""

    name = "tantivy"

    def __init__(self, docs_by_lang: dict[str, list[dict]]) -> None:
        import tantivy

        self.keys: dict[str, list[str]] = {}
        self.indexes = {}
        for lang, docs in docs_by_lang.items():
            analyzer = (
                tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.ascii_fold())
                .filter(tantivy.Filter.stemmer(TANTIVY_STEMMERS[lang]))
                .build()
            )
            builder = tantivy.SchemaBuilder()
            builder.add_integer_field("n", stored=True)
            for name in ("title", "heading", "body"):
                builder.add_text_field(name, stored=name == "body", tokenizer_name=f"{lang}_stem")
            index = tantivy.Index(builder.build())
            index.register_tokenizer(f"{lang}_stem", analyzer)
            writer = index.writer(heap_size=50_000_000, num_threads=1)
            for n, d in enumerate(docs):
                writer.add_document(tantivy.Document(n=n, title=d["title"], heading=d["heading"], body=d["body"]))
            writer.commit()
            writer.wait_merging_threads()
            index.reload()
            self.indexes[lang] = index
            self.keys[lang] = [group_key(d) for d in docs]

    def search(self, text: str, lang: str, limit: int = 10, as_you_type: bool = False) -> list[str]:
        import tantivy

        tokens = TOKEN.findall(text[:200].lower())[:8]
        if not tokens:
            return []
        index = self.indexes[lang]
        try:
            query = index.parse_query(
                " OR ".join(f'"{t}"' for t in tokens),
                ["title", "heading", "body"],
                field_boosts={"title": 3.0, "heading": 2.0, "body": 1.0},
            )
            searcher = index.searcher()
            hits = searcher.search(query, FETCH).hits
            snippets = tantivy.SnippetGenerator.create(searcher, query, index.schema, "body")
            keys, out = self.keys[lang], []
            for _, address in hits:
                doc = searcher.doc(address)
                snippets.snippet_from_doc(doc).to_html()
                out.append(keys[doc["n"][0]])
        except ValueError:
            return []
        return _group(out, limit)

    def close(self) -> None:
        self.indexes.clear()
