"""`griddesk route`, `griddesk route-eval FILE` and `griddesk bench route`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.commands.bench_cmd import bench_group

if TYPE_CHECKING:
    from models.config.schema import GridDeskConfig
    from nlp.router import Router

_CONFIG_OPTION = click.option(
    "--config",
    "config_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Configuration directory (default: GRIDDESK_CONFIG or the bundled demo).",
)


def _config(config_dir: Path | None) -> tuple[GridDeskConfig, Path | None]:
    """Load the configuration or exit 2 with every problem on stderr."""
    from models.config.loader import ConfigError, load_config

    if config_dir is None:
        from bot.settings import Settings

        config_dir = Settings().config_dir
    try:
        config = load_config(config_dir)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(2)
    return config, config_dir


def _router(config_dir: Path | None, threshold: float | None) -> Router:
    from nlp.router import Router
    from nlp.rules import RulesError

    config, directory = _config(config_dir)
    rules = directory / "rules.yaml" if directory is not None else None
    if threshold is None:
        from bot.settings import Settings

        threshold = Settings().review_threshold
    try:
        return Router.from_config(config, rules if rules and rules.exists() else None, threshold)
    except RulesError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(2)


_THRESHOLD_OPTION = click.option(
    "--review-threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Confidence below which a complaint goes to human triage "
    "(default: GRIDDESK_REVIEW_THRESHOLD or 0.35).",
)


@click.command("route")
@_CONFIG_OPTION
@_THRESHOLD_OPTION
@click.option(
    "--explain", is_flag=True, help="Add unit, room, emergency_numbers and the rules that decided."
)
def route(config_dir: Path | None, review_threshold: float | None, explain: bool) -> None:
    """Route JSON Lines complaints from stdin; one JSON line per input on stdout.

    Input lines: {"id": ..., "text": "...", "location": {"lat": .., "lon": ..} or null}.
    A malformed line gives {"id": ..., "error": "..."} and the others go on; blank lines are
    skipped. The exit code is 0 unless stdin cannot be read.
    """
    from nlp.jsonl import dumps, route_line

    router = _router(config_dir, review_threshold)
    source, out = sys.stdin.buffer, sys.stdout.buffer
    try:
        for number, raw in enumerate(source, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                result = {"id": None, "error": f"line {number} is not valid UTF-8"}
            else:
                line = line.lstrip("\ufeff") if number == 1 else line
                if not line.strip():
                    continue
                result = route_line(router, line, explain)
            out.write(dumps(result).encode("utf-8") + b"\n")
            out.flush()
    except OSError as exc:
        click.echo(f"cannot read the input: {exc}", err=True)
        sys.exit(1)


@click.command("route-eval")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@_CONFIG_OPTION
@_THRESHOLD_OPTION
@click.option("--errors/--no-errors", default=True, help="List every misrouted case.")
def route_eval(
    file: Path, config_dir: Path | None, review_threshold: float | None, errors: bool
) -> None:
    """Accuracy, macro-F1, per-category recall, confusion pairs and review rate on FILE.

    FILE is JSON Lines with {"id", "text", "location", "expect": {"category", "community",
    "grid", "urgent"}}.
    """
    from nlp.evaluate import evaluate, load_cases

    router = _router(config_dir, review_threshold)
    cases, problems = load_cases(file)
    for problem in problems:
        click.echo(problem, err=True)
    report = evaluate(router, cases)
    click.echo("\n".join(report.lines(show_errors=errors)))


@click.command("route")
@_CONFIG_OPTION
@click.option(
    "--count",
    type=click.IntRange(100, 100_000),
    default=3000,
    show_default=True,
    help="How many synthetic complaints to route.",
)
def bench_route(config_dir: Path | None, count: int) -> None:
    """Routing time vs bare jieba.lcut, ready-to-route time, resident memory (figures only)."""
    from nlp.bench import run

    config, directory = _config(config_dir)
    run(config, directory, count, click.echo)


bench_group.add_command(bench_route)

commands: list[click.Command] = [route, route_eval]
