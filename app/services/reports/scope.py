"""What this node's database holds: which stores, and whether that is the whole chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.models import Setting, Store
from app.services.till import Till

HELD = "sync.scope"  # written by each pull (``sync.worker.ingest.SCOPE``)


@dataclass(frozen=True)
class NodeScope:
    own_store_id: str
    own_store_name: str
    stores: tuple[tuple[str, str], ...]  # (id, name) of every store whose data this node holds
    # What the chain's server says this node holds (issue 12, ``sync.server.working_set``): the whole
    # chain (an unpaired till, the embedded server, a head office), or only its store's or region's
    # working set — then the back office says so above every figure.
    whole_chain: bool
    held: str = "chain"  # "chain", "region" or "store"


def node_scope(till: Till) -> NodeScope:
    with till.transaction() as s:
        stores = tuple((row.id, row.name) for row in s.scalars(select(Store).order_by(Store.name)))
        own = s.get(Store, till.store_id)
        held = s.scalar(select(Setting.value).where(Setting.key == HELD)) or "chain"
    return NodeScope(
        own_store_id=till.store_id,
        own_store_name=own.name if own else "",
        stores=stores,
        whole_chain=held == "chain",
        held=held,
    )
