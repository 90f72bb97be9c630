"""A GeoReport v2 ``POST requests`` form read into what the contract takes (plain Python, no
database): the service, the position, the description with the service definition's attributes,
a citizen handle that names nobody, the photo's bytes. Each bad field is an
:class:`~qlue_console.open311.errors.InputError` (400) saying which and why."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qlue_console.open311.errors import InputError

MAX_DESCRIPTION = 4000  # the spec's limit
MAX_FIELD = 1000
IDENTITY_FIELDS = ("account_id", "email", "phone", "device_id")
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]{1,100})\](\[\])?$")


@dataclass(frozen=True)
class NewRequest:
    service_code: str
    lat: float
    lon: float
    text: str
    citizen: str  # a channel-scoped hash: never the e-mail, phone or device itself
    photo: bytes | None
    private: bool = False  # the citizen asked that the public see only the status


def _bad(description: str) -> InputError:
    return InputError(400, description)


def _text(fields: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = fields.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise _bad(f"{name} is given {len(values)} times; send it once")
    value = values[0]
    if "\x00" in value:
        raise _bad(f"{name} contains a NUL character")
    return value.strip() or None


def _coordinate(fields: Mapping[str, Sequence[str]], name: str, limit: float) -> float:
    raw = _text(fields, name)
    if raw is None:
        raise _bad(
            "lat and long are required: this city places every request by its position; "
            "address_string or address_id alone is not accepted"
        )
    try:
        value = float(raw) if raw.isascii() else math.nan
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise _bad(f"{name} must be a number from -{limit:g} to {limit:g}, not {raw[:40]!r}")
    return value


_FLAGS = {"true": True, "1": True, "false": False, "0": False}


def _private(fields: Mapping[str, Sequence[str]]) -> bool:
    """The extension field ``private``: true/false/1/0, absent = false."""
    raw = _text(fields, "private")
    if raw is None:
        return False
    flag = _FLAGS.get(raw.lower())
    if flag is None:
        raise _bad(f"private must be true, false, 1 or 0, not {raw[:40]!r}")
    return flag


def citizen_handle(channel_login: str, fields: Mapping[str, Sequence[str]], fallback: str) -> str:
    """The citizen as the channel knows them, hashed with the channel's login: the same person
    through the same channel has the same handle, which tells nothing of who they are.
    ``fallback`` (the request's external id) makes an anonymous request's handle."""
    kind, value = "anonymous", fallback
    for name in IDENTITY_FIELDS:
        given = _text(fields, name)
        if given is not None:
            kind, value = name, given.lower() if name == "email" else given
            if name == "phone":
                value = "".join(c for c in given if c.isdigit() or c == "+")
            break
    else:
        names = " ".join(filter(None, (_text(fields, "first_name"), _text(fields, "last_name"))))
        if names:
            kind, value = "name", names.lower()
    digest = hashlib.sha256(f"{channel_login}\x00{kind}\x00{value}".encode()).hexdigest()
    return f"o311.{digest[:24]}"


def _attribute_values(fields: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, values in fields.items():
        if not name.startswith("attribute"):
            continue
        match = _ATTRIBUTE.match(name)
        if match is None:
            raise _bad(f"{name[:60]!r} is not attribute[code] or attribute[code][]")
        found.setdefault(match.group(1), []).extend(v.strip() for v in values)
    return found


def _check_attribute(definition: dict[str, Any], values: list[str]) -> str:
    code, datatype = definition["code"], definition["datatype"]
    values = [v for v in values if v]
    keys = {v["key"] for v in definition.get("values", [])}
    if datatype != "multivaluelist" and len(values) > 1:
        raise _bad(f"attribute[{code}] takes one value")
    for value in values:
        if "\x00" in value or len(value) > MAX_FIELD:
            raise _bad(f"attribute[{code}] is not a short text")
        if keys and value not in keys:
            raise _bad(f"attribute[{code}] must be one of {', '.join(sorted(keys))}")
    if datatype == "number":
        try:
            ok = math.isfinite(float(values[0])) if values[0].isascii() else False
        except ValueError:
            ok = False
        if not ok:
            raise _bad(f"attribute[{code}] must be a number")
    if datatype == "datetime":
        try:
            datetime.fromisoformat(values[0])
        except ValueError:
            raise _bad(f"attribute[{code}] must be an ISO 8601 date and time") from None
    return f"{code}: {', '.join(values)}"


def attributes_line(
    fields: Mapping[str, Sequence[str]], definitions: list[dict[str, Any]]
) -> str | None:
    """The attributes given, checked against the service definition, as one line ``(vehicle:
    car; plate: B 1234 XYZ)``; None when none were given."""
    given = _attribute_values(fields)
    by_code = {d["code"]: d for d in definitions}
    for code in given:
        if code not in by_code:
            raise _bad(f"attribute[{code[:60]}] is not an attribute of this service")
    parts = []
    for definition in sorted(definitions, key=lambda d: d.get("order", 0)):
        values = [v for v in given.get(definition["code"], []) if v]
        if not values:
            if definition.get("required"):
                raise _bad(f"attribute[{definition['code']}] is required")
            continue
        parts.append(_check_attribute(definition, values))
    return f"({'; '.join(parts)})" if parts else None


def read_request(
    fields: Mapping[str, Sequence[str]],
    photo: bytes | None,
    *,
    service_exists: Callable[[str], bool],
    attributes_of: Callable[[str], list[dict[str, Any]]],
    channel_login: str,
    external_id: str,
) -> NewRequest:
    """The request a channel posted, or an InputError for its first bad field."""
    code = _text(fields, "service_code")
    if code is None:
        raise _bad("service_code is required (see GET services)")
    if len(code) > 100 or not service_exists(code):
        raise _bad(f"unknown service_code {code[:60]!r} (see GET services)")
    private = _private(fields)
    lat = _coordinate(fields, "lat", 90)
    lon = _coordinate(fields, "long", 180)
    description = _text(fields, "description")
    if description is None:
        raise _bad("description is required: say what the problem is")
    if len(description) > MAX_DESCRIPTION:
        raise _bad(f"description is longer than {MAX_DESCRIPTION} characters")
    extra = attributes_line(fields, attributes_of(code))
    text = f"{description}\n\n{extra}" if extra else description
    return NewRequest(
        service_code=code,
        lat=lat,
        lon=lon,
        text=text,
        citizen=citizen_handle(channel_login, fields, external_id),
        photo=photo,
        private=private,
    )
