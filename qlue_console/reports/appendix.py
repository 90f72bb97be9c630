"""The PDF's appendix in the report's language: what each figure counts, and how the league is
ranked (the formula of reports/ranking.py with its weights, so that a reader of the PDF alone
sees why a group with the higher response rate can rank lower). docs/kpis.md says the same
for developers."""

from __future__ import annotations

from qlue_console.reports.labels import fmt_number
from qlue_console.reports.ranking import (
    Q_RECURRENCE,
    Q_REJECTED,
    Q_REOPENED,
    Q_REUSED,
    SHRINK_K,
    W_QUALITY,
    W_RATE,
    W_TIME,
)

TITLE = {
    "id": "Lampiran — definisi dan metode peringkat",
    "en": "Appendix — definitions and ranking method",
}
WEEK = {
    "id": "Satu minggu = Senin 00:00 WIB sampai Senin berikutnya 00:00 WIB. "
    "Setiap angka dihitung dari kejadian (laporan masuk, disposisi, tindak lanjut, keputusan "
    "bukti) sebelum akhir minggu; status = status pada akhir minggu.",
    "en": "A week = Monday 00:00 WIB to the next Monday 00:00 WIB. "
    "Every figure is computed from the events (report received, dispatch, follow-up, proof "
    "decision) before the week's end; a state is the state at the week's end.",
}
DEFINITIONS_TITLE = {"id": "Indikator", "en": "Figures"}

# (column code, Indonesian, English): what the figure counts.
DEFINITIONS: tuple[tuple[str, str, str], ...] = (
    (
        "received",
        "laporan yang masuk minggu ini dan pada akhir minggu tidak digabung atau ditolak",
        "reports received this week that are neither merged nor rejected at the week's end",
    ),
    (
        "duplicates",
        "laporan masuk minggu ini yang digabung ke laporan lain",
        "reports received this week merged into another",
    ),
    (
        "rejected",
        "laporan masuk minggu ini yang ditolak",
        "reports received this week that were rejected",
    ),
    (
        "weighted_received",
        "jumlah bobot masalah (bobot kategori) laporan yang diterima",
        "sum of the problem weights (category weights) of the reports received",
    ),
    (
        "dispatched",
        "laporan yang pertama kali didisposisi minggu ini",
        "reports first dispatched this week",
    ),
    (
        "followed_up",
        "laporan yang mendapat tindak lanjut (TL) minggu ini",
        "reports with a follow-up this week",
    ),
    (
        "verified",
        "laporan yang buktinya disetujui minggu ini (selesai)",
        "reports whose proof was approved this week",
    ),
    (
        "proofs_rejected",
        "bukti yang ditolak supervisor minggu ini",
        "proofs a supervisor rejected this week",
    ),
    (
        "reopened",
        "laporan yang dibuka kembali oleh warga minggu ini",
        "reports a citizen reopened this week",
    ),
    (
        "backlog",
        "laporan yang masih terbuka pada akhir minggu",
        "reports still open at the week's end",
    ),
    (
        "overdue",
        "tunggakan dengan mention terbuka yang lewat batas waktu (SLA) pada akhir minggu, "
        "tidak termasuk yang menunggu verifikasi bukti",
        "backlog with an open mention past its due time (SLA) at the week's end, not counting "
        "those waiting for proof verification",
    ),
    (
        "triage_median_h",
        "median waktu dari laporan masuk sampai tindakan triase pertama (p90: 90 % di bawahnya)",
        "median time from receipt to the first triage action (p90: 90 % are below it)",
    ),
    (
        "response_median_h",
        "median waktu dari disposisi pertama sampai tindak lanjut pertama",
        "median time from the first dispatch to the first follow-up",
    ),
    (
        "close_median_h",
        "median waktu dari laporan masuk sampai bukti disetujui",
        "median time from receipt to the approved proof",
    ),
    (
        "sla_compliance",
        "tindak lanjut pertama yang datang sebelum batas waktu SLA kategorinya / semua tindak "
        "lanjut pertama",
        "first follow-ups within their category's SLA / all first follow-ups",
    ),
    (
        "proof_rejection_rate",
        "bukti ditolak / (bukti diterima + bukti ditolak)",
        "proofs rejected / (approved + rejected)",
    ),
    ("reopen_rate", "dibuka kembali / selesai", "reopened / verified"),
    (
        "recurrence_rate",
        "laporan yang diselesaikan dalam {days} hari sampai akhir minggu dan tempatnya "
        "dilaporkan lagi sebelum akhir minggu (kategori yang sama atau terkait, dalam {m} m) / "
        "laporan yang diselesaikan dalam {days} hari itu",
        "reports closed in the {days} days to the week's end whose place was reported again "
        "before the week's end (same or related category, within {m} m) / reports closed in "
        "those {days} days",
    ),
    (
        "reused_proof_rate",
        "tindak lanjut dengan foto bukti yang sudah dipakai untuk laporan lain / tindak lanjut",
        "follow-ups whose proof photo was already used on another report / follow-ups",
    ),
    (
        "forwarding_rate",
        "laporan diteruskan lebih dari sekali / laporan ditangani",
        "reports passed on more than once / reports handled",
    ),
    (
        "response_rate",
        "ditindaklanjuti / (ditindaklanjuti + lewat SLA)",
        "followed up / (followed up + overdue)",
    ),
)
NO_VALUE = {
    "id": "Tingkat tanpa penyebut (0) ditulis “–”.",
    "en": "A rate whose base is 0 is shown as “–”.",
}

METHOD_TITLE = {"id": "Metode peringkat", "en": "Ranking method"}


def definitions(lang: str, window_days: int, distance_m: float) -> list[tuple[str, str]]:
    """(column code, what it counts) in ``lang``, with the recurrence rule's window and
    distance as the database has them set."""
    metres = fmt_number(distance_m, lang, 0)
    return [
        (code, (text_id if lang == "id" else text_en).format(days=window_days, m=metres))
        for code, text_id, text_en in DEFINITIONS
    ]


def method_lines(
    lang: str, city_performance: float | None, window_days: int = 30, distance_m: float = 100.0
) -> list[str]:
    """The ranking formula with its weights, the recurrence rule's window and distance, and this
    week's city performance."""
    days = window_days
    metres = fmt_number(distance_m, lang, 0)

    def n(value: float, decimals: int = 2) -> str:
        return fmt_number(value, lang, decimals)

    k = fmt_number(SHRINK_K, lang, 0)
    p_city = "–" if city_performance is None else fmt_number(100 * city_performance, lang, 1) + " %"
    if lang == "id":
        return [
            f"R = tingkat respons; T = kepatuhan SLA; Q = mutu = 1 − ({n(Q_REJECTED)} × "
            f"tingkat bukti ditolak + {n(Q_REOPENED)} × min(1; tingkat dibuka kembali) + "
            f"{n(Q_REUSED)} × tingkat bukti daur ulang + {n(Q_RECURRENCE)} × tingkat masalah "
            f"berulang). Masalah berulang: laporan yang diselesaikan dalam {days} hari sampai "
            "akhir minggu dan tempatnya dilaporkan lagi (kategori yang sama atau terkait, dalam "
            f"{metres} m); bobotnya "
            "lebih kecil dari bukti ditolak, karena masalah bisa kembali tanpa salah petugas.",
            f"Kinerja P = {n(W_RATE)} R + {n(W_TIME)} T + {n(W_QUALITY)} Q (0–100 %). Komponen "
            "tanpa data minggu ini memakai nilai kota.",
            f"Skor (peringkat) = (n × P + {k} × P_kota) / (n + {k}), dengan n = ditindaklanjuti + "
            "lewat SLA: kelompok dengan volume kecil ditarik ke kinerja kota (P_kota minggu ini "
            f"= {p_city}), sehingga dua laporan yang kebetulan baik tidak menjadi juara.",
            "Karena itu tingkat respons yang lebih tinggi belum tentu berperingkat lebih tinggi: "
            "skor juga memuat kepatuhan SLA dan mutu, dan n yang kecil menarik skor ke arah "
            "P_kota. Tabel berikut memuat R, T, Q, P, n dan skor setiap kelompok (skor dengan "
            "empat desimal: dua kelompok yang sama-sama 0,85 di klasemen berbeda di sini).",
            "Peringkat mentah = P × volume berbobot (kelompok besar dengan masalah berat yang "
            "ditangani baik di atas). Peringkat kompetisi (skor sama, peringkat sama); ± = "
            "peringkat minggu lalu − peringkat minggu ini (▲ naik, ▼ turun). Kelompok tanpa "
            "wilayah/dinas tidak diberi peringkat.",
        ]
    return [
        f"R = response rate; T = SLA compliance; Q = quality = 1 − ({n(Q_REJECTED)} × proof "
        f"rejection rate + {n(Q_REOPENED)} × min(1, reopen rate) + {n(Q_REUSED)} × "
        f"reused-proof rate + {n(Q_RECURRENCE)} × recurrence rate). Recurrence: reports closed "
        f"in the {days} days to the week's end whose place was reported again (same or related "
        f"category, within {metres} m); it weighs less than a rejected proof, as a problem can "
        "come back through no "
        "fault of the official.",
        f"Performance P = {n(W_RATE)} R + {n(W_TIME)} T + {n(W_QUALITY)} Q (0–100 %). A component "
        "without data this week takes the city's value.",
        f"Score (the rank) = (n × P + {k} × P_city) / (n + {k}), with n = followed up + overdue: "
        "groups with a small volume are pulled towards the city's performance (P_city this week "
        f"= {p_city}), so two lucky reports do not top the table.",
        "So a higher response rate does not by itself rank higher: the score also counts SLA "
        "compliance and quality, and a small n pulls the score towards P_city. The table below "
        "gives every group's R, T, Q, P, n and score (the score with four decimals: two groups "
        "both at 0.85 in the league table differ here).",
        "Raw rank = P × weighted volume (big groups handling heavy problems well come first). "
        "Competition ranks (equal scores share a rank); ± = last week's rank − this week's (▲ "
        "up, ▼ down). The unassigned group is not ranked.",
    ]


BREAKDOWN_TITLE = {"id": "Rincian skor", "en": "Score breakdown"}
BREAKDOWN_HEADERS = {
    "id": ("Pkt", "Nama", "R respons", "T SLA", "Q mutu", "P kinerja", "n", "Skor"),
    "en": ("Rank", "Name", "R response", "T SLA", "Q quality", "P performance", "n", "Score"),
}
BORROWED = {
    "id": "* tanpa data minggu ini: nilai kota dipakai.",
    "en": "* no data this week: the city's value is used.",
}
