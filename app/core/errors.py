"""The small family of errors a cashier or a manager can cause.

Each carries a sentence a cashier can read; the UI translates it at the edge
(``code`` is the stable key the translation files use).
"""

from __future__ import annotations


class LoyaltyError(Exception):
    """Base of every user-causable error. ``str(err)`` is a readable sentence."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidInput(LoyaltyError):
    code = "invalid_input"


class NotFound(LoyaltyError):
    code = "not_found"


class Duplicate(LoyaltyError):
    code = "duplicate"


class InsufficientBalance(LoyaltyError):
    code = "insufficient_balance"


class NotAllowed(LoyaltyError):
    """The action is refused by a rule (blocked customer, tier restriction, limit)."""

    code = "not_allowed"


class PermissionDenied(LoyaltyError):
    """A manager PIN is needed, or the PIN given was wrong."""

    code = "permission_denied"


class BadCardCode(LoyaltyError):
    """A card number or QR payload that is mistyped, damaged or forged."""

    code = "bad_card_code"


class ChainBroken(LoyaltyError):
    """A terminal's ledger sequence has a gap or a hash link does not verify."""

    code = "chain_broken"
