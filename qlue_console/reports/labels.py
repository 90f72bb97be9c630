"""Words and number formats of the exports, in Indonesian (the default) and English.

The exports are plain Python (a scheduled job has no Qt), so their labels live here rather
than in the Qt translation files; the console's own screens translate with tr().
"""

from __future__ import annotations

from dataclasses import dataclass

from qlue_console.domain import formatting

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Column:
    code: str  # the KpiRow / RankedRow attribute, and the column's documented name
    kind: str  # 'text', 'count', 'number', 'hours', 'rate', 'rank', 'change'
    id: str
    en: str

    def label(self, lang: str) -> str:
        text = self.id if lang == "id" else self.en
        if self.kind == "hours":
            text += " (jam)" if lang == "id" else " (h)"
        return text


# Every column of the CSV and of the XLSX grouping sheets, in order (docs/kpis.md).
COLUMNS: tuple[Column, ...] = (
    Column("rank_normalised", "rank", "Peringkat", "Rank"),
    Column("change_normalised", "change", "Perubahan", "Change"),
    Column("rank_raw", "rank", "Peringkat mentah", "Raw rank"),
    Column("change_raw", "change", "Perubahan mentah", "Raw change"),
    Column("key", "text", "Kode", "Code"),
    Column("name", "text", "Nama", "Name"),
    Column("context", "text", "Keterangan", "Details"),
    Column("received", "count", "Diterima", "Received"),
    Column("duplicates", "count", "Duplikat", "Duplicates"),
    Column("rejected", "count", "Ditolak", "Rejected"),
    Column("weighted_received", "number", "Volume berbobot", "Weighted volume"),
    Column("dispatched", "count", "Didisposisi", "Dispatched"),
    Column("followed_up", "count", "Ditindaklanjuti", "Followed up"),
    Column("follow_ups", "count", "Tindak lanjut (TL)", "Follow-ups posted"),
    Column("verified", "count", "Selesai (terverifikasi)", "Verified"),
    Column("proofs_approved", "count", "Bukti diterima", "Proofs approved"),
    Column("proofs_rejected", "count", "Bukti ditolak", "Proofs rejected"),
    Column("reopened", "count", "Dibuka kembali", "Reopened"),
    Column("forwarded", "count", "Diteruskan", "Passed on"),
    Column("forwarded_multi", "count", "Diteruskan > 1 kali", "Passed on more than once"),
    Column("handled", "count", "Ditangani", "Handled"),
    Column("backlog", "count", "Tunggakan akhir minggu", "Backlog at week end"),
    Column("overdue", "count", "Tunggakan lewat SLA", "Overdue backlog"),
    Column("triage_median_h", "hours", "Waktu triase median", "Time to triage, median"),
    Column("triage_p90_h", "hours", "Waktu triase p90", "Time to triage, p90"),
    Column("response_median_h", "hours", "Waktu respons median", "Response time, median"),
    Column("response_p90_h", "hours", "Waktu respons p90", "Response time, p90"),
    Column("close_median_h", "hours", "Waktu selesai median", "Time to verified close, median"),
    Column("close_p90_h", "hours", "Waktu selesai p90", "Time to verified close, p90"),
    Column("sla_compliance", "rate", "Kepatuhan SLA", "SLA compliance"),
    Column("proof_rejection_rate", "rate", "Tingkat bukti ditolak", "Proof rejection rate"),
    Column("reopen_rate", "rate", "Tingkat dibuka kembali", "Reopen rate"),
    Column("reused_proof_rate", "rate", "Tingkat bukti daur ulang", "Reused-proof rate"),
    Column("forwarding_rate", "rate", "Tingkat diteruskan > 1 kali", "Forwarding rate"),
    Column("response_rate", "rate", "Tingkat respons", "Response rate"),
    Column("closed_window", "count", "Selesai 30 hari", "Closed in 30 days"),
    Column("came_back", "count", "Kembali lagi", "Came back"),
    Column("recurrence_rate", "rate", "Tingkat masalah berulang", "Recurrence rate"),
    Column("performance", "rate", "Kinerja", "Performance"),
    Column("score_raw", "number", "Skor mentah", "Raw score"),
    Column("score_normalised", "number", "Skor ternormalisasi", "Normalised score"),
)
COLUMN = {c.code: c for c in COLUMNS}

# The PDF's league table: the columns that fit an A4 landscape page.
LEAGUE_COLUMNS: tuple[str, ...] = (
    "rank_normalised",
    "change_normalised",
    "name",
    "received",
    "followed_up",
    "verified",
    "backlog",
    "overdue",
    "response_median_h",
    "sla_compliance",
    "proof_rejection_rate",
    "reopen_rate",
    "reused_proof_rate",
    "recurrence_rate",
    "score_normalised",
    "rank_raw",
    "change_raw",
)

# Short headers of the PDF's league table (the column codes above, same order).
LEAGUE_HEADERS: dict[str, dict[str, str]] = {
    "rank_normalised": {"id": "Pkt", "en": "Rank"},
    "change_normalised": {"id": "±", "en": "±"},
    "name": {"id": "Nama", "en": "Name"},
    "received": {"id": "Diterima", "en": "Received"},
    "followed_up": {"id": "TL", "en": "Followed up"},
    "verified": {"id": "Selesai", "en": "Verified"},
    "backlog": {"id": "Tunggakan", "en": "Backlog"},
    "overdue": {"id": "Lewat SLA", "en": "Overdue"},
    "response_median_h": {"id": "Respons median (jam)", "en": "Response median (h)"},
    "sla_compliance": {"id": "Patuh SLA", "en": "SLA met"},
    "proof_rejection_rate": {"id": "Bukti ditolak", "en": "Proofs rejected"},
    "reopen_rate": {"id": "Dibuka lagi", "en": "Reopened"},
    "reused_proof_rate": {"id": "Bukti daur ulang", "en": "Reused proofs"},
    "recurrence_rate": {"id": "Berulang", "en": "Came back"},
    "score_normalised": {"id": "Skor", "en": "Score"},
    "rank_raw": {"id": "Pkt mentah", "en": "Raw rank"},
    "change_raw": {"id": "±", "en": "±"},
}

# The summary figures (the city's row).
SUMMARY_FIELDS: tuple[str, ...] = (
    "received",
    "duplicates",
    "rejected",
    "dispatched",
    "followed_up",
    "verified",
    "proofs_rejected",
    "reopened",
    "backlog",
    "overdue",
    "triage_median_h",
    "triage_p90_h",
    "response_median_h",
    "response_p90_h",
    "close_median_h",
    "close_p90_h",
    "sla_compliance",
    "proof_rejection_rate",
    "reopen_rate",
    "reused_proof_rate",
    "forwarding_rate",
    "response_rate",
    "came_back",
    "recurrence_rate",
)

# The week's top chronic spots (reports/chronic.py) in every export and the CLI, in order.
CHRONIC_COLUMNS: tuple[Column, ...] = (
    Column("category", "text", "Kategori", "Category"),
    Column("kelurahan", "text", "Kelurahan", "Kelurahan"),
    Column("kota", "text", "Kota", "Kota"),
    Column("reports", "count", "Laporan", "Reports"),
    Column("came_back", "count", "Kembali lagi", "Came back"),
    Column("last_reported_at", "moment", "Laporan terakhir", "Last report"),
)

TEXT: dict[str, dict[str, str]] = {
    "title": {"id": "Laporan Kinerja Mingguan", "en": "Weekly Performance Report"},
    "subtitle": {"id": "Qlue — Pusat Komando Jakarta", "en": "Qlue — Jakarta Command Center"},
    "week": {"id": "Minggu", "en": "Week"},
    "period": {"id": "Periode", "en": "Period"},
    "generated": {"id": "Dibuat", "en": "Generated"},
    "grouping": {"id": "Pengelompokan", "en": "Grouping"},
    "summary": {"id": "Ringkasan", "en": "Summary"},
    "city": {"id": "Seluruh kota", "en": "Whole city"},
    "league": {"id": "Klasemen", "en": "League table"},
    "figure": {"id": "Indikator", "en": "Indicator"},
    "value": {"id": "Nilai", "en": "Value"},
    "previous": {"id": "Minggu lalu", "en": "Last week"},
    "unassigned": {"id": "(tanpa wilayah/dinas)", "en": "(unassigned)"},
    "daily": {
        "id": "Laporan diterima per hari menurut status",
        "en": "Reports received per day by state",
    },
    "histogram": {"id": "Sebaran waktu respons", "en": "Response-time distribution"},
    "top": {"id": "Sepuluh teratas", "en": "Top ten"},
    "bottom": {"id": "Sepuluh terbawah", "en": "Bottom ten"},
    "page": {"id": "Halaman {page} dari {pages}", "en": "Page {page} of {pages}"},
    "empty": {"id": "Tidak ada aktivitas pada minggu ini.", "en": "No activity this week."},
    "inactive": {
        "id": "{n} {what} lain tanpa aktivitas minggu ini (lihat XLSX/CSV).",
        "en": "{n} other {what} rows without activity this week (see the XLSX/CSV).",
    },
    "score_note": {
        "id": "Peringkat menurut skor ternormalisasi "
        "(kinerja = 0,35 respons + 0,30 SLA + 0,35 mutu, "
        "disusutkan ke rata-rata kota untuk volume kecil); "
        "peringkat mentah = kinerja × volume berbobot. "
        "Definisi dan rincian skor: Lampiran (halaman terakhir).",
        "en": "Ranked by normalised score "
        "(performance = 0.35 response + 0.30 SLA + 0.35 quality, shrunk "
        "towards the city's for small volumes); raw rank = performance × weighted volume. "
        "Definitions and score breakdown: Appendix (last pages).",
    },
    "hours_unit": {"id": "jam", "en": "h"},
    "chronic": {
        "id": "Sepuluh titik rawan teratas pada akhir minggu",
        "en": "Top ten chronic spots at the week's end",
    },
    "chronic_sheet": {"id": "Titik rawan", "en": "Chronic spots"},
    "chronic_note": {
        "id": "Titik rawan: sedikitnya {k} laporan satu kategori dalam {m} m selama {w} minggu "
        "terakhir (tanpa yang ditolak atau digabung). Kembali lagi: laporan yang datang setelah "
        "laporan di tempat itu diselesaikan.",
        "en": "Chronic spot: at least {k} reports of one category within {m} m over the last "
        "{w} weeks (rejected and merged left out). Came back: reports that came after a report "
        "there was closed.",
    },
    "no_chronic": {
        "id": "Tidak ada titik rawan pada akhir minggu ini.",
        "en": "No chronic spot at this week's end.",
    },
}

GROUPING_NAMES: dict[str, dict[str, str]] = {
    "agency": {"id": "Dinas", "en": "Agency"},
    "kota": {"id": "Kota", "en": "Kota"},
    "kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "official": {"id": "Pejabat", "en": "Official"},
}

# Report states as of the week's end, with Jakarta's labels (domain.states).
STATE_NAMES: dict[str, dict[str, str]] = {
    "Menunggu": {"id": "Menunggu", "en": "Waiting"},
    "Koordinasi": {"id": "Koordinasi", "en": "Coordination"},
    "Disposisi": {"id": "Disposisi", "en": "Disposition"},
    "Proses": {"id": "Proses", "en": "In progress"},
    "Selesai": {"id": "Selesai", "en": "Done"},
    "Ditolak": {"id": "Ditolak", "en": "Rejected"},
    "Duplikat": {"id": "Duplikat", "en": "Duplicate"},
}

BUCKET_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("0–6 jam", "6–24 jam", "1–3 hari", "3–7 hari", "≥ 7 hari"),
    "en": ("0–6 h", "6–24 h", "1–3 days", "3–7 days", "≥ 7 days"),
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (id or en)")
    return lang


def t(key: str, lang: str) -> str:
    return TEXT[key][lang]


def grouping_name(grouping: str, lang: str) -> str:
    return GROUPING_NAMES[grouping][lang]


def period(week, lang: str) -> str:
    """The week's days as every span of days is written: "23–29 Nov 2026"."""
    return formatting.day_range(week.monday, week.sunday, lang)


def fmt_number(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """1.234,5 in Indonesian, 1,234.5 in English; '–' for no value."""
    return formatting.decimal(value, lang, decimals)


def fmt_value(kind: str, value, lang: str) -> str:
    """A value as the PDF and the console show it."""
    if value is None:
        return "–"
    if kind in ("count", "rank"):
        return fmt_number(int(value), lang, 0)
    if kind == "hours":
        return fmt_number(value, lang, 1)
    if kind == "rate":
        return formatting.percent(value, lang, 1)
    if kind == "number":
        return fmt_number(value, lang, 2)
    if kind == "change":
        from qlue_console.reports.ranking import arrow

        return arrow(value)
    if kind == "moment":
        return formatting.moment(value, lang)
    return str(value)
