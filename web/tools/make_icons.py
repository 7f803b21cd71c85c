#!/usr/bin/env python3
"""Draws the Fieldbase app icons as PNGs with nothing but zlib and struct.

The mark (a map pin holding a person, white on brand teal) is the same as the inline
SVG logo in web/src/components/icons.rs, defined on a 48x48 grid and rasterised with
4x4 supersampling. Writes web/static/icons/icon-192.png, icon-512.png (rounded square,
transparent corners) and maskable-512.png (full-bleed background, mark inside the 80 %
safe zone). Run it again after changing the design, and commit the PNGs:

    python3 web/tools/make_icons.py
"""

import math
import os
import struct
import zlib

BRAND = (15, 118, 110)  # #0f766e, the manifest's theme colour
WHITE = (255, 255, 255)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "static", "icons")

PIN_C, PIN_R, PIN_TIP = (24.0, 20.7), 11.8, (24.0, 40.0)
HEAD_C, HEAD_R = (24.0, 19.2), 4.3
SHOULDER_C, SHOULDER_RX, SHOULDER_RY, SHOULDER_W = (24.0, 29.6), 6.4, 5.0, 3.0


def _tangent_points():
    (cx, cy), (tx, ty), r = PIN_C, PIN_TIP, PIN_R
    d = math.hypot(tx - cx, ty - cy)
    base = math.atan2(ty - cy, tx - cx)
    off = math.acos(r / d)
    return [(cx + r * math.cos(base + s * off), cy + r * math.sin(base + s * off)) for s in (1, -1)]


TANGENTS = _tangent_points()


def _in_triangle(p, a, b, c):
    def sign(p1, p2, p3):
        return (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1])

    d1, d2, d3 = sign(p, a, b), sign(p, b, c), sign(p, c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def mark_colour(x, y):
    """The mark's colour at (x, y) on the 48 grid, or None outside the pin."""
    in_pin = math.hypot(x - PIN_C[0], y - PIN_C[1]) <= PIN_R or _in_triangle(
        (x, y), TANGENTS[0], TANGENTS[1], PIN_TIP
    )
    if not in_pin:
        return None
    if math.hypot(x - HEAD_C[0], y - HEAD_C[1]) <= HEAD_R:
        return BRAND
    if y <= SHOULDER_C[1] and math.hypot(x - PIN_C[0], y - PIN_C[1]) <= PIN_R - 2.4:
        e = math.hypot((x - SHOULDER_C[0]) / SHOULDER_RX, (y - SHOULDER_C[1]) / SHOULDER_RY)
        if abs(e - 1.0) * min(SHOULDER_RX, SHOULDER_RY) <= SHOULDER_W / 2:
            return BRAND
    return WHITE


def in_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return math.hypot(x - cx, y - cy) <= radius


def render(px, maskable):
    ss = 4
    rows = []
    for j in range(px):
        row = bytearray([0])  # filter type: none
        for i in range(px):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sj in range(ss):
                for si in range(ss):
                    u = (i + (si + 0.5) / ss) / px  # 0..1
                    v = (j + (sj + 0.5) / ss) / px
                    if maskable:
                        inside = True
                        scale = 0.9  # the pin stays well inside the 80 % safe zone
                    else:
                        inside = in_rounded_square(u * 48, v * 48, 48, 10.5)
                        scale = 1.12
                    if not inside:
                        continue
                    gx = 24 + (u * 48 - 24) / scale
                    gy = 24.5 + (v * 48 - 24) / scale
                    colour = mark_colour(gx, gy) or BRAND
                    acc[0] += colour[0]
                    acc[1] += colour[1]
                    acc[2] += colour[2]
                    acc[3] += 255
            n = ss * ss
            alpha = acc[3] / n
            if alpha == 0:
                row += bytes(4)
            else:
                cover = acc[3] / 255
                row += bytes(
                    [round(acc[0] / cover), round(acc[1] / cover), round(acc[2] / cover), round(alpha)]
                )
        rows.append(bytes(row))
    return b"".join(rows)


def png(px, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", px, px, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, px, maskable in (
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("maskable-512.png", 512, True),
    ):
        path = os.path.join(OUT, name)
        with open(path, "wb") as f:
            f.write(png(px, render(px, maskable)))
        print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
