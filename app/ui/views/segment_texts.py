"""Segment names and the one suggested action per segment: the back office and the cashier's card share them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.segments import Segment


def _t(text: str) -> str:
    return QCoreApplication.translate("Segments", text)


def segment_name(segment: Segment) -> str:
    return {
        Segment.NEW: _t("new"),
        Segment.REGULAR: _t("regular"),
        Segment.VIP: _t("VIP"),
        Segment.AT_RISK: _t("at risk"),
        Segment.LAPSED: _t("lapsed"),
        Segment.BIG_FIRST: _t("big first purchase"),
        Segment.BIRTHDAY: _t("birthday this month"),
    }[segment]


def segment_rule(segment: Segment, lapsed_days: int = 90) -> str:
    """How the segment is decided, for tooltips and the Segments tab."""
    return {
        Segment.NEW: _t("First visit in the last 30 days."),
        Segment.REGULAR: _t("Not new, and 2 visits or more in the last 90 days."),
        Segment.VIP: _t("Top 20 % of the members by spend over the last 12 months."),
        Segment.AT_RISK: _t("No visit for more than twice their usual interval between visits (not lapsed yet)."),
        Segment.LAPSED: _t("No visit (or, never visited, no enrolment) in the last {0} days.").format(lapsed_days),
        Segment.BIG_FIRST: _t("First bill in the top tenth of all members' first bills."),
        Segment.BIRTHDAY: _t("Birthday in this month."),
    }[segment]


def suggestion(segment: Segment) -> str:
    """The one action the cashier is offered for the member's main segment."""
    return {
        Segment.NEW: _t("new — welcome them and explain how the card fills up"),
        Segment.REGULAR: _t("regular — thank them by name"),
        Segment.VIP: _t("VIP — thank them and mention the VIP reward"),
        Segment.AT_RISK: _t("at risk — offer the win-back reward"),
        Segment.LAPSED: _t("lapsed — welcome them back and offer the win-back reward"),
        Segment.BIG_FIRST: _t("big first purchase — invite them back with a second-visit offer"),
        Segment.BIRTHDAY: _t("birthday this month — wish them a happy birthday and offer the birthday reward"),
    }[segment]
