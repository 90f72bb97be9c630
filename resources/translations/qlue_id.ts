<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>ArrivalNote</name>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="42" />
        <source>Handover from the last shift</source>
        <translation>Serah terima dari shift sebelumnya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="54" />
        <source>View: %1</source>
        <translation>Tampilan: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="60" />
        <source>To watch (click to open in the queue):</source>
        <translation>Untuk dipantau (klik untuk membuka di antrean):</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="69" />
        <source>Acknowledge</source>
        <translation>Terima</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="72" />
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/arrival.py" line="73" />
        <source>Close; the note is shown again at your next sign-in</source>
        <translation>Tutup; catatan ditampilkan lagi saat Anda masuk berikutnya</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="97" />
        <source>Set category of selection…</source>
        <translation>Atur kategori pilihan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="98" />
        <source>Set priority of selection…</source>
        <translation>Atur prioritas pilihan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="99" />
        <source>Reject selection…</source>
        <translation>Tolak pilihan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="100" />
        <source>Merge selection into one original…</source>
        <translation>Gabungkan pilihan ke satu laporan asli…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="101" />
        <source>Dispatch selection…</source>
        <translation>Teruskan pilihan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="106" />
        <source>Undo last bulk action</source>
        <translation>Urungkan tindakan massal terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="143" />
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="198" />
        <source>Wait: the last bulk action is still running.</source>
        <translation>Tunggu: tindakan massal terakhir masih berjalan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="148" />
        <source>Select two reports or more in the queue to merge them.</source>
        <translation>Pilih dua laporan atau lebih di antrean untuk menggabungkannya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="150" />
        <source>Select reports in the queue first (Shift or Ctrl with a click).</source>
        <translation>Pilih laporan di antrean terlebih dahulu (Shift atau Ctrl sambil klik).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="174" />
        <source>None of the selected reports can be read any more.</source>
        <translation>Tidak ada laporan terpilih yang masih dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="181" />
        <source>Bulk action on %1 reports running…</source>
        <translation>Tindakan massal pada %1 laporan sedang berjalan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="195" />
        <source>No bulk action to undo.</source>
        <translation>Tidak ada tindakan massal untuk diurungkan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_actions.py" line="220" />
        <source>The bulk action could not run: %1</source>
        <translation>Tindakan massal tidak dapat dijalankan: %1</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="40" />
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="41" />
        <source>Unchanged (already so)</source>
        <translation>Tidak berubah (sudah demikian)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="42" />
        <source>The original (kept)</source>
        <translation>Laporan asli (dipertahankan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="43" />
        <source>Refused: changed by another console</source>
        <translation>Ditolak: diubah oleh konsol lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="44" />
        <source>Refused: claimed by someone else</source>
        <translation>Ditolak: sedang diklaim orang lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="45" />
        <source>Refused: your role may not</source>
        <translation>Ditolak: peran Anda tidak berwenang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="46" />
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="47" />
        <source>Not done: no answer</source>
        <translation>Tidak dilakukan: tidak ada jawaban</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="51" />
        <source>Set the category of the selection</source>
        <translation>Atur kategori laporan terpilih</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="52" />
        <source>Set the priority of the selection</source>
        <translation>Atur prioritas laporan terpilih</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="53" />
        <source>Reject the selection</source>
        <translation>Tolak laporan terpilih</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="54" />
        <source>Merge the selection into one original</source>
        <translation>Gabungkan laporan terpilih ke satu laporan asli</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="55" />
        <source>Dispatch the selection</source>
        <translation>Teruskan laporan terpilih</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="89" />
        <source>Reports selected: %1</source>
        <translation>Laporan terpilih: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="104" />
        <source>Reports selected: %1. The others become duplicates of the original:</source>
        <translation>Laporan terpilih: %1. Laporan lainnya menjadi duplikat dari laporan asli:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="113" />
        <source>Report #%1</source>
        <translation>Laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="131" />
        <source>Name at least one official (@handle).</source>
        <translation>Sebutkan setidaknya satu petugas (@handle).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="154" />
        <source>Undone: %1 of %2 reports.</source>
        <translation>Diurungkan: %1 dari %2 laporan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="160" />
        <source>Went through: %1 of %2 reports (%3 s).</source>
        <translation>Berhasil: %1 dari %2 laporan (%3 dtk).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="167" />
        <source>Refused: %1 — %2.</source>
        <translation>Ditolak: %1 — %2.</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_dialog.ui" line="5" />
        <source>Bulk action</source>
        <translation>Tindakan massal</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_dialog.ui" line="10" />
        <source>Officials: @handle @handle</source>
        <translation>Petugas: @handle @handle</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_dialog.ui" line="11" />
        <source>Message to the officials</source>
        <translation>Pesan untuk petugas</translation>
    </message>
</context>
<context>
    <name>BulkResultDialog</name>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="183" />
        <source>Undo of the bulk action</source>
        <translation>Pengurungan tindakan massal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="206" />
        <source>Undo (Ctrl+Shift+Z)</source>
        <translation>Urungkan (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="215" />
        <source>Undo sets back what this action changed, report by report, while nobody (an official, another console) has acted on them since.</source>
        <translation>Urungkan mengembalikan apa yang diubah tindakan ini, laporan demi laporan, selama belum ada yang (petugas, konsol lain) menindaklanjutinya sejak itu.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/bulk_dialog.py" line="220" />
        <source>A merge cannot be undone.</source>
        <translation>Penggabungan tidak dapat diurungkan.</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_result_dialog.ui" line="5" />
        <source>Bulk action result</source>
        <translation>Hasil tindakan massal</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_result_dialog.ui" line="9" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_result_dialog.ui" line="9" />
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/bulk_result_dialog.ui" line="9" />
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>CameBack</name>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="54" />
        <source>%1 m away</source>
        <translation>berjarak %1 m</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="62" />
        <source>after report #%1 was closed</source>
        <translation>setelah laporan #%1 ditutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="68" />
        <location filename="../../qlue_console/gui/came_back.py" line="80" />
        <source>given back when the rejection was undone</source>
        <translation>dipulihkan saat penolakan dibatalkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="74" />
        <source>report #%1 came back here</source>
        <translation>laporan #%1 muncul lagi di sini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="88" />
        <source>the link with report #%1 is withdrawn</source>
        <translation>kaitan dengan laporan #%1 dicabut</translation>
    </message>
</context>
<context>
    <name>CameBackPanel</name>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="148" />
        <source>Report %1 · %2 m away</source>
        <translation>Laporan %1 · berjarak %2 m</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="151" />
        <source>Times this fix came back: %1</source>
        <translation>Berapa kali masalah ini muncul lagi: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="155" />
        <source>Open the closed report</source>
        <translation>Buka laporan yang sudah ditutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="159" />
        <source>Closed %1 by %2</source>
        <translation>Ditutup %1 oleh %2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="161" />
        <source>Closed %1</source>
        <translation>Ditutup %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="173" />
        <source>No approved proof on record</source>
        <translation>Belum ada bukti yang disetujui</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="179" />
        <source>Proof approved from %1</source>
        <translation>Bukti disetujui dari %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="189" />
        <source>No proof photo</source>
        <translation>Tidak ada foto bukti</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="192" />
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="206" />
        <source>The photo cannot be read</source>
        <translation>Foto tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/came_back.py" line="217" />
        <source>The approved proof photo of the closed report</source>
        <translation>Foto bukti yang disetujui dari laporan yang sudah ditutup</translation>
    </message>
</context>
<context>
    <name>ChannelsView</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="40" />
        <source>Citizen channels (Open311 keys)</source>
        <translation>Kanal warga (kunci Open311)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="46" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="47" />
        <source>Key last used</source>
        <translation>Kunci terakhir dipakai</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="48" />
        <source>Reports today</source>
        <translation>Laporan hari ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="49" />
        <source>Refusals today</source>
        <translation>Penolakan hari ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="50" />
        <source>Key</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="74" />
        <source>The channels could not be loaded: %1</source>
        <translation>Kanal tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="92" />
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="95" />
        <source>revoked %1</source>
        <translation>dicabut %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="97" />
        <source>live</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="108" />
        <source>No channels yet: add one with qlue-console channel add NAME.</source>
        <translation>Belum ada kanal: tambahkan dengan qlue-console channel add NAMA.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/channels_view.py" line="111" />
        <source>%n channel(s) · %1 with a live key</source>
        <translation><numerusform>%n kanal · %1 dengan kunci aktif</numerusform></translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../qlue_console/gui/verify/checks_panel.py" line="43" />
        <source>&lt;b&gt;Checks&lt;/b&gt;: not computed yet — they run in the background</source>
        <translation>&lt;b&gt;Pemeriksaan&lt;/b&gt;: belum dihitung — berjalan di latar belakang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/checks_panel.py" line="50" />
        <source>&lt;b&gt;Checks&lt;/b&gt; · risk &lt;span style='color:%1; font-size:14pt'&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt;/100</source>
        <translation>&lt;b&gt;Pemeriksaan&lt;/b&gt; · risiko &lt;span style='color:%1; font-size:14pt'&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/span&gt;/100</translation>
    </message>
</context>
<context>
    <name>ChronicSpotsPanel</name>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="73" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="74" />
        <source>Kelurahan / kota</source>
        <translation>Kelurahan / kota</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="75" />
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="76" />
        <source>Came back</source>
        <translation>Muncul lagi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="77" />
        <source>Last report</source>
        <translation>Laporan terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="95" />
        <source>At least %1 reports of one category within %2 m in the last %3 weeks</source>
        <translation>Sedikitnya %1 laporan satu kategori dalam radius %2 m selama %3 minggu terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="106" />
        <source>No chronic spots now.</source>
        <translation>Saat ini tidak ada titik rawan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="132" />
        <location filename="../../qlue_console/gui/chronic_spots.py" line="150" />
        <source>Chronic spot #%1</source>
        <translation>Titik rawan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/chronic_spots.py" line="153" />
        <source>Chronic spot: %1 at %2 (%3 reports)</source>
        <translation>Titik rawan: %1 di %2 (%3 laporan)</translation>
    </message>
    <message>
        <location filename="../../ui/chronic_spots.ui" line="15" />
        <source>Chronic spots</source>
        <translation>Titik rawan</translation>
    </message>
    <message>
        <location filename="../../ui/chronic_spots.ui" line="31" />
        <source>Double-click or press Enter: show the spot's reports in the queue</source>
        <translation>Klik dua kali atau tekan Enter: tampilkan laporan titik ini di antrean</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="89" />
        <source>Command palette…</source>
        <translation>Palet perintah…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="100" />
        <source>Type an action, a workspace, a named view or a report number…</source>
        <translation>Ketik tindakan, ruang kerja, tampilan bernama, atau nomor laporan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="121" />
        <source>Workspace</source>
        <translation>Ruang kerja</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="121" />
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="151" />
        <source>Named view</source>
        <translation>Tampilan bernama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="188" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/command_palette.py" line="189" />
        <source>Open report #%1</source>
        <translation>Buka laporan #%1</translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="107" />
        <source>Approved despite failed checks: report #%1 is closed; your reason is on its timeline.</source>
        <translation>Disetujui meski ada pemeriksaan yang gagal: laporan #%1 ditutup; alasan Anda ada di linimasanya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="113" />
        <source>Approved: report #%1 is closed.</source>
        <translation>Disetujui: laporan #%1 selesai.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="117" />
        <source>Rejected: report #%1 reopened for %2, due %3.</source>
        <translation>Ditolak: laporan #%1 dibuka kembali untuk %2, batas waktu %3.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="133" />
        <source>Report #%1 was decided by %2 before you: %3</source>
        <translation>Laporan #%1 sudah diputuskan oleh %2 sebelum Anda: %3</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="141" />
        <source>Not allowed</source>
        <translation>Tidak diizinkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="143" />
        <source>Decision refused</source>
        <translation>Keputusan ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decider.py" line="151" />
        <source>The decision on report #%1 was not saved: %2</source>
        <translation>Keputusan atas laporan #%1 tidak tersimpan: %2</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../qlue_console/gui/verify/decision_bar.py" line="44" />
        <source>Already %1 by %2 at %3.</source>
        <translation>Sudah %1 oleh %2 pada %3.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decision_bar.py" line="45" />
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/decision_bar.py" line="45" />
        <source>rejected</source>
        <translation>ditolak</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="109" />
        <source>Loading report #%1…</source>
        <translation>Memuat laporan #%1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="133" />
        <source>Could not load the report: %1</source>
        <translation>Laporan tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="146" />
        <source>claimed by %1</source>
        <translation>diklaim oleh %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="153" />
        <source>Outside DKI Jakarta (%1, %2)</source>
        <translation>Di luar DKI Jakarta (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="158" />
        <source>Across the land border with %1; the nearest kelurahan is %2, %3 m away</source>
        <translation>Di seberang batas darat dengan %1; kelurahan terdekat: %2, %3 m</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="166" />
        <source>Nearest kelurahan: %1, %2 m away</source>
        <translation>Kelurahan terdekat: %1, %2 m</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="179" />
        <source>Private: the public sees only the status</source>
        <translation>Rahasia: publik hanya melihat statusnya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="231" />
        <source>Citizen's photo</source>
        <translation>Foto warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="233" />
        <source>Proof photo (TL)</source>
        <translation>Foto bukti (TL)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="238" />
        <source>No photo</source>
        <translation>Tidak ada foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/detail_pane.py" line="260" />
        <source>The photo cannot be read</source>
        <translation>Foto tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="12" />
        <source>Select a report</source>
        <translation>Pilih laporan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="28" />
        <location filename="../../ui/detail_pane.ui" line="48" />
        <source>Came back after closing</source>
        <translation>Muncul lagi setelah ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="71" />
        <source>Wheel or +/- to zoom, drag to pan</source>
        <translation>Roda mouse atau +/- untuk zoom, seret untuk menggeser</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="80" />
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="83" />
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="86" />
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="86" />
        <source>Fit the photo in the view</source>
        <translation>Sesuaikan foto dengan tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="106" />
        <source>Place</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="108" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="110" />
        <source>Channel / citizen</source>
        <translation>Kanal / warga</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="112" />
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="114" />
        <source>SLA due</source>
        <translation>Batas waktu SLA</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="120" />
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="129" />
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="130" />
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.ui" line="131" />
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="26" />
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="27" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="28" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="29" />
        <source>Area</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="30" />
        <source>Agency</source>
        <translation>Dinas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="31" />
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="32" />
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="33" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="94" />
        <source>%n mention(s) past their due time</source>
        <translation><numerusform>%n mention lewat batas waktu</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="109" />
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/directory_model.py" line="109" />
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>DirectoryWorkspace</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="134" />
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="167" />
        <source>The directory could not be loaded: %1</source>
        <translation>Direktori tidak dapat dimuat: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="195" />
        <source>%1 of %n accounts · %2 with overdue mentions</source>
        <translation><numerusform>%1 dari %n akun · %2 dengan mention lewat batas waktu</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="242" />
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="242" />
        <source>inactive: cannot be mentioned</source>
        <translation>tidak aktif: tidak dapat di-mention</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="245" />
        <source>Current load: %1 open, %2 overdue</source>
        <translation>Beban saat ini: %1 terbuka, %2 lewat batas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="250" />
        <source>earliest due %1</source>
        <translation>batas terdekat %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="257" />
        <source>%1 in the last %n days</source>
        <translation><numerusform>%1 dalam %n hari terakhir</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/directory.py" line="278" />
        <source>overdue</source>
        <translation>lewat batas</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="12" />
        <source>Search handle, name, area or agency (Ctrl+F)</source>
        <translation>Cari handle, nama, wilayah atau dinas (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="13" />
        <source>Kind of account</source>
        <translation>Jenis akun</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="14" />
        <source>Overdue only</source>
        <translation>Hanya yang lewat batas</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="15" />
        <source>Active only</source>
        <translation>Hanya yang aktif</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="16" />
        <source>Routing rules and holidays…</source>
        <translation>Aturan rute dan hari libur…</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="16" />
        <source>Edit the routing rules and the holiday calendar (admins)</source>
        <translation>Ubah aturan rute dan kalender hari libur (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="38" />
        <source>Select an account to see its load and performance.</source>
        <translation>Pilih akun untuk melihat beban dan kinerjanya.</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="43" />
        <source>Recent performance</source>
        <translation>Kinerja terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="45" />
        <source>Mentions received</source>
        <translation>Mention diterima</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="47" />
        <source>Followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="49" />
        <source>On time</source>
        <translation>Tepat waktu</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="51" />
        <source>Median response</source>
        <translation>Median waktu respons</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="53" />
        <source>Escalated</source>
        <translation>Dieskalasi</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="55" />
        <source>Passed on</source>
        <translation>Diteruskan</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="57" />
        <source>Proofs rejected</source>
        <translation>Bukti ditolak</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="62" />
        <source>Open mentions (overdue first)</source>
        <translation>Mention terbuka (lewat batas dulu)</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="63" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="63" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="63" />
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../ui/directory_workspace.ui" line="63" />
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
</context>
<context>
    <name>DispatchLabels</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="11" />
        <source>Lurah</source>
        <translation>Lurah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="12" />
        <source>Camat</source>
        <translation>Camat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="13" />
        <source>Mayor (walikota)</source>
        <translation>Wali kota</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="14" />
        <source>Agency</source>
        <translation>Dinas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="15" />
        <source>Field officer</source>
        <translation>Petugas lapangan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="16" />
        <source>Outside utility</source>
        <translation>Utilitas luar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="19" />
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="20" />
        <source>Followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="21" />
        <source>Passed on</source>
        <translation>Diteruskan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="22" />
        <source>Escalated</source>
        <translation>Dieskalasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="23" />
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="26" />
        <source>kelurahan</source>
        <translation>kelurahan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="27" />
        <source>kecamatan</source>
        <translation>kecamatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="28" />
        <source>kota</source>
        <translation>kota</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="29" />
        <source>category's agency</source>
        <translation>dinas kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="43" />
        <source>Agency head</source>
        <translation>Kepala dinas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/labels.py" line="61" />
        <source>%1 of the %2</source>
        <translation>%1 dari %2</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="113" />
        <source>The directory could not be loaded: %1</source>
        <translation>Direktori tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="150" />
        <source>Could not load the report: %1</source>
        <translation>Laporan tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="207" />
        <location filename="../../ui/dispatch_panel.ui" line="11" />
        <source>Dispatch</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="209" />
        <source>Loading report #%1…</source>
        <translation>Memuat laporan #%1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="212" />
        <source>Select a report to dispatch it.</source>
        <translation>Pilih laporan untuk mendisposisikannya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="218" />
        <source>Dispatch #%1 · %2</source>
        <translation>Disposisi #%1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="220" />
        <source>SLA %n working days</source>
        <translation><numerusform>SLA %n hari kerja</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="222" />
        <source>SLA %n hours (calendar)</source>
        <translation><numerusform>SLA %n jam (kalender)</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="225" />
        <source>%1 · a mention sent now is due %2</source>
        <translation>%1 · mention yang dikirim sekarang jatuh tempo %2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="239" />
        <source>closed the earlier report</source>
        <translation>menutup laporan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="243" />
        <source>Closed the earlier report at this place: its fix came back, so this report is suggested to them first</source>
        <translation>Menutup laporan sebelumnya di tempat ini: masalahnya muncul lagi, jadi laporan ini disarankan kepadanya lebih dulu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="247" />
        <source>Already mentioned, still open</source>
        <translation>Sudah di-mention, masih terbuka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="255" />
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="271" />
        <source>Select a report first.</source>
        <translation>Pilih laporan terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="273" />
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="275" />
        <source>Your role may not dispatch reports.</source>
        <translation>Peran Anda tidak boleh mendisposisikan laporan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="277" />
        <source>This report is closed.</source>
        <translation>Laporan ini sudah ditutup.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="282" />
        <source>Write a message and @mention at least one official.</source>
        <translation>Tulis pesan dan @mention minimal satu pejabat.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="284" />
        <source>Mention at least one official with @.</source>
        <translation>Mention minimal satu pejabat dengan @.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="298" />
        <location filename="../../ui/dispatch_panel.ui" line="34" />
        <source>Dispatch: mention the officials with their due times (Ctrl+Enter)</source>
        <translation>Disposisi: mention pejabat beserta batas waktunya (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="306" />
        <source>Close the open mentions as forwarded and mention the officials in the message instead</source>
        <translation>Tutup mention terbuka sebagai diteruskan dan mention pejabat di pesan sebagai gantinya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="310" />
        <source>Say why the report is passed on</source>
        <translation>Jelaskan mengapa laporan diteruskan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="337" />
        <source>to send</source>
        <translation>akan dikirim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="348" />
        <source>overdue</source>
        <translation>lewat batas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="369" />
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="388" />
        <source>Passed on to %1 (Koordinasi).</source>
        <translation>Diteruskan ke %1 (Koordinasi).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="390" />
        <source>Sent to %1.</source>
        <translation>Terkirim ke %1.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="393" />
        <source>Already mentioned, not repeated: %1.</source>
        <translation>Sudah di-mention, tidak diulang: %1.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="425" />
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="438" />
        <source>Not sent: %1</source>
        <translation>Tidak terkirim: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="429" />
        <source>Not sent: %1. The report has been reloaded; your text is kept — check and send again.</source>
        <translation>Tidak terkirim: %1. Laporan telah dimuat ulang; teks Anda tetap ada — periksa dan kirim lagi.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="436" />
        <source>Not allowed: %1</source>
        <translation>Tidak diizinkan: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/panel.py" line="441" />
        <source>Not sent, the database did not answer: %1</source>
        <translation>Tidak terkirim, basis data tidak menjawab: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="16" />
        <source>Suggested:</source>
        <translation>Disarankan:</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="18" />
        <source>Accept suggestions</source>
        <translation>Terima saran</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="18" />
        <source>Mention every suggested official in the message</source>
        <translation>Mention semua pejabat yang disarankan di pesan</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="22" />
        <source>Write the instruction and @mention the officials (type @ to search the directory)…</source>
        <translation>Tulis instruksi dan @mention pejabat (ketik @ untuk mencari di direktori)…</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="24" />
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="24" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="24" />
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="27" />
        <source>Reason for passing on (Koordinasi)</source>
        <translation>Alasan meneruskan (Koordinasi)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="28" />
        <source>Pass on (Koordinasi)</source>
        <translation>Teruskan (Koordinasi)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="28" />
        <source>Close the open mentions as forwarded and mention the officials in the message instead, with the reason</source>
        <translation>Tutup mention terbuka sebagai diteruskan dan mention pejabat di pesan sebagai gantinya, dengan alasannya</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.ui" line="34" />
        <source>Send (Ctrl+Enter)</source>
        <translation>Kirim (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ExifTable</name>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="39" />
        <source>Taken</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="42" />
        <source>no capture time</source>
        <translation>tanpa waktu pengambilan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="45" />
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="48" />
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="51" />
        <source>Distance to the report</source>
        <translation>Jarak ke lokasi laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="55" />
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/exif_table.py" line="58" />
        <source>Format</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../qlue_console/gui/verify/filter_bar.py" line="47" />
        <source>All agencies</source>
        <translation>Semua dinas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/filter_bar.py" line="50" />
        <source>All of Jakarta</source>
        <translation>Seluruh Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/filter_bar.py" line="53" />
        <source>All officials</source>
        <translation>Semua pejabat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/filter_bar.py" line="56" />
        <source>Any check</source>
        <translation>Semua pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/filter_bar.py" line="58" />
        <source>Failing: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="31" />
        <source>Any age</source>
        <translation>Semua umur</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="32" />
        <source>Last hour</source>
        <translation>Satu jam terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="33" />
        <source>Last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="34" />
        <source>Last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="35" />
        <source>Older than 1 day</source>
        <translation>Lebih dari 1 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="36" />
        <source>Older than 3 days</source>
        <translation>Lebih dari 3 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="81" />
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="82" />
        <source>All of DKI Jakarta</source>
        <translation>Seluruh DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="83" />
        <source>All channels</source>
        <translation>Semua kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="86" />
        <source>Any priority</source>
        <translation>Semua prioritas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="88" />
        <source>%1 or higher</source>
        <translation>%1 atau lebih tinggi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/filter_bar.py" line="168" />
        <source>Chronic spot #%1</source>
        <translation>Titik rawan #%1</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="65" />
        <source>Shift handover</source>
        <translation>Serah terima shift</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="70" />
        <source>Note for the next shift</source>
        <translation>Catatan untuk shift berikutnya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="71" />
        <source>Hand my claims</source>
        <translation>Serahkan klaim saya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="75" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="89" />
        <source>What the next shift should know: open issues, calls promised, hot spots…</source>
        <translation>Yang perlu diketahui shift berikutnya: masalah terbuka, janji menelepon, titik rawan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="94" />
        <source>Report numbers, e.g. 1204, 1310</source>
        <translation>Nomor laporan, mis. 1204, 1310</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="95" />
        <source>Save the note</source>
        <translation>Simpan catatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="98" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="99" />
        <source>Shared views to watch</source>
        <translation>Tampilan bersama untuk dipantau</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="100" />
        <source>Reports to watch</source>
        <translation>Laporan untuk dipantau</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="103" />
        <source>The next member of your team to sign in sees this note until one of them acknowledges it.</source>
        <translation>Anggota tim Anda berikutnya yang masuk melihat catatan ini sampai salah satu dari mereka menerimanya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="116" />
        <source>Your claims (ticked ones are handed over):</source>
        <translation>Klaim Anda (yang dicentang diserahkan):</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="120" />
        <source>Colleague</source>
        <translation>Rekan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="126" />
        <source>Type or choose a name</source>
        <translation>Ketik atau pilih nama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="128" />
        <source>Hand over</source>
        <translation>Serahkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="158" />
        <source>#%1 — %2 (until %3)</source>
        <translation>#%1 — %2 (sampai %3)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="182" />
        <source>No handover note yet for your team.</source>
        <translation>Belum ada catatan serah terima untuk tim Anda.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="191" />
        <source>Write the note first.</source>
        <translation>Tulis catatannya dulu.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="212" />
        <source>Note saved: the next member of your team sees it at sign-in.</source>
        <translation>Catatan disimpan: anggota tim Anda berikutnya melihatnya saat masuk.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="235" />
        <source>Tick the claims to hand over.</source>
        <translation>Centang klaim yang akan diserahkan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/dialog.py" line="238" />
        <source>Choose the colleague by name.</source>
        <translation>Pilih rekan menurut nama.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/handover/dialog.py" line="252" />
        <source>%n claim(s) handed to %1.</source>
        <translation><numerusform>%n klaim diserahkan kepada %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>HandoverNote</name>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="14" />
        <source>Written by %1 at %2</source>
        <translation>Ditulis oleh %1 pada %2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="22" />
        <source>Not acknowledged yet</source>
        <translation>Belum diterima</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="24" />
        <source>Acknowledged by %1 at %2</source>
        <translation>Diterima oleh %1 pada %2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="31" />
        <source>Report #%1</source>
        <translation>Laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="40" />
        <source>Views to watch: %1</source>
        <translation>Tampilan untuk dipantau: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/note_text.py" line="47" />
        <source>Reports to watch: %1</source>
        <translation>Laporan untuk dipantau: %1</translation>
    </message>
</context>
<context>
    <name>ItemDisplay</name>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="70" />
        <source>Loading follow-up #%1…</source>
        <translation>Memuat tindak lanjut #%1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="76" />
        <source>outside DKI Jakarta</source>
        <translation>di luar DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="80" />
        <source>&lt;b&gt;Report #%1&lt;/b&gt; · %2 · %3&lt;br&gt;Follow-up by &lt;b&gt;@%4&lt;/b&gt; (%5) · posted %6</source>
        <translation>&lt;b&gt;Laporan #%1&lt;/b&gt; · %2 · %3&lt;br&gt;Tindak lanjut oleh &lt;b&gt;@%4&lt;/b&gt; (%5) · dikirim %6</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="91" />
        <source>Citizen %1, %2: “%3”
Official's note: “%4”</source>
        <translation>Warga %1, %2: “%3”
Catatan pejabat: “%4”</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="99" />
        <source>Citizen's photo · reported %1</source>
        <translation>Foto warga · dilaporkan %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="102" />
        <source>no capture time</source>
        <translation>tanpa waktu pengambilan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="104" />
        <source>Proof photo (TL) · taken %1</source>
        <translation>Foto bukti (TL) · diambil %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="124" />
        <source>Closed #%1 on %2 · came back %3 later as #%4, %5 m from this report</source>
        <translation>Ditutup #%1 pada %2 · muncul lagi %3 kemudian sebagai #%4, %5 m dari laporan ini</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="134" />
        <source>and %n more</source>
        <translation><numerusform>dan %n lainnya</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="135" />
        <source>&lt;b&gt;This place came back %n time(s) after a fix&lt;/b&gt;</source>
        <translation><numerusform>&lt;b&gt;Tempat ini muncul lagi %n kali setelah ditangani&lt;/b&gt;</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="137" />
        <source>(%n fix(es) that did not hold)</source>
        <translation><numerusform>(%n penanganan yang tidak bertahan)</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="143" />
        <source>within the hour</source>
        <translation>dalam satu jam</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="145" />
        <source>%n hour(s)</source>
        <translation><numerusform>%n jam</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/item_display.py" line="146" />
        <source>%n day(s)</source>
        <translation><numerusform>%n hari</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="166" />
        <source>Select a follow-up</source>
        <translation>Pilih tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="170" />
        <source>Citizen's photo</source>
        <translation>Foto warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/item_display.py" line="171" />
        <source>Proof photo (TL)</source>
        <translation>Foto bukti (TL)</translation>
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
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="54" />
        <source>Undone</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="55" />
        <source>Reply to the citizen</source>
        <translation>Balasan kepada warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="56" />
        <source>Came back after closing</source>
        <translation>Muncul lagi setelah ditutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="57" />
        <source>The fix came back</source>
        <translation>Masalah muncul lagi setelah ditangani</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="58" />
        <source>No longer a recurrence</source>
        <translation>Bukan lagi laporan berulang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/labels.py" line="59" />
        <source>Claim handed over</source>
        <translation>Klaim diserahkan</translation>
    </message>
</context>
<context>
    <name>LiveRows</name>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/queue/live.py" line="125" />
        <source>↑ %n new report(s)</source>
        <translation><numerusform>↑ %n laporan baru</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="58" />
        <source>Qlue Console — Jakarta operations center</source>
        <translation>Qlue Console — Pusat Komando Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="81" />
        <source>embedded demo</source>
        <translation>demo tertanam</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="88" />
        <source>Login %1 on %2</source>
        <translation>Login %1 di %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/main_window.py" line="96" />
        <source>%n overdue mention(s) escalated</source>
        <translation><numerusform>%n mention lewat batas dieskalasi</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="144" />
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="145" />
        <source>Sign &amp;out…</source>
        <translation>&amp;Keluar akun…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="147" />
        <source>Sign out and sign in again, with another login or role</source>
        <translation>Keluar dari akun dan masuk lagi, dengan login atau peran lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="152" />
        <source>&amp;Quit</source>
        <translation>&amp;Tutup aplikasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="160" />
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="162" />
        <source>&amp;About Qlue Console</source>
        <translation>&amp;Tentang Qlue Console</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="169" />
        <source>Workspaces</source>
        <translation>Ruang kerja</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="202" />
        <source>%1 is not a workspace of your role (%2).</source>
        <translation>%1 bukan ruang kerja untuk peran Anda (%2).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="223" />
        <source>Connection restored; caught up with what happened meanwhile.</source>
        <translation>Koneksi pulih; apa yang terjadi selama terputus sudah dimuat.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="230" />
        <source>Offline: the database cannot be reached (%1). Reconnecting… Actions will fail until it is back; what you have typed stays in the forms.</source>
        <translation>Luring: basis data tidak dapat dijangkau (%1). Menghubungkan kembali… Tindakan akan gagal sampai tersambung; yang sudah Anda ketik tetap ada di formulir.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="233" />
        <source>no answer</source>
        <translation>tidak ada jawaban</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="246" />
        <source>Qlue Console %1 — the operations console of Jakarta's command center.</source>
        <translation>Qlue Console %1 — konsol operasi pusat komando Jakarta.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="250" />
        <source>Database server: %1</source>
        <translation>Server basis data: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="255" />
        <source>Signed in as %1 (login %2), %3.</source>
        <translation>Masuk sebagai %1 (login %2), %3.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="264" />
        <source>Kelurahan boundaries: HDX / BPS (CC BY-IGO). Area codes: Kemendagri, via cahyadsn/wilayah (MIT).</source>
        <translation>Batas kelurahan: HDX / BPS (CC BY-IGO). Kode wilayah: Kemendagri, melalui cahyadsn/wilayah (MIT).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/main_window.py" line="273" />
        <source>About Qlue Console</source>
        <translation>Tentang Qlue Console</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="168" />
        <source>Boundaries © OCHA/BPS, CC BY-IGO 3.0 · codes Kemendagri</source>
        <translation>Batas wilayah © OCHA/BPS, CC BY-IGO 3.0 · kode Kemendagri</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="354" />
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="357" />
        <source>Report #%1</source>
        <translation>Laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="358" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="359" />
        <source>Kecamatan %1</source>
        <translation>Kecamatan %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="360" />
        <source>No reports</source>
        <translation>Tidak ada laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="361" />
        <source>Dark outline: overdue</source>
        <translation>Garis tepi gelap: lewat batas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="362" />
        <source>Larger dot: higher priority</source>
        <translation>Titik lebih besar: prioritas lebih tinggi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="363" />
        <source>Hide the legend</source>
        <translation>Sembunyikan legenda</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="364" />
        <source>Show the legend</source>
        <translation>Tampilkan legenda</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="365" />
        <source>Kepulauan Seribu</source>
        <translation>Kepulauan Seribu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="366" />
        <source>Jakarta</source>
        <translation>Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="367" />
        <source>Show the Thousand Islands (Kepulauan Seribu)</source>
        <translation>Tampilkan Kepulauan Seribu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="368" />
        <source>Back to mainland Jakarta</source>
        <translation>Kembali ke daratan Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="369" />
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="370" />
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/map_view.py" line="371" />
        <source>Click to show its reports in the queue</source>
        <translation>Klik untuk menampilkan laporannya di antrean</translation>
    </message>
</context>
<context>
    <name>MentionComposer</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/composer.py" line="163" />
        <source>@%1 (%2) is inactive and cannot be mentioned.</source>
        <translation>@%1 (%2) tidak aktif dan tidak dapat di-mention.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/composer.py" line="167" />
        <source>No account is named @%1.</source>
        <translation>Tidak ada akun bernama @%1.</translation>
    </message>
</context>
<context>
    <name>NamedViews</name>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="49" />
        <source>— Named views —</source>
        <translation>— Tampilan tersimpan —</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="51" />
        <source>mine</source>
        <translation>milik saya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="52" />
        <source>shared</source>
        <translation>dibagikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="52" />
        <source>private</source>
        <translation>pribadi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="62" />
        <location filename="../../qlue_console/gui/queue/named_views.py" line="68" />
        <location filename="../../qlue_console/gui/queue/named_views.py" line="79" />
        <source>Save view</source>
        <translation>Simpan tampilan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="62" />
        <source>Name of the view:</source>
        <translation>Nama tampilan:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="68" />
        <source>Share this view with the team?</source>
        <translation>Bagikan tampilan ini kepada tim?</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/named_views.py" line="91" />
        <source>Delete view</source>
        <translation>Hapus tampilan</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="44" />
        <source>Approve report #%1 despite failed checks?</source>
        <translation>Setujui laporan #%1 meski ada pemeriksaan yang gagal?</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="48" />
        <source>This proof fails the checks below. Approving closes the report as done.</source>
        <translation>Bukti ini gagal dalam pemeriksaan di bawah. Menyetujuinya menutup laporan sebagai selesai.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="68" />
        <source>Why do you approve it anyway? (required — kept on the report's timeline)</source>
        <translation>Mengapa tetap disetujui? (wajib — disimpan di linimasa laporan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="75" />
        <source>e.g. the official confirmed the place by phone</source>
        <translation>mis. petugas memastikan lokasinya lewat telepon</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="81" />
        <source>Approve anyway</source>
        <translation>Tetap setujui</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/override_dialog.py" line="83" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>Paging</name>
    <message>
        <location filename="../../qlue_console/gui/queue/paging.py" line="67" />
        <source>Could not load the queue: %1</source>
        <translation>Antrean tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/paging.py" line="72" />
        <source>%1 reports shown</source>
        <translation>%1 laporan ditampilkan</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="96" />
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="97" />
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="98" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="57" />
        <source>&amp;Step up</source>
        <translation>&amp;Naikkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="58" />
        <source>Step &amp;down</source>
        <translation>&amp;Turunkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="59" />
        <source>&amp;Select All</source>
        <translation>&amp;Pilih semua</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="62" />
        <source>Save As</source>
        <translation>Simpan sebagai</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="63" />
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="64" />
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="65" />
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="66" />
        <source>&amp;Look in:</source>
        <translation>&amp;Lihat di:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="67" />
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="68" />
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="69" />
        <source>All Files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="70" />
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="71" />
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="72" />
        <source>Parent Directory</source>
        <translation>Folder induk</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="73" />
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="74" />
        <source>Go forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="75" />
        <source>Go to the parent directory</source>
        <translation>Ke folder induk</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="76" />
        <source>Create New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="77" />
        <source>Create a New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="78" />
        <source>List View</source>
        <translation>Tampilan daftar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="79" />
        <source>Detail View</source>
        <translation>Tampilan rinci</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="80" />
        <source>Change to list view mode</source>
        <translation>Ganti ke tampilan daftar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="81" />
        <source>Change to detail view mode</source>
        <translation>Ganti ke tampilan rinci</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="82" />
        <source>Sidebar</source>
        <translation>Bilah samping</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="83" />
        <source>List of places and bookmarks</source>
        <translation>Daftar tempat dan markah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="84" />
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="85" />
        <source>&amp;Rename</source>
        <translation>&amp;Ganti nama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="86" />
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="87" />
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="88" />
        <source>&amp;New Folder</source>
        <translation>Folder &amp;baru</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="89" />
        <source>New Folder</source>
        <translation>Folder baru</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="90" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 sudah ada.
Ganti berkas itu?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="91" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="92" />
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="93" />
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="94" />
        <source>Date Modified</source>
        <translation>Tanggal diubah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="95" />
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="61" />
        <source>Enter a value:</source>
        <translation>Masukkan nilai:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="37" />
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="38" />
        <source>&amp;Redo</source>
        <translation>Ulan&amp;gi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="39" />
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="40" />
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="41" />
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="42" />
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="43" />
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="46" />
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="47" />
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="16" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="17" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="18" />
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="19" />
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="20" />
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="21" />
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;semua</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="22" />
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="23" />
        <source>N&amp;o to All</source>
        <translation>T&amp;idak untuk semua</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="24" />
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="25" />
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="26" />
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="27" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="28" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="29" />
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="30" />
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="31" />
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="32" />
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="33" />
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="49" />
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="50" />
        <source>&amp;Redo</source>
        <translation>Ulan&amp;gi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="51" />
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="52" />
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="53" />
        <source>Copy &amp;Link Location</source>
        <translation>Salin a&amp;lamat tautan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="54" />
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="55" />
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/qt_strings.py" line="56" />
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QueueList</name>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_list.py" line="63" />
        <location filename="../../qlue_console/gui/verify/queue_list.py" line="79" />
        <source>%1 follow-ups waiting</source>
        <translation>%1 tindak lanjut menunggu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_list.py" line="65" />
        <source>the %1 riskiest shown</source>
        <translation>%1 yang paling berisiko ditampilkan</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="71" />
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="72" />
        <source>Age</source>
        <translation>Umur</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="73" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="74" />
        <source>Kelurahan / Kecamatan</source>
        <translation>Kelurahan / Kecamatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="75" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="76" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="77" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="78" />
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="79" />
        <source>Claimed by</source>
        <translation>Diklaim oleh</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="183" />
        <source>Posted through the Open311 channel %1</source>
        <translation>Dikirim lewat kanal Open311 %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="190" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="214" />
        <source>Came back after report #%1 was closed</source>
        <translation>Muncul lagi setelah laporan #%1 ditutup</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="218" />
        <source>Repeat reporter: the same citizen reported this category nearby before</source>
        <translation>Pelapor berulang: warga yang sama pernah melaporkan kategori ini di dekat sini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="238" />
        <source>Outside DKI Jakarta</source>
        <translation>Di luar DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue_model.py" line="245" />
        <source>overdue</source>
        <translation>lewat batas</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
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
        <location filename="../../ui/queue_pane.ui" line="56" />
        <source>Search report text…</source>
        <translation>Cari teks laporan…</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="64" />
        <source>Order of the queue</source>
        <translation>Urutan antrean</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="66" />
        <source>Newest first</source>
        <translation>Terbaru dulu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="67" />
        <source>Most urgent first</source>
        <translation>Paling mendesak dulu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="70" />
        <source>Came back</source>
        <translation>Muncul lagi</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="70" />
        <source>Recurrences only: reports that came back after a fix nearby was closed</source>
        <translation>Hanya yang berulang: laporan yang muncul lagi setelah penanganan di dekatnya ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="74" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="80" />
        <source>Kota, kecamatan or kelurahan (type to search)</source>
        <translation>Kota, kecamatan atau kelurahan (ketik untuk mencari)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="84" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="87" />
        <source>Minimum priority</source>
        <translation>Prioritas minimum</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="90" />
        <source>Age of the report</source>
        <translation>Umur laporan</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="94" />
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="94" />
        <source>Reports I have claimed</source>
        <translation>Laporan yang saya klaim</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="95" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="96" />
        <source>Outside DKI</source>
        <translation>Di luar DKI</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="96" />
        <source>Positions outside DKI Jakarta (outside jurisdiction)</source>
        <translation>Lokasi di luar DKI Jakarta (di luar wewenang)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="119" />
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="120" />
        <source>Show every report again, not only this chronic spot's</source>
        <translation>Tampilkan lagi semua laporan, tidak hanya laporan titik rawan ini</translation>
    </message>
    <message>
        <location filename="../../ui/queue_pane.ui" line="128" />
        <source>New reports</source>
        <translation>Laporan baru</translation>
    </message>
</context>
<context>
    <name>ReasonPanel</name>
    <message>
        <location filename="../../qlue_console/gui/verify/reason_panel.py" line="65" />
        <source>Write a note for “Other”, then press Enter.</source>
        <translation>Tulis catatan untuk “Lainnya”, lalu tekan Enter.</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="26" />
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="27" />
        <source>Out of scope</source>
        <translation>Di luar cakupan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="28" />
        <source>Incomplete</source>
        <translation>Tidak lengkap</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="29" />
        <source>Outside DKI Jakarta</source>
        <translation>Di luar DKI Jakarta</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="30" />
        <source>Other (note required)</source>
        <translation>Lainnya (wajib catatan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="64" />
        <source>No template for this reason.</source>
        <translation>Tidak ada templat untuk alasan ini.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="68" />
        <source>Insert template (Ctrl+T)</source>
        <translation>Sisipkan templat (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reject_dialog.py" line="81" />
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
        <location filename="../../qlue_console/gui/related_reports.py" line="106" />
        <source>#%1 · %2 m · text %3% alike · %4</source>
        <translation>#%1 · %2 m · teks %3% mirip · %4</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="128" />
        <source>No likely duplicate nearby.</source>
        <translation>Tidak ada kemungkinan duplikat di sekitar.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="138" />
        <source>None: first report of this kind by this citizen here.</source>
        <translation>Tidak ada: laporan pertama warga ini untuk jenis ini di sini.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="148" />
        <source>No report is open: press N for the next one, or pick one in the queue.</source>
        <translation>Belum ada laporan yang dibuka: tekan N untuk laporan berikutnya, atau pilih di antrean.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/related_reports.py" line="153" />
        <source>No likely duplicate is selected: M merges into the one chosen under Duplicates.</source>
        <translation>Tidak ada kemungkinan duplikat yang dipilih: M menggabungkan ke laporan yang dipilih di Duplikat.</translation>
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
    <name>ReplyPanel</name>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="57" />
        <source>Select a report to reply to the citizen.</source>
        <translation>Pilih laporan untuk membalas warga.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="63" />
        <source>A reply is public: the citizen's channel and the Open311 gateway show it. Internal comments (K) never leave the center.</source>
        <translation>Balasan bersifat publik: kanal warga dan gateway Open311 menampilkannya. Komentar internal (K) tidak pernah keluar dari pusat komando.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="73" />
        <source>Templates for this report, the suggested one first</source>
        <translation>Templat untuk laporan ini, yang disarankan lebih dulu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="77" />
        <source>The language of the template inserted</source>
        <translation>Bahasa templat yang disisipkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="78" />
        <source>Insert template (Ctrl+T)</source>
        <translation>Sisipkan templat (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="84" />
        <source>Reply to the citizen… (Ctrl+T inserts the template)</source>
        <translation>Balasan untuk warga… (Ctrl+T menyisipkan templat)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="90" />
        <source>Send reply (Ctrl+Enter)</source>
        <translation>Kirim balasan (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="95" />
        <source>Send the reply to the citizen</source>
        <translation>Kirim balasan kepada warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="131" />
        <source>Could not load the report: %1</source>
        <translation>Laporan tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="141" />
        <source>Reply to the citizen of report #%1</source>
        <translation>Balas warga pelapor laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="169" />
        <source>No reply template fits this report.</source>
        <translation>Tidak ada templat balasan yang cocok untuk laporan ini.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="188" />
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="194" />
        <source>Reply sent to the citizen of report #%1.</source>
        <translation>Balasan terkirim kepada warga pelapor laporan #%1.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/reply_panel.py" line="200" />
        <source>Not sent: %1</source>
        <translation>Tidak terkirim: %1</translation>
    </message>
</context>
<context>
    <name>ReplyWiring</name>
    <message>
        <location filename="../../qlue_console/gui/replies/wiring.py" line="19" />
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/wiring.py" line="24" />
        <source>No report is open: pick one in the queue first.</source>
        <translation>Tidak ada laporan yang terbuka: pilih dulu di antrean.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/wiring.py" line="40" />
        <source>No dispatch template fits this report.</source>
        <translation>Tidak ada templat disposisi yang cocok untuk laporan ini.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/wiring.py" line="53" />
        <source>Reply to the citizen</source>
        <translation>Balas warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/wiring.py" line="55" />
        <source>Insert the suggested template</source>
        <translation>Sisipkan templat yang disarankan</translation>
    </message>
</context>
<context>
    <name>ReportsCharts</name>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="32" />
        <source>0–6 h</source>
        <translation>0–6 jam</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="33" />
        <source>6–24 h</source>
        <translation>6–24 jam</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="34" />
        <source>1–3 days</source>
        <translation>1–3 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="35" />
        <source>3–7 days</source>
        <translation>3–7 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="36" />
        <source>≥ 7 days</source>
        <translation>≥ 7 hari</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="72" />
        <source>Reports received per day, by state at the week's end</source>
        <translation>Laporan diterima per hari, menurut status di akhir minggu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="105" />
        <source>Response time: from dispatch to the first follow-up</source>
        <translation>Waktu respons: dari disposisi sampai tindak lanjut pertama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="111" />
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="135" />
        <source>Upper half</source>
        <translation>Separuh atas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="136" />
        <source>Middle</source>
        <translation>Tengah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="137" />
        <source>Lower half</source>
        <translation>Separuh bawah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="147" />
        <source>Top and bottom ten (normalised score)</source>
        <translation>Sepuluh teratas dan terbawah (skor ternormalisasi)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="149" />
        <source>All %1 ranked (normalised score)</source>
        <translation>Semua %1 berperingkat (skor ternormalisasi)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="185" />
        <source>Top and bottom ten</source>
        <translation>Sepuluh teratas dan terbawah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="186" />
        <source>All ranked</source>
        <translation>Semua berperingkat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="131" />
        <source>Top ten</source>
        <translation>Sepuluh teratas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/charts.py" line="132" />
        <source>Bottom ten</source>
        <translation>Sepuluh terbawah</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="32" />
        <location filename="../../qlue_console/gui/reports/models.py" line="61" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="33" />
        <location filename="../../qlue_console/gui/reports/models.py" line="64" />
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="34" />
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="35" />
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="36" />
        <source>Dispatched</source>
        <translation>Didisposisikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="37" />
        <source>Followed up</source>
        <translation>Ditindaklanjuti</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="38" />
        <source>Verified</source>
        <translation>Selesai (terverifikasi)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="39" />
        <source>Proofs rejected</source>
        <translation>Bukti ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="40" />
        <source>Reopened</source>
        <translation>Dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="41" />
        <source>Backlog</source>
        <translation>Tunggakan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="42" />
        <source>Overdue</source>
        <translation>Lewat batas waktu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="43" />
        <source>Triage median (h)</source>
        <translation>Triase median (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="44" />
        <source>Triage p90 (h)</source>
        <translation>Triase p90 (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="45" />
        <source>Response median (h)</source>
        <translation>Respons median (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="46" />
        <source>Response p90 (h)</source>
        <translation>Respons p90 (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="47" />
        <source>Close median (h)</source>
        <translation>Selesai median (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="48" />
        <source>Close p90 (h)</source>
        <translation>Selesai p90 (jam)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="49" />
        <location filename="../../qlue_console/gui/reports/models.py" line="66" />
        <source>SLA met</source>
        <translation>Patuh SLA</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="50" />
        <location filename="../../qlue_console/gui/reports/models.py" line="67" />
        <source>Proof rejection rate</source>
        <translation>Tingkat bukti ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="51" />
        <location filename="../../qlue_console/gui/reports/models.py" line="68" />
        <source>Reopen rate</source>
        <translation>Tingkat dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="52" />
        <location filename="../../qlue_console/gui/reports/models.py" line="69" />
        <source>Reused-proof rate</source>
        <translation>Tingkat bukti daur ulang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="53" />
        <location filename="../../qlue_console/gui/reports/models.py" line="70" />
        <source>Recurrence rate</source>
        <translation>Tingkat masalah berulang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="54" />
        <source>Forwarding rate</source>
        <translation>Tingkat diteruskan &gt; 1 kali</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="55" />
        <location filename="../../qlue_console/gui/reports/models.py" line="65" />
        <source>Response rate</source>
        <translation>Tingkat respons</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="59" />
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="60" />
        <source>vs last week</source>
        <translation>vs minggu lalu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="62" />
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="63" />
        <source>Performance</source>
        <translation>Kinerja</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="71" />
        <source>Raw rank</source>
        <translation>Peringkat mentah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="72" />
        <source>Raw vs last week</source>
        <translation>Mentah vs minggu lalu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="73" />
        <source>Raw score</source>
        <translation>Skor mentah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="113" />
        <source>(unassigned)</source>
        <translation>(tanpa wilayah/dinas)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/reports/models.py" line="154" />
        <source>new</source>
        <translation>baru</translation>
    </message>
</context>
<context>
    <name>ReportsWorkspace</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="165" />
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="173" />
        <source>Agencies</source>
        <translation>Dinas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="174" />
        <source>Kota</source>
        <translation>Kota</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="175" />
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="176" />
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="177" />
        <source>Officials</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="181" />
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="182" />
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="252" />
        <source>Computing the KPIs of %1…</source>
        <translation>Menghitung KPI %1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="279" />
        <source>(unassigned)</source>
        <translation>(tanpa wilayah/dinas)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="290" />
        <source>%1: %2 received, %3 followed up, %4 verified, %5 in the backlog (%6 overdue); %7 of %8 ranked.</source>
        <translation>%1: %2 diterima, %3 ditindaklanjuti, %4 selesai, %5 tunggakan (%6 lewat SLA); %7 dari %8 diperingkat.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="312" />
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="315" />
        <source>Failed: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="322" />
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="332" />
        <source>Export the weekly report</source>
        <translation>Ekspor laporan mingguan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="335" />
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="336" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="337" />
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="343" />
        <source>Writing %1…</source>
        <translation>Menulis %1…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/reports.py" line="361" />
        <source>Written: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="14" />
        <source>&amp;Week</source>
        <translation>&amp;Minggu</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="20" />
        <source>ISO week in Jakarta time (Monday 00:00 to Sunday 24:00 WIB)</source>
        <translation>Minggu ISO waktu Jakarta (Senin 00.00 sampai Minggu 24.00 WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="26" />
        <source>&amp;Grouping</source>
        <translation>&amp;Pengelompokan</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="32" />
        <source>Whom the league table ranks</source>
        <translation>Siapa yang diperingkat klasemen</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="37" />
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="48" />
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="53" />
        <source>Language of the exported report</source>
        <translation>Bahasa laporan yang diekspor</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="58" />
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="59" />
        <source>One row per group of this grouping</source>
        <translation>Satu baris per kelompok dari pengelompokan ini</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="64" />
        <source>XLSX</source>
        <translation>XLSX</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="65" />
        <source>A summary sheet and one sheet per grouping</source>
        <translation>Lembar ringkasan dan satu lembar per pengelompokan</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="70" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="71" />
        <source>A4 report with the summary, the charts and the league table</source>
        <translation>Laporan A4 dengan ringkasan, grafik dan klasemen</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="91" />
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="108" />
        <source>League table</source>
        <translation>Klasemen</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="121" />
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="136" />
        <source>Daily volume</source>
        <translation>Volume harian</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="140" />
        <source>Response times</source>
        <translation>Waktu respons</translation>
    </message>
    <message>
        <location filename="../../ui/reports_workspace.ui" line="144" />
        <source>Top and bottom ten</source>
        <translation>Sepuluh teratas dan terbawah</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="44" />
        <source>Report #%1: the proof this one matches</source>
        <translation>Laporan #%1: bukti yang cocok dengan foto ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="52" />
        <source>Report #%1 · %2 · %3 · status %4
Proof posted by @%5, %6 · verification: %7 · hash distance %8 (%9)</source>
        <translation>Laporan #%1 · %2 · %3 · status %4
Bukti dikirim oleh @%5, %6 · verifikasi: %7 · jarak hash %8 (%9)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="63" />
        <source>as is</source>
        <translation>apa adanya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="63" />
        <source>flipped or rotated</source>
        <translation>dibalik atau diputar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="72" />
        <source>This proof (report #%1)</source>
        <translation>Bukti ini (laporan #%1)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="73" />
        <source>Matching proof (report #%1)</source>
        <translation>Bukti yang cocok (laporan #%1)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="74" />
        <source>Citizen's photo of report #%1</source>
        <translation>Foto warga laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="93" />
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="94" />
        <source>rejected</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_dialog.py" line="95" />
        <source>pending</source>
        <translation>menunggu</translation>
    </message>
</context>
<context>
    <name>ReusePanel</name>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_panel.py" line="58" />
        <source>Same as the proof of report #%1</source>
        <translation>Sama dengan bukti laporan #%1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_panel.py" line="61" />
        <source>&lt;a href="%1"&gt;#%2&lt;/a&gt; (distance %3)</source>
        <translation>&lt;a href="%1"&gt;#%2&lt;/a&gt; (jarak %3)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/reuse_panel.py" line="69" />
        <source>posted by @%1, %2</source>
        <translation>dikirim oleh @%1, %2</translation>
    </message>
</context>
<context>
    <name>RoutingAdminDialog</name>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="60" />
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="102" />
        <source>Every category</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="125" />
        <source>Rule saved.</source>
        <translation>Aturan disimpan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="137" />
        <source>Rule removed.</source>
        <translation>Aturan dihapus.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="170" />
        <source>Holiday saved.</source>
        <translation>Hari libur disimpan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="184" />
        <source>Holiday removed.</source>
        <translation>Hari libur dihapus.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/dispatch/routing_admin.py" line="199" />
        <source>Not saved: %1</source>
        <translation>Tidak tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="5" />
        <source>Routing rules and holidays</source>
        <translation>Aturan rute dan hari libur</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="11" />
        <source>Routing rules</source>
        <translation>Aturan rute</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="13" />
        <source>A report's category and area decide whom the composer suggests. A rule without a category applies to every category; lower positions come first.</source>
        <translation>Kategori dan wilayah laporan menentukan siapa yang disarankan. Aturan tanpa kategori berlaku untuk semua kategori; posisi lebih kecil didahulukan.</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="14" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="14" />
        <source>Area level</source>
        <translation>Tingkat wilayah</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="14" />
        <source>Account kind</source>
        <translation>Jenis akun</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="14" />
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="20" />
        <source>Position (lower first)</source>
        <translation>Posisi (lebih kecil dulu)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="21" />
        <source>Add or update</source>
        <translation>Tambah atau perbarui</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="22" />
        <location filename="../../ui/routing_admin_dialog.ui" line="44" />
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="28" />
        <source>Holidays</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="32" />
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="34" />
        <source>National holidays and collective leave (cuti bersama) per the joint decree: working-day SLAs skip them.</source>
        <translation>Hari libur nasional dan cuti bersama menurut SKB: SLA hari kerja melewatinya.</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="37" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="37" />
        <source>Name (Indonesian)</source>
        <translation>Nama (Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="37" />
        <source>Name (English)</source>
        <translation>Nama (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="41" />
        <source>Name in Indonesian</source>
        <translation>Nama dalam bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="42" />
        <source>Name in English</source>
        <translation>Nama dalam bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../ui/routing_admin_dialog.ui" line="43" />
        <source>Add or rename</source>
        <translation>Tambah atau ganti nama</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <location filename="../../qlue_console/gui/queue/selection.py" line="104" />
        <source>Filters cleared to show report #%1.</source>
        <translation>Filter dikosongkan agar laporan #%1 tampil.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/selection.py" line="124" />
        <source>Report #%1 is too far down the queue to show here; it is open on the right.</source>
        <translation>Laporan #%1 terlalu jauh di bawah antrean untuk ditampilkan di sini; laporan terbuka di kanan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/queue/selection.py" line="128" />
        <source>Report #%1 is not in this list (it changed meanwhile); it is open on the right.</source>
        <translation>Laporan #%1 tidak ada di daftar ini (sudah berubah); laporan terbuka di kanan.</translation>
    </message>
</context>
<context>
    <name>ShiftHandover</name>
    <message>
        <location filename="../../qlue_console/gui/handover/wiring.py" line="34" />
        <source>S&amp;hift</source>
        <translation>S&amp;hift</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/wiring.py" line="35" />
        <source>Shift &amp;handover…</source>
        <translation>Serah &amp;terima shift…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/wiring.py" line="38" />
        <source>Write the note for the next shift, hand your claims to a colleague</source>
        <translation>Tulis catatan untuk shift berikutnya, serahkan klaim Anda kepada rekan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/wiring.py" line="64" />
        <source>Handover acknowledged: the note is yours now.</source>
        <translation>Serah terima diterima: catatan ini sekarang milik Anda.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/handover/wiring.py" line="90" />
        <source>The view %1 no longer exists.</source>
        <translation>Tampilan %1 sudah tidak ada.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="138" />
        <source>Demo city on the embedded PostgreSQL of this computer.</source>
        <translation>Kota demo pada PostgreSQL bawaan komputer ini.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="146" />
        <source>Each role sees the workspaces it may use; PostgreSQL refuses the rest.</source>
        <translation>Setiap peran melihat ruang kerja yang boleh dipakainya; PostgreSQL menolak sisanya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="149" />
        <source>Central PostgreSQL of the operations center.</source>
        <translation>PostgreSQL pusat milik pusat komando.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="156" />
        <source>Passwords are kept in the system keyring when you ask for it.</source>
        <translation>Kata sandi disimpan di keyring sistem bila Anda memintanya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="159" />
        <source>No system keyring here: the password is asked at each sign-in and never stored.</source>
        <translation>Tidak ada keyring sistem di sini: kata sandi ditanyakan setiap masuk dan tidak pernah disimpan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="62" />
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="63" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="64" />
        <source>Analyst</source>
        <translation>Analis</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="65" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="66" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="184" />
        <source>The server must be a PostgreSQL URL such as postgresql://host:5432/qlue</source>
        <translation>Server harus berupa URL PostgreSQL seperti postgresql://host:5432/qlue</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="206" />
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="217" />
        <source>Enter your login.</source>
        <translation>Masukkan login Anda.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/sign_in.py" line="239" />
        <source>The login %1 has no Qlue role; ask an administrator.</source>
        <translation>Login %1 tidak memiliki peran Qlue; hubungi administrator.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="5" />
        <source>Sign in — Qlue Console</source>
        <translation>Masuk — Qlue Console</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="13" />
        <source>Sign in as</source>
        <translation>Masuk sebagai</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="21" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="22" />
        <source>The central PostgreSQL, without the password (kept in the settings)</source>
        <translation>PostgreSQL pusat, tanpa kata sandi (disimpan di pengaturan)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="23" />
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="25" />
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in_dialog.ui" line="27" />
        <source>Remember the password in the system keyring</source>
        <translation>Ingat kata sandi di keyring sistem</translation>
    </message>
</context>
<context>
    <name>SpotLayerTexts</name>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="21" />
        <source>%1 reports in %2 weeks</source>
        <translation>%1 laporan dalam %2 minggu</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="22" />
        <source>Came back after closing: %1</source>
        <translation>Muncul lagi setelah ditutup: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="29" />
        <source>%1 or more came back</source>
        <translation>%1 atau lebih muncul lagi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="31" />
        <source>%1 came back</source>
        <translation>%1 muncul lagi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="33" />
        <source>%1–%2 came back</source>
        <translation>%1–%2 muncul lagi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="36" />
        <source>Chronic spots (%1)</source>
        <translation>Titik rawan (%1)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="38" />
        <source>Larger circle: more reports</source>
        <translation>Lingkaran lebih besar: lebih banyak laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/map/spot_texts.py" line="39" />
        <source>No chronic spots</source>
        <translation>Tidak ada titik rawan</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="25" />
        <source>Starting the embedded PostgreSQL…</source>
        <translation>Menjalankan PostgreSQL bawaan…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="26" />
        <source>Migrating the database…</source>
        <translation>Memigrasi basis data…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="27" />
        <source>Preparing the demo city (first start)…</source>
        <translation>Menyiapkan kota demo (pertama kali)…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="28" />
        <source>Connecting to the central database…</source>
        <translation>Menghubungkan ke basis data pusat…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="90" />
        <source>Starting Qlue Console…</source>
        <translation>Memulai Qlue Console…</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/app.py" line="110" />
        <source>Preparing the demo city (first start)… %1%</source>
        <translation>Menyiapkan kota demo (pertama kali)… %1%</translation>
    </message>
</context>
<context>
    <name>StateTabs</name>
    <message>
        <location filename="../../qlue_console/gui/queue/state_tabs.py" line="68" />
        <source>All</source>
        <translation>Semua</translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="96" />
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="98" />
        <source>Connected; live updates on</source>
        <translation>Terhubung; pembaruan langsung aktif</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/status_bar.py" line="100" />
        <source>Offline — reconnecting</source>
        <translation>Luring — menghubungkan kembali</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="124" />
        <source>%Ln overdue</source>
        <translation><numerusform>%Ln lewat batas waktu</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="125" />
        <source>%Ln proofs to verify</source>
        <translation><numerusform>%Ln bukti untuk diverifikasi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/status_bar.py" line="126" />
        <source>%Ln received today</source>
        <translation><numerusform>%Ln diterima hari ini</numerusform></translation>
    </message>
</context>
<context>
    <name>TemplateAdminDialog</name>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="57" />
        <source>Message templates</source>
        <translation>Templat pesan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="66" />
        <source>Dispatch message</source>
        <translation>Pesan disposisi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="67" />
        <source>Rejection note</source>
        <translation>Catatan penolakan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="68" />
        <source>Reply to the citizen</source>
        <translation>Balas warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="72" />
        <source>Every category</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="74" />
        <source>Every state</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="78" />
        <source>Every reason</source>
        <translation>Semua alasan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="84" />
        <source>Purpose</source>
        <translation>Kegunaan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="85" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="86" />
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="87" />
        <source>Reason (rejections)</source>
        <translation>Alasan (penolakan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="88" />
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="89" />
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="90" />
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="93" />
        <source>Placeholders: {kelurahan}, {due}, {report}, {official}, {category}</source>
        <translation>Penanda: {kelurahan}, {due}, {report}, {official}, {category}</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="103" />
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="104" />
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="105" />
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="180" />
        <source>Unknown placeholder {%1}.</source>
        <translation>Penanda tidak dikenal {%1}.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="200" />
        <source>Template saved: every console uses it from now on.</source>
        <translation>Templat tersimpan: semua konsol memakainya mulai sekarang.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="210" />
        <source>Template removed.</source>
        <translation>Templat dihapus.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="220" />
        <source>Not saved: %1</source>
        <translation>Tidak tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/replies/template_admin.py" line="236" />
        <source>Message templates…</source>
        <translation>Templat pesan…</translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="151" />
        <source>Press N to take the next report.</source>
        <translation>Tekan N untuk mengambil laporan berikutnya.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="158" />
        <source>Claimed by %1 — read-only</source>
        <translation>Diklaim oleh %1 — hanya baca</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="161" />
        <source>You hold this report</source>
        <translation>Anda memegang laporan ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="164" />
        <source>Not claimed</source>
        <translation>Belum diklaim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="166" />
        <source>Release</source>
        <translation>Lepas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="166" />
        <location filename="../../ui/triage_actions.ui" line="36" />
        <source>Claim</source>
        <translation>Klaim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="192" />
        <location filename="../../qlue_console/gui/triage_actions.py" line="360" />
        <source>Wait: the last action is still running.</source>
        <translation>Tunggu: tindakan terakhir masih berjalan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="194" />
        <source>No report is open: press N for the next one, or pick one in the queue.</source>
        <translation>Belum ada laporan yang dibuka: tekan N untuk laporan berikutnya, atau pilih di antrean.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="199" />
        <source>Report #%1 is claimed by %2: read-only.</source>
        <translation>Laporan #%1 diklaim oleh %2: hanya baca.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="202" />
        <source>Report #%1 is closed (%2): nothing to change.</source>
        <translation>Laporan #%1 sudah ditutup (%2): tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="208" />
        <source>Report #%1 is already triaged.</source>
        <translation>Laporan #%1 sudah diverifikasi.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="210" />
        <source>Report #%1 is in %2, past triage: T applies to new reports only.</source>
        <translation>Laporan #%1 sudah %2, lewat tahap verifikasi: T hanya untuk laporan baru.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="275" />
        <source>Could not undo: %1</source>
        <translation>Tidak dapat dibatalkan: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="285" />
        <source>Report #%1 passed on to %2 (Koordinasi).</source>
        <translation>Laporan #%1 diteruskan ke %2 (Koordinasi).</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="289" />
        <source>Report #%1 dispatched to %2.</source>
        <translation>Laporan #%1 didisposisikan ke %2.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="295" />
        <source>Dispatch of report #%1 withdrawn: %2 will not be asked.</source>
        <translation>Disposisi laporan #%1 ditarik: %2 tidak akan diminta.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="338" />
        <source>Claimed by someone else</source>
        <translation>Diklaim orang lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="340" />
        <source>Changed by another console</source>
        <translation>Diubah oleh konsol lain</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="342" />
        <source>Not done</source>
        <translation>Tidak dilakukan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="344" />
        <source>Database unavailable</source>
        <translation>Basis data tidak tersedia</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="348" />
        <source>The report has been reloaded; your choice is still in the form.</source>
        <translation>Laporan telah dimuat ulang; pilihan Anda masih ada di formulir.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="370" />
        <source>No report is waiting for triage.</source>
        <translation>Tidak ada laporan yang menunggu verifikasi.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="372" />
        <source>You keep report #%1.</source>
        <translation>Laporan #%1 tetap Anda pegang.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="375" />
        <source>You took report #%1, the most urgent waiting.</source>
        <translation>Anda mengambil laporan #%1, yang paling mendesak.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="377" />
        <source>Report #%1 was released.</source>
        <translation>Laporan #%1 dilepas.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="391" />
        <source>Report #%1 is claimed by %2: only a supervisor can break the claim.</source>
        <translation>Laporan #%1 diklaim oleh %2: hanya supervisor yang dapat membatalkan klaim.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="399" />
        <source>Report #%1 released.</source>
        <translation>Laporan #%1 dilepas.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="403" />
        <source>You hold report #%1.</source>
        <translation>Anda memegang laporan #%1.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="419" />
        <source>Report #%1 triaged.</source>
        <translation>Laporan #%1 diverifikasi.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="442" />
        <source>Report #%1 already has priority %2.</source>
        <translation>Laporan #%1 sudah berprioritas %2.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="463" />
        <source>Report #%1 rejected (%2): it left the working queue.</source>
        <translation>Laporan #%1 ditolak (%2): keluar dari antrean kerja.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="472" />
        <source>Rejection of report #%1 undone: it is back in the queue.</source>
        <translation>Penolakan laporan #%1 dibatalkan: laporan kembali ke antrean.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/triage_actions.py" line="512" />
        <source>Merged #%1 into #%2</source>
        <translation>#%1 digabung ke #%2</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="28" />
        <source>Undo</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="28" />
        <source>Undo this, while nobody has acted on the report since</source>
        <translation>Batalkan ini, selama belum ada yang menindaklanjuti laporan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="29" />
        <source>Hide this message</source>
        <translation>Sembunyikan pesan ini</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="35" />
        <source>Next (N)</source>
        <translation>Berikutnya (N)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="35" />
        <source>Claim the most urgent waiting report (N)</source>
        <translation>Klaim laporan menunggu yang paling mendesak (N)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="36" />
        <source>Claim or release this report (L)</source>
        <translation>Klaim atau lepas laporan ini (L)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="37" />
        <source>Triaged (T)</source>
        <translation>Terverifikasi (T)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="37" />
        <source>Checked: photo, text and place are right (T)</source>
        <translation>Sudah dicek: foto, teks dan lokasi benar (T)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="38" />
        <source>Reject (R)</source>
        <translation>Tolak (R)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="38" />
        <source>Reject as spam, out of scope, incomplete, outside DKI… (R)</source>
        <translation>Tolak sebagai spam, di luar cakupan, tidak lengkap, di luar DKI… (R)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="43" />
        <source>Category (C)</source>
        <translation>Kategori (C)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="44" />
        <source>Priority (keys 1–4)</source>
        <translation>Prioritas (tombol 1–4)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_actions.ui" line="49" />
        <source>Internal comment… (K, Enter to add)</source>
        <translation>Komentar internal… (K, Enter untuk menambah)</translation>
    </message>
</context>
<context>
    <name>TriageWorkspace</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="132" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="133" />
        <source>Duplicates</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="134" />
        <source>Dispatch</source>
        <translation>Disposisi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="209" />
        <source>The map could not be loaded: %1</source>
        <translation>Peta tidak dapat dimuat: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="245" />
        <source>%n report(s) on the map</source>
        <translation><numerusform>%n laporan di peta</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="247" />
        <source>(the newest %1)</source>
        <translation>(%1 terbaru)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="272" />
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="459" />
        <source>The map could not be updated: %1</source>
        <translation>Peta tidak dapat diperbarui: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="323" />
        <source>The chronic spots could not be read: %1</source>
        <translation>Titik rawan tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="404" />
        <source>Claim broken</source>
        <translation>Klaim dibatalkan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/triage.py" line="405" />
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
        <location filename="../../ui/triage_workspace.ui" line="42" />
        <source>Chronic spots</source>
        <translation>Titik rawan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="43" />
        <source>Places where reports of one category keep coming: on the map and in a list beneath it</source>
        <translation>Tempat yang terus mendapat laporan satu kategori: di peta dan dalam daftar di bawahnya</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="67" />
        <source>Loading the map…</source>
        <translation>Memuat peta…</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="106" />
        <source>No report open</source>
        <translation>Belum ada laporan yang dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="112" />
        <source>Press N to take the most urgent report waiting for triage, or pick one in the queue or on the map.</source>
        <translation>Tekan N untuk mengambil laporan paling mendesak yang menunggu verifikasi, atau pilih satu di antrean atau di peta.</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="119" />
        <source>Take the next report (N)</source>
        <translation>Ambil laporan berikutnya (N)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="125" />
        <source>Keys, once a report is open</source>
        <translation>Tombol, setelah laporan dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="135" />
        <source>Take the next report: the most urgent waiting one</source>
        <translation>Ambil laporan berikutnya: yang paling mendesak</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="137" />
        <source>Claim or release the open report</source>
        <translation>Klaim atau lepas laporan yang dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="139" />
        <source>Triaged: photo, text and place checked</source>
        <translation>Diverifikasi: foto, teks, dan lokasi sudah dicek</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="141" />
        <source>Reject, with a reason</source>
        <translation>Tolak, dengan alasan</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="143" />
        <source>Change the category</source>
        <translation>Ubah kategori</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="145" />
        <source>Priority: low, normal, high, urgent</source>
        <translation>Prioritas: rendah, normal, tinggi, mendesak</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="147" />
        <source>Write an internal comment</source>
        <translation>Tulis komentar internal</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="149" />
        <source>Merge into the selected duplicate</source>
        <translation>Gabungkan ke duplikat yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="151" />
        <source>Switch between Detail and Duplicates</source>
        <translation>Beralih antara Detail dan Duplikat</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="153" />
        <source>Search the queue</source>
        <translation>Cari di antrean</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="155" />
        <source>Command palette: any action, workspace, named view or report number</source>
        <translation>Palet perintah: tindakan, ruang kerja, tampilan tersimpan, atau nomor laporan apa pun</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="157" />
        <source>On the selected reports: +C category, +P priority, +R reject, +M merge, +D dispatch (or right-click the queue)</source>
        <translation>Pada laporan yang dipilih: +C kategori, +P prioritas, +R tolak, +M gabungkan, +D disposisi (atau klik kanan antrean)</translation>
    </message>
    <message>
        <location filename="../../ui/triage_workspace.ui" line="159" />
        <source>Shift handover: a note for the next shift, claims to a colleague</source>
        <translation>Serah terima shift: catatan untuk shift berikutnya, klaim ke rekan</translation>
    </message>
</context>
<context>
    <name>VerifyLabels</name>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="44" />
        <source>Unreadable</source>
        <translation>Tidak terbaca</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="18" />
        <source>Image readable</source>
        <translation>Gambar dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="19" />
        <source>Location in EXIF</source>
        <translation>Lokasi di EXIF</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="20" />
        <source>Capture time in EXIF</source>
        <translation>Waktu pengambilan di EXIF</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="21" />
        <source>Near the report</source>
        <translation>Dekat lokasi laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="22" />
        <source>Taken after the report</source>
        <translation>Diambil setelah laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="23" />
        <source>Taken recently</source>
        <translation>Diambil baru-baru ini</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="24" />
        <source>Camera clock plausible</source>
        <translation>Jam kamera wajar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="25" />
        <source>Differs from the citizen's photo</source>
        <translation>Berbeda dari foto warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="26" />
        <source>New photo (not reused)</source>
        <translation>Foto baru (bukan daur ulang)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="27" />
        <source>Reporter not linked to the official</source>
        <translation>Pelapor tidak terkait dengan petugas</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="28" />
        <source>Photo quality</source>
        <translation>Kualitas foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="29" />
        <source>Camera original (not a screenshot or edit)</source>
        <translation>Asli dari kamera (bukan tangkapan layar atau suntingan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="34" />
        <source>Pass</source>
        <translation>Lolos</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="35" />
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="36" />
        <source>Fail</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="37" />
        <source>Not checked</source>
        <translation>Tidak diperiksa</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="40" />
        <source>Wrong place</source>
        <translation>Lokasi salah</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="41" />
        <source>Old photo</source>
        <translation>Foto lama</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="42" />
        <source>Reused photo</source>
        <translation>Foto dipakai ulang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="43" />
        <source>Not showing the fix</source>
        <translation>Tidak menunjukkan perbaikan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="45" />
        <source>Other (write a note)</source>
        <translation>Lainnya (tulis catatan)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="48" />
        <source>blurred</source>
        <translation>buram</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="49" />
        <source>too dark</source>
        <translation>terlalu gelap</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="50" />
        <source>overexposed</source>
        <translation>terlalu terang</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="51" />
        <source>too small</source>
        <translation>terlalu kecil</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="88" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="100" />
        <source>%Ln days</source>
        <translation><numerusform>%Ln hari</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="103" />
        <source>%Ln hours</source>
        <translation><numerusform>%Ln jam</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../qlue_console/gui/verify/labels.py" line="105" />
        <source>%Ln minutes</source>
        <translation><numerusform>%Ln menit</numerusform></translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="121" />
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="125" />
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="137" />
        <source>not checked</source>
        <translation>tidak diperiksa</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="141" />
        <source>not a usable image: %1</source>
        <translation>bukan gambar yang dapat dipakai: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="144" />
        <source>%1, %2×%3</source>
        <translation>%1, %2×%3</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="152" />
        <source>GPS %1, %2</source>
        <translation>GPS %1, %2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="156" />
        <location filename="../../qlue_console/gui/verify/mini_map.py" line="141" />
        <source>the photo has no GPS position</source>
        <translation>foto tidak memiliki posisi GPS</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="160" />
        <source>taken %1</source>
        <translation>diambil %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="162" />
        <source>the photo has no capture time</source>
        <translation>foto tidak memiliki waktu pengambilan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="165" />
        <source>%1 from the report (limit %2)</source>
        <translation>%1 dari lokasi laporan (batas %2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="173" />
        <source>taken %1 before the report</source>
        <translation>diambil %1 sebelum laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="175" />
        <source>taken %1 after the report</source>
        <translation>diambil %1 setelah laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="178" />
        <source>taken %1 before the follow-up</source>
        <translation>diambil %1 sebelum tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="184" />
        <source>the camera clock says %1</source>
        <translation>jam kamera menunjukkan %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="187" />
        <source>camera clock plausible</source>
        <translation>jam kamera wajar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="190" />
        <source>hash distance %1 from the citizen's photo</source>
        <translation>jarak hash %1 dari foto warga</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="196" />
        <source>no other proof looks like it</source>
        <translation>tidak ada bukti lain yang mirip</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="198" />
        <source>like the proof of report #%1 (distance %2)</source>
        <translation>mirip bukti laporan #%1 (jarak %2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="203" />
        <source>and %1 more</source>
        <translation>dan %1 lainnya</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="208" />
        <source>reporter %1 is a known citizen account of @%2</source>
        <translation>pelapor %1 adalah akun warga milik @%2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="213" />
        <source>reporter %1 is not linked to @%2</source>
        <translation>pelapor %1 tidak terkait dengan @%2</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="220" />
        <source>sharp, well exposed, large enough</source>
        <translation>tajam, pencahayaan baik, cukup besar</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="226" />
        <source>edited with %1</source>
        <translation>diedit dengan %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="229" />
        <source>%1 file</source>
        <translation>berkas %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="232" />
        <source>no camera make or model</source>
        <translation>tanpa merek atau model kamera</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="236" />
        <source>screen-sized (%1×%2)</source>
        <translation>seukuran layar (%1×%2)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/labels.py" line="243" />
        <source>camera photo (%1)</source>
        <translation>foto kamera (%1)</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/mini_map.py" line="132" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/mini_map.py" line="134" />
        <source>Photo GPS</source>
        <translation>GPS foto</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/mini_map.py" line="144" />
        <source>%1 apart</source>
        <translation>berjarak %1</translation>
    </message>
</context>
<context>
    <name>VerifyQueueModel</name>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="25" />
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="26" />
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="27" />
        <source>Official</source>
        <translation>Pejabat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="28" />
        <source>Checks to look at</source>
        <translation>Pemeriksaan yang perlu dilihat</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="29" />
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="30" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="31" />
        <source>Posted</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="127" />
        <source>not checked yet</source>
        <translation>belum diperiksa</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="147" />
        <source>Failing: %1</source>
        <translation>Gagal: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/verify/queue_model.py" line="151" />
        <source>Warnings: %1</source>
        <translation>Peringatan: %1</translation>
    </message>
</context>
<context>
    <name>VerifyWorkspace</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="105" />
        <source>Your role could not be read: %1</source>
        <translation>Peran Anda tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="120" />
        <source>The queue could not be loaded: %1</source>
        <translation>Antrean tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="127" />
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="225" />
        <source>No follow-up is waiting for a decision.</source>
        <translation>Tidak ada tindak lanjut yang menunggu keputusan.</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="151" />
        <source>The follow-up could not be loaded: %1</source>
        <translation>Tindak lanjut tidak dapat dimuat: %1</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/verify.py" line="159" />
        <source>Follow-up #%1 no longer exists.</source>
        <translation>Tindak lanjut #%1 sudah tidak ada.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="73" />
        <source>Select a follow-up</source>
        <translation>Pilih tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="107" />
        <source>Citizen's photo</source>
        <translation>Foto warga</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="120" />
        <source>Proof photo (TL)</source>
        <translation>Foto bukti (TL)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="22" />
        <source>&lt;b&gt;Proofs waiting for a decision&lt;/b&gt; — riskiest first</source>
        <translation>&lt;b&gt;Bukti yang menunggu keputusan&lt;/b&gt; — paling berisiko dahulu</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="30" />
        <source>The official's agency or the category's agency</source>
        <translation>Dinas pejabat atau dinas kategori</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="36" />
        <source>Kota, kecamatan or kelurahan of the report (type to search)</source>
        <translation>Kota, kecamatan atau kelurahan laporan (ketik untuk mencari)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="42" />
        <source>The official who posted the follow-up (type to search)</source>
        <translation>Pejabat yang mengirim tindak lanjut (ketik untuk mencari)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="47" />
        <source>Only follow-ups failing this check</source>
        <translation>Hanya tindak lanjut yang gagal pada pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="112" />
        <location filename="../../ui/verify_workspace.ui" line="125" />
        <source>Wheel or +/- to zoom, drag to pan: both photos move together</source>
        <translation>Roda mouse atau +/- untuk zoom, seret untuk menggeser: kedua foto bergerak bersama</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="146" />
        <source>The earlier proof this photo matches; click to open its report</source>
        <translation>Bukti sebelumnya yang cocok dengan foto ini; klik untuk membuka laporannya</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="166" />
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="167" />
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="172" />
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="173" />
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="178" />
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="179" />
        <source>Fit the photos in the views (0)</source>
        <translation>Sesuaikan foto dengan tampilan (0)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="184" />
        <source>Zoom and pan move both photos together</source>
        <translation>Zoom dan geser menggerakkan kedua foto bersama</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="202" />
        <source>Approve (A)</source>
        <translation>Setujui (A)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="203" />
        <source>The proof is good: close the report</source>
        <translation>Bukti baik: selesaikan laporan</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="209" />
        <source>Reject (R)</source>
        <translation>Tolak (R)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="210" />
        <source>The proof is weak: reopen the report for the same officials</source>
        <translation>Bukti lemah: buka kembali laporan untuk pejabat yang sama</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="229" />
        <source>Read-only: only a supervisor can approve or reject proofs.</source>
        <translation>Hanya baca: hanya supervisor yang dapat menyetujui atau menolak bukti.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="240" />
        <source>Reject: press 1–6 for the reason (Enter takes the highlighted one, Esc cancels)</source>
        <translation>Tolak: tekan 1–6 untuk alasan (Enter memilih yang disorot, Esc membatalkan)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="251" />
        <source>Note for the official (required with "Other")</source>
        <translation>Catatan untuk pejabat (wajib untuk "Lainnya")</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="284" />
        <source>Check</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="285" />
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="291" />
        <source>&lt;b&gt;Where&lt;/b&gt;: the report and the photo's GPS position</source>
        <translation>&lt;b&gt;Lokasi&lt;/b&gt;: laporan dan posisi GPS foto</translation>
    </message>
    <message>
        <location filename="../../ui/verify_workspace.ui" line="308" />
        <source>&lt;b&gt;EXIF&lt;/b&gt; of the proof photo</source>
        <translation>&lt;b&gt;EXIF&lt;/b&gt; foto bukti</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="42" />
        <source>Triage</source>
        <translation>Triase</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="43" />
        <source>Triage queue, map and report detail</source>
        <translation>Antrean triase, peta dan detail laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="46" />
        <source>Directory</source>
        <translation>Direktori</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="47" />
        <source>Officials directory: load, overdue mentions, performance</source>
        <translation>Direktori pejabat: beban, mention lewat batas, kinerja</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="50" />
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="51" />
        <source>Proof-photo verifier: approve or reject follow-ups</source>
        <translation>Verifikasi foto bukti: setujui atau tolak tindak lanjut</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="54" />
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <location filename="../../qlue_console/gui/workspaces/registry.py" line="55" />
        <source>Weekly KPIs, league tables and exports</source>
        <translation>KPI mingguan, klasemen dan ekspor</translation>
    </message>
</context>
</TS>