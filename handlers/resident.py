"""The resident's conversation: file a complaint, follow it, rate the result."""

from __future__ import annotations

import re
from typing import Any

from handlers import texts, urgent, visit_draft
from handlers import visit_texts as vt
from handlers.advice import urgent_advice
from handlers.context import QUOTA_WINDOW, Ctx, clip, escape
from handlers.conversation import Draft, State, Step
from handlers.intent import urgency_answer
from handlers.notify import describe_place
from handlers.service_levels import service_level_text
from handlers.tickets import TicketService
from handlers.types import Button, Keyboard
from models.orm import TicketRow
from nlp.normalize import normalize

DRAFT = State.DRAFT
_NOT_WORD = re.compile(r"[\W_]+")

MAIN_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_REPORT)], [Button(texts.BTN_MY_TICKETS), Button(texts.BTN_HELP)]
)
STAFF_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_TASKS), Button(texts.BTN_REPORT)],
    [Button(vt.BTN_FILE_FOR), Button(vt.BTN_VISIT)],
    [Button(texts.BTN_MY_TICKETS), Button(texts.BTN_HELP)],
)
ADDRESS_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_SEND_LOCATION, request_location=True)],
    [Button(texts.BTN_SKIP), Button(texts.BTN_CANCEL)],
)
CONTACT_KEYBOARD = Keyboard.reply(
    [Button(texts.BTN_SHARE_CONTACT, request_contact=True)], [Button(texts.BTN_CANCEL)]
)

ASK_KEYBOARD = Keyboard.reply([Button(texts.BTN_CANCEL)])


def home_keyboard(ctx: Ctx) -> Keyboard:
    """The reply keyboard of the person's role: staff or resident."""
    return STAFF_KEYBOARD if ctx.person is not None else MAIN_KEYBOARD


def open_draft(ctx: Ctx) -> Draft:
    """The draft in progress, or a new one waiting for its description."""
    return ctx.draft or ctx.enter(DRAFT, Draft(step=Step.TEXT))


async def begin(ctx: Ctx) -> None:
    """我要反映 pressed: ask for the description."""
    ctx.enter(DRAFT, Draft(step=Step.TEXT))
    ctx.say(texts.ASK_DESCRIPTION, ASK_KEYBOARD)


async def new_complaint(ctx: Ctx, text: str) -> None:
    """Free text outside a draft's questions: a new complaint (the draft open is dropped)."""
    draft = ctx.enter(DRAFT, Draft())
    await _describe(ctx, draft, text, keep=False)


async def describe_again(ctx: Ctx, text: str) -> None:
    """The description asked for (after 我要反映 or 修改): the place given earlier stays."""
    draft = ctx.draft
    assert draft is not None
    await _describe(ctx, draft, text, keep=True)


async def _describe(ctx: Ctx, draft: Draft, text: str, keep: bool) -> None:
    if not draft.on_behalf and await _is_duplicate(ctx, text):
        return
    decision = ctx.services.router.route(text, draft.location)
    previous = draft.place()
    draft.text = text
    draft.routed(decision)
    urgent.take_frame(ctx, draft, decision)
    if keep and decision.grid is None and previous[1]:
        draft.put_place(previous)  # an address given earlier still holds after 修改
    if decision.urgent:
        await file(ctx)
        return
    if decision.urgent_ask:
        await urgent.ask(ctx, draft)
        return
    await after_description(ctx, draft)


async def after_description(ctx: Ctx, draft: Draft) -> None:
    """The address if none is known yet, else the summary to confirm."""
    visit_draft.default_place(ctx, draft)
    if draft.grid is None and not draft.address_asked:
        draft.step, draft.address_asked = Step.ADDRESS, True
        ctx.say(texts.ASK_ADDRESS, ADDRESS_KEYBOARD)
        return
    await show_summary(ctx)


async def _is_duplicate(ctx: Ctx, text: str) -> bool:
    """The same resident sending the same complaint within a day is pointed to the ticket."""
    now = ctx.now()
    key = complaint_key(text)
    reporter = await ctx.reporter_facts()
    for ticket in reporter.recent_open:
        if complaint_key(ticket.original_text) == key:
            age = now - ticket.created_at
            when = f"{texts.plain_duration(age)}前" if age.total_seconds() >= 60 else "刚才"
            ctx.say(texts.DUPLICATE.format(when=when, number=ticket.number))
            held = ctx.draft.held if ctx.draft is not None else []
            ctx.set_state(None)
            await resume_held(ctx, held)
            return True
    return False


def complaint_key(text: str) -> str:
    """What makes two complaints the same: their folded, Simplified text without spaces,
    punctuation and emoji."""
    return _NOT_WORD.sub("", normalize(text).text)


async def address_given(ctx: Ctx, text: str) -> None:
    """The answer to 在哪里: the place, and maybe more of the description."""
    draft = ctx.draft
    assert draft is not None
    match = ctx.services.router.resolve_address(text, None)
    if match.community is None and says_more_than_address(ctx, text):  # kept, not dropped
        draft.text = f"{draft.text}\n{text}"
        ctx.say(texts.ADDRESS_NOT_FOUND_KEPT, ADDRESS_KEYBOARD)
        return
    if match.community is None:
        ctx.say(texts.ADDRESS_NOT_FOUND, ADDRESS_KEYBOARD)
        return
    place = (match.community, match.grid, match.building)
    draft.address_text = text
    draft.put_place(place)
    if says_more_than_address(ctx, text):  # 明德花园5号楼，已经三天了: the rest is description
        combined = f"{draft.text}\n{text}"
        decision = ctx.services.router.route(combined, draft.location)
        draft.text = combined
        draft.routed(decision)
        draft.put_place(place)
        if decision.urgent:
            await file(ctx)
            return
    await show_summary(ctx)


_ADDRESS_WORDS = re.compile(r"\d+|[一二三四五六七八九十两]+|号|楼|栋|幢|座|单元|室|层|门|小区|社区|"
                            r"在|是|的|这|那|里|边|附近|旁边|对面|门口|院")


def says_more_than_address(ctx: Ctx, text: str) -> bool:
    """An address answer that also tells something about the problem."""
    rest = _NOT_WORD.sub("", normalize(text).text)
    for _, community in ctx.config.district.communities():
        for name in sorted([community.name, *community.aliases], key=len, reverse=True):
            rest = rest.replace(name, "")
    return len(_ADDRESS_WORDS.sub("", rest)) >= 3


async def on_location(ctx: Ctx, lat: float, lon: float) -> None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        ctx.say(texts.LOCATION_INVALID)
        return
    draft = ctx.draft
    if draft is None:
        ctx.enter(DRAFT, Draft(step=Step.TEXT, location=(lat, lon)))
        ctx.say(texts.ASK_DESCRIPTION, ASK_KEYBOARD)
        return
    draft.location = (lat, lon)
    match = ctx.services.router.resolve_address(None, (lat, lon))
    if match.grid is None:
        ctx.say(texts.LOCATION_OUTSIDE.format(district=escape(ctx.config.district.name)),
                ADDRESS_KEYBOARD)
        return
    if draft.text is None:
        ctx.say(texts.ASK_DESCRIPTION, ASK_KEYBOARD)
        return
    if not (draft.building and draft.grid):  # a building named in the text stays
        draft.community, draft.grid = match.community, match.grid
    await show_summary(ctx)


async def on_skip(ctx: Ctx) -> None:
    if ctx.draft is not None and ctx.draft.text:
        await show_summary(ctx)
    else:
        ctx.say(texts.NOTHING_TO_CANCEL, MAIN_KEYBOARD)


async def on_photo(ctx: Ctx, file_id: str, caption: str | None) -> None:
    """A photo joins the draft; the photos of one album (one update each) get one answer."""
    if ctx.details is not None and await urgent.on_detail(ctx, caption, file_id):
        return
    album = ctx.incoming.media_group_id
    draft = ctx.draft
    same_album = draft is not None and album is not None and draft.album == album
    another = caption and not same_album and draft is not None and draft.step == Step.CONFIRM
    if draft is None or another:
        draft = ctx.enter(DRAFT, Draft(step=Step.TEXT))
    draft.album = album
    photos = draft.photos
    if file_id not in photos and len(photos) < ctx.services.limits.max_photos:
        photos.append(file_id)
    if caption:
        await (describe_again(ctx, caption) if draft.step in (Step.TEXT, Step.EDIT)
               else address_given(ctx, caption) if draft.step == Step.ADDRESS
               else new_complaint(ctx, caption))
        return
    if same_album:
        return
    if draft.text is None:
        ctx.say(texts.PHOTO_ASK_TEXT, ASK_KEYBOARD)
    else:
        ctx.say(texts.PHOTO_ATTACHED.format(count=len(photos)))


async def on_contact(ctx: Ctx, phone: str, contact_user_id: int | None, name: str) -> None:
    """The resident's own contact (the 留下电话 button); a phone-book card of somebody else, or
    of nobody on Telegram, is refused: staff would call a stranger."""
    if contact_user_id != ctx.user_id:
        ctx.say(texts.CONTACT_NOT_OWN)
        return
    digits = "".join(ch for ch in phone if ch.isascii() and ch.isdigit())
    if not 5 <= len(digits) <= 20:
        ctx.say(texts.CONTACT_NOT_OWN)
        return
    plus = "+" if phone.strip().startswith("+") else ""
    draft = open_draft(ctx)
    draft.phone, draft.contact_name = plus + digits, name[:64]
    ctx.say(texts.CONTACT_SAVED)
    if draft.text is None:
        ctx.say(texts.ASK_DESCRIPTION, ASK_KEYBOARD)


async def show_summary(ctx: Ctx) -> None:
    draft = ctx.draft
    assert draft is not None
    draft.step = Step.CONFIRM
    category = ctx.config.taxonomy.get(draft.category)
    photos = draft.photos
    summary = texts.SUMMARY.format(
        category=escape(category.name), place=escape(_place(ctx, draft)),
        text=escape(clip(draft.text, 3000)),
        photos=(f"\n照片：{len(photos)}张" if photos else "") + visit_draft.summary_lines(draft),
    )
    if draft.on_behalf:
        summary = summary.replace(texts.SUMMARY_OWN, vt.SUMMARY_RESIDENTS, 1)
    nonce = draft.nonce
    keyboard = Keyboard.inline([
        await ctx.button(texts.BTN_CONFIRM, "draft_confirm", nonce=nonce),
        await ctx.button(texts.BTN_EDIT, "draft_edit", nonce=nonce),
        await ctx.button(texts.BTN_ABORT, "draft_cancel", nonce=nonce),
    ], await visit_draft.consent_button(ctx, draft))
    ctx.say(summary, keyboard)
    if not draft.phone and not draft.on_behalf:
        ctx.say(texts.CONTACT_OFFER, CONTACT_KEYBOARD)


def _place(ctx: Ctx, draft: Draft) -> str:
    return describe_place(ctx.config, *draft.place())


async def on_draft_button(ctx: Ctx, action: str, args: dict[str, Any]) -> None:
    """确认提交 / 修改 / 取消 on the summary; a button of an older draft is stale."""
    draft = ctx.draft
    if draft is None or draft.nonce != args.get("nonce"):
        ctx.refuse_stale(f"{action} of a draft no longer open")
        return
    if action == "draft_cancel":
        await cancel(ctx)
    elif action == "draft_edit":
        draft.step = Step.EDIT
        ctx.say(texts.ASK_EDIT, ASK_KEYBOARD)
    elif action in urgent.ACTIONS:
        if not await _urgency_answered(ctx, draft, action):
            return
    elif draft.step == Step.CONFIRM:
        await file(ctx)
    else:
        ctx.refuse_stale(f"{action} while the draft awaits {draft.step}")
        return
    ctx.answer()


async def on_urgent_text(ctx: Ctx, text: str) -> None:
    """A text while the urgency question is open: 是 / 不紧急 in words, else more of the
    description, judged again (nothing typed is dropped)."""
    draft = ctx.draft
    assert draft is not None
    answer = urgency_answer(text)
    if answer is None:
        await supplement(ctx, text)
    else:
        await _urgency_answered(ctx, draft, urgent.YES if answer else urgent.NO)


async def _urgency_answered(ctx: Ctx, draft: Draft, action: str) -> bool:
    """The resident's word on the urgency question (a button or typed): filed at once as urgent,
    or on as usual; False when no question was open."""
    if not urgent.take_answer(ctx, draft, action):
        return False
    await (file(ctx) if draft.urgent else after_description(ctx, draft))
    return True


async def supplement(ctx: Ctx, text: str) -> None:
    """补充: the text joins the open draft's description; the place given stays."""
    draft = ctx.draft
    assert draft is not None
    await _describe(ctx, draft, f"{draft.text or ''}\n{text}".strip(), keep=True)


def reads_as_danger(ctx: Ctx, text: str) -> bool:
    """Whether a text on its own reads as danger now, or may (the resident is then asked)."""
    urgency = ctx.services.router.detect_urgency(text)
    return urgency.urgent or urgency.ask


def hold_and_start(ctx: Ctx) -> Draft:
    """A new problem while a draft is open: that draft waits (never dropped) and returns
    once the new one is filed or cancelled."""
    draft = ctx.draft
    assert draft is not None
    return ctx.enter(DRAFT, draft.put_aside())


async def resume_held(ctx: Ctx, held: list[Draft]) -> None:
    """After a filing or a cancel: the draft put aside comes back for confirmation."""
    if not held or ctx.state is not None:
        return
    ctx.enter(DRAFT, held[-1].model_copy(update={"held": held[:-1]}))
    ctx.say(texts.DRAFT_HELD)
    await show_summary(ctx)


async def file(ctx: Ctx) -> None:
    """Store the draft as a ticket and tell the resident its number."""
    draft = ctx.draft
    assert draft is not None
    await _file(ctx, draft)
    await resume_held(ctx, draft.held)


async def _file(ctx: Ctx, draft: Draft) -> None:
    if not draft.on_behalf and not await _may_file(ctx, draft):
        return
    threshold = ctx.services.router.review_threshold
    draft.needs_review = draft.grid is None or draft.confidence < threshold
    service = TicketService(ctx.uow, ctx.services.clock, ctx.config)
    reporter, follow_token = visit_draft.reporter(ctx, draft)
    ticket = await service.file(draft, reporter)
    ctx.set_state(None)
    if draft.on_behalf:  # a worker's filing: the follow link instead of progress messages
        await _filed_on_behalf(ctx, draft, ticket, service, follow_token)
        return
    ctx.meta.setdefault("_filed", []).append(ctx.now().timestamp())
    if ticket.urgent:
        place = describe_place(ctx.config, ticket.community_code, ticket.grid_code,
                               ticket.building)
        advice = urgent_advice(draft.normalized, draft.keywords)
        ctx.say(urgent.filed_text(ctx, ticket, draft, place) + (f"\n\n{advice}" if advice else ""),
                MAIN_KEYBOARD)
        urgent.expect_details(ctx, ticket, draft)
        return
    category = ctx.config.taxonomy.get(ticket.category_code)
    service_level = service_level_text(ctx.config, ticket)
    ctx.say(texts.FILED.format(number=ticket.number, category=escape(category.name),
                               handler=service.handler_name(ticket),
                               service_level=service_level), MAIN_KEYBOARD)


async def _may_file(ctx: Ctx, draft: Draft) -> bool:
    """A resident's filing: within the hourly quota and not a duplicate filed meanwhile."""
    if not await ticket_quota_left(ctx):
        ctx.say(texts.RATE_LIMITED, MAIN_KEYBOARD)
        ctx.set_state(None)
        return False
    # filed meanwhile (another draft, a replay)
    return not await _is_duplicate(ctx, draft.text or "")


async def _filed_on_behalf(ctx: Ctx, draft: Draft, ticket: TicketRow, service: TicketService,
                           follow_token: str | None) -> None:
    category = ctx.config.taxonomy.get(ticket.category_code)
    follow = await visit_draft.after_filing(ctx, draft, ticket, follow_token)
    ctx.say(vt.FILED.format(number=ticket.number, category=escape(category.name),
                            handler=service.handler_name(ticket),
                            service_level=service_level_text(ctx.config, ticket)) + follow,
            STAFF_KEYBOARD)
    await visit_draft.on_visit(ctx, draft, ticket)


async def cancel(ctx: Ctx) -> None:
    had_flow = ctx.state is not None
    held = ctx.draft.held if ctx.draft is not None else []
    ctx.set_state(None)
    ctx.say(texts.CANCELLED if had_flow else texts.NOTHING_TO_CANCEL, home_keyboard(ctx))
    await resume_held(ctx, held)


async def ticket_quota_left(ctx: Ctx) -> bool:
    """At most `tickets_per_hour` new tickets per resident per hour (also counted in the chat's
    state, so /forget, which unlinks the tickets, does not reset the quota)."""
    since = ctx.now() - QUOTA_WINDOW
    count = (await ctx.reporter_facts()).filed_recently
    filed = [at for at in ctx.meta.get("_filed", []) if at >= since.timestamp()]
    ctx.meta["_filed"] = filed
    return max(count, len(filed)) < ctx.services.limits.tickets_per_hour
