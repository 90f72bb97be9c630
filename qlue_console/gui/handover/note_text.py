"""How a handover note reads on screen (history and sign-in): plain text, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qlue_console.gui.i18n import fill, moment_text
from qlue_console.triage.handover import HandoverNote


def written_line(note: HandoverNote) -> str:
    """ "Written by andi at 3 Des 2026 06:55 WIB"."""
    return fill(
        QCoreApplication.translate("HandoverNote", "Written by %1 at %2"),
        note.author,
        moment_text(note.written_at),
    )


def acknowledged_line(note: HandoverNote) -> str:
    if note.acknowledged_at is None or note.acknowledged_by is None:
        return QCoreApplication.translate("HandoverNote", "Not acknowledged yet")
    return fill(
        QCoreApplication.translate("HandoverNote", "Acknowledged by %1 at %2"),
        note.acknowledged_by,
        moment_text(note.acknowledged_at),
    )


def report_label(report_id: int) -> str:
    return fill(QCoreApplication.translate("HandoverNote", "Report #%1"), str(report_id))


def history_entry(note: HandoverNote) -> str:
    """One note of the history, every part of it on its own line."""
    lines = [written_line(note), acknowledged_line(note), "", note.body]
    if note.views:
        lines.append(
            fill(
                QCoreApplication.translate("HandoverNote", "Views to watch: %1"),
                ", ".join(name for _id, name in note.views),
            )
        )
    if note.reports:
        lines.append(
            fill(
                QCoreApplication.translate("HandoverNote", "Reports to watch: %1"),
                ", ".join(f"#{r}" for r in note.reports),
            )
        )
    return "\n".join(lines)
