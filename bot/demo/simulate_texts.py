"""Complaint texts for `griddesk simulate`: varied templates per category, composed with places.

A text is an opener, a place (community and building in one of several spellings, sometimes
none when the resident shares a GPS point instead), the problem, how long it has lasted and a
closing ask. Some texts are converted to Traditional script, as some residents write. The
words themselves are data, in `simulate_texts.yaml` beside this module.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from models.config.schema import Community, Grid, GridDeskConfig
from nlp.normalize import to_script

_DATA: dict[str, Any] = yaml.safe_load(
    Path(__file__).with_name("simulate_texts.yaml").read_text(encoding="utf-8")
)
PROBLEMS: dict[str, list[str]] = _DATA["problems"]
URGENT: list[tuple[str, str]] = [(category, text) for category, text in _DATA["urgent"]]
OPENERS: list[str] = _DATA["openers"]
DURATIONS: list[str] = _DATA["durations"]
TAILS: list[str] = _DATA["tails"]
POLITE: set[str] = set(_DATA["polite"])
POLITE_TAILS: list[str] = _DATA["polite_tails"]
BUILDING_FORMS: list[str] = _DATA["building_forms"]
VILLAGE_SPOTS: list[str] = _DATA["village_spots"]
RESOLUTIONS: dict[str, list[str]] = _DATA["resolutions"]
ESCALATION_REASONS: list[str] = _DATA["escalation_reasons"]
REJECT_REASONS: list[str] = _DATA["reject_reasons"]


@dataclass(frozen=True)
class Complaint:
    """A simulated complaint with where it really is (the simulator's ground truth)."""

    text: str
    category: str
    community: str
    grid: str
    building: int | None
    location: tuple[float, float] | None
    urgent: bool


def _place_text(rng: random.Random, community: Community, grid: Grid, building: int | None) -> str:
    if building is None:  # a village: no buildings
        return community.name.removesuffix("村") + "村" + rng.choice(VILLAGE_SPOTS)
    name = rng.choice([community.name.removesuffix("社区"), *community.aliases])
    form = rng.choice(BUILDING_FORMS)
    return name + form.format(
        n=building, u=rng.randint(1, 3), r=f"{rng.randint(1, 6)}0{rng.randint(1, 2)}"
    )


def _point(rng: random.Random, grid: Grid) -> tuple[float, float] | None:
    if grid.box is None:
        return None
    (south, west), (north, east) = grid.box
    pad_lat, pad_lon = (north - south) * 0.1, (east - west) * 0.1
    return (
        round(rng.uniform(south + pad_lat, north - pad_lat), 6),
        round(rng.uniform(west + pad_lon, east - pad_lon), 6),
    )


def compose(
    rng: random.Random,
    config: GridDeskConfig,
    category: str,
    grid_code: str,
    building: int | None,
    *,
    urgent: bool = False,
) -> Complaint:
    """One complaint of `category` about `building` of `grid_code`."""
    _, community, grid = config.grid(grid_code)
    problem = rng.choice(PROBLEMS.get(category) or PROBLEMS["other"])
    if urgent:
        category, problem = rng.choice(URGENT)
    location = None
    roll = rng.random()
    if roll < 0.15:
        location = _point(rng, grid)
        place = ""
    elif roll < 0.22:
        place = community.name  # no building: the router cannot tell the grid
    else:
        place = _place_text(rng, community, grid, building)
    joiner = "" if not place else rng.choice(["", "的", "，"])
    polite = category in POLITE
    if polite and place:
        place, joiner = f"我是{community.name}的居民", "，"
    parts = [rng.choice(OPENERS), place, joiner, problem, "，"]
    if not urgent and not polite:
        parts.append(rng.choice(DURATIONS))
    text = "".join(parts).rstrip("，") + "。" + rng.choice(POLITE_TAILS if polite else TAILS)
    if rng.random() < 0.08:
        text = to_script(text, "hant")
    return Complaint(text.strip(), category, community.code, grid.code, building, location, urgent)


def resolution_note(rng: random.Random, category: str) -> str:
    return rng.choice(RESOLUTIONS.get(category, []) + RESOLUTIONS["default"])
