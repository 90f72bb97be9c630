"""The translated texts of the map's chronic spots layer: each spot's tooltip lines and the
layer's legend, put into the page's ``spots`` command (``map.js``) with the circles of
``spot_layer``. Texts only: the page writes them with ``textContent``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from qlue_console.data.recurrences import ChronicSpot
from qlue_console.gui.i18n import category_name, fill
from qlue_console.gui.map.spot_layer import spot_legend, spot_place, spot_rows


class SpotLayerTexts(QObject):
    """Builds the ``spots`` command; translated when it is built (again on a language change)."""

    def tooltip_lines(self, spot: ChronicSpot, weeks: int) -> list[str]:
        lines = [spot_place(spot)] if spot_place(spot) else []
        lines.append(fill(self.tr("%1 reports in %2 weeks"), spot.reports, weeks))
        lines.append(fill(self.tr("Came back after closing: %1"), spot.recurrences))
        return lines

    def legend(self, spots_shown: int) -> dict:
        rows = []
        for r in spot_legend():
            if r["hi"] is None:
                text = fill(self.tr("%1 or more came back"), r["lo"])
            elif r["lo"] == r["hi"]:
                text = fill(self.tr("%1 came back"), r["hi"])
            else:
                text = fill(self.tr("%1–%2 came back"), r["lo"], r["hi"])
            rows.append({"text": text, "colour": r["colour"]})
        return {
            "title": fill(self.tr("Chronic spots (%1)"), spots_shown),
            "rows": rows,
            "note": self.tr("Larger circle: more reports"),
            "none": self.tr("No chronic spots"),
        }

    def command(
        self,
        spots: Sequence[ChronicSpot] | None,
        *,
        weeks: int,
        language: str,
        active: int | None,
    ) -> dict:
        if spots is None:
            return {"op": "spots", "spots": None, "active": None}
        names = [category_name(language, s.category_id, s.category_en) for s in spots]
        lines = [self.tooltip_lines(s, weeks) for s in spots]
        return {
            "op": "spots",
            "spots": spot_rows(spots, names, lines),
            "active": active,
            "legend": self.legend(len(spots)),
        }
