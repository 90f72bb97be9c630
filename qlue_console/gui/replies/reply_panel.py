"""The reply composer of one report: a public reply to the citizen (unlike the internal
comment, K), started from the template the report's category and state suggest. Ctrl+T inserts
the chosen template (the suggested one, first in the list) with its placeholders filled; the
language box says in which language; Ctrl+Enter sends. The database decides every send; a
refused reply keeps its text.

The same templates serve the dispatch composer: ``dispatch_template_text`` fills the
suggested dispatch message, with the routing suggestions as its {official}.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from qlue_console.dispatch.service import DispatchContext
from qlue_console.domain import formatting
from qlue_console.domain.templates import (
    MessageTemplate,
    TemplateValues,
    fill_template,
    matching_templates,
)
from qlue_console.gui.i18n import fill
from qlue_console.gui.tasks import TaskRunner
from qlue_console.replies.service import ReplyContext, load_reply_context, reply_to_citizen
from qlue_console.replies.templates import fetch_templates

ERROR_RED = "#c62828"
OK_GREEN = "#2e7d32"


def _load(engine: Engine, report_id: int) -> tuple[ReplyContext | None, list[MessageTemplate]]:
    return load_reply_context(engine, report_id), fetch_templates(engine)


class ReplyPanel(QObject):
    replied = Signal(int)  # a reply to this report was written
    message = Signal(str)

    def __init__(self, engine: Engine, tasks: TaskRunner, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine, self._tasks, self._language = engine, tasks, language
        self.widget = QWidget(parent)
        self.widget.setObjectName("replyPanel")
        layout = QVBoxLayout(self.widget)
        self._title = QLabel(self.tr("Select a report to reply to the citizen."), self.widget)
        self._title.setWordWrap(True)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self._title)
        help_label = QLabel(
            self.tr(
                "A reply is public: the citizen's channel and the Open311 gateway show it. "
                "Internal comments (K) never leave the center."
            ),
            self.widget,
        )
        help_label.setWordWrap(True)
        help_label.setStyleSheet("color: #555;")
        layout.addWidget(help_label)
        row = QHBoxLayout()
        self.template_box = QComboBox(self.widget)
        self.template_box.setToolTip(self.tr("Templates for this report, the suggested one first"))
        self.language_box = QComboBox(self.widget)
        self.language_box.addItem("Bahasa Indonesia", "id")
        self.language_box.addItem("English", "en")
        self.language_box.setToolTip(self.tr("The language of the template inserted"))
        self._insert = QPushButton(self.tr("Insert template (Ctrl+T)"), self.widget)
        row.addWidget(self.template_box, 1)
        row.addWidget(self.language_box)
        row.addWidget(self._insert)
        layout.addLayout(row)
        self.edit = QPlainTextEdit(self.widget)
        self.edit.setPlaceholderText(self.tr("Reply to the citizen… (Ctrl+T inserts the template)"))
        layout.addWidget(self.edit, 1)
        bottom = QHBoxLayout()
        self._status = QLabel(self.widget)
        self._status.setWordWrap(True)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._send = QPushButton(self.tr("Send reply (Ctrl+Enter)"), self.widget)
        bottom.addWidget(self._status, 1)
        bottom.addWidget(self._send)
        layout.addLayout(bottom)

        self.send_action = QAction(self.tr("Send the reply to the citizen"), self.widget)
        self.send_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.send_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.send_action.triggered.connect(self.send)
        self.widget.addAction(self.send_action)
        self._insert.clicked.connect(self.insert_template)
        self._send.clicked.connect(self.send)
        self.edit.textChanged.connect(self._update)

        self._report_id: int | None = None
        self._context: ReplyContext | None = None
        self.templates: list[MessageTemplate] = []
        self._busy = False
        self._update()

    @property
    def report_id(self) -> int | None:
        return self._report_id

    def set_report(self, report_id: int | None) -> None:
        if report_id != self._report_id:
            self.edit.clear()
            self._say("")
        self._report_id = report_id
        self.refresh()

    def refresh(self) -> None:
        if self._report_id is None:
            return
        self._tasks.run(
            _load,
            self._engine,
            self._report_id,
            channel=f"reply-context-{id(self)}",
            on_done=self._loaded,
            on_error=lambda e: self._say(
                fill(self.tr("Could not load the report: %1"), _first_line(e)), error=True
            ),
        )

    def _loaded(self, loaded: tuple[ReplyContext | None, list[MessageTemplate]]) -> None:
        ctx, templates = loaded
        self.templates = templates
        if ctx is None or ctx.report_id != self._report_id:
            return
        self._context = ctx
        self._title.setText(fill(self.tr("Reply to the citizen of report #%1"), str(ctx.report_id)))
        current = self.template_box.currentData()
        self.template_box.clear()
        fitting = matching_templates(
            templates, "reply", category=ctx.category_code, status=ctx.status
        )
        for n, t in enumerate(fitting):
            self.template_box.addItem(("★ " if n == 0 else "") + t.title, t.id)
        index = self.template_box.findData(current)
        self.template_box.setCurrentIndex(index if index >= 0 else 0)
        self._update()

    def _values(self, language: str) -> TemplateValues:
        ctx = self._context
        assert ctx is not None
        return TemplateValues(
            report=ctx.report_id,
            kelurahan=ctx.kelurahan,
            due=formatting.moment(ctx.due_at, language) if ctx.due_at else None,
            official=", ".join(ctx.officials) or None,
            category=ctx.category_en if language == "en" else ctx.category_id,
        )

    def insert_template(self) -> None:
        """Puts the chosen template (the suggested one unless another is chosen), filled for
        this report, in place of what the editor holds; one Ctrl+Z brings the text back."""
        chosen = next((t for t in self.templates if t.id == self.template_box.currentData()), None)
        if self._context is None or chosen is None:
            self.message.emit(self.tr("No reply template fits this report."))
            return
        language = self.language_box.currentData()
        body = fill_template(chosen.body(language), self._values(language).as_dict())
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(body)
        cursor.endEditBlock()
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def send(self) -> None:
        body = self.edit.toPlainText().strip()
        if self._report_id is None or not body or self._busy:
            return
        report_id, language = self._report_id, self.language_box.currentData()
        self._busy = True
        self._update()
        self._say(self.tr("Sending…"))

        def done(_event_id: int) -> None:
            self._busy = False
            if report_id == self._report_id:
                self.edit.clear()
                self._say(fill(self.tr("Reply sent to the citizen of report #%1."), str(report_id)))
            self._update()
            self.replied.emit(report_id)

        def failed(error: Exception) -> None:
            self._busy = False
            self._say(fill(self.tr("Not sent: %1"), _first_line(error)), error=True)
            self._update()

        self._tasks.run(
            reply_to_citizen, self._engine, report_id, body, language, on_done=done, on_error=failed
        )

    def _update(self) -> None:
        self._send.setEnabled(
            self._report_id is not None and bool(self.edit.toPlainText().strip()) and not self._busy
        )
        self._insert.setEnabled(self._context is not None and self.template_box.count() > 0)

    def _say(self, text: str, *, error: bool = False) -> None:
        self._status.setText(text)
        self._status.setStyleSheet(f"color: {ERROR_RED if error else OK_GREEN};" if text else "")

    def status_text(self) -> str:
        return self._status.text()

    def rejection_template_text(self, reason: str) -> str | None:
        """The rejection template of a reason for the open report, filled, in the language
        chosen here; None when none fits."""
        ctx = self._context
        if ctx is None or ctx.report_id != self._report_id:
            return None
        fitting = matching_templates(
            self.templates,
            "rejection",
            category=ctx.category_code,
            status=ctx.status,
            reason=reason,
        )
        if not fitting:
            return None
        language = self.language_box.currentData()
        return fill_template(fitting[0].body(language), self._values(language).as_dict())

    def dispatch_template_text(
        self, ctx: DispatchContext | None, handles: list[str], language: str
    ) -> str | None:
        """The suggested dispatch message for a report, filled: {official} is the handles
        mentioned already, else the routing suggestions not yet asked. None when none fits."""
        if ctx is None:
            return None
        fitting = matching_templates(
            self.templates, "dispatch", category=ctx.category_code, status=ctx.status
        )
        if not fitting:
            return None
        mention = handles or [s.handle for s in ctx.suggestions if not s.already_open]
        values = TemplateValues(
            report=ctx.report_id,
            kelurahan=ctx.kelurahan,
            due=formatting.moment(ctx.due_if_sent_now, language),
            official=" ".join("@" + h for h in mention) or None,
            category=ctx.category_en if language == "en" else ctx.category_id,
        )
        return fill_template(fitting[0].body(language), values.as_dict())


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
