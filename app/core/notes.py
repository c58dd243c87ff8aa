"""A sentence for the manager that can be shown in any language: an English template and its values.

The POS bridge explains what it did not apply (a refund whose sale was never seen, a void of a
sale that earned nothing). A ``Note`` is the English sentence (it *is* a ``str``, so logs and the
headless command print it as is) and also keeps its template and values, so the UI translates
the template at the edge instead of matching English sentences afterwards.
"""

from __future__ import annotations

from typing import Any


class Note(str):
    template: str
    values: tuple[str, ...]

    def __new__(cls, template: str, *values: object) -> Note:
        texts = tuple(str(v) for v in values)
        note = super().__new__(cls, template.format(*texts))
        note.template, note.values = template, texts
        return note

    def to_json(self) -> dict[str, Any]:
        return {"t": self.template, "v": list(self.values)}

    @classmethod
    def from_json(cls, data: object) -> Note:
        if isinstance(data, dict) and isinstance(data.get("t"), str):
            return cls(data["t"], *[str(v) for v in data.get("v", [])])
        return cls("{0}", str(data))
