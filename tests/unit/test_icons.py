"""The app icon files: exactly what tools/make_icons.py makes from the SVG, and readable.

The .ico and .icns files are read twice: by the small parsers here (the
container layout) and by Qt's own image plugins (what a real reader sees).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "packaging" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TILE = 0xFF13717B  # the tray icon's tile colour (lbp_desktop/views/tray_icons.py)
WHITE = 0xFFFFFFFF


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "tools/make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_icons", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6), "8-bit RGBA"
    return width, height


def _colours(image: QImage) -> dict[int, int]:
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    return counts


def test_committed_icons_are_what_the_svg_makes(tool: ModuleType, capsys) -> None:
    assert tool.main(["--check"]) == 0, capsys.readouterr().out
    assert "up to date" in capsys.readouterr().out


def test_the_check_notices_a_changed_or_missing_file(tool: ModuleType, tmp_path: Path) -> None:
    copy = tmp_path / "icons"
    shutil.copytree(ICONS, copy)
    small = copy / tool.hicolor_path(16)
    small.write_bytes((copy / tool.hicolor_path(22)).read_bytes())  # the wrong picture
    (copy / "lbp-desktop.icns").unlink()
    problems = tool.stale(copy)
    assert problems == [
        f"{tool.hicolor_path(16)}: differs from the SVG",
        "lbp-desktop.icns: missing",
    ]
    assert tool.main(["--check", str(copy)]) == 1


def test_rendering_is_deterministic(tool: ModuleType) -> None:
    svg = tool.SVG_PATH.read_text(encoding="utf-8")
    first = tool.build(svg)
    assert first == tool.build(svg)
    assert set(first) == {
        *(tool.hicolor_path(size) for size in tool.HICOLOR_SIZES),
        Path("lbp-desktop.ico"),
        Path("lbp-desktop.icns"),
    }


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_every_hicolor_png_has_its_size_and_the_mark(tool: ModuleType, size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "lbp-desktop.png"
    data = path.read_bytes()
    assert _png_size(data) == (size, size)
    image = QImage.fromData(data, "PNG").convertToFormat(QImage.Format.Format_ARGB32)
    counts = _colours(image)
    # Transparent corners (a rounded tile), and the tray's teal and white as the
    # two main colours: the app icon and the tray icon read as one product.
    assert image.pixel(0, 0) >> 24 == 0 and image.pixel(size - 1, size - 1) >> 24 == 0
    most = sorted(counts, key=counts.__getitem__, reverse=True)
    assert most[0] == TILE
    assert WHITE in most[:3]
    assert counts[TILE] > 0.35 * size * size
    assert counts[WHITE] > 0.08 * size * size


def test_small_sizes_have_their_edges_on_whole_pixels(tool: ModuleType) -> None:
    svg = tool.SVG_PATH.read_text(encoding="utf-8")
    for size in (16, 20, 22, 24, 32, 40, 48, 64):
        root = ET.fromstring(tool.svg_for_size(svg, size))
        rects = [
            r for r in root.iter(f"{{{tool.SVG_NS}}}rect") if "large-detail" not in r.get("id", "")
        ]
        assert len(rects) >= 4, size
        px = 64 / size
        for rect in rects:
            for key in ("x", "y", "width", "height"):
                value = float(rect.get(key, "0")) / px
                assert abs(value - round(value)) < 1e-3, (size, key, rect.attrib)
                assert key in ("x", "y") or value >= 1  # never thinner than a pixel


def test_each_size_keeps_only_its_groups(tool: ModuleType) -> None:
    svg = tool.SVG_PATH.read_text(encoding="utf-8")

    def ids(size: int) -> set[str]:
        root = ET.fromstring(tool.svg_for_size(svg, size))
        return {e.get("id", "") for e in root.iter()} - {""}

    assert ids(16) == {"tile", "figure-small"}
    assert ids(48) == {"tile", "figure"}
    assert ids(512) == {
        "tile",
        "figure",
        "large-detail-shadow",
        "large-detail-discs",
        "large-detail-vertebrae",
    }
    # Shown at 16 px, the small figure has no display="none" left on it.
    assert "display" not in tool.svg_for_size(svg, 16).decode()


def test_the_svg_is_plain_shapes() -> None:
    text = (ICONS / "lbp-desktop.svg").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert tags <= {"svg", "g", "rect", "circle", "path"}, tags
    assert not re.search(r"<(filter|text|image|script|linearGradient|radialGradient)\b", text)


def _read_ico(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries, end = [], 6 + 16 * count
    for index in range(count):
        w, h, colours, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (w, colours, planes, bits) == (h, 0, 1, 32)
        assert offset == end, "entries packed in order, no gaps"
        end = offset + length
        entries.append((w or 256, data[offset : offset + length]))
    assert end == len(data)
    return entries


def test_ico_holds_every_windows_size(tool: ModuleType) -> None:
    data = (ICONS / "lbp-desktop.ico").read_bytes()
    entries = _read_ico(data)
    assert [size for size, _ in entries] == [16, 20, 24, 32, 40, 48, 64, 256]
    for size, entry in entries:
        if size == 256:
            assert _png_size(entry) == (256, 256)
        else:
            header, width, height, _, bits = struct.unpack_from("<IiiHH", entry, 0)
            assert (header, width, height, bits) == (40, size, 2 * size, 32)
            mask_row = ((size + 31) // 32) * 4
            assert len(entry) == 40 + size * size * 4 + size * mask_row


def test_qt_reads_the_ico_as_the_same_pictures_as_the_pngs() -> None:
    reader = QImageReader(str(ICONS / "lbp-desktop.ico"))
    assert reader.imageCount() == 8
    seen = {}
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        seen[image.width()] = image.convertToFormat(QImage.Format.Format_ARGB32)
    for size in (16, 24, 32, 48, 64, 256):
        png = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "lbp-desktop.png"))
        # Same pixels: the bitmaps' colour order, row order and alpha are right.
        assert seen[size] == png.convertToFormat(QImage.Format.Format_ARGB32), size


def test_icns_holds_png_entries_from_16_to_1024(tool: ModuleType) -> None:
    data = (ICONS / "lbp-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {
        "icp4": 16,
        "icp5": 32,
        "ic11": 32,
        "ic12": 64,
        "ic07": 128,
        "ic13": 256,
        "ic08": 256,
        "ic14": 512,
        "ic09": 512,
        "ic10": 1024,
    }
    found, offset = {}, 8
    while offset < len(data):
        kind = data[offset : offset + 4].decode("ascii")
        (length,) = struct.unpack(">I", data[offset + 4 : offset + 8])
        found[kind] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data)
    assert {kind: _png_size(png)[0] for kind, png in found.items()} == expected
    png_128 = (ICONS / "hicolor" / "128x128" / "apps" / "lbp-desktop.png").read_bytes()
    assert found["ic07"] == png_128

    reader = QImageReader(str(ICONS / "lbp-desktop.icns"))
    assert reader.imageCount() == len(expected)
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sorted(sizes) == sorted(expected.values())
