"""`griddesk bench console`: the web console's queries over a city's history, server side.

Runs what each page asks of the database — the queue with each filter, a ticket's page, the
district map's data, the dashboard, the district's 考核 of the current month — for a
district-wide viewer, and the queue, map and dashboard for a street's, a community's and a
grid's, `--rounds` times each, and
prints p50 and p95 per endpoint. Fill the database first (`griddesk simulate --bulk 1000000`);
"now" is the moment after the newest ticket. Prints figures, never fails on a slow machine.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from typing import Any
from zoneinfo import ZoneInfo

import click

from bot.cli.commands.db_cmd import shown

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/griddesk_perf"
TARGETS_MS = {"queue": 150, "ticket": 150, "dashboard": 150, "map": 300}  # 考核: none set
FEWER_ROUNDS = {"assessment": 5}  # the whole month's report: seconds a round at a city's scale
Step = Callable[[Any], Awaitable[Any]]


def queue_filters(config: Any, now: datetime) -> dict[str, dict[str, Any]]:
    """The queue's filters as the console's form sets them, one at a time."""
    _, community, grid = next(iter(config.district.grids()))
    week = now - timedelta(days=7)
    return {
        "全部": {},
        "状态=已受理": {"status": "accepted"},
        "层级=街道": {"level": 3},
        "层级=网格员": {"level": 0},
        "类别=物业服务": {"category": "property_service"},
        f"社区={community.code}": {"community": community.code},
        f"网格={grid.code}": {"grid": grid.code},
        "紧急": {"urgent": True},
        "超时": {"overdue": True},
        "24小时内到期": {"due_within": timedelta(hours=24)},
        "近7天": {"since": week, "until": now},
        "不满意": {"unsatisfied": True},
        "渠道=Telegram": {"source": "telegram"},
        "关键词=漏水": {"words": ["漏水"]},
        "关键词=电梯故障": {"words": ["电梯故障"]},
        "按时限排序": {"sort": "due"},
        "按层级排序第20页": {"sort": "level", "page": 20},
    }


def viewers(config: Any) -> dict[str, Any]:
    """A narrower viewer of each kind: the first street's office, community and grid branch."""
    from models.repos.tickets import Scope

    street, community, grid = next(iter(config.district.grids()))
    return {f"街道 {street.code}": Scope(streets={street.code}),
            f"社区 {community.code}": Scope(communities={community.code}),
            f"网格 {grid.code}": Scope(grids={grid.code})}


VIEWER_STEPS = ("queue 全部", "queue 超时", "queue 按时限排序", "map", "dashboard")


def endpoints(config: Any, now: datetime, numbers: list[str], rng: random.Random,
              scope: Any = None) -> dict[str, Step]:
    """Each endpoint's database work, as the console's handlers do it, for the district (or
    for `scope`)."""
    from models.reports.month import Month
    from models.reports.monthly import month_assessment
    from models.repos.console import QueueFilter
    from models.repos.tickets import Scope

    scope = scope or Scope(everything=True)
    tz = ZoneInfo(config.district.timezone)

    def queue_step(fields: dict[str, Any]) -> Step:
        return lambda uow: uow.console.queue(scope, QueueFilter(**fields), now)

    async def ticket(uow: Any) -> None:
        listed = await uow.console.ticket(scope, rng.choice(numbers), now)
        events = await uow.events.for_ticket(listed.ticket.id)
        await uow.org.people(sorted({e.actor for e in events}))
        await uow.console.neighbours(scope, listed.ticket, now - timedelta(days=30), now)
        await uow.tickets.ratings(listed.ticket.id)

    async def district_map(uow: Any) -> None:
        await uow.map.grid_loads(scope, now)
        await uow.map.points(scope, now, 5000)

    async def dashboard(uow: Any) -> None:
        today = datetime.combine(now.astimezone(tz).date(), clock_time(), tz)
        week = today - timedelta(days=today.weekday())
        await uow.dashboard.received_days(scope, today - timedelta(days=13), tz)
        await uow.map.grid_loads(scope, now)
        await uow.dashboard.urgent(scope, now - timedelta(hours=24))
        await uow.dashboard.overdue_by_level(scope, now)
        await uow.dashboard.flow(scope, today, now)
        await uow.dashboard.flow(scope, week, now)
        await uow.dashboard.categories(scope, week)

    async def district_assessment(uow: Any) -> None:
        month = Month.containing(now, config.district.timezone)
        await month_assessment(uow, config, config.district.code, month, as_of=now)

    steps = {f"queue {name}": queue_step(fields)
             for name, fields in queue_filters(config, now).items()}
    return {**steps, "ticket": ticket, "map": district_map, "dashboard": dashboard,
            "assessment": district_assessment}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def timed(factory: Any, step: Step, rounds: int) -> list[float]:
    """Milliseconds of `rounds` runs of `step`, each in its own unit of work, after a warm-up."""
    times = []
    for index in range(rounds + 1):
        async with factory() as uow:
            started = time.perf_counter()
            await step(uow)
            if index:
                times.append((time.perf_counter() - started) * 1000)
    return times


def verdict(target: int | None, p95: float) -> str:
    if target is None:
        return "无目标"
    return f"目标 < {target}{'' if p95 < target else '  超出'}"


async def measure(url: str, rounds: int, seed: int) -> list[str]:
    from bot.cli.commands.report_monthly_cmd import config_for
    from models.clock import FixedClock
    from models.db import create_engine, session_factory
    from models.uow import UnitOfWorkFactory

    config = config_for(None)
    engine = create_engine(url)
    try:
        factory = UnitOfWorkFactory(session_factory(engine), FixedClock(datetime.now(UTC)))
        async with factory() as uow:
            count, newest, numbers = await uow.bulk.overview(1000)
        if newest is None:
            return [f"数据库 {shown(url)} 里没有工单：先运行 griddesk simulate --bulk"]
        now = newest + timedelta(minutes=1)
        steps = endpoints(config, now, numbers, random.Random(seed))
        local_now = now.astimezone(ZoneInfo(config.district.timezone))
        lines = [f"数据库 {shown(url)}：{count} 件工单；当前时刻 {local_now:%Y-%m-%d %H:%M}；"
                 f"每项 {rounds} 次（另预热 1 次）"]
        for viewer, scope in viewers(config).items():
            narrow = endpoints(config, now, numbers, random.Random(seed), scope)
            steps |= {f"{name}（{viewer}）": narrow[name] for name in VIEWER_STEPS}
        for name, step in steps.items():
            times = await timed(factory, step, min(rounds, FEWER_ROUNDS.get(name, rounds)))
            p95, target = percentile(times, 0.95), TARGETS_MS.get(name.split("（")[0].split()[0])
            lines.append(f"{name:<24} p50 {statistics.median(times):7.1f} 毫秒  "
                         f"p95 {p95:7.1f} 毫秒  " + verdict(target, p95)
                         + ("" if len(times) == rounds else f"（{len(times)} 次）"))
    finally:
        await engine.dispose()
    return lines


@click.command("console")
@click.option("--database", "--url", "url", default=DEFAULT_URL, show_default=True,
              help="A database filled by `griddesk simulate --bulk`.")
@click.option("--rounds", type=click.IntRange(5, 1000), default=20, show_default=True,
              help="Timed runs of each endpoint.")
@click.option("--seed", type=int, default=1, show_default=True, help="Which tickets are opened.")
def bench_console(url: str, rounds: int, seed: int) -> None:
    """Server-side p50/p95 of the console's queue, ticket page, map data, dashboard, 考核."""
    click.echo("负载（1/5/15 分钟）：" + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    for line in asyncio.run(measure(url, rounds, seed)):
        click.echo(line)
