"""Checking and cleaning a client's picture. Pure: bytes in, bytes out.

The type is decided by the content (Pillow decodes it), never by a name or a header the
browser sends. The picture is decoded in full, so a PNG signature in front of garbage is
refused, and written anew: EXIF (location, device), comments and colour profiles do not
survive. The orientation EXIF asked for is applied first, so the picture still stands up.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_SIDE = 6000
MAX_PIXELS = 24_000_000
THUMB_SIDE = 240
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


class PictureRefused(Exception):
    """Why a picture was refused: ``code`` is shown translated on the client's page."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class CleanPicture:
    mime: str
    width: int
    height: int
    data: bytes
    thumb: bytes  # JPEG


def _pixels_only(image: Image.Image) -> Image.Image:
    """Pillow copies ``info`` (a JPEG's COM comment, a PNG's ICC profile and text chunks,
    EXIF) along with the pixels and writes it back out on save: drop all of it."""
    image.info = {}
    return image


def clean(raw: bytes) -> CleanPicture:
    if len(raw) > MAX_BYTES:
        raise PictureRefused("too_large", f"{len(raw)} bytes; at most {MAX_BYTES}")
    if not raw:
        raise PictureRefused("not_a_picture", "empty")
    with warnings.catch_warnings():
        # Pillow warns (and past twice the limit refuses) on decompression bombs.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=list(FORMATS))
            fmt = image.format or ""
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                raise PictureRefused("too_large", f"{width}x{height}; at most {MAX_SIDE} px a side")
            image.load()
        except PictureRefused:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombWarning,
            Image.DecompressionBombError,
        ) as exc:
            raise PictureRefused("not_a_picture", type(exc).__name__) from exc
    if fmt not in FORMATS:
        raise PictureRefused("not_a_picture", "only JPEG and PNG")
    upright: Image.Image = ImageOps.exif_transpose(image)
    out = io.BytesIO()
    if fmt == "JPEG":
        _pixels_only(upright.convert("RGB")).save(out, "JPEG", quality=88)
    else:
        mode = upright.mode if upright.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
        _pixels_only(upright.convert(mode)).save(out, "PNG", optimize=False)
    thumb = _pixels_only(upright.convert("RGB"))
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "JPEG", quality=80)
    return CleanPicture(
        FORMATS[fmt], upright.width, upright.height, out.getvalue(), thumb_out.getvalue()
    )
