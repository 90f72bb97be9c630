"""Supervisors' decisions in PostgreSQL: approve closes, reject reopens for the same officials
with fresh due times, reasons required, one decision per follow-up even when two supervisors
press at once, and an operator's login refused by the database itself."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ConflictError, ContractError, PermissionDeniedError
from qlue_console.verify.checking import check_pending
from qlue_console.verify.decisions import decide, fetch_role, suggested_reason

from .city import LURAH, SELF_OFFICIAL, report_row


def _events(engine, report_id):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT kind, actor, payload FROM events WHERE report_id = :r ORDER BY id"),
            {"r": report_id},
        ).all()


def _mentions(engine, report_id):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT a.handle, m.state, m.due_at, m.mentioned_at "
                "FROM mentions m JOIN accounts a ON a.id = m.account_id "
                "WHERE m.report_id = :r ORDER BY m.id"
            ),
            {"r": report_id},
        ).all()


def _link_login(engine, handle, login):
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET login = :l WHERE handle = :h"), {"l": login, "h": handle}
        )


def test_approve_closes_the_report_with_the_supervisors_name(city, login_url):
    engine, ids = city
    spv = make_engine(login_url("qlue_supervisor"))
    _link_login(engine, "spv.rina", spv.url.username)
    try:
        assert fetch_role(spv).can_decide and fetch_role(spv).actor == "spv.rina"
        result = decide(spv, ids["good"], "approve")
    finally:
        spv.dispose()
    report = ids["report:good"]
    assert result.status == "verified" and result.report_id == report and not result.mentions
    row = report_row(engine, report)
    assert row.status == "verified"
    kinds = [(e.kind, e.actor) for e in _events(engine, report)][-2:]
    assert kinds == [("proof_approved", "spv.rina"), ("closed", "spv.rina")]
    assert all(m.state != "open" for m in _mentions(engine, report))
    with engine.connect() as conn:
        fu = conn.execute(
            text("SELECT verification, verifier, verified_at FROM follow_ups WHERE id = :id"),
            {"id": ids["good"]},
        ).one()
        closed_at = conn.execute(
            text("SELECT closed_at FROM reports WHERE id = :r"), {"r": report}
        ).scalar_one()
    assert (
        fu.verification == "approved" and fu.verifier == "spv.rina" and fu.verified_at and closed_at
    )


def test_reject_reopens_for_the_same_officials_with_new_due_times(city):
    engine, ids = city
    report = ids["report:self"]
    # The lurah of Gambir, mentioned with the official who posted, had answered too.
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE mentions SET state = 'resolved', resolved_at = now() WHERE report_id = :r"
            ),
            {"r": report},
        )
    before = datetime.now(UTC)
    result = decide(engine, ids["self"], "reject", "other", "Pelapor adalah akun lurah sendiri")
    assert result.status == "reopened"
    assert [m.handle for m in result.mentions] == [SELF_OFFICIAL, LURAH]
    row = report_row(engine, report)
    assert row.status == "reopened"  # visible in the triage queue's data
    open_now = [m for m in _mentions(engine, report) if m.state == "open"]
    assert sorted(m.handle for m in open_now) == sorted([SELF_OFFICIAL, LURAH])
    for m in open_now:
        assert m.mentioned_at >= before - timedelta(seconds=5)
        assert m.due_at > m.mentioned_at  # sampah's SLA from now
        assert m.due_at == result.due_at
    last = _events(engine, report)[-1]
    assert last.kind == "proof_rejected"
    assert last.payload["reason"] == "other" and last.payload["note"].startswith("Pelapor")
    assert last.payload["mentions"] == [SELF_OFFICIAL, LURAH]
    with engine.connect() as conn:
        due = conn.execute(
            text("SELECT due_at FROM reports WHERE id = :r"), {"r": report}
        ).scalar_one()
    assert due == result.due_at


def test_reject_keeps_an_open_mention_and_mentions_the_poster_again(city):
    engine, ids = city
    report = ids["report:self"]
    result = decide(engine, ids["self"], "reject", "not_fixed")
    assert [m.handle for m in result.mentions] == [
        SELF_OFFICIAL
    ]  # the lurah's mention is still open
    open_now = sorted(m.handle for m in _mentions(engine, report) if m.state == "open")
    assert open_now == sorted([SELF_OFFICIAL, LURAH])
    with engine.connect() as conn:
        due = conn.execute(
            text("SELECT due_at FROM reports WHERE id = :r"), {"r": report}
        ).scalar_one()
    assert due < result.due_at  # the earliest open mention's due time


def test_a_rejection_needs_a_reason_and_other_needs_a_note(city):
    engine, ids = city
    with pytest.raises(ContractError) as info:
        decide(engine, ids["far"], "reject")
    assert info.value.field == "reason"
    with pytest.raises(ContractError) as info:
        decide(engine, ids["far"], "reject", "other", "   ")
    assert info.value.field == "note"
    with pytest.raises(ContractError):
        decide(engine, ids["far"], "reject", "because")
    with pytest.raises(ContractError):
        decide(engine, ids["far"], "maybe")
    decide(engine, ids["far"], "reject", "wrong_place")  # nothing was written before
    assert _events(engine, ids["report:far"])[-1].payload["reason"] == "wrong_place"


def test_a_second_decision_is_refused_naming_who_decided(city):
    engine, ids = city
    decide(engine, ids["old"], "reject", "old_photo")
    with pytest.raises(ConflictError) as info:
        decide(engine, ids["old"], "approve")
    assert info.value.details["verification"] == "rejected"
    assert "already rejected" in str(info.value)


def test_two_supervisors_at_once_only_one_wins(city, login_url):
    engine, ids = city
    engines = [make_engine(login_url("qlue_supervisor")) for _ in range(2)]
    _link_login(engine, "spv.rina", engines[0].url.username)
    _link_login(engine, "spv.hendra", engines[1].url.username)
    # The first holds the follow-up's row lock in an open transaction while the second tries.
    first = engines[0].connect()
    tx = first.begin()
    first.execute(text("SELECT decide_follow_up(:f, 'approve')"), {"f": ids["reused"]})
    outcome: dict[str, object] = {}

    def second():
        try:
            outcome["result"] = decide(engines[1], ids["reused"], "reject", "reused_photo")
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            outcome["error"] = exc

    thread = threading.Thread(target=second)
    thread.start()
    thread.join(1.0)
    assert thread.is_alive()  # waiting for the row lock
    tx.commit()
    first.close()
    thread.join(10)
    assert isinstance(outcome.get("error"), ConflictError)
    assert outcome["error"].details["actor"] == "spv.rina"
    assert "spv.rina" in str(outcome["error"])
    kinds = [e.kind for e in _events(engine, ids["report:reused"])]
    assert kinds.count("proof_approved") == 1 and "proof_rejected" not in kinds
    for e in engines:
        e.dispose()


def test_an_operator_login_is_refused_by_postgresql(city, login_url):
    engine, ids = city
    operator = make_engine(login_url("qlue_operator"))
    try:
        assert not fetch_role(operator).can_decide
        with pytest.raises(PermissionDeniedError):
            decide(operator, ids["far"], "approve")
        with pytest.raises(PermissionDeniedError):
            decide(operator, ids["far"], "reject", "wrong_place")
    finally:
        operator.dispose()
    analyst = make_engine(login_url("qlue_analyst"))
    try:
        with pytest.raises(Exception, match="permission denied"):
            decide(analyst, ids["far"], "approve")
    finally:
        analyst.dispose()
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT verification FROM follow_ups WHERE id = :id"), {"id": ids["far"]}
            ).scalar_one()
            == "pending"
        )


def test_suggested_reason_follows_the_strongest_failing_check():
    assert suggested_reason({"far_from_report": "fail", "stale": "warn"}) == "wrong_place"
    assert suggested_reason({"reused_proof": "fail", "far_from_report": "fail"}) == "reused_photo"
    assert suggested_reason({"stale": "warn"}) == "old_photo"
    assert suggested_reason({}) is None


def _sqlstate_of_approval(engine, follow_up_id, note):
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.begin() as conn:
            conn.execute(
                text("SELECT decide_follow_up(:f, 'approve', NULL, :n)"),
                {"f": follow_up_id, "n": note},
            )
    except DBAPIError as exc:
        return exc.orig.pgcode, str(exc.orig)
    return None, ""


def test_approving_over_a_failed_check_needs_a_reason_in_postgresql(city):
    engine, ids = city
    check_pending(engine, limit=100)
    for blank in (None, "", "   \t\n", "\u00a0\u200b"):
        state, message = _sqlstate_of_approval(engine, ids["far"], blank)
        assert state == "22023" and "far_from_report" in message
    with pytest.raises(ContractError) as info:
        decide(engine, ids["far"], "approve")
    assert info.value.field == "override_reason"
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT verification FROM follow_ups WHERE id = :f"), {"f": ids["far"]}
            ).scalar_one()
            == "pending"
        )  # nothing written
    result = decide(engine, ids["far"], "approve", None, "Lokasi dikonfirmasi lewat telepon")
    assert result.status == "verified"
    approved = [e for e in _events(engine, ids["report:far"]) if e.kind == "proof_approved"]
    assert len(approved) == 1
    payload = approved[0].payload
    assert payload["override_reason"] == "Lokasi dikonfirmasi lewat telepon"
    assert "far_from_report" in payload["failed_checks"]
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT reason_note FROM follow_ups WHERE id = :f"), {"f": ids["far"]}
            ).scalar_one()
            == "Lokasi dikonfirmasi lewat telepon"
        )


def test_approving_a_proof_without_failed_checks_needs_no_reason(city):
    engine, ids = city
    check_pending(engine, limit=100)
    with engine.connect() as conn:
        checks = conn.execute(
            text("SELECT checks FROM follow_ups WHERE id = :f"), {"f": ids["good"]}
        ).scalar_one()
    assert not [r for r in checks["results"] if r["verdict"] == "fail" and not r["skipped"]]
    decide(engine, ids["good"], "approve")
    (approved,) = [e for e in _events(engine, ids["report:good"]) if e.kind == "proof_approved"]
    assert approved.payload["override_reason"] is None and approved.payload["failed_checks"] == []
