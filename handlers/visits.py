"""The grid worker's own work in the chat: 走访登记 (household visits) and 代居民反映 (filing for
a resident, the resident's conversation with the worker's defaults; handlers/visit_draft.py).

走访登记 in two taps for the common case: a building button, then 无诉求. A typed
"楼栋-单元-房号 备注" (3-2-301 老人身体好) records the household and a short note."""

from __future__ import annotations

import re
from typing import Any

from handlers import resident
from handlers import visit_texts as vt
from handlers.context import Ctx, clip, escape
from handlers.conversation import Draft, State, Step, Visit
from handlers.types import Keyboard
from handlers.visit_draft import worker_grids
from models.orm import CallbackTokenRow, VisitRow
from models.reports.coverage import worker_coverage
from models.reports.phrasing import percent

ACTIONS = frozenset({"visit_building", "visit_none", "visit_file", "visit_more", "draft_consent"})
BUILDINGS_PER_ROW = 3
MAX_NOTE = 200
_NUMBERS = re.compile(r"^\s*(\d{1,4})(?:\s*(?:-|－|/|号楼|号|栋|幢|单元|\s)\s*(\d{1,4}))?"
                      r"(?:\s*(?:-|－|/|单元|\s)\s*(\d{1,5}))?\s*(?:室|号)?[\s,，;；:：。]*")
_PHONE = re.compile(r"\+?\d[\d\s-]{5,18}\d")


def _grid_or_refuse(ctx: Ctx, what: str) -> str | None:
    grids = worker_grids(ctx)
    if not grids:
        ctx.say(vt.NOT_GRID_WORKER.format(what=what), resident.home_keyboard(ctx))
        return None
    return grids[0]


async def file_for_resident(ctx: Ctx) -> None:
    """「代居民反映」: the resident's conversation, filed on the resident's behalf."""
    grid = _grid_or_refuse(ctx, vt.BTN_FILE_FOR)
    if grid is None:
        return
    await _start_draft(ctx, Draft(step=Step.TEXT, on_behalf=True), grid)


async def _start_draft(ctx: Ctx, draft: Draft, grid_code: str) -> None:
    ctx.enter(State.DRAFT, draft)
    name = ctx.config.grid(grid_code)[2].name
    where = f"{name}{f'{draft.visit_building}号楼' if draft.visit_building else ''}"
    ctx.say(vt.ASK_DESCRIPTION.format(where=f"（{escape(where)}）"), resident.ASK_KEYBOARD)


async def begin_visit(ctx: Ctx) -> None:
    """「走访登记」: pick the building (households shown where the configuration knows them)."""
    grid_code = _grid_or_refuse(ctx, vt.BTN_VISIT)
    if grid_code is None:
        return
    visit = ctx.enter(State.VISIT, Visit(grid=grid_code))
    grid = ctx.config.grid(grid_code)[2]
    if grid.buildings is None:  # one grid without numbered buildings: straight to the door
        await _ask_household(ctx, visit)
        return
    buttons = []
    for number in range(grid.buildings[0], grid.buildings[1] + 1):
        count = grid.building_households.get(number)
        label = f"{number}号楼" + (f"（{count}户）" if count else "")
        buttons.append(await ctx.button(label, "visit_building", nonce=visit.nonce,
                                        building=number))
    rows = [buttons[i:i + BUILDINGS_PER_ROW] for i in range(0, len(buttons), BUILDINGS_PER_ROW)]
    ctx.say(vt.VISIT_ASK_BUILDING.format(grid=escape(grid.name)), Keyboard.inline(*rows))


async def _ask_household(ctx: Ctx, visit: Visit) -> None:
    ctx.say(vt.VISIT_ASK_HOUSEHOLD.format(where=escape(_where(ctx, visit))),
            await _outcome_buttons(ctx, visit))


async def _outcome_buttons(ctx: Ctx, visit: Visit) -> Keyboard:
    return Keyboard.inline([
        await ctx.button(vt.BTN_NO_REQUEST, "visit_none", nonce=visit.nonce),
        await ctx.button(vt.BTN_FILE_FOR, "visit_file", nonce=visit.nonce),
    ])


def _where(ctx: Ctx, visit: Visit) -> str:
    grid = ctx.config.grid(visit.grid)[2].name
    building = f"{visit.building}号楼" if visit.building is not None else ""
    unit = f"{visit.unit}单元" if visit.unit else ""
    room = f"{visit.room}室" if visit.room else ""
    return f"{grid}{building}{unit}{room}" + ("" if visit.room else vt.NO_HOUSEHOLD)


def parse_household(text: str, with_building: bool) -> tuple[list[str], str]:
    """The numbers at the start of `text` (building, unit, room) and the rest as the note."""
    match = _NUMBERS.match(text)
    if match is None:
        return [], text.strip()
    numbers = [group for group in match.groups() if group]
    if not with_building and len(numbers) == 3:  # 3-2-301 typed after the building button
        numbers = numbers[1:]
    return numbers, text[match.end():].strip()


async def on_text(ctx: Ctx, text: str) -> None:
    """A household (and note) typed while a visit is being logged."""
    visit = ctx.visit
    assert visit is not None
    grid = ctx.config.grid(visit.grid)[2]
    with_building = visit.building is None and grid.buildings is not None
    numbers, note = parse_household(text, with_building)
    if with_building:
        low, high = grid.buildings or (0, 0)
        if not numbers or not low <= int(numbers[0]) <= high:
            ctx.say(vt.VISIT_BAD_BUILDING.format(low=low, high=high))
            return
        visit.building, numbers = int(numbers[0]), numbers[1:]
    if not numbers and visit.room is None:
        ctx.say(vt.VISIT_BAD_HOUSEHOLD)
        return
    if numbers:
        visit.unit, visit.room = (numbers[0], numbers[1]) if len(numbers) == 2 else (None,
                                                                                      numbers[0])
    visit.note = clip(note, MAX_NOTE) or visit.note
    note_text = vt.NOTE_LABEL.format(note=escape(visit.note)) if visit.note else ""
    ctx.say(vt.VISIT_NOTED.format(where=escape(_where(ctx, visit)), note=note_text),
            await _outcome_buttons(ctx, visit))


async def on_button(ctx: Ctx, action: str, args: dict[str, Any], token: CallbackTokenRow) -> None:
    if action == "draft_consent":
        await _consent(ctx, args)
        return
    if action == "visit_more":
        await _more_for_household(ctx, args)
        return
    visit = ctx.visit
    if visit is None or visit.nonce != args.get("nonce"):
        ctx.refuse_stale(f"{action} of a visit no longer open")
        return
    token.used_at = ctx.now()
    if action == "visit_building":
        visit.building = int(args.get("building", 0))
        await _ask_household(ctx, visit)
    elif action == "visit_none":
        await _log(ctx, visit, "none")
        ctx.set_state(None)
        ctx.say(vt.VISIT_LOGGED.format(where=escape(_where(ctx, visit)),
                                       coverage=await coverage_line(ctx)),
                resident.STAFF_KEYBOARD)
    else:  # visit_file: the visit is logged; it becomes "filed" with its first filing
        row = await _log(ctx, visit, "none")
        await _start_draft(ctx, Draft(step=Step.TEXT, on_behalf=True, visit=row.id,
                                      visit_building=visit.building), visit.grid)


async def _log(ctx: Ctx, visit: Visit, outcome: str) -> VisitRow:
    assert ctx.person is not None
    row = VisitRow(at=ctx.now(), person_code=ctx.person.code, grid_code=visit.grid,
                   building=visit.building, unit=visit.unit, room=visit.room, outcome=outcome,
                   note=visit.note, ticket_ids=[])
    return await ctx.uow.visits.add(row)


async def _more_for_household(ctx: Ctx, args: dict[str, Any]) -> None:
    """这户还有诉求: another filing on the same visit."""
    row = await ctx.uow.visits.get(int(args.get("visit", 0)))
    if row is None or ctx.person is None or row.person_code != ctx.person.code:
        ctx.refuse_stale("visit_more of another worker's visit")
        return
    await _start_draft(ctx, Draft(step=Step.TEXT, on_behalf=True, visit=row.id,
                                  visit_building=row.building), row.grid_code)


async def coverage_line(ctx: Ctx) -> str:
    """本月您已走访 n 户，负责 m 户，覆盖率 x%."""
    assert ctx.person is not None
    visited, households = await worker_coverage(ctx.uow, ctx.config, ctx.person.code,
                                                worker_grids(ctx), ctx.now())
    if not households:
        return vt.VISIT_COVERAGE_UNKNOWN.format(visited=visited)
    return vt.VISIT_COVERAGE.format(visited=visited, households=households,
                                    share=percent(visited, households))


async def _consent(ctx: Ctx, args: dict[str, Any]) -> None:
    """居民同意留下姓名电话: the next text is the resident's name and phone."""
    draft = ctx.draft
    if draft is None or not draft.on_behalf or draft.nonce != args.get("nonce"):
        ctx.refuse_stale("draft_consent of a draft no longer open")
        return
    draft.step = Step.RESIDENT_CONTACT
    ctx.say(vt.ASK_CONTACT, resident.ASK_KEYBOARD)


async def on_resident_contact(ctx: Ctx, text: str) -> None:
    """姓名 电话 of the resident, given with their consent; then the summary again."""
    draft = ctx.draft
    assert draft is not None
    match = _PHONE.search(text)
    digits = "".join(ch for ch in match.group(0) if ch.isdigit()) if match else ""
    if match is None or not 5 <= len(digits) <= 20:
        ctx.say(vt.CONTACT_BAD)
        return
    name = (text[:match.start()] + " " + text[match.end():]).strip(" ,，;；:：")
    plus = "+" if match.group(0).startswith("+") else ""
    draft.phone, draft.contact_name = plus + digits, clip(name, 64) or None
    await resident.show_summary(ctx)

