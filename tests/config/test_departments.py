"""Departments' contacts (吹哨报到) in the configuration and what `config check` says of them."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from models.config.loader import BUNDLED_DEMO, check_config, load_config


def test_the_demo_departments_have_liaisons_and_report_windows() -> None:
    district = load_config().district
    housing = district.department("区住建局")
    assert housing.liaison is not None and housing.liaison.code == "DEPT-ZJJ"
    assert housing.report_within == timedelta(hours=2)
    unknown = district.department("社区居委会")  # named by categories, no contact configured
    assert unknown.liaison is None and unknown.report_within == timedelta(hours=2)


def test_check_finds_bad_department_contacts(tmp_path: Path) -> None:
    target = tmp_path / "departments"
    shutil.copytree(BUNDLED_DEMO, target)
    path = target / "district.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("code: DEPT-CGJ", "code: MDHY-01-W1", 1)  # somebody else's code
    text = text.replace("telegram_user_id: 950003", "telegram_user_id: 710101", 1)
    text = text.replace("  - name: 区住建局\n", "  - name: 区住建委\n", 1)  # no category has it
    text = text.replace("    report_within: 1h\n", "    report_within: soon\n", 1)
    path.write_text(text, encoding="utf-8")
    config, problems = check_config(target)
    assert config is None
    shown = "\n".join(str(problem) for problem in problems)
    assert "district.departments[2].report_within: bad duration 'soon'" in shown
    text = text.replace("    report_within: soon\n", "    report_within: 1h\n", 1)
    path.write_text(text, encoding="utf-8")
    _, problems = check_config(target)
    shown = "\n".join(str(problem) for problem in problems)
    assert "district.departments[1].liaison: code 'MDHY-01-W1' is already a person's code" in shown
    assert "district.departments[2].liaison: telegram_user_id 710101 is given to a person" in shown
    assert "district.departments[0].name: '区住建委' is not a department of any category" in shown
    result = CliRunner().invoke(main, ["config", "check", str(target)])
    assert result.exit_code == 1 and "区住建委" in result.output
