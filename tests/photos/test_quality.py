"""Quality measures: sharp vs blurred, dark, overexposed, small."""

from __future__ import annotations

import numpy as np
from PIL import Image

from qlue_console.photos.decode import load_image
from qlue_console.photos.demo import blurred, darkened, scene_image
from qlue_console.photos.quality import QualityMetrics, assess, laplacian_variance, measure

from .helpers import proof


def _kinds(metrics: QualityMetrics) -> dict[str, str]:
    return {i.kind: i.severity for i in assess(metrics)}


def test_generated_scene_is_fine():
    m = measure(scene_image(1))
    assert _kinds(m) == {}
    assert m.blur > 60


def test_blurred_photo_scores_low():
    sharp = measure(load_image(proof(2)).image)
    soft = measure(load_image(blurred(proof(2))).image)
    assert soft.blur < sharp.blur / 10
    assert _kinds(soft)["blurred"] == "fail"


def test_dark_and_overexposed():
    dark = measure(load_image(darkened(proof(3))).image)
    assert _kinds(dark)["too_dark"] == "fail"
    white = Image.fromarray(
        np.clip(np.asarray(scene_image(3), dtype=np.int16) + 200, 0, 255).astype(np.uint8)
    )
    assert _kinds(measure(white))["overexposed"] in ("warn", "fail")


def test_too_small():
    assert _kinds(measure(scene_image(4, (160, 120))))["too_small"] == "fail"
    assert _kinds(measure(scene_image(4, (400, 300))))["too_small"] == "warn"


def test_laplacian_of_flat_and_tiny():
    assert laplacian_variance(np.full((50, 50), 128, np.float32)) == 0.0
    assert laplacian_variance(np.zeros((2, 2), np.float32)) == 0.0
    checker = (np.indices((64, 64)).sum(axis=0) % 2 * 255).astype(np.float32)
    assert laplacian_variance(checker) > 10_000


def test_measures_on_a_bounded_copy():
    m = measure(scene_image(5, (2000, 1500)))
    assert (m.width, m.height) == (2000, 1500)
    assert 0 <= m.dark_fraction <= 1 and 0 <= m.bright_fraction <= 1
