"""The photo layer: decoding, EXIF, hashes, quality and the proof-photo checks
(docs/photo-checks.md).

Plain Python (Pillow, pillow-heif, ImageHash, numpy); no Qt here, so it runs in channels,
workers and the command line alike.

* :mod:`.decode` — format sniffing by bytes, safe decoding (:class:`~.decode.PhotoError`)
* :mod:`.exif` — GPS, capture time (Jakarta when no offset), camera, JSON-safe tags
* :mod:`.hashing` — SHA-256, 64-bit pHash as signed bigint, bands, flips/rotations
* :mod:`.quality` — sharpness, exposure, size
* :mod:`.ingest` — :func:`~.ingest.describe_photo`: the metadata stored with each photo
* :mod:`.checks` — the checks and the risk score
* :mod:`.reuse` — indexed lookup of earlier proofs with a close pHash (SQL)
* :mod:`.demo` — generated street photos with EXIF for the demo city and the tests
* :mod:`.cli` — ``qlue-console check-photo``
"""
