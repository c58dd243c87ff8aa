"""A back-office tab closed while its figures are still being read: the answer arrives and is dropped.

Seen when a test opened the back office with F9 and the next test's event loop received the Segments
tab's page for a table Qt had deleted ("Internal C++ object already deleted"). A manager closing the
window during a slow report meets the same. Each tab that reads in the background is checked here.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from ui_helpers import MANAGER_PIN

from app.services import staff
from app.services.till import Till
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.dashboard import DashboardTab
from app.ui.backoffice.health_tab import HealthTab
from app.ui.backoffice.segments_tab import SegmentsTab
from app.ui.backoffice.tickets_tab import TicketsTab
from app.ui.tasks import BackgroundOps


@pytest.mark.parametrize("tab_class", [SegmentsTab, DashboardTab, HealthTab, TicketsTab], ids=lambda c: c.__name__)
def test_a_tab_deleted_before_its_answer_arrives_drops_it(qapp: QApplication, till: Till, tab_class: type) -> None:
    ops = BackgroundOps()
    tab = tab_class(BackOfficeContext(till=till, staff=staff.login(till, MANAGER_PIN), ops=ops, language="en"))
    tab.show()
    tab.activated()  # starts its background reads
    shiboken6.delete(tab)  # the window closed meanwhile
    assert ops.wait_idle()
    for _ in range(5):  # the answers arrive as queued events: an exception here fails the test (qt_default_raising)
        qapp.processEvents()
    assert not ops.busy
