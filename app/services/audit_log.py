"""Reading the audit log: who did what, when, at which till, with what before and after.

The log is written by ``staff.audit`` in the same transaction as each privileged
action; here it is only read, filtered and exported (newest first, a page at a time).
Lines sync (issue 9 item 4, docs/DECISIONS.md): each till pushes its own once and pulls the
other tills' of its store, so the log here is the store's — every line names the till it was
written at (``terminal_id``; NULL for this till's own), and the tab can show one till.

Newest first means by time, not by row id: a line pulled today may have been written yesterday
at another till, so pages go by (time, id).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from app.db.models import AuditLog, Customer, Setting, Staff, Terminal
from app.services.till import Till

PAGE = 500
_SERVER_URL = "sync.server_url"  # sync.worker.pairing.SERVER_URL: set once the till is paired


@dataclass(frozen=True)
class AuditFilter:
    staff_id: str | None = None
    terminal_id: str | None = None  # one till's lines only (this till's own id for its own)
    action: str | None = None  # an exact action ("staff.role") or a family ("staff.")
    since: datetime | None = None  # aware UTC, inclusive
    until: datetime | None = None  # aware UTC, exclusive


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    staff_id: str | None
    staff_name: str  # "" for the system itself (first start, a pulled program)
    terminal_id: str  # the till it was written at
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


def _till_names(s: Any, till: Till) -> dict[str, str]:
    """Every till this one knows, by id: its name, or its id when it has none."""
    names = {tid: name or tid for tid, name in s.execute(select(Terminal.id, Terminal.name)).all()}
    names.setdefault(till.terminal_id, till.terminal_id)
    return names


def lines(
    till: Till,
    flt: AuditFilter = AuditFilter(),
    *,
    limit: int = PAGE,
    before: tuple[datetime, int] | None = None,
) -> list[AuditLine]:
    """The newest ``limit`` lines matching ``flt`` (older than ``before``, the last line's (at, id), for the
    next page)."""
    with till.transaction() as s:
        names = dict(s.execute(select(Staff.id, Staff.name)).all())
        tills = _till_names(s, till)
        q = select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
        if flt.staff_id:
            q = q.where(AuditLog.staff_id == flt.staff_id)
        if flt.terminal_id:
            q = q.where(
                AuditLog.terminal_id.is_(None)
                if flt.terminal_id == till.terminal_id
                else AuditLog.terminal_id == flt.terminal_id
            )
        if flt.action:
            q = q.where(
                AuditLog.action.startswith(flt.action) if flt.action.endswith(".") else AuditLog.action == flt.action
            )
        if flt.since:
            q = q.where(AuditLog.at >= flt.since)
        if flt.until:
            q = q.where(AuditLog.at < flt.until)
        if before is not None:
            at, line_id = before
            q = q.where(or_(AuditLog.at < at, and_(AuditLog.at == at, AuditLog.id < line_id)))
        rows = list(s.scalars(q))
        subjects = list({r.subject for r in rows if r.subject} - set(names))
        members = dict(s.execute(select(Customer.id, Customer.name).where(Customer.id.in_(subjects))).all())
        out = []
        for r in rows:
            terminal = r.terminal_id or till.terminal_id
            out.append(
                AuditLine(
                    id=r.id,
                    at=r.at,
                    staff_id=r.staff_id,
                    staff_name=names.get(r.staff_id, "") if r.staff_id else "",
                    terminal_id=terminal,
                    till_name=tills.get(terminal, terminal),
                    action=r.action,
                    subject=r.subject,
                    subject_name=names.get(r.subject) or members.get(r.subject, ""),
                    before=_load(r.before),
                    after=_load(r.after),
                )
            )
        return out


def all_lines(till: Till, flt: AuditFilter = AuditFilter()) -> Iterator[AuditLine]:
    """Every matching line, newest first, a page at a time (for an export)."""
    last: tuple[datetime, int] | None = None
    while True:
        page = lines(till, flt, before=last)
        yield from page
        if len(page) < PAGE:
            return
        last = (page[-1].at, page[-1].id)


def tills(till: Till) -> list[tuple[str, str]]:
    """The tills whose lines the log holds, (id, name), this one first, for the filter."""
    with till.transaction() as s:
        names = _till_names(s, till)
        others = {t for t in s.scalars(select(AuditLog.terminal_id).distinct()) if t and t != till.terminal_id}
    rest = sorted(((t, names.get(t, t)) for t in others), key=lambda x: x[1].casefold())
    return [(till.terminal_id, names[till.terminal_id]), *rest]


@dataclass(frozen=True)
class Scope:
    """Whose lines the log holds, for the tab to say: this till and the store's others (as last synced)."""

    till_name: str
    store_name: str
    paired: bool  # False: a till alone (never paired) holds only its own lines


def scope(till: Till) -> Scope:
    with till.transaction() as s:
        me = s.get(Terminal, till.terminal_id)
        paired = bool(s.scalar(select(Setting.value).where(Setting.key == _SERVER_URL)))
        return Scope(me.name if me and me.name else till.terminal_id, till.store_name(s), paired)


def till_name(till: Till) -> str:
    """This till's name (its id when it has none)."""
    return scope(till).till_name


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
