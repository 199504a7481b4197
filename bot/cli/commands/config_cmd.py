"""`griddesk config check|load`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli.lazy import LazyGroup
from models.config.loader import check_config


@click.group("config", cls=LazyGroup, lazy={"load": "bot.cli.commands.config_load:load"})
def config_group() -> None:
    """Validate or load a configuration directory."""


@config_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def check(directory: Path | None) -> None:
    """Validate DIRECTORY (default: GRIDDESK_CONFIG or the bundled demo) and list every problem."""
    from bot.settings import Settings

    directory = directory or Settings().config_dir
    config, problems = check_config(directory)
    if config is not None:
        from nlp.rules import check_rules

        problems = check_rules(directory / "rules.yaml", config.taxonomy)
    if config is None or problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(problems)} problem(s) in {directory}", err=True)
        sys.exit(1)
    grids = sum(1 for _ in config.district.grids())
    click.echo(
        f"OK {directory}: district {config.district.code} {config.district.name}, "
        f"{len(config.district.streets)} streets/towns, {grids} grids, "
        f"{len(config.taxonomy.categories)} categories"
    )
