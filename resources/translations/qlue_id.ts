<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="77" />
        <source>Loading report #%1…</source>
        <translation>Memuat laporan #%1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="87" />
        <source>Could not load the report: %1</source>
        <translation>Laporan tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="98" />
        <source>claimed by %1</source>
        <translation>diklaim oleh %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="103" />
        <source>Outside DKI Jakarta (%1, %2)</source>
        <translation>Di luar DKI Jakarta (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="137" />
        <source>Citizen's photo</source>
        <translation>Foto warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="137" />
        <source>Proof photo (TL)</source>
        <translation>Foto bukti (TL)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="141" />
        <source>No photo</source>
        <translation>Tidak ada foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="158" />
        <source>The photo cannot be read</source>
        <translation>Foto tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="12" />
        <source>Select a report</source>
        <translation>Pilih laporan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="36" />
        <source>Wheel or +/- to zoom, drag to pan</source>
        <translation>Roda mouse atau +/- untuk zoom, seret untuk menggeser</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="45" />
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="48" />
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="51" />
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="51" />
        <source>Fit the photo in the view</source>
        <translation>Sesuaikan foto dengan tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="71" />
        <source>Place</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="73" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="75" />
        <source>Channel / citizen</source>
        <translation>Kanal / warga</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="77" />
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="79" />
        <source>SLA due</source>
        <translation>Batas waktu SLA</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="85" />
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="94" />
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="95" />
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="96" />
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="14" />
        <source>Menunggu</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="15" />
        <source>Koordinasi</source>
        <translation>Koordinasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="16" />
        <source>Disposisi</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="17" />
        <source>Proses</source>
        <translation>Proses</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="18" />
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="19" />
        <source>Ditolak</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="20" />
        <source>Duplikat</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="23" />
        <source>App</source>
        <translation>Aplikasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="24" />
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="25" />
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="26" />
        <source>Social media</source>
        <translation>Media sosial</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="27" />
        <source>Call center</source>
        <translation>Call center</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="30" />
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="31" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="32" />
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="33" />
        <source>Urgent</source>
        <translation>Mendesak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="36" />
        <source>Reported</source>
        <translation>Dilaporkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="37" />
        <source>Triaged</source>
        <translation>Diverifikasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="38" />
        <source>Claimed</source>
        <translation>Diklaim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="39" />
        <source>Released</source>
        <translation>Dilepas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="40" />
        <source>Category changed</source>
        <translation>Kategori diubah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="41" />
        <source>Priority changed</source>
        <translation>Prioritas diubah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="42" />
        <source>Dispatched</source>
        <translation>Didisposisikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="43" />
        <source>Mentioned</source>
        <translation>Di-mention</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="44" />
        <source>Passed on (Koordinasi)</source>
        <translation>Diteruskan (Koordinasi)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="45" />
        <source>Escalated</source>
        <translation>Dieskalasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="46" />
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="47" />
        <source>Follow-up (TL)</source>
        <translation>Tindak lanjut (TL)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="48" />
        <source>Proof approved</source>
        <translation>Bukti diterima</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="49" />
        <source>Proof rejected</source>
        <translation>Bukti ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="50" />
        <source>Reopened</source>
        <translation>Dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="51" />
        <source>Merged as duplicate</source>
        <translation>Digabung sebagai duplikat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="52" />
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="53" />
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="25" />
        <source>Qlue Console — Jakarta operations center</source>
        <translation>Qlue Console — Pusat Komando Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="60" />
        <source>Workspaces</source>
        <translation>Ruang kerja</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="74" />
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="88" />
        <source>About Qlue Console</source>
        <translation>Tentang Qlue Console</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="89" />
        <source>Qlue Console — the operations console of Jakarta's command center.

Kelurahan boundaries: HDX / BPS (CC BY-IGO). Area codes: Kemendagri, via cahyadsn/wilayah (MIT).</source>
        <translation>Qlue Console — konsol operasional Pusat Komando Jakarta.

Batas kelurahan: HDX / BPS (CC BY-IGO). Kode wilayah: Kemendagri, melalui cahyadsn/wilayah (MIT).</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="52" />
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="52" />
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="52" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="52" />
        <source>Kelurahan / Kecamatan</source>
        <translation>Kelurahan / Kecamatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="53" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="53" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="53" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="53" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="54" />
        <source>Claimed by</source>
        <translation>Diklaim oleh</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="171" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="173" />
        <source>Repeat reporter: the same citizen reported this category nearby before</source>
        <translation>Pelapor berulang: warga yang sama pernah melaporkan kategori ini di dekat sini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="195" />
        <source>Outside DKI Jakarta</source>
        <translation>Di luar DKI Jakarta</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="49" />
        <source>Any age</source>
        <translation>Semua umur</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="50" />
        <source>Last hour</source>
        <translation>Satu jam terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="51" />
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="52" />
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="53" />
        <source>Older than 1 day</source>
        <translation>Lebih dari 1 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="54" />
        <source>Older than 3 days</source>
        <translation>Lebih dari 3 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="128" />
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="129" />
        <source>All of DKI Jakarta</source>
        <translation>Seluruh DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="130" />
        <source>All channels</source>
        <translation>Semua kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="133" />
        <source>Any priority</source>
        <translation>Semua prioritas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="135" />
        <source>%1 or higher</source>
        <translation>%1 atau lebih tinggi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="164" />
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="260" />
        <source>Could not load the queue: %1</source>
        <translation>Antrean tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="264" />
        <source>%1 reports shown</source>
        <translation>%1 laporan ditampilkan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/queue_pane.py" line="292" />
        <source>↑ %n new report(s)</source>
        <translation>
            <numerusform>↑ %n laporan baru</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="309" />
        <source>— Named views —</source>
        <translation>— Tampilan tersimpan —</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="311" />
        <source>mine</source>
        <translation>milik saya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="312" />
        <source>shared</source>
        <translation>dibagikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="312" />
        <source>private</source>
        <translation>pribadi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="321" />
        <location filename="../../qlue_console/gui/queue_pane.py" line="324" />
        <location filename="../../qlue_console/gui/queue_pane.py" line="328" />
        <source>Save view</source>
        <translation>Simpan tampilan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="321" />
        <source>Name of the view:</source>
        <translation>Nama tampilan:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="325" />
        <source>Share this view with the team?</source>
        <translation>Bagikan tampilan ini kepada tim?</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_pane.py" line="335" />
        <source>Delete view</source>
        <translation>Hapus tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="15" />
        <source>Named views: a filter set saved for you or shared with the team</source>
        <translation>Tampilan tersimpan: kumpulan filter untuk Anda atau dibagikan kepada tim</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="21" />
        <source>Save view…</source>
        <translation>Simpan tampilan…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="22" />
        <source>Save the current filters as a named view</source>
        <translation>Simpan filter saat ini sebagai tampilan bernama</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="27" />
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="28" />
        <source>Delete the selected view (your own views only)</source>
        <translation>Hapus tampilan terpilih (hanya milik Anda)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="33" />
        <source>Working queue or archive of finished and rejected reports</source>
        <translation>Antrean kerja atau arsip laporan selesai dan ditolak</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="34" />
        <source>Working queue</source>
        <translation>Antrean kerja</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="35" />
        <source>Archive</source>
        <translation>Arsip</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="49" />
        <source>Search report text…</source>
        <translation>Cari teks laporan…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="55" />
        <source>Order of the queue</source>
        <translation>Urutan antrean</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="56" />
        <source>Newest first</source>
        <translation>Terbaru dulu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="57" />
        <source>Most urgent first</source>
        <translation>Paling mendesak dulu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="61" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="67" />
        <source>Kota, kecamatan or kelurahan (type to search)</source>
        <translation>Kota, kecamatan atau kelurahan (ketik untuk mencari)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="71" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="74" />
        <source>Minimum priority</source>
        <translation>Prioritas minimum</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="77" />
        <source>Age of the report</source>
        <translation>Umur laporan</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="81" />
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="81" />
        <source>Reports I have claimed</source>
        <translation>Laporan yang saya klaim</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="82" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="83" />
        <source>Outside DKI</source>
        <translation>Di luar DKI</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="83" />
        <source>Positions outside DKI Jakarta (outside jurisdiction)</source>
        <translation>Lokasi di luar DKI Jakarta (di luar wewenang)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="90" />
        <source>New reports</source>
        <translation>Laporan baru</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="11" />
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="12" />
        <source>Out of scope</source>
        <translation>Di luar cakupan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="13" />
        <source>Incomplete</source>
        <translation>Tidak lengkap</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="14" />
        <source>Outside DKI Jakarta</source>
        <translation>Di luar DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="15" />
        <source>Other (note required)</source>
        <translation>Lainnya (wajib catatan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="38" />
        <source>Write a note to say why.</source>
        <translation>Tulis catatan alasannya.</translation>
    </message>
    <message>
        <location filename="../../ui/reject_dialog.ui" line="5" />
        <source>Reject report</source>
        <translation>Tolak laporan</translation>
    </message>
    <message>
        <location filename="../../ui/reject_dialog.ui" line="7" />
        <source>Why is this report rejected?</source>
        <translation>Mengapa laporan ini ditolak?</translation>
    </message>
    <message>
        <location filename="../../ui/reject_dialog.ui" line="9" />
        <source>Note (required for "Other")</source>
        <translation>Catatan (wajib untuk "Lainnya")</translation>
    </message>
</context>
<context>
    <name>RelatedReports</name>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="76" />
        <source>#%1 · %2 m · text %3% alike · %4</source>
        <translation>#%1 · %2 m · teks %3% mirip · %4</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="89" />
        <source>No likely duplicate nearby.</source>
        <translation>Tidak ada kemungkinan duplikat di sekitar.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="97" />
        <source>None: first report of this kind by this citizen here.</source>
        <translation>Tidak ada: laporan pertama warga ini untuk jenis ini di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/related_reports.ui" line="10" />
        <source>Possible duplicates (same or related category, nearby, recent)</source>
        <translation>Kemungkinan duplikat (kategori sama atau terkait, berdekatan, baru)</translation>
    </message>
    <message>
        <location filename="../../ui/related_reports.ui" line="14" />
        <source>Merge into selected (M)</source>
        <translation>Gabungkan ke laporan terpilih (M)</translation>
    </message>
    <message>
        <location filename="../../ui/related_reports.ui" line="14" />
        <source>This report is a duplicate of the selected one: merge it (M)</source>
        <translation>Laporan ini duplikat dari yang terpilih: gabungkan (M)</translation>
    </message>
    <message>
        <location filename="../../ui/related_reports.ui" line="15" />
        <source>Open selected</source>
        <translation>Buka yang terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/related_reports.ui" line="18" />
        <source>The citizen's earlier reports of this category nearby</source>
        <translation>Laporan sebelumnya dari warga ini untuk kategori ini di dekat sini</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="20" />
        <source>Starting the embedded PostgreSQL…</source>
        <translation>Menjalankan PostgreSQL bawaan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="21" />
        <source>Migrating the database…</source>
        <translation>Memigrasi basis data…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="22" />
        <source>Preparing the demo city (first start)…</source>
        <translation>Menyiapkan kota demo (pertama kali)…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="23" />
        <source>Connecting to the central database…</source>
        <translation>Menghubungkan ke basis data pusat…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="53" />
        <source>Starting Qlue Console…</source>
        <translation>Memulai Qlue Console…</translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="34" />
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="36" />
        <source>Connected; live updates on</source>
        <translation>Terhubung; pembaruan langsung aktif</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="38" />
        <source>Offline — reconnecting</source>
        <translation>Luring — menghubungkan kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="53" />
        <source>overdue %1</source>
        <translation>lewat batas %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="54" />
        <source>proofs to verify %1</source>
        <translation>bukti untuk diverifikasi %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="55" />
        <source>received today %1</source>
        <translation>diterima hari ini %1</translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="103" />
        <source>Press N to take the next report.</source>
        <translation>Tekan N untuk mengambil laporan berikutnya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="110" />
        <source>Claimed by %1 — read-only</source>
        <translation>Diklaim oleh %1 — hanya baca</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="113" />
        <source>You hold this report</source>
        <translation>Anda memegang laporan ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="116" />
        <source>Not claimed</source>
        <translation>Belum diklaim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="118" />
        <source>Release</source>
        <translation>Lepas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="118" />
        <location filename="../../ui/triage_actions.ui" line="21" />
        <source>Claim</source>
        <translation>Klaim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="153" />
        <source>Claimed by someone else</source>
        <translation>Diklaim orang lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="155" />
        <source>Changed by another console</source>
        <translation>Diubah oleh konsol lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="157" />
        <source>Not done</source>
        <translation>Tidak dilakukan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="159" />
        <source>Database unavailable</source>
        <translation>Basis data tidak tersedia</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="162" />
        <source>The report has been reloaded; your choice is still in the form.</source>
        <translation>Laporan telah dimuat ulang; pilihan Anda masih ada di formulir.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="178" />
        <source>No report is waiting.</source>
        <translation>Tidak ada laporan yang menunggu.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="249" />
        <source>Merged #%1 into #%2</source>
        <translation>#%1 digabung ke #%2</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="20" />
        <source>Next (N)</source>
        <translation>Berikutnya (N)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="20" />
        <source>Claim the most urgent waiting report (N)</source>
        <translation>Klaim laporan menunggu yang paling mendesak (N)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="21" />
        <source>Claim or release this report (L)</source>
        <translation>Klaim atau lepas laporan ini (L)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="22" />
        <source>Triaged (T)</source>
        <translation>Terverifikasi (T)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="22" />
        <source>Checked: photo, text and place are right (T)</source>
        <translation>Sudah dicek: foto, teks dan lokasi benar (T)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="23" />
        <source>Reject (R)</source>
        <translation>Tolak (R)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="23" />
        <source>Reject as spam, out of scope, incomplete, outside DKI… (R)</source>
        <translation>Tolak sebagai spam, di luar cakupan, tidak lengkap, di luar DKI… (R)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="28" />
        <source>Category (C)</source>
        <translation>Kategori (C)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="29" />
        <source>Priority (keys 1–4)</source>
        <translation>Prioritas (tombol 1–4)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="34" />
        <source>Internal comment… (K, Enter to add)</source>
        <translation>Komentar internal… (K, Enter untuk menambah)</translation>
    </message>
</context>
<context>
    <name>TriageWorkspace</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="56" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="57" />
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="86" />
        <source>The map could not be loaded: %1</source>
        <translation>Peta tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="107" />
        <source>%1 reports on the map</source>
        <translation>%1 laporan di peta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="109" />
        <source>(the newest %1)</source>
        <translation>(%1 terbaru)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="164" />
        <source>Claim broken</source>
        <translation>Klaim dibatalkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="165" />
        <source>%1 broke your claim on report #%2.</source>
        <translation>%1 membatalkan klaim Anda atas laporan #%2.</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="34" />
        <source>What the map shades per kelurahan</source>
        <translation>Yang diwarnai peta per kelurahan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="35" />
        <source>Reports as markers</source>
        <translation>Laporan sebagai penanda</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="36" />
        <source>Open reports per kelurahan</source>
        <translation>Laporan terbuka per kelurahan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="37" />
        <source>Overdue reports per kelurahan</source>
        <translation>Laporan lewat batas per kelurahan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="50" />
        <source>Loading the map…</source>
        <translation>Memuat peta…</translation>
    </message>
</context>
</TS>