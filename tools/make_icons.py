"""Make every app icon file from the one source, packaging/icons/lbp-desktop.svg.

    python tools/make_icons.py            # write the files into packaging/icons/
    python tools/make_icons.py OUTDIR     # write them somewhere else
    python tools/make_icons.py --check    # exit 1 when a committed file is stale or missing

What it writes (all committed, so nobody needs Qt's SVG module to package):

    hicolor/<N>x<N>/apps/lbp-desktop.png  N = 16 22 24 32 48 64 128 256 512, for the
                                          Linux desktop menu (freedesktop icon theme)
    lbp-desktop.ico                       Windows: 16 to 64 px as 32-bit bitmaps, 256 px
                                          as PNG (the usual layout; Vista and later)
    lbp-desktop.icns                      macOS: PNG entries from 16 to 1024 px

Each size is rendered from the SVG on its own, never scaled from a bigger
picture, and the SVG has groups meant for some sizes only (see its header):
the tool removes the groups a size should not show before rendering.

Output is deterministic: same SVG, same Qt, same bytes. ``--check`` compares
bytes first and, when they differ, the decoded pixels (a newer zlib or Qt
may pack the same picture differently; that is not stale).
"""

from __future__ import annotations

import argparse
import math
import os
import struct
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Qt after the platform is chosen: no display is needed to render files.
import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS_DIR = ROOT / "packaging" / "icons"
SVG_PATH = ICONS_DIR / "lbp-desktop.svg"
NAME = "lbp-desktop"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows picks 16/20/24/32/40/48/64 for 100-200 % scaling, 256 for large views.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# ICNS entry types and their pixel sizes (ic11..ic14 and ic10 are the @2x ones).
ICNS_ENTRIES = (
    ("icp4", 16),
    ("icp5", 32),
    ("ic11", 32),
    ("ic12", 64),
    ("ic07", 128),
    ("ic13", 256),
    ("ic08", 256),
    ("ic14", 512),
    ("ic09", 512),
    ("ic10", 1024),
)
# Sizes below this use the small figure (three vertebrae on a whole-pixel grid),
# the same switch the tray icon makes.
SMALL_BELOW = 40
# Shadow, discs and shading only where they are more than a smudge.
DETAIL_FROM = 128
ICO_PNG_FROM = 256
# 96 dpi in the PNG header, set explicitly: Qt's default depends on the screen.
DOTS_PER_METRE = 3780
# Largest channel difference --check accepts between re-rendered and committed pixels.
PIXEL_TOLERANCE = 3

SVG_NS = "http://www.w3.org/2000/svg"
# The shapes whose rectangles are moved onto whole pixels below DETAIL_FROM.
SNAPPED = frozenset({"tile", "figure", "figure-small"})
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def hicolor_path(size: int) -> Path:
    """Where a size of the hicolor icon lives, relative to packaging/icons/."""
    return Path("hicolor") / f"{size}x{size}" / "apps" / f"{NAME}.png"


# -- rendering ----------------------------------------------------------------------


def svg_for_size(svg_text: str, size: int) -> bytes:
    """The SVG as ``size`` should show it: only its groups, and below DETAIL_FROM
    the edges of the tile and the figure moved onto whole pixels."""
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg_text)
    units_per_px = float(root.get("viewBox", "0 0 64 64").split()[2]) / size
    drop = {"figure" if size < SMALL_BELOW else "figure-small"}
    for parent in list(root.iter()):
        for child in list(parent):
            ident = child.get("id", "")
            too_small = ident.startswith("large-detail") and size < DETAIL_FROM
            if ident in drop or too_small:
                parent.remove(child)
                continue
            if ident in SNAPPED and size < DETAIL_FROM:
                _snap_rects(child, units_per_px, size)
            if ident in ("figure", "figure-small"):
                child.attrib.pop("display", None)
    return ET.tostring(root, encoding="utf-8")


def _snap_rects(element: ET.Element, units_per_px: float, size: int) -> None:
    # Hinting, the way a font does it: an edge half on a pixel blurs into a grey
    # line at small sizes. Across, a half rounds towards the middle, so shapes
    # stay centred; down, a half always rounds down, so all blocks keep one height.
    def across(value: float) -> float:
        px = value / units_per_px
        snapped = math.floor(px + 0.5) if px < size / 2 else math.ceil(px - 0.5)
        return snapped * units_per_px

    def down(value: float) -> float:
        return math.floor(value / units_per_px + 0.5) * units_per_px

    for rect in element.iter(f"{{{SVG_NS}}}rect"):
        for start, length, snap in (("x", "width", across), ("y", "height", down)):
            low = float(rect.get(start, "0"))
            high = low + float(rect.get(length, "0"))
            snapped_low, snapped_high = snap(low), snap(high)
            if snapped_high - snapped_low < units_per_px:  # never thinner than a pixel
                snapped_high = snapped_low + units_per_px
            rect.set(start, f"{snapped_low:.6f}")
            rect.set(length, f"{snapped_high - snapped_low:.6f}")


def render(svg_text: str, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg_for_size(svg_text, size)))
    if not renderer.isValid():
        raise ValueError(f"{SVG_PATH.name} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(DOTS_PER_METRE)
    image.setDotsPerMeterY(DOTS_PER_METRE)
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    writer.setQuality(0)  # for PNG, quality 0 means the strongest compression
    if not writer.write(image):
        raise OSError(f"PNG encoding failed: {writer.errorString()}")
    return bytes(buffer.data().data())


def _rgba(image: QImage) -> bytes:
    # Byte order R, G, B, A whatever the machine's endianness.
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return bytes(rgba.constBits())[: rgba.sizeInBytes()]


def _bmp_entry(image: QImage) -> bytes:
    """A 32-bit icon bitmap: header, BGRA rows bottom-up, then the 1-bit AND mask."""
    size = image.width()
    pixels = bytearray(_rgba(image))
    pixels[0::4], pixels[2::4] = pixels[2::4], pixels[0::4]  # RGBA -> BGRA
    row = size * 4
    colour = b"".join(bytes(pixels[y * row : (y + 1) * row]) for y in reversed(range(size)))
    # Old renderers ignore alpha and read the mask: 1 = transparent.
    mask_row = ((size + 31) // 32) * 4
    mask = bytearray()
    for y in reversed(range(size)):
        bits = bytearray(mask_row)
        for x in range(size):
            if pixels[y * row + x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    header = struct.pack(
        "<IiiHHIIiiII", 40, size, 2 * size, 1, 32, 0, len(colour) + len(mask), 0, 0, 0, 0
    )
    return header + colour + bytes(mask)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A Windows .ico holding ``images`` (size -> picture), smallest first."""
    sizes = sorted(images)
    entries = [png_bytes(images[s]) if s >= ICO_PNG_FROM else _bmp_entry(images[s]) for s in sizes]
    offset = 6 + 16 * len(sizes)
    out = bytearray(struct.pack("<HHH", 0, 1, len(sizes)))
    for size, data in zip(sizes, entries, strict=True):
        side = 0 if size >= 256 else size  # 0 stands for 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for data in entries:
        out += data
    return bytes(out)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns of PNG entries; ``pngs`` maps pixel size to PNG bytes."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_ENTRIES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(svg_text: str) -> dict[Path, bytes]:
    """Every generated file: path relative to packaging/icons/ -> bytes."""
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(size for _, size in ICNS_ENTRIES)})
    images = {size: render(svg_text, size) for size in sizes}
    pngs = {size: png_bytes(images[size]) for size in sizes}
    files = {hicolor_path(size): pngs[size] for size in HICOLOR_SIZES}
    files[Path(f"{NAME}.ico")] = ico_bytes({size: images[size] for size in ICO_SIZES})
    files[Path(f"{NAME}.icns")] = icns_bytes(pngs)
    return files


# -- reading back (for --check and the tests) ---------------------------------------


def decode(name: str, data: bytes) -> list[tuple[str, QImage]]:
    """The pictures in a generated file, each with a label (entry type or size)."""
    if name.endswith(".png"):
        return [("png", _png_image(data))]
    if name.endswith(".ico"):
        return [(str(size), image) for size, image in read_ico(data)]
    if name.endswith(".icns"):
        return [(kind, _png_image(png)) for kind, png in read_icns(data)]
    raise ValueError(f"not an icon file: {name}")


def read_ico(data: bytes) -> list[tuple[int, QImage]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if (reserved, kind) != (0, 1):
        raise ValueError("not an .ico file")
    found = []
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entry = data[offset : offset + length]
        if len(entry) != length:
            raise ValueError(f"entry {index} runs past the end of the file")
        image = _png_image(entry) if entry.startswith(PNG_SIGNATURE) else _bmp_image(entry)
        found.append((side or 256, image))
    return found


def read_icns(data: bytes) -> list[tuple[str, bytes]]:
    if data[:4] != b"icns" or struct.unpack_from(">I", data, 4)[0] != len(data):
        raise ValueError("not an .icns file (or its length is wrong)")
    entries, offset = [], 8
    while offset < len(data):
        kind = data[offset : offset + 4].decode("ascii")
        (length,) = struct.unpack_from(">I", data, offset + 4)
        if length < 8 or offset + length > len(data):
            raise ValueError(f"entry {kind} has a bad length")
        entries.append((kind, data[offset + 8 : offset + length]))
        offset += length
    return entries


def _png_image(data: bytes) -> QImage:
    image = QImage.fromData(data, "PNG")
    if image.isNull():
        raise ValueError("a PNG that does not decode")
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def _bmp_image(entry: bytes) -> QImage:
    header_size, width, height, _, bits = struct.unpack_from("<IiiHH", entry, 0)
    if header_size != 40 or bits != 32 or height != 2 * width:
        raise ValueError("an icon bitmap that is not 32-bit square")
    row = width * 4
    rows = entry[40 : 40 + row * width]
    pixels = bytearray(b"".join(rows[y * row : (y + 1) * row] for y in reversed(range(width))))
    pixels[0::4], pixels[2::4] = pixels[2::4], pixels[0::4]  # BGRA -> RGBA
    image = QImage(bytes(pixels), width, width, row, QImage.Format.Format_RGBA8888)
    return image.convertToFormat(QImage.Format.Format_ARGB32)  # a deep copy


def same_pictures(name: str, committed: bytes, fresh: bytes) -> bool:
    """True when two versions of a file hold the same pictures (within rounding)."""
    if committed == fresh:
        return True
    try:
        old, new = decode(name, committed), decode(name, fresh)
    except (ValueError, struct.error, UnicodeDecodeError):
        return False
    if [label for label, _ in old] != [label for label, _ in new]:
        return False
    for (_, a), (_, b) in zip(old, new, strict=True):
        if a.size() != b.size():
            return False
        pa = np.frombuffer(_rgba(a), dtype=np.uint8).astype(np.int16)
        pb = np.frombuffer(_rgba(b), dtype=np.uint8).astype(np.int16)
        if int(np.abs(pa - pb).max()) > PIXEL_TOLERANCE:
            return False
    return True


# -- the command ----------------------------------------------------------------------


def write(outdir: Path, svg_path: Path = SVG_PATH) -> list[Path]:
    written = []
    for relative, data in build(svg_path.read_text(encoding="utf-8")).items():
        target = outdir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def stale(outdir: Path = ICONS_DIR, svg_path: Path = SVG_PATH) -> list[str]:
    """Generated files that are missing or differ from a fresh render."""
    problems = []
    for relative, data in build(svg_path.read_text(encoding="utf-8")).items():
        target = outdir / relative
        if not target.is_file():
            problems.append(f"{relative}: missing")
        elif not same_pictures(relative.name, target.read_bytes(), data):
            problems.append(f"{relative}: differs from the SVG")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", nargs="?", type=Path, default=ICONS_DIR)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 when a file is stale"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(args.outdir)
        for line in problems:
            print(line)
        if problems:
            print("Icons are stale: run python tools/make_icons.py", file=sys.stderr)
            return 1
        print("Icons are up to date.")
        return 0
    for path in write(args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
