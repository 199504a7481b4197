"""Scale-out: two `griddesk webhook` processes behind one address, sharing PostgreSQL (and Redis
for the conversation state), give the result one process gives.

The residents' updates are fed alternately to the two processes; updates of one chat are also
fed to both at the same moment (a double tap; Telegram delivering the same update twice). Every
check is about outcomes: one ticket per filing, one worker card each, no step lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bench.botapi_double import BotApiDouble, BotMessage, SimUser
from models.db import create_engine
from models.orm import OutboxRow, TicketRow
from models.repos.outbox import SENT
from nlp.normalize import detect_script
from tests.scale.cluster import Poster, webhooks

pytestmark = [pytest.mark.pg, pytest.mark.slow]

NUMBER = re.compile(r"TBH-\d{8}-\d{4,}")
REDIS_URL = os.environ.get("GRIDDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
RESIDENTS = 8
Route = Callable[[int, int], int]  # (resident index, step) → process index


def summary(message: BotMessage) -> bool:
    return "请核对" in message.plain_text


def contact_offer(message: BotMessage) -> bool:
    return "如希望网格员回电" in message.plain_text


def filed(message: BotMessage) -> bool:
    return "已提交" in message.plain_text


@pytest.fixture(scope="module")
def complaints() -> list[str]:
    """Simplified-script complaints that name their place, each in another grid if possible."""
    from bench.e2e import complaint_texts
    from models.config.loader import load_config
    from nlp.router import Router

    router = Router.from_config(load_config())
    by_grid: dict[str | None, str] = {}
    for text in complaint_texts(300):
        if detect_script(text) == "hans":
            by_grid.setdefault(router.route(text).grid, text)
    texts = list(by_grid.values())
    return (texts * RESIDENTS)[:RESIDENTS]


def redis_available() -> str | None:
    try:
        from redis import Redis

        client = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        client.close()
    except Exception as exc:  # any failure: no usable Redis
        return f"Redis not reachable at {REDIS_URL}: {exc}"
    return None


@contextlib.contextmanager
def redis_cleanup(user_ids: list[int]) -> Iterator[None]:
    try:
        yield
    finally:
        from redis import Redis

        client = Redis.from_url(REDIS_URL)
        keys = [f"griddesk:conv:{uid}" for uid in user_ids]
        keys += [f"griddesk:conv:lock:{uid}" for uid in user_ids]
        client.delete(*keys)
        client.close()


MODES = [("aiogram", "database"), ("aiogram", "redis"), ("ptb", "database"), ("ptb", "redis")]


@pytest.fixture(params=MODES, ids=["-".join(mode) for mode in MODES])
def mode(request: pytest.FixtureRequest) -> tuple[str, str]:
    framework, state = request.param
    if state == "redis" and (reason := redis_available()):
        pytest.skip(reason)
    return framework, state


async def file_all(
    api: BotApiDouble, poster: Poster, residents: list[SimUser], texts: list[str], route: Route
) -> dict[int, str]:
    """Every resident files one complaint (text, then 确认提交), all at once; each step goes
    to the process `route` names. Returns resident id → ticket number."""

    async def one(index: int, resident: SimUser) -> tuple[int, str]:
        await poster.post(route(index, 0), await resident.send_text(texts[index]))
        shown = await api.wait_for(resident, summary, timeout=30)
        # The text's last reply too, as a person reads both before tapping: with aiogram the
        # press may reach the other process while the first is still sending the offer.
        await api.wait_for(resident, contact_offer, timeout=30)
        await poster.post(route(index, 1), await resident.press(shown, "确认提交"))
        reply = await api.wait_for(resident, filed, timeout=30)
        found = NUMBER.search(reply.plain_text)
        assert found is not None, reply.plain_text
        return resident.id, found.group()

    return dict(await asyncio.gather(*(one(i, r) for i, r in enumerate(residents))))


async def tickets_of(url: str, user_ids: list[int]) -> list[TicketRow]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(TicketRow)
                .where(TicketRow.reporter_user_id.in_(user_ids))
                .order_by(TicketRow.id)
            )
            return list(rows)  # type: ignore[arg-type]
    finally:
        await engine.dispose()


async def cards_sent(url: str, numbers: list[str]) -> list[OutboxRow]:
    """The outbox rows of these tickets, once the senders have delivered all of them (the
    residents' direct replies, recorded as `reply:` rows, are counted apart)."""
    engine = create_engine(url)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60.0
    try:
        while True:
            async with engine.connect() as connection:
                rows: list[Any] = list(
                    await connection.execute(
                        select(OutboxRow).where(OutboxRow.ticket_number.in_(numbers))
                    )
                )
            if rows and all(row.status == SENT for row in rows):
                return [row for row in rows if not row.key.startswith("reply:")]
            assert loop.time() < deadline, [(r.key, r.status, r.last_error) for r in rows]
            await asyncio.sleep(0.3)
    finally:
        await engine.dispose()


def deliveries(api: BotApiDouble, chat_id: int, number: str) -> int:
    return sum(1 for message in api.messages_to(chat_id) if number in message.plain_text)


async def outcome(
    api: BotApiDouble, url: str, residents: list[SimUser], numbers: dict[int, str]
) -> list[tuple[Any, ...]]:
    """Per resident, in order: what was filed and delivered (no ids, no numbers)."""
    ids = [resident.id for resident in residents]
    tickets = await tickets_of(url, ids)
    assert sorted(t.reporter_user_id or 0 for t in tickets) == sorted(ids), "lost or doubled"
    rows = {row.reporter_user_id: row for row in tickets}
    assert len(set(numbers.values())) == len(ids), "two filings got the same number"
    cards = await cards_sent(url, list(numbers.values()))
    by_ticket = {
        number: [c for c in cards if c.ticket_number == number] for number in numbers.values()
    }
    result = []
    for resident in residents:
        ticket = rows[resident.id]
        assert ticket.number == numbers[resident.id]
        [card] = by_ticket[ticket.number]  # one worker card per ticket, no more
        assert deliveries(api, card.chat_id, ticket.number) == 1, "card delivered twice"
        said = [m.plain_text.split("\n")[0] for m in api.messages_to(resident)]
        said = [NUMBER.sub("<n>", line) for line in said]
        result.append(
            (
                ticket.category_code,
                ticket.grid_code,
                ticket.status,
                ticket.assignee_code,
                card.person_code,
                said,
            )
        )
    return result


def new_residents(api: BotApiDouble, count: int) -> list[SimUser]:
    base = 5_600_000_000 + secrets.randbelow(10**8) * 10
    return [api.user(base + i, "居民") for i in range(count)]


@contextlib.asynccontextmanager
async def running(
    api: BotApiDouble, pg_url: str, mode: tuple[str, str], folder: Path, residents: list[SimUser]
) -> AsyncIterator[Poster]:
    """Two webhook processes of `mode` (framework, state store); with Redis, the sweeper and the
    sender run in a separate `griddesk worker`. Redis keys of `residents` are removed at the
    end."""
    framework, state = mode
    redis = state == "redis"
    with redis_cleanup([resident.id for resident in residents]):
        async with (
            webhooks(
                2,
                db_url=pg_url,
                api_base=api.base_url,
                token=api.token,
                framework=framework,
                folder=folder,
                redis_url=REDIS_URL if redis else None,
                worker=redis,  # the production layout: webhooks only, one `griddesk worker`
            ) as hooks,
            Poster(hooks).session() as poster,
        ):
            yield poster


async def double_tap(api: BotApiDouble, poster: Poster, resident: SimUser, text: str) -> None:
    """确认提交 pressed twice; the two presses reach the two processes at the same moment."""
    await poster.post(resident.id, await resident.send_text(text))
    shown = await api.wait_for(resident, summary, timeout=30)
    first = await resident.press(shown, "确认提交")
    second = await resident.press(shown, "确认提交")
    await poster.post_together([(0, first), (1, second)])
    answers = [await api.wait_for_answer(press, timeout=30) for press in (first, second)]
    stale = [answer for answer in answers if "失效" in answer.get("text", "")]
    assert len(stale) == 1, answers  # the later press finds the draft filed


async def delivered_twice(api: BotApiDouble, poster: Poster, resident: SimUser, text: str) -> None:
    """One 确认提交 update delivered to both processes at once (a retried delivery)."""
    await poster.post(resident.id, await resident.send_text(text))
    shown = await api.wait_for(resident, summary, timeout=30)
    press = await resident.press(shown, "确认提交")
    await poster.post_together([(0, press), (1, press)])


def the_number(api: BotApiDouble, resident: SimUser) -> str:
    """The one 已提交 message the resident got, and its ticket number."""
    found = [m for m in api.messages_to(resident) if filed(m)]
    assert len(found) == 1, [m.plain_text for m in api.messages_to(resident)]
    match = NUMBER.search(found[0].plain_text)
    assert match is not None
    return match.group()


async def test_two_processes_file_like_one_and_each_chat_once(
    mode: tuple[str, str], pg_url: str, complaints: list[str], tmp_path: Path
) -> None:
    """One pair of processes (their start-up is most of the cost) for both checks, each with
    residents of its own: filings spread over the two give what one process gives; a double
    tap, or one update delivered to both at once, still files one ticket and says 已提交 once."""
    async with BotApiDouble() as api:
        alone, shared = new_residents(api, RESIDENTS), new_residents(api, RESIDENTS)
        tappers, repeated = new_residents(api, RESIDENTS), new_residents(api, RESIDENTS)
        everyone = alone + shared + tappers + repeated
        async with running(api, pg_url, mode, tmp_path, everyone) as poster:
            one = await file_all(api, poster, alone, complaints, lambda i, step: 0)
            # every step of every resident goes to the other process than the step before
            two = await file_all(api, poster, shared, complaints, lambda i, step: i + step)
            assert poster.posted[1] == RESIDENTS
            expected = await outcome(api, pg_url, alone, one)
            assert await outcome(api, pg_url, shared, two) == expected

            await asyncio.gather(
                *(
                    double_tap(api, poster, resident, complaints[i])
                    for i, resident in enumerate(tappers)
                )
            )
            await asyncio.gather(
                *(
                    delivered_twice(api, poster, resident, complaints[i])
                    for i, resident in enumerate(repeated)
                )
            )
            for resident in tappers + repeated:
                await api.wait_for(resident, filed, timeout=30)
            numbers = {resident.id: the_number(api, resident) for resident in tappers + repeated}
            await outcome(api, pg_url, tappers + repeated, numbers)
