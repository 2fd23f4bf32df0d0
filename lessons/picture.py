"""Reading a picture a student sends (an upload or a camera shot), safely.

:func:`decode` turns the bytes of a file into an RGB ``uint8`` array, or
raises :class:`PictureError` carrying a translation key that says what is
wrong and what to do. Nothing is written to disk: the bytes are read from
memory and only the decoded array is returned.

- The format is read from the content, never from the file name: PNG, JPEG,
  WebP and GIF (its first frame) are accepted, anything else is refused.
- Files larger than :data:`MAX_BYTES` are refused (the server's
  ``server.maxUploadSize`` and the upload widget use the same limit).
- Decompression bombs are refused before the pixels are decoded: the size
  in the header is checked against :data:`MAX_PIXELS` before ``load()``,
  and Pillow's own ``DecompressionBombWarning`` is turned into an error.
- Truncated and corrupt files are refused.
- EXIF orientation is applied; palette, alpha (on white), 16-bit, grayscale
  and CMYK pictures become RGB; pictures larger than :data:`MAX_SIDE` on
  their longer side are scaled down, and the result says so.

>>> import io
>>> from PIL import Image
>>> buf = io.BytesIO(); Image.new("RGB", (40, 30), (200, 10, 10)).save(buf, "PNG")
>>> pic = decode(buf.getvalue())
>>> pic.pixels.shape, pic.format, pic.scaled
((30, 40, 3), 'PNG', False)
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .i18n import Items

__all__ = ["FORMATS", "MAX_BYTES", "MAX_MB", "MAX_PIXELS", "MAX_SIDE", "MIN_SIDE", "Picture", "PictureError",
           "decode"]

FORMATS = ("PNG", "JPEG", "WEBP", "GIF")
MAX_MB = 10  # .streamlit/config.toml's server.maxUploadSize agrees (a test checks)
MAX_BYTES = MAX_MB * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel phone photo still opens; a bomb does not
MAX_SIDE = 1024  # larger pictures are scaled down to this on their longer side
MIN_SIDE = 8  # smaller pictures leave nothing to pool
_BACKGROUND = (255, 255, 255)  # transparent pixels are shown on white

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; its limit
# is set to ours so that the warning (made an error below) fires at our size.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class PictureError(ValueError):
    """A picture that cannot be used; ``key`` and ``fields`` are the translated message."""

    def __init__(self, key: str, **fields):
        super().__init__(key)
        self.key, self.fields = key, fields


@dataclass(frozen=True, eq=False)
class Picture:
    """A decoded picture: ``pixels`` is ``(H, W, 3)`` uint8, read-only."""

    pixels: np.ndarray
    format: str
    original_size: tuple[int, int]  # (width, height) as stored, before rotation and scaling
    scaled: bool = False  # scaled down to MAX_SIDE
    rotated: bool = False  # turned upright from its EXIF orientation
    notes: tuple[str, ...] = ()  # what was converted: "palette", "alpha", "16bit", "cmyk", "gray", "animated"

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) as shown."""
        return self.pixels.shape[1], self.pixels.shape[0]


def _to_rgb(img: Image.Image) -> tuple[Image.Image, list[str]]:
    """Any mode to RGB, with the conversions named."""
    notes = []
    if img.mode in ("P", "PA"):
        notes.append("palette")
        img = img.convert("RGBA")
    if img.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        notes.append("16bit")
        a = np.asarray(img, dtype=np.float64)
        hi = 65535.0 if img.mode.startswith("I;16") or a.max(initial=0) > 255 else 255.0
        img = Image.fromarray(np.clip(np.rint(a * (255.0 / hi)), 0, 255).astype(np.uint8), "L")
    if img.mode == "CMYK":
        notes.append("cmyk")
        img = img.convert("RGB")
    if img.mode in ("RGBA", "LA", "La", "RGBa") or "transparency" in img.info:
        notes.append("alpha")
        rgba = img.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, _BACKGROUND + (255,))
        img = Image.alpha_composite(ground, rgba)
    if img.mode in ("L", "1"):
        notes.append("gray")
    if img.mode != "RGB":
        img = img.convert("RGB")
    return img, notes


def decode(data: bytes) -> Picture:
    """The picture in ``data`` (the file's bytes), ready to pool; see the module's doc."""
    if len(data) > MAX_BYTES:
        raise PictureError("pic.err_bytes", mb=round(len(data) / 2**20, 1), limit=MAX_MB)
    if not data:
        raise PictureError("pic.err_empty")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data), formats=FORMATS)  # reads the header only
        except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            if isinstance(exc, UnidentifiedImageError):
                raise PictureError("pic.err_format", formats=Items(("PNG", "JPEG", "WebP", "GIF"))) from None
            raise PictureError("pic.err_bomb", limit=MAX_PIXELS // 1_000_000) from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise PictureError("pic.err_corrupt", detail=type(exc).__name__) from None
        fmt = img.format
        width, height = img.size
        if width * height > MAX_PIXELS:  # checked before a single pixel is decoded
            raise PictureError("pic.err_bomb", limit=MAX_PIXELS // 1_000_000)
        if min(width, height) < MIN_SIDE:
            raise PictureError("pic.err_small", w=width, h=height, min=MIN_SIDE)
        animated = getattr(img, "n_frames", 1) > 1
        try:
            if fmt == "JPEG":  # decode big JPEGs at a reduced scale straight away
                img.draft(img.mode, (MAX_SIDE, MAX_SIDE))
            img.load()
            rotated = _orientation(img) not in (None, 1)
            upright = ImageOps.exif_transpose(img)
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, Image.DecompressionBombWarning,
                Image.DecompressionBombError) as exc:
            raise PictureError("pic.err_corrupt", detail=type(exc).__name__) from None
        rgb, notes = _to_rgb(upright)
        scaled = max(rgb.size) > MAX_SIDE
        if scaled:
            rgb.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    if min(rgb.size) < MIN_SIDE:  # a long thin strip scaled down
        raise PictureError("pic.err_small", w=rgb.size[0], h=rgb.size[1], min=MIN_SIDE)
    pixels = np.array(rgb, dtype=np.uint8)
    pixels.flags.writeable = False
    if animated:
        notes.append("animated")
    return Picture(pixels, fmt, (width, height), scaled=scaled or max(width, height) > MAX_SIDE, rotated=rotated,
                   notes=tuple(notes))


def _orientation(img: Image.Image):
    try:
        return img.getexif().get(0x0112)
    except Exception:  # noqa: BLE001  (a broken EXIF block is no orientation)
        return None
