"""A small fault-injecting HTTP/1.1 proxy on 127.0.0.1, for the sync tests.

It forwards each request to the upstream server on a fresh connection and,
with seeded probabilities, misbehaves the way networks and servers do:

- ``reset``: the client's connection is reset before anything is forwarded;
- ``error``: a 500 is answered without forwarding;
- ``delay``: the request waits, sometimes past the client's timeout;
- ``lost``: forwarded and answered by the server, but the answer never
  reaches the client (the connection is reset) — the case that makes
  idempotency matter;
- ``truncated``: the answer is cut off half-way through its body;
- ``error_after``: forwarded, then replaced by a 500.

Only ``Content-Length`` bodies are handled (the server never streams).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Faults:
    reset: float = 0.0
    error: float = 0.0
    delay: float = 0.0
    lost: float = 0.0
    truncated: float = 0.0
    error_after: float = 0.0
    max_delay: float = 0.5  # seconds
    slow: float = 0.0  # of the delays, how many go past the client's timeout
    slow_delay: float = 4.0

    def pick(self, rng: random.Random) -> str:
        x = rng.random()
        for name in ("reset", "error", "delay", "lost", "truncated", "error_after"):
            p = getattr(self, name)
            if x < p:
                return name
            x -= p
        return "pass"


CLEAN = Faults()


@dataclass
class FaultProxy:
    upstream_port: int
    seed: int = 0
    faults: Faults = field(default_factory=Faults)
    port: int = 0
    seen: Counter[str] = field(default_factory=Counter)
    pushes_in_flight: int = 0  # forwarded to the server, its answer not back yet

    def __post_init__(self) -> None:
        self._hold_token: str | None = None
        self.held = threading.Event()
        self._rng = random.Random(self.seed)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        async def shutdown() -> None:
            if self._server is not None:
                self._server.close()
            tasks = [t for t in asyncio.all_tasks(self._loop) if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._loop.stop()

        asyncio.run_coroutine_threadsafe(shutdown(), self._loop)
        self._thread.join(10)

    def set_faults(self, faults: Faults) -> None:
        self._loop.call_soon_threadsafe(setattr, self, "faults", faults)

    def hold_next_push(self, token: str) -> None:
        """The next push with this token reaches the server, but its answer is held back (``held`` is set)."""
        self.held.clear()
        self._hold_token = token

    # -- the loop ----------------------------------------------------------------------------------

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._client, "127.0.0.1", self.port or 0, reuse_address=True)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        with contextlib.suppress(RuntimeError):
            self._loop.run_forever()
        self._loop.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                request = await _read_message(reader)
                if request is None:
                    break
                fault = self.faults.pick(self._rng)
                self.seen[fault] += 1
                if fault == "reset":
                    _reset(writer)
                    return
                if fault == "error":
                    writer.write(_ERROR)
                    await writer.drain()
                    continue
                if fault == "delay":
                    slow = self._rng.random() < self.faults.slow
                    wait = self.faults.slow_delay if slow else self._rng.uniform(0, self.faults.max_delay)
                    await asyncio.sleep(wait)
                is_push = request.startswith(b"POST /v1/push ")
                hold = is_push and self._hold_token is not None and _token_of(request) == self._hold_token
                self.pushes_in_flight += is_push
                try:
                    response = await self._forward(request)
                finally:
                    self.pushes_in_flight -= is_push
                if hold and response is not None:
                    self._hold_token = None
                    self.held.set()
                    await asyncio.sleep(3600)  # until the client is gone or the proxy stops
                if response is None:
                    _reset(writer)
                    return
                if fault == "lost":
                    _reset(writer)
                    return
                if fault == "truncated":
                    head_end = response.index(b"\r\n\r\n") + 4
                    body = len(response) - head_end
                    writer.write(response[: head_end + max(0, body // 2)])
                    await writer.drain()
                    _reset(writer)
                    return
                if fault == "error_after":
                    writer.write(_ERROR)
                else:
                    writer.write(response)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        except asyncio.CancelledError:  # the proxy is stopping: end quietly (3.11's streams log a re-raise)
            _reset(writer)
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _forward(self, request: bytes) -> bytes | None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            return None
        try:
            up_writer.write(request)
            await up_writer.drain()
            return await _read_message(up_reader)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            return None
        finally:
            with contextlib.suppress(Exception):
                up_writer.close()


_ERROR_BODY = b'{"detail":"injected by the proxy","code":"injected"}'
_ERROR = (
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
    b"Content-Length: " + str(len(_ERROR_BODY)).encode() + b"\r\n\r\n" + _ERROR_BODY
)


def _token_of(request: bytes) -> str | None:
    for line in request.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"authorization":
            return value.strip().decode().removeprefix("Bearer ").strip()
    return None


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST, as a crashed peer or a middlebox would."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


async def _read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One HTTP/1.1 message (request or response) with a Content-Length body; None at EOF."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as exc:
        if not exc.partial:
            return None
        raise
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body
