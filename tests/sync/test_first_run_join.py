"""A second till joins the chain at first run: through the wizard, and through `loyalty join` / `init --server`.

Against a real server process: the joining till takes the store, the program and the
staff from the server, so the owner's PIN (set at the first till) opens it at once.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from synctools import ServerProcess

from app.bootstrap import open_till
from app.services import setup, staff
from app.services.setup import ShopSetup
from app.ui.i18n import Translations
from app.ui.setup_wizard import JOIN, SetupWizard
from sync.worker.join import connect

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "580246"


def _first_till(own_server: ServerProcess, tmp_path: Path, store: str) -> None:
    server = own_server
    a, _owner = setup.setup_shop(
        tmp_path / "a",
        ShopSetup(store_name="Bánh Mì Cô Ba", owner_name="Cô Ba", owner_pin=OWNER_PIN, template="stamp_card"),
    )
    connect(a, tmp_path / "a", server.url, server.pairing_code(store), terminal_name="Quầy 1")
    a.engine.dispose()


def test_the_wizard_joins_a_chain_and_takes_its_store_program_and_staff(
    qtbot, qapp, own_server: ServerProcess, tmp_path: Path
) -> None:
    server = own_server
    store = server.new_store("Bánh Mì Cô Ba")
    _first_till(server, tmp_path, store)
    home = tmp_path / "b"
    translations = Translations(qapp)
    translations.use("en")
    try:
        wizard = SetupWizard(home, translations)
        qtbot.addWidget(wizard)
        wizard.show()
        radio = wizard.welcome.join
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == JOIN
        qtbot.keyClicks(wizard.join.url, server.url)
        qtbot.keyClicks(wizard.join.code, server.pairing_code(store))
        wizard.join.till_name.setText("Quầy 2")  # keyClicks types ASCII only
        with qtbot.waitSignal(wizard.finished_setup, timeout=30_000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        assert wizard.outcome == "join"
    finally:
        translations.uninstall()
    assert setup.is_set_up(home)
    b = open_till(home)
    try:
        assert staff.login(b, OWNER_PIN).name == "Cô Ba"
        assert setup.store_settings(b).name == "Bánh Mì Cô Ba"
        assert b.program().card_size == 10 and b.program().starter_stamps == 2
    finally:
        b.engine.dispose()


def test_loyalty_init_with_a_server_and_loyalty_join(own_server: ServerProcess, tmp_path: Path) -> None:
    server = own_server
    store = server.new_store("Phở Gánh")
    env = {k: v for k, v in os.environ.items() if k not in ("LOYALTY_PIN", "LOYALTY_HOME")}

    def loyalty(home: Path, *args: str, code: str, pin: str = "") -> subprocess.CompletedProcess[str]:
        extra = {"LOYALTY_PAIRING_CODE": code, **({"LOYALTY_PIN": pin} if pin else {})}
        return subprocess.run(
            [sys.executable, "-m", "app.cli", "--home", str(home), *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**env, **extra},
            timeout=120,
            check=False,
        )

    first = loyalty(
        tmp_path / "a",
        "init",
        "--store",
        "Phở Gánh",
        "--owner",
        "Anh Tư",
        "--server",
        server.url,
        code=server.pairing_code(store),
        pin=OWNER_PIN,
    )
    assert first.returncode == 0, first.stderr
    assert "Paired with" in first.stdout and "“Phở Gánh”" in first.stdout
    bad = loyalty(tmp_path / "b", "join", "--server", server.url, code="ZZZZZ-ZZZZZ")
    assert bad.returncode == 2 and "Pairing with" in bad.stderr and "failed" in bad.stderr
    joined = loyalty(
        tmp_path / "b", "join", "--server", server.url, "--name", "Quầy 2", code=server.pairing_code(store)
    )
    assert joined.returncode == 0, joined.stderr
    b = open_till(tmp_path / "b")
    try:
        assert staff.login(b, OWNER_PIN).name == "Anh Tư"
    finally:
        b.engine.dispose()


def test_the_wizard_sets_up_a_real_shop_and_pairs_it_with_the_server_in_one_go(
    qtbot, qapp, own_server: ServerProcess, tmp_path: Path
) -> None:
    """The first till of a chain: the shop's answers, then the optional server page filled in. Her PIN is
    known to the server at once (she can publish), and a second till that joins can log her in."""
    from sync.worker.pairing import read_token
    from sync.worker.worker import SyncWorker

    server = own_server
    store = server.new_store("Trà Chanh Phố")
    home = tmp_path / "first"
    translations = Translations(qapp)
    translations.use("en")

    def next_page() -> None:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)

    try:
        wizard = SetupWizard(home, translations)
        qtbot.addWidget(wizard)
        wizard.show()
        radio = wizard.welcome.shop
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
        next_page()
        wizard.shop.name.setText("Trà Chanh Phố")
        next_page()
        wizard.owner.name.setText("Chị Hằng")
        qtbot.keyClicks(wizard.owner.pin, OWNER_PIN)
        qtbot.keyClicks(wizard.owner.pin_again, OWNER_PIN)
        next_page()
        next_page()  # the program page: the default template
        qtbot.keyClicks(wizard.server.url, server.url)
        qtbot.keyClicks(wizard.server.code, server.pairing_code(store))
        with qtbot.waitSignal(wizard.finished_setup, timeout=30_000):
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        assert wizard.outcome == "shop"
    finally:
        translations.uninstall()
    first = open_till(home)
    try:
        assert read_token(home)  # paired
        SyncWorker(first, server.url, read_token(home)).run_once()  # her staff record reaches the server
        assert setup.store_settings(first).name == "Trà Chanh Phố"
    finally:
        first.engine.dispose()
    second = tmp_path / "second"
    b = open_till(second)
    try:
        connect(b, second, server.url, server.pairing_code(store), terminal_name="Quầy 2")
        assert staff.login(b, OWNER_PIN).name == "Chị Hằng"
    finally:
        b.engine.dispose()
