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
    pool_size: int = 10
    max_overflow: int = 30

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> ServerSettings:
        raw = os.environ.get(ENV)
        return cls(**json.loads(raw)) if raw else cls()
