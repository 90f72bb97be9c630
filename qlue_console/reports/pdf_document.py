"""The weekly report's PDF page (A4 landscape, fpdf2): fonts (DejaVu Sans when the system has
it, otherwise Helvetica with the signs spelled in ASCII), colours, the header and footer with
the page numbers, and the text helpers every part of the PDF uses."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from qlue_console.domain import formatting
from qlue_console.reports.labels import (
    period,
    t,
)
from qlue_console.reports.palette import STATE_COLOURS as _STATE_HEX
from qlue_console.reports.palette import rgb
from qlue_console.reports.service import WeeklyReport

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
    Path("C:/Windows/Fonts/DejaVuSans.ttf"),
)
_ASCII = {
    "▲": "+",
    "▼": "-",
    "–": "-",
    "—": "-",
    "−": "-",
    "≥": ">=",
    "…": "...",
    "’": "'",
    "“": '"',
    "”": '"',
}
NAVY = (31, 78, 121)
GREY = (110, 110, 110)
STATE_COLOURS = {label: rgb(colour) for label, colour in _STATE_HEX.items()}


class Document(FPDF):
    def __init__(self, report: WeeklyReport, lang: str) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.report, self.lang = report, lang
        self.unicode = False
        for candidate in FONT_CANDIDATES:
            if candidate.exists():
                self.add_font("Body", "", str(candidate))
                bold = candidate.with_name("DejaVuSans-Bold.ttf")
                self.add_font("Body", "B", str(bold if bold.exists() else candidate))
                self.unicode = True
                break
        self.family = "Body" if self.unicode else "Helvetica"
        self.set_auto_page_break(True, margin=16)
        self.set_margins(14, 14, 14)
        self.set_title(f"{t('title', lang)} {report.week}")
        self.set_creator("Qlue Console")

    def txt(self, text: str) -> str:
        if self.unicode:
            return text
        for char, ascii_text in _ASCII.items():
            text = text.replace(char, ascii_text)
        return text.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)

    def put(
        self,
        w: float,
        h: float,
        text: str,
        align: str = "L",
        border: Literal[0, 1] | str = 0,
        fill: bool = False,
        newline: bool = False,
    ) -> None:
        self.cell(
            w,
            h,
            self.txt(text),
            border=border,
            align=align,
            fill=fill,
            new_x=XPos.LMARGIN if newline else XPos.RIGHT,
            new_y=YPos.NEXT if newline else YPos.TOP,
        )

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.font(8)
        self.set_text_color(*GREY)
        self.put(
            0,
            5,
            f"{t('title', self.lang)} · {t('week', self.lang)} {self.report.week} · "
            f"{period(self.report.week, self.lang)}",
            newline=True,
        )
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-11)
        self.font(8)
        self.set_text_color(*GREY)
        self.put(
            0,
            5,
            f"{t('generated', self.lang)} {formatting.moment(self.report.generated_at, self.lang)}",
            align="L",
        )
        self.set_x(self.l_margin)
        self.put(0, 5, t("page", self.lang).format(page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0, 0, 0)


def fit_text(pdf: Document, text: str, width: float) -> str:
    text = pdf.txt(text)
    if pdf.get_string_width(text) <= width - 1.5:
        return text
    while text and pdf.get_string_width(text + "...") > width - 1.5:
        text = text[:-1]
    return text + "..."


def heading(pdf: Document, text: str, size: float = 11) -> None:
    pdf.ln(1.5)
    pdf.font(size, True)
    pdf.set_text_color(*NAVY)
    pdf.put(0, 7, text, newline=True)
    pdf.set_text_color(0, 0, 0)


def paragraph(pdf: Document, text: str, size: float = 8.5) -> None:
    pdf.font(size)
    pdf.set_x(pdf.l_margin)
    pdf.multi_cell(0, 4.2, pdf.txt(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
