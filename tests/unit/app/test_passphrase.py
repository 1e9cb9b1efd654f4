"""The kiosk passphrase: only a salted, slow hash is kept, and `guide-app kiosk-passphrase` prints it."""

from __future__ import annotations

import configparser
import hashlib
import os
import subprocess
import sys

import pytest

from conftest import REPO
from guide_app.app import passphrase
from guide_app.app.settings import KIOSK, read_ini


def test_a_hash_is_salted_and_verifies_only_its_passphrase():
    first, second = passphrase.make_hash("open sesame 42"), passphrase.make_hash("open sesame 42")
    assert first != second  # a new salt each time
    assert "open sesame" not in first
    assert passphrase.verify("open sesame 42", first) and passphrase.verify("open sesame 42", second)
    assert not passphrase.verify("open sesame 43", first)
    assert not passphrase.verify("", first)
    with pytest.raises(ValueError):
        passphrase.make_hash("")


def test_the_hash_is_slow_and_its_cost_is_checked():
    stored = passphrase.make_hash("open sesame 42")
    kind, n, r, p = stored.split("$")[:4]
    assert kind == "scrypt" and int(n) >= 2**14 and int(r) >= 8
    cheap = stored.replace(f"${n}$", "$1$", 1)
    assert not passphrase.is_hash(cheap)  # n=1 is not a slow hash
    huge = stored.replace(f"${n}$", f"${2**30}$", 1)
    assert not passphrase.is_hash(huge)  # nor may kiosk.ini make a check eat gigabytes


def test_pbkdf2_lines_are_accepted_too():
    salt = os.urandom(16)
    import base64

    digest = hashlib.pbkdf2_hmac("sha256", b"open sesame 42", salt, 600_000)
    line = f"pbkdf2_sha256$600000${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert passphrase.verify("open sesame 42", line)
    assert not passphrase.verify("open sesame", line)


def run_cli(stdin: str) -> subprocess.CompletedProcess:
    code = "import sys; from guide_app.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-c", code, "kiosk-passphrase"]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, timeout=60)


def test_the_command_prints_a_line_kiosk_ini_reads(tmp_path):
    proc = run_cli("a long passphrase\n")
    assert proc.returncode == 0, proc.stderr
    line = next(line for line in proc.stdout.splitlines() if line.startswith("admin_passphrase = "))
    assert "a long passphrase" not in proc.stdout
    ini = tmp_path / "kiosk.ini"
    ini.write_text(f"[kiosk]\n{line}\n", encoding="utf-8")
    stored = read_ini(ini, KIOSK)["admin_passphrase"]
    assert passphrase.verify("a long passphrase", str(stored))
    configparser.ConfigParser().read_string(ini.read_text(encoding="utf-8"))  # no interpolation surprises


def test_the_command_refuses_a_short_passphrase():
    proc = run_cli("short\n")
    assert proc.returncode == 1
    assert "admin_passphrase" not in proc.stdout
