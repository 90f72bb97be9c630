"""The league chart highlights the best and the worst without overlap: the top and bottom ten
from twenty ranked groups up, every ranked group in halves below that (11 and 25 ranked)."""

from __future__ import annotations

import pytest

from qlue_console.gui.reports.charts import top_bottom_chart
from qlue_console.reports.highlights import highlights
from qlue_console.reports.kpis import KpiRow
from qlue_console.reports.ranking import league_table


def _league(n: int):
    rows = [
        KpiRow(
            grouping="kelurahan",
            key=f"k{i:02d}",
            name=f"Kelurahan {i:02d}",
            received=20,
            weighted_received=20.0,
            followed_up=20 - i % 20,
            overdue=i % 20,
            sla_base=10,
            sla_met=10 - i % 10,
        )
        for i in range(n)
    ]
    city = KpiRow(
        grouping="kelurahan",
        key="",
        name="",
        received=20 * n,
        weighted_received=20.0 * n,
        followed_up=15 * n,
        overdue=5 * n,
        sla_base=10 * n,
        sla_met=6 * n,
    )
    return league_table(rows, city)


def _bars(chart):
    (series,) = chart.series()
    return {bar.label(): [bar.at(i) for i in range(bar.count())] for bar in series.barSets()}


@pytest.mark.parametrize("n", [11, 19])
def test_fewer_than_twenty_ranked_are_all_shown_in_halves(qapp, n):
    league = _league(n)
    shown = highlights(league)
    assert not shown.split and len(shown.rows) == n
    top, middle, bottom = shown.band("top"), shown.band("middle"), shown.band("bottom")
    assert len(top) == len(bottom) == n // 2 and len(middle) == n % 2
    assert max(r.rank_normalised for r in top) <= min(r.rank_normalised for r in middle + bottom)
    assert max(r.rank_normalised for r in top + middle) <= min(r.rank_normalised for r in bottom)
    chart = top_bottom_chart(league, "(unassigned)")
    assert chart.title() == f"All {n} ranked (normalised score)"
    bars = _bars(chart)
    assert set(bars) == (
        {"Upper half", "Middle", "Lower half"} if n % 2 else {"Upper half", "Lower half"}
    )
    assert (
        sum(v > 0 for v in bars["Upper half"]) == sum(v > 0 for v in bars["Lower half"]) == n // 2
    )
    columns = list(zip(*bars.values(), strict=True))
    assert all(sum(v > 0 for v in column) <= 1 for column in columns)  # no group in two bands


def test_twenty_five_ranked_show_the_top_and_bottom_ten(qapp):
    league = _league(25)
    shown = highlights(league)
    assert shown.split and len(shown.rows) == 20
    ranks = sorted(r.rank_normalised for r in league if r.rank_normalised is not None)
    assert [r.rank_normalised for r in shown.band("top")] == ranks[:10]
    assert [r.rank_normalised for r in shown.band("bottom")] == ranks[-10:]
    chart = top_bottom_chart(league, "(unassigned)")
    assert chart.title() == "Top and bottom ten (normalised score)"
    bars = _bars(chart)
    assert set(bars) == {"Top ten", "Bottom ten"}
    assert (
        sum(v > 0 for v in bars["Top ten"]) == 10 and sum(v > 0 for v in bars["Bottom ten"]) == 10
    )


def test_nothing_ranked_gives_an_empty_chart(qapp):
    assert highlights([]).rows == ()
    assert top_bottom_chart([], "(unassigned)").series()


def test_the_tab_is_named_after_what_the_chart_shows(qapp):
    from qlue_console.gui.reports.charts import rank_tab_title

    assert rank_tab_title(_league(11)) == "All ranked"
    assert rank_tab_title(_league(25)) == "Top and bottom ten"
