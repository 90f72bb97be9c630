"""The Reports workspace (pytest-qt, offscreen) on the hand-built week: it shows what the
exports write, sorts, compares with last week, exports with progress, and cancels."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from qlue_console.gui.reports.models import ROW_ROLE
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.reports import ReportsWorkspace
from qlue_console.reports.labels import fmt_value
from qlue_console.reports.service import build_report
from qlue_console.reports.weeks import last_complete_week
from tests.reports.conftest import W47


@pytest.fixture
def workspace(qtbot, week_fixture):
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = TaskRunner(parent)
    ws = ReportsWorkspace(week_fixture.engine, tasks, "en", parent)
    with qtbot.waitSignal(ws.ready, timeout=30_000):
        pass
    yield ws
    assert tasks.wait_idle(30_000)


def show(qtbot, ws, **kwargs):
    with qtbot.waitSignal(ws.report_shown, timeout=30_000):
        ws.select(**kwargs)


def test_defaults_to_the_last_complete_week(workspace):
    assert workspace.week == last_complete_week()
    assert workspace.grouping == "agency"
    assert not workspace.progress.isVisible() and not workspace.busy()


def test_league_table_shows_the_exported_numbers_with_arrows(qtbot, workspace, week_fixture):
    """W46: Gambir and Senayan tie first. W47, by hand (issue #15's Q = 1 - (0.35 rejected +
    0.25 reopened + 0.20 reused + 0.20 recurrence); a rate a group lacks takes the city's):

    - city: rejected 1/3, reopened 1/2, reused 1/2, recurrence 2/3 (R1 and R2 came back, R5
      did not), R 0.6, T 2/3: Q 0.525, P_city 0.59375;
    - Gambir: rejected 1/3, reopened 0, reused 1/3, recurrence 2/2 (R1: R7; R2: R9), R 2/3,
      T 1/2: Q 0.61667, P 0.59917, n 3, score (3 P + 10 P_city) / 13 = 0.5950;
    - Senayan: rejected and reopened the city's, reused 1/1 (R7), recurrence 0/1 (R5), R 1/2,
      T 1: Q 0.55833, P 0.67042, n 2, score (2 P + 10 P_city) / 12 = 0.6065.

    So Senayan leads (=) and Gambir, both of whose fixes came back, is second (▼ 1). Under the
    weights before (0.4/0.3/0.3, no recurrence) Gambir led, 0.6183 to 0.6104."""
    show(qtbot, workspace, week=W47, grouping="kelurahan")
    expected = build_report(week_fixture.engine, W47, ("kelurahan",), "kelurahan").league()
    model = workspace.league_model
    assert model.rowCount() == len(expected) == 267
    for r, ranked in enumerate(expected[:3]):
        shown = model.data(model.index(r, model.column_of("name")), ROW_ROLE)
        assert shown.row.key == ranked.row.key
        for code in ("received", "score_normalised", "sla_compliance", "rank_raw"):
            assert model.data(model.index(r, model.column_of(code))) == fmt_value(
                model.kind_of(code),
                getattr(ranked, code, None)
                if code.startswith(("score", "rank"))
                else getattr(ranked.row, code),
                "en",
            )
    arrows = {
        model.data(model.index(r, model.column_of("name"))): model.data(
            model.index(r, model.column_of("change_normalised"))
        )
        for r in range(2)
    }
    gambir, senayan = week_fixture.areas["A"]["kel_name"], week_fixture.areas["B"]["kel_name"]
    assert arrows == {senayan: "=", gambir: "▼ 1"}  # both led W46 (a tie)
    colour = model.data(
        model.index(1, model.column_of("change_normalised")), Qt.ItemDataRole.ForegroundRole
    )
    assert colour.color().name() == "#c62828"


def test_kpi_table_sorts_numerically(qtbot, workspace):
    show(qtbot, workspace, week=W47, grouping="agency")
    proxy, model = workspace.kpi_proxy, workspace.kpi_model
    proxy.sort(model.column_of("received"), Qt.SortOrder.DescendingOrder)
    names = [proxy.data(proxy.index(r, model.column_of("name"))) for r in range(3)]
    assert names[:2] == ["DLH", "SDA"]
    proxy.sort(model.column_of("response_median_h"), Qt.SortOrder.DescendingOrder)
    assert (
        proxy.data(proxy.index(0, model.column_of("response_median_h"))) == "12.0"
    )  # DLH: 6, 12, 48 h


def test_charts_follow_the_week(qtbot, workspace):
    show(qtbot, workspace, week=W47, grouping="kelurahan")
    daily = workspace.chart_views["daily"].chart()
    series = daily.series()[0]
    totals = [sum(bar.at(i) for bar in series.barSets()) for i in range(7)]
    assert totals == [1, 2, 1, 1, 0, 0, 1]
    response = workspace.chart_views["response"].chart().series()[0].barSets()[0]
    assert [response.at(i) for i in range(5)] == [0, 2, 1, 0, 0]
    rank = workspace.chart_views["rank"].chart()
    assert rank.axes(Qt.Orientation.Vertical)[0].categories()[-1].startswith("1. ")


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_export_from_the_console(qtbot, workspace, tmp_path, fmt):
    show(qtbot, workspace, week=W47, grouping="agency")
    path = tmp_path / f"week.{fmt}"
    with qtbot.waitSignal(workspace.exported, timeout=30_000) as signal:
        workspace.export(fmt, path)
        assert (
            workspace.progress.isVisibleTo(workspace.widget) and workspace.cancel_button.isEnabled()
        )
    assert signal.args == [str(path)]
    assert path.stat().st_size > 0
    assert not workspace.busy() and workspace.progress.isHidden()
    if fmt == "xlsx":
        wb = load_workbook(path)
        assert len(wb.sheetnames) == 7  # summary, five groupings, chronic spots


def test_cancel_stops_a_long_computation(qtbot, workspace, kpi_lock):
    kpi_lock.hold()
    workspace.load()
    assert workspace.busy() and workspace.cancel_button.isEnabled()
    qtbot.waitUntil(kpi_lock.a_query_waits, timeout=10_000)
    workspace.cancel_button.click()
    qtbot.waitUntil(lambda: not workspace.busy(), timeout=5_000)
    assert workspace.status.text() == "Cancelled."
    assert workspace.progress.isHidden()
