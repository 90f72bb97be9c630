"""Hashes: signed bigint pHash, bands equal to the SQL generated columns, flips and rotations."""

from __future__ import annotations

import hashlib

import imagehash
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from qlue_console.photos.decode import load_image
from qlue_console.photos.demo import mirrored, scene_image
from qlue_console.photos.hashing import (
    TRANSFORMS,
    bands,
    dihedral_hashes,
    hamming,
    hex64,
    phash64,
    sha256_hex,
    to_signed,
    to_unsigned,
)
from qlue_console.photos.ingest import analyse_photo

from .helpers import proof

signed64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


def test_sha256_hex():
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()


@given(signed64)
def test_bands_equal_postgres_expressions_on_the_signed_bigint(h):
    # PostgreSQL: ((phash >> 42) & 4194303) ... with an arithmetic shift, as Python's >>.
    assert bands(h) == ((h >> 42) & 4194303, (h >> 21) & 2097151, h & 2097151)
    b = bands(h)
    assert (b[0] << 42) | (b[1] << 21) | b[2] == to_unsigned(h)
    assert to_signed(to_unsigned(h)) == h


@given(signed64, signed64)
def test_hamming_signed_or_unsigned(a, b):
    d = hamming(a, b)
    assert (
        d
        == hamming(to_unsigned(a), to_unsigned(b))
        == bin(to_unsigned(a) ^ to_unsigned(b)).count("1")
    )
    assert 0 <= d <= 64 and hamming(a, a) == 0


def test_phash64_is_imagehash_phash_as_signed_bigint():
    image = scene_image(5)
    h = phash64(image)
    assert -(2**63) <= h < 2**63
    assert hex64(h) == str(imagehash.phash(image))


def test_dihedral_hashes_equal_hashes_of_the_transformed_photo():
    image = scene_image(9)
    variants = dihedral_hashes(image)
    assert set(variants) == set(TRANSFORMS)
    assert variants["identity"] == phash64(image)
    for name, method in TRANSFORMS.items():
        if method is not None:
            assert hamming(variants[name], phash64(image.transpose(method))) <= 2, name
    assert len(set(variants.values())) >= 6  # the variants really differ


def test_flipped_copy_is_caught_by_its_mirror_variant():
    # Decision (hashing module docstring): plain pHash misses a mirrored copy, the variants catch
    # it.
    original = analyse_photo(proof(11))
    flipped = analyse_photo(mirrored(proof(11)))
    assert hamming(original.meta.phash, flipped.meta.phash) > 20
    best = min(
        (hamming(h, original.meta.phash), name) for name, h in flipped.variant_hashes.items()
    )
    assert best[0] <= 4 and best[1] == "mirror"


def test_quarter_turn_caught():
    data = proof(12)
    original = analyse_photo(data)
    turned = load_image(data).image.transpose(Image.Transpose.ROTATE_90)
    variants = dihedral_hashes(turned)
    assert min(hamming(h, original.meta.phash) for h in variants.values()) <= 4


def test_unrelated_scenes_are_far_apart_even_with_variants():
    analyses = [analyse_photo(proof(seed)) for seed in range(40)]
    closest = min(
        hamming(a.meta.phash, h)
        for i, a in enumerate(analyses)
        for b in analyses[i + 1 :]
        for h in b.variant_hashes.values()
    )
    assert closest > 12
