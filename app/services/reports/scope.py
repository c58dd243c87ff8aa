"""What this node's database holds: which stores, and whether that is the whole chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.models import Store
from app.services.till import Till


@dataclass(frozen=True)
class NodeScope:
    own_store_id: str
    own_store_name: str
    stores: tuple[tuple[str, str], ...]  # (id, name) of every store whose data this node holds
    # Today every till holds the whole chain after sync; a working-set setting (scale issue)
    # will make a till hold only its store, and then this is False.
    whole_chain: bool


def node_scope(till: Till) -> NodeScope:
    with till.transaction() as s:
        stores = tuple((row.id, row.name) for row in s.scalars(select(Store).order_by(Store.name)))
        own = s.get(Store, till.store_id)
    return NodeScope(
        own_store_id=till.store_id,
        own_store_name=own.name if own else "",
        stores=stores,
        whole_chain=True,
    )
