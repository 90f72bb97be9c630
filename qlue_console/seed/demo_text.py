"""What the demo city's people write: citizens' report texts per category (in Indonesian, with
streets, gangs and RT/RW as Jakartans write them), citizens' handles, officials' follow-up
notes, operators' dispatch messages and comments, reasons for rejecting a report or a proof
photo, spam, and a few texts carrying HTML or script — citizens' text is data and every screen
must show it escaped, so the demo contains such texts on purpose.

Every function draws from the ``random.Random`` it is given: the same seed, the same city.
"""

from __future__ import annotations

import random

__all__ = [
    "CATEGORY_TEXTS",
    "HOSTILE_TEXTS",
    "SPAM_TEXTS",
    "CitizenPool",
    "comment_text",
    "dispatch_message",
    "follow_up_note",
    "forward_reason",
    "incomplete_text",
    "mention_message",
    "out_of_scope_text",
    "proof_rejection_note",
    "reject_note",
    "reopen_text",
    "report_text",
    "spam_text",
    "weak_proof_note",
]

STREETS = (
    "Jl. Cempaka Putih Raya",
    "Jl. Kramat Raya",
    "Jl. Tanah Abang II",
    "Jl. Mangga Besar Raya",
    "Jl. Daan Mogot",
    "Jl. Raya Bogor",
    "Jl. Pemuda",
    "Jl. Kebon Sirih",
    "Jl. Matraman Raya",
    "Jl. Salemba Raya",
    "Jl. Gunung Sahari",
    "Jl. Pramuka",
    "Jl. Kalimalang",
    "Jl. Dewi Sartika",
    "Jl. Otista Raya",
    "Jl. Tebet Barat Dalam",
    "Jl. Kemang Raya",
    "Jl. Fatmawati",
    "Jl. Ciledug Raya",
    "Jl. Panjang",
    "Jl. Kyai Tapa",
    "Jl. Hayam Wuruk",
    "Jl. Pluit Karang",
    "Jl. Yos Sudarso",
    "Jl. Warakas",
    "Jl. Plumpang Semper",
    "Jl. Bekasi Raya",
    "Jl. Raya Condet",
    "Jl. Haji Naman",
    "Jl. Kebon Kacang",
    "Jl. Petamburan",
    "Jl. Johar Baru",
    "Jl. Percetakan Negara",
    "Jl. Rawamangun Muka",
    "Jl. Pulo Gadung",
    "Jl. Jatinegara Barat",
    "Jl. Pasar Minggu",
    "Jl. Warung Buncit Raya",
    "Jl. Kebayoran Lama",
    "Jl. Meruya Ilir",
    "Jl. Kembangan Raya",
    "Jl. Tanjung Duren Raya",
    "Jl. Duri Kepa",
    "Jl. Kapuk Raya",
    "Jl. Muara Baru",
    "Jl. Sunter Jaya",
    "Jl. Kelapa Gading Boulevard",
)
GANGS = (
    "Gang Kelinci",
    "Gang Sawo",
    "Gang Masjid",
    "Gang Haji Ung",
    "Gang Mawar",
    "Gang Pepaya",
    "Gang Langgar",
    "Gang Buntu",
    "Gang Asem",
    "Gang Kober",
    "Gang Sentiong",
    "Gang Kancil",
)
LANDMARKS = (
    "depan Indomaret",
    "sebelah masjid",
    "dekat pos RW",
    "seberang SDN",
    "depan warteg",
    "samping puskesmas",
    "dekat halte TransJakarta",
    "depan gereja",
    "ujung gang",
    "dekat pangkalan ojek",
    "di bawah flyover",
    "dekat jembatan penyeberangan",
    "depan pasar",
    "samping kantor kelurahan",
)


def _place(rng: random.Random, kelurahan: str | None) -> str:
    street = (
        rng.choice(STREETS) if rng.random() < 0.7 else f"{rng.choice(GANGS)}, {rng.choice(STREETS)}"
    )
    parts = [street]
    if rng.random() < 0.6:
        parts.append(f"RT {rng.randint(1, 16):02d}/RW {rng.randint(1, 12):02d}")
    if kelurahan and rng.random() < 0.5:
        parts.append(f"Kel. {kelurahan}")
    place = ", ".join(parts)
    if rng.random() < 0.5:
        place = f"{place} ({rng.choice(LANDMARKS)})"
    return place


# Per category: templates with {place}, {days} and {n}.
CATEGORY_TEXTS: dict[str, tuple[str, ...]] = {
    "sampah": (
        "Sampah menumpuk di pinggir jalan {place}, sudah {days} hari tidak diangkut. Bau sekali.",
        "Tumpukan sampah rumah tangga di {place} sampai menutup trotoar, mohon diangkut.",
        "TPS liar di {place}, warga buang sampah sembarangan tiap malam. Tolong dipasang larangan.",
        "Sampah di kali dekat {place} menumpuk, takut banjir kalau hujan.",
        "Gerobak sampah tidak datang sudah {days} hari di {place}. Lalat banyak sekali.",
    ),
    "saluran_tersumbat": (
        "Saluran air di {place} tersumbat sampah daun dan lumpur, air meluap ke jalan.",
        "Got depan rumah di {place} mampet, airnya hitam dan bau. Sudah {days} hari.",
        "Saluran tersumbat di {place}, kalau hujan sedikit langsung tergenang.",
        "Mohon pengerukan saluran di {place}, sedimen sudah hampir penuh.",
    ),
    "jalan_rusak": (
        "Jalan berlubang besar di {place}, sudah ada {n} motor jatuh minggu ini.",
        "Aspal rusak parah di {place}, lubang dalam dan tergenang kalau hujan.",
        "Bekas galian pipa di {place} tidak ditutup rapi, jalan jadi bergelombang.",
        "Jalan ambles di {place}, mohon segera diperbaiki sebelum ada korban.",
    ),
    "banjir": (
        "Genangan air setinggi betis di {place}, kendaraan tidak bisa lewat.",
        "Banjir di {place} sudah {n} jam belum surut, air masuk ke rumah warga.",
        "Air meluap dari kali dekat {place}, ketinggian sekitar {n}0 cm. Mohon pompa.",
        "Jalan di {place} tergenang setelah hujan deras, motor banyak yang mogok.",
    ),
    "parkir_liar": (
        "Parkir liar di trotoar {place}, pejalan kaki terpaksa turun ke jalan.",
        "Mobil parkir dua lapis di {place} bikin macet tiap sore.",
        "Juru parkir liar di {place} memungut bayaran, kendaraan parkir di bahu jalan.",
        "Bengkel di {place} pakai badan jalan untuk parkir motor pelanggan.",
    ),
    "angkutan_ngetem": (
        "Angkot ngetem di tikungan {place}, bikin macet panjang.",
        "Kopaja ngetem lama di {place}, menutup jalur kiri. Mohon ditertibkan.",
        "Bajaj dan angkot mangkal di mulut gang {place}, susah keluar masuk.",
        "Bus ngetem di depan halte {place}, penumpang naik di tengah jalan.",
    ),
    "pohon_tumbang": (
        "Pohon tumbang menutup jalan di {place}, kendaraan tidak bisa lewat!",
        "Dahan pohon besar patah dan menimpa kabel di {place}. Bahaya.",
        "Pohon miring hampir tumbang di {place}, mohon dipangkas sebelum hujan angin.",
        "Pohon tumbang menimpa motor yang parkir di {place}.",
    ),
    "pkl_liar": (
        "PKL berjualan di trotoar {place}, pejalan kaki tidak bisa lewat.",
        "Pedagang kaki lima memakai badan jalan di {place} sampai malam.",
        "Lapak PKL permanen di {place} menutup saluran air.",
        "PKL liar di jembatan penyeberangan {place}, sempit dan kotor.",
    ),
    "lampu_jalan": (
        "Lampu jalan mati sejak {days} hari di {place}, gelap dan rawan begal.",
        "PJU di {place} berkedip-kedip lalu mati, mohon diperbaiki.",
        "{n} titik lampu jalan mati berturut-turut di {place}.",
        "Tiang lampu jalan di {place} miring dan lampunya mati.",
    ),
    "fasum_rusak": (
        "Halte di {place} rusak, atapnya bocor dan kursinya patah.",
        "Trotoar di {place} ubinnya lepas, membahayakan pejalan kaki.",
        "Ayunan di taman {place} rusak, anak-anak bisa terluka.",
        "Pagar jembatan di {place} jebol, mohon diperbaiki.",
        "Tutup gorong-gorong di {place} hilang, lubang terbuka di trotoar.",
    ),
    "air_bersih": (
        "Air PAM tidak mengalir sudah {days} hari di {place}.",
        "Air keruh dan berbau keluar dari keran di {place}.",
        "Pipa PAM bocor di {place}, air terbuang ke jalan.",
        "Tekanan air sangat kecil di {place} sejak {days} hari, hanya menetes.",
    ),
    "kabel_semrawut": (
        "Kabel semrawut menjuntai rendah di {place}, tersangkut truk tadi pagi.",
        "Kabel fiber optik putus dan tergeletak di trotoar {place}.",
        "Tiang kabel miring dengan kabel bergelantungan di {place}.",
    ),
    "bangunan_liar": (
        "Ada bangunan baru tanpa IMB di atas saluran di {place}.",
        "Bangunan liar di bantaran kali dekat {place} terus bertambah.",
        "Renovasi rumah di {place} memakan badan jalan, material menumpuk.",
    ),
    "sarang_nyamuk": (
        "Banyak jentik nyamuk di genangan {place}, sudah ada {n} warga kena DBD.",
        "Rumah kosong di {place} penuh air tergenang, sarang nyamuk. Mohon fogging.",
        "Ban bekas menumpuk di {place} jadi sarang nyamuk, anak tetangga kena DBD.",
    ),
    "gelandangan": (
        "Ada gelandangan tidur di halte {place} setiap malam.",
        "Pengemis anak-anak di lampu merah {place}, kasihan dan berbahaya.",
        "Orang dengan gangguan jiwa berkeliaran di {place}, warga resah.",
        "Manusia gerobak mangkal di {place}, mohon dibantu Dinsos.",
    ),
}

SPAM_TEXTS = (
    "Promo pinjaman online cair 5 menit tanpa jaminan, WA 0812xxxx",
    "tes tes aplikasi",
    "Selamat pagi admin",
    "Jual followers murah, hubungi IG kami",
    "asdfghjkl",
    "Admin kapan gajian honorer cair?",
    "Klik link ini untuk dapat pulsa gratis http://pulsa-gratis.example",
)

# Citizens' texts are data: these must appear escaped on every screen (map, queue, detail).
HOSTILE_TEXTS = (
    "Sampah numpuk di Jl. Kramat Raya <img src=x onerror=alert(1)> tolong diangkut segera",
    "<script>alert('qlue')</script> Jalan berlubang di Jl. Salemba Raya, RT 03/RW 05",
    "Lampu jalan mati <b>sudah seminggu</b> & gelap \"banget\" di Gang Sawo <a "
    "href=javascript:alert(2)>lihat</a>",
)

OUT_OF_SCOPE_TEXTS = (
    "Tetangga saya berisik karaoke tiap malam sampai jam 2, tolong ditegur.",
    "Saya mau tanya cara bikin KTP elektronik yang hilang.",
    "Harga cabai di pasar naik terus, pemerintah tolong turun tangan.",
    "Sinyal HP di rumah saya jelek sekali, provider tidak respon.",
)

INCOMPLETE_TEXTS = (
    "Tolong",
    "Di sini rusak",
    "Itu lho yang kemarin",
    "Mohon ditindaklanjuti",
)

_FIRST = ("warga", "abang", "mpok", "bang", "ibu", "pakde", "kang", "om", "mas", "mbak", "cak")
_SECOND = (
    "cempaka",
    "kemayoran",
    "tebet",
    "rawamangun",
    "cengkareng",
    "penjaringan",
    "kalibata",
    "condet",
    "menteng",
    "pluit",
    "cilincing",
    "duren",
    "matraman",
    "kramat",
    "pademangan",
    "gambir",
    "grogol",
    "palmerah",
    "ciracas",
    "jatinegara",
    "senen",
    "cideng",
    "kuningan",
    "tanjungpriok",
    "sunter",
    "klender",
    "kebonjeruk",
    "kapuk",
    "bintaro",
    "cipete",
)
_NAMES = (
    "andi",
    "budi",
    "siti",
    "rudi",
    "dedi",
    "yanti",
    "agus",
    "rina",
    "joko",
    "dian",
    "fajar",
    "lina",
    "hendra",
    "wati",
    "bayu",
    "nur",
    "eko",
    "indah",
    "reza",
    "putri",
)


class CitizenPool:
    """Citizens' handles (``warga_cempaka21``); a few citizens report again and again."""

    def __init__(self, rng: random.Random, size: int = 1500) -> None:
        self._rng = rng
        handles: list[str] = []
        seen: set[str] = set()
        while len(handles) < size:
            style = rng.random()
            if style < 0.45:
                handle = f"{rng.choice(_FIRST)}_{rng.choice(_SECOND)}{rng.randint(1, 99)}"
            elif style < 0.8:
                handle = f"{rng.choice(_NAMES)}.{rng.choice(_SECOND)}"
            else:
                handle = f"{rng.choice(_NAMES)}{rng.randint(70, 2005)}"
            if handle not in seen:
                seen.add(handle)
                handles.append(handle)
        self.handles = tuple(handles)
        # Zipf-like: the first handles report most (the regulars of any complaint system).
        self._weights = tuple(1.0 / (i + 1) ** 0.6 for i in range(size))

    def pick(self) -> str:
        return self._rng.choices(self.handles, weights=self._weights)[0]


def report_text(category: str, rng: random.Random, *, kelurahan: str | None = None) -> str:
    template = rng.choice(CATEGORY_TEXTS[category])
    text = template.format(
        place=_place(rng, kelurahan), days=rng.randint(2, 9), n=rng.randint(2, 6)
    )
    if rng.random() < 0.15:
        text += rng.choice(
            (
                " Terima kasih.",
                " Mohon segera ditindaklanjuti.",
                " #JakartaBisa",
                " Sudah pernah lapor tapi belum ada tindakan.",
                " Tolong pak lurah 🙏",
            )
        )
    return text


def spam_text(rng: random.Random) -> str:
    return rng.choice(SPAM_TEXTS)


def out_of_scope_text(rng: random.Random) -> str:
    return rng.choice(OUT_OF_SCOPE_TEXTS)


def incomplete_text(rng: random.Random) -> str:
    return rng.choice(INCOMPLETE_TEXTS)


REJECT_NOTES = {
    "spam": ("Bukan laporan, promosi/spam.", "Pesan uji coba, bukan laporan.", "Spam."),
    "out_of_scope": (
        "Bukan kewenangan Pemprov DKI, diarahkan ke instansi terkait.",
        "Keluhan pribadi antarwarga, silakan diselesaikan lewat RT/RW.",
        "Pertanyaan layanan, diarahkan ke kanal informasi.",
    ),
    "incomplete": (
        "Lokasi dan uraian tidak jelas, mohon lapor ulang dengan foto dan alamat.",
        "Foto tidak menunjukkan masalah yang dilaporkan.",
    ),
    "outside_dki": (
        "Lokasi di luar wilayah DKI Jakarta (Bekasi/Depok/Tangerang), "
        "silakan lapor ke pemda setempat.",
        "Titik lokasi di luar DKI Jakarta.",
    ),
}


def reject_note(reason: str, rng: random.Random) -> str:
    return rng.choice(REJECT_NOTES.get(reason, ("Ditolak.",)))


_DONE = {
    "sampah": "sampah sudah diangkut dan lokasi dibersihkan",
    "saluran_tersumbat": "saluran sudah dikuras dan air mengalir lancar",
    "jalan_rusak": "lubang sudah ditambal aspal",
    "banjir": "genangan sudah surut setelah pompa dinyalakan",
    "parkir_liar": "kendaraan sudah ditertibkan dan diderek",
    "angkutan_ngetem": "angkutan sudah ditertibkan, petugas berjaga di lokasi",
    "pohon_tumbang": "pohon sudah dipotong dan jalan bisa dilalui",
    "pkl_liar": "PKL sudah ditertibkan dan trotoar bersih",
    "lampu_jalan": "lampu sudah diganti dan menyala kembali",
    "fasum_rusak": "fasilitas sudah diperbaiki",
    "air_bersih": "pipa sudah diperbaiki dan air mengalir kembali",
    "kabel_semrawut": "kabel sudah dirapikan",
    "bangunan_liar": "pemilik sudah diberi surat peringatan dan bangunan disegel",
    "sarang_nyamuk": "sudah dilakukan PSN dan fogging di lingkungan RW",
    "gelandangan": "PMKS sudah dijangkau dan dibawa ke panti sosial",
}


def follow_up_note(category: str, rng: random.Random, *, official: str, official_name: str) -> str:
    done = _DONE.get(category, "laporan sudah ditangani")
    who = official_name
    if official.startswith("ppsu."):
        who = f"PPSU Kelurahan {official_name.removeprefix('PPSU ')}"
    template = rng.choice(
        (
            "Sudah ditangani oleh {who}: {done}. Terima kasih atas laporannya.",
            "Laporan sudah ditindaklanjuti ({who}), {done}.",
            "Selesai. {done_cap} oleh {who}.",
            "Tim {who} sudah ke lokasi, {done}. Mohon dipantau bersama.",
        )
    )
    return template.format(who=who, done=done, done_cap=done[:1].upper() + done[1:])


def dispatch_message(category_name: str, handles: list[str], rng: random.Random) -> str:
    mentions = " ".join(f"@{h}" for h in handles)
    return rng.choice(
        (
            f"{mentions} mohon ditindaklanjuti laporan {category_name.lower()} ini.",
            f"{mentions} laporan warga terkait {category_name.lower()}, mohon dicek ke lokasi.",
            f"Mohon bantuan {mentions} untuk menangani, terima kasih.",
        )
    )


def mention_message(handle: str, rng: random.Random) -> str:
    return rng.choice(
        (
            f"@{handle} tolong dicek ke lokasi ya, terima kasih.",
            f"@{handle} mohon bantu tangani hari ini.",
            f"@{handle} ikut dikoordinasikan.",
        )
    )


def forward_reason(kind: str, rng: random.Random, *, target_name: str) -> str:
    if kind == "kelurahan":
        return rng.choice(
            (
                f"Bukan wilayah kami, lokasi masuk {target_name}.",
                f"Titik lokasi berada di wilayah {target_name}, mohon ditangani.",
            )
        )
    if kind == "external":
        return rng.choice(
            (
                f"Kewenangan {target_name}, mohon ditindaklanjuti.",
                f"Jaringan milik {target_name}, sudah dikoordinasikan.",
            )
        )
    return rng.choice((f"Kewenangan {target_name}.", f"Lebih tepat ditangani {target_name}."))


def comment_text(rng: random.Random) -> str:
    return rng.choice(
        (
            "Sudah ditelepon pelapor, lokasi tepatnya di sebelah pos RW.",
            "Laporan serupa pernah masuk bulan lalu.",
            "Pelapor rutin, laporannya biasanya akurat.",
            "Mohon prioritas, dekat sekolah.",
            "Foto kurang jelas, tapi lokasi sesuai.",
            "Koordinasi dengan RT setempat sudah dilakukan.",
        )
    )


PROOF_REJECTIONS = {
    "wrong_place": (
        "Lokasi foto TL jauh dari titik laporan.",
        "Foto bukan di lokasi yang dilaporkan.",
    ),
    "old_photo": (
        "Foto TL diambil sebelum laporan masuk.",
        "Foto lama, bukan hasil penanganan terbaru.",
    ),
    "reused_photo": (
        "Foto TL sama dengan foto laporan lain.",
        "Foto yang dipakai adalah foto pelapor sendiri.",
        "Foto sama dengan TL laporan lain, hanya tanggalnya diganti.",
    ),
    "not_fixed": ("Di foto masih terlihat masalahnya belum selesai.", "Penanganan belum tuntas."),
    "unreadable": ("Foto buram/gelap, tidak bisa diverifikasi.", "Foto tidak terbaca."),
    "other": (
        "Tangkapan layar, bukan foto kamera.",
        "Foto tanpa metadata lokasi dan waktu.",
        "Pelapor dan petugas yang menyelesaikan orang yang sama.",
    ),
}


def proof_rejection_note(reason: str, rng: random.Random) -> str:
    return rng.choice(PROOF_REJECTIONS.get(reason, ("Bukti kurang.",)))


def reopen_text(category: str, rng: random.Random) -> str:
    return rng.choice(
        (
            "Belum beres, masalahnya muncul lagi.",
            "Petugas bilang sudah selesai, tapi kenyataannya belum ada perubahan.",
            "Cuma dibersihkan sebagian, besoknya sama lagi.",
            "Foto tindak lanjutnya bukan di lokasi saya.",
            "Sudah diperbaiki tapi rusak lagi setelah hujan.",
        )
    )


WEAK_PROOF_NOTES = {
    "far": "Lokasi foto TL jauh dari titik laporan.",
    "before_report": "Foto TL diambil sebelum laporan masuk.",
    "stale": "Foto lama, diambil berminggu-minggu sebelum TL dikirim.",
    "citizen_repost": "Foto yang dipakai adalah foto pelapor sendiri.",
    "reused": "Foto TL sama dengan TL laporan lain.",
    "reused_dated": "Foto sama dengan TL laporan lain, hanya tanggalnya diganti.",
    "screenshot": "Tangkapan layar, bukan foto kamera.",
    "blurred": "Foto buram, tidak bisa diverifikasi.",
    "dark": "Foto terlalu gelap, tidak bisa diverifikasi.",
    "no_exif": "Foto tanpa metadata lokasi dan waktu.",
    "self_resolved": "Pelapor dan petugas yang menyelesaikan orang yang sama.",
}


def weak_proof_note(kind: str) -> str:
    """The supervisor's note when rejecting a weak proof photo of the given kind."""
    return WEAK_PROOF_NOTES.get(kind, "Bukti kurang.")
