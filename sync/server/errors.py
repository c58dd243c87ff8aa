"""Refusals the server answers with: a status, a stable code, a sentence, and maybe a flag."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagSpec:
    """A flag to record even though the refused transaction rolls back."""

    kind: str
    message: str
    dedupe_key: str | None = None
    store_id: str | None = None
    terminal_id: str | None = None
    customer_id: str | None = None
    entry_id: str | None = None
    seq: int | None = None


class Refused(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        flag: FlagSpec | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.flag = flag
        self.headers = headers
