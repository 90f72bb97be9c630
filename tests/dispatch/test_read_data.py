"""What the dispatch panel, the directory and the detail pane read of a report, through
console_reports (revision 0014): the names of its areas and category, its officials' open
mentions, and the login's right to edit routing."""

from __future__ import annotations

from qlue_console.data.report_detail import fetch_report_detail
from qlue_console.db import contract
from qlue_console.db.engine import make_engine
from qlue_console.dispatch import service
from qlue_console.dispatch.directory import fetch_account_detail, load_directory
from tests.dispatch.util import MONAS, scalar, submit, version

BEYOND_DEPOK = (-6.357226, 106.816688)  # 108 m beyond the land border with Depok


def test_the_detail_names_the_reports_areas_and_category(people_engine):
    rid = submit(people_engine, place=MONAS)
    detail = fetch_report_detail(people_engine, rid)
    assert detail is not None
    assert (detail.kelurahan, detail.kecamatan, detail.kota) == (
        "Gambir",
        "Gambir",
        "Kota Administrasi Jakarta Pusat",
    )
    names = scalar(
        people_engine, "SELECT name_id || '|' || name_en FROM categories WHERE code = 'sampah'"
    )
    assert f"{detail.category_id}|{detail.category_en}" == names
    assert detail.sla_hours > 0 and detail.nearest_kelurahan is None
    assert fetch_report_detail(people_engine, rid + 1000) is None


def test_outside_dki_the_detail_has_no_area_but_the_nearest_kelurahan(people_engine):
    rid = submit(people_engine, place=BEYOND_DEPOK)
    detail = fetch_report_detail(people_engine, rid)
    assert detail is not None and detail.outside_jurisdiction
    assert (detail.kelurahan, detail.kecamatan, detail.kota) == (None, None, None)
    assert detail.nearest_kelurahan == "Srengseng Sawah"
    assert detail.across_border_with == "Kota Depok"


def test_the_dispatch_context_names_the_kelurahan_and_the_category(people_engine):
    rid = submit(people_engine)
    ctx = service.load_dispatch_context(people_engine, rid)
    assert ctx is not None
    assert ctx.kelurahan == "Gambir" and ctx.category_code == "sampah"
    assert ctx.category_id and ctx.category_en and ctx.can_dispatch
    assert [s.handle for s in ctx.suggestions][:1] == ["lurah.gambir"]


def test_an_officials_open_mentions_name_the_report(people_engine):
    rid = submit(people_engine)
    service.dispatch(people_engine, rid, version(people_engine, rid), "@lurah.gambir")
    account = scalar(people_engine, "SELECT id FROM accounts WHERE handle = 'lurah.gambir'")
    detail = fetch_account_detail(people_engine, account)
    assert detail is not None and detail.account.open_mentions == 1
    [mention] = detail.open
    assert (mention.report_id, mention.kelurahan, mention.report_status) == (
        rid,
        "Gambir",
        "dispatched",
    )
    assert mention.category_id and mention.category_en and not mention.overdue
    assert fetch_account_detail(people_engine, -1) is None


def test_the_directory_says_who_may_edit_routing(people_engine, login_url):
    directory = load_directory(people_engine)
    assert directory.can_edit_routing  # the test login is a superuser
    assert "lurah.gambir" in {r.handle for r in directory.rows}
    analyst = make_engine(login_url("qlue_analyst"))
    try:
        as_analyst = load_directory(analyst)
        assert not as_analyst.can_edit_routing
        assert [r.handle for r in as_analyst.rows] == [r.handle for r in directory.rows]
    finally:
        analyst.dispose()


def test_the_detail_says_whether_the_citizen_marked_the_report_private(people_engine):
    public = submit(people_engine)
    with people_engine.begin() as conn:
        hidden = contract.submit_report(
            conn,
            channel="app",
            external_id="rahasia-detail",
            citizen="warga2",
            text_="Pungli di kelurahan",
            category="sampah",
            lat=MONAS[0],
            lon=MONAS[1],
            private=True,
        )
    assert fetch_report_detail(people_engine, hidden).private  # type: ignore[union-attr]
    assert not fetch_report_detail(people_engine, public).private  # type: ignore[union-attr]
