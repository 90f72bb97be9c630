"""The queue's page names the Open311 channel that posted a report (console_reports.channel_name,
revision 0019), and so does the detail: the channel whose login made the report's 'created'
event, else nothing."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.data.queue import QueueFilter, fetch_queue_page
from qlue_console.data.report_detail import fetch_report_detail
from qlue_console.db import contract
from tests.open311.util import MONAS


def _submit(conn, external_id: str) -> int:
    return contract.submit_report(
        conn,
        channel="app",
        external_id=external_id,
        citizen="warga",
        text_="Lampu jalan mati",
        category="sampah",
        lat=MONAS[0],
        lon=MONAS[1],
    )


def test_the_page_reads_the_name_of_the_channel_that_posted_a_report(db_engine, new_channel):
    channel = new_channel()
    with db_engine.begin() as conn:
        direct = _submit(conn, "direct-1")
    with db_engine.begin() as conn:
        # as the gateway does: the channel's login makes the report's events
        conn.execute(text(f'SET LOCAL ROLE "{channel.login}"'))
        posted = _submit(conn, "posted-1")
    names = {row.id: row.channel_name for row in fetch_queue_page(db_engine, QueueFilter())}
    assert names[posted] == channel.name
    assert names[direct] is None
    posted_detail = fetch_report_detail(db_engine, posted)
    direct_detail = fetch_report_detail(db_engine, direct)
    assert posted_detail is not None and posted_detail.channel_name == channel.name
    assert direct_detail is not None and direct_detail.channel_name is None
