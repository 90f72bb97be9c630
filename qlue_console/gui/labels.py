"""Translatable labels for values that are data (states, channels, priorities, event kinds).

The strings are marked with QT_TRANSLATE_NOOP so lupdate finds them; ``text()`` translates at
display time. State labels are Jakarta's own (Menunggu, Proses, …) in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qlue_console.domain.states import label_of

_STATES = {
    "Menunggu": QT_TRANSLATE_NOOP("Labels", "Menunggu"),
    "Koordinasi": QT_TRANSLATE_NOOP("Labels", "Koordinasi"),
    "Disposisi": QT_TRANSLATE_NOOP("Labels", "Disposisi"),
    "Proses": QT_TRANSLATE_NOOP("Labels", "Proses"),
    "Selesai": QT_TRANSLATE_NOOP("Labels", "Selesai"),
    "Ditolak": QT_TRANSLATE_NOOP("Labels", "Ditolak"),
    "Duplikat": QT_TRANSLATE_NOOP("Labels", "Duplikat"),
}
_CHANNELS = {
    "app": QT_TRANSLATE_NOOP("Labels", "App"),
    "web": QT_TRANSLATE_NOOP("Labels", "Web"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "social": QT_TRANSLATE_NOOP("Labels", "Social media"),
    "call_center": QT_TRANSLATE_NOOP("Labels", "Call center"),
}
_PRIORITIES = {
    0: QT_TRANSLATE_NOOP("Labels", "Low"),
    1: QT_TRANSLATE_NOOP("Labels", "Normal"),
    2: QT_TRANSLATE_NOOP("Labels", "High"),
    3: QT_TRANSLATE_NOOP("Labels", "Urgent"),
}
_EVENTS = {
    "created": QT_TRANSLATE_NOOP("Labels", "Reported"),
    "triaged": QT_TRANSLATE_NOOP("Labels", "Triaged"),
    "claimed": QT_TRANSLATE_NOOP("Labels", "Claimed"),
    "released": QT_TRANSLATE_NOOP("Labels", "Released"),
    "categorised": QT_TRANSLATE_NOOP("Labels", "Category changed"),
    "prioritised": QT_TRANSLATE_NOOP("Labels", "Priority changed"),
    "dispatched": QT_TRANSLATE_NOOP("Labels", "Dispatched"),
    "mentioned": QT_TRANSLATE_NOOP("Labels", "Mentioned"),
    "forwarded": QT_TRANSLATE_NOOP("Labels", "Passed on (Koordinasi)"),
    "escalated": QT_TRANSLATE_NOOP("Labels", "Escalated"),
    "comment": QT_TRANSLATE_NOOP("Labels", "Comment"),
    "follow_up": QT_TRANSLATE_NOOP("Labels", "Follow-up (TL)"),
    "proof_approved": QT_TRANSLATE_NOOP("Labels", "Proof approved"),
    "proof_rejected": QT_TRANSLATE_NOOP("Labels", "Proof rejected"),
    "reopened": QT_TRANSLATE_NOOP("Labels", "Reopened"),
    "merged": QT_TRANSLATE_NOOP("Labels", "Merged as duplicate"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Rejected"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "undone": QT_TRANSLATE_NOOP("Labels", "Undone"),
    "reply": QT_TRANSLATE_NOOP("Labels", "Reply to the citizen"),
    "recurrence": QT_TRANSLATE_NOOP("Labels", "Came back after closing"),
    "fix_came_back": QT_TRANSLATE_NOOP("Labels", "The fix came back"),
    "recurrence_withdrawn": QT_TRANSLATE_NOOP("Labels", "No longer a recurrence"),
    "handed_over": QT_TRANSLATE_NOOP("Labels", "Claim handed over"),
}


def _tr(source: object) -> str:
    """The translation of a source text (QT_TRANSLATE_NOOP gives it back typed ``object``)."""
    return QCoreApplication.translate("Labels", str(source))


def state_text(status: str) -> str:
    return _tr(_STATES[label_of(status).value])


def channel_text(channel: str) -> str:
    return _tr(_CHANNELS.get(channel, channel))


def priority_text(priority: int) -> str:
    return _tr(_PRIORITIES.get(priority, str(priority)))


def event_text(kind: str) -> str:
    return _tr(_EVENTS.get(kind, kind))


def state_label_text(label: str) -> str:
    """A Jakarta state label ("Menunggu", …) as shown."""
    return _tr(_STATES.get(label, label))
