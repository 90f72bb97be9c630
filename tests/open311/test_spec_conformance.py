"""The gateway's answers against ``../shared/data/open311``: the GeoReport v2 JSON Schemas
(validated with jsonschema), the spec's examples and the SF311 XML fixtures (the same
elements, in the same containers). Skipped when ../shared is absent."""

from __future__ import annotations

import json
from datetime import datetime
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft7Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from tests.open311.util import load_example, shared_dir


@pytest.fixture(scope="module")
def shared():
    return shared_dir()


@pytest.fixture(scope="module")
def schema(shared):
    """Factory: the validator of one of the GeoReport v2 schemas (their $refs resolved)."""
    folder = shared / "georeport_v2_schema"
    registry = Registry().with_resources(
        (
            path.name,
            Resource.from_contents(
                json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT7
            ),
        )
        for path in folder.glob("*.json")
    )

    def make(name: str) -> Draft7Validator:
        return Draft7Validator({"$ref": name}, registry=registry, format_checker=FormatChecker())

    return make


@pytest.fixture
def reports(submit, db_engine):
    from qlue_console.triage import actions
    from tests.open311.util import version

    open_one = submit()
    closed = submit(category="sampah")
    actions.reject(db_engine, closed, version(db_engine, closed), "spam")
    return open_one, closed


def _validate(validator: Draft7Validator, document) -> None:
    errors = sorted(validator.iter_errors(document), key=str)
    assert not errors, "\n".join(e.message for e in errors)


def test_services_validate_against_the_schema(client, schema):
    _validate(schema("services.json"), client.get("services.json").json())


def test_service_definitions_validate_against_the_schema(client, schema):
    for service in client.get("services.json").json():
        body = client.get(f"services/{service['service_code']}.json").json()
        _validate(schema("service-definition.json"), body)


def test_requests_validate_against_the_schema(client, schema, reports):
    body = client.get("requests.json").json()
    assert len(body) == 2
    _validate(schema("requests.json"), body)
    for rid in reports:
        _validate(schema("requests.json"), client.get(f"requests/{rid}.json").json())
    # "format": "date-time" needs a checker jsonschema may lack: every time has its zone here
    for request in body:
        for key in ("requested_datetime", "updated_datetime"):
            assert datetime.fromisoformat(request[key]).tzinfo is not None
        for note in request["notes"]:
            assert datetime.fromisoformat(note["datetime"]).tzinfo is not None


def _keys(document) -> set[str]:
    return set(document)


def test_json_shapes_match_the_spec_examples(client, shared, reports):
    examples = shared / "georeport_v2_spec_examples"
    services = load_example(examples / "json-service-list.json")
    assert _keys(services[0]) <= _keys(client.get("services.json").json()[0])
    definition = load_example(examples / "json-service-definition.json")
    ours = client.get("services/parkir_liar.json").json()
    assert _keys(definition) <= _keys(ours)
    assert _keys(definition["attributes"][0]) <= _keys(ours["attributes"][0])
    assert _keys(definition["attributes"][0]["values"][0]) <= _keys(
        ours["attributes"][0]["values"][0]
    )
    for name, path in (
        ("json-service-requests.json", "requests.json"),
        ("json-service-request.json", f"requests/{reports[0]}.json"),
    ):
        example = load_example(examples / name)
        ours_request = client.get(path).json()[0]
        assert _keys(example[0]) <= _keys(ours_request), name
        assert _keys(ours_request) - _keys(example[0]) == {"notes"}  # the documented extension
    error = load_example(examples / "json-errors-403.txt")
    assert _keys(error[0]) == _keys(client.get("services/none.json").json()[0])


def _tags(element: ET.Element) -> set[str]:
    return {child.tag for child in element}


def _xml(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response.headers["content-type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(response.content)


@pytest.mark.parametrize(
    ("example", "path", "item"),
    [
        ("georeport_v2_spec_examples/xml-service-list.xml", "services.xml", "service"),
        ("georeport_v2_spec_examples/xml-service-requests.xml", "requests.xml", "request"),
        ("georeport_v2_spec_examples/xml-service-request.xml", "requests/{open}.xml", "request"),
        (
            "georeport_v2_spec_examples/xml-service-definition.xml",
            "services/parkir_liar.xml",
            "attribute",
        ),
        ("georeport_v2_spec_examples/xml-errors-403.txt", "services/none.xml", "error"),
        ("codeforamerica_open311_fixtures/services.xml", "services.xml", "service"),
        ("codeforamerica_open311_fixtures/service_requests.xml", "requests.xml", "request"),
        (
            "codeforamerica_open311_fixtures/get_service_request.xml",
            "requests/{open}.xml",
            "request",
        ),
        (
            "codeforamerica_open311_fixtures/service_definition.xml",
            "services/parkir_liar.xml",
            "attribute",
        ),
        (
            "codeforamerica_open311_fixtures/get_service_request_not_found.xml",
            "requests/not-an-id.xml",
            "error",
        ),
    ],
)
def test_xml_shapes_match_the_examples_and_sf311(client, shared, reports, example, path, item):
    theirs = ET.fromstring((shared / example).read_bytes())
    ours = _xml(client, path.format(open=reports[0]))
    assert ours.tag == theirs.tag
    their_item = next(theirs.iter(item))
    our_item = next(ours.iter(item))
    assert _tags(their_item) <= _tags(our_item), example
    if item == "attribute":
        assert _tags(next(their_item.iter("value"))) <= _tags(next(our_item.iter("value")))
