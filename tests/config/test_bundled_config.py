"""The bundled demo configuration encodes the specification's district and taxonomy exactly."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from bot.cli import main
from models.config.loader import BUNDLED_DEMO, check_config, load_config
from models.config.schema import parse_duration

HERE = Path(__file__).parent
SHARED = HERE.parents[2] / "shared" / "spec"


def spec(name: str) -> dict[str, Any]:
    """The specification file: ../shared when present, else the copy kept with the tests."""
    path = SHARED / name if (SHARED / name).exists() else HERE / f"spec-{name}"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def person_view(name: str, uid: int | None = None, chat: int | None = None,
                phone: str | None = None) -> tuple[Any, ...]:
    return (name, uid, chat, phone)


def test_district_matches_the_spec() -> None:
    district = load_config().district
    source = spec("demo-district.yaml")["district"]
    assert (district.code, district.name, district.ticket_prefix, district.timezone) == (
        source["code"], source["name"], source["ticket_prefix"], source["timezone"])
    task_force = source["task_force"]
    assert (district.task_force.name, district.task_force.head.name,
            district.task_force.head.telegram_chat_id) == (
        task_force["name"], task_force["duty_officer"], task_force["telegram_chat_id"])
    assert len(district.streets) == len(source["streets"])
    for street, s_src in zip(district.streets, source["streets"], strict=True):
        assert (street.code, street.name, street.kind) == (s_src["code"], s_src["name"],
                                                           s_src["kind"])
        assert (street.committee.name, street.committee.head.name,
                street.committee.head.telegram_user_id) == (
            s_src["committee"]["name"], s_src["committee"]["duty_officer"],
            s_src["committee"]["telegram_user_id"])
        for community, c_src in zip(street.communities, s_src["communities"], strict=True):
            org = c_src["party_org"]
            assert (community.code, community.name, community.aliases) == (
                c_src["code"], c_src["name"], c_src["aliases"])
            assert (community.party_org.name, community.party_org.head.name,
                    community.party_org.head.telegram_user_id) == (
                org["name"], org["secretary"], org["telegram_user_id"])
            for grid, g_src in zip(community.grids, c_src["grids"], strict=True):
                buildings = tuple(g_src["buildings"]) if g_src["buildings"] else None
                assert (grid.code, grid.name, grid.buildings, grid.households) == (
                    g_src["code"], g_src["name"], buildings, g_src["households"])
                assert grid.box == tuple(tuple(corner) for corner in g_src["box"])
                branch = g_src["branch"]
                assert (grid.branch.name, grid.branch.head.name,
                        grid.branch.head.telegram_user_id) == (
                    branch["name"], branch["secretary"], branch["telegram_user_id"])
                assert [(w.name, w.phone, w.telegram_user_id) for w in grid.workers] == [
                    (w["name"], w["phone"], w["telegram_user_id"]) for w in g_src["workers"]]


def test_taxonomy_matches_the_spec() -> None:
    taxonomy = load_config().taxonomy
    source = spec("categories.yaml")
    assert taxonomy.default_accept_within == parse_duration(source["default_accept_within"])
    assert taxonomy.urgent_accept_within == parse_duration(source["urgent_accept_within"])
    assert [c.code for c in taxonomy.categories] == [c["code"] for c in source["categories"]]
    for category, c_src in zip(taxonomy.categories, source["categories"], strict=True):
        assert (category.name, category.name_hant, category.resolve_within,
                category.departments, category.guide) == (
            c_src["name"], c_src["name_hant"], parse_duration(c_src["resolve_within"]),
            c_src["departments"], c_src["guide"])


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    target = tmp_path / "broken"
    shutil.copytree(BUNDLED_DEMO, target)
    district = (target / "district.yaml").read_text(encoding="utf-8")
    district = district.replace("buildings: [7, 12]", "buildings: [5, 12]", 1)
    district = district.replace("code: MDHY-03\n", "code: MDHY-02\n", 1)
    district = district.replace("timezone: Asia/Shanghai", "timezone: Mars/Olympus", 1)
    (target / "district.yaml").write_text(district, encoding="utf-8")
    categories = (target / "categories.yaml").read_text(encoding="utf-8")
    (target / "categories.yaml").write_text(
        categories.replace("resolve_within: 3d", "resolve_within: three days", 1),
        encoding="utf-8")
    return target


def test_check_reports_every_problem_with_file_path_and_reason(broken: Path) -> None:
    config, problems = check_config(broken)
    assert config is None
    text = "\n".join(str(p) for p in problems)
    assert "district.yaml: district.streets[0].communities[0].grids[1].buildings: range [5, 12]" \
        in text
    assert "duplicate code 'MDHY-02'" in text
    assert "unknown time zone 'Mars/Olympus'" in text
    assert "categories.yaml: categories[3].resolve_within: bad duration 'three days'" in text


def test_cli_check_exits_non_zero_on_a_broken_copy(broken: Path) -> None:
    result = CliRunner().invoke(main, ["config", "check", str(broken)])
    assert result.exit_code == 1
    assert "problem(s)" in result.output


def test_settings_never_show_secrets() -> None:
    from bot.settings import Settings

    settings = Settings.model_validate({
        "TELEGRAM_BOT_TOKEN": "123456:SECRET-token", "REDIS_URL": "redis://:pw@host/0",
        "GRIDDESK_DATABASE_URL": "postgresql+asyncpg://u:hunter2@db/griddesk",
        "TELEGRAM_WEBHOOK_SECRET": "hook-secret"})
    shown = repr(settings) + str(settings) + str(settings.model_dump())
    for secret in ("SECRET-token", "hunter2", "hook-secret", ":pw@"):
        assert secret not in shown
    assert settings.database_url_value().endswith("hunter2@db/griddesk")
