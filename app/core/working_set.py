"""Opening balances: a till's balance of a member whose ledger it holds only in part (issue 12).

A till holding its working set, not the chain, gets a member who *enters* its set with her recent
history, not her whole life. Her older entries are summed by the server into one **opening** row
per member per till, kept apart from the append-only ledger: the till's balance of her is the
opening combined with the fold of the entries it does hold, and ``balances.rebuild`` (the
cache-equals-rebuild check, ``loyalty verify``) computes it that way.

The opening is what the till does not hold: the server's fold of all her counted entries
(``full``) minus the fold of those the till holds (``held``). Sums subtract; the latest visit and
the latest tier are the full fold's (``combine`` keeps the later of the two), so
``combine(opening_of(full, held), held) == full`` exactly, and every entry folded afterwards moves
the combination as it moves the server's balance. (One thing a partial ledger cannot know: a
*reversal* of an entry older than the history window un-counts its visit and spend only where the
original is held. Points and stamps, which a cashier spends, are the entries' own and always right.)
"""

from __future__ import annotations

from app.core.ledger import Balance

_SUMS = ("points", "stamps", "lifetime_points", "lifetime_spend", "visits", "redeemed_points", "entry_count")


def opening_of(full: Balance, held: Balance) -> Balance:
    """The part of ``full`` that the entries folded into ``held`` do not explain."""
    sums = {name: getattr(full, name) - getattr(held, name) for name in _SUMS}
    return Balance(**sums, last_visit_at=full.last_visit_at, tier=full.tier, tier_since=full.tier_since)


def combine(opening: Balance | None, held: Balance) -> Balance:
    """A member's balance from her opening row and the fold of the entries this till holds."""
    if opening is None:
        return held
    sums = {name: getattr(opening, name) + getattr(held, name) for name in _SUMS}
    visits = [t for t in (opening.last_visit_at, held.last_visit_at) if t is not None]
    if held.tier_since is not None and (opening.tier_since is None or held.tier_since >= opening.tier_since):
        tier, since = held.tier, held.tier_since
    else:
        tier, since = opening.tier, opening.tier_since
    return Balance(**sums, last_visit_at=max(visits) if visits else None, tier=tier, tier_since=since)
