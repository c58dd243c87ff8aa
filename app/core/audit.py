"""What an audit line may hold: never a secret.

Audit lines travel: a till pushes them to the server, and the store's other tills pull them
(issue 9: "who did what, when, at which till"). A PIN, a token or a card key must never be in
one (DESIGN: secrets and PINs are never logged or stored in clear). The till hides any value
under a secret-named key when it writes the line; the server refuses a line that still carries one.
"""

from __future__ import annotations

from typing import Any

SECRET_KEYS = frozenset(
    {"pin", "pin_hash", "new_pin", "old_pin", "token", "card_key", "pin_key", "secret", "password", "nonce"}
)
HIDDEN = "(hidden)"


def without_secrets(values: dict[str, Any] | None) -> dict[str, Any]:
    """``values`` with the value of every secret-named key, at any depth, replaced by ``HIDDEN``."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: HIDDEN if str(k).lower() in SECRET_KEYS else clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    return clean(values or {})  # type: ignore[no-any-return]


def secrets_in(value: Any) -> list[str]:
    """The secret-named keys, at any depth, holding anything but ``HIDDEN`` (or nothing)."""
    found: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            for k, x in v.items():
                if str(k).lower() in SECRET_KEYS and x not in (HIDDEN, None, ""):
                    found.add(str(k))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    walk(value)
    return sorted(found)
