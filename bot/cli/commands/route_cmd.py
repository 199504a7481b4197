"""`griddesk route`: JSON Lines complaints in, routing decisions out (and the helpers that
`griddesk route-eval` and `griddesk bench route` share)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli.options import config_option

if TYPE_CHECKING:
    from models.config.schema import GridDeskConfig
    from nlp.router import Router



def routing_config(config_dir: Path | None) -> tuple[GridDeskConfig, Path | None]:
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


def load_router(config_dir: Path | None, threshold: float | None) -> Router:
    from nlp.router import Router
    from nlp.rules import RulesError

    config, directory = routing_config(config_dir)
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


threshold_option = click.option(
    "--review-threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Confidence below which a complaint goes to human triage "
    "(default: GRIDDESK_REVIEW_THRESHOLD or 0.35).",
)


@click.command("route")
@config_option
@threshold_option
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

    router = load_router(config_dir, review_threshold)
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
    _end_process()


def _end_process() -> None:
    """End a `griddesk route` process here, without tearing its objects down one by one:
    freeing jieba's half-million-word dictionary, the rules and the modules costs about 0.1 s
    of CPU after a 3,000-complaint run (docs/performance.md), and nothing is left to write.
    Only when the command line is the process's entry point (`griddesk`, `python -m bot`) and
    the command owns its standard streams: code that calls the group, and click's CliRunner,
    get control back as usual."""
    from bot.cli import owns_process

    if not owns_process() or sys.stdin is not sys.__stdin__ or sys.stdout is not sys.__stdout__:
        return
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(0)
