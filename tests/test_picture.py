"""Decoding what a student uploads: every kind of file the issue names, each
with its expected outcome (lessons/picture.py). All files are made here, in
memory."""

from __future__ import annotations

import io
import struct
import tomllib
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from lessons import picture
from lessons.picture import MAX_BYTES, MAX_MB, MAX_PIXELS, MAX_SIDE, PictureError, decode

ROOT = Path(__file__).resolve().parents[1]


def encode(img: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def quadrants(w=64, h=48) -> Image.Image:
    """Red top-left, green top-right, blue bottom-left, white bottom-right."""
    a = np.zeros((h, w, 3), np.uint8)
    a[: h // 2, : w // 2] = (255, 0, 0)
    a[: h // 2, w // 2:] = (0, 255, 0)
    a[h // 2:, : w // 2] = (0, 0, 255)
    a[h // 2:, w // 2:] = (255, 255, 255)
    return Image.fromarray(a, "RGB")


def bomb_png(side: int) -> bytes:
    """A valid PNG header saying ``side`` x ``side`` pixels, with a tiny
    compressed body: a few hundred bytes that would decode to side² pixels."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit grayscale
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    body = zlib.compressobj(9)
    data = b"".join(body.compress(row) for _ in range(64)) + body.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.mark.parametrize("fmt, kw", [("PNG", {}), ("JPEG", {"quality": 95}), ("WEBP", {"lossless": True})])
def test_valid_pictures_decode_to_rgb(fmt, kw):
    pic = decode(encode(quadrants(), fmt, **kw))
    assert pic.format == fmt and pic.pixels.shape == (48, 64, 3) and pic.pixels.dtype == np.uint8
    assert not pic.scaled and not pic.rotated
    tol = 0 if fmt != "JPEG" else 12
    assert np.abs(pic.pixels[5, 5].astype(int) - (255, 0, 0)).max() <= tol
    assert np.abs(pic.pixels[40, 60].astype(int) - (255, 255, 255)).max() <= tol
    assert not pic.pixels.flags.writeable


def test_gif_gives_its_first_frame():
    frames = [Image.new("P", (32, 32), i) for i in (1, 2)]
    for f, c in zip(frames, ((255, 0, 0), (0, 0, 255))):
        f.putpalette(list(c) * 256)
    data = encode(frames[0], "GIF", save_all=True, append_images=frames[1:])
    pic = decode(data)
    assert pic.format == "GIF" and "animated" in pic.notes
    assert tuple(pic.pixels[0, 0]) == (255, 0, 0)


def test_format_comes_from_the_content_not_the_name():
    # a PNG whatever it is called, and text called .png: the name is never read
    assert decode(encode(quadrants(), "PNG")).format == "PNG"
    with pytest.raises(PictureError) as err:
        decode(b"this is a text file, saved as picture.png\n" * 10)
    assert err.value.key == "pic.err_format"


def test_other_picture_formats_are_refused():
    with pytest.raises(PictureError) as err:
        decode(encode(quadrants(), "BMP"))
    assert err.value.key == "pic.err_format"


def test_truncated_png_is_refused():
    data = encode(Image.fromarray(np.random.default_rng(0).integers(0, 255, (64, 64, 3), np.uint8)), "PNG")
    with pytest.raises(PictureError) as err:
        decode(data[: len(data) // 2])
    assert err.value.key == "pic.err_corrupt"


def test_corrupt_jpeg_body_is_refused():
    data = bytearray(encode(quadrants(), "JPEG"))
    with pytest.raises(PictureError) as err:
        decode(bytes(data[:300]))
    assert err.value.key == "pic.err_corrupt"


def test_decompression_bomb_is_refused_before_decoding(monkeypatch):
    data = bomb_png(20_000)  # 400 megapixels in well under a kilobyte
    assert len(data) < 2000
    loads = []
    monkeypatch.setattr(Image.Image, "load", lambda self: loads.append(self) or None)
    with pytest.raises(PictureError) as err:
        decode(data)
    assert err.value.key == "pic.err_bomb" and err.value.fields["limit"] == MAX_PIXELS // 1_000_000
    assert loads == []  # refused from the header alone


def test_pillow_bomb_warning_is_an_error_too(monkeypatch):
    # even with our own size check out of the way, Pillow's warning stops it
    monkeypatch.setattr(picture, "MAX_PIXELS", 10**12)
    with pytest.raises(PictureError) as err:
        decode(bomb_png(8_000))  # 64 MP: above Pillow's limit (set to ours), below twice it
    assert err.value.key == "pic.err_bomb"


def test_cmyk_jpeg_becomes_rgb():
    cmyk = quadrants().convert("CMYK")
    pic = decode(encode(cmyk, "JPEG", quality=95))
    assert "cmyk" in pic.notes and pic.pixels.shape == (48, 64, 3)
    assert np.abs(pic.pixels[5, 5].astype(int) - (255, 0, 0)).max() <= 16
    assert np.abs(pic.pixels[40, 60].astype(int) - (255, 255, 255)).max() <= 16


def test_exif_rotated_photo_is_turned_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: turn 90° clockwise to view
    data = encode(quadrants(64, 48), "JPEG", quality=95, exif=exif.tobytes())
    pic = decode(data)
    assert pic.rotated and pic.pixels.shape == (64, 48, 3) and pic.original_size == (64, 48)
    # the red top-left quadrant is now at the top right
    assert np.abs(pic.pixels[5, 42].astype(int) - (255, 0, 0)).max() <= 16
    assert np.abs(pic.pixels[5, 5].astype(int) - (0, 0, 255)).max() <= 16


def test_palette_picture_becomes_rgb():
    img = quadrants().convert("P", palette=Image.Palette.ADAPTIVE, colors=4)
    pic = decode(encode(img, "PNG"))
    assert "palette" in pic.notes and tuple(pic.pixels[40, 5]) == (0, 0, 255)


def test_alpha_is_shown_on_white():
    a = np.zeros((16, 16, 4), np.uint8)
    a[..., 0] = 255
    a[:, 8:, 3] = 255  # left half transparent, right half opaque red
    pic = decode(encode(Image.fromarray(a, "RGBA"), "PNG"))
    assert "alpha" in pic.notes
    assert tuple(pic.pixels[0, 0]) == (255, 255, 255) and tuple(pic.pixels[0, 15]) == (255, 0, 0)


def test_sixteen_bit_png_is_scaled_to_eight_bits():
    a = np.linspace(0, 65535, 32 * 32).reshape(32, 32).astype(np.uint16)
    data = encode(Image.fromarray(a), "PNG")
    assert Image.open(io.BytesIO(data)).mode.startswith("I")
    pic = decode(data)
    assert "16bit" in pic.notes and pic.pixels[0, 0, 0] == 0 and pic.pixels[-1, -1, 0] == 255
    assert np.all(np.diff(pic.pixels[..., 0].ravel().astype(int)) >= 0)  # still a ramp


def test_large_picture_is_scaled_down_and_says_so():
    pic = decode(encode(Image.new("RGB", (2400, 1200), (10, 20, 30)), "JPEG"))
    assert pic.scaled and max(pic.size) == MAX_SIDE and pic.size == (MAX_SIDE, MAX_SIDE // 2)
    assert pic.original_size == (2400, 1200)


def test_full_hd_camera_photo_fits_the_limits():
    rng = np.random.default_rng(1)
    noisy = Image.fromarray(rng.integers(0, 255, (1080, 1920, 3), np.uint8))
    data = encode(noisy, "JPEG", quality=92)  # noise: a worst case for JPEG's size
    assert len(data) < MAX_BYTES
    assert decode(data).scaled


def test_too_many_bytes_empty_and_tiny_are_refused():
    with pytest.raises(PictureError) as err:
        decode(b"\x00" * (MAX_BYTES + 1))
    assert err.value.key == "pic.err_bytes"
    with pytest.raises(PictureError) as err:
        decode(b"")
    assert err.value.key == "pic.err_empty"
    with pytest.raises(PictureError) as err:
        decode(encode(Image.new("RGB", (4, 40)), "PNG"))
    assert err.value.key == "pic.err_small"


def test_server_upload_limit_agrees_with_the_widget():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert cfg["server"]["maxUploadSize"] == MAX_MB


def test_nothing_is_written_to_disk(monkeypatch):
    import builtins
    import os
    import tempfile

    real_open = builtins.open

    def no_writes(file, mode="r", *args, **kw):
        if any(c in mode for c in "wax+"):
            raise AssertionError(f"decode wrote to {file}")
        return real_open(file, mode, *args, **kw)

    monkeypatch.setattr(builtins, "open", no_writes)
    monkeypatch.setattr(os, "open", lambda *a, **k: (_ for _ in ()).throw(AssertionError("os.open")))
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: (_ for _ in ()).throw(AssertionError("mkstemp")))
    for data in (encode(quadrants(), "PNG"), encode(quadrants(), "JPEG"), encode(quadrants(), "WEBP")):
        assert decode(data).pixels.shape == (48, 64, 3)
