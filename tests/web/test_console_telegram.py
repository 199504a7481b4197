"""A console action reaches Telegram through the real outbox sender and the Bot API double:
the new grid's worker gets the card, the resident the update."""

from __future__ import annotations

from bench.botapi_double import BotApiDouble
from tests.delivery.conftest import make_sender
from tests.web.console import LIFT, OTHER_WORKER, WORKER, console_for
from tests.web.test_console_ticket import act


async def test_a_console_transfer_is_sent_to_the_worker_and_the_resident(pg_url: str) -> None:
    async with console_for(pg_url) as console, BotApiDouble() as api:
        ticket = await console.file(LIFT)  # the filing's messages: delivered by the demo driver
        await console.sign_in(WORKER)
        notice = await act(console, ticket.number, "transfer", grid="SYST-02",
                           reason="这栋楼归颂运水庭物业管")
        assert notice == f"{ticket.number} 已转派至颂运水庭第二网格。"
        sender = make_sender(console.app.services.uow_factory, api)
        try:
            await sender.drain()
        finally:
            await sender.api.close()
        worker_chat = console.chat.user_id(OTHER_WORKER)
        card = await api.wait_for(worker_chat, "由王晓东（网格员）转派")
        assert ticket.number in card.text
        await api.wait_for(worker_chat, "这栋楼归颂运水庭物业管")
        update = await api.wait_for(console.chat.user_id("resident"), "颂运水庭")
        assert ticket.number in update.text
