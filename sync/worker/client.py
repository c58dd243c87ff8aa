"""The worker's HTTP client: protocol models in, protocol models out, every failure one exception.

Whatever goes wrong between the till and the server — refused connection,
timeout, reset, TLS trouble, a 5xx, an answer cut off half-way or garbled —
comes out as ``SyncError``. ``retryable`` tells the worker whether trying
again later can help (network, 5xx, 429) or whether a person must act first
(a refused batch, a revoked token); it retries either way, just slower.
"""

from __future__ import annotations

import ipaddress
import json
import ssl
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    API,
    TERMINAL_PULL_KINDS,
    ChainHealth,
    PairRequest,
    PairResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    TerminalStatus,
    TillHealth,
)

M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    def __init__(self, message: str, *, status: int = 0, code: str = "", retryable: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.retryable = retryable


class Unauthorized(SyncError):
    """The server does not know this till's token: it must be paired (again)."""


class InsecureServer(SyncError):
    """A plain http:// server that is not this machine: tokens and the chain's keys would travel in clear."""


def check_server_url(url: str, *, insecure: bool = False) -> None:
    """Refuse ``http://`` to anything but loopback, unless told ``insecure`` (a lab, a test rig)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureServer(f"{url!r} is not a server address (https://host[:port]).", retryable=False)
    if parts.scheme == "https" or insecure or _is_loopback(parts.hostname):
        return
    raise InsecureServer(
        f"Refusing to send this till's token and the chain's keys in clear to {url}: use https://, "
        "or pass --insecure if this network is really private.",
        retryable=False,
    )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SyncClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        *,
        timeout: float = 30.0,
        connect_timeout: float = 5.0,
        verify: bool | str = True,
        insecure: bool = False,
    ) -> None:
        check_server_url(base_url, insecure=insecure)
        self.base_url = base_url.rstrip("/")
        headers = {"User-Agent": "loyalty-sync/1", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            verify=ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify,
            follow_redirects=False,
        )
        # Bytes of answers received, per API path: a till's pull traffic (issue 12: it follows the
        # till's working set, not the chain; the simulation test prints it per till).
        self.received: dict[str, int] = {}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- calls -----------------------------------------------------------------------------------

    def pair(self, request: PairRequest) -> PairResponse:
        return self._call("POST", f"{API}/pair", PairResponse, body=request)

    def push(self, request: PushRequest | bytes) -> PushResponse:
        """``request`` may come already encoded (``encode_push``): the worker encodes the next batch while
        the server stores the one before, so the sending thread only sends."""
        return self._call("POST", f"{API}/push", PushResponse, body=request)

    def pull(self, cursor: int, limit: int, kinds: Sequence[str] = TERMINAL_PULL_KINDS) -> PullResponse:
        params = {"cursor": cursor, "limit": limit, "kinds": ",".join(kinds)}
        return self._call("GET", f"{API}/pull", PullResponse, params=params)

    def member(self, *, card: str | None = None, phone: str | None = None) -> PullResponse:
        """One member this till does not hold, in one round-trip (``sync.server.member_lookup``)."""
        params = {"card": card} if card else {"phone": phone or ""}
        return self._call("GET", f"{API}/member", PullResponse, params=params)

    def download(
        self, path: str, dest: Path, on_block: Callable[[dict[str, str], bytes], None] | None = None
    ) -> dict[str, str]:
        """Stream a file answer into ``dest`` (a bootstrap snapshot: hundreds of MB, never held in memory).

        Returns the answer's headers; the caller checks the file against them. ``on_block`` sees each
        block as it is written (a checksum made on the way, rather than by reading the file again).
        A cut-off stream raises ``SyncError`` like any other network failure.
        """
        try:
            with self._http.stream("GET", path) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _error_of(response)
                headers = dict(response.headers)
                with open(dest, "wb") as f:
                    for block in response.iter_bytes():  # as they arrive: no re-chunking copy of 2 GB
                        f.write(block)
                        if on_block is not None:
                            on_block(headers, block)
                return headers
        except httpx.TimeoutException:
            raise SyncError(f"The server at {self.base_url} did not answer in time.") from None
        except httpx.HTTPError as exc:
            raise SyncError(f"Cannot reach the server at {self.base_url} ({type(exc).__name__}).") from None

    def me(self) -> TerminalStatus:
        return self._call("GET", f"{API}/me", TerminalStatus)

    def report_health(self, report: TillHealth) -> None:
        """This till's sync and POS-bridge state, for the chain's back office."""
        content = report.model_dump_json().encode()
        try:
            response = self._http.post(
                f"{API}/health-report", content=content, headers={"Content-Type": "application/json"}
            )
        except httpx.HTTPError as exc:
            raise SyncError(f"Cannot reach the server at {self.base_url} ({type(exc).__name__}).") from None
        if response.status_code >= 400:
            raise _error_of(response)

    def chain_health(self) -> ChainHealth:
        return self._call("GET", f"{API}/chain-health", ChainHealth)

    def health(self) -> bool:
        try:
            return self._http.get("/health").status_code == 200
        except httpx.HTTPError:
            return False

    # -- plumbing --------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        answer: type[M],
        *,
        body: BaseModel | bytes | None = None,
        params: dict[str, int | str] | None = None,
    ) -> M:
        content = encode_push(body) if isinstance(body, BaseModel) else body
        headers = {"Content-Type": "application/json"} if content is not None else None
        try:
            response = self._http.request(method, path, content=content, params=params, headers=headers)
        except httpx.TimeoutException:
            raise SyncError(f"The server at {self.base_url} did not answer in time.") from None
        except httpx.HTTPError as exc:
            raise SyncError(f"Cannot reach the server at {self.base_url} ({type(exc).__name__}).") from None
        self.received[path] = self.received.get(path, 0) + len(response.content)
        if response.status_code >= 400:
            raise _error_of(response)
        try:
            return answer.model_validate_json(response.content)
        except ValidationError:
            # A cut-off or garbled answer: as if it never came. The request is retried; the
            # server's idempotency makes that safe.
            raise SyncError("The server's answer was incomplete or garbled.") from None


def encode_push(body: BaseModel) -> bytes:
    """A request body as sent: pydantic's JSON, in UTF-8."""
    return body.model_dump_json().encode()


def _error_of(response: httpx.Response) -> SyncError:
    detail, code = "", ""
    try:
        data = json.loads(response.content)
        if isinstance(data, dict):
            detail, code = str(data.get("detail", "")), str(data.get("code", ""))
    except ValueError:
        pass
    status = response.status_code
    if status == 401:
        return Unauthorized(
            detail or "The server refused this till's token: pair it again.", status=status, code=code, retryable=False
        )
    if status == 429:
        return SyncError(detail or "The server asks to slow down (HTTP 429).", status=status, code=code)
    if status >= 500:
        said = f": {detail.rstrip('.')}" if detail else ""
        return SyncError(f"The server had a problem (HTTP {status}){said}.", status=status, code=code)
    return SyncError(
        detail or f"The server refused the request (HTTP {status}).", status=status, code=code, retryable=False
    )
