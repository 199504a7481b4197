"""`griddesk bench open311`: Open311 `POST requests` per second over HTTP through the whole
routing and filing path on PostgreSQL, beside `bench e2e`'s bare pipeline (jieba + one asyncpg
INSERT) of the same texts in the same run. Prints figures only.

The web application runs in this process on a loopback port and the load comes from this
process too (an aiohttp client with `concurrency` requests in flight), so the CPU figure per
request includes the client's share.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import time
from array import array
from collections.abc import Callable
from dataclasses import dataclass

DEFAULT_POINT = ("35.372", "116.601")  # 明德花园第一网格 in the demo district
Echo = Callable[[str], None]


@dataclass(frozen=True)
class Figures:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    failures: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def _post_all(base: str, key: str, texts: list[str], count: int,
                    concurrency: int, phase: str) -> Figures:
    import aiohttp

    latencies: array[float] = array("d")
    failures = 0
    numbers = iter(range(count))
    async with aiohttp.ClientSession() as http:

        async def resident() -> None:
            nonlocal failures
            for n in numbers:
                fields = {"api_key": key, "description": texts[n % len(texts)],
                          "lat": DEFAULT_POINT[0], "long": DEFAULT_POINT[1]}
                began = time.perf_counter()
                async with http.post(f"{base}/open311/v2/requests.json", data=fields,
                                     headers={"Idempotency-Key": f"{phase}-{n}"}) as response:
                    await response.read()
                    failures += response.status != 201
                latencies.append(time.perf_counter() - began)

        cpu, began = _cpu_seconds(), time.perf_counter()
        await asyncio.gather(*(resident() for _ in range(concurrency)))
        seconds, cpu = time.perf_counter() - began, _cpu_seconds() - cpu
    ordered = sorted(latencies)
    return Figures(count, seconds, statistics.median(ordered) * 1000,
                   ordered[int(len(ordered) * 0.99) - 1] * 1000, cpu * 1000 / count, failures)


async def _measure(url: str, texts: list[str], count: int, concurrency: int) -> Figures:
    from aiohttp import web

    from bot.app import build_app
    from bot.settings import Settings
    from bot.web.app import create_web_app
    from handlers.open311 import KeySpec, create_key

    app = await build_app(Settings.model_validate({"GRIDDESK_DATABASE_URL": url}))
    runner = web.AppRunner(create_web_app(app), access_log=None)
    try:
        async with app.services.uow_factory() as uow:
            key = await create_key(uow, KeySpec("bench", can_file=True, per_minute=10_000))
            await uow.commit()
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        base = f"http://127.0.0.1:{port}"
        await _post_all(base, key, texts, min(50, count), min(concurrency, 4), "warm-up")
        return await _post_all(base, key, texts[::-1], count, concurrency, "run")
    finally:
        await runner.cleanup()
        await app.close()


def run(server_url: str, count: int, concurrency: int, echo: Echo) -> None:
    import os

    from bench.e2e import _admin, complaint_texts, create_database, verify
    from bench.e2e_bare import run_bare

    name = f"griddesk_bench_open311_{os.getpid()}"
    url = asyncio.run(create_database(server_url, name))
    try:
        echo(f"griddesk bench open311 — PostgreSQL database {name}, {concurrency} requests "
             "in flight")
        texts = complaint_texts(min(count, 1000))
        bare = asyncio.run(run_bare(url, texts, max(count, 5000), concurrency))
        echo(f"bare pipeline (jieba.lcut + one asyncpg INSERT, {concurrency} connections): "
             f"{bare.complaints} complaints in {bare.seconds:.1f} s = {bare.rate:.0f} /s, "
             f"p50 {bare.p50_ms:.1f} ms, p99 {bare.p99_ms:.1f} ms")
        figures = asyncio.run(_measure(url, texts, count, concurrency))
        echo(f"Open311 POST requests.json (HTTP, routing, ticket service, card in the outbox): "
             f"{figures.requests} requests in {figures.seconds:.1f} s = {figures.rate:.1f} /s; "
             f"latency p50 {figures.p50_ms:.1f} ms, p99 {figures.p99_ms:.1f} ms; "
             f"{figures.cpu_ms:.1f} ms CPU per request (server and client); "
             f"{figures.failures} not filed")
        ratio = figures.rate / bare.rate if bare.rate else 0.0
        echo(f"  ratio to the bare pipeline: {ratio:.1%}")
        checked = asyncio.run(verify(url))
        ok = checked["tickets"] == checked["numbers"] and checked["without_card"] == 0
        echo(f"check: {checked['tickets']} tickets, {checked['numbers']} distinct numbers, "
             f"{checked['without_card']} without the worker card in the outbox"
             + (" — OK" if ok else " — WRONG"))
    finally:
        asyncio.run(_admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
