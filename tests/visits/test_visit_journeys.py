"""Journeys through the core on both databases: 走访登记, 代居民反映, the follow link, the
rating given by phone."""

from __future__ import annotations

from models.orm import RatingRow, TicketRow, VisitRow
from tests.hardening.flows import NUMBER
from tests.hardening.support import Driver
from tests.visits.flows import (
    WORKER,
    accept_and_resolve,
    describe_on_visit,
    follow_payload,
)
from tests.visits.flows import rows as _rows

RESIDENT = 5550301
OLD_LADY_SAYS = "楼下下水道堵了好几天，一楼厨房返臭水"


async def test_a_visit_without_requests_takes_two_taps(bot: Driver) -> None:
    await bot.text(WORKER, "走访登记")
    assert "3号楼（33户）" in [label for label, _ in bot.sent[-1].buttons]
    await bot.press(WORKER, "3号楼（33户）")
    await bot.press(WORKER, "无诉求")
    assert "已登记走访" in bot.last_to(WORKER)
    assert "本月您已走访 1 户，负责 198 户" in bot.last_to(WORKER)
    [visit] = await _rows(bot, VisitRow)
    assert (visit.person_code, visit.grid_code, visit.building, visit.outcome) == (
        WORKER, "MDHY-01", 3, "none")
    assert visit.room is None


async def test_a_typed_household_and_note_are_kept(bot: Driver) -> None:
    await bot.text(WORKER, "走访登记")
    await bot.text(WORKER, "4-2-301 独居老人，身体还好")
    assert "4号楼2单元301室" in bot.last_to(WORKER)
    await bot.text(WORKER, "99-1-101")  # another household typed instead: still building 4
    await bot.press(WORKER, "无诉求")
    [visit] = await _rows(bot, VisitRow)
    assert (visit.building, visit.unit, visit.room) == (4, "1", "101")
    assert visit.note == "独居老人，身体还好"


async def test_a_filing_cancelled_leaves_a_visit_without_requests(bot: Driver) -> None:
    await bot.text(WORKER, "走访登记")
    await bot.press(WORKER, "1号楼（33户）")
    await bot.press(WORKER, "代居民反映")
    await bot.text(WORKER, "取消")
    [visit] = await _rows(bot, VisitRow)
    assert (visit.outcome, visit.ticket_ids) == ("none", [])
    assert await _rows(bot, TicketRow) == []


async def test_a_building_outside_the_grid_is_asked_again(bot: Driver) -> None:
    await bot.text(WORKER, "走访登记")
    await bot.text(WORKER, "9-1-101")
    assert "1–6 号楼" in bot.last_to(WORKER)
    assert await _rows(bot, VisitRow) == []


async def test_filing_on_a_visit_with_consent_then_the_resident_follows(bot: Driver) -> None:
    await describe_on_visit(bot, 2, "1-102", OLD_LADY_SAYS)
    summary = bot.last_to(WORKER)
    assert "明德花园第一网格" in summary and "2号楼" in summary, summary
    assert "网格员走访代报" in summary and "未留" in summary
    await bot.press(WORKER, "居民同意留下姓名电话")
    await bot.text(WORKER, "刘奶奶 139 1234 5678")
    assert "刘奶奶 13912345678（经居民同意留存）" in bot.last_to(WORKER)
    outcome = await bot.press(WORKER, "确认提交")
    filed = next(text for text in bot.texts_to(WORKER) if "已代居民提交" in text)
    number = NUMBER.search(filed)
    assert number is not None and follow_payload(bot) in filed
    payload = follow_payload(bot)
    assert [file.kind for file in outcome.files] == ["photo"]  # the QR code
    assert outcome.files[0].path.read_bytes().startswith(b"\x89PNG")

    [ticket] = await _rows(bot, TicketRow)
    assert (ticket.source, ticket.filed_by) == ("visit", WORKER)
    assert (ticket.reporter_user_id, ticket.reporter_chat_id) == (None, None)
    assert (ticket.reporter_name, ticket.reporter_phone) == ("刘奶奶", "13912345678")
    assert (ticket.grid_code, ticket.building) == ("MDHY-01", 2)
    card = next(s for s in bot.sent if s.via_outbox and number.group() in s.text
                and "网格员王晓东走访代报" in s.text)
    assert "经居民同意留存" in card.text
    [visit] = await _rows(bot, VisitRow)
    assert (visit.outcome, visit.ticket_ids, visit.room) == ("filed", [ticket.id], "102")

    await bot.text(WORKER, f"/start {payload}")  # staff cannot take the resident's place
    assert "请交给居民本人" in bot.last_to(WORKER)
    await bot.text(RESIDENT, f"/start {payload}")
    assert "您已关注工单" in bot.last_to(RESIDENT)
    assert "居民已通过关注链接关注" in bot.last_to(WORKER)
    await accept_and_resolve(bot, "已疏通下水道，一楼不再返水。")
    assert any("请对办理结果进行评价" in text for text in bot.texts_to(RESIDENT))
    assert not any("请电话回访居民" in text for text in bot.texts_to(WORKER))
    await bot.press(RESIDENT, "满意")
    [rating] = await _rows(bot, RatingRow)
    assert (rating.score, rating.via) == ("satisfied", "chat")

    await bot.text(RESIDENT + 1, f"/start {payload}")  # used: nobody else can take it
    assert "无效或已经使用过" in bot.last_to(RESIDENT + 1)


async def test_without_the_link_the_worker_records_the_rating_by_phone(bot: Driver) -> None:
    await bot.text(WORKER, "代居民反映")
    await bot.text(WORKER, "老人说小区门口路灯不亮，晚上出门看不见")
    summary = bot.last_to(WORKER)
    assert "明德花园第一网格" in summary, summary  # no place said: the worker's own grid
    await bot.press(WORKER, "确认提交")
    await accept_and_resolve(bot, "已更换路灯。")
    assert any("请电话回访居民" in text for text in bot.texts_to(WORKER))
    await bot.press(WORKER, "基本满意")
    [rating] = await _rows(bot, RatingRow)
    assert (rating.score, rating.via) == ("basically", "phone")
    [ticket] = await _rows(bot, TicketRow)
    assert ticket.status == "closed"


async def test_a_resident_cannot_use_the_workers_buttons(bot: Driver) -> None:
    await bot.text(RESIDENT, "走访登记")
    assert "只对网格员开放" in bot.last_to(RESIDENT)
    await bot.text(RESIDENT, "代居民反映")
    assert "只对网格员开放" in bot.last_to(RESIDENT)


async def test_a_traditional_writer_follows_in_traditional(bot: Driver) -> None:
    await bot.text(WORKER, "代居民反映")
    await bot.text(WORKER, "老人说楼下下水道堵了，一楼返臭水")
    await bot.press(WORKER, "确认提交")
    payload = follow_payload(bot)
    update = bot.message(RESIDENT, text=f"/start {payload}",
                         entities=[{"type": "bot_command", "offset": 0, "length": 6}])
    update["message"]["from"]["language_code"] = "zh-hant"
    await bot.push(update)
    assert "您已關注工單" in bot.last_to(RESIDENT) and "網格員走訪" in bot.last_to(RESIDENT)
    await bot.press(WORKER, "接单")
    assert any("已受理" in text and "網格員" in text for text in bot.texts_to(RESIDENT))


async def test_a_household_with_two_requests_is_one_visit(bot: Driver) -> None:
    await bot.text(WORKER, "走访登记")
    await bot.text(WORKER, "6-1-602")
    await bot.press(WORKER, "代居民反映")
    await bot.text(WORKER, "家门口的楼道灯不亮")
    await bot.press(WORKER, "确认提交")
    await bot.press(WORKER, "这户还有诉求")
    await bot.text(WORKER, "楼下有人半夜装修噪音很大")
    await bot.press(WORKER, "确认提交")
    tickets = await _rows(bot, TicketRow)
    assert [ticket.building for ticket in tickets] == [6, 6]
    [visit] = await _rows(bot, VisitRow)
    assert (visit.outcome, visit.ticket_ids) == ("filed", [t.id for t in tickets])
