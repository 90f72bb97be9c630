"""The workspaces of the main window, in toolbar order. Each has its fixed shortcut, whatever
the role: Ctrl+1 Triage, Ctrl+2 Directory, Ctrl+3 Reports, Ctrl+4 Verify."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qlue_console.gui.workspaces.base import WorkspaceSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workspaces", text)


def _triage(ctx, parent):
    from qlue_console.gui.workspaces.triage import TriageWorkspace

    return TriageWorkspace(ctx, parent)


def _directory(ctx, parent):
    from qlue_console.gui.workspaces.directory import DirectoryWorkspace

    return DirectoryWorkspace(ctx, parent)


def _verify(ctx, parent):
    from qlue_console.gui.workspaces.verify import VerifyWorkspace

    return VerifyWorkspace(ctx, parent)


def _reports(ctx, parent):
    from qlue_console.gui.workspaces.reports import ReportsWorkspace

    return ReportsWorkspace(ctx.reader, ctx.tasks, ctx.language, parent)


# Titles and tooltips, marked for lupdate; translated when the toolbar is built.
TEXTS = {
    "triage": (
        QT_TRANSLATE_NOOP("Workspaces", "Triage"),
        QT_TRANSLATE_NOOP("Workspaces", "Triage queue, map and report detail"),
    ),
    "directory": (
        QT_TRANSLATE_NOOP("Workspaces", "Directory"),
        QT_TRANSLATE_NOOP("Workspaces", "Officials directory: load, overdue mentions, performance"),
    ),
    "verify": (
        QT_TRANSLATE_NOOP("Workspaces", "Verify"),
        QT_TRANSLATE_NOOP("Workspaces", "Proof-photo verifier: approve or reject follow-ups"),
    ),
    "reports": (
        QT_TRANSLATE_NOOP("Workspaces", "Reports"),
        QT_TRANSLATE_NOOP("Workspaces", "Weekly KPIs, league tables and exports"),
    ),
}


def _spec(name: str, icon: str, factory) -> WorkspaceSpec:
    title, tooltip = TEXTS[name]
    return WorkspaceSpec(name, lambda: _tr(str(title)), lambda: _tr(str(tooltip)), icon, factory)


WORKSPACES: tuple[WorkspaceSpec, ...] = (
    _spec("triage", "fa5s.stream", _triage),
    _spec("directory", "fa5s.address-book", _directory),
    _spec("reports", "fa5s.chart-bar", _reports),
    _spec("verify", "fa5s.check-double", _verify),
)

NAMES: tuple[str, ...] = tuple(spec.name for spec in WORKSPACES)

SHORTCUTS: dict[str, str] = {name: f"Ctrl+{number}" for number, name in enumerate(NAMES, start=1)}
"""The fixed shortcut of each workspace (the same for every role)."""
