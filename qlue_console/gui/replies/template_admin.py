"""The admin's editor of the message templates (Directory ▸ Templates…): the list, and one
template's purpose, category, state, reason, title and both texts. Every save and removal is a
call of an admin-only SQL function (revision 0026); a refusal (another role, an unknown
placeholder, a stale version) is shown and the form keeps what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qlue_console.data.reference import fetch_categories
from qlue_console.domain.templates import MessageTemplate, unknown_placeholders
from qlue_console.gui.i18n import category_name, fill
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.replies.templates import (
    TemplateEdit,
    delete_template,
    fetch_templates,
    save_template,
)
from qlue_console.triage.actions import REJECT_REASONS

STATES = (
    "new",
    "triaged",
    "dispatched",
    "coordination",
    "disposition",
    "followed_up",
    "verified",
    "reopened",
    "rejected",
    "duplicate",
)


class TemplateAdminDialog(QObject):
    def __init__(self, ctx: WorkspaceContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._engine, self._tasks = ctx, ctx.engine, ctx.tasks
        self._form_epoch = self._epoch_at_save = 0  # New bumps it; see _loaded
        self.dialog = QDialog(parent)
        self.dialog.setWindowTitle(self.tr("Message templates"))
        self.dialog.resize(820, 520)
        outer = QHBoxLayout(self.dialog)
        self.list = QListWidget(self.dialog)
        outer.addWidget(self.list, 2)
        side = QVBoxLayout()
        form = QFormLayout()
        self.purpose = QComboBox(self.dialog)
        for code, label in (
            ("dispatch", self.tr("Dispatch message")),
            ("rejection", self.tr("Rejection note")),
            ("reply", self.tr("Reply to the citizen")),
        ):
            self.purpose.addItem(label, code)
        self.category = QComboBox(self.dialog)
        self.category.addItem(self.tr("Every category"), None)
        self.status = QComboBox(self.dialog)
        self.status.addItem(self.tr("Every state"), None)
        for state in STATES:
            self.status.addItem(state, state)
        self.reason = QComboBox(self.dialog)
        self.reason.addItem(self.tr("Every reason"), None)
        for reason in REJECT_REASONS:
            self.reason.addItem(reason, reason)
        self.title = QLineEdit(self.dialog)
        self.body_id = QPlainTextEdit(self.dialog)
        self.body_en = QPlainTextEdit(self.dialog)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("State"), self.status)
        form.addRow(self.tr("Reason (rejections)"), self.reason)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Bahasa Indonesia"), self.body_id)
        form.addRow(self.tr("English"), self.body_en)
        side.addLayout(form)
        hint = QLabel(
            self.tr("Placeholders: {kelurahan}, {due}, {report}, {official}, {category}"),
            self.dialog,
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        side.addWidget(hint)
        self.status_label = QLabel(self.dialog)
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        side.addWidget(self.status_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"), self.dialog)
        self.save_button = QPushButton(self.tr("Save"), self.dialog)
        self.delete_button = QPushButton(self.tr("Remove"), self.dialog)
        for b in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(b)
        side.addLayout(buttons)
        outer.addLayout(side, 3)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.remove)
        self.list.currentRowChanged.connect(self._row_changed)
        self._templates: list[MessageTemplate] = []
        self._editing: MessageTemplate | None = None
        self._tasks.run(fetch_categories, self._engine, on_done=self._categories_loaded)
        self.reload()

    def open(self) -> None:
        self.dialog.open()

    def _categories_loaded(self, categories) -> None:
        for c in categories:
            self.category.addItem(category_name(self._ctx.language, c.name_id, c.name_en), c.code)

    def reload(self, select: int | None = None) -> None:
        self._tasks.run(
            fetch_templates,
            self._engine,
            on_done=lambda t: self._loaded(t, select),
            on_error=self._failed,
        )

    def _loaded(self, templates: list[MessageTemplate], select: int | None) -> None:
        # A list that arrives after the user began another template (New) must not
        # select the saved one: that would overwrite what they are typing.
        if select is not None and self._form_epoch != self._epoch_at_save:
            select = None
        self._templates = templates
        self.list.blockSignals(True)
        self.list.clear()
        for t in templates:
            item = QListWidgetItem(f"{t.purpose} · {t.title}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, t in enumerate(templates) if t.id == select), -1)
        if row >= 0:
            self.list.setCurrentRow(row)

    def template_count(self) -> int:
        return len(self._templates)

    def _row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._templates):
            return
        t = self._editing = self._templates[row]
        self.purpose.setCurrentIndex(max(0, self.purpose.findData(t.purpose)))
        self.category.setCurrentIndex(max(0, self.category.findData(t.category_code)))
        self.status.setCurrentIndex(max(0, self.status.findData(t.status)))
        self.reason.setCurrentIndex(max(0, self.reason.findData(t.reason_code)))
        self.title.setText(t.title)
        self.body_id.setPlainText(t.body_id)
        self.body_en.setPlainText(t.body_en)

    def new(self) -> None:
        self._form_epoch += 1
        self._editing = None
        self.list.clearSelection()
        self.title.clear()
        self.body_id.clear()
        self.body_en.clear()
        self.title.setFocus()

    def save(self) -> None:
        unknown = unknown_placeholders(self.body_id.toPlainText()) + unknown_placeholders(
            self.body_en.toPlainText()
        )
        if unknown:
            self._say(fill(self.tr("Unknown placeholder {%1}."), unknown[0]), error=True)
            return
        e = self._editing
        purpose = self.purpose.currentData()
        edit = TemplateEdit(
            id=e.id if e else None,
            version=e.version if e else None,
            purpose=purpose,
            category_code=self.category.currentData(),
            status=self.status.currentData(),
            reason_code=self.reason.currentData() if purpose == "rejection" else None,
            title=self.title.text(),
            body_id=self.body_id.toPlainText(),
            body_en=self.body_en.toPlainText(),
            position=e.position if e else 0,
        )

        self._epoch_at_save = self._form_epoch

        def saved(template_id: int) -> None:
            self._say(self.tr("Template saved: every console uses it from now on."))
            self.reload(select=template_id)

        self._tasks.run(save_template, self._engine, edit, on_done=saved, on_error=self._failed)

    def remove(self) -> None:
        if self._editing is None:
            return

        def removed(_gone: bool) -> None:
            self._say(self.tr("Template removed."))
            self._editing = None
            self.reload()

        self._tasks.run(
            delete_template, self._engine, self._editing.id, on_done=removed, on_error=self._failed
        )

    def _failed(self, error: Exception) -> None:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        self._say(fill(self.tr("Not saved: %1"), text), error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    def status_text(self) -> str:
        return self.status_label.text()


def add_templates_button(ctx: WorkspaceContext, row_owner: QWidget, button_next_to: QWidget):
    """A "Templates…" button beside ``button_next_to`` (the Directory's admin button), shown
    only to a login PostgreSQL lets write templates."""
    from qlue_console.replies.templates import can_edit_templates

    button = QPushButton(
        QCoreApplication.translate("TemplateAdminDialog", "Message templates…"), row_owner
    )
    button.setObjectName("templatesButton")
    button.hide()
    for layout in row_owner.findChildren(QBoxLayout):
        if layout.indexOf(button_next_to) >= 0:
            layout.insertWidget(layout.indexOf(button_next_to) + 1, button)
            break
    holder: dict[str, TemplateAdminDialog] = {}

    def open_dialog() -> None:
        holder["dialog"] = TemplateAdminDialog(ctx, row_owner)
        holder["dialog"].open()

    button.clicked.connect(open_dialog)
    ctx.tasks.run(can_edit_templates, ctx.engine, on_done=button.setVisible)
    return button, holder
