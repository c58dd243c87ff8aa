"""Operators' metrics in the Prometheus text format, through the maintained ``prometheus_client``.

What a chain's operator watches: pushes (by outcome), entries accepted and acknowledged again
(duplicates: a till's retry after a lost answer), members received, pulls and how far behind the
pulling tills were (pull lag, in change numbers), flags raised by kind, refusals and errors by code,
request time; and, read from the database at each scrape, the server's change number and the open
flags by kind (what a manager still has to look at).

Several server processes (``--workers N``): each process counts its own requests, so a scrape
answered by one process would show only its share. ``loyalty-server`` therefore turns on the
library's multiprocess mode when it starts more than one process: ``PROMETHEUS_MULTIPROC_DIR`` names
a directory (a fresh temporary one, or the operator's, wiped at start) where every process keeps its
counters in files, and whichever process answers ``/metrics`` adds them up
(https://prometheus.github.io/client_python/multiprocess/). Only counters and histograms are used,
which that mode sums exactly. Instances on other machines are separate scrape targets, as usual for
Prometheus; their counters add up in PromQL (``sum without (instance) (…)``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select

from sync.server.models import FlagRow, ServerState

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST

PUSHES = Counter("loyalty_pushes", "Push requests handled, by outcome (ok, refused).", ["outcome"])
ENTRIES_ACCEPTED = Counter("loyalty_entries_accepted", "Ledger entries stored for the first time.")
ENTRIES_DUPLICATE = Counter(
    "loyalty_entries_duplicate", "Entries pushed again that the server already held (acknowledged again)."
)
CUSTOMERS_RECEIVED = Counter("loyalty_customers_received", "Member records received in pushes.")
PUSH_SECONDS = Histogram(
    "loyalty_push_seconds", "Time to store one push batch.", buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
)
PULLS = Counter("loyalty_pulls", "Pull pages served.")
PULL_RECORDS = Counter("loyalty_pull_records", "Records sent in pull pages.")
PULL_LAG = Histogram(
    "loyalty_pull_lag_changes",
    "How many change numbers the pulling till was behind the server when it asked.",
    buckets=(0, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000),
)
FLAGS_RAISED = Counter("loyalty_flags_raised", "Flags raised (or raised again), by kind.", ["kind"])
ERRORS = Counter("loyalty_errors", "Requests answered with an error, by code (sequence_gap, unauthorized…).", ["code"])


def prepare_multiprocess(workers: int) -> str | None:
    """Before the server's processes start: a clean shared directory for their counters (None: one process).

    Set here, in the parent, so the worker processes uvicorn spawns inherit it; an operator's own
    ``PROMETHEUS_MULTIPROC_DIR`` is used, and emptied first as the library asks.
    """
    if workers <= 1 and not os.environ.get(MULTIPROC_ENV):
        return None
    path = os.environ.get(MULTIPROC_ENV)
    if path:
        shutil.rmtree(path, ignore_errors=True)
        Path(path).mkdir(parents=True, exist_ok=True)
    else:
        path = tempfile.mkdtemp(prefix="loyalty-metrics-")
        os.environ[MULTIPROC_ENV] = path
    return path


class _DatabaseGauges(Collector):
    """Read at scrape time from the database: the same answer whichever process is asked."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        change = GaugeMetricFamily("loyalty_change_number", "The server's last change number.")
        flags = GaugeMetricFamily("loyalty_open_flags", "Flags not resolved yet, by kind.", labels=["kind"])
        try:
            with self.engine.connect() as conn:
                change.add_metric([], int(conn.scalar(select(ServerState.last_change)) or 0))
                for kind, n in conn.execute(
                    select(FlagRow.kind, func.count()).where(FlagRow.resolved_at.is_(None)).group_by(FlagRow.kind)
                ):
                    flags.add_metric([kind], n)
        except Exception:  # the database is down: /health says so; the counters are still worth a scrape
            return
        yield change
        yield flags


def exposition(engine: Engine) -> bytes:
    """The text a Prometheus scrape gets: every process's counters, and the database's gauges."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = CollectorRegistry()
        registry.register(_Forward(REGISTRY))
    registry.register(_DatabaseGauges(engine))
    return generate_latest(registry)


class _Forward(Collector):
    """The process's default registry (counters above, and the library's process metrics) in a new one."""

    def __init__(self, source: CollectorRegistry) -> None:
        self.source = source

    def collect(self) -> Iterator[object]:
        yield from self.source.collect()
