"""Segment names and the one suggested action per segment: the back office and the cashier's card share them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.segments import Segment


def segment_name(segment: Segment) -> str:
    return {
        Segment.NEW: QCoreApplication.translate("Segments", "new"),
        Segment.REGULAR: QCoreApplication.translate("Segments", "regular"),
        Segment.VIP: QCoreApplication.translate("Segments", "VIP"),
        Segment.AT_RISK: QCoreApplication.translate("Segments", "at risk"),
        Segment.LAPSED: QCoreApplication.translate("Segments", "lapsed"),
        Segment.BIG_FIRST: QCoreApplication.translate("Segments", "big first purchase"),
        Segment.BIRTHDAY: QCoreApplication.translate("Segments", "birthday this month"),
    }[segment]


def segment_rule(segment: Segment, lapsed_days: int = 90) -> str:
    """How the segment is decided, for tooltips and the Segments tab."""
    return {
        Segment.NEW: QCoreApplication.translate("Segments", "First visit in the last 30 days."),
        Segment.REGULAR: QCoreApplication.translate("Segments", "Not new, and 2 visits or more in the last 90 days."),
        Segment.VIP: QCoreApplication.translate(
            "Segments", "Top 20 % of the members by spend over the last 12 months."
        ),
        Segment.AT_RISK: QCoreApplication.translate(
            "Segments", "No visit for more than twice their usual interval between visits (not lapsed yet)."
        ),
        Segment.LAPSED: QCoreApplication.translate(
            "Segments", "No visit (or, never visited, no enrolment) in the last {0} days."
        ).format(lapsed_days),
        Segment.BIG_FIRST: QCoreApplication.translate(
            "Segments", "First bill in the top tenth of all members' first bills."
        ),
        Segment.BIRTHDAY: QCoreApplication.translate("Segments", "Birthday in this month."),
    }[segment]


def suggestion(segment: Segment) -> str:
    """The one action the cashier is offered for the member's main segment."""
    return {
        Segment.NEW: QCoreApplication.translate("Segments", "new — welcome them and explain how the card fills up"),
        Segment.REGULAR: QCoreApplication.translate("Segments", "regular — thank them by name"),
        Segment.VIP: QCoreApplication.translate("Segments", "VIP — thank them and mention the VIP reward"),
        Segment.AT_RISK: QCoreApplication.translate("Segments", "at risk — offer the win-back reward"),
        Segment.LAPSED: QCoreApplication.translate(
            "Segments", "lapsed — welcome them back and offer the win-back reward"
        ),
        Segment.BIG_FIRST: QCoreApplication.translate(
            "Segments", "big first purchase — invite them back with a second-visit offer"
        ),
        Segment.BIRTHDAY: QCoreApplication.translate(
            "Segments", "birthday this month — wish them a happy birthday and offer the birthday reward"
        ),
    }[segment]
