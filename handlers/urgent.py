"""Urgent complaints in the resident's chat: the question when the engine is unsure, and the
answer that tells the resident whom to call now (its own for a missing or fallen person)."""

from __future__ import annotations

from datetime import timedelta

from handlers import texts
from handlers.context import Ctx, clip, escape
from handlers.conversation import Details, Draft, State, Step
from handlers.messages import DETAIL, say
from handlers.notify import Notifier
from handlers.org import OrgDirectory
from handlers.types import Keyboard
from models.orm import TicketRow
from nlp.router import Router, RoutingDecision
from nlp.urgency import MODEL_FRAME

DETAILS = State.URGENT_DETAILS  # the conversation state after a missing or fallen person's filing
DETAILS_FOR = timedelta(hours=6)
YES, NO = "draft_urgent_yes", "draft_urgent_no"
ACTIONS = (YES, NO)

ASK_URGENT = "现在是否有人被困、受伤、走失，或正在发生危险？"
BTN_YES = "是，情况紧急"
BTN_NO = "不紧急"
NOT_URGENT = "好的，按一般诉求办理。"
GAS_LINE = "燃气公司抢修电话 {number}"
GAS_LINE_UNKNOWN = "燃气公司抢修电话"

FILED_MISSING = (
    "⚠️ 有人走失，请马上拨打 {numbers} 报警，不要等。\n"
    "我们已登记为紧急工单 <b>{number}</b>，网格员和社区、街道、区里的值班人员已同时收到通知。\n"
    "请接着在这里发来：\n"
    "1. 走失者的近期照片；\n"
    "2. 走失时穿的衣服、身高体型、随身带的东西；\n"
    "3. 最后一次看到他的时间和地点，可能去的地方。\n"
    "地点：{place}"
)
FILED_FALLEN = (
    "⚠️ 请马上拨打 {numbers} 叫救护车，说清地址和老人的情况。\n"
    "我们已登记为紧急工单 <b>{number}</b>，网格员和社区、街道、区里的值班人员已同时收到通知，"
    "会尽快上门。\n"
    "请接着在这里发来：\n"
    "1. 准确地址（楼栋、单元、门牌），家里有没有人能开门；\n"
    "2. 老人的年龄、病史和正在吃的药；\n"
    "3. 能联系上的家属电话。\n"
    "地点：{place}"
)
ANSWERS = {"missing": FILED_MISSING, "fallen": FILED_FALLEN}
DETAIL_RECEIVED = (
    "已转给所有处理人员（工单 {number}）。还有新情况请继续发来；找到人或已送医后也请告诉我们。"
)
DETAIL_CARD = "🚨 紧急工单 {number} 居民补充：\n{text}"
DETAIL_PHOTO = "（照片）"
MODEL_LABEL = "模型提示：{words}"  # a question the n-gram model asked, confirmed by the resident


def take_frame(ctx: Ctx, draft: Draft, decision: RoutingDecision) -> None:
    """What a draft keeps of the urgency: the question, the frame's label and its answer."""
    keep_frame(ctx.services.router, draft, decision)


def keep_frame(router: Router, draft: Draft, decision: RoutingDecision) -> None:
    """`take_frame` for a filing without a chat (Open311)."""
    labels = {kind.name: kind.label for kind in router.rules.urgent.kinds}
    labels[MODEL_FRAME] = MODEL_LABEL.format(words="、".join(decision.keywords[-3:]))[:64]
    frame = decision.urgent_frames[0] if decision.urgent_frames else None
    draft.urgent_ask = decision.urgent_ask
    draft.urgent_frame = labels.get(frame, frame) if frame else None
    draft.urgent_answer = decision.urgent_answer


async def ask(ctx: Ctx, draft: Draft) -> None:
    """Signs of danger but no certain frame: ask before anything else."""
    draft.step = Step.URGENT
    nonce = draft.nonce
    ctx.say(
        ASK_URGENT,
        Keyboard.inline(
            [
                await ctx.button(BTN_YES, YES, nonce=nonce),
                await ctx.button(BTN_NO, NO, nonce=nonce),
            ]
        ),
    )


def take_answer(ctx: Ctx, draft: Draft, action: str) -> bool:
    """Record the resident's word on the draft; False (refused) when no question is open."""
    if draft.step != Step.URGENT:
        ctx.refuse_stale(f"{action} while the draft awaits {draft.step}")
        return False
    draft.step = None
    draft.urgent_ask = False
    draft.urgent = action == YES
    if action == NO:
        draft.urgent_frame = draft.urgent_answer = None
        ctx.say(NOT_URGENT)
    return True


def numbers_text(ctx: Ctx, numbers: list[str]) -> str:
    """The numbers to call in words; `gas` is the district's gas company line."""
    line = ctx.config.district.gas_hotline
    gas = GAS_LINE.format(number=line) if line else GAS_LINE_UNKNOWN
    return " / ".join(gas if n == "gas" else texts.EMERGENCY_NAMES.get(n, n) for n in numbers)


def filed_text(ctx: Ctx, ticket: TicketRow, draft: Draft, place: str) -> str:
    """The reply to an urgent filing: whom to call now, and for a missing or fallen person
    what to send next."""
    template = ANSWERS.get(draft.urgent_answer or "", texts.FILED_URGENT)
    numbers = numbers_text(ctx, list(draft.emergency or ["110"]))
    return template.format(numbers=numbers, number=ticket.number, place=escape(place))


def expect_details(ctx: Ctx, ticket: TicketRow, draft: Draft) -> None:
    """After a missing or fallen person's filing, the resident's next messages are details."""
    if draft.urgent_answer in ANSWERS:
        until = ctx.now() + DETAILS_FOR
        ctx.enter(DETAILS, Details(ticket=ticket.id, until=until.timestamp()))


async def on_detail(ctx: Ctx, text: str | None, photo: str | None) -> bool:
    """A detail (text or photo) for the urgent ticket: kept on it and sent to the whole chain
    at once; False when the details window is over (the message is then a new complaint)."""
    details = ctx.details
    ticket = await ctx.uow.tickets.get(details.ticket) if details is not None else None
    if details is None or ticket is None or ctx.now().timestamp() > details.until:
        ctx.set_state(None)
        return False
    if photo is not None:
        ticket.attachments = [*(ticket.attachments or []), photo]
    notifier = Notifier(ctx.uow, ctx.services.clock, ctx.config)
    body = say("urgent.DETAIL_CARD", ["text"], number=ticket.number,
               text=escape(clip(text, 1500)) if text else DETAIL_PHOTO)
    key = f"{ticket.number}:detail:{ctx.incoming.update_id}"
    for member in await OrgDirectory(ctx.uow).members(ticket):
        await notifier.staff_text(member.code, body, f"{key}:{member.code}", ticket,
                                  (photo,) if photo else (), kind=DETAIL)
    ctx.say(DETAIL_RECEIVED.format(number=ticket.number))
    return True
