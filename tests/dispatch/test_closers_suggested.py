"""Routing for a fix that did not hold (``dispatch.closers``): a recurrence is suggested first to
the officials whose approved proof closed the earlier report, marked as such, then to the
accounts the routing rules give, each once; the dispatch context carries that order."""

from __future__ import annotations

from qlue_console.dispatch.closers import CLOSER_RULE, suggest_with_closers
from qlue_console.dispatch.routing import suggest_mentions
from qlue_console.dispatch.service import load_dispatch_context
from tests.dispatch.util import execute
from tests.recurrence.city import north, submit
from tests.recurrence.fixes import came_back
from tests.verify.city import MONAS

CLOSER = "camat.gambir"  # no routing rule of sampah names the camat


def test_the_official_who_closed_the_earlier_report_comes_first(people_engine):
    fix = came_back(people_engine, CLOSER)
    rules = suggest_mentions(people_engine, fix.new)
    assert CLOSER not in [s.handle for s in rules] and rules

    suggested = suggest_with_closers(people_engine, fix.new)

    first, *rest = suggested
    assert (first.handle, first.closed_earlier, first.rule_level) == (CLOSER, True, CLOSER_RULE)
    assert first.kind == "camat" and not first.already_open
    assert rest == rules and not any(s.closed_earlier for s in rest)
    ctx = load_dispatch_context(people_engine, fix.new)
    assert list(ctx.suggestions) == suggested


def test_a_report_that_is_no_recurrence_keeps_the_rules_order(people_engine):
    fix = came_back(people_engine, CLOSER)
    far = submit(people_engine, north(900, of=MONAS))
    assert suggest_with_closers(people_engine, far) == suggest_mentions(people_engine, far)
    assert suggest_with_closers(people_engine, fix.closed) == suggest_mentions(
        people_engine, fix.closed
    )


def test_a_closer_the_rules_suggest_too_moves_up_once_with_its_rule(people_engine):
    before = submit(people_engine, north(25, of=MONAS))  # reported before any fix: no recurrence
    rules_first = suggest_mentions(people_engine, before)
    closer = rules_first[-1].handle  # the rules' last suggestion closed the earlier report
    fix = came_back(people_engine, closer)

    suggested = suggest_with_closers(people_engine, fix.new)

    assert [s.handle for s in suggested].count(closer) == 1
    assert suggested[0].handle == closer and suggested[0].closed_earlier
    assert suggested[0].rule_level == rules_first[-1].rule_level  # the rule's reason is kept
    assert [s.handle for s in suggested[1:]] == [s.handle for s in rules_first[:-1]]


def test_an_inactive_closer_is_not_suggested(people_engine):
    fix = came_back(people_engine, CLOSER)
    execute(people_engine, "UPDATE accounts SET active = false WHERE handle = :h", h=CLOSER)
    suggested = suggest_with_closers(people_engine, fix.new)
    assert CLOSER not in [s.handle for s in suggested]
    assert suggested == suggest_mentions(people_engine, fix.new)
