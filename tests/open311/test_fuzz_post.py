"""Hypothesis over the fields of POST requests, through the real gateway over HTTP: every form
with a bad field gets a 400 with the spec's error array, and nothing is written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from tests.open311.util import MONAS

GOOD = {
    "service_code": "parkir_liar",
    "lat": str(MONAS[0]),
    "long": str(MONAS[1]),
    "description": "Mobil parkir di trotoar",
}

# Values that are wrong for the field they replace (each keeps the form bad).
BAD = {
    "service_code": st.one_of(
        st.sampled_from(["", " ", "PARKIR_LIAR", "parkir_liar\x00", "unknown", "1" * 200]),
        st.text(max_size=30).filter(
            lambda s: s.strip() not in {"parkir_liar", "sampah", "jalan_rusak", "banjir"}
        ),
    ),
    "lat": st.one_of(
        st.sampled_from(["", "nan", "inf", "-inf", "91", "-90.0001", "1e400", "٣", "6,17"]),
        st.text(alphabet="abcxyz ,;-", max_size=10),
    ),
    "long": st.sampled_from(["", "NaN", "180.5", "-181", "106.8.2", "0x10", "\x00"]),
    "description": st.one_of(
        st.sampled_from(["", "   ", "\u200b\u3000", "a\x00b"]),
        st.just("x" * 4001),
    ),
    "attribute[vehicle]": st.text(max_size=20).filter(
        lambda s: s.strip() and s.strip() not in {"car", "motorcycle", "truck", "bus"}
    ),
    "attribute[unknown]": st.text(min_size=1, max_size=20).filter(lambda s: s.strip()),
    "jurisdiction_id": st.text(min_size=1, max_size=20).filter(
        lambda s: s.strip() and s.strip() != "jakarta.go.id"
    ),
}

# Fields that may accompany the bad one with any value (ignored or hashed, never a 500).
FREE = st.dictionaries(
    st.sampled_from(["email", "phone", "first_name", "last_name", "device_id", "account_id"]),
    st.text(max_size=40).filter(lambda s: "\x00" not in s),
    max_size=3,
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(field=st.sampled_from(sorted(BAD)), data=st.data(), free=FREE, xml=st.booleans())
def test_a_bad_field_is_a_400_with_the_error_array_and_writes_nothing(
    poster, db_engine, field, data, free, xml
):
    http, channel = poster
    form = {**GOOD, **free, "api_key": channel.key, field: data.draw(BAD[field], label=field)}
    if field == "jurisdiction_id":
        expected = 404
    else:
        expected = 400
    response = http.post("requests.xml" if xml else "requests.json", data=form)
    assert response.status_code == expected, (form, response.text)
    if xml:
        assert b"<errors>" in response.content and f"<code>{expected}</code>".encode() in (
            response.content
        )
    else:
        [error] = response.json()
        assert error["code"] == expected and error["description"]
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 0


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fields=st.dictionaries(st.text(max_size=20), st.text(max_size=40), max_size=6),
    media=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_any_form_without_its_required_fields_is_refused(poster, db_engine, fields, media):
    http, channel = poster
    fields = {k: v for k, v in fields.items() if k not in GOOD}
    files = {"media": ("m.jpg", media, "image/jpeg")} if media else None
    response = http.post("requests.json", data={**fields, "api_key": channel.key}, files=files)
    assert response.status_code in (400, 404), (fields, response.text)
    [error] = response.json()
    assert error["code"] == response.status_code
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 0


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=xyz",
            "application/json",
            "text/plain; charset=utf-16",
        ]
    ),
    body=st.one_of(
        st.binary(max_size=300),
        st.sampled_from(
            [
                b"api_key=%ZZ&lat=%",
                b"description=%FF%FE&service_code=parkir_liar",
                b"--xyz\r\nContent-Disposition: form-data; name=\"media\"; filename=\"a\"\r\n\r\nx",
                b"--xyz--\r\n",
                b'{"service_code": "parkir_liar"}',
            ]
        ),
    ),
)
def test_any_body_is_answered_without_a_500(poster, db_engine, content_type, body):
    http, channel = poster
    response = http.post(
        "requests.json",
        params={"api_key": channel.key},
        content=body,
        headers={"content-type": content_type},
    )
    assert response.status_code in (400, 403, 404), (body, response.text)
    [error] = response.json()
    assert error["code"] == response.status_code
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 0
