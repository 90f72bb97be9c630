"""Content hashes of photos: SHA-256 of the bytes and a 64-bit perceptual hash (pHash).

The perceptual hash is ``imagehash.phash`` (32×32 grey, DCT, the 8×8 lowest frequencies
against their median), read as a 64-bit number whose most significant bit is the first of
the 8×8 bits. It is stored as a *signed* 64-bit integer because PostgreSQL's ``bigint`` is
signed; :func:`to_unsigned` gives the unsigned view back. :func:`bands` cuts the unsigned value
into the three bands of :data:`BAND_BITS` (22, 21 and 21 bits, highest first), equal to the
expressions of the reuse indexes of revision 0034 (``(phash >> 42) & 4194303``,
``(phash >> 21) & 2097151`` and ``phash & 2097151`` on the signed bigint).

Flips and rotations — decision. A pHash changes completely under a mirror or a 90° turn
(distance 26–35 on real photos), so a proof re-used mirrored would slip through. We store
nothing extra (one hash per photo, one index); instead, at check time,
:func:`dihedral_hashes` computes the hash of all eight flips/rotations of the photo being
checked, and every one is compared with the citizen's photo and looked up in the index of
proofs. This catches a mirrored, upside-down or quarter-turned copy of an earlier photo, in
either direction. The variants are computed from the same 32×32 grey image pHash itself
uses, so they cost microseconds and the identity variant is exactly :func:`phash64`.
The price is eight lookups instead of one, and an eight times larger chance of a chance
match, still negligible at distances ≤ 10 of 64 bits.
"""

from __future__ import annotations

import hashlib
import logging

import imagehash
import numpy as np
from PIL import Image

logger = logging.getLogger(__name__)

HASH_SIZE = 8
HASH_IMAGE_SIZE = HASH_SIZE * 4  # imagehash.phash: highfreq_factor 4 → 32×32

_MASK64 = (1 << 64) - 1

# Name → Pillow transpose applied to the photo (None = as is). The eight symmetries of a square.
TRANSFORMS: dict[str, Image.Transpose | None] = {
    "identity": None,
    "mirror": Image.Transpose.FLIP_LEFT_RIGHT,
    "flip": Image.Transpose.FLIP_TOP_BOTTOM,
    "rot90": Image.Transpose.ROTATE_90,
    "rot180": Image.Transpose.ROTATE_180,
    "rot270": Image.Transpose.ROTATE_270,
    "transpose": Image.Transpose.TRANSPOSE,
    "transverse": Image.Transpose.TRANSVERSE,
}


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of the bytes, lower-case hex (as PostgreSQL's ``encode(sha256(..), 'hex')``)."""
    return hashlib.sha256(data).hexdigest()


def to_signed(value: int) -> int:
    """An unsigned 64-bit value as PostgreSQL's signed bigint."""
    value &= _MASK64
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    """A signed bigint (or an already unsigned value) as an unsigned 64-bit integer."""
    return value & _MASK64


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit hashes, signed or unsigned."""
    return ((a ^ b) & _MASK64).bit_count()


#: The reuse index's bands, highest bits first (qlue_console/photos/reuse.py, revision 0034).
BAND_BITS = (22, 21, 21)


def bands(h: int) -> tuple[int, ...]:
    """The hash cut into the bands of :data:`BAND_BITS`, the highest bits of the unsigned value
    first."""
    u = to_unsigned(h)
    result, shift = [], 64
    for bits in BAND_BITS:
        shift -= bits
        result.append((u >> shift) & ((1 << bits) - 1))
    return tuple(result)


def _bits_to_int(bits: np.ndarray) -> int:
    value = 0
    for bit in bits.flatten():
        value = (value << 1) | int(bool(bit))
    return value


def hash_image(image: Image.Image) -> Image.Image:
    """The 32×32 grey image pHash works on (the same resize imagehash.phash does)."""
    return image.convert("L").resize((HASH_IMAGE_SIZE, HASH_IMAGE_SIZE), Image.Resampling.LANCZOS)


def phash64(image: Image.Image) -> int:
    """The 64-bit pHash of an image, as a signed bigint."""
    return to_signed(_bits_to_int(imagehash.phash(image, hash_size=HASH_SIZE).hash))


def dihedral_hashes(image: Image.Image) -> dict[str, int]:
    """pHash of the image under each of the eight flips/rotations, keyed by :data:`TRANSFORMS`.

    ``result["identity"] == phash64(image)``.
    """
    small = hash_image(image)
    result: dict[str, int] = {}
    for name, method in TRANSFORMS.items():
        variant = small if method is None else small.transpose(method)
        result[name] = phash64(variant)
    return result


def hex64(h: int) -> str:
    """The unsigned hash as 16 hex digits (imagehash's notation), for evidence and logs."""
    return f"{to_unsigned(h):016x}"
