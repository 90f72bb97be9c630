"""The checks of generated weak proofs, computed through the database path (run_checks_for and
check_pending) and stored with qlue_record_checks."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError
from qlue_console.verify.checking import check_pending, run_checks_for
from qlue_console.verify.context import fetch_item
from qlue_console.verify.queue import VerifyFilter, fetch_pending


def _verdicts(engine, follow_up_id):
    with engine.connect() as conn:
        checks = conn.execute(
            text("SELECT checks FROM follow_ups WHERE id = :id"), {"id": follow_up_id}
        ).scalar_one()
    return {c["code"]: c["verdict"] for c in checks["results"] if not c["skipped"]}


def test_every_weak_proof_is_caught_through_the_database(city):
    engine, ids = city
    assert check_pending(engine, limit=100) == 9
    assert check_pending(engine, limit=100) == 0  # nothing left without checks
    v = {
        kind: _verdicts(engine, ids[kind])
        for kind in ("good", "far", "old", "reused", "jaki", "citizen", "screenshot", "self")
    }
    assert all(verdict == "pass" for verdict in v["good"].values()), v["good"]
    assert v["far"]["far_from_report"] == "fail"
    assert v["old"]["taken_before_report"] == "fail" and v["old"]["stale"] == "fail"
    assert v["reused"]["reused_proof"] == "fail"
    assert v["jaki"]["reused_proof"] == "fail"  # the date drawn on the copy does not hide it
    assert v["citizen"]["same_as_citizen_photo"] == "fail"
    assert v["screenshot"]["screenshot_or_edited"] == "fail"
    assert v["self"]["self_resolved"] == "fail"
    assert v["good"]["self_resolved"] == "pass"


def test_reuse_evidence_names_the_other_reports_never_its_own(city):
    engine, ids = city
    outcome = run_checks_for(engine, ids["jaki"])
    assert outcome.stored
    hits = outcome.report["reused_proof"].evidence["hits"]
    reports = {h["report_id"] for h in hits}
    assert ids["report:original"] in reports and ids["report:reused"] in reports
    assert ids["report:jaki"] not in reports
    item = fetch_item(engine, ids["jaki"])
    assert item.reuse[0].report_id in reports and item.reuse[0].official == "lurah.gambir"
    assert item.reuse[0].report_photo_id is not None


def test_queue_is_ordered_by_risk_and_filters(city):
    engine, ids = city
    check_pending(engine, limit=100)
    rows = fetch_pending(engine)
    risks = [r.risk for r in rows]
    assert risks == sorted(risks, reverse=True)
    assert rows[-1].follow_up_id == ids["good"]
    far = fetch_pending(engine, VerifyFilter(failing_check="far_from_report"))
    assert [r.follow_up_id for r in far] == [ids["far"]]
    reused = {
        r.follow_up_id for r in fetch_pending(engine, VerifyFilter(failing_check="reused_proof"))
    }
    assert {ids["reused"], ids["jaki"], ids["original"]} <= reused
    with engine.connect() as conn:
        official = conn.execute(
            text("SELECT id FROM accounts WHERE handle = 'lurah.kebon-melati'")
        ).scalar_one()
        kelurahan = conn.execute(
            text("SELECT kelurahan_code FROM reports WHERE id = :r"), {"r": ids["report:good"]}
        ).scalar_one()
    assert [r.follow_up_id for r in fetch_pending(engine, VerifyFilter(official_id=official))] == [
        ids["self"]
    ]
    assert len(fetch_pending(engine, VerifyFilter(area_code=kelurahan))) == 9
    assert len(fetch_pending(engine, VerifyFilter(area_code=kelurahan.rsplit(".", 1)[0]))) == 9
    assert fetch_pending(engine, VerifyFilter(area_code="31.01.01.1001")) == []
    assert fetch_pending(engine, VerifyFilter(agency="DLH"))  # sampah is Dinas Lingkungan Hidup's


def test_item_context_has_photos_positions_exif_and_checks(city):
    engine, ids = city
    run_checks_for(engine, ids["far"])
    item = fetch_item(engine, ids["far"])
    assert (
        item.report_photo_id and item.proof_photo_id and item.report_photo_id != item.proof_photo_id
    )
    assert item.official == "lurah.gambir" and item.kelurahan == "Gambir"
    assert 1500 < item.distance_m < 2500
    assert item.exif and item.proof_taken_at is not None
    assert item.check("far_from_report").verdict == "fail"
    assert item.boundary and item.boundary["type"] in ("Polygon", "MultiPolygon")


def test_an_operator_console_stores_checks_but_not_decisions(city, login_url):
    engine, ids = city
    operator = make_engine(login_url("qlue_operator"))
    try:
        assert run_checks_for(operator, ids["far"]).stored
        with pytest.raises(Exception) as info, operator.begin() as conn:
            conn.execute(
                text("UPDATE follow_ups SET verification = 'approved' WHERE id = :id"),
                {"id": ids["far"]},
            )
        assert "permission denied" in str(info.value)
    finally:
        operator.dispose()


def test_record_checks_refuses_bad_input_and_keeps_decided_checks(city):
    engine, ids = city
    with pytest.raises(ContractError):
        run_checks_for(engine, 999_999)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE follow_ups SET verification = 'approved' WHERE id = :id"),
            {"id": ids["good"]},
        )
    assert not run_checks_for(engine, ids["good"]).stored
    with pytest.raises(Exception, match="risk"), engine.begin() as conn:
        conn.execute(
            text("SELECT qlue_record_checks(:id, '{\"results\": []}'::jsonb, 101)"),
            {"id": ids["far"]},
        )
    with pytest.raises(Exception, match="results"), engine.begin() as conn:
        conn.execute(text("SELECT qlue_record_checks(:id, '{}'::jsonb, 50)"), {"id": ids["far"]})


def test_a_mirrored_reuse_is_caught_through_its_variant_hash(city):
    from qlue_console.db import contract
    from qlue_console.photos import demo

    from .city import MONAS, add_report

    engine, ids = city
    with engine.begin() as conn:
        original = bytes(
            conn.execute(
                text(
                    "SELECT p.data FROM photos p JOIN follow_ups f ON f.photo_id = p.id "
                    "WHERE f.id = :id"
                ),
                {"id": ids["original"]},
            ).scalar_one()
        )
        report = add_report(conn, 90, lat=MONAS[0] + 0.002)
        follow_up = contract.submit_follow_up(
            conn,
            report_id=report,
            official="lurah.gambir",
            note="Selesai",
            photo=demo.recompress_resized(demo.mirrored(original), 0.7, 60),
        )
    outcome = run_checks_for(engine, follow_up)
    reused = outcome.report["reused_proof"]
    assert reused.verdict == "fail"
    hit = next(h for h in reused.evidence["hits"] if h["report_id"] == ids["report:original"])
    assert hit["transform"] != "identity"


def test_the_weekly_kpis_read_the_stored_reuse_verdict(city):
    """The verifier's recorded checks reach the KPIs' proof facts (revision 0008's trigger on
    follow_ups): a proof its reuse check failed counts as reused, one it passed does not."""
    engine, ids = city
    check_pending(engine, limit=100)
    with engine.connect() as conn:
        reused = dict(
            conn.execute(
                text(
                    "SELECT CAST(ev.payload->>'follow_up' AS bigint), pf.reused "
                    "FROM kpi_proof_facts pf JOIN events ev ON ev.id = pf.event_id"
                )
            ).all()
        )
    assert reused[ids["reused"]] is True and reused[ids["jaki"]] is True
    assert reused[ids["good"]] is False
