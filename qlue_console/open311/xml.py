"""The GeoReport v2 documents in XML (``xml.etree``, UTF-8): a list becomes a container of one
element per item, named as the spec names them (``services/service``,
``service_requests/request``, ``errors/error`` …); ``None`` an empty element; booleans
``true``/``false``."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

# A list's element name -> the name of each of its items.
ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
    "notes": "note",
}


def _fill(element: ET.Element, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    elif isinstance(value, list):
        child = ITEMS.get(element.tag, "item")
        for item in value:
            _fill(ET.SubElement(element, child), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = str(value)


def render(root: str, document: Any) -> bytes:
    """``document`` (a dict or a list) as an XML document whose root element is ``root``."""
    element = ET.Element(root)
    _fill(element, document)
    ET.indent(element)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)
