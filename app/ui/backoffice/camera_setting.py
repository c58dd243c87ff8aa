"""Which webcam at the customer display scans cards: none (the default) or one plugged into this till.

A till setting, not a shop one: each till has its own camera (or none). The choice is
saved as soon as it is made (nothing risky, no PIN beyond the back office's own). The
cashier window of the same program (the back office opened with F9) switches to it at
once; otherwise the till uses it from its next start
(``app.ui.camera.start_customer_camera``). The list follows cameras as they are
plugged in and out (``QMediaDevices.videoInputsChanged``); a chosen camera that is not
plugged in stays in the list, marked so, instead of silently becoming "none".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.services.settings import get_setting, set_setting
from app.ui import camera, theme
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.guard import while_alive

NONE = camera.CameraChoice("", "")


class CameraPicker(QWidget):
    saved = Signal(object)  # the CameraChoice now stored (NONE: no camera)

    def __init__(self, ctx: BackOfficeContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = NONE
        self.combo = QComboBox()
        self.combo.setObjectName("CameraPicker")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("Hint")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.combo)
        box.addWidget(self.note)
        self._saved_text = ""
        qtm = camera.multimedia()
        if qtm is not None:
            self._devices = qtm.QMediaDevices(self)
            self._devices.videoInputsChanged.connect(self.refresh)
        self.combo.activated.connect(self._chosen)
        self.refresh()
        self.load()

    def load(self) -> None:
        till = self.ctx.till

        def read() -> camera.CameraChoice:
            return camera.CameraChoice(
                get_setting(till, camera.SETTING_DEVICE, ""), get_setting(till, camera.SETTING_NAME, "")
            )

        self.ctx.ops.run(read, on_done=while_alive(self, self._loaded))

    def _loaded(self, current: camera.CameraChoice) -> None:
        self.current = current
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the cameras plugged in now, the stored choice selected."""
        plugged = camera.system_cameras()
        self.combo.clear()
        self.combo.addItem(self.tr("No camera"), NONE)
        for choice in plugged or []:
            self.combo.addItem(choice.name, choice)
        if self.current.id and all(c.id != self.current.id for c in plugged or []):
            self.combo.addItem(
                self.tr("{0} (not plugged in)").format(self.current.name or self.tr("the chosen camera")),
                self.current,
            )
        self.refresh_selection()
        self.combo.setEnabled(plugged is not None)
        if plugged is None:
            self._say(self.tr("Camera support is not installed on this till (the camera extra, PySide6-Addons)."))
        elif self._saved_text:
            self._say(self._saved_text)
        elif not plugged:
            self._say(self.tr("No camera is plugged into this till."))
        else:
            self._say(
                self.tr("The webcam at the customer display: customers hold up their card or phone to it to be found.")
            )

    def _chosen(self, index: int) -> None:
        choice: camera.CameraChoice = self.combo.itemData(index)
        if choice == self.current:
            return
        till = self.ctx.till

        def save() -> camera.CameraChoice:
            set_setting(till, camera.SETTING_DEVICE, choice.id)
            set_setting(till, camera.SETTING_NAME, choice.name)
            return choice

        self.ctx.ops.run(save, on_done=while_alive(self, self._saved), on_error=while_alive(self, self._failed))

    def _saved(self, choice: camera.CameraChoice) -> None:
        self.current = choice
        if camera.apply_choice(self.ctx.till, choice):  # the cashier window of this program switches now
            self._saved_text = (
                self.tr("Saved. The cashier window uses this camera now.")
                if choice.id
                else self.tr("Saved: no camera. The cashier window has stopped it.")
            )
        else:
            self._saved_text = (
                self.tr("Saved. The camera starts the next time the till program starts.")
                if choice.id
                else self.tr("Saved: no camera. This takes effect the next time the till program starts.")
            )
        self.refresh()
        self.saved.emit(choice)

    def _failed(self, exc: Exception) -> None:
        self._saved_text = ""
        self._say(self.tr("The camera choice could not be saved. Try again."), error=True)
        self.refresh_selection()

    def refresh_selection(self) -> None:
        """Show the stored choice (after a failed save, the list must not claim the new one)."""
        for i in range(self.combo.count()):
            if self.combo.itemData(i).id == self.current.id:
                self.combo.setCurrentIndex(i)

    def _say(self, text: str, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setObjectName("Warning" if error else "Hint")
        theme.repolish(self.note)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._saved_text = ""
            self.refresh()
        super().changeEvent(event)
