"""The retention job: prunes old rows periodically in the bot or `griddesk worker`, and once with
`griddesk retention run`. Periods come from the settings (GRIDDESK_RETAIN_*, docs/privacy.md)."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from bot.settings import Settings
from bot.workers.sweeper import MAX_ERROR_BACKOFF, UowFactory, clock_scale, wall_interval
from models.clock import Clock
from models.retention import RetentionPolicy, RetentionResult, prune

log = logging.getLogger("griddesk.retention")


def retention_policy(settings: Settings) -> RetentionPolicy:
    return RetentionPolicy(
        processed_updates=timedelta(days=settings.retain_processed_updates_days),
        callback_tokens=timedelta(days=settings.retain_callback_tokens_days),
        conversations=timedelta(days=settings.retain_conversations_days),
        sent_outbox=timedelta(days=settings.retain_sent_outbox_days),
        security_events=timedelta(days=settings.retain_security_events_days),
        finished_contacts=timedelta(days=settings.retain_finished_contacts_days),
        visit_notes=timedelta(days=settings.retain_visit_notes_days),
    )


async def run_retention(uow_factory: UowFactory, clock: Clock, settings: Settings) -> None:
    """Prune every `GRIDDESK_RETENTION_INTERVAL_HOURS` of domain time, forever (until cancelled);
    the first pass runs at start."""
    policy = retention_policy(settings)
    pause = wall_interval(timedelta(hours=settings.retention_interval_hours), clock_scale(clock))
    failures = 0
    try:
        while True:
            try:
                result: RetentionResult = await prune(uow_factory, clock, policy)
                if result.total:
                    log.info("retention: pruned %s", result.describe())
                failures = 0
            except Exception:
                failures += 1
                log.exception("retention pass failed (%d in a row)", failures)
            wait = pause if failures == 0 else min(pause, MAX_ERROR_BACKOFF, 2.0**failures)
            await asyncio.sleep(wait)
    except asyncio.CancelledError:
        log.info("retention stopped")
        raise
