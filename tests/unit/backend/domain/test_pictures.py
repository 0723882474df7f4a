"""Picture checks by content, and what survives the cleaning."""

from __future__ import annotations

import io

import pytest
from PIL import Image, PngImagePlugin

from backend.domain.pictures import MAX_BYTES, PictureRefused, clean


def encode(image: Image.Image, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **kw)
    return out.getvalue()


def test_jpeg_loses_exif_and_is_turned_upright() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    raw = encode(Image.new("RGB", (80, 40), (0, 128, 0)), "JPEG", exif=exif.tobytes())
    picture = clean(raw)
    assert picture.mime == "image/jpeg"
    assert (picture.width, picture.height) == (40, 80)
    assert b"PhoneMaker" not in picture.data and b"Exif" not in picture.data
    assert Image.open(io.BytesIO(picture.thumb)).format == "JPEG"


def test_png_loses_text_chunks_keeps_transparency() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Maija Meikäläinen")
    raw = encode(Image.new("RGBA", (30, 30), (0, 0, 0, 0)), "PNG", pnginfo=info)
    picture = clean(raw)
    assert picture.mime == "image/png"
    assert b"Maija" not in picture.data
    assert Image.open(io.BytesIO(picture.data)).mode == "RGBA"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "not_a_picture"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 500, "not_a_picture"),
        (b"\xff\xd8\xff\xe0" + b"garbage" * 100, "not_a_picture"),
        (encode(Image.new("RGB", (8, 8)), "GIF"), "not_a_picture"),
        (encode(Image.new("RGB", (8, 8)), "BMP"), "not_a_picture"),
        (encode(Image.new("1", (6001, 2)), "PNG"), "too_large"),
        (b"\x00" * (MAX_BYTES + 1), "too_large"),
    ],
)
def test_refused_by_content(raw: bytes, code: str) -> None:
    with pytest.raises(PictureRefused) as refused:
        clean(raw)
    assert refused.value.code == code


def test_truncated_png_is_refused() -> None:
    raw = encode(Image.new("RGB", (200, 200), (9, 9, 9)), "PNG")
    with pytest.raises(PictureRefused):
        clean(raw[: len(raw) // 2])


def test_no_comment_no_colour_profile_no_text_survives() -> None:
    """Only pixels, upright: a JPEG's COM comment (HTML in it) and a PNG's iCCP profile
    and text chunks are gone from the stored copy and the thumbnail alike."""
    from PIL import ImageCms, PngImagePlugin

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    jpeg = encode(Image.new("RGB", (50, 40), "red"), "JPEG", comment=b"<script>x</script>")
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Maija Meikäläinen")
    info.add_itxt("Comment", "<b>kotiosoite</b>")
    png = encode(Image.new("RGBA", (50, 40), "blue"), "PNG", pnginfo=info, icc_profile=profile)
    for raw in (jpeg, png):
        picture = clean(raw)
        for data in (picture.data, picture.thumb):
            reopened = Image.open(io.BytesIO(data))
            assert not {"comment", "icc_profile", "exif", "Author", "Comment"} & set(reopened.info)
            assert b"<script>" not in data and b"kotiosoite" not in data
            assert b"iCCP" not in data and b"tEXt" not in data and b"iTXt" not in data
