"""The GeoReport v2 documents as plain dicts (the same dicts are rendered as JSON and XML):
discovery, the service list, a service definition, a service request with its ``notes``."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from qlue_console.open311.queries import Note, Request, Service

JAKARTA = ZoneInfo("Asia/Jakarta")

# Each category's attributes (GeoReport v2 service definition), defined here as data.
ATTRIBUTES: dict[str, list[dict[str, Any]]] = {
    "parkir_liar": [
        {
            "variable": True,
            "code": "vehicle",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": "The kind of vehicle parked illegally",
            "order": 1,
            "description": "Which kind of vehicle is parked illegally?",
            "values": [
                {"key": "car", "name": "Car"},
                {"key": "motorcycle", "name": "Motorcycle"},
                {"key": "truck", "name": "Truck"},
                {"key": "bus", "name": "Bus or minibus"},
            ],
        },
        {
            "variable": True,
            "code": "plate",
            "datatype": "string",
            "required": False,
            "datatype_description": "The licence plate, e.g. B 1234 XYZ",
            "order": 2,
            "description": "The licence plate, if it can be read",
        },
    ],
    "sampah": [
        {
            "variable": True,
            "code": "volume",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": "How much garbage",
            "order": 1,
            "description": "How much garbage is there?",
            "values": [
                {"key": "bag", "name": "A few bags"},
                {"key": "cart", "name": "A cart load"},
                {"key": "truck", "name": "A truck load or more"},
            ],
        }
    ],
    "jalan_rusak": [
        {
            "variable": True,
            "code": "damage",
            "datatype": "multivaluelist",
            "required": False,
            "datatype_description": "The kinds of damage",
            "order": 1,
            "description": "What is damaged?",
            "values": [
                {"key": "pothole", "name": "Pothole"},
                {"key": "crack", "name": "Crack"},
                {"key": "subsidence", "name": "Subsidence"},
            ],
        }
    ],
    "banjir": [
        {
            "variable": True,
            "code": "depth_cm",
            "datatype": "number",
            "required": False,
            "datatype_description": "Water depth in centimetres",
            "order": 1,
            "description": "How deep is the water, in centimetres?",
        }
    ],
}

# Jakarta's states as the public reads them (status_notes).
STATUS_NOTES = {
    "new": "Received; waiting to be checked by the command center.",
    "triaged": "Checked by the command center; to be sent to the responsible agency.",
    "dispatched": "Sent to the responsible agency.",
    "coordination": "Being coordinated between agencies.",
    "disposition": "Handed on to another agency.",
    "followed_up": "The agency reported the work done; the proof is being verified.",
    "verified": "Done: the work was verified with a proof photo.",
    "reopened": "Reopened: the citizen said the problem is still there.",
    "rejected": "Not taken up: not a matter for the city or not enough information.",
    "duplicate": "Closed as a duplicate of another report.",
}

NOTE_SUMMARIES = {
    "created": "Report received",
    "triaged": "Checked by the command center",
    "categorised": "Category corrected",
    "dispatched": "Sent to the responsible agency",
    "forwarded": "Forwarded to another agency",
    "escalated": "Escalated: the due time passed",
    "follow_up": "The agency reported the work done",
    "proof_approved": "The proof of the work was verified",
    "proof_rejected": "The proof of the work was not accepted; the work continues",
    "reopened": "Reopened by the citizen",
    "merged": "Merged with another report",
    "rejected": "Not taken up",
    "closed": "Closed",
}


def stamp(moment: datetime | None) -> str | None:
    """ISO 8601 with the offset, in Jakarta's time (seconds, no fraction)."""
    if moment is None:
        return None
    return moment.astimezone(JAKARTA).replace(microsecond=0).isoformat()


def discovery(base_url: str) -> dict[str, Any]:
    return {
        "changeset": "2026-12-02T00:00:00+07:00",
        "contact": "Jakarta Smart City command center, Open311 gateway",
        "key_service": "API keys are issued per channel by the command center",
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base_url,
                "changeset": "2026-12-02T00:00:00+07:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }


def service_list(services: list[Service]) -> list[dict[str, Any]]:
    return [
        {
            "service_code": s.code,
            "service_name": s.name_en,
            "description": f"{s.name_id} ({s.name_en}); handled by {s.agency or 'the city'}",
            "metadata": s.code in ATTRIBUTES,
            "type": "realtime",
            "keywords": f"{s.name_id}, {s.name_en}",
            "group": s.agency or "",
        }
        for s in services
    ]


def service_definition(service: Service) -> dict[str, Any]:
    return {"service_code": service.code, "attributes": ATTRIBUTES.get(service.code, [])}


def _media_url(base_url: str, photo_id: int | None) -> str | None:
    return f"{base_url}media/{photo_id}.jpg" if photo_id is not None else None


def _status_notes(r: Request) -> str:
    notes = STATUS_NOTES.get(r.status, r.status)
    if r.status == "duplicate" and r.duplicate_of is not None:
        notes = f"Closed as a duplicate of report {r.duplicate_of}."
    return notes


def note(n: Note, base_url: str) -> dict[str, Any]:
    summary = n.text or NOTE_SUMMARIES.get(n.kind, n.kind)
    if n.agencies:
        summary += ": " + ", ".join(n.agencies)
    return {
        "datetime": stamp(n.at),
        "type": n.kind,
        "summary": summary,
        "media_url": _media_url(base_url, n.photo_id),
    }


# The service code a private report shows: the schema requires one, its category is not told.
PRIVATE_SERVICE_CODE = "private"


def private_request(r: Request) -> dict[str, Any]:
    """A report the citizen marked private: its status only. The schema's required
    ``service_code`` is :data:`PRIVATE_SERVICE_CODE` and ``requested_datetime`` the time it was
    made; no description, position, address, agency, due time, photo or timeline."""
    return {
        "service_request_id": str(r.id),
        "status": "open" if r.is_open else "closed",
        "status_notes": STATUS_NOTES.get(r.status, r.status),  # never the report it duplicates
        "service_name": None,
        "service_code": PRIVATE_SERVICE_CODE,
        "description": None,
        "agency_responsible": None,
        "service_notice": None,
        "requested_datetime": stamp(r.requested_at),
        "updated_datetime": stamp(r.updated_at),
        "expected_datetime": None,
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
        "notes": [],
    }


def service_request(r: Request, notes: list[Note], base_url: str) -> dict[str, Any]:
    if r.private:
        return private_request(r)
    return {
        "service_request_id": str(r.id),
        "status": "open" if r.is_open else "closed",
        "status_notes": _status_notes(r),
        "service_name": r.service_name,
        "service_code": r.service_code,
        "description": r.description,
        "agency_responsible": ", ".join(r.agencies) or None,
        "service_notice": (
            f"To be handled by {stamp(r.due_at)}" if r.due_at is not None and r.is_open else None
        ),
        "requested_datetime": stamp(r.requested_at),
        "updated_datetime": stamp(r.updated_at),
        "expected_datetime": stamp(r.due_at),
        "address": r.address or None,
        "address_id": None,
        "zipcode": None,
        "lat": r.lat,
        "long": r.lon,
        "media_url": _media_url(base_url, r.photo_id),
        "notes": [note(n, base_url) for n in notes],
    }


def errors(code: int, description: str) -> list[dict[str, Any]]:
    return [{"code": code, "description": description}]
