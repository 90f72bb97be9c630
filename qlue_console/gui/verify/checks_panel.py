"""The automated checks of the proof shown, with their evidence, failures first, and the risk
they make up."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from qlue_console.gui.forms import child
from qlue_console.gui.i18n import fill
from qlue_console.gui.plain_text import plain_tooltip
from qlue_console.gui.verify.labels import (
    VERDICT_COLOURS,
    check_name,
    evidence_text,
    verdict_key,
    verdict_name,
)
from qlue_console.gui.verify.queue_model import risk_colour
from qlue_console.photos.checks import CHECK_CODES
from qlue_console.verify.context import VerifyItem

_ORDER = {"fail": 0, "warn": 1, "pass": 2, "skipped": 3}


class ChecksPanel(QObject):
    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self._risk = child(form, QLabel, "riskLabel")
        self.view = child(form, QTreeWidget, "checksView")
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setUniformRowHeights(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)

    def show(self, item: VerifyItem) -> None:
        self.view.clear()
        if item.risk is None or not item.checks:
            self._risk.setText(
                self.tr("<b>Checks</b>: not computed yet — they run in the background")
            )
            return
        colour = risk_colour(item.risk).name()
        self._risk.setText(
            fill(
                self.tr(
                    "<b>Checks</b> · risk "
                    "<span style='color:%1; font-size:14pt'><b>%2</b></span>/100"
                ),
                colour,
                f"{item.risk:.0f}",
            )
        )
        for check in sorted(
            item.checks, key=lambda c: (_ORDER[verdict_key(c)], CHECK_CODES.index(c.code))
        ):
            row = QTreeWidgetItem(
                [check_name(check.code) + "\n" + evidence_text(check), verdict_name(check)]
            )
            background, foreground = VERDICT_COLOURS[verdict_key(check)]
            for col in range(2):
                row.setBackground(col, QBrush(background))
                row.setForeground(col, QBrush(foreground))
                row.setToolTip(col, plain_tooltip(check.message))
            row.setData(0, Qt.ItemDataRole.UserRole, check.code)
            self.view.addTopLevelItem(row)

    def clear(self) -> None:
        self.view.clear()
        self._risk.setText("")
