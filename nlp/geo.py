"""GPS → grid: point-in-polygon over every grid outline (boxes are 4-point polygons)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from models.config.schema import District

LatLon = tuple[float, float]
_EDGE_EPSILON = 1e-9


def valid_point(point: object) -> bool:
    """A (lat, lon) pair of finite numbers within [-90, 90] × [-180, 180]."""
    if not isinstance(point, tuple | list) or len(point) != 2:
        return False
    lat, lon = point
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (lat, lon)):
        return False
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _on_segment(lat: float, lon: float, a: LatLon, b: LatLon) -> bool:
    cross = (b[0] - a[0]) * (lon - a[1]) - (b[1] - a[1]) * (lat - a[0])
    if abs(cross) > _EDGE_EPSILON:
        return False
    return (
        min(a[0], b[0]) - _EDGE_EPSILON <= lat <= max(a[0], b[0]) + _EDGE_EPSILON
        and min(a[1], b[1]) - _EDGE_EPSILON <= lon <= max(a[1], b[1]) + _EDGE_EPSILON
    )


def point_in_polygon(lat: float, lon: float, ring: list[LatLon]) -> bool:
    """Ray casting; a point on the outline counts as inside."""
    inside = False
    count = len(ring)
    for index in range(count):
        a, b = ring[index], ring[(index + 1) % count]
        if _on_segment(lat, lon, a, b):
            return True
        if (a[1] > lon) != (b[1] > lon):
            crossing = a[0] + (lon - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if lat < crossing:
                inside = not inside
    return inside


@dataclass(frozen=True)
class _Area:
    community: str
    grid: str
    ring: list[LatLon]
    south: float
    west: float
    north: float
    east: float


class GridLocator:
    """Finds the grid whose outline contains a point (first in configuration order on a shared
    edge)."""

    def __init__(self, district: District) -> None:
        self.areas: list[_Area] = []
        for _, community, grid in district.grids():
            ring = [(float(lat), float(lon)) for lat, lon in grid.outline()]
            if len(ring) < 3:
                continue
            lats, lons = [p[0] for p in ring], [p[1] for p in ring]
            self.areas.append(
                _Area(community.code, grid.code, ring, min(lats), min(lons), max(lats), max(lons))
            )

    def locate(self, point: LatLon | None) -> tuple[str, str] | None:
        """(community code, grid code) containing `point`, or None (also for invalid points)."""
        if point is None or not valid_point(point):
            return None
        lat, lon = float(point[0]), float(point[1])
        for area in self.areas:
            if not (area.south <= lat <= area.north and area.west <= lon <= area.east):
                continue
            if point_in_polygon(lat, lon, area.ring):
                return area.community, area.grid
        return None
