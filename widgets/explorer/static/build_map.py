"""Convert the openly licensed SVG map of Ukraine into ``data/map_units.csv``.

Source: npm package ``@svg-maps/ukraine`` 2.0.0 (``ukraine.svg``, viewBox 1000 x 670,
north up), based on the MapSVG map of Ukraine, licence CC BY 4.0. It draws Ukraine within
its internationally recognised borders, with Crimea as a Ukrainian unit, in 26 paths:
Sevastopol is not separate from Crimea.

What this script does, so that the result can be checked and rebuilt:

1. reads every ``<path>`` and turns its commands (M/m, L/l, H/h, V/v, C/c, Z/z; curve
   control points are dropped, keeping the end points) into absolute polygons;
2. simplifies each ring (Douglas-Peucker, tolerance 0.35 map units, i.e. under half a
   pixel at 1280 px) and writes it back as SVG path data with one decimal;
3. joins the SVG ids to ISO 3166-2:UA codes by name (``SVG_IDS`` below);
4. adds Sevastopol (UA-40) as its own unit. The source has no boundary for it, so its
   outline is schematic: the south-west tip of the map's Crimea (where the city lies), cut
   off by a straight line across the peninsula so that its area on the map is Sevastopol's
   share of the peninsula's area (864 of 26,945 km2, data/regions.csv). It is drawn over
   Crimea's tip; the Crimea path is kept whole underneath, so the two units together cover
   exactly the source map's peninsula.

Run: ``python widgets/explorer/static/build_map.py path/to/ukraine.svg`` from the repository
root with the repository on PYTHONPATH (writes data/map_units.csv).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from widgets.common.paths import DATA_DIR

SOURCE_NOTE = (
    "@svg-maps/ukraine 2.0.0 (npm), ukraine.svg, based on MapSVG's map of Ukraine, CC BY 4.0"
)
SVG_IDS = {
    "vinnytsia": "UA-05",
    "volyn": "UA-07",
    "luhansk": "UA-09",
    "dnipropetrovsk": "UA-12",
    "donetsk": "UA-14",
    "zhytomyr": "UA-18",
    "zakarpattia": "UA-21",
    "zaporizhia": "UA-23",
    "ivano-frankivsk": "UA-26",
    "kyiv-city": "UA-30",
    "kyiv": "UA-32",
    "kirovohrad": "UA-35",
    "crimea": "UA-43",
    "lviv": "UA-46",
    "mykolaiv": "UA-48",
    "odessa": "UA-51",
    "poltava": "UA-53",
    "rivne": "UA-56",
    "sumy": "UA-59",
    "ternopil": "UA-61",
    "kharkiv": "UA-63",
    "kherson": "UA-65",
    "khmelnytskyi": "UA-68",
    "cherkasy": "UA-71",
    "chernihiv": "UA-74",
    "chernivtsi": "UA-77",
}
#: Areas (km2) from data/regions.csv: Sevastopol's outline is cut to this share of Crimea.
SEVASTOPOL_AREA_KM2 = 864.0
CRIMEA_AREA_KM2 = 26081.0
#: Where a label sits better than at the centroid (map units).
LABEL_NUDGE = {"UA-30": (0.0, -14.0), "UA-32": (-22.0, 18.0), "UA-40": (-62.0, -4.0)}
TOLERANCE = 0.35

TOKEN = re.compile(r"[MmLlHhVvCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def parse_path(d: str) -> list[list[tuple[float, float]]]:
    """Absolute rings of an SVG path (curves reduced to their end points)."""
    tokens = TOKEN.findall(d)
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = start_x = start_y = 0.0
    cmd = ""
    i = 0

    def number() -> float:
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                if ring:
                    rings.append(ring)
                ring = []
                x, y = start_x, start_y
                continue
        if cmd in "Mm":
            dx, dy = number(), number()
            x, y = (x + dx, y + dy) if cmd == "m" else (dx, dy)
            if ring:
                rings.append(ring)
            ring = [(x, y)]
            start_x, start_y = x, y
            cmd = "l" if cmd == "m" else "L"  # later pairs are line-tos
        elif cmd in "Ll":
            dx, dy = number(), number()
            x, y = (x + dx, y + dy) if cmd == "l" else (dx, dy)
            ring.append((x, y))
        elif cmd in "Hh":
            value = number()
            x = x + value if cmd == "h" else value
            ring.append((x, y))
        elif cmd in "Vv":
            value = number()
            y = y + value if cmd == "v" else value
            ring.append((x, y))
        elif cmd in "Cc":
            values = [number() for _ in range(6)]
            x, y = (x + values[4], y + values[5]) if cmd == "c" else (values[4], values[5])
            ring.append((x, y))
        else:
            raise ValueError(f"unsupported path command {cmd!r}")
    if ring:
        rings.append(ring)
    return rings


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker simplification of an open polyline."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = -1.0, 0
    for k in range(1, len(points) - 1):
        px, py = points[k]
        if norm == 0:
            dist = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        else:
            dist = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
        if dist > best:
            best, index = dist, k
    if best <= tolerance:
        return [points[0], points[-1]]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def simplify_ring(ring):
    # Split the closed ring at its farthest point so both halves keep their shape.
    far = max(
        range(len(ring)),
        key=lambda k: (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2,
    )
    first = simplify(ring[: far + 1], TOLERANCE)
    second = simplify(ring[far:] + [ring[0]], TOLERANCE)
    return first[:-1] + second[:-1]


def ring_area_centroid(ring):
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0]
    return area, (cx / (6 * area), cy / (6 * area))


def clip(subject, clipper):
    """Sutherland-Hodgman: the part of ``subject`` inside the convex polygon ``clipper``."""
    orientation = ring_area_centroid(clipper)[0]

    def inside(p, a, b):
        cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
        return cross >= 0 if orientation > 0 else cross <= 0

    def intersect(p, q, a, b):
        x1, y1, x2, y2 = *p, *q
        x3, y3, x4, y4 = *a, *b
        den = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
        t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / den
        return (x1 + t * (x2 - x1), y1 + t * (y2 - y1))

    output = subject
    for a, b in zip(clipper, clipper[1:] + clipper[:1], strict=True):
        points, output = output, []
        for p, q in zip(points, points[1:] + points[:1], strict=True):
            if inside(q, a, b):
                if not inside(p, a, b):
                    output.append(intersect(p, q, a, b))
                output.append(q)
            elif inside(p, a, b):
                output.append(intersect(p, q, a, b))
    return output


def path_data(rings) -> str:
    parts = []
    for ring in rings:
        head, *rest = ring
        parts.append(
            f"M{head[0]:.1f} {head[1]:.1f}" + "".join(f"L{x:.1f} {y:.1f}" for x, y in rest) + "Z"
        )
    return "".join(parts).replace(".0 ", " ").replace(".0L", "L").replace(".0Z", "Z")


def build(svg_path: Path) -> list[dict]:
    text = svg_path.read_text(encoding="utf-8")
    found = dict(re.findall(r'<path\s+d="([^"]+)"\s+aria-label="[^"]*"\s+id="([^"]+)"', text))
    by_id = {svg_id: d for d, svg_id in found.items()}
    if set(by_id) != set(SVG_IDS):
        raise SystemExit(f"unexpected ids in {svg_path}: {sorted(set(by_id) ^ set(SVG_IDS))}")
    rows = []
    crimea_rings = None
    for svg_id, code in SVG_IDS.items():
        rings = [simplify_ring(r) for r in parse_path(by_id[svg_id]) if len(r) > 2]
        if code == "UA-43":
            crimea_rings = rings
        rows.append({"code": code, "svg_id": svg_id, "rings": rings})
    rows.append({"code": "UA-40", "svg_id": "", "rings": [sevastopol(crimea_rings)]})
    out = []
    for row in rows:
        areas = [ring_area_centroid(r) for r in row["rings"]]
        _, (lx, ly) = max(areas, key=lambda a: abs(a[0]))
        nx, ny = LABEL_NUDGE.get(row["code"], (0.0, 0.0))
        out.append(
            {
                "code": row["code"],
                "svg_path": path_data(row["rings"]),
                "label_x": round(lx + nx, 1),
                "label_y": round(ly + ny, 1),
                "source_id": row["svg_id"] or "(none: added here)",
            }
        )
    return sorted(out, key=lambda r: r["code"])


def sevastopol(crimea_rings):
    """The south-west tip of the map's Crimea, cut off by a straight line so that its area
    is Sevastopol's share of the peninsula (a schematic outline, to scale)."""
    main = max(crimea_rings, key=lambda r: abs(ring_area_centroid(r)[0]))
    whole, (cx, cy) = ring_area_centroid(main)
    tip = max(main, key=lambda p: p[1] - p[0])  # the most south-westerly point (y grows down)
    ux, uy = cx - tip[0], cy - tip[1]
    norm = (ux * ux + uy * uy) ** 0.5
    ux, uy = ux / norm, uy / norm
    target = SEVASTOPOL_AREA_KM2 / (SEVASTOPOL_AREA_KM2 + CRIMEA_AREA_KM2)

    def cut(depth):
        # A large square on the tip's side of the line at distance ``depth`` from the tip.
        bx, by = tip[0] + ux * depth, tip[1] + uy * depth
        px, py = -uy, ux
        big = 400.0
        square = [
            (bx + px * big, by + py * big),
            (bx + px * big - ux * big, by + py * big - uy * big),
            (bx - px * big - ux * big, by - py * big - uy * big),
            (bx - px * big, by - py * big),
        ]
        return clip(main, square)

    low, high = 0.0, norm
    for _ in range(60):
        mid = (low + high) / 2
        share = abs(ring_area_centroid(cut(mid))[0]) / abs(whole)
        low, high = (mid, high) if share < target else (low, mid)
    return cut((low + high) / 2)


def write(rows: list[dict], target: Path) -> None:
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle,
            fieldnames=["code", "svg_path", "label_x", "label_y", "source_id", "source"],
            lineterminator="\n",
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "source": SOURCE_NOTE})


if __name__ == "__main__":
    svg = Path(sys.argv[1])
    target = DATA_DIR / "map_units.csv"
    write(build(svg), target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
