"""The verifier's keys, live while the focus is anywhere in the workspace: A approve,
R reject, + / = zoom in, - zoom out, 0 fit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def install_shortcuts(
    widget: QWidget,
    *,
    approve: Callable[[], None],
    reject: Callable[[], None],
    zoom_in: Callable[[], None],
    zoom_out: Callable[[], None],
    fit: Callable[[], None],
) -> None:
    for key, slot in (
        ("A", approve),
        ("R", reject),
        ("+", zoom_in),
        ("=", zoom_in),
        ("-", zoom_out),
        ("0", fit),
    ):
        QShortcut(QKeySequence(key), widget, slot).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
