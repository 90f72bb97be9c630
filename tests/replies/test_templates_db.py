"""Message templates in the database (revision 0026): the seeded defaults, the suggestion and
the filling, and PostgreSQL's permissions — admins write, everyone else reads."""

from __future__ import annotations

import pytest

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ConflictError, ContractError, PermissionDeniedError
from qlue_console.domain.templates import (
    PURPOSES,
    TemplateValues,
    fill_template,
    matching_templates,
    unknown_placeholders,
)
from qlue_console.replies.templates import (
    TemplateEdit,
    can_edit_templates,
    delete_template,
    fetch_templates,
    save_template,
)
from qlue_console.seed.templates import DEFAULT_TEMPLATES
from qlue_console.triage.actions import REJECT_REASONS


def suggested_template(templates, purpose, **report):
    found = matching_templates(templates, purpose, **report)
    return found[0] if found else None


def _edit(**overrides) -> TemplateEdit:
    values = dict(
        id=None,
        version=None,
        purpose="reply",
        category_code="sampah",
        status="dispatched",
        reason_code=None,
        title="Sampah diangkut",
        body_id="Sampah di {kelurahan} diangkut sebelum {due}.",
        body_en="The garbage in {kelurahan} is collected by {due}.",
    )
    values.update(overrides)
    return TemplateEdit(**values)


@pytest.fixture
def engine_of(login_url):
    made = []

    def make(group: str):
        engine = make_engine(login_url(group))
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.dispose()


def test_every_database_starts_with_the_defaults_in_both_languages(db_engine):
    templates = fetch_templates(db_engine)
    assert len(templates) == len(DEFAULT_TEMPLATES)
    assert {t.purpose for t in templates} == set(PURPOSES)
    for t in templates:
        assert t.body_id.strip() and t.body_en.strip() and t.body_id != t.body_en
        assert unknown_placeholders(t.body_id) == unknown_placeholders(t.body_en) == []
    # each rejection reason but "other" (its note is the operator's own) has its text
    reasons = {t.reason_code for t in templates if t.purpose == "rejection"}
    assert reasons == set(REJECT_REASONS) - {"other"}
    # a reply for every state a report can be in after triage
    reply_states = {t.status for t in templates if t.purpose == "reply"}
    assert {"dispatched", "verified", "rejected", "duplicate", "reopened"} <= reply_states


def test_the_most_specific_template_is_suggested(db_engine):
    templates = fetch_templates(db_engine)
    flood = suggested_template(templates, "reply", category="banjir", status="dispatched")
    assert flood is not None and flood.category_code == "banjir"
    garbage = suggested_template(templates, "reply", category="sampah", status="dispatched")
    assert garbage is not None and (garbage.category_code, garbage.status) == (None, "dispatched")
    spam = suggested_template(
        templates, "rejection", category="sampah", status="new", reason="spam"
    )
    assert spam is not None and spam.reason_code == "spam"
    # a state without its own reply falls back to the general one
    general = suggested_template(templates, "reply", category="sampah", status="new")
    assert general is not None and general.status is None and general.category_code is None
    fitting = matching_templates(templates, "dispatch", category="banjir", status="dispatched")
    assert [t.category_code for t in fitting] == ["banjir", None]


def test_placeholders_are_filled_and_a_missing_value_stays_visible():
    values = TemplateValues(report=42, kelurahan="Gambir", due="4 Des 2026 11:40 WIB").as_dict()
    body = "Laporan {report} di {kelurahan}, batas {due}, oleh {official}."
    assert fill_template(body, values) == (
        "Laporan #42 di Gambir, batas 4 Des 2026 11:40 WIB, oleh {official}."
    )


def test_an_admin_adds_changes_and_removes_a_template(engine_of):
    admin = engine_of("qlue_admin")
    assert can_edit_templates(admin)
    new_id = save_template(admin, _edit())
    saved = next(t for t in fetch_templates(admin) if t.id == new_id)
    assert (saved.category_code, saved.status, saved.version) == ("sampah", "dispatched", 1)
    assert saved.updated_by.startswith("t_qlue_admin")
    save_template(admin, _edit(id=new_id, version=1, title="Sampah sudah diangkut"))
    changed = next(t for t in fetch_templates(admin) if t.id == new_id)
    assert (changed.title, changed.version) == ("Sampah sudah diangkut", 2)
    assert delete_template(admin, new_id) is True
    assert delete_template(admin, new_id) is False


def test_a_stale_edit_is_refused_with_who_changed_it(engine_of):
    admin, other = engine_of("qlue_admin"), engine_of("qlue_admin")
    new_id = save_template(admin, _edit())
    save_template(other, _edit(id=new_id, version=1, body_id="Diangkut {due}."))
    with pytest.raises(ConflictError, match="changed by t_qlue_admin"):
        save_template(admin, _edit(id=new_id, version=1, body_id="Lain {due}."))
    kept = next(t for t in fetch_templates(admin) if t.id == new_id)
    assert kept.body_id == "Diangkut {due}."


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"body_id": "Laporan {nomor} diterima"}, "body_id", "unknown placeholder {nomor}"),
        ({"body_en": "Report {number}"}, "body_en", "unknown placeholder {number}"),
        ({"title": "  "}, "title", "no title"),
        ({"body_en": "\u00a0"}, "body_en", "English text is empty"),
        ({"purpose": "memo"}, "purpose", "unknown purpose"),
        ({"category_code": "nope"}, "category", "unknown category"),
        ({"status": "lost"}, "status", "unknown state"),
        ({"reason_code": "spam"}, "reason", "only a rejection template"),
        ({"title": "Terima kasih / Thank you"}, "title", "already called"),
    ],
)
def test_bad_input_is_refused_naming_the_field(engine_of, overrides, field, words):
    admin = engine_of("qlue_admin")
    before = fetch_templates(admin)
    with pytest.raises(ContractError, match=words) as raised:
        save_template(admin, _edit(**overrides))
    assert raised.value.field == field
    assert fetch_templates(admin) == before


@pytest.mark.parametrize("group", ["qlue_operator", "qlue_supervisor", "qlue_analyst"])
def test_other_roles_read_the_templates_and_may_not_write_them(engine_of, db_engine, group):
    engine = engine_of(group)
    assert len(fetch_templates(engine)) == len(DEFAULT_TEMPLATES)
    assert not can_edit_templates(engine)
    with pytest.raises(PermissionDeniedError):
        save_template(engine, _edit())
    first = fetch_templates(engine)[0]
    with pytest.raises(PermissionDeniedError):
        delete_template(engine, first.id)
    # not through the table either: the database refuses a direct write
    with pytest.raises(Exception, match="permission denied"), engine.begin() as conn:
        conn.exec_driver_sql("UPDATE message_templates SET body_id = 'x'")
    assert fetch_templates(db_engine)[0] == first
