"""Schemathesis reads the served OpenAPI schema and throws valid and invalid requests at every operation.

Whatever it sends — with this till's valid token, so the requests get past
authentication into the push and pull code — the server must answer with a
deliberate status, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from synctools import Databases, ServerProcess, Shop, start_server

MAX_EXAMPLES = 30


def test_fuzzed_requests_never_cause_a_server_error(
    databases: Databases, tmp_path: Path, shops: Callable[..., Shop]
) -> None:
    # Its own server (on PostgreSQL, the stricter database about text and numbers), and a generous
    # rate limit: the fuzzer's wrong pairing codes must not lock its own address out.
    srv = start_server(databases, "postgres", tmp_path, ["--auth-burst", "100000"])
    try:
        shop = shops(srv)
        schema = schemathesis.openapi.from_url(f"{srv.url}/openapi.json")
        auth = {"Authorization": f"Bearer {shop.token}"}
        operations = [result.ok() for result in schema.get_all_operations()]
        assert {op.path for op in operations} >= {"/v1/push", "/v1/pull", "/v1/pair", "/v1/me", "/health"}
        seen: list[int] = []
        for operation in operations:
            _fuzz(operation, GenerationMode.POSITIVE, srv, auth, seen)
            try:
                _fuzz(operation, GenerationMode.NEGATIVE, srv, auth, seen)
            except Unsatisfiable:  # nothing to get wrong (GET /health takes no input)
                assert operation.path == "/health"
        assert seen, "the fuzzer sent nothing"
        assert 200 in seen and 422 in seen  # it reached past validation, and was refused with reasons
    finally:
        srv.stop()


def _fuzz(operation: object, mode: GenerationMode, srv: ServerProcess, auth: dict[str, str], seen: list[int]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))  # type: ignore[attr-defined]
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        response = case.call(base_url=srv.url, headers=auth)
        seen.append(response.status_code)
        assert response.status_code < 500, (
            f"{case.method} {case.path} answered {response.status_code}: {response.text[:500]}"
        )

    run()
