"""The `griddesk` group loads a command's module only when that command runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from bot.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "aiogram", "telegram", "aiohttp", "matplotlib", "openpyxl")

_ROUTE_THEN_LIST_MODULES = """
import sys
from bot.cli import main
try:
    main(["route"], standalone_mode=False)
finally:
    heavy = {name.split(".")[0] for name in sys.modules} & set(sys.argv[1:])
    bench = sorted(name for name in sys.modules if name == "bench" or name.startswith("bench."))
    print(sorted(heavy), bench, file=sys.stderr)
"""


def test_route_loads_neither_the_database_layer_nor_the_frameworks_nor_the_benchmarks() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _ROUTE_THEN_LIST_MODULES, *HEAVY],
        input='{"id": 1, "text": "明德花园5号楼楼道灯坏了"}\n',
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"id": 1' in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[] []"


def test_every_command_in_the_table_is_a_click_command() -> None:
    context = click.Context(main)
    assert main.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert isinstance(command, click.Command)
        assert command.name == name


def test_the_config_and_report_groups_load_their_lazy_sub_commands() -> None:
    context = click.Context(main)
    config = main.get_command(context, "config")
    report = main.get_command(context, "report")
    assert isinstance(config, click.Group) and isinstance(report, click.Group)
    assert set(config.list_commands(context)) == {"check", "load"}
    assert set(report.list_commands(context)) == {"daily", "monthly"}
    assert config.get_command(context, "load") is not None
    assert report.get_command(context, "monthly") is not None


def test_route_as_the_process_entry_point_writes_every_line_and_exits_0() -> None:
    text = "明德花园5号楼楼道灯坏了"
    lines = [json.dumps({"id": n, "text": text}, ensure_ascii=False) for n in (1, 2)]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "route"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 2]
