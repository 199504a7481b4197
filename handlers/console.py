"""The web console's use cases: sign-in through the bot, what a person may see, the actions.

Nothing here knows HTTP: `bot/web/console` calls these inside one unit of work per request, and
every action goes through `TicketService`, so cards and residents' messages are the outbox rows
the same transition writes in the bot."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from handlers import referral, texts
from handlers.card_actions import work_actions
from handlers.context import Ctx, escape
from handlers.links import token_hash
from handlers.org import OrgDirectory
from handlers.supervision import scope_of
from handlers.tickets import TicketService
from models import lifecycle
from models.clock import Clock
from models.config.schema import Grid, GridDeskConfig, Role
from models.orm import PersonRow, TicketRow
from models.repos.tickets import Scope
from models.uow import UnitOfWork

LOGIN_VALID = timedelta(minutes=10)
LOGIN_PATH = "/console/login"
MAX_TOKEN = 128
MAX_REASON = 1000
# Actions that need a reason, as the bot asks one (上报, 驳回) or a text (备注).
NEEDS_TEXT = frozenset({"escalate", "reject", "note"})
VIA = "console"  # recorded on the events of the console's actions (the timeline's channel)


@dataclass
class Viewer:
    """The signed-in person and what they see (`scope`)."""

    person: PersonRow
    scope: Scope


class ActionRefused(Exception):
    """An action the person may not take, or a form that lacks what it needs (Chinese text)."""


def console_scope(person: PersonRow) -> Scope:
    """A grid worker sees their grid; the levels above what they supervise, as in `/tasks`."""
    scope = scope_of(person)
    scope.grids |= {item.scope_code for item in person.appointments
                    if item.role == Role.GRID_WORKER}
    return scope


def login_link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{LOGIN_PATH}?token={token}"


async def issue_login(uow: UnitOfWork, person_code: str) -> str | None:
    """A one-time sign-in token for an active, unbanned person (None: no such person)."""
    person = await uow.org.person(person_code)
    if person is None or not person.active or await uow.console.banned(person):
        return None
    token = secrets.token_urlsafe(32)
    uow.console.add_login(token_hash(token), person_code, uow.now() + LOGIN_VALID)
    return token


async def console_command(ctx: Ctx) -> None:
    """`/console`: a staff member gets a sign-in link to the web console."""
    token = None if ctx.person is None else await issue_login(ctx.uow, ctx.person.code)
    if token is None:
        ctx.say(texts.CONSOLE_STAFF_ONLY)
        return
    link = login_link(ctx.services.console_url, token)
    ctx.say(texts.CONSOLE_LINK.format(minutes=int(LOGIN_VALID.total_seconds() // 60),
                                      link=escape(link)))


async def sign_in(uow: UnitOfWork, token: str, lifetime: timedelta) -> str | None:
    """Spend a sign-in token; returns the new session's id (None: invalid, used or expired)."""
    now = uow.now()
    login = await uow.console.login(token_hash(token[:MAX_TOKEN]))
    if login is None or login.used_at is not None or login.expires_at <= now:
        uow.updates.security_event(None, "bad_console_login", "invalid, used or expired token")
        return None
    login.used_at = now
    person = await uow.org.person(login.person_code)
    if person is None or not person.active or await uow.console.banned(person):
        uow.updates.security_event(None, "refused_console_login", login.person_code)
        return None
    session_id = secrets.token_urlsafe(32)
    uow.console.add_session(token_hash(session_id), person.code, now + lifetime)
    return session_id


async def viewer(uow: UnitOfWork, config: GridDeskConfig, session_id: str) -> Viewer | None:
    """Who holds this session, if it is live and the person may still work (active, unbanned)."""
    row = await uow.console.session_of(token_hash(session_id[:MAX_TOKEN]))
    if row is None or row.expires_at <= uow.now():
        return None
    person = await uow.org.person_with_appointments(row.person_code)
    if person is None or not person.active or await uow.console.banned(person):
        return None
    return Viewer(person, console_scope(person))


async def sign_out(uow: UnitOfWork, session_id: str) -> None:
    await uow.console.end_session(token_hash(session_id[:MAX_TOKEN]))


async def contact_visible(uow: UnitOfWork, ticket: TicketRow, person_code: str) -> bool:
    """The resident's contact, as on the bot's card: only for a level that may act on it."""
    level = await OrgDirectory(uow).level_of(ticket, person_code)
    return level is not None and lifecycle.can_act(ticket, level)


async def available_actions(uow: UnitOfWork, ticket: TicketRow, person_code: str) -> list[str]:
    """What the person may do on the ticket now: the card's actions, or the triage card's."""
    level = await OrgDirectory(uow).level_of(ticket, person_code)
    if level is None or ticket.status not in lifecycle.OPEN:
        return []
    if ticket.status == lifecycle.Status.TRIAGE:
        actions = ["transfer", "recategorise", "reject"]
        return actions + (["escalate"] if ticket.level < lifecycle.TOP_LEVEL else [])
    found = [action for action in work_actions(ticket, level, person_code)
             if action in ("accept", "escalate", "whistle", "transfer", "reject")]
    return found + (["recategorise"] if found else []) + ["note"]


class ConsoleActions:
    """Staff actions from the web console, each one transition of `TicketService`."""

    def __init__(self, uow: UnitOfWork, clock: Clock, config: GridDeskConfig,
                 max_transfers: int) -> None:
        self.service = TicketService(uow, clock, config, via=VIA)
        self.config = config
        self.max_transfers = max_transfers

    async def run(self, viewer: Viewer, ticket: TicketRow, action: str,
                  form: dict[str, str]) -> str:
        """Do `action` as the viewer; returns the confirmation to show (Chinese)."""
        if action not in await available_actions(self.service.uow, ticket, viewer.person.code):
            raise ActionRefused(texts.CONSOLE_NOT_ALLOWED)
        text = form.get("reason", "").strip()[:MAX_REASON]
        if action in NEEDS_TEXT and not text:
            raise ActionRefused(texts.CONSOLE_REASON_NEEDED)
        actor, number = viewer.person.code, ticket.number
        try:
            key, target = await self._do(ticket, action, actor, text, form)
        except lifecycle.TicketError as error:
            status = texts.STATUS_NAMES.get(ticket.status, ticket.status)
            raise ActionRefused(f"{number} 当前状态为「{status}」，不能进行这个操作。") from error
        return texts.CONSOLE_DONE[key].format(number=number, target=target, count=target)

    async def _do(self, ticket: TicketRow, action: str, actor: str, text: str,
                  form: dict[str, str]) -> tuple[str, str]:
        service = self.service
        if action == "accept":
            await service.accept(ticket, actor)
        elif action == "transfer":
            return await self._transfer(ticket, actor, form.get("grid", ""), text)
        elif action == "escalate":
            level = await service.escalate(ticket, actor, text)
            return action, texts.LEVEL_NAMES[level]
        elif action == "whistle":
            department = form.get("department", "")
            if department not in self.config.taxonomy.get(ticket.category_code).departments:
                raise ActionRefused(texts.CONSOLE_BAD_CHOICE)
            await service.whistle(ticket, actor, department)
            return action, department
        elif action == "reject":
            await service.reject(ticket, actor, text)
        elif action == "recategorise":
            return action, await self._recategorise(ticket, actor, form.get("category", ""))
        else:
            await service.note(ticket, actor, text)
        return action, ""

    async def _transfer(self, ticket: TicketRow, actor: str, grid: str,
                        reason: str) -> tuple[str, str]:
        names = {g.code: g.name for _, _, g in self.config.district.grids()}
        if grid not in names or grid == ticket.grid_code:
            raise ActionRefused(texts.CONSOLE_BAD_CHOICE)
        if ticket.status == lifecycle.Status.TRIAGE:
            await self.service.route_to(ticket, actor, grid_code=grid)
            return "assign", names[grid]
        if await referral.grid_transfers(self.service.uow, ticket) >= self.max_transfers:
            return "referred", str(await referral.refer(self.service, ticket, actor, grid))
        await self.service.route_to(ticket, actor, grid_code=grid)
        if reason:
            await self.service.transfer_reason(ticket, actor, reason)
        return "transfer", names[grid]

    async def _recategorise(self, ticket: TicketRow, actor: str, category: str) -> str:
        known = {c.code: c.name for c in self.config.taxonomy.categories}
        if category not in known or category == ticket.category_code:
            raise ActionRefused(texts.CONSOLE_BAD_CHOICE)
        await self.service.route_to(ticket, actor, category_code=category)
        return known[category]


def grids_in(config: GridDeskConfig, scope: Scope) -> list[tuple[str, str, Grid]]:
    """The grids a scope covers, with their community's and street's codes (the map)."""
    return [(street.code, community.code, grid) for street, community, grid in
            config.district.grids()
            if scope.everything or grid.code in scope.grids
            or community.code in scope.communities or street.code in scope.streets]
