"""Tokens, pairing codes, and the brake on guessing them.

Tokens are 32 random bytes, so a plain SHA-256 is enough to store them: there
is nothing to brute-force that a slow hash would protect. Pairing codes are
short enough to read aloud, so they are one-time, expire, and every wrong
guess (like every wrong token) drains a per-address bucket: once it is empty,
that address gets 429 for everything until it refills.

The bucket lives in this process. Several server processes behind a load
balancer each keep their own, so the effective limit is per process; put a
shared limiter (the proxy's, or one in PostgreSQL/Redis) in front when that
matters.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read over the phone


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_pairing_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))  # ~50 bits, one-time, expiring
    return f"{raw[:5]}-{raw[5:]}"


def normalise_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


@dataclass
class _Bucket:
    tokens: float
    at: float


class FailureLimiter:
    """A token bucket per client address, drained by failed authentications only."""

    def __init__(self, burst: int = 20, per_second: float = 0.5, max_clients: int = 100_000) -> None:
        self.burst = burst
        self.per_second = per_second
        self.max_clients = max_clients
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def _bucket(self, client: str, now: float) -> _Bucket:
        b = self._buckets.get(client)
        if b is None:
            if len(self._buckets) >= self.max_clients:
                self._prune(now)
            b = self._buckets[client] = _Bucket(float(self.burst), now)
        else:
            b.tokens = min(float(self.burst), b.tokens + (now - b.at) * self.per_second)
            b.at = now
        return b

    def _prune(self, now: float) -> None:
        full = [k for k, b in self._buckets.items() if b.tokens + (now - b.at) * self.per_second >= self.burst]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) >= self.max_clients:  # under attack from everywhere: forget the oldest
            for k in sorted(self._buckets, key=lambda k: self._buckets[k].at)[: self.max_clients // 2]:
                del self._buckets[k]

    def retry_after(self, client: str) -> int:
        """0 when this client may try; else the seconds until one more try is allowed."""
        with self._lock:
            b = self._bucket(client, time.monotonic())
            if b.tokens >= 1:
                return 0
            return max(1, int((1 - b.tokens) / self.per_second + 0.999))

    def failed(self, client: str) -> None:
        with self._lock:
            b = self._bucket(client, time.monotonic())
            b.tokens = max(0.0, b.tokens - 1)
