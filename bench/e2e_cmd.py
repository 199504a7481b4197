"""`griddesk bench e2e`: whole-pipeline throughput, latency and memory against the bare ceiling."""

from __future__ import annotations

import os
from pathlib import Path

import click


@click.command("e2e")
@click.option(
    "--framework", type=click.Choice(["aiogram", "ptb"]), default="aiogram", show_default=True
)
@click.option(
    "--conversations",
    "-n",
    default=2000,
    show_default=True,
    type=click.IntRange(10),
    help="Complete filings in the max-rate run (per process).",
)
@click.option(
    "--concurrency",
    "-c",
    default=16,
    show_default=True,
    type=click.IntRange(1, 200),
    help="Residents in flight at once (per process); also the bare pipeline's connections.",
)
@click.option(
    "--processes",
    default=2,
    show_default=True,
    type=click.IntRange(1, 2),
    help="2: also measure two processes sharing the database.",
)
@click.option(
    "--open-conversations",
    default=10_000,
    show_default=True,
    type=click.IntRange(0),
    help="Drafts left in progress for the memory figure.",
)
@click.option(
    "--database-url",
    envvar="GRIDDESK_BENCH_DATABASE_URL",
    default=None,
    help="PostgreSQL server to create the benchmark database on "
    "(default: postgres@127.0.0.1:5432).",
)
@click.option(
    "--redis/--no-redis",
    "use_redis",
    default=False,
    help="Conversation state in Redis (REDIS_URL, default redis://127.0.0.1:6379/0).",
)
@click.option(
    "--profile",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Record the single-process run with py-spy (.svg, .json or raw text).",
)
def bench_e2e(
    framework: str,
    conversations: int,
    concurrency: int,
    processes: int,
    open_conversations: int,
    database_url: str | None,
    use_redis: bool,
    profile: Path | None,
) -> None:
    """Complete filings through the real dispatcher and core vs jieba + one INSERT."""
    from bench.e2e import DEFAULT_SERVER, Options, run

    redis_url = (os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0") if use_redis else None
    options = Options(
        framework=framework,
        conversations=conversations,
        concurrency=concurrency,
        processes=processes,
        open_conversations=open_conversations,
        server_url=database_url or DEFAULT_SERVER,
        redis_url=redis_url,
        profile=profile,
    )
    run(options, click.echo)
