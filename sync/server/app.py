"""The HTTP API: thin routes over the push, pull and pairing services.

Routes validate (pydantic, from ``sync.protocol``), call one service function
in one transaction, and answer with a schema. The authenticated terminal comes
from a dependency, so every route's signature shows who may call it. Errors a
client can cause are answered with a readable sentence and a stable code.
"""

# No ``from __future__ import annotations``: FastAPI must see the dependencies defined in create_app.
import logging
import time
from datetime import UTC, datetime
from typing import Annotated, Any, NoReturn

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import (
    API,
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    PULL_KINDS,
    ChainHealth,
    ErrorBody,
    Health,
    PairRequest,
    PairResponse,
    Published,
    PublishProgram,
    PullResponse,
    PushRequest,
    PushResponse,
    StaffAck,
    StaffPush,
    TerminalStatus,
    TillHealth,
)
from sync.server import (
    admin,
    backoffice,
    changes,
    ledger,
    member_lookup,
    metrics,
    records,
    working_set,
)
from sync.server import snapshot as snapshot_module
from sync.server.auth import FailureLimiter, client_address, hash_secret, parse_networks
from sync.server.db import (
    ChangeCounter,
    current_change,
    make_server_engine,
    ping,
    quick_read,
    read_session,
    write_session,
)
from sync.server.errors import FlagSpec, Refused
from sync.server.flags import record_flag
from sync.server.ledger import Caller
from sync.server.models import StoreRow, TerminalRow
from sync.server.settings import ServerSettings
from sync.server.vault import load_secret

log = logging.getLogger("loyalty.server")

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        401: "No token, or a token the server does not know.",
        403: "The batch holds entries of another terminal or store.",
        409: "A gap in the till's sequence, or an entry that differs from the one held.",
        413: "The request body is too large.",
        422: "The request is malformed, or a hash link does not verify.",
        429: "Too many failed authentications from this address, or too many requests with this token.",
        503: "The database is unreachable.",
    }.items()
}


def _now() -> datetime:
    return datetime.now(UTC)


def _unstorable(terminal: Caller, exc: Exception) -> Refused:
    kind = type(getattr(exc, "orig", None) or exc).__name__
    return Refused(
        422,
        "cannot_store",
        f"The server's database could not store this batch ({kind}); nothing of it was stored.",
        FlagSpec(
            kind="cannot_store",
            message=f"A batch of terminal {terminal.terminal_id} could not be stored ({kind}); it was refused.",
            dedupe_key=f"store:{terminal.terminal_id}:{kind}"[:200],
            store_id=terminal.store_id,
            terminal_id=terminal.terminal_id,
        ),
    )


def _error(status: int, code: str, detail: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    metrics.ERRORS.labels(code).inc()
    return JSONResponse(status_code=status, content={"detail": detail, "code": code, **extra}, headers=headers)


class BodyLimit:
    """Refuse bodies over ``max_bytes`` with 413, by Content-Length or while they stream in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = _error(
            413, "too_large", f"The request body is larger than {self.max_bytes // 1024} KiB; send smaller batches."
        )
        length = dict(scope.get("headers") or []).get(b"content-length")
        try:
            declared = int(length) if length is not None else 0
        except ValueError:
            await _error(400, "bad_request", "The Content-Length header is not a number.")(scope, receive, send)
            return
        if declared > self.max_bytes:
            await too_big(scope, receive, send)
            return
        received = 0
        started = answered = False

        async def counting_receive() -> Message:
            nonlocal received, answered
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Answer now and tell the app the client has gone: it stops reading, and
                    # whatever it tries to send afterwards is dropped.
                    if not started:
                        await too_big(scope, receive, send)
                    answered = True
                    return {"type": "http.disconnect"}
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if answered:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, watching_send)


bearer = HTTPBearer(auto_error=False, description="The terminal's token, from pairing.")


async def push_body(request: Request) -> PushRequest:
    """The push's body, parsed and validated in one pass by pydantic's own JSON parser.

    Why not a plain ``body: PushRequest`` parameter: FastAPI then runs ``json.loads`` and validates the
    Python objects, three times the CPU of ``model_validate_json`` for a 1,000-entry batch (42 ms
    against 13.5 ms here), and a push is CPU-bound. Errors keep FastAPI's shape (``loc`` from "body"),
    so clients see the same 422 sentence.
    https://docs.pydantic.dev/latest/concepts/json/#json-parsing
    """
    try:
        raw = await request.body()
    except ClientDisconnect:  # cut off (BodyLimit has answered 413 already): end the request cleanly
        raise Refused(400, "bad_request", "The request body did not arrive whole.") from None
    try:
        return PushRequest.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


def _body_schema(model: type[PushRequest]) -> dict[str, Any]:
    """The request body's place in /openapi.json (the route reads the body itself; see ``push_body``)."""
    name = model.__name__
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
        }
    }


def _with_body_models(app: FastAPI, *models: type[PushRequest]) -> None:
    """Put the bodies read by hand into the schema's components (FastAPI adds only the ones it parses)."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        schema = plain()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for model in models:
            own = model.model_json_schema(ref_template="#/components/schemas/{model}")
            for name, sub in own.pop("$defs", {}).items():
                components.setdefault(name, sub)
            components.setdefault(model.__name__, own)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: ServerSettings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or ServerSettings()
    engine = engine or make_server_engine(
        settings.database_url, pool_size=settings.pool_size, max_overflow=settings.max_overflow
    )
    limiter = FailureLimiter(settings.auth_burst, settings.auth_per_second)
    per_token = FailureLimiter(settings.token_burst, settings.token_per_second)
    trusted = parse_networks(settings.trusted_proxies)
    secret = load_secret(settings.database_url, settings.secrets_file or None)
    app = FastAPI(
        title="Loyalty central server",
        version=str(PROTOCOL_VERSION),
        description="Push and pull of the chain's ledger, customers, program and rewards (DESIGN §6).",
        docs_url="/docs" if settings.docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs else None,
    )
    app.state.engine = engine
    prepared_snapshot = snapshot_module.Prepared()  # the chain-wide bulk file, kept for the next new till
    app.state.limiter = limiter
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    def client_of(request: Request) -> str:
        peer = request.client.host if request.client else "unknown"
        return client_address(peer, request.headers.get("x-forwarded-for"), trusted)

    def check_not_locked_out(request: Request) -> None:
        wait = limiter.retry_after(client_of(request))
        if wait:
            raise Refused(
                429,
                "rate_limited",
                f"Too many failed attempts from this address; retry in {wait} s.",
                headers={"Retry-After": str(wait)},
            )

    def refuse_unknown(request: Request, message: str) -> NoReturn:
        """A missing or wrong token: counts against the address; a locked-out address learns nothing more."""
        check_not_locked_out(request)
        limiter.failed(client_of(request))
        raise Refused(401, "unauthorized", message)

    def authenticated(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
    ) -> Caller:
        if credentials is None or not credentials.credentials:
            refuse_unknown(request, "No token: send “Authorization: Bearer <token>” (pair the till first).")
        with quick_read(engine) as conn:  # one round trip: this runs before every request
            row = conn.execute(
                select(
                    TerminalRow.id,
                    TerminalRow.store_id,
                    TerminalRow.role,
                    TerminalRow.quarantined_at,
                    TerminalRow.scope,
                    StoreRow.region,
                )
                .join(StoreRow, StoreRow.id == TerminalRow.store_id)
                .where(TerminalRow.token_hash == hash_secret(credentials.credentials), TerminalRow.revoked_at.is_(None))
            ).first()
        if row is None:
            refuse_unknown(request, "This token is not valid (revoked, or from another server).")
        wait = per_token.take(row[0])
        if wait:
            raise Refused(
                429,
                "rate_limited",
                f"This till is sending too many requests; retry in {wait} s.",
                headers={"Retry-After": str(wait)},
            )
        return Caller(
            terminal_id=row[0],
            store_id=row[1],
            role=row[2],
            quarantined=row[3] is not None,
            scope=row[4],
            region=row[5],
        )

    Terminal = Annotated[Caller, Depends(authenticated)]

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> JSONResponse:
        headers = exc.headers or ({"WWW-Authenticate": "Bearer"} if exc.status == 401 else None)
        return _error(exc.status, exc.code, exc.message, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()[:20]
        ]
        readable = "; ".join(f"{'.'.join(e['loc'][1:] or e['loc'])}: {e['msg']}" for e in errors[:8])  # type: ignore[arg-type]
        more = len(exc.errors()) - 8
        if more > 0:
            readable += f" (and {more} more)"
        return _error(422, "invalid_request", f"The request is not valid: {readable}.", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, "http_error", str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(OperationalError)
    async def _db_down(request: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc.__class__.__name__)
        return _error(503, "unavailable", "The server's database is unavailable; the till will retry.")

    @app.get("/health", response_model=Health, responses={503: ERRORS[503]}, tags=["health"])
    def health() -> JSONResponse:
        """Unauthenticated liveness and database check; says nothing secret."""
        ok = ping(engine)
        body = Health(status="ok" if ok else "unavailable", time=_now())
        return JSONResponse(status_code=200 if ok else 503, content=body.model_dump(mode="json"))

    @app.get("/metrics", include_in_schema=False)
    def metrics_text() -> Response:
        """Prometheus text format: counts only, nothing secret (restrict it at the proxy all the same)."""
        return Response(metrics.exposition(engine), media_type=metrics.CONTENT_TYPE)

    @app.post(
        f"{API}/pair",
        response_model=PairResponse,
        responses={k: ERRORS[k] for k in (401, 409, 413, 422, 429)},
        tags=["pairing"],
    )
    def pair(request: Request, body: PairRequest) -> Response:
        """Exchange a one-time pairing code for this till's token (shown once, stored only as a hash)."""
        check_not_locked_out(request)
        try:
            with write_session(engine) as s:
                answer = admin.pair(s, body, _now(), secret)
        except Refused as exc:
            if exc.code == "bad_pairing_code":
                limiter.failed(client_of(request))
            raise
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.post(
        f"{API}/push",
        response_model=PushResponse,
        responses={k: ERRORS[k] for k in (401, 403, 409, 413, 422, 429, 503)},
        tags=["sync"],
        openapi_extra=_body_schema(PushRequest),
    )
    def push(terminal: Terminal, body: Annotated[PushRequest, Depends(push_body)]) -> Response:
        """Store a batch of this till's customers and entries: all of it, once, or none of it."""
        now = _now()
        started = time.perf_counter()
        counts = ledger.PushCounts()
        try:
            try:
                with write_session(engine) as s:
                    answer = ledger.push(s, terminal, body, now, counts)
            except ledger.EntryIdTaken as exc:
                with read_session(engine) as s:
                    ledger.refuse_taken_ids(s, terminal, exc.ids)  # the 409 naming the reused id
                raise _unstorable(terminal, exc) from None
            except (DataError, IntegrityError) as exc:
                # Whatever the checks missed, the database refused: a 4xx naming the problem and a flag,
                # never a 500 the till retries forever while its member's other tills wait.
                raise _unstorable(terminal, exc) from None
        except Refused as exc:
            if exc.flag is not None:
                try:
                    record_flag(engine, exc.flag, now)
                except Exception:  # the refusal still stands; the next retry flags it again
                    log.exception("could not record a flag")
            log.info("push from %s refused: %s", terminal.terminal_id, exc.code)
            metrics.PUSHES.labels("refused").inc()
            raise
        metrics.PUSHES.labels("ok").inc()
        metrics.PUSH_SECONDS.observe(time.perf_counter() - started)
        metrics.ENTRIES_ACCEPTED.inc(counts.accepted)
        metrics.ENTRIES_DUPLICATE.inc(counts.duplicate)
        metrics.CUSTOMERS_RECEIVED.inc(len(answer.acked_customers))
        # An older till refuses a field it does not know: the refused entries only when there are some.
        body = answer.model_dump_json(exclude=None if answer.refused_entries else {"refused_entries"})
        return Response(body, media_type="application/json")

    @app.get(
        f"{API}/pull",
        response_model=PullResponse,
        responses={k: ERRORS[k] for k in (401, 422, 429, 503)},
        tags=["sync"],
    )
    def pull(
        terminal: Terminal,
        cursor: Annotated[int, Query(ge=0, le=2**63 - 1, description="The last change number already held.")] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT, description="At most this many records.")] = (
            DEFAULT_PULL_LIMIT
        ),
        kinds: Annotated[
            str,
            Query(
                max_length=200,
                pattern=r"^[a-z,]*$",
                description="Comma-separated kinds of records wanted (default: all): " + ", ".join(PULL_KINDS),
            ),
        ] = "",
    ) -> Response:
        """What changed after ``cursor``: stores, terminals, program, rewards, members, entries, balances, flags."""
        wanted = [k for k in kinds.split(",") if k] or list(PULL_KINDS)
        unknown = sorted(set(wanted) - set(PULL_KINDS))
        if unknown:
            raise Refused(
                422, "invalid_request", f"Unknown kinds {', '.join(unknown)}; known: {', '.join(PULL_KINDS)}."
            )
        with read_session(engine) as s:
            page = changes.pull(s, terminal, cursor, limit, wanted, history_days=settings.history_days)
        metrics.PULLS.inc()
        metrics.PULL_LAG.observe(page.behind)
        metrics.PULL_RECORDS.inc(sum(len(v) for v in page.records.values()))
        return Response(page.encode(), media_type="application/json")

    @app.get(
        f"{API}/member",
        response_model=PullResponse,
        responses={k: ERRORS[k] for k in (401, 422, 429, 503)},
        tags=["sync"],
    )
    def member(
        terminal: Terminal,
        card: Annotated[str | None, Query(pattern=r"^[1-9][0-9]{9}$", description="A card number.")] = None,
        phone: Annotated[str | None, Query(pattern=r"^\+[0-9]{6,15}$", description="A phone, E.164.")] = None,
    ) -> Response:
        """One member the till does not hold, with her ledger and merges (see ``sync.server.member_lookup``)."""
        if (card is None) == (phone is None):
            raise Refused(422, "invalid_request", "Ask for one member: by card number or by phone, not both.")
        with read_session(engine) as s:
            page = member_lookup.lookup(s, terminal, card=card, phone=phone)
        if terminal.holders is not None and page.records["customers"]:  # looked up online, then kept
            with write_session(engine) as s:
                counter = ChangeCounter(s)
                working_set.note_fetched(
                    s, counter, terminal.terminal_id, [c["id"] for c in page.records["customers"]], _now()
                )
                counter.finish()
        return Response(page.encode(), media_type="application/json")

    @app.get(
        f"{API}/snapshot",
        response_class=FileResponse,
        responses={
            200: {
                "content": {"application/vnd.sqlite3": {}},
                "description": "The snapshot (a SQLite file, then the catalog's JSON).",
            },
            **{k: ERRORS[k] for k in (401, 429, 503)},
        },
        tags=["sync"],
    )
    def snapshot(terminal: Terminal) -> Response:
        """A ready SQLite file of what this till should hold, then its catalog (``sync.server.snapshot``).

        Headers give the file's and the catalog's sha256, the change number it is consistent at and its
        format; the chain-wide file is prepared once per change number and shared by new tills.
        """
        response = snapshot_module.serve(engine, terminal, prepared_snapshot)
        metrics.PULLS.inc()
        return response

    @app.get(
        f"{API}/me",
        response_model=TerminalStatus,
        responses={k: ERRORS[k] for k in (401, 429, 503)},
        tags=["sync"],
    )
    def me(terminal: Terminal) -> TerminalStatus:
        """Where this till's chain ends on the server."""
        with read_session(engine) as s:
            row = s.get(TerminalRow, terminal.terminal_id)
            assert row is not None
            return TerminalStatus(
                terminal_id=row.id,
                store_id=row.store_id,
                head_seq=row.head_seq,
                head_hash=row.head_hash,
                change=current_change(s),
            )

    @app.post(
        f"{API}/health-report",
        status_code=204,
        responses={k: ERRORS[k] for k in (401, 413, 422, 429, 503)},
        tags=["health"],
    )
    def health_report(body: TillHealth, terminal: Terminal) -> Response:
        """This till's sync and POS-bridge state, for the back office's health tab (replaces the last one)."""
        with write_session(engine) as s:
            records.report_health(s, terminal, body, _now())
        return Response(status_code=204)

    @app.get(
        f"{API}/chain-health",
        response_model=ChainHealth,
        responses={k: ERRORS[k] for k in (401, 429, 503)},
        tags=["health"],
    )
    def chain_health(terminal: Terminal) -> Response:
        """Every till's last report and the chain's open flags (what a manager should look at)."""
        with read_session(engine) as s:
            answer = records.chain_health(s, _now())
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.post(
        f"{API}/staff",
        response_model=StaffAck,
        responses={k: ERRORS[k] for k in (401, 403, 413, 422, 429, 503)},
        tags=["back office"],
    )
    def push_staff(body: StaffPush, terminal: Terminal) -> Response:
        """Staff of this till's store that it added or changed (the last write wins)."""
        with write_session(engine) as s:
            answer = backoffice.push_staff(s, terminal, body, _now())
        return Response(answer.model_dump_json(), media_type="application/json")

    @app.post(
        f"{API}/admin/program",
        response_model=Published,
        responses={k: ERRORS[k] for k in (401, 403, 413, 422, 429, 503)},
        tags=["back office"],
    )
    def publish_program(request: Request, body: PublishProgram, terminal: Terminal) -> Response:
        """An owner of this till's store publishes a program version and its rewards to the whole chain."""
        try:
            with write_session(engine) as s:
                answer = backoffice.publish(s, terminal, body, [admin.pin_key(s, secret)])
        except Refused as exc:
            if exc.code == "wrong_pin":
                limiter.failed(client_of(request))
            raise
        return Response(answer.model_dump_json(), media_type="application/json")

    _with_body_models(app, PushRequest)
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn calls (``--factory``) in each worker process."""
    return create_app(ServerSettings.from_env())
