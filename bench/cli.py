"""`griddesk bench …` and `griddesk route-eval`: tools that measure and print, never run the bot.

Each benchmark's module is imported only when that benchmark is run.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.commands.route_cmd import config_option, load_router, routing_config, threshold_option
from bot.cli.lazy import LazyGroup


@click.group(
    "bench",
    cls=LazyGroup,
    lazy={
        "console": "bench.console:bench_console",
        "deliver": "bench.deliver:deliver",
        "e2e": "bench.e2e_cmd:bench_e2e",
        "report": "bench.report:bench_report",
    },
)
def bench_group() -> None:
    """Benchmarks: print speed and memory figures (they never fail on a slow machine)."""


@click.command("route-eval")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@config_option
@threshold_option
@click.option("--errors/--no-errors", default=True, help="List every misrouted case.")
def route_eval(
    file: Path, config_dir: Path | None, review_threshold: float | None, errors: bool
) -> None:
    """Accuracy, macro-F1, per-category recall, confusion pairs and review rate on FILE.

    FILE is JSON Lines with {"id", "text", "location", "expect": {"category", "community",
    "grid", "urgent"}}.
    """
    from bench.evaluate import evaluate, load_cases

    router = load_router(config_dir, review_threshold)
    cases, problems = load_cases(file)
    for problem in problems:
        click.echo(problem, err=True)
    report = evaluate(router, cases)
    click.echo("\n".join(report.lines(show_errors=errors)))


@bench_group.command("route")
@config_option
@click.option(
    "--count",
    type=click.IntRange(100, 100_000),
    default=3000,
    show_default=True,
    help="How many synthetic complaints to route.",
)
def bench_route(config_dir: Path | None, count: int) -> None:
    """Routing time vs bare jieba.lcut, ready-to-route time, resident memory (figures only)."""
    from bench.route import run

    config, directory = routing_config(config_dir)
    run(config, directory, count, click.echo)


@bench_group.command("route-process")
@config_option
@click.option("--count", type=click.IntRange(100, 100_000), default=3000, show_default=True)
@click.option("--rounds", type=click.IntRange(1, 20), default=3, show_default=True)
def bench_route_process(config_dir: Path | None, count: int, rounds: int) -> None:
    """`griddesk route` as a whole process vs bare jieba.lcut as a whole process (figures only)."""
    from bench.route_process import run

    config, directory = routing_config(config_dir)
    run(config, directory, count, rounds, click.echo)


@bench_group.command("open311")
@click.option("--requests", "-n", "count", type=click.IntRange(10, 100_000), default=1000,
              show_default=True, help="Open311 POST requests to file.")
@click.option("--concurrency", "-c", type=click.IntRange(1, 200), default=16, show_default=True,
              help="Requests in flight at once; also the bare pipeline's connections.")
@click.option("--database-url", envvar="GRIDDESK_BENCH_DATABASE_URL", default=None,
              help="PostgreSQL server to create the benchmark database on "
              "(default: postgres@127.0.0.1:5432).")
def bench_open311(count: int, concurrency: int, database_url: str | None) -> None:
    """Open311 POST requests per second (routing and filing) vs the bare pipeline."""
    from bench.e2e import DEFAULT_SERVER
    from bench.open311 import run

    run(database_url or DEFAULT_SERVER, count, concurrency, click.echo)
