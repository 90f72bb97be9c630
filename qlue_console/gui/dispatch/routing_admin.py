"""The admin's dialog for the routing rules and the holiday calendar. Every edit is a call of
an admin-only SQL function; a refusal (another role, bad input) is shown, nothing else."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qlue_console.data.reference import fetch_categories
from qlue_console.dispatch import routing
from qlue_console.dispatch.routing import Holiday, RoutingRule
from qlue_console.domain import formatting
from qlue_console.gui.dispatch.labels import OVERDUE_RED, kind_text, kinds, level_text
from qlue_console.gui.forms import child, load_form
from qlue_console.gui.i18n import category_name, current_language, fill
from qlue_console.gui.workspaces.base import WorkspaceContext


class RoutingAdminDialog(QObject):
    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._engine, self._tasks = ctx, ctx.engine, ctx.tasks
        dialog = load_form("routing_admin_dialog", parent)
        assert isinstance(dialog, QDialog)
        self.dialog = dialog
        d = self.dialog
        self._rules = child(d, QTableWidget, "rulesTable")
        self._category = child(d, QComboBox, "ruleCategoryBox")
        self._level = child(d, QComboBox, "ruleLevelBox")
        self._kind = child(d, QComboBox, "ruleKindBox")
        self._position = child(d, QSpinBox, "rulePositionSpin")
        self._holidays = child(d, QTableWidget, "holidaysTable")
        self._year = child(d, QSpinBox, "yearSpin")
        self._day = child(d, QDateEdit, "holidayDateEdit")
        self._name_id = child(d, QLineEdit, "holidayNameIdEdit")
        self._name_en = child(d, QLineEdit, "holidayNameEnEdit")
        self._status = child(d, QLabel, "statusLabel")
        child(d, QDialogButtonBox, "buttonBox").rejected.connect(d.reject)
        child(d, QPushButton, "addRuleButton").clicked.connect(self._add_rule)
        child(d, QPushButton, "removeRuleButton").clicked.connect(self._remove_rule)
        child(d, QPushButton, "addHolidayButton").clicked.connect(self._add_holiday)
        child(d, QPushButton, "removeHolidayButton").clicked.connect(self._remove_holiday)
        for table in (self._rules, self._holidays):
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
        self._category.addItem(self.tr("Every category"), None)
        for level in routing.AREA_LEVELS:
            self._level.addItem(level_text(level), level)
        for code, label in kinds():
            self._kind.addItem(label, code)
        today = QDate.currentDate()
        self._year.setValue(today.year())
        self._day.setDate(today)
        self._year.valueChanged.connect(self._load_holidays)
        self._category_names: dict[str, str] = {}
        self._tasks.run(
            fetch_categories, self._engine, on_done=self._categories_loaded, on_error=self._failed
        )
        self._load_rules()
        self._load_holidays()

    def open(self) -> None:
        self.dialog.open()

    # -- rules -----------------------------------------------------------------------------
    def _categories_loaded(self, categories) -> None:
        for c in categories:
            name = category_name(self._ctx.language, c.name_id, c.name_en)
            self._category_names[c.code] = name
            self._category.addItem(name, c.code)
        self._load_rules()

    def _load_rules(self) -> None:
        self._tasks.run(
            routing.fetch_routing_rules,
            self._engine,
            channel=f"rules-{id(self)}",
            on_done=self._show_rules,
            on_error=self._failed,
        )

    def _show_rules(self, rules: list[RoutingRule]) -> None:
        self._rules.setRowCount(len(rules))
        for r, rule in enumerate(rules):
            category = (
                self._category_names.get(rule.category_code, rule.category_code)
                if rule.category_code
                else self.tr("Every category")
            )
            for column, value in enumerate(
                (
                    category,
                    level_text(rule.area_level),
                    kind_text(rule.account_kind),
                    str(rule.position),
                )
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, rule.id)
                self._rules.setItem(r, column, item)
        self._rules.resizeColumnsToContents()

    def _add_rule(self) -> None:
        self._write(
            routing.set_routing_rule,
            self._category.currentData(),
            self._level.currentData(),
            self._kind.currentData(),
            self._position.value(),
            then=self._load_rules,
            done=self.tr("Rule saved."),
        )

    def _remove_rule(self) -> None:
        item = (
            self._rules.item(self._rules.currentRow(), 0) if self._rules.currentRow() >= 0 else None
        )
        if item is not None:
            self._write(
                routing.delete_routing_rule,
                item.data(Qt.ItemDataRole.UserRole),
                then=self._load_rules,
                done=self.tr("Rule removed."),
            )

    # -- holidays --------------------------------------------------------------------------
    def _load_holidays(self) -> None:
        self._tasks.run(
            routing.fetch_holidays,
            self._engine,
            self._year.value(),
            channel=f"holidays-{id(self)}",
            on_done=self._show_holidays,
            on_error=self._failed,
        )

    def _show_holidays(self, holidays: list[Holiday]) -> None:
        self._holidays.setRowCount(len(holidays))
        for r, holiday in enumerate(holidays):
            for column, value in enumerate(
                (formatting.day(holiday.day, current_language()), holiday.name_id, holiday.name_en)
            ):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, holiday.day)
                self._holidays.setItem(r, column, item)
        self._holidays.resizeColumnsToContents()

    def _add_holiday(self) -> None:
        q = self._day.date()
        self._write(
            routing.set_holiday,
            date(q.year(), q.month(), q.day()),
            self._name_id.text(),
            self._name_en.text(),
            then=self._load_holidays,
            done=self.tr("Holiday saved."),
        )

    def _remove_holiday(self) -> None:
        item = (
            self._holidays.item(self._holidays.currentRow(), 0)
            if self._holidays.currentRow() >= 0
            else None
        )
        if item is not None:
            self._write(
                routing.delete_holiday,
                item.data(Qt.ItemDataRole.UserRole),
                then=self._load_holidays,
                done=self.tr("Holiday removed."),
            )

    # -- writes ----------------------------------------------------------------------------
    def _write(self, fn, *args, then, done: str) -> None:
        def finished(_result) -> None:
            self._status.setStyleSheet("")
            self._status.setText(done)
            then()

        self._tasks.run(fn, self._engine, *args, on_done=finished, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        self._status.setStyleSheet(f"color: {OVERDUE_RED};")
        self._status.setText(fill(self.tr("Not saved: %1"), text))
