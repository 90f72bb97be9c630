"""A GeoReport v2 client from PyPI (``georeport``, which city apps use to read Open311
endpoints) reads the gateway as it reads any city's: the service list, a service definition,
requests with their filters and one request, in JSON and in XML."""

from __future__ import annotations

import pytest
from georeport import GeoReport


@pytest.mark.parametrize("output_format", ["json", "xml"])
def test_a_pypi_open311_client_reads_the_gateway(gateway, submit, output_format):
    parking = submit(category="parkir_liar")
    garbage = submit(category="sampah", text_="Sampah menumpuk di depan pasar")
    client = GeoReport(gateway, jurisdiction="jakarta.go.id", output_format=output_format)

    services = client.get_service_list()
    assert {"parkir_liar", "sampah"} <= {s["service_code"] for s in services}

    definition = client.get_service_definition("parkir_liar")
    assert definition["service_code"] == "parkir_liar"

    found = client.get_service_requests(service_code="sampah", status="open,closed")
    found = found if isinstance(found, list) else [found]  # xmltodict: one element, no list
    ids = {r["service_request_id"] for r in found}
    assert str(garbage) in ids and str(parking) not in ids

    one = client.get_service_request(str(parking))
    one = one[0] if isinstance(one, list) else one
    assert one["service_request_id"] == str(parking)
    assert one["service_code"] == "parkir_liar" and one["status"] == "open"
