"""The default message templates (revision 0026) every Qlue database starts with: a dispatch
message, a rejection note per reason and a reply to the citizen per state, in Bahasa Indonesia
and English, a few of them for one category. Admins change them in the console. Idempotent: a
template whose title exists (for its purpose) is left as the admin made it."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, text


class DefaultTemplate(NamedTuple):
    purpose: str
    category: str | None
    status: str | None
    reason: str | None
    title: str
    body_id: str
    body_en: str
    position: int = 0


DEFAULT_TEMPLATES: tuple[DefaultTemplate, ...] = (
    # -- dispatch: the message to the officials (their @mentions go in {official}) ------------
    DefaultTemplate(
        "dispatch",
        None,
        None,
        None,
        "Tindak lanjut / Follow up",
        "{official} mohon tindak lanjut laporan {report} ({category}) di Kelurahan {kelurahan}. "
        "Batas waktu: {due}. Unggah foto bukti (TL) setelah selesai.",
        "{official} please follow up report {report} ({category}) in Kelurahan {kelurahan}. "
        "Due: {due}. Post a proof photo (TL) when done.",
    ),
    DefaultTemplate(
        "dispatch",
        None,
        "reopened",
        None,
        "Ditangani ulang / Handle again",
        "{official} laporan {report} dibuka kembali: bukti sebelumnya belum diterima atau warga "
        "melaporkan masalah masih ada. Mohon ditangani ulang sebelum {due}.",
        "{official} report {report} was reopened: the last proof was not accepted or the "
        "citizen says the problem is still there. Please handle it again by {due}.",
    ),
    DefaultTemplate(
        "dispatch",
        "banjir",
        None,
        None,
        "Genangan mendesak / Urgent flooding",
        "{official} MENDESAK: genangan dilaporkan di Kelurahan {kelurahan} (laporan {report}). "
        "Mohon kerahkan pompa dan petugas, dan kirim kondisi terkini sebelum {due}.",
        "{official} URGENT: flooding reported in Kelurahan {kelurahan} (report {report}). "
        "Please send pumps and crews, and report the situation by {due}.",
    ),
    DefaultTemplate(
        "dispatch",
        "sampah",
        None,
        None,
        "Angkut sampah / Collect garbage",
        "{official} mohon angkut sampah di Kelurahan {kelurahan} (laporan {report}) sebelum "
        "{due}, dengan foto lokasi setelah bersih.",
        "{official} please collect the garbage in Kelurahan {kelurahan} (report {report}) by "
        "{due}, with a photo of the cleared spot.",
    ),
    DefaultTemplate(
        "dispatch",
        "pohon_tumbang",
        None,
        None,
        "Pohon tumbang / Fallen tree",
        "{official} MENDESAK: pohon tumbang di Kelurahan {kelurahan} (laporan {report}). Mohon "
        "amankan lokasi dan evakuasi pohon sebelum {due}.",
        "{official} URGENT: a fallen tree in Kelurahan {kelurahan} (report {report}). Please "
        "secure the spot and remove the tree by {due}.",
    ),
    # -- rejection: the note kept with a rejection, one per reason ---------------------------
    DefaultTemplate(
        "rejection",
        None,
        None,
        "spam",
        "Bukan pengaduan / Not a complaint",
        "Laporan {report} tidak berisi pengaduan yang dapat ditindaklanjuti.",
        "Report {report} contains no complaint that can be acted on.",
    ),
    DefaultTemplate(
        "rejection",
        None,
        None,
        "out_of_scope",
        "Bukan kewenangan / Not the city's matter",
        "Laporan {report} ({category}) bukan kewenangan Pemprov DKI Jakarta; warga diarahkan ke "
        "instansi yang berwenang.",
        "Report {report} ({category}) is not a matter for the Jakarta government; the citizen "
        "is pointed to the responsible body.",
    ),
    DefaultTemplate(
        "rejection",
        None,
        None,
        "incomplete",
        "Kurang lengkap / Incomplete",
        "Foto atau lokasi laporan {report} kurang jelas untuk ditindaklanjuti; warga diminta "
        "mengirim laporan baru dengan foto dan titik lokasi yang jelas.",
        "The photo or position of report {report} is not clear enough to act on; the citizen "
        "is asked to send a new report with a clear photo and position.",
    ),
    DefaultTemplate(
        "rejection",
        None,
        None,
        "outside_dki",
        "Di luar DKI / Outside DKI",
        "Lokasi laporan {report} berada di luar wilayah DKI Jakarta; warga diarahkan ke "
        "pemerintah daerah setempat.",
        "The position of report {report} is outside DKI Jakarta; the citizen is pointed to the "
        "local government there.",
    ),
    # -- reply: a public update the citizen reads --------------------------------------------
    DefaultTemplate(
        "reply",
        None,
        None,
        None,
        "Terima kasih / Thank you",
        "Terima kasih, laporan {report} sudah kami terima dan sedang diperiksa.",
        "Thank you, we have received report {report} and are checking it.",
        9,
    ),
    DefaultTemplate(
        "reply",
        None,
        "triaged",
        None,
        "Sudah diperiksa / Checked",
        "Laporan {report} ({category}) sudah kami periksa dan akan diteruskan ke petugas yang "
        "berwenang.",
        "We have checked report {report} ({category}); it will be passed to the responsible "
        "officials.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "dispatched",
        None,
        "Diteruskan / Sent to the officials",
        "Laporan {report} sudah diteruskan ke {official} dan dijadwalkan ditangani sebelum "
        "{due}. Terima kasih atas kepedulian Anda.",
        "Report {report} has been sent to {official}, to be handled by {due}. Thank you for "
        "caring about your city.",
    ),
    DefaultTemplate(
        "reply",
        "banjir",
        "dispatched",
        None,
        "Petugas menuju lokasi / Crews on the way",
        "Petugas {official} sedang menuju lokasi genangan di Kelurahan {kelurahan} (laporan "
        "{report}). Mohon berhati-hati dan hindari area tergenang.",
        "Crews of {official} are on their way to the flooding in Kelurahan {kelurahan} (report "
        "{report}). Please take care and keep away from the flooded area.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "coordination",
        None,
        "Koordinasi / Being coordinated",
        "Laporan {report} sedang dikoordinasikan dengan {official} agar ditangani oleh pihak "
        "yang tepat.",
        "Report {report} is being coordinated with {official} so that the right body handles it.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "followed_up",
        None,
        "Sudah ditindaklanjuti / Work reported done",
        "Petugas sudah menindaklanjuti laporan {report}; bukti penanganannya sedang kami "
        "verifikasi.",
        "The officials report the work on report {report} done; we are verifying their proof.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "verified",
        None,
        "Selesai / Done",
        "Laporan {report} sudah selesai ditangani. Jika masalah masih ada, silakan laporkan "
        "kembali melalui laporan ini.",
        "Report {report} has been handled. If the problem is still there, please report it "
        "again on this report.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "reopened",
        None,
        "Ditangani ulang / Handled again",
        "Laporan {report} dibuka kembali dan sedang ditangani ulang oleh {official}, dengan "
        "batas waktu {due}.",
        "Report {report} was reopened and {official} is handling it again, due by {due}.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "rejected",
        None,
        "Tidak dapat diproses / Not taken up",
        "Mohon maaf, laporan {report} tidak dapat kami tindak lanjuti. Silakan kirim laporan "
        "baru dengan foto dan lokasi yang jelas bila masalahnya di wilayah DKI Jakarta.",
        "We are sorry, report {report} cannot be taken up. Please send a new report with a "
        "clear photo and position if the problem is in DKI Jakarta.",
    ),
    DefaultTemplate(
        "reply",
        None,
        "duplicate",
        None,
        "Laporan sama / Same problem reported",
        "Masalah pada laporan {report} sudah dilaporkan sebelumnya dan sedang ditangani; "
        "perkembangannya mengikuti laporan tersebut.",
        "The problem of report {report} was reported before and is being handled; its "
        "progress follows that report.",
    ),
)


def seed_templates(conn: Connection) -> None:
    conn.execute(
        text(
            "INSERT INTO message_templates (purpose, category_code, status, reason_code, title, "
            "body_id, body_en, position, updated_by) VALUES (:purpose, :category, :status, "
            ":reason, :title, :body_id, :body_en, :position, 'seed') ON CONFLICT DO NOTHING"
        ),
        [t._asdict() for t in DEFAULT_TEMPLATES],
    )
