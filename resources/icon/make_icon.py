"""Draw the program's icon and write it as PNG (window, Linux) and ICO (Windows exe, setup):

    uv run python resources/icon/make_icon.py

A white shield with a green tick on a blue rounded square: drawn as shapes at each size,
not scaled down from a big picture, so the 16-pixel taskbar icon stays crisp. The ICO is
written here (no image library beyond Qt): the classic 32-bit bitmaps for the small sizes,
which every Windows tool reads, and a PNG for 256 pixels, as Windows' own icons do.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

HERE = Path(__file__).resolve().parent
PNG = HERE / "reopen-desktop.png"
ICO = HERE / "reopen-desktop.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BLUE, GREEN, WHITE = QColor("#1f5fa8"), QColor("#2e9d4f"), QColor("#ffffff")


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels square, transparent outside the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)  # draw on a 100×100 canvas
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BLUE)
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 18, 18)
    painter.setBrush(WHITE)
    painter.drawPath(_shield())
    pen = QPen(GREEN, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline([QPointF(35, 50), QPointF(46, 61), QPointF(66, 38)])
    painter.end()
    return image


def _shield() -> QPainterPath:
    path = QPainterPath(QPointF(50, 14))
    path.lineTo(80, 24)
    path.cubicTo(QPointF(80, 56), QPointF(70, 74), QPointF(50, 86))
    path.cubicTo(QPointF(30, 74), QPointF(20, 56), QPointF(20, 24))
    path.closeSubpath()
    return path


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """One ICO image as a 32-bit bitmap: header (height doubled for the mask), BGRA rows
    bottom-up, then an all-zero AND mask (transparency comes from the alpha channel)."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    row_bytes = image.bytesPerLine()
    pixels = bytes(image.constBits())
    rows = b"".join(pixels[y * row_bytes:y * row_bytes + size * 4] for y in reversed(range(size)))
    mask = bytes(((size + 31) // 32) * 4 * size)
    return header + rows + mask


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An ICO file: header, one 16-byte entry per image, then the images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    PNG.write_bytes(png_bytes(draw(256)))
    images = [png_bytes(draw(s)) if s >= 256 else dib_bytes(draw(s)) for s in ICO_SIZES]
    ICO.write_bytes(ico_bytes(images, ICO_SIZES))
    print(f"wrote {PNG.relative_to(HERE.parent.parent)} and {ICO.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
