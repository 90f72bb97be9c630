"""Adds the reply composer to the triage workspace: its tab, and two actions registered on the
workspace (so every list of the window's actions finds them): "Reply to the citizen" (P) and
"Insert the suggested template" (Ctrl+T), which fills the dispatch composer on the Dispatch tab
and the reply everywhere else."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QWidget

from qlue_console.gui.dispatch import DispatchPanel
from qlue_console.gui.replies.reply_panel import ReplyPanel


def add_reply_tab(
    workspace: QWidget, tabs: QTabWidget, reply: ReplyPanel, dispatch: DispatchPanel
) -> list[QAction]:
    tabs.addTab(reply.widget, QCoreApplication.translate("ReplyWiring", "Reply"))

    def open_reply() -> None:
        if reply.report_id is None:
            reply.message.emit(
                QCoreApplication.translate(
                    "ReplyWiring", "No report is open: pick one in the queue first."
                )
            )
            return
        tabs.setCurrentWidget(reply.widget)
        reply.edit.setFocus()

    def insert_template() -> None:
        if tabs.currentWidget() is dispatch.widget:
            language = reply.language_box.currentData()
            body = reply.dispatch_template_text(
                dispatch.context, dispatch.composer.handles(), language
            )
            if body is None:
                reply.message.emit(
                    QCoreApplication.translate(
                        "ReplyWiring", "No dispatch template fits this report."
                    )
                )
                return
            dispatch.composer.set_text(body)
            dispatch.composer.edit.setFocus()
            return
        tabs.setCurrentWidget(reply.widget)
        reply.insert_template()

    actions = []
    for title, key, slot in (
        (QCoreApplication.translate("ReplyWiring", "Reply to the citizen"), "P", open_reply),
        (
            QCoreApplication.translate("ReplyWiring", "Insert the suggested template"),
            "Ctrl+T",
            insert_template,
        ),
    ):
        action = QAction(title, workspace)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        workspace.addAction(action)
        actions.append(action)
    return actions
