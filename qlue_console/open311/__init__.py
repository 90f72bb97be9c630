"""The Open311 GeoReport v2 gateway: the public's view of the reports (services, requests and
their timeline) over HTTP, in JSON and XML, and the channels' new requests through the
contract."""
