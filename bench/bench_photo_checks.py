"""Benchmark of the proof-photo pipeline on 12-megapixel phone JPEGs.

For each photo: ``analyse_photo`` (one decode at reduced DCT scale, EXIF, pHash and its
flip/rotation variants, quality) then ``run_checks``. The baseline does the same work with a
naive full decode (no draft) of the same bytes, measured in the same run.

    python bench/bench_photo_checks.py [--photos 20] [--repeat 3]

Target: p95 < 150 ms per photo for the pipeline.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import imagehash  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from qlue_console.photos.checks import CheckContext, run_checks  # noqa: E402
from qlue_console.photos.demo import encode, exif_bytes, scene_image  # noqa: E402
from qlue_console.photos.exif import JAKARTA  # noqa: E402
from qlue_console.photos.quality import measure  # noqa: E402
from tests.photos.helpers import read_exif  # noqa: E402

SIZE = (4000, 3000)
LAT, LON = -6.1754, 106.8272
REPORTED = datetime(2025, 3, 10, 9, 0, tzinfo=JAKARTA)


def make_photos(n: int) -> list[bytes]:
    photos = []
    # Sensor noise makes the files as heavy as a phone's (3–5 MB): entropy decoding is the part
    # the DCT draft cannot skip, so a smooth, light file would flatter the pipeline.
    grain = Image.merge("RGB", [Image.effect_noise(SIZE, 40 + 5 * i) for i in range(3)])
    for seed in range(n):
        # The scene at 1000×750, enlarged to 12 MP, with grain, as a phone writes it (q90).
        image = scene_image(seed, (1000, 750)).resize(SIZE, Image.Resampling.BICUBIC)
        image = Image.blend(image, grain, 0.25)
        exif = exif_bytes(lat=LAT, lon=LON, taken_at=REPORTED + timedelta(hours=5))
        photos.append(encode(image, "JPEG", quality=90, exif=exif))
    return photos


def pipeline(data: bytes, ctx: CheckContext) -> None:
    run_checks(data, ctx)


def naive(data: bytes, ctx: CheckContext) -> None:
    """Full decode without draft, then the same measures."""
    read_exif(data)
    image = ImageOps.exif_transpose(Image.open(io.BytesIO(data))).convert("RGB")
    imagehash.phash(image)
    measure(image)


def timed(fn, photos: list[bytes], ctx: CheckContext, repeat: int) -> list[float]:
    fn(photos[0], ctx)  # warm-up
    times = []
    for _ in range(repeat):
        for data in photos:
            start = time.perf_counter()
            fn(data, ctx)
            times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    photos = make_photos(args.photos)
    ctx = CheckContext(
        report_lat=LAT,
        report_lon=LON,
        report_created_at=REPORTED,
        submitted_at=REPORTED + timedelta(hours=6),
        report_phash=0,
    )
    mean_size = statistics.mean(len(p) for p in photos) / 1e6
    print(
        f"{len(photos)} photos {SIZE[0]}×{SIZE[1]} JPEG, mean {mean_size:.1f} MB, "
        f"{args.repeat} rounds"
    )
    fast = timed(pipeline, photos, ctx, args.repeat)
    slow = timed(naive, photos, ctx, args.repeat)
    for name, values in (("pipeline (draft)", fast), ("naive full decode", slow)):
        print(
            f"{name:20s} p50 {percentile(values, 50):7.1f} ms   p95 {percentile(values, 95):7.1f} "
            "ms"
        )
    ratio = percentile(slow, 50) / percentile(fast, 50)
    print(f"naive / pipeline p50 ratio: {ratio:.1f}×")
    target = percentile(fast, 95) < 150
    print(f"target p95 < 150 ms: {'met' if target else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
