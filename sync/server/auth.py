"""Tokens, pairing codes, and the brake on guessing them.

Tokens are 32 random bytes, so a plain SHA-256 is enough to store them: there
is nothing to brute-force that a slow hash would protect. Pairing codes are
short enough to read aloud, so they are one-time, expire, and every wrong
guess (like every wrong token) drains a per-address bucket: once it is empty,
that address gets 429 for everything until it refills.

Only failures drain the per-address bucket, and a valid token is never refused
for its address: every till of a shop sits behind one router, and one of them
(or a stranger on the same Wi-Fi) guessing must not lock the others out. Valid
tokens have a bucket each instead, drained by every request, so one runaway
till can't starve the server either.

The client's address is the peer's, unless the peer is one of the
``--trusted-proxies``: then it is the last address in ``X-Forwarded-For`` that
is not a trusted proxy. From anyone else the header is ignored — otherwise a
client picks its own address and walks around the limit.

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
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read over the phone


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _pad(nonce: str, length: int) -> bytes:
    out, block = b"", 0
    while len(out) < length:
        out += hashlib.sha256(f"loyalty pairing token box\x00{block}\x00{nonce}".encode()).digest()
        block += 1
    return out[:length]


def seal_token(nonce: str, token: str) -> str:
    """The token, kept so that only the holder of the pairing nonce can read it again (the nonce is not kept)."""
    raw = token.encode("ascii")
    return bytes(a ^ b for a, b in zip(raw, _pad(nonce, len(raw)), strict=True)).hex()


def open_token(nonce: str, box: str) -> str:
    raw = bytes.fromhex(box)
    return bytes(a ^ b for a, b in zip(raw, _pad(nonce, len(raw)), strict=True)).decode("ascii", "replace")


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

    def take(self, client: str) -> int:
        """One request of ``client``: 0 and a token taken when there is one, else the seconds to wait."""
        with self._lock:
            b = self._bucket(client, time.monotonic())
            if b.tokens >= 1:
                b.tokens -= 1
                return 0
            return max(1, int((1 - b.tokens) / self.per_second + 0.999))

    def failed(self, client: str) -> None:
        with self._lock:
            b = self._bucket(client, time.monotonic())
            b.tokens = max(0.0, b.tokens - 1)


def parse_networks(items: tuple[str, ...] | list[str]) -> list[IPv4Network | IPv6Network]:
    """``--trusted-proxies 10.0.0.5,10.1.0.0/16``: addresses or networks."""
    return [ip_network(item.strip(), strict=False) for item in items if item.strip()]


def _trusted(address: str, networks: list[IPv4Network | IPv6Network]) -> bool:
    try:
        ip = ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(peer: str, forwarded_for: str | None, trusted: list[IPv4Network | IPv6Network]) -> str:
    """Who is asking: the peer, or — only behind a trusted proxy — the client the proxies name."""
    if not trusted or not forwarded_for or not _trusted(peer, trusted):
        return peer
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    for hop in reversed(hops):  # the right end was written by our proxies; the left by anyone
        if not _trusted(hop, trusted):
            try:
                return str(ip_address(hop))
            except ValueError:
                return peer  # garbage where an address should be: don't let it pick a bucket
    return hops[0] if hops else peer
