"""The server's settings in one typed object (from the command line or the environment)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

ENV = "LOYALTY_SERVER_SETTINGS"


@dataclass(frozen=True)
class ServerSettings:
    database_url: str = "sqlite:///loyalty-server.db"
    max_body_bytes: int = 5 * 1024 * 1024  # a 5,000-entry batch is ~3 MB
    # Wrong tokens and pairing codes: a burst of this many per address, then this many per second.
    auth_burst: int = 20
    auth_per_second: float = 0.5
    # Every authenticated request, per token (so one till can't starve the others; a shop's NAT is fine).
    token_burst: int = 600
    token_per_second: float = 50.0
    # Addresses or networks of reverse proxies whose X-Forwarded-For is believed (default: none).
    trusted_proxies: tuple[str, ...] = ()
    # /docs and /openapi.json: off in production (they map the attack surface), on for development and fuzzing.
    docs: bool = False
    secrets_file: str = ""  # see sync.server.vault
    pool_size: int = 10
    max_overflow: int = 30
    # A member entering a till's working set comes with this much history; older entries are summed
    # into her opening balance (issue 12, ``sync.server.changes._entering``).
    history_days: int = 396

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServerSettings:
        raw = os.environ.get(ENV)
        if not raw:
            return cls()
        data = json.loads(raw)
        data["trusted_proxies"] = tuple(data.get("trusted_proxies", ()))
        return cls(**data)
