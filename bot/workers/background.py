"""The background jobs of a bot process: escalation sweeper (+ daily reports), sender, Open311
callbacks and retention."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.workers.callbacks import run_callbacks
from bot.workers.retention import run_retention
from bot.workers.sender import run_sender
from bot.workers.sweeper import run_sweeper
from handlers.undeliverable import UndeliverableRouter

if TYPE_CHECKING:
    from bot.app import App


def start_jobs(app: App) -> list[asyncio.Task[None]]:
    services, settings = app.services, app.settings
    tasks = [asyncio.create_task(
        run_sweeper(services.uow_factory, services.clock, services.config,
                    time_scale=settings.time_scale,
                    unrated_close_after=timedelta(days=settings.unrated_close_days)),
        name="sweeper")]
    hook = UndeliverableRouter(services.clock, services.config)
    tasks.append(asyncio.create_task(
        run_sender(services.uow_factory, services.clock, settings, on_undeliverable=hook),
        name="sender"))
    tasks.append(asyncio.create_task(
        run_callbacks(services.uow_factory, services.clock,
                      timedelta(hours=settings.callback_max_age_hours)),
        name="open311-callbacks"))
    tasks.append(asyncio.create_task(
        run_retention(services.uow_factory, services.clock, settings), name="retention"))
    return tasks


@contextlib.asynccontextmanager
async def background_tasks(app: App) -> AsyncIterator[list[asyncio.Task[None]]]:
    """Run the jobs while the context is open; cancel and await them on the way out."""
    tasks = start_jobs(app)
    try:
        yield tasks
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
