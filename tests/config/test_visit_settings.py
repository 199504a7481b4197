"""Households per building and the assessment weights in the configuration, and what
`griddesk config check` says of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from models.config.loader import BUNDLED_DEMO, check_config, load_config

FIRST_GRID = "building_households: {1: 33, 2: 33, 3: 33, 4: 33, 5: 33, 6: 33}"
WEIGHTS = ("    satisfaction: 0.30        # residents' ratings (满意 + 基本满意) — the weight "
           "residents carry\n")


def _copy(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    target = tmp_path / "district"
    shutil.copytree(BUNDLED_DEMO, target)
    path = target / "district.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return target


def test_the_demo_states_households_and_weights() -> None:
    district = load_config().district
    first = next(grid for _, _, grid in district.grids() if grid.code == "MDHY-01")
    assert first.building_households[5] == 33 and first.covered_households() == 198
    second = next(grid for _, _, grid in district.grids() if grid.code == "MDHY-02")
    assert second.building_households == {} and second.covered_households() == 204
    assert district.assessment.satisfaction == 0.30


def test_check_finds_bad_households_per_building(tmp_path: Path) -> None:
    target = _copy(tmp_path, (FIRST_GRID, "building_households: {1: 33, 2: 33, 9: 40}"))
    config, problems = check_config(target)
    assert config is None
    shown = "\n".join(str(problem) for problem in problems)
    path = "district.streets[0].communities[0].grids[0].building_households"
    assert f"{path}: buildings [9] are outside the grid's range [1, 6]" in shown
    assert f"{path}: the buildings' households add up to 106, not the grid's 198" in shown
    result = CliRunner().invoke(main, ["config", "check", str(target)])
    assert result.exit_code == 1 and "outside the grid's range" in result.output


def test_a_building_without_households_is_refused(tmp_path: Path) -> None:
    target = _copy(tmp_path, (FIRST_GRID, "building_households: {1: 0}"))
    config, problems = check_config(target)
    assert config is None and any("building_households" in p.path for p in problems)


def test_the_satisfaction_weight_must_be_stated(tmp_path: Path) -> None:
    _, problems = check_config(_copy(tmp_path, (WEIGHTS, "")))
    assert any("assessment" in p.path and "satisfaction" in str(p) for p in problems), problems


def test_weights_all_zero_are_refused(tmp_path: Path) -> None:
    zero = "".join(f"    {name}: 0\n" for name in (
        "satisfaction", "accepted_on_time", "resolved_on_time", "no_missed_deadline",
        "no_reopen", "visit_coverage"))
    block_start = ("  assessment:  # 考核: weights of the monthly score (rates 0..1; the result is "
                   "0..100)\n")
    text = (BUNDLED_DEMO / "district.yaml").read_text(encoding="utf-8")
    start = text.index(block_start) + len(block_start)
    end = text.index("  streets:\n")
    _, problems = check_config(_copy(tmp_path, (text[start:end], zero)))
    assert [str(p) for p in problems] == [
        "district.yaml: district.assessment: at least one assessment weight must be above 0"]
