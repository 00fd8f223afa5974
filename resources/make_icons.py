"""Render the application icon from its SVG source into every size and container the bundles use.

    .venv/bin/python resources/make_icons.py [--out DIR]

Writes into ``resources/icons/app/`` (or DIR): ``png/op25b-wizard-<N>.png`` for the Linux icon
theme sizes, ``op25b-wizard.ico`` for Windows (BMP entries up to 48 px, as old shells want,
PNG for 256 px) and ``op25b-wizard.icns`` for macOS (PNG entries). Qt's QSvgRenderer draws
the SVG; the .ico and .icns containers are written here, byte by byte. Run it again after
editing ``op25b-wizard.svg`` and commit the results.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ICON_DIR = Path(__file__).resolve().parent / "icons" / "app"
SVG_NAME = "op25b-wizard.svg"
BASENAME = "op25b-wizard"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_BMP_MAX = 48
"""Entries up to this size are 32-bit BMPs (every Windows shell reads them); larger ones PNG."""

ICNS_TYPES: tuple[tuple[bytes, int], ...] = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
    (b"ic14", 512),
)
"""PNG-carrying icns entry types and their pixel size (ic10..ic14 are the @2x variants)."""


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent *size* x *size* image (non-premultiplied RGBA)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_RGBA8888)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def rgba_rows(image: QImage) -> list[bytes]:
    """The image's rows, top first, 4 bytes (R, G, B, A) a pixel."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, stride = rgba.width() * 4, rgba.bytesPerLine()
    raw = bytes(rgba.constBits())
    return [raw[y * stride:y * stride + width] for y in range(rgba.height())]


def ico_bmp_entry(image: QImage) -> bytes:
    """A 32-bit BMP icon entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask."""
    w, h = image.width(), image.height()
    rows = rgba_rows(image)
    pixels = bytearray()
    mask = bytearray()
    mask_stride = ((w + 31) // 32) * 4
    for row in reversed(rows):
        line = bytearray(row)
        line[0::4], line[2::4] = row[2::4], row[0::4]  # RGBA -> BGRA
        pixels += line
        bits = bytearray(mask_stride)
        for x in range(w):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, len(pixels) + len(mask),
                         0, 0, 0, 0)
    return header + bytes(pixels) + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows .ico holding *images* (size -> image), smallest first."""
    sizes = sorted(images)
    entries = [ico_bmp_entry(images[s]) if s <= ICO_BMP_MAX else png_bytes(images[s])
               for s in sizes]
    offset = 6 + 16 * len(sizes)
    out = bytearray(struct.pack("<HHH", 0, 1, len(sizes)))
    for size, data in zip(sizes, entries, strict=True):
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for data in entries:
        out += data
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG entries; *pngs* maps a pixel size to its PNG."""
    body = bytearray()
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + bytes(body)


def build(svg: Path, out: Path) -> list[Path]:
    """Write every icon file into *out*; returns the paths written."""
    images = {size: render(svg, size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    pngs = {size: png_bytes(image) for size, image in images.items()}
    written: list[Path] = []
    (out / "png").mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        written.append(_write(out / "png" / f"{BASENAME}-{size}.png", pngs[size]))
    written.append(_write(out / f"{BASENAME}.ico",
                          ico_bytes({s: images[s] for s in ICO_SIZES})))
    written.append(_write(out / f"{BASENAME}.icns", icns_bytes(pngs)))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=APP_ICON_DIR / SVG_NAME)
    parser.add_argument("--out", type=Path, default=APP_ICON_DIR)
    args = parser.parse_args(argv)
    try:
        for path in build(args.svg, args.out):
            print(path)
    except (OSError, ValueError) as e:
        print(f"make_icons: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
