"""The workspaces of the main window, in toolbar order (Ctrl+1, Ctrl+2, …)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qlue_console.gui.workspaces.base import WorkspaceSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("Workspaces", text)


def _triage(ctx, parent):
    from qlue_console.gui.workspaces.triage import TriageWorkspace
    return TriageWorkspace(ctx.engine, ctx.tasks, ctx.language, ctx.tile_url, parent)


def _directory(ctx, parent):
    from qlue_console.gui.workspaces.directory import DirectoryWorkspace
    return DirectoryWorkspace(ctx, parent)


WORKSPACES: tuple[WorkspaceSpec, ...] = (
    WorkspaceSpec("triage", lambda: _tr("Triage"), lambda: _tr("Triage queue, map and report detail"),
                  "fa5s.stream", _triage),
    WorkspaceSpec("directory", lambda: _tr("Directory"), lambda: _tr("Officials directory: load, overdue mentions, performance"),
                  "fa5s.address-book", _directory),
)

NAMES: tuple[str, ...] = tuple(spec.name for spec in WORKSPACES)
