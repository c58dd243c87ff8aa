"""Helpers of the fleet tests (issue 12): tills made of plain HTTP, whose batches are the same bytes on
every server they are sent to, so two setups can be compared row for row."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from app.core.ledger import GENESIS_HASH, EntryKind, LedgerEntry
from sync.protocol import API, CustomerRecord, EntryRecord, PairRequest, PushRequest

START = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@dataclass
class ScriptedTill:
    """A till's history, decided by a seed: members it enrols, sales, redemptions, receipts (some twice)."""

    terminal_id: str
    store_id: str
    members: list[str]
    seed: int
    batches: list[bytes] = field(default_factory=list)
    entry_ids: list[str] = field(default_factory=list)

    def script(self, n_batches: int, per_batch: int, own_members: list[str]) -> ScriptedTill:
        rng = random.Random(self.seed)
        seq, prev = 0, GENESIS_HASH
        for b in range(n_batches):
            customers = []
            if b == 0:  # its own members travel first, as a real till's do
                customers = [
                    CustomerRecord(id=m, card_number=f"9{m[1:]:0>9}", name=f"Khách {m}",
                                   referral_code=f"R{m[1:]}", enrolled_at=START, enrolled_store=self.store_id,
                                   updated_at=START)
                    for m in own_members
                ]  # fmt: skip
            entries = []
            for _ in range(per_batch):
                seq += 1
                member = rng.choice(self.members)
                at = START + timedelta(minutes=seq, seconds=self.seed)
                if rng.random() < 0.15:
                    e = LedgerEntry(id=f"{self.terminal_id}-{seq}", terminal_id=self.terminal_id,
                                    store_id=self.store_id, terminal_seq=seq, customer_id=member,
                                    kind=EntryKind.REDEEM, created_at=at, points=-rng.randint(1, 30),
                                    reward_id="coffee", program_version=1)  # fmt: skip
                else:
                    # Receipt numbers from a small range: some receipts earn twice (a flag, not a refusal).
                    e = LedgerEntry(id=f"{self.terminal_id}-{seq}", terminal_id=self.terminal_id,
                                    store_id=self.store_id, terminal_seq=seq, customer_id=member,
                                    kind=EntryKind.EARN, created_at=at, points=rng.randint(1, 20), stamps=1,
                                    qualifying=5, amount=rng.randint(1, 50) * 10_000, program_version=1,
                                    receipt_source="pos", receipt_id=f"HD{rng.randint(1, 4000)}")  # fmt: skip
                e = e.sealed(prev)
                prev = e.hash
                entries.append(EntryRecord.of(e))
                self.entry_ids.append(e.id)
            self.batches.append(PushRequest(customers=customers, entries=entries).model_dump_json().encode())
        return self


def pair(url: str, code: str, terminal_id: str, store_id: str) -> str:
    request = PairRequest(code=code, terminal_id=terminal_id, store_id=store_id, ledger_empty=True,
                          card_key_fingerprint="0" * 32)  # fmt: skip
    answer = httpx.post(f"{url}{API}/pair", content=request.model_dump_json(), timeout=30,
                        headers={"Content-Type": "application/json"})  # fmt: skip
    answer.raise_for_status()
    return str(answer.json()["token"])


def push(url: str, token: str, body: bytes) -> httpx.Response:
    return httpx.post(f"{url}{API}/push", content=body, timeout=60,
                      headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})  # fmt: skip
