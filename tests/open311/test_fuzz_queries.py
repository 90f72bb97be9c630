"""Hypothesis over the GET query parameters of the gateway: whatever a client sends, the
answer is a document or the spec's error array with a 400 or 404, never a 500."""

from __future__ import annotations

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PARAMS = (
    "service_request_id",
    "service_code",
    "start_date",
    "end_date",
    "status",
    "page",
    "page_size",
    "jurisdiction_id",
)

values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "open",
            "closed",
            "open,closed",
            "parkir_liar",
            "sampah,unknown",
            "2026-12-01",
            "2026-12-01T10:00:00.123+07:00",
            "2026-12-01T10:00:00Z",
            "1,2,3",
            "-1",
            "0",
            "99999999999999999999999",
            "١٢",  # Arabic-Indic digits: isdigit() but not a number the database takes
            "\x00",
            "jakarta.go.id",
        ]
    ),
)
queries = st.dictionaries(st.sampled_from(PARAMS), values, max_size=5)
paths = st.sampled_from(
    ["requests.json", "requests.xml", "services.json", "discovery.xml", "requests/1.json"]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=paths, params=queries)
def test_get_never_answers_500(client, path, params):
    response = client.get(path, params=params)
    assert response.status_code in (200, 400, 404), (params, response.text)
    if response.status_code != 200:
        if path.endswith(".json"):
            [error] = response.json()
            assert error["code"] == response.status_code and error["description"]
        else:
            assert b"<errors>" in response.content


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=30))
def test_any_request_id_or_service_code_is_a_404_at_worst(client, name):
    name = quote(name, safe="")  # the server decodes it: NUL, slashes and all
    for path in (f"requests/{name}.json", f"services/{name}.json", f"media/{name}.jpg"):
        response = client.get(path)
        assert response.status_code in (200, 404), (path, response.text)
