"""The `guide-app` command line, run as a real process (`python -m guide_app`) over the fixture content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_CONTENT, REPO
from guide_app import __version__

HOSTILE = '"unbalanced AND OR ((( *'
RESULT_KEYS = {"kind", "id", "lang", "title", "section", "summary", "snippet", "score"}


def run(*args: str, content: Path | None = FIXTURE_CONTENT, cwd: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "guide_app"]
    if content is not None:
        command += ["--content", str(content)]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120
    )


@pytest.fixture
def broken(tmp_path) -> Path:
    content = Path(shutil.copytree(FIXTURE_CONTENT, tmp_path / "content"))
    path = content / "en" / "habeas-corpus.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("topics: [detention, remedies]", "topics: [detention, nope]"), encoding="utf-8")
    return content


def search_json(*args: str) -> dict:
    proc = run("search", "--json", *args)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # exactly one JSON document: any extra output fails here
    assert isinstance(data, dict)
    assert set(data) == {"query", "lang", "corrected", "detected_lang", "out_of_scope", "results", "card"}
    for result in data["results"]:
        assert set(result) == RESULT_KEYS
        assert isinstance(result["score"], (int, float))
    return data


def test_search_json_shape():
    data = search_json("habeas", "--lang", "en")
    assert data["query"] == "habeas"
    assert data["lang"] == "en"
    assert data["corrected"] is None and data["out_of_scope"] is False
    first = data["results"][0]
    assert first["id"] == "habeas-corpus"
    assert first["lang"] == "en"
    assert first["title"].startswith("Habeas corpus")
    assert first["snippet"]
    judge = search_json("judge", "--lang", "en")["results"][0]
    assert judge["id"] == "habeas-corpus" and "[judge]" in judge["snippet"]


def test_search_json_both_languages_and_accents():
    data = search_json("detencion")
    assert data["lang"] is None
    assert [(r["id"], r["lang"]) for r in data["results"]] == [("habeas-corpus", "es")]
    assert "[detención]" in data["results"][0]["snippet"]


def test_search_json_suggestion_and_fallback():
    corrected = search_json("abogadoo", "--lang", "es")
    assert corrected["corrected"] == "abogado" and corrected["results"]  # corrected and searched
    assert search_json("abogadoo", "--lang", "es", "--exact")["corrected"] is None
    data = search_json("silent", "--lang", "es")
    assert [(r["id"], r["lang"]) for r in data["results"]] == [("remain-silent", "en")]


def test_search_json_limit():
    assert len(search_json("the", "--limit", "1")["results"]) <= 1
    assert len(search_json("abogado", "--lang", "es", "--limit", "2")["results"]) == 2


def test_hostile_query_exits_0_with_valid_json():
    data = search_json(HOSTILE)
    assert data["query"] == HOSTILE
    assert isinstance(data["results"], list)


def test_search_plain_text():
    proc = run("search", "la migra", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    assert "(remain-silent, es)" in proc.stdout
    proc = run("search", "zzzzqqq", "--lang", "en")
    assert proc.returncode == 0
    assert "No results" in proc.stdout


def test_content_from_the_environment(tmp_path):
    env = {**os.environ, "GUIDE_APP_CONTENT": str(FIXTURE_CONTENT), "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "guide_app", "list", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 6


def test_check_passes_on_fixture_content():
    proc = run("check", str(FIXTURE_CONTENT), content=None)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Content OK." in proc.stdout
    assert "Flesch-Kincaid" in proc.stdout and "Fernández-Huerta" in proc.stdout


def test_check_uses_the_content_flag():
    proc = run("check")  # --content FIXTURE before the command, no folder argument
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 articles" in proc.stdout


def test_check_fails_with_file_and_line(broken):
    path = broken / "en" / "habeas-corpus.md"
    for proc in (run("check", str(broken), content=None), run("check", content=broken)):
        assert proc.returncode == 1, proc.stdout
        assert f"{path}:6: unknown topic 'nope'" in proc.stdout
        assert "problem(s) found" in proc.stdout


def test_list_json():
    proc = run("list", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {(r["id"], r["lang"]) for r in rows} == {
        (aid, lang) for aid in ("finding-legal-help", "habeas-corpus", "remain-silent") for lang in ("en", "es")
    }
    assert set(rows[0]) == {"id", "lang", "title", "summary", "topics", "reviewed"}
    es = json.loads(run("list", "--json", "--lang", "es").stdout)
    assert {r["lang"] for r in es} == {"es"}


def test_list_plain():
    proc = run("list", "--lang", "en")
    assert proc.returncode == 0
    assert "3 articles" in proc.stdout
    assert "habeas-corpus" in proc.stdout


def test_show():
    proc = run("show", "habeas-corpus")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Habeas corpus: asking a judge about a detention\n=")
    assert "In short: Habeas corpus is a court case" in out
    assert "Who can file a habeas petition?" in out
    assert "28 U.S.C. § 2241" in out
    assert "Reviewed on 2026-11-01" in out
    assert "](article:" not in out  # links are plain text


def test_show_spanish_labels():
    proc = run("show", "habeas-corpus", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    assert "En resumen:" in proc.stdout and "Fuentes:" in proc.stdout and "Revisado el 2026-11-01" in proc.stdout


def test_show_unknown_article():
    proc = run("show", "no-such-article")
    assert proc.returncode == 1
    assert "No article 'no-such-article'" in proc.stderr
    assert "habeas-corpus" in proc.stderr


def test_index_command(tmp_path):
    proc = run("index")
    assert proc.returncode == 0, proc.stderr
    assert "Index ready at" in proc.stdout
    rebuilt = run("index", "--rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr


def test_version():
    for args, content in ((("--version",), None), (("--version",), FIXTURE_CONTENT)):
        proc = run(*args, content=content)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == f"guide-app {__version__}"


def test_version_via_installed_module_path(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "guide_app", "--version"], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"guide-app {__version__}"


def test_help():
    proc = run("--help", content=None)
    assert proc.returncode == 0
    for command in ("search", "show", "list", "check", "index"):
        assert command in proc.stdout


def test_main_in_process(capsys):
    from guide_app.cli import main

    assert main(["--content", str(FIXTURE_CONTENT), "search", "--json", HOSTILE]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == HOSTILE
