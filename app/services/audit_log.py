"""Reading the audit log: who did what, when, at which till, with what before and after.

The log is written by ``staff.audit`` in the same transaction as each privileged
action; here it is only read, filtered and exported (newest first, a page at a time).
The log is this till's own, so the till of every line is this one: audit lines are not synced
(docs/DECISIONS.md, issue 9), and the back-office tab says whose log it shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from app.db.models import AuditLog, Customer, Staff, Terminal
from app.services.till import Till

PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    staff_id: str | None = None
    action: str | None = None  # an exact action ("staff.role") or a family ("staff.")
    since: datetime | None = None  # aware UTC, inclusive
    until: datetime | None = None  # aware UTC, exclusive


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    staff_id: str | None
    staff_name: str  # "" for the system itself (first start, a pulled program)
    till_name: str
    action: str
    subject: str  # an id, or a draft/version number, as stored
    subject_name: str  # the member's or staff member's name when the subject is one ("" otherwise)
    before: dict[str, Any]
    after: dict[str, Any]

    def change_text(
        self, key_text: Callable[[str], str] = str, value_text: Callable[[str, Any], str] | None = None
    ) -> str:
        """ "role: cashier → manager; active: True → False" — what changed, key by key.

        The UI passes ``key_text``/``value_text`` to say the keys and the known values (a role, yes/no)
        in the manager's language; the export keeps them as stored.
        """
        show = value_text or (lambda _k, v: _short(v))
        keys = sorted(set(self.before) | set(self.after))
        parts = []
        for k in keys:
            b, a = self.before.get(k), self.after.get(k)
            if b == a:
                continue
            if k not in self.before:
                parts.append(f"{key_text(k)}: {show(k, a)}")
            elif k not in self.after:
                parts.append(f"{key_text(k)}: {show(k, b)} → —")
            else:
                parts.append(f"{key_text(k)}: {show(k, b)} → {show(k, a)}")
        return "; ".join(parts)


def short_value(value: Any, limit: int = 60) -> str:
    """A stored value, cut to fit a table cell."""
    return _short(value, limit)


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"text": text}
    return value if isinstance(value, dict) else {"value": value}


def lines(
    till: Till, flt: AuditFilter = AuditFilter(), *, limit: int = PAGE, before_id: int | None = None
) -> list[AuditLine]:
    """The newest ``limit`` lines matching ``flt`` (older than ``before_id`` for the next page)."""
    with till.transaction() as s:
        names = dict(s.execute(select(Staff.id, Staff.name)).all())
        me = s.get(Terminal, till.terminal_id)
        till_name = me.name if me else ""
        q = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
        if flt.staff_id:
            q = q.where(AuditLog.staff_id == flt.staff_id)
        if flt.action:
            q = q.where(
                AuditLog.action.startswith(flt.action) if flt.action.endswith(".") else AuditLog.action == flt.action
            )
        if flt.since:
            q = q.where(AuditLog.at >= flt.since)
        if flt.until:
            q = q.where(AuditLog.at < flt.until)
        if before_id is not None:
            q = q.where(AuditLog.id < before_id)
        rows = list(s.scalars(q))
        subjects = list({r.subject for r in rows if r.subject} - set(names))
        members = dict(s.execute(select(Customer.id, Customer.name).where(Customer.id.in_(subjects))).all())
        return [
            AuditLine(
                id=r.id,
                at=r.at,
                staff_id=r.staff_id,
                staff_name=names.get(r.staff_id, "") if r.staff_id else "",
                till_name=till_name,
                action=r.action,
                subject=r.subject,
                subject_name=names.get(r.subject) or members.get(r.subject, ""),
                before=_load(r.before),
                after=_load(r.after),
            )
            for r in rows
        ]


def all_lines(till: Till, flt: AuditFilter = AuditFilter()) -> Iterator[AuditLine]:
    """Every matching line, newest first, a page at a time (for an export)."""
    last: int | None = None
    while True:
        page = lines(till, flt, before_id=last)
        yield from page
        if len(page) < PAGE:
            return
        last = page[-1].id


def till_name(till: Till) -> str:
    """The till whose log this is (every line here was written at it)."""
    with till.transaction() as s:
        me = s.get(Terminal, till.terminal_id)
        return me.name if me else till.terminal_id


def actions(till: Till) -> list[str]:
    """The actions the log holds, for the filter."""
    with till.transaction() as s:
        return sorted(s.scalars(select(AuditLog.action).distinct()))


EXPORT_COLUMNS = ("time_utc", "staff", "till", "action", "subject", "subject_name", "change", "before", "after")


def export_rows(till: Till, flt: AuditFilter = AuditFilter()) -> tuple[tuple[str, ...], Iterator[list[Any]]]:
    def rows() -> Iterator[list[Any]]:
        for line in all_lines(till, flt):
            yield [
                line.at.isoformat(),
                line.staff_name,
                line.till_name,
                line.action,
                line.subject,
                line.subject_name,
                line.change_text(),
                json.dumps(line.before, ensure_ascii=False, sort_keys=True),
                json.dumps(line.after, ensure_ascii=False, sort_keys=True),
            ]

    return EXPORT_COLUMNS, rows()
