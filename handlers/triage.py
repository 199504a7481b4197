"""Where a complaint without a known grid waits: its community's, street's or the district's
triage queue, and the grids that queue can hand it to."""

from __future__ import annotations

from collections.abc import Iterable

from models.config.schema import Grid, GridDeskConfig, Street
from models.orm import TicketRow
from nlp.normalize import normalize

NEAR = 0.01  # degrees (about a kilometre) around a street's grids that still count as the street
_SUFFIXES = ("街道", "街道办", "镇", "乡")


def _short_names(street: Street) -> list[str]:
    names = [street.name]
    for suffix in _SUFFIXES:
        if street.name.endswith(suffix) and len(street.name) - len(suffix) >= 2:
            names.append(street.name.removesuffix(suffix))
    return names


def _near(street: Street, location: tuple[float, float]) -> bool:
    points = [
        point
        for community in street.communities
        for grid in community.grids
        for point in grid.outline()
    ]
    if not points:
        return False
    lat, lon = location
    return (
        min(p[0] for p in points) - NEAR <= lat <= max(p[0] for p in points) + NEAR
        and min(p[1] for p in points) - NEAR <= lon <= max(p[1] for p in points) + NEAR
    )


def street_of(
    config: GridDeskConfig, texts: Iterable[str | None], location: tuple[float, float] | None
) -> str | None:
    """The street a complaint names (许庄街道, 许庄, 石桥镇) or whose grids its location is
    near; None when neither says."""
    folded = " ".join(normalize(text).text for text in texts if text)
    streets = config.district.streets
    for street in streets:
        if any(name in folded for name in _short_names(street)):
            return street.code
    if location is not None:
        near = [street.code for street in streets if _near(street, location)]
        if len(near) == 1:
            return near[0]
    return None


def street_named(config: GridDeskConfig, code: str | None) -> Street | None:
    return next((street for street in config.district.streets if street.code == code), None)


def queue_grids(config: GridDeskConfig, ticket: TicketRow) -> list[Grid]:
    """The grids a triage card offers: the community's, else the street's, else all."""
    if ticket.community_code:
        return list(config.community(ticket.community_code)[1].grids)
    street = street_named(config, ticket.street_code)
    return [grid for s, _, grid in config.district.grids() if street is None or s is street]
