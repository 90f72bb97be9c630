"""The channel contract: submit_report, submit_follow_up and reopen_report, through the Python
wrappers and straight through SQL, including every refusal."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.errors import ContractError, IdempotencyConflictError
from tests.photo_factory import jpeg

MONAS = (-6.1754, 106.8272)


def _submit(conn, external_id="e1", **overrides):
    args = dict(
        channel="app",
        external_id=external_id,
        citizen="warga_monas",
        text_="Sampah menumpuk",
        category="sampah",
        lat=MONAS[0],
        lon=MONAS[1],
        photo=jpeg(1),
    )
    args.update(overrides)
    return contract.submit_report(conn, **args)


def _count(conn, table: str) -> int:
    return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_submit_report_resolves_kelurahan_stores_photo_and_event(db_engine):
    with db_engine.begin() as conn:
        report_id = _submit(conn)
        row = (
            conn.execute(
                text(
                    "SELECT r.status, r.outside_jurisdiction, kel.name AS kel, kec.name AS kec, "
                    "kota.name AS kota FROM reports r JOIN areas kel "
                    "ON kel.code = r.kelurahan_code JOIN areas kec ON kec.code = r.kecamatan_code "
                    "JOIN areas kota ON kota.code = r.kota_code WHERE r.id = :id"
                ),
                {"id": report_id},
            )
            .mappings()
            .one()
        )
        assert (row["kel"], row["kec"]) == ("Gambir", "Gambir")
        assert "Jakarta Pusat" in row["kota"]
        assert row["status"] == "new" and row["outside_jurisdiction"] is False
        photo = (
            conn.execute(
                text("SELECT kind, sha256, phash, width, height FROM photos WHERE report_id = :id"),
                {"id": report_id},
            )
            .mappings()
            .one()
        )
        assert photo["kind"] == "report" and len(photo["sha256"]) == 64
        assert photo["phash"] is not None and (photo["width"], photo["height"]) == (320, 240)
        kinds = (
            conn.execute(text("SELECT kind FROM events WHERE report_id = :id"), {"id": report_id})
            .scalars()
            .all()
        )
        assert kinds == ["created"]


def test_submit_report_is_idempotent_on_channel_and_external_id(db_engine):
    with db_engine.begin() as conn:
        first = _submit(conn, "dup-1")
        again = _submit(conn, "dup-1")
        other_channel = _submit(conn, "dup-1", channel="sms")
        assert first == again != other_channel
        assert _count(conn, "reports") == 2
        assert _count(conn, "events") == 2
        assert _count(conn, "photos") == 2


@pytest.mark.parametrize(
    ("overrides", "differs"),
    [
        ({"text_": "a retry with other text"}, ["text"]),
        ({"category": "banjir"}, ["category"]),
        ({"lat": -6.1755}, ["position"]),
        ({"lon": 106.8273}, ["position"]),
        ({"photo": jpeg(2)}, ["photo"]),
        ({"photo": None}, ["photo"]),
        ({"citizen": "warga_lain"}, ["citizen"]),
        ({"text_": "other", "photo": jpeg(3), "category": "banjir"}, ["text", "category", "photo"]),
    ],
)
def test_other_content_under_a_used_key_is_refused_with_its_own_code(db_engine, overrides, differs):
    with db_engine.begin() as conn:
        first = _submit(conn, "dup-2")
    with db_engine.connect() as conn:
        before = [_count(conn, t) for t in ("reports", "photos", "events")]
        with pytest.raises(IdempotencyConflictError) as err:
            _submit(conn, "dup-2", **overrides)
        conn.rollback()
        assert (err.value.sqlstate, err.value.field, err.value.existing_id) == (
            "QC010",
            "external_id",
            first,
        )
        assert list(err.value.differs) == differs
        assert err.value.message == (
            f"external_id 'dup-2' of channel app was already used for report {first} "
            f"with a different {', '.join(differs)}: send new content under a new external_id"
        )
        assert isinstance(err.value, ContractError)
        # the same through SQL: SQLSTATE QC010
        args = dict(
            ext="dup-2",
            citizen="warga_monas",
            text="Sampah menumpuk",
            category="sampah",
            lat=MONAS[0],
            lon=MONAS[1],
            photo=jpeg(1),
        )
        args.update(
            {
                "text": overrides.get("text_", args["text"]),
                "category": overrides.get("category", "sampah"),
                "lat": overrides.get("lat", MONAS[0]),
                "lon": overrides.get("lon", MONAS[1]),
                "photo": overrides.get("photo", args["photo"]),
                "citizen": overrides.get("citizen", "warga_monas"),
            }
        )
        with pytest.raises(Exception) as raw:
            conn.execute(
                text(
                    "SELECT submit_report('app', :ext, :citizen, :text, :category, :lat, :lon, "
                    ":photo)"
                ),
                args,
            )
        conn.rollback()
        assert raw.value.orig.pgcode == "QC010"
        assert [_count(conn, t) for t in ("reports", "photos", "events")] == before
        assert (
            conn.execute(
                text("SELECT text FROM reports WHERE id = :id"), {"id": first}
            ).scalar_one()
            == "Sampah menumpuk"
        )


def test_a_retry_is_recognised_after_the_report_was_recategorised_and_reopened_with_a_photo(
    db_engine,
):
    """What the channel sent is compared, not what the report became since."""
    with db_engine.begin() as conn:
        report_id, _ = _follow_up_flow(conn)
        conn.execute(
            text("SELECT set_report_category(:r, version, 'banjir') FROM reports WHERE id = :r"),
            {"r": report_id},
        )
        contract.submit_follow_up(
            conn, report_id=report_id, official="lurah.gambir", note="done", photo=jpeg(5)
        )
        contract.reopen_report(
            conn, report_id=report_id, citizen="warga_monas", text_="Belum", photo=jpeg(8)
        )
    with db_engine.begin() as conn:
        assert _submit(conn, "flow") == report_id
        with pytest.raises(IdempotencyConflictError) as err:
            _submit(conn, "flow", category="banjir")
        assert err.value.differs == ("category",)


def test_a_given_reported_at_must_match_too(db_engine):
    from datetime import UTC, datetime

    moment = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    with db_engine.begin() as conn:
        first = _submit(conn, "when", reported_at=moment)
        assert _submit(conn, "when", reported_at=moment) == first
        assert _submit(conn, "when") == first  # not given: not compared
    with (
        db_engine.connect() as conn,
        pytest.raises(IdempotencyConflictError, match="different reported_at"),
    ):
        _submit(conn, "when", reported_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))


def test_position_outside_dki_is_stored_and_flagged(db_engine):
    with db_engine.begin() as conn:
        report_id = _submit(conn, "bandung", lat=-6.9175, lon=107.6191)
        row = conn.execute(
            text("SELECT kelurahan_code, outside_jurisdiction FROM reports WHERE id = :id"),
            {"id": report_id},
        ).one()
        assert row == (None, True)


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (-6.1754, 106.8272, "Gambir"),  # Monas
        (-6.1352, 106.8133, "Pinangsia"),  # Kota Tua, Taman Fatahillah (Taman Sari)
        (-6.1256, 106.8315, "Ancol"),  # Ancol, Pademangan
        (-5.7457, 106.6136, "Pulau Panggang"),  # Pulau Pramuka, Kepulauan Seribu
    ],
)
def test_kelurahan_resolution_on_known_places(db_engine, lat, lon, expected):
    with db_engine.connect() as conn:
        name = conn.execute(
            text("SELECT name FROM areas WHERE code = qlue_resolve_kelurahan(:lat, :lon)"),
            {"lat": lat, "lon": lon},
        ).scalar_one_or_none()
    assert name == expected


def test_a_point_just_off_the_coast_resolves_to_the_nearest_kelurahan(db_engine):
    with db_engine.connect() as conn:
        # the tip of the Ancol pier area, slightly into the bay
        inside = conn.execute(text("SELECT qlue_resolve_kelurahan(-6.1210, 106.8420)")).scalar_one()
        far_at_sea = conn.execute(
            text("SELECT qlue_resolve_kelurahan(-6.0300, 106.8400)")
        ).scalar_one()
    assert inside is not None
    assert far_at_sea is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text_": ""}, "text"),
        ({"text_": "   "}, "text"),
        ({"text_": "x" * 5001}, "text"),
        ({"category": "unicorns"}, "category"),
        ({"lat": 91.0}, "lat"),
        ({"lat": math.nan}, "lat"),
        ({"lon": -181.0}, "lon"),
        ({"lon": math.inf}, "lon"),
        ({"photo": b"this is not an image at all"}, "photo"),
        ({"channel": "pigeon"}, "channel"),
        ({"citizen": ""}, "citizen"),
        ({"citizen": "\u00a0\u200b"}, "citizen"),
        ({"text_": "\t\n\u202f\ufeff"}, "text"),
        ({"photo": b"\xff\xd8\xff" + b"garbage" * 100}, "photo"),
        ({"text_": "nul \x00 byte"}, "text"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_no_write(db_engine, overrides, field):
    with db_engine.connect() as conn:
        with pytest.raises(ContractError) as err:
            _submit(conn, "bad", **overrides)
        conn.rollback()
        assert err.value.field == field
        assert err.value.message
        assert _count(conn, "reports") == 0
        assert _count(conn, "photos") == 0
        assert _count(conn, "events") == 0


def test_sql_contract_refuses_bad_input_without_the_python_wrapper(db_engine):
    """Channels in other languages call the SQL function directly: it validates too."""
    with db_engine.connect() as conn:
        for sql in (
            "SELECT submit_report('app', 'x', 'c', 'text', 'sampah', 'NaN', 106.8)",
            "SELECT submit_report('app', 'x', 'c', '', 'sampah', -6.2, 106.8)",
            "SELECT submit_report('app', 'x', 'c', 'text', 'nope', -6.2, 106.8)",
            "SELECT submit_report('app', 'x', 'c', 'text', 'sampah', -6.2, 106.8, "
            "'\\x0102030405060708090a0b0c'::bytea)",
        ):
            with pytest.raises(Exception) as err:
                conn.execute(text(sql))
            assert getattr(err.value.orig, "pgcode", None) == "22023"
            conn.rollback()
        assert _count(conn, "reports") == 0


def _follow_up_flow(conn):
    report_id = _submit(conn, "flow")
    conn.execute(
        text(
            "INSERT INTO accounts (handle, display_name, kind, area_code) "
            "VALUES ('lurah.gambir', 'Lurah Gambir', 'lurah', '31.71.01.1001')"
        )
    )
    account_id = conn.execute(
        text("SELECT id FROM accounts WHERE handle = 'lurah.gambir'")
    ).scalar_one()
    conn.execute(text("UPDATE reports SET status = 'dispatched' WHERE id = :id"), {"id": report_id})
    conn.execute(
        text(
            "INSERT INTO mentions (report_id, account_id, due_at) "
            "VALUES (:r, :a, now() + interval '1 day')"
        ),
        {"r": report_id, "a": account_id},
    )
    return report_id, account_id


def test_follow_up_resolves_mentions_and_moves_the_report(db_engine):
    with db_engine.begin() as conn:
        report_id, account_id = _follow_up_flow(conn)
        fu = contract.submit_follow_up(
            conn,
            report_id=report_id,
            official="@lurah.gambir",
            note="Sudah dibersihkan PPSU",
            photo=jpeg(5),
            external_id="tl-1",
        )
        again = contract.submit_follow_up(
            conn,
            report_id=report_id,
            official="lurah.gambir",
            note="Sudah dibersihkan PPSU",
            photo=jpeg(5),
            external_id="tl-1",
        )
        assert fu == again
        assert _count(conn, "follow_ups") == 1
        status = conn.execute(
            text("SELECT status FROM reports WHERE id = :id"), {"id": report_id}
        ).scalar_one()
        assert status == "followed_up"
        mention = conn.execute(
            text("SELECT state, resolved_at IS NOT NULL FROM mentions WHERE report_id = :id"),
            {"id": report_id},
        ).one()
        assert mention == ("resolved", True)
        row = conn.execute(
            text(
                "SELECT f.verification, p.kind, p.follow_up_id FROM follow_ups f "
                "JOIN photos p ON p.id = f.photo_id WHERE f.id = :id"
            ),
            {"id": fu},
        ).one()
        assert row == ("pending", "proof", fu)
        kinds = (
            conn.execute(
                text("SELECT kind FROM events WHERE report_id = :id ORDER BY id"), {"id": report_id}
            )
            .scalars()
            .all()
        )
        assert kinds == ["created", "follow_up"]


@pytest.mark.parametrize(
    ("overrides", "differs"),
    [
        ({"note": "retry"}, ("note",)),
        ({"photo": jpeg(6)}, ("photo",)),
        ({"note": "other", "photo": jpeg(6)}, ("note", "photo")),
    ],
)
def test_a_follow_up_key_reused_with_other_content_is_refused(db_engine, overrides, differs):
    with db_engine.begin() as conn:
        report_id, _ = _follow_up_flow(conn)
        fu = contract.submit_follow_up(
            conn,
            report_id=report_id,
            official="lurah.gambir",
            note="Sudah",
            photo=jpeg(5),
            external_id="tl-2",
        )
    args = dict(
        report_id=report_id,
        official="lurah.gambir",
        note="Sudah",
        photo=jpeg(5),
        external_id="tl-2",
    )
    args.update(overrides)
    with db_engine.connect() as conn:
        before = [_count(conn, t) for t in ("follow_ups", "photos", "events")]
        with pytest.raises(IdempotencyConflictError) as err:
            contract.submit_follow_up(conn, **args)
        conn.rollback()
        assert (err.value.sqlstate, err.value.existing_id, err.value.differs) == (
            "QC010",
            fu,
            differs,
        )
        assert err.value.message.startswith(
            f"external_id 'tl-2' of official @lurah.gambir was already used for "
            f"follow-up {fu} with a different "
        )
        assert [_count(conn, t) for t in ("follow_ups", "photos", "events")] == before


def test_follow_up_refusals(db_engine):
    with db_engine.begin() as conn:
        report_id, _ = _follow_up_flow(conn)
    cases = [
        (dict(report_id=report_id, official="nobody", note="x", photo=jpeg(2)), "official"),
        (dict(report_id=999999, official="lurah.gambir", note="x", photo=jpeg(2)), "report"),
        (
            dict(
                report_id=report_id, official="lurah.gambir", note="x", photo=b"GIF89a-not-allowed"
            ),
            "photo",
        ),
    ]
    for kwargs, field in cases:
        with db_engine.connect() as conn:
            with pytest.raises(ContractError) as err:
                contract.submit_follow_up(conn, **kwargs)
            assert err.value.field == field
    with db_engine.begin() as conn:
        conn.execute(text("UPDATE accounts SET active = false WHERE handle = 'lurah.gambir'"))
    with db_engine.connect() as conn:
        with pytest.raises(ContractError, match="not active"):
            contract.submit_follow_up(
                conn, report_id=report_id, official="lurah.gambir", note="x", photo=jpeg(2)
            )
        conn.rollback()
        assert _count(conn, "follow_ups") == 0


def test_citizen_reopens_a_followed_up_report_and_the_officials_are_mentioned_again(db_engine):
    with db_engine.begin() as conn:
        report_id, account_id = _follow_up_flow(conn)
        contract.submit_follow_up(
            conn, report_id=report_id, official="lurah.gambir", note="done", photo=jpeg(5)
        )
    with db_engine.connect() as conn:
        with pytest.raises(ContractError) as err:
            contract.reopen_report(conn, report_id=report_id, citizen="someone_else", text_="belum")
        assert err.value.field == "citizen"
    with db_engine.begin() as conn:
        event_id = contract.reopen_report(
            conn, report_id=report_id, citizen="warga_monas", text_="Masih menumpuk", photo=jpeg(9)
        )
        status = conn.execute(
            text("SELECT status FROM reports WHERE id = :id"), {"id": report_id}
        ).scalar_one()
        assert status == "reopened"
        open_mentions = conn.execute(
            text(
                "SELECT account_id, event_id FROM mentions WHERE report_id = :id AND state = 'open'"
            ),
            {"id": report_id},
        ).all()
        assert open_mentions == [(account_id, event_id)]
    with db_engine.connect() as conn:
        with pytest.raises(ContractError, match="only a followed-up or finished report"):
            contract.reopen_report(conn, report_id=report_id, citizen="warga_monas", text_="lagi")


def test_due_at_counts_working_days_in_jakarta_time(db_engine):
    with db_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO holidays (day, name_id, name_en) VALUES ('2030-01-07', 'Uji', 'Test') "
                "ON CONFLICT (day) DO NOTHING"
            )
        )
        friday = conn.execute(
            text(
                "SELECT qlue_due_at('2030-01-04 16:00+07', 24, 'working') AT TIME ZONE "
                "'Asia/Jakarta'"
            )
        ).scalar_one()
        calendar = conn.execute(
            text(
                "SELECT qlue_due_at('2030-01-04 23:00+07', 6, 'calendar') AT TIME ZONE "
                "'Asia/Jakarta'"
            )
        ).scalar_one()
    # Friday 16:00 + 1 working day skips the weekend and the Monday holiday -> Tuesday 16:00.
    assert friday.isoformat() == "2030-01-08T16:00:00"
    assert calendar.isoformat() == "2030-01-05T05:00:00"


def test_sql_due_times_agree_with_the_python_rule(db_engine):
    """The database (used by reopen_report and escalation) and the console compute due times
    with one rule: compare them over two weeks of starts, both modes, around holidays."""
    from datetime import datetime, timedelta

    from qlue_console.domain import sla

    with db_engine.connect() as conn:
        holidays = set(conn.execute(text("SELECT day FROM holidays")).scalars())
        start = datetime(2026, 12, 20, 5, 30, tzinfo=sla.JAKARTA)
        cases = [
            (start + timedelta(hours=7 * i), hours, mode)
            for i in range(48)
            for hours, mode in ((24, "working"), (72, "working"), (6, "calendar"))
        ]
        for moment, hours, mode in cases:
            from_sql = conn.execute(
                text("SELECT qlue_due_at(:s, :h, :m)"), {"s": moment, "h": hours, "m": mode}
            ).scalar_one()
            assert from_sql == sla.due_at(moment, hours, mode, holidays), (moment, hours, mode)


def test_a_concurrent_submission_under_the_same_key_is_compared_too(db_url):
    """Two channels' calls race on one (channel, external_id): the second waits for the first's
    insert; once the first commits, the same content is its id and other content is QC010."""
    import threading
    import time

    import psycopg2

    from tests.access.conftest import connect

    sql = "SELECT submit_report('app', %s, 'warga_monas', %s, 'sampah', -6.1754, 106.8272)"
    first, watcher = connect(db_url, autocommit=False), connect(db_url)
    for key, second_text, expected in (
        ("race-same", "Sampah", "same id"),
        ("race-other", "Banjir", "QC010"),
    ):
        second = connect(db_url, autocommit=False)
        with first.cursor() as cur:
            cur.execute(sql, (key, "Sampah"))
            first_id = cur.fetchone()[0]
        outcome: dict = {}

        def race(conn=second, key=key, body=second_text, outcome=outcome):
            try:
                with conn.cursor() as cur:
                    cur.execute(sql, (key, body))
                    outcome["id"] = cur.fetchone()[0]
                conn.commit()
            except psycopg2.Error as exc:
                outcome["pgcode"] = exc.pgcode
                conn.rollback()

        thread = threading.Thread(target=race)
        thread.start()
        deadline = time.monotonic() + 20
        waiting = False
        with watcher.cursor() as cur:  # until the second call waits on the first's insert
            while not waiting and time.monotonic() < deadline:
                cur.execute(
                    "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s",
                    (second.get_backend_pid(),),
                )
                waiting = bool(cur.fetchone()[0])
                time.sleep(0.01)
        first.commit()
        assert waiting
        thread.join(20)
        second.close()
        if expected == "same id":
            assert outcome == {"id": first_id}
        else:
            assert outcome == {"pgcode": "QC010"}
    with watcher.cursor() as cur:
        cur.execute("SELECT count(*) FROM reports WHERE external_id LIKE 'race-%'")
        assert cur.fetchone()[0] == 2
    first.close()
    watcher.close()
