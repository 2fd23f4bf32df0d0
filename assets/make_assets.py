"""Make every file in assets/: how each picture was made, in one script.

    python -m pip download --no-deps scikit-image==0.26.0 -d /tmp/skimage-wheel
    python assets/make_assets.py --wheel /tmp/skimage-wheel/scikit_image-0.26.0-*.whl

The photos come from the sample images inside scikit-image's wheel (read
straight from the wheel's zip: scikit-image is neither installed nor a runtime
dependency); only pictures whose licence is public domain or CC0 are taken
(see LICENSES.md). The drawn pictures (a face, stripes, text) and the favicon
are drawn here with Pillow and NumPy; the text picture needs a CJK font
(Debian: fonts-noto-cjk). Without ``--wheel`` only the drawn files are made.
Re-running the script rewrites the same files.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
MAX_SIDE = 512  # every photo is scaled so that its longer side is at most this

# name in assets/ -> file inside the wheel (licences in LICENSES.md)
PHOTOS = {
    "astronaut.jpg": "skimage/data/astronaut.png",  # NASA, public domain
    "cat.jpg": "skimage/data/chelsea.png",  # CC0, Stefan van der Walt
    "coffee.jpg": "skimage/data/coffee.png",  # CC0, Rachel Michetti
    "rocket.jpg": "skimage/data/rocket.jpg",  # SpaceX, public domain
    "camera.png": "skimage/data/camera.png",  # CC0, Lav Varshney (grayscale)
}

FACE_SIZE = 512
# (top, left, bottom, right) of each eye's dark iris in face.png; lessons/pictures.py holds the same boxes
FACE_EYES = ((196, 150, 244, 214), (196, 298, 244, 362))
CJK_FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def photo(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img = img.convert("L" if img.mode in ("L", "I", "I;16", "1") else "RGB")
    img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return img


def face() -> Image.Image:
    """A cartoon face: a skin-coloured oval on a grey ground, two large dark
    eyes with a white catchlight, thin dark brows and a mouth. The eyes are
    48 px tall, so they are still a few pixels after four 2x2 poolings; the
    1-2 px brows and the catchlights are the details pooling loses."""
    img = Image.new("RGB", (FACE_SIZE, FACE_SIZE), (118, 124, 132))
    d = ImageDraw.Draw(img)
    d.ellipse((86, 56, 426, 476), fill=(236, 196, 160))
    for top, left, bottom, right in FACE_EYES:
        d.ellipse((left - 18, top - 14, right + 18, bottom + 14), fill=(250, 250, 250))  # the white
        d.ellipse((left, top, right - 1, bottom - 1), fill=(40, 32, 30))  # the iris
        d.ellipse((left + 12, top + 8, left + 20, top + 16), fill=(255, 255, 255))  # a catchlight
        d.line((left - 16, top - 34, right + 16, top - 40), fill=(70, 50, 40), width=2)  # a brow
    d.line((256, 250, 240, 330), fill=(200, 150, 120), width=3)  # the nose
    d.line((240, 330, 262, 334), fill=(200, 150, 120), width=3)
    d.arc((186, 330, 326, 410), 20, 160, fill=(150, 60, 60), width=2)  # the mouth
    return img


def stripes() -> Image.Image:
    """Bright lines 1, 2 and 4 px wide on black, a few single bright specks,
    and a smooth ramp: what max pooling keeps and average pooling blurs."""
    a = np.zeros((512, 512), np.uint8)
    for i, width in enumerate((1, 2, 4)):
        x0 = 24 + i * 160
        for x in range(x0, x0 + 128, 16):
            a[24:240, x:x + width] = 255
    for j, width in enumerate((1, 2, 4)):
        y0 = 272 + j * 48
        for y in range(y0, y0 + 40, 12):
            a[y:y + width, 24:248] = 255
    rng = np.random.default_rng(7)
    ys, xs = rng.integers(272, 488, 40), rng.integers(280, 488, 40)
    a[ys, xs] = 255  # single-pixel stars
    a[448:496, 24:248] = np.linspace(0, 255, 224, dtype=np.uint8)[None, :]
    return Image.fromarray(a, "L")


def text_picture() -> Image.Image:
    """Dark text on white at several sizes, in English and Chinese."""
    img = Image.new("L", (512, 512), 255)
    d = ImageDraw.Draw(img)
    font_file = next((f for f in CJK_FONTS if Path(f).exists()), None)
    if font_file is None:
        raise SystemExit("the text picture needs a CJK font: apt-get install fonts-noto-cjk")
    y = 20
    for size, line in ((96, "池化 Pool"), (56, "Max keeps bright"), (40, "平均会模糊细节"), (28, "Small text fades"),
                       (20, "tiny letters vanish first"), (14, "the smallest line is the first to go")):
        font = ImageFont.truetype(font_file, size)
        d.text((24, y), line, fill=0, font=font)
        y += int(size * 1.45)
    return img


def favicon() -> Image.Image:
    """The app's icon: a 4x4 grid with the tutorial's four window colours."""
    colours = ((0xCC, 0x79, 0xA7), (0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xF0, 0xE4, 0x42))
    img = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    for i, c in enumerate(colours):
        r, q = divmod(i, 2)
        d.rounded_rectangle((2 + q * 31, 2 + r * 31, 30 + q * 31, 30 + r * 31), 4, fill=c + (255,))
    for k in (16, 47):
        d.line((2, k, 61, k), fill=(255, 255, 255, 255), width=2)
        d.line((k, 2, k, 61), fill=(255, 255, 255, 255), width=2)
    return img


def save(img: Image.Image, name: str) -> None:
    path = HERE / name
    if name.endswith(".jpg"):
        img.save(path, quality=88, optimize=True)
    else:
        img.save(path, optimize=True)
    print(f"{name:<16} {img.width}x{img.height} {img.mode:<4} {path.stat().st_size // 1024} KiB")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a scikit-image wheel (pip download --no-deps scikit-image)")
    args = parser.parse_args(argv)
    for name, make in (("face.png", face), ("stripes.png", stripes), ("text.png", text_picture),
                       ("favicon.png", favicon)):
        save(make(), name)
    if args.wheel:
        with zipfile.ZipFile(args.wheel) as wheel:
            for name, member in PHOTOS.items():
                save(photo(wheel.read(member)), name)


if __name__ == "__main__":
    main()
