"""Photo fingerprints: SHA-256 of the bytes, and a 64-bit perceptual hash (pHash) of the
pixels, stored as a signed PostgreSQL bigint and split into four 16-bit bands for the reuse
index (multi-index hashing). Every stored hash comes from ``phash_of_bytes``: one pipeline,
so a hash computed at ingest and one computed at check time agree."""

from __future__ import annotations

import hashlib

import imagehash
from PIL import Image

from qlue_console.photos.decode import load_image

HASH_DRAFT = (128, 128)      # pHash looks at 32×32: a JPEG decoded at a reduced DCT scale is plenty


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def phash64(image: Image.Image) -> int:
    bits = imagehash.phash(image, hash_size=8).hash.flatten()
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return to_signed(value)


def phash_of_bytes(data: bytes) -> int:
    return phash64(load_image(data, draft_size=HASH_DRAFT).image)


def hamming(a: int, b: int) -> int:
    return (to_unsigned(a) ^ to_unsigned(b)).bit_count()


def bands(value: int) -> tuple[int, int, int, int]:
    """Four 16-bit bands, b0 the highest: equal to PostgreSQL's ``(phash >> 48) & 65535`` …"""
    u = to_unsigned(value)
    return ((u >> 48) & 0xFFFF, (u >> 32) & 0xFFFF, (u >> 16) & 0xFFFF, u & 0xFFFF)
