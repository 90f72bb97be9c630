"""The colours of the report states in every chart (the console's Reports workspace and the
PDF), and of the league's best and worst bars.

Okabe & Ito's palette for colour-blind readers: each state differs from every other in hue
and in lightness, so Disposisi (sky blue) and Proses (dark blue) stay apart in grey print and
for deuteranopes and protanopes (tests/reports/test_palette.py measures it). Waiting is the
warm vermillion and done the bluish green, as Jakarta's red/yellow/green reads; the closed
states without work (rejected, duplicate) are greys.
"""

from __future__ import annotations

from qlue_console.domain.states import Label

STATE_ORDER = (
    Label.MENUNGGU,
    Label.KOORDINASI,
    Label.DISPOSISI,
    Label.PROSES,
    Label.SELESAI,
    Label.DITOLAK,
    Label.DUPLIKAT,
)

STATE_COLOURS: dict[Label, str] = {
    Label.MENUNGGU: "#d55e00",  # vermillion
    Label.KOORDINASI: "#e69f00",  # orange
    Label.DISPOSISI: "#56b4e9",  # sky blue
    Label.PROSES: "#0072b2",  # blue
    Label.SELESAI: "#009e73",  # bluish green
    Label.DITOLAK: "#404040",  # dark grey
    Label.DUPLIKAT: "#b8b8b8",  # light grey
}

# The league's bands (reports/highlights.py): best, middle, worst.
BAND_COLOURS: dict[str, str] = {"top": "#009e73", "middle": "#9e9e9e", "bottom": "#d55e00"}


def rgb(colour: str) -> tuple[int, int, int]:
    """'#rrggbb' as a (r, g, b) tuple of 0..255."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
