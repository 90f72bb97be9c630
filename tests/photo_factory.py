"""Small photos made on the spot for tests (the tests never read ../shared)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def jpeg(seed: int = 1, size: tuple[int, int] = (320, 240)) -> bytes:
    image = Image.new("RGB", size, ((seed * 40) % 256, (seed * 90) % 256, (seed * 150) % 256))
    draw = ImageDraw.Draw(image)
    for i in range(6):
        x = (seed * 37 + i * 53) % size[0]
        y = (seed * 17 + i * 71) % size[1]
        draw.rectangle(
            [x, y, x + 60, y + 40], fill=((i * 60) % 256, (seed * 30 + i * 20) % 256, 120)
        )
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=85)
    return buf.getvalue()
