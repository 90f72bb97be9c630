"""The state colours of the charts are told apart by everyone: every pair differs clearly
(CIELAB ΔE) for normal vision and as deuteranopes, protanopes and tritanopes see them
(Machado, Oliveira & Fernandes 2009, severity 1), and the console and the PDF use the same."""

from __future__ import annotations

import itertools

import pytest

from qlue_console.gui.reports import charts
from qlue_console.reports import pdf_document
from qlue_console.reports.palette import STATE_COLOURS, rgb

MACHADO = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}
MIN_DELTA_E = (
    15.0  # clearly different side by side in a stacked bar (the old Disposisi/Proses: 4.6 to 10.1)
)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in linear)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(colour: str, matrix) -> tuple[float, float, float]:
    lin = [_linear(c) for c in rgb(colour)]
    return _lab(tuple(sum(m * v for m, v in zip(row, lin, strict=True)) for row in matrix))


@pytest.mark.parametrize("vision", list(MACHADO))
def test_every_pair_of_state_colours_is_distinct(vision):
    seen = {label: _seen(colour, MACHADO[vision]) for label, colour in STATE_COLOURS.items()}
    for a, b in itertools.combinations(seen, 2):
        delta = sum((p - q) ** 2 for p, q in zip(seen[a], seen[b], strict=True)) ** 0.5
        assert delta >= MIN_DELTA_E, (vision, a.value, b.value, round(delta, 1))


def test_console_and_pdf_use_the_same_state_colours():
    assert charts.STATE_COLOURS is STATE_COLOURS
    assert {
        label: rgb(colour) for label, colour in STATE_COLOURS.items()
    } == pdf_document.STATE_COLOURS
