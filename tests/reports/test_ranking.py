"""The league table's score, ranks and changes (plain Python, no database)."""

from __future__ import annotations

import pytest

from qlue_console.reports.kpis import KpiRow
from qlue_console.reports.ranking import SHRINK_K, arrow, components, league_table, rank_rows


def row(key, **values) -> KpiRow:
    return KpiRow(grouping="kelurahan", key=key, name=key or "", **values)


CITY = row(
    "",
    received=100,
    weighted_received=100.0,
    followed_up=80,
    overdue=20,
    sla_base=80,
    sla_met=60,
    proofs_approved=70,
    proofs_rejected=10,
    verified=70,
    reopened=7,
    follow_ups=80,
    reused_proofs=4,
    closed_window=250,  # closed in the 30 days to the week's end
    came_back=25,  # recurrence rate 0.1
)


def test_components_follow_the_documented_formula():
    r = row(
        "a",
        received=10,
        weighted_received=15.0,
        followed_up=9,
        overdue=1,
        sla_base=9,
        sla_met=6,
        proofs_approved=8,
        proofs_rejected=2,
        verified=8,
        reopened=2,
        follow_ups=10,
        reused_proofs=1,
        closed_window=20,
        came_back=5,
    )
    parts = components(r, CITY)
    assert parts.rate == pytest.approx(0.9)
    assert parts.time == pytest.approx(6 / 9)
    # Q = 1 - (0.35 x rejected 2/10 + 0.25 x reopened 2/8 + 0.20 x reused 1/10
    #          + 0.20 x came back 5/20) = 1 - (0.07 + 0.0625 + 0.02 + 0.05) = 0.7975
    assert parts.quality == pytest.approx(0.7975)
    assert parts.quality == pytest.approx(1 - (0.35 * 0.2 + 0.25 * 0.25 + 0.20 * 0.1 + 0.20 * 0.25))
    assert parts.performance == pytest.approx(0.35 * 0.9 + 0.30 * 6 / 9 + 0.35 * parts.quality)


def test_fixes_that_did_not_hold_lower_quality_and_rank():
    """Issue #15: two kelurahan alike in everything but their fixes of the last 30 days — in one
    none came back (0 of 10), in the other 6 of 10 did. Q differs by exactly 0.20 x 0.6 = 0.12,
    P by 0.35 x 0.12 = 0.042, and the one whose fixes held ranks first. A group that closed
    nothing in the window takes the city's recurrence rate (0.1: 25 of 250), as every
    component without data does."""
    same = dict(
        received=10,
        weighted_received=10.0,
        followed_up=10,
        sla_base=10,
        sla_met=8,
        proofs_approved=10,
        verified=10,
        follow_ups=10,
    )
    held = row("held", closed_window=10, came_back=0, **same)
    back = row("back", closed_window=10, came_back=6, **same)
    unknown = row("unknown", **same)
    assert components(held, CITY).quality == pytest.approx(1.0)
    assert components(back, CITY).quality == pytest.approx(1 - 0.20 * 0.6)
    assert components(unknown, CITY).quality == pytest.approx(1 - 0.20 * 0.1)
    assert components(held, CITY).performance - components(back, CITY).performance == (
        pytest.approx(0.35 * 0.12)
    )
    ranked = {r.row.key: r for r in rank_rows([back, held, unknown], CITY)}
    assert [ranked[k].rank_normalised for k in ("held", "unknown", "back")] == [1, 2, 3]


def test_missing_components_take_the_city_value():
    r = row("a", received=3, weighted_received=3.0)  # nothing answered yet
    assert components(r, CITY) == components(CITY)


def test_volume_normalised_rank_is_fair_to_small_groups():
    big = row(
        "big",
        received=3000,
        weighted_received=3000.0,
        followed_up=2400,
        overdue=600,
        sla_base=2400,
        sla_met=1200,
        proofs_approved=2000,
        proofs_rejected=400,
        verified=2000,
        follow_ups=2400,
    )
    small = row(
        "small",
        received=40,
        weighted_received=40.0,
        followed_up=38,
        overdue=2,
        sla_base=38,
        sla_met=36,
        proofs_approved=36,
        proofs_rejected=1,
        verified=36,
        follow_ups=38,
    )
    ranked = {r.row.key: r for r in rank_rows([big, small], CITY)}
    assert ranked["big"].rank_raw == 1 and ranked["small"].rank_raw == 2  # volume wins raw
    assert ranked["small"].rank_normalised == 1 and ranked["big"].rank_normalised == 2
    p_city = components(CITY).performance
    p_small = components(small, CITY).performance
    assert ranked["small"].score_normalised == pytest.approx(
        (40 * p_small + SHRINK_K * p_city) / (40 + SHRINK_K)
    )


def test_changes_against_last_week_and_unranked_rows():
    a = row("a", received=5, weighted_received=5.0, followed_up=5, sla_base=5, sla_met=5)
    b = row("b", received=5, weighted_received=5.0, followed_up=1, overdue=4, sla_base=1, sla_met=0)
    idle = row("idle")
    unassigned = row(None, received=2, weighted_received=2.0)
    last_week = [
        row("a", received=5, weighted_received=5.0, followed_up=1, overdue=4, sla_base=1),
        row("b", received=5, weighted_received=5.0, followed_up=5, sla_base=5, sla_met=5),
    ]
    table = league_table([a, b, idle, unassigned], CITY, last_week, CITY)
    keys = [r.row.key for r in table]
    assert keys[:2] == ["a", "b"] and set(keys[2:]) == {"idle", None}
    assert table[0].change_normalised == 1 and table[1].change_normalised == -1
    assert all(r.rank_normalised is None for r in table[2:])
    assert (arrow(2), arrow(-1), arrow(0), arrow(None)) == ("▲ 2", "▼ 1", "=", "")


def test_the_raw_score_takes_the_exact_weighted_volume():
    from decimal import Decimal

    r = row(
        "a",
        received=40,
        weighted_received=Decimal("39.5"),
        followed_up=9,
        overdue=1,
        sla_base=9,
        sla_met=6,
    )
    ranked = rank_rows([r], CITY)[0]
    assert ranked.score_raw == pytest.approx(components(r, CITY).performance * 39.5)
