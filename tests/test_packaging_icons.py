"""The application icon: resources/make_icons.py renders the SVG into PNG sizes, a Windows .ico
and a macOS .icns; Qt's own ico and icns readers must read them back pixel for pixel."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[1]
APP_ICONS = ROOT / "resources" / "icons" / "app"


def load_make_icons() -> ModuleType:
    path = ROOT / "resources" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_icons = load_make_icons()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    assert make_icons.main(["--out", str(out)]) == 0
    return out


def rgba(image: QImage) -> bytes:
    return b"".join(make_icons.rgba_rows(image))


def read_all(path: Path) -> list[QImage]:
    reader = QImageReader(str(path))
    assert reader.canRead(), f"Qt cannot read {path}: {reader.errorString()}"
    images = []
    for i in range(reader.imageCount()):
        assert reader.jumpToImage(i)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        images.append(image)
    return images


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute channel difference (0..255) of two same-sized images."""
    pa, pb = rgba(a), rgba(b)
    assert len(pa) == len(pb)
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def test_png_sizes(generated: Path) -> None:
    for size in make_icons.PNG_SIZES:
        image = QImage(str(generated / "png" / f"op25b-wizard-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()


def test_icon_is_opaque_inside_and_transparent_at_its_rounded_corners(generated: Path) -> None:
    image = QImage(str(generated / "png" / "op25b-wizard-256.png"))
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(128, 20).alpha() == 255

def test_16_px_icon_keeps_its_shapes_apart(generated: Path) -> None:
    """At 16 px the blue tile, the white letter and the green shield are still distinct areas."""
    small = QImage(str(generated / "png" / "op25b-wizard-16.png"))
    counts = {"blue": 0, "white": 0, "green": 0}
    for x in range(16):
        for y in range(16):
            c = small.pixelColor(x, y)
            r, g, b = c.red(), c.green(), c.blue()
            if c.alpha() < 255:
                continue
            if min(r, g, b) > 200:
                counts["white"] += 1
            elif g > r + 40 and g > b + 40:
                counts["green"] += 1
            elif b > r + 60:
                counts["blue"] += 1
    assert counts["blue"] >= 100 and counts["white"] >= 30 and counts["green"] >= 8, counts


def test_ico_container(generated: Path) -> None:
    data = (generated / "op25b-wizard.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for n, size in enumerate(make_icons.ICO_SIZES):
        w, h, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        assert (w or 256, h or 256, planes, bits) == (size, size, 1, 32)
        entry = data[offset:offset + length]
        assert len(entry) == length
        is_png = entry.startswith(b"\x89PNG")
        assert is_png == (size > make_icons.ICO_BMP_MAX)
        if not is_png:
            header = struct.unpack_from("<IiiHH", entry)
            assert header == (40, size, 2 * size, 1, 32)
            mask_row = ((size + 31) // 32) * 4
            assert length == 40 + size * size * 4 + mask_row * size


def test_qt_reads_the_ico_back_exactly(generated: Path) -> None:
    images = read_all(generated / "op25b-wizard.ico")
    assert [i.width() for i in images] == list(make_icons.ICO_SIZES)
    for image in images:
        png = QImage(str(generated / "png" / f"op25b-wizard-{image.width()}.png"))
        assert rgba(image) == rgba(png), f"{image.width()} px entry differs from its PNG"


def test_icns_container_and_qt_reads_it_back(generated: Path) -> None:
    data = (generated / "op25b-wizard.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack_from(">I", data, pos + 4)[0]
        assert data[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert kinds == [k for k, _ in make_icons.ICNS_TYPES]
    images = read_all(generated / "op25b-wizard.icns")
    assert sorted({i.width() for i in images}) == [16, 32, 64, 128, 256, 512, 1024]


def test_committed_icons_are_up_to_date(generated: Path) -> None:
    """Edit the SVG, forget to run make_icons.py: this fails. (A tolerance, not equality, so
    that a newer Qt rasterising edges a little differently does not fail it.)"""
    for size in (16, 32, 256, 1024):
        name = f"png/op25b-wizard-{size}.png"
        committed, fresh = QImage(str(APP_ICONS / name)), QImage(str(generated / name))
        assert committed.size() == fresh.size(), name
        assert mean_difference(committed, fresh) < 1.0, f"{name}: run resources/make_icons.py"
    for name in ("op25b-wizard.ico", "op25b-wizard.icns"):
        committed, fresh = read_all(APP_ICONS / name), read_all(generated / name)
        assert [i.width() for i in committed] == [i.width() for i in fresh], name
        for a, b in zip(committed, fresh, strict=True):
            assert mean_difference(a, b) < 1.0, f"{name}: run resources/make_icons.py"


def test_a_changed_svg_is_noticed(tmp_path: Path, generated: Path) -> None:
    """The up-to-date check above can fail: a recoloured shield differs well past it."""
    svg = tmp_path / "changed.svg"
    svg.write_text((APP_ICONS / "op25b-wizard.svg").read_text("utf-8")
                   .replace("#2e7d32", "#c62828"), "utf-8")
    changed = make_icons.render(svg, 32)
    assert mean_difference(changed, QImage(str(generated / "png" / "op25b-wizard-32.png"))) > 1.0


def test_invalid_svg_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.svg"
    bad.write_text("<svg", "utf-8")
    assert make_icons.main(["--svg", str(bad), "--out", str(tmp_path / "out")]) == 1
    assert "not a valid SVG" in capsys.readouterr().err
