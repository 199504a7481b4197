"""代报: the parts of the resident's conversation that differ when a grid worker files for a
resident — the default place, the consent-gated contact on the summary, the follow link.

The conversation itself is the resident's (`handlers.resident`); this module never imports it."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import segno

from handlers import visit_texts as vt
from handlers.context import Ctx, escape
from handlers.conversation import Draft, Reporter
from handlers.links import start_link, token_hash
from handlers.types import Button, Keyboard, LocalFile
from models.config.schema import Role
from models.orm import TicketRow

GRID_ROLES = frozenset({Role.GRID_WORKER, Role.BRANCH_SECRETARY})
VISIT_SOURCE = "visit"
FOLLOW_PREFIX = "follow_"


def worker_grids(ctx: Ctx) -> list[str]:
    """The grids the person works in as a grid worker (or branch secretary), in order."""
    if ctx.person is None:
        return []
    grids = []
    for item in ctx.person.appointments:
        if item.role in GRID_ROLES and item.scope_code not in grids:
            grids.append(item.scope_code)
    return grids


def default_place(ctx: Ctx, draft: Draft) -> None:
    """A filing with no place recognised is the worker's grid (and the visit's building)."""
    grids = worker_grids(ctx)
    if not draft.on_behalf or not grids:
        return
    if draft.grid is None:
        _, community, grid = ctx.config.grid(grids[0])
        draft.community, draft.grid = community.code, grid.code
        draft.needs_review = False
    if draft.building is None and draft.grid == grids[0]:
        draft.building = draft.visit_building


def summary_lines(draft: Draft) -> str:
    """What the summary adds for a filing on a resident's behalf."""
    if not draft.on_behalf:
        return ""
    if draft.phone:
        contact = vt.SUMMARY_CONTACT.format(name=escape(draft.contact_name or "居民"),
                                            phone=escape(draft.phone))
    else:
        contact = vt.SUMMARY_NO_CONTACT
    return vt.SUMMARY_ON_BEHALF + contact


async def consent_button(ctx: Ctx, draft: Draft) -> list[Button]:
    if not draft.on_behalf or draft.phone:
        return []
    return [await ctx.button(vt.BTN_CONSENT, "draft_consent", nonce=draft.nonce)]


def reporter(ctx: Ctx, draft: Draft) -> tuple[Reporter, str | None]:
    """Who files the draft; for a filing on a resident's behalf also the follow token."""
    if not draft.on_behalf or ctx.person is None:
        return Reporter(ctx.user_id, ctx.chat_id), None
    token = secrets.token_urlsafe(12)
    return Reporter(None, None, source=VISIT_SOURCE, filed_by=ctx.person.code,
                    follow_token=token_hash(token)), token


def follow_link(ctx: Ctx, token: str) -> str:
    """The t.me link when the bot's username is configured, else the command to send."""
    return start_link(ctx.services.bot_username, FOLLOW_PREFIX + token)


def follow_qr(ctx: Ctx, ticket: TicketRow, link: str) -> LocalFile:
    """The follow link as a QR code image (segno), to send after the reply."""
    out_dir = Path(tempfile.mkdtemp(prefix="griddesk-follow-"))
    path = out_dir / f"follow-{ticket.id}.png"
    segno.make(link, error="m").save(str(path), kind="png", scale=8, border=4)
    return LocalFile(ctx.chat_id, path, "photo")


async def after_filing(ctx: Ctx, draft: Draft, ticket: TicketRow, token: str | None) -> str:
    """Record the ticket on its visit; the follow link for the reply (and its QR image)."""
    if token is None:
        return ""
    link = follow_link(ctx, token)
    ctx.outcome.files.append(follow_qr(ctx, ticket, link))
    return vt.FOLLOW.format(link=escape(link))


async def on_visit(ctx: Ctx, draft: Draft, ticket: TicketRow) -> None:
    """A filing made on a logged visit joins it; another filing for the household is a tap."""
    if draft.visit is None:
        return
    await ctx.uow.visits.filed(draft.visit, ticket.id)
    button = await ctx.button(vt.BTN_MORE_FOR_HOUSEHOLD, "visit_more", visit=draft.visit)
    ctx.say(vt.VISIT_FILED, Keyboard.inline([button]))
