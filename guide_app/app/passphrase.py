"""The kiosk administrator's passphrase: only a salted, slow hash of it is kept (in ``kiosk.ini``). No Qt.

``guide-app kiosk-passphrase`` prints the line to paste into ``kiosk.ini``::

    admin_passphrase = scrypt$16384$8$1$<salt>$<hash>

The hash is stdlib ``hashlib.scrypt`` (memory-hard), or PBKDF2-HMAC-SHA256 with 600,000 rounds where this
Python's OpenSSL has no scrypt. Both forms are accepted when checking, so a line made on one computer
works on another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # about 16 MB and 50-100 ms per try
PBKDF2_ROUNDS = 600_000
MAX_PASSPHRASE_CHARS = 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def make_hash(passphrase: str, salt: bytes | None = None) -> str:
    """A new salted hash of ``passphrase`` in the ``kiosk.ini`` format."""
    if not passphrase:
        raise ValueError("the passphrase is empty")
    salt = salt or os.urandom(16)
    secret = passphrase.encode("utf-8")
    if hasattr(hashlib, "scrypt"):
        digest = hashlib.scrypt(secret, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
        return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"
    digest = hashlib.pbkdf2_hmac("sha256", secret, salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${_b64(salt)}${_b64(digest)}"


def is_hash(stored: str) -> bool:
    """True when ``stored`` looks like a line :func:`make_hash` wrote (not a passphrase typed in clear)."""
    return _parse(stored) is not None


def _parse(stored: str):
    parts = stored.strip().split("$")
    try:
        if parts[0] == "scrypt" and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and n * r * 128 <= 256 << 20):
                return None
            return (
                "scrypt",
                (n, r, p),
                base64.b64decode(parts[4], validate=True),
                base64.b64decode(parts[5], validate=True),
            )
        if parts[0] == "pbkdf2_sha256" and len(parts) == 4:
            rounds = int(parts[1])
            if not 1_000 <= rounds <= 10_000_000:
                return None
            return (
                "pbkdf2_sha256",
                (rounds,),
                base64.b64decode(parts[2], validate=True),
                base64.b64decode(parts[3], validate=True),
            )
    except ValueError:  # bad number or base64 (binascii.Error is a ValueError)
        return None
    return None


def verify(passphrase: str, stored: str) -> bool:
    """True when ``passphrase`` matches the stored hash. An empty or malformed hash matches nothing."""
    parsed = _parse(stored or "")
    if parsed is None or not passphrase or len(passphrase) > MAX_PASSPHRASE_CHARS:
        return False
    kind, params, salt, expected = parsed
    secret = passphrase.encode("utf-8")
    if kind == "scrypt":
        n, r, p = params
        digest = hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=300 << 20, dklen=len(expected))
    else:
        digest = hashlib.pbkdf2_hmac("sha256", secret, salt, params[0], dklen=len(expected))
    return hmac.compare_digest(digest, expected)
