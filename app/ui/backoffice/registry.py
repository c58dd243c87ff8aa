"""The back-office tabs in display order; each engineer adds their tab with a one-line edit.

Order: Dashboard, Customers, Segments, Tickets, Program, Rewards, Staff, Audit, Health.
"""

from __future__ import annotations

from app.ui.backoffice.audit_tab import AuditTab
from app.ui.backoffice.customers_tab import CustomersTab
from app.ui.backoffice.dashboard import DashboardTab
from app.ui.backoffice.health_tab import HealthTab
from app.ui.backoffice.program_tab import ProgramTab
from app.ui.backoffice.segments_tab import SegmentsTab
from app.ui.backoffice.staff_tab import StaffTab
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.backoffice.tickets_tab import TicketsTab

TABS: list[type[BackOfficeTab]] = [
    DashboardTab,
    CustomersTab,
    SegmentsTab,
    TicketsTab,
    ProgramTab,
    StaffTab,
    AuditTab,
    HealthTab,
]
