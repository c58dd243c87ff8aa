"""The back-office window: the registered tabs, what the data covers, a busy light, exports.

Layout and wiring only; each tab loads its own data through ``ctx.ops`` (off the GUI
thread) when it is shown. Keyboard: Ctrl+PgUp/PgDn and Alt+1…9 switch tabs, F5
refreshes, Ctrl+E / Ctrl+Shift+E export the current table, Ctrl+P prints the dashboard.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import exports
from app.services.reports.scope import NodeScope, node_scope
from app.ui import theme
from app.ui.backoffice.context import BackOfficeContext
from app.ui.backoffice.tab import BackOfficeTab
from app.ui.i18n import LANGUAGES, Translations
from app.ui.shortcuts import window_action

# A desk window read at arm's length on a 1024×768 to 1920×1080 screen: smaller type than the till's.
STYLE = """
#BackOfficeWindow QWidget { font-size: 14px; }
#BackOfficeWindow QPushButton { min-height: 26px; padding: 4px 12px; font-size: 14px; border-radius: 6px;
                                border: 1px solid #c8b9a6; background: white; }
#BackOfficeWindow QPushButton:hover { border-color: #6f4e37; }
#BackOfficeWindow QLineEdit { min-height: 24px; font-size: 14px; padding: 3px 8px; border-radius: 6px; }
#BackOfficeWindow QTabBar::tab { padding: 6px 14px; font-size: 15px; }
#BackOfficeWindow QTabBar::tab:selected { font-weight: bold; color: #6f4e37; }
#ScopeLine { color: #4e3526; background: #efe7dc; border-radius: 6px; padding: 4px 10px; }
#DashCard { background: white; border: 1px solid #e4dcd2; border-radius: 8px; }
#BackOfficeWindow #DashCaption { color: #7a6e64; font-size: 13px; }
#BackOfficeWindow #DashValue { color: #6f4e37; font-size: 22px; font-weight: bold; }
#BackOfficeWindow #DashNote { color: #2b2118; font-size: 12px; }
#BackOfficeWindow #DashSection { font-size: 16px; font-weight: bold; margin-top: 6px; }
#DashError { color: #b71c1c; font-weight: bold; }
#BackOfficeWindow QTableView { font-size: 14px; }
"""


def model_rows(model: QAbstractItemModel) -> tuple[list[str], list[list[object]]]:
    """The model's column titles and the rows it has loaded, as displayed (on the GUI thread)."""
    cols = model.columnCount(QModelIndex())
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in range(cols)
    ]
    rows = []
    for r in range(model.rowCount(QModelIndex())):
        row = []
        for c in range(cols):
            value = model.data(model.index(r, c), Qt.ItemDataRole.EditRole)
            if value is None:
                value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            row.append(value)
        rows.append(row)
    return headers, rows


class BackOfficeWindow(QMainWindow):
    closing = Signal()
    exported = Signal(str)  # the path written (tests wait for it)
    mapping_opened = Signal(object)  # the PosMappingDialog, once the manager's PIN approved it

    def __init__(
        self,
        ctx: BackOfficeContext,
        tabs: Sequence[type[BackOfficeTab]] | None = None,
        *,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from app.ui.backoffice.registry import TABS  # the tabs import this module's neighbours

        self.setObjectName("BackOfficeWindow")
        self.setStyleSheet(STYLE)
        self.ctx = ctx
        self.translations = translations
        self.resize(1366, 768)
        self.setMinimumSize(1000, 640)
        self._scope: NodeScope | None = None
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(10, 6, 10, 4)
        box.setSpacing(4)
        self.scope_label = QLabel()
        self.scope_label.setObjectName("ScopeLine")
        self.scope_label.setWordWrap(True)
        box.addWidget(self.scope_label)
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        box.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)
        self.tabs: list[BackOfficeTab] = []
        for cls in tabs if tabs is not None else TABS:
            tab = cls(ctx)
            self.tabs.append(tab)
            self.tab_widget.addTab(tab, "")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # an indeterminate "working" bar
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.setMaximumHeight(14)
        self.busy_label = QLabel()
        self.message_label = QLabel()
        self.statusBar().addWidget(self.message_label, 1)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.set_busy(ctx.ops.busy)
        ctx.ops.busy_changed.connect(self.set_busy)
        self._build_actions()
        self._build_menus()
        self.tab_widget.currentChanged.connect(self._tab_changed)
        if translations is not None:
            translations.changed.connect(self._language_changed)
        self.retranslate()
        self.refresh_scope()
        if self.tabs:
            self.tabs[0].activated()

    # -- construction ----------------------------------------------------------------------------
    def _action(self, shortcut: QKeySequence | str | None = None) -> QAction:
        return window_action(self, shortcut)

    def _build_actions(self) -> None:
        self.export_csv_action = self._action("Ctrl+E")
        self.export_xlsx_action = self._action("Ctrl+Shift+E")
        self.print_pdf_action = self._action("Ctrl+P")
        self.close_action = self._action("Ctrl+W")
        self.refresh_action = self._action("F5")
        self.next_tab_action = self._action("Ctrl+PgDown")
        self.prev_tab_action = self._action("Ctrl+PgUp")
        self.map_pos_action = self._action()
        self.map_pos_action.triggered.connect(lambda: self.map_pos_export())
        self.mapping_dialog: QWidget | None = None
        self.export_csv_action.triggered.connect(lambda: self.ask_export("csv"))
        self.export_xlsx_action.triggered.connect(lambda: self.ask_export("xlsx"))
        self.print_pdf_action.triggered.connect(self.ask_print_dashboard)
        self.close_action.triggered.connect(self.close)
        self.refresh_action.triggered.connect(self.refresh)
        self.next_tab_action.triggered.connect(lambda: self._step_tab(1))
        self.prev_tab_action.triggered.connect(lambda: self._step_tab(-1))
        self.goto_actions: list[QAction] = []
        for i in range(min(9, len(self.tabs))):
            a = self._action(f"Alt+{i + 1}")
            a.triggered.connect(lambda _=False, i=i: self.tab_widget.setCurrentIndex(i))
            self.goto_actions.append(a)
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            a = QAction(name, self)
            a.setCheckable(True)
            a.setData(code)
            a.setChecked(code == self.ctx.language)
            a.triggered.connect(lambda _=False, code=code: self.set_language(code))
            group.addAction(a)
            self.language_actions[code] = a

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for a in (self.export_csv_action, self.export_xlsx_action, self.print_pdf_action):
            self.file_menu.addAction(a)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.map_pos_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addAction(self.next_tab_action)
        self.view_menu.addAction(self.prev_tab_action)
        self.language_menu = self.view_menu.addMenu("")
        for a in self.language_actions.values():
            self.language_menu.addAction(a)
        self.language_menu.setEnabled(self.translations is not None)

    # -- texts -----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Loyalty — back office — {0}").format(self.ctx.staff.name))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("Language"))
        self.export_csv_action.setText(self.tr("Export table to CSV…"))
        self.export_xlsx_action.setText(self.tr("Export table to Excel (.xlsx)…"))
        self.print_pdf_action.setText(self.tr("Print dashboard to PDF…"))
        self.close_action.setText(self.tr("Close the back office"))
        self.map_pos_action.setText(self.tr("Map a POS export…"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.next_tab_action.setText(self.tr("Next tab"))
        self.prev_tab_action.setText(self.tr("Previous tab"))
        self.busy_label.setText(self.tr("Working…"))
        for i, tab in enumerate(self.tabs):
            key = f"Alt+{i + 1}" if i < 9 else ""
            self.tab_widget.setTabText(i, tab.title())
            self.tab_widget.setTabToolTip(i, key)
        self._show_scope()
        self._update_actions()

    # -- a POS export's columns ------------------------------------------------------------------
    def map_pos_export(self, path: Path | None = None) -> None:
        """The manager maps an unknown POS export's columns to a profile (issue 10: "back office, or
        ``loyalty-pos-bridge map FILE``"). The PIN is typed again, as for every change made here. The
        profile goes to the till's home; the bridge reads with it from its next poll."""
        from app.services.pos_bridge import home_of
        from app.ui.pos_mapping import PosMappingDialog  # openpyxl and the readers only when mapping

        home = home_of(self.ctx.till)
        if home is None or self.ctx.ask_manager(self, self.tr("Map a POS export's columns")) is None:
            return
        program = self.ctx.till.program()
        dialog = PosMappingDialog(
            home, path, self, tz=program.timezone, currency=program.currency, locale=self.ctx.language
        )
        dialog.saved.connect(
            lambda target: self.show_message(
                self.tr("POS profile saved: {0}. Exports of that shape are read with it from now on.").format(
                    Path(target).name
                )
            )
        )
        dialog.finished.connect(lambda _: setattr(self, "mapping_dialog", None))
        self.mapping_dialog = dialog
        dialog.open()
        self.mapping_opened.emit(dialog)

    # -- scope -----------------------------------------------------------------------------------
    def refresh_scope(self) -> None:
        self.ctx.ops.run(lambda: node_scope(self.ctx.till), on_done=self._scope_loaded)

    def _scope_loaded(self, scope: NodeScope) -> None:
        self._scope = scope
        self._show_scope()

    def _show_scope(self) -> None:
        s = self._scope
        if s is None:
            self.scope_label.setText("")
            return
        if s.whole_chain:
            stores = self.tr("1 store") if len(s.stores) == 1 else self.tr("{0} stores").format(len(s.stores))
            what = self.tr("Showing: all stores this till holds ({0}) — the chain as of this till's last sync")
            what = what.format(stores)
        elif s.held == "region":
            what = self.tr("Showing: the members of this store's region ({0}) — data held by this till")
            what = what.format(s.own_store_name)
        else:
            what = self.tr("Showing: this store ({0}) — data held by this till").format(s.own_store_name)
        self.scope_label.setText(what)
        self.scope_label.setToolTip(
            self.tr("Figures are computed from this till's own database; it works offline. Stores: {0}").format(
                ", ".join(name for _, name in s.stores)
            )
        )

    @property
    def scope(self) -> NodeScope | None:
        return self._scope

    # -- state -----------------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)

    def show_message(self, text: str, kind: str = "info") -> None:
        self.message_label.setProperty("kind", kind)
        self.message_label.setStyleSheet("color: #c62828; font-weight: bold;" if kind == "error" else "")
        theme.repolish(self.message_label)
        self.message_label.setText(text)

    def current_tab(self) -> BackOfficeTab | None:
        w = self.tab_widget.currentWidget()
        return w if isinstance(w, BackOfficeTab) else None

    def tab_of(self, cls: type[BackOfficeTab]) -> BackOfficeTab | None:
        return next((t for t in self.tabs if isinstance(t, cls)), None)

    def _tab_changed(self, index: int) -> None:
        self._update_actions()
        if 0 <= index < len(self.tabs):
            self.tabs[index].activated()

    def _step_tab(self, step: int) -> None:
        n = self.tab_widget.count()
        if n:
            self.tab_widget.setCurrentIndex((self.tab_widget.currentIndex() + step) % n)

    def refresh(self) -> None:
        self.refresh_scope()
        tab = self.current_tab()
        if tab is not None:
            tab.activated()

    def _update_actions(self) -> None:
        tab = self.current_tab()
        can_export = tab is not None and (tab.export_table() is not None or tab.export_rows() is not None)
        self.export_csv_action.setEnabled(can_export)
        self.export_xlsx_action.setEnabled(can_export)
        self.print_pdf_action.setEnabled(self._dashboard() is not None)

    def _dashboard(self) -> BackOfficeTab | None:
        """The tab that can print itself (the dashboard), if registered."""
        return next((t for t in self.tabs if hasattr(t, "print_pdf")), None)

    # -- language --------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        if self.translations is not None:
            self.translations.use(code)

    def _language_changed(self, code: str) -> None:
        self.ctx.language = code
        for c, a in self.language_actions.items():
            a.setChecked(c == code)

    # -- exports ---------------------------------------------------------------------------------
    def ask_export(self, kind: str) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        suffix = ".csv" if kind == "csv" else ".xlsx"
        name = tab.title().replace("/", "-") + suffix
        filt = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export table"), str(Path.home() / name), filt)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_current(Path(path))

    def export_current(self, path: Path) -> None:
        """Write the current tab's table to ``path`` (.csv or .xlsx) in the background."""
        tab = self.current_tab()
        if tab is None:
            return
        writer = exports.write_xlsx if path.suffix.lower() == ".xlsx" else exports.write_csv
        full = tab.export_rows()
        if full is not None:

            def job() -> int:
                headers, rows = full()
                return writer(path, headers, rows)

        else:
            model = tab.export_table()
            if model is None:
                return
            headers, rows = model_rows(model)

            def job() -> int:
                return writer(path, headers, rows)

        self.ctx.ops.run(
            job,
            on_done=lambda n: self._exported(path, n),
            on_error=lambda exc: self.show_message(self.tr("Could not save {0}: {1}").format(path, exc), "error"),
        )

    def _exported(self, path: Path, count: int) -> None:
        self.show_message(self.tr("Saved {0} rows to {1}").format(count, path))
        self.exported.emit(str(path))

    def ask_print_dashboard(self) -> None:
        dash = self._dashboard()
        if dash is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print dashboard"), str(Path.home() / "dashboard.pdf"), self.tr("PDF files (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.print_dashboard_to(Path(path))

    def print_dashboard_to(self, path: Path) -> None:
        dash = self._dashboard()
        if dash is None:
            return
        try:
            dash.print_pdf(path)  # type: ignore[attr-defined]
        except OSError as exc:
            self.show_message(self.tr("Could not save {0}: {1}").format(path, exc), "error")
            return
        self.show_message(self.tr("Saved the dashboard to {0}").format(path))
        self.exported.emit(str(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.ops.drop_callbacks()  # a figure still being computed must not reach closed widgets
        self.closing.emit()
        super().closeEvent(event)
