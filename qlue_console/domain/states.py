"""Report states (docs/workflow.md) and the labels Jakarta's citizens and officials know.

The labels are data: the Qt layer translates them through QT_TRANSLATE_NOOP-marked tables.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    DISPATCHED = "dispatched"
    COORDINATION = "coordination"
    DISPOSITION = "disposition"
    FOLLOWED_UP = "followed_up"
    VERIFIED = "verified"
    REOPENED = "reopened"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"


class Label(StrEnum):
    MENUNGGU = "Menunggu"
    KOORDINASI = "Koordinasi"
    DISPOSISI = "Disposisi"
    PROSES = "Proses"
    SELESAI = "Selesai"
    DITOLAK = "Ditolak"
    DUPLIKAT = "Duplikat"


LABEL_OF_STATE: dict[str, Label] = {
    State.NEW: Label.MENUNGGU,
    State.TRIAGED: Label.MENUNGGU,
    State.COORDINATION: Label.KOORDINASI,
    State.DISPOSITION: Label.DISPOSISI,
    State.DISPATCHED: Label.PROSES,
    State.REOPENED: Label.PROSES,
    State.FOLLOWED_UP: Label.PROSES,
    State.VERIFIED: Label.SELESAI,
    State.REJECTED: Label.DITOLAK,
    State.DUPLICATE: Label.DUPLIKAT,
}

# The colours Jakarta's citizens know: red waiting, yellow in progress, green done.
COLOUR_OF_LABEL: dict[Label, str] = {
    Label.MENUNGGU: "#d32f2f",
    Label.KOORDINASI: "#f9a825",
    Label.DISPOSISI: "#f9a825",
    Label.PROSES: "#f9a825",
    Label.SELESAI: "#2e7d32",
    Label.DITOLAK: "#757575",
    Label.DUPLIKAT: "#757575",
}

# States that have left the working queue (kept one click away in the archive).
CLOSED_STATES: frozenset[str] = frozenset({State.VERIFIED, State.REJECTED, State.DUPLICATE})
OPEN_STATES: tuple[str, ...] = tuple(s.value for s in State if s not in CLOSED_STATES)
ALL_STATES: tuple[str, ...] = tuple(s.value for s in State)

PRIORITY_NAMES: dict[int, str] = {0: "low", 1: "normal", 2: "high", 3: "urgent"}


def label_of(state: str) -> Label:
    return LABEL_OF_STATE[State(state)]


def colour_of(state: str) -> str:
    return COLOUR_OF_LABEL[label_of(state)]
