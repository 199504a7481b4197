"""`griddesk worker`: the escalation sweeper and the daily-report scheduler without the bot,
for deployments that run them in a separate process (several workers may share PostgreSQL)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from datetime import timedelta

import click

log = logging.getLogger("griddesk.worker")


async def run_worker(interval: timedelta, daily_reports: bool) -> None:
    """Run the background jobs until SIGINT or SIGTERM, then stop them cleanly."""
    from bot.app import make_clock
    from bot.settings import Settings
    from bot.workers.callbacks import run_callbacks
    from bot.workers.retention import run_retention
    from bot.workers.sender import run_sender
    from bot.workers.sweeper import run_sweeper
    from handlers.undeliverable import UndeliverableRouter
    from models.config.loader import load_config
    from models.db import create_engine, session_factory
    from models.uow import UnitOfWorkFactory

    settings = Settings()
    config = load_config(settings.config_dir)
    clock = make_clock(settings)
    engine = create_engine(settings.database_url_value())
    uow_factory = UnitOfWorkFactory(session_factory(engine), clock)
    tasks = [
        asyncio.create_task(
            run_sweeper(
                uow_factory,
                clock,
                config,
                None,
                interval,
                time_scale=settings.time_scale,
                daily_reports=daily_reports,
                unrated_close_after=timedelta(days=settings.unrated_close_days),
            ),
            name="sweeper",
        ),
    ]
    tasks.append(asyncio.create_task(run_retention(uow_factory, clock, settings), name="retention"))
    tasks.append(asyncio.create_task(
        run_callbacks(uow_factory, clock, timedelta(hours=settings.callback_max_age_hours)),
        name="open311-callbacks"))
    if settings.telegram_bot_token is not None:
        hook = UndeliverableRouter(clock, config)
        tasks.append(asyncio.create_task(
            run_sender(uow_factory, clock, settings, on_undeliverable=hook), name="sender"))
    else:
        log.warning("no TELEGRAM_BOT_TOKEN: notifications stay queued in the outbox")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    log.info("worker running: %s", ", ".join(task.get_name() for task in tasks))
    waiter = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
        for task in [waiter, *tasks]:
            task.cancel()
        await asyncio.gather(waiter, *tasks, return_exceptions=True)
        await engine.dispose()
        log.info("worker stopped")


@click.command("worker")
@click.option(
    "--interval",
    type=float,
    default=60.0,
    show_default=True,
    help="Seconds of domain time between sweeps (divided by GRIDDESK_TIME_SCALE).",
)
@click.option("--no-daily-report", is_flag=True, help="Do not send the 民情日报告.")
def worker(interval: float, no_daily_report: bool) -> None:
    """Run the escalation sweeper and the daily report scheduler without the bot."""
    from bot.settings import Settings

    logging.basicConfig(
        level=Settings().log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    asyncio.run(run_worker(timedelta(seconds=interval), not no_daily_report))
