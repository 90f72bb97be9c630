"""What every workspace gets and gives.

A workspace is a controller with a ``widget`` (its Designer form), a ``ready`` signal (its
data is on screen) and ``apply_changes(events)`` for live updates. The main window builds the
workspaces listed in ``registry.py`` with one ``WorkspaceContext`` — only what they need.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from qlue_console.db.listen import ChangeEvent
from qlue_console.gui.tasks import TaskRunner


@dataclass(frozen=True)
class WorkspaceContext:
    engine: Engine
    tasks: TaskRunner
    language: str  # 'id' or 'en'
    tile_url: str | None  # map tiles, when configured
    database_url: str
    # read-only work (the Reports workspace and its exports): a standby when configured
    read_engine: Engine | None = None

    @property
    def reader(self) -> Engine:
        return self.read_engine or self.engine


class Workspace(Protocol):
    widget: QWidget
    ready: SignalInstance  # its data is on screen

    def apply_changes(self, events: Sequence[ChangeEvent]) -> None: ...


@dataclass(frozen=True)
class WorkspaceSpec:
    name: str  # CLI and settings name: triage, verify, reports
    title: Callable[[], str]  # translated at display time
    tooltip: Callable[[], str]
    icon: str  # qtawesome name
    factory: Callable[[WorkspaceContext, QWidget], Workspace]
