"""The dispatch layer of the console: the @-composer, the dispatch panel of a report, the
periodic escalation, and the admin's routing-rules and holidays dialog."""

from qlue_console.gui.dispatch.escalation_timer import EscalationTimer
from qlue_console.gui.dispatch.panel import DispatchPanel

__all__ = ["DispatchPanel", "EscalationTimer"]
