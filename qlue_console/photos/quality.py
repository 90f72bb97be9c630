"""Technical quality of a photo: sharpness, brightness, exposure and size.

Measured on a grey copy no larger than :data:`ANALYSIS_SIDE` pixels on its longer side, so the
numbers do not depend on the camera's resolution and a 12-megapixel photo costs the same as a
small one.

* ``blur`` — variance of the 4-neighbour Laplacian (grey levels 0–255). A sharp street photo
  scores in the hundreds or thousands; below :data:`BLUR_WARN` it looks soft, below
  :data:`BLUR_FAIL` nothing can be made out.
* ``brightness`` — mean grey level 0–255.
* ``dark_fraction`` / ``bright_fraction`` — share of pixels ≤ 10 or ≥ 245 (clipped).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image

logger = logging.getLogger(__name__)

ANALYSIS_SIDE = 512

BLUR_WARN = 60.0
BLUR_FAIL = 15.0
DARK_WARN = 45.0  # mean brightness below
DARK_FAIL = 20.0
BRIGHT_WARN = 215.0  # mean brightness above
BRIGHT_FAIL = 240.0
CLIPPED_WARN = 0.40  # fraction of clipped pixels
CLIPPED_FAIL = 0.75
MIN_SIDE_WARN = 480  # shorter side of the full photo, pixels
MIN_SIDE_FAIL = 200


@dataclass(frozen=True)
class QualityMetrics:
    """Measures of one photo; ``width``/``height`` are of the full photo."""

    blur: float
    brightness: float
    dark_fraction: float
    bright_fraction: float
    width: int
    height: int

    def to_json(self) -> dict[str, float | int]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class QualityIssue:
    """One problem found: ``kind`` in blurred, too_dark, overexposed, too_small."""

    kind: str
    severity: str  # 'warn' or 'fail'
    message: str


def grey_array(image: Image.Image, side: int = ANALYSIS_SIDE) -> np.ndarray:
    """A float32 grey array of the image, reduced so the longer side is at most ``side``."""
    grey = image.convert("L")
    if max(grey.size) > side:
        grey = grey.copy()
        grey.thumbnail((side, side), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return np.asarray(grey, dtype=np.float32)


def laplacian_variance(grey: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian of a 2-D array (0 for images under 3×3)."""
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return 0.0
    lap = (
        grey[:-2, 1:-1] + grey[2:, 1:-1] + grey[1:-1, :-2] + grey[1:-1, 2:] - 4.0 * grey[1:-1, 1:-1]
    )
    return float(lap.var())


def measure(
    image: Image.Image, width: int | None = None, height: int | None = None
) -> QualityMetrics:
    """Quality measures of a decoded image; ``width``/``height`` default to the image's size."""
    grey = grey_array(image)
    total = grey.size or 1
    return QualityMetrics(
        blur=laplacian_variance(grey),
        brightness=float(grey.mean()) if grey.size else 0.0,
        dark_fraction=float(np.count_nonzero(grey <= 10) / total),
        bright_fraction=float(np.count_nonzero(grey >= 245) / total),
        width=width if width is not None else image.width,
        height=height if height is not None else image.height,
    )


def assess(m: QualityMetrics) -> list[QualityIssue]:
    """The problems of a photo by the thresholds of this module; empty when it is fine."""
    issues: list[QualityIssue] = []
    if m.blur < BLUR_FAIL:
        issues.append(QualityIssue("blurred", "fail", f"very blurred (sharpness {m.blur:.0f})"))
    elif m.blur < BLUR_WARN:
        issues.append(QualityIssue("blurred", "warn", f"blurred (sharpness {m.blur:.0f})"))
    if m.brightness < DARK_FAIL or m.dark_fraction > CLIPPED_FAIL:
        issues.append(
            QualityIssue("too_dark", "fail", f"far too dark (mean {m.brightness:.0f}/255)")
        )
    elif m.brightness < DARK_WARN or m.dark_fraction > CLIPPED_WARN:
        issues.append(QualityIssue("too_dark", "warn", f"too dark (mean {m.brightness:.0f}/255)"))
    if m.brightness > BRIGHT_FAIL or m.bright_fraction > CLIPPED_FAIL:
        issues.append(
            QualityIssue("overexposed", "fail", f"washed out (mean {m.brightness:.0f}/255)")
        )
    elif m.brightness > BRIGHT_WARN or m.bright_fraction > CLIPPED_WARN:
        issues.append(
            QualityIssue("overexposed", "warn", f"overexposed (mean {m.brightness:.0f}/255)")
        )
    short = min(m.width, m.height)
    if short < MIN_SIDE_FAIL:
        issues.append(QualityIssue("too_small", "fail", f"tiny ({m.width}×{m.height})"))
    elif short < MIN_SIDE_WARN:
        issues.append(QualityIssue("too_small", "warn", f"small ({m.width}×{m.height})"))
    return issues
