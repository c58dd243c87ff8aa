"""The small family of errors a cashier or a manager can cause.

Each is raised with an English *template* and its *details*, in the order the
template's ``{0}``, ``{1}``… name them::

    raise InvalidInput("{0} is not a phone number.", phone=raw)

``message`` (and ``str(err)``) is the English sentence, for logs and the CLI; the UI
translates ``template`` and fills in the details written its own way (an amount in
the UI's grouping, a word in its language). No one parses the English sentence back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def fill(template: str, details: dict[str, Any]) -> str:
    """The template with its details: ``{0}`` takes the first detail, ``{name}`` the named one."""
    if not details:
        return template
    try:
        return template.format(*details.values(), **details)
    except (IndexError, KeyError, ValueError):  # a sentence written before templates, braces and all
        return template


class LoyaltyError(Exception):
    """Base of every user-causable error. ``str(err)`` is a readable English sentence."""

    code = "error"

    def __init__(self, template: str, **details: Any) -> None:
        message = fill(template, details)
        super().__init__(message)
        self.template = template
        self.message = message
        self.details = details


class Notice(str):
    """A sentence that is not an error (a flag on a sale), kept with its template and details.

    A ``str`` to everything that stores or prints it; the UI translates it like an error.
    """

    template: str
    details: dict[str, Any]

    def __new__(cls, template: str, **details: Any) -> Notice:
        notice = super().__new__(cls, fill(template, details))
        notice.template, notice.details = template, details
        return notice


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


class Sentences(tuple[str, ...]):
    """Several sentences (or ``Notice``s) as one detail: a draft's list of problems.

    The English message joins them with ``sep``; the UI translates each one and joins
    them the same way, so a list of problems is no longer one untranslatable paragraph.
    """

    sep: str

    def __new__(cls, items: Iterable[str], sep: str = " ") -> Sentences:
        sentences = super().__new__(cls, items)
        sentences.sep = sep
        return sentences

    def __str__(self) -> str:
        return self.sep.join(self)  # what "{0}" of a template writes (format() falls back to str())
