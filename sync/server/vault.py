"""The chain's secrets at rest on the server: sealed with a key that is never in the database.

The card key (signs every member card) and the PIN key (mixed into every staff PIN hash) are stored
in ``server_state`` sealed: encrypt-then-MAC with HMAC-SHA256 as the keystream and as the tag (the
standard library only, no cipher dependency). Whoever reads the database — a backup, a replica, a
support dump — gets neither key without the server's secret key.

The secret key comes, in this order, from ``LOYALTY_SERVER_SECRET_KEY`` (64 hex digits), from the
secrets file named by ``--secrets-file`` / ``LOYALTY_SERVER_SECRETS_FILE``, or — for an SQLite
database only (the embedded server of a till) — from ``<database>.secret`` beside it. A secrets file
is created (0600) when it does not exist yet. A PostgreSQL server must be given one explicitly: a
key generated somewhere on the disk unannounced is a key nobody backs up.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from app.core.errors import InvalidInput

KEY_ENV = "LOYALTY_SERVER_SECRET_KEY"
FILE_ENV = "LOYALTY_SERVER_SECRETS_FILE"
PREFIX = "sealed1"


class VaultError(InvalidInput):
    code = "vault"


def secrets_file_for(database_url: str) -> Path | None:
    """The default secrets file of an SQLite database (beside it); None for any other database."""
    if database_url.startswith("sqlite:///") and not database_url.endswith(":memory:"):
        return Path(database_url.removeprefix("sqlite:///") + ".secret")
    return None


def load_secret(database_url: str, secrets_file: str | Path | None = None) -> bytes:
    raw = os.environ.get(KEY_ENV, "").strip()
    if raw:
        try:
            key = bytes.fromhex(raw)
        except ValueError:
            raise VaultError(f"{KEY_ENV} must be hex digits (64 of them).") from None
        if len(key) < 16:
            raise VaultError(f"{KEY_ENV} must hold at least 16 bytes (32 hex digits).")
        return key
    path = secrets_file or os.environ.get(FILE_ENV) or secrets_file_for(database_url)
    if not path:
        raise VaultError(
            f"The server needs a secret key to seal the chain's card and PIN keys: set {KEY_ENV} "
            f"(64 hex digits) or give --secrets-file (created when missing). Keep a copy with your backups."
        )
    return _read_or_make(Path(path))


def _read_or_make(path: Path) -> bytes:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(secrets.token_hex(32) + "\n")
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)  # like O_EXCL: two server processes starting at once share one key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        raise VaultError(f"The secrets file {path} does not hold a hex key.") from None


def _stream(key: bytes, nonce: bytes, length: int) -> bytes:
    out = b""
    block = 0
    while len(out) < length:
        out += hmac.new(key, nonce + block.to_bytes(8, "big"), hashlib.sha256).digest()
        block += 1
    return out[:length]


def _subkeys(secret: bytes) -> tuple[bytes, bytes]:
    return (
        hmac.new(secret, b"loyalty vault encrypt", hashlib.sha256).digest(),
        hmac.new(secret, b"loyalty vault mac", hashlib.sha256).digest(),
    )


def seal(secret: bytes, plain: bytes, label: str) -> str:
    """``plain`` encrypted and authenticated; ``label`` binds it to its column (no swapping keys)."""
    enc, mac = _subkeys(secret)
    nonce = secrets.token_bytes(16)
    cipher = bytes(a ^ b for a, b in zip(plain, _stream(enc, nonce, len(plain)), strict=True))
    tag = hmac.new(mac, label.encode() + b"\x00" + nonce + cipher, hashlib.sha256).hexdigest()
    return f"{PREFIX}${nonce.hex()}${cipher.hex()}${tag}"


def is_sealed(text: str) -> bool:
    return text.startswith(PREFIX + "$")


def unseal(secret: bytes, text: str, label: str) -> bytes:
    if not is_sealed(text):  # a clear hex key from before sealing: init_server seals it at start
        return bytes.fromhex(text)
    try:
        _, nonce_hex, cipher_hex, tag = text.split("$")
        nonce, cipher = bytes.fromhex(nonce_hex), bytes.fromhex(cipher_hex)
    except ValueError:
        raise VaultError(f"The stored {label} is damaged.") from None
    enc, mac = _subkeys(secret)
    expected = hmac.new(mac, label.encode() + b"\x00" + nonce + cipher, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, tag):
        raise VaultError(
            f"The server's secret key does not open the stored {label}: is {KEY_ENV} (or the secrets file) "
            "the one this database was set up with?"
        )
    return bytes(a ^ b for a, b in zip(cipher, _stream(enc, nonce, len(cipher)), strict=True))
