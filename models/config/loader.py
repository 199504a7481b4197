"""Read and validate a configuration directory; every problem comes with file, path, reason."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import ValidationError

from models.config.schema import (
    BUNDLED_DEMO,
    CATEGORIES_FILE,
    DISTRICT_FILE,
    ConfigProblem,
    District,
    GridDeskConfig,
    Taxonomy,
    appointments,
)

SUPPORTED_VERSION = 1
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster


class ConfigError(Exception):
    """A configuration directory that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def _read_yaml(directory: Path, name: str, problems: list[ConfigProblem]) -> dict[str, Any] | None:
    path = directory / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        problems.append(ConfigProblem(name, "", f"file not found in {directory}"))
        return None
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        problems.append(ConfigProblem(name, "", f"cannot be read: {exc}".replace("\n", " ")))
        return None
    if not isinstance(data, dict):
        problems.append(ConfigProblem(name, "", "must be a mapping at the top level"))
        return None
    version = data.get("version")
    if version != SUPPORTED_VERSION:
        problems.append(
            ConfigProblem(name, "version", f"unsupported version {version!r}, expected 1")
        )
    return data


def _format_loc(loc: tuple[int | str, ...], prefix: str) -> str:
    parts = [prefix] if prefix else []
    for item in loc:
        if isinstance(item, int):
            parts[-1:] = [f"{parts[-1]}[{item}]"] if parts else [f"[{item}]"]
        else:
            parts.append(str(item))
    return ".".join(parts)


def _pydantic_problems(file: str, prefix: str, exc: ValidationError) -> list[ConfigProblem]:
    problems = []
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
        reason = error["msg"].removeprefix("Value error, ")
        problems.append(ConfigProblem(file, _format_loc(loc, prefix), reason))
    return problems


def _duplicates(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def _district_problems(district: District) -> list[ConfigProblem]:
    """Semantic checks pydantic cannot express: unique codes, ranges, boxes, time zone."""
    file = DISTRICT_FILE
    problems: list[ConfigProblem] = []
    try:
        ZoneInfo(district.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(ConfigProblem(file, "district.timezone",
                                      f"unknown time zone {district.timezone!r}"))
    if not any(weight for _, weight in district.assessment.items()):
        problems.append(ConfigProblem(file, "district.assessment",
                                      "at least one assessment weight must be above 0"))
    unit_codes = [district.code]
    unit_codes += [street.code for street in district.streets]
    unit_codes += [community.code for _, community in district.communities()]
    unit_codes += [grid.code for _, _, grid in district.grids()]
    for code in _duplicates(unit_codes):
        problems.append(ConfigProblem(file, "district", f"duplicate code {code!r}"))
    people = list(appointments(district))
    for code in _duplicates([item.person.code for item in people]):
        problems.append(ConfigProblem(file, "district", f"duplicate person code {code!r}"))
    user_ids = [str(item.person.telegram_user_id) for item in people
                if item.person.telegram_user_id is not None]
    for user_id in _duplicates(user_ids):
        problems.append(ConfigProblem(file, "district",
                                      f"telegram_user_id {user_id} is given to two people"))
    for item in people:
        if item.person.chat_id is None:
            problems.append(ConfigProblem(file, f"person {item.person.code}",
                                          "needs telegram_user_id or telegram_chat_id"))
    for s_index, street in enumerate(district.streets):
        for c_index, community in enumerate(street.communities):
            base = f"district.streets[{s_index}].communities[{c_index}]"
            problems += _community_problems(community, base)
    problems += _department_problems(district, {item.person.code for item in people},
                                     set(user_ids))
    return problems


def _department_problems(district: District, person_codes: set[str],
                         user_ids: set[str]) -> list[ConfigProblem]:
    """Departments: unique names; a liaison is reachable and nobody else's code or account."""
    problems: list[ConfigProblem] = []
    for name in _duplicates([department.name for department in district.departments]):
        problems.append(ConfigProblem(DISTRICT_FILE, "district.departments",
                                      f"duplicate department {name!r}"))
    liaisons = [d.liaison for d in district.departments if d.liaison is not None]
    for code in _duplicates([liaison.code for liaison in liaisons]):
        problems.append(ConfigProblem(DISTRICT_FILE, "district.departments",
                                      f"duplicate liaison code {code!r}"))
    for index, department in enumerate(district.departments):
        liaison, path = department.liaison, f"district.departments[{index}].liaison"
        if liaison is None:
            continue
        if liaison.code in person_codes:
            problems.append(ConfigProblem(DISTRICT_FILE, path,
                                          f"code {liaison.code!r} is already a person's code"))
        if liaison.chat_id is None:
            problems.append(ConfigProblem(DISTRICT_FILE, path,
                                          "needs telegram_user_id or telegram_chat_id"))
        if str(liaison.telegram_user_id) in user_ids:
            problems.append(ConfigProblem(DISTRICT_FILE, path,
                                          f"telegram_user_id {liaison.telegram_user_id} "
                                          "is given to a person of the district too"))
    return problems


def _summons_problems(district: District, taxonomy: Taxonomy) -> list[ConfigProblem]:
    """A configured department no category can summon is a typo."""
    named = {name for category in taxonomy.categories for name in category.departments}
    return [ConfigProblem(DISTRICT_FILE, f"district.departments[{index}].name",
                          f"{department.name!r} is not a department of any category")
            for index, department in enumerate(district.departments)
            if department.name not in named]


def _community_problems(community: Any, base: str) -> list[ConfigProblem]:
    file = DISTRICT_FILE
    problems: list[ConfigProblem] = []
    ranges: list[tuple[int, int, str]] = []
    for g_index, grid in enumerate(community.grids):
        path = f"{base}.grids[{g_index}]"
        if grid.buildings is not None:
            low, high = grid.buildings
            if low < 1 or high < low:
                problems.append(ConfigProblem(file, f"{path}.buildings",
                                              f"bad building range [{low}, {high}]"))
            for other_low, other_high, other_code in ranges:
                if low <= other_high and other_low <= high:
                    problems.append(ConfigProblem(
                        file, f"{path}.buildings",
                        f"range [{low}, {high}] of {grid.code} overlaps "
                        f"[{other_low}, {other_high}] of {other_code}"))
            ranges.append((low, high, grid.code))
        elif len(community.grids) > 1:
            problems.append(ConfigProblem(file, f"{path}.buildings",
                                          "only a community with a single grid may omit buildings"))
        problems += _household_problems(grid, path)
        if grid.box is not None:
            (south, west), (north, east) = grid.box
            if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
                problems.append(ConfigProblem(file, f"{path}.box",
                                              "box must be [[south, west], [north, east]]"))
        if grid.polygon is not None and len(grid.polygon) < 3:
            problems.append(ConfigProblem(file, f"{path}.polygon", "needs at least 3 points"))
        if grid.box is None and not grid.polygon:
            problems.append(ConfigProblem(file, path, "needs a box or a polygon"))
    return problems


def _household_problems(grid: Any, path: str) -> list[ConfigProblem]:
    """Households per building: buildings of the grid, adding up to its `households`."""
    counts = grid.building_households
    if not counts:
        return []
    problems = []
    if grid.buildings is not None:
        low, high = grid.buildings
        outside = sorted(number for number in counts if not low <= number <= high)
        if outside:
            problems.append(ConfigProblem(
                DISTRICT_FILE, f"{path}.building_households",
                f"buildings {outside} are outside the grid's range [{low}, {high}]"))
    total = sum(counts.values())
    if grid.households and total != grid.households:
        problems.append(ConfigProblem(
            DISTRICT_FILE, f"{path}.building_households",
            f"the buildings' households add up to {total}, not the grid's {grid.households}"))
    return problems


def _taxonomy_problems(taxonomy: Taxonomy) -> list[ConfigProblem]:
    problems = []
    for code in _duplicates([category.code for category in taxonomy.categories]):
        problems.append(ConfigProblem(CATEGORIES_FILE, "categories",
                                      f"duplicate category code {code!r}"))
    if "other" not in {category.code for category in taxonomy.categories}:
        problems.append(ConfigProblem(CATEGORIES_FILE, "categories",
                                      "a catch-all category 'other' is required"))
    return problems


def _parse_district(data: dict[str, Any], problems: list[ConfigProblem]) -> District | None:
    try:
        return District.model_validate(data.get("district"))
    except ValidationError as exc:
        problems += _pydantic_problems(DISTRICT_FILE, "district", exc)
        return None


def _parse_taxonomy(data: dict[str, Any], problems: list[ConfigProblem]) -> Taxonomy | None:
    body = {key: value for key, value in data.items() if key != "version"}
    try:
        return Taxonomy.model_validate(body)
    except ValidationError as exc:
        problems += _pydantic_problems(CATEGORIES_FILE, "", exc)
        return None


def check_config(directory: Path | str) -> tuple[GridDeskConfig | None, list[ConfigProblem]]:
    """Validate a configuration directory; returns the config (None on error) and all problems."""
    directory = Path(directory)
    problems: list[ConfigProblem] = []
    if not directory.is_dir():
        return None, [ConfigProblem(str(directory), "", "not a directory")]
    district_data = _read_yaml(directory, DISTRICT_FILE, problems)
    taxonomy_data = _read_yaml(directory, CATEGORIES_FILE, problems)
    district = _parse_district(district_data, problems) if district_data else None
    taxonomy = _parse_taxonomy(taxonomy_data, problems) if taxonomy_data else None
    if district is not None:
        problems += _district_problems(district)
    if taxonomy is not None:
        problems += _taxonomy_problems(taxonomy)
    if district is not None and taxonomy is not None:
        problems += _summons_problems(district, taxonomy)
    if problems or district is None or taxonomy is None:
        return None, problems
    return GridDeskConfig(district=district, taxonomy=taxonomy), []


def load_config(directory: Path | str | None = None) -> GridDeskConfig:
    """Load a configuration directory (the bundled demo by default) or raise ConfigError."""
    config, problems = check_config(directory if directory is not None else BUNDLED_DEMO)
    if config is None:
        raise ConfigError(problems)
    return config
