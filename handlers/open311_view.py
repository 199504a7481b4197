"""What Open311 GeoReport v2 clients see of the taxonomy and of a ticket (docs/open311.md).

Only what the specification calls public: no resident's name, contact or chat identity; the
description and the result are masked of personal data; a chat filing shows its place by the
names of its community, grid and building, never the resident's own GPS point.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.notify import describe_place
from handlers.service_levels import service_level_text
from models import lifecycle
from models.config.schema import Category, GridDeskConfig, Level
from models.orm import TicketRow
from nlp.personal import mask_personal, names_given
from nlp.rules import RuleSet

OPEN311_SOURCE = "open311:"  # tickets.source of a filing by client NAME: open311:NAME
S = lifecycle.Status
OPEN_STATUSES = (S.TRIAGE.value, S.ASSIGNED.value, S.ACCEPTED.value)
CLOSED_STATUSES = (S.RESOLVED.value, S.CLOSED.value, S.REJECTED.value)
STATUSES = {"open": OPEN_STATUSES, "closed": CLOSED_STATUSES}
KEYWORDS = 8  # a service's keywords: its first typical routing terms (rules.yaml order)
TYPICAL = 3  # a typical word's weight (docs/rules-format.md)


def from_open311(ticket: TicketRow) -> bool:
    """Filed by an Open311 client (a ticket not yet flushed may have no source yet)."""
    return (ticket.source or "").startswith(OPEN311_SOURCE)


def open311_status(status: str) -> str:
    """`open` while someone must act, `closed` once resolved, closed or rejected (a resolved
    case the resident reopens is `open` again)."""
    return "closed" if status in CLOSED_STATUSES else "open"


def w3c(config: GridDeskConfig, at: datetime | None) -> str | None:
    """A W3C datetime in the district's time zone (2026-12-04T10:00:00+08:00)."""
    if at is None:
        return None
    return at.astimezone(ZoneInfo(config.district.timezone)).isoformat(timespec="seconds")


def service(category: Category, rules: RuleSet | None) -> dict[str, Any]:
    """One GeoReport service per category of the taxonomy."""
    terms = rules.categories[category.code].terms if rules and category.code in rules.categories \
        else {}
    typical = [term for term, weight in terms.items() if weight >= TYPICAL][:KEYWORDS]
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.guide,
        "metadata": False,  # no category has attributes
        "type": "realtime",
        "keywords": ",".join(typical),
        "group": category.departments[0],
    }


def definition(category: Category) -> dict[str, Any]:
    """`GET services/{code}`: no category defines attributes."""
    return {"service_code": category.code, "attributes": []}


def agency(config: GridDeskConfig, ticket: TicketRow) -> str:
    """The unit that holds the ticket now."""
    if ticket.grid_code is None or ticket.status == S.TRIAGE:
        if ticket.community_code:
            return config.community(ticket.community_code)[1].party_org.name
        for street in config.district.streets:
            if street.code == ticket.street_code:
                return street.committee.name
        return config.district.task_force.name
    street, community, grid = config.grid(ticket.grid_code)
    return {
        Level.GRID_WORKER: grid.name,
        Level.GRID_BRANCH: grid.branch.name,
        Level.COMMUNITY: community.party_org.name,
        Level.STREET: street.committee.name,
    }.get(Level(ticket.level), config.district.task_force.name)


def status_notes(ticket: TicketRow) -> str | None:
    """The latest public note: the result of a resolved case, the reason of a rejection.
    Internal notes (escalation reasons, transfer requests, staff remarks) never appear."""
    if ticket.status == S.REJECTED:
        return mask_personal(ticket.reject_reason)
    if ticket.status in (S.RESOLVED, S.CLOSED):
        return mask_personal(ticket.result_note)
    return None


def request_view(config: GridDeskConfig, ticket: TicketRow) -> dict[str, Any]:
    """A ticket as a GeoReport service request."""
    from_client = from_open311(ticket)
    category = config.taxonomy.get(ticket.category_code)
    closed = open311_status(ticket.status) == "closed"
    address = ticket.address_text if from_client else describe_place(
        config, ticket.community_code, ticket.grid_code, ticket.building)
    return {
        "service_request_id": ticket.number,
        "status": open311_status(ticket.status),
        "status_notes": status_notes(ticket),
        "service_name": category.name,
        "service_code": category.code,
        "description": mask_personal(
            ticket.original_text, names_given(ticket.original_text, ticket.reporter_name)),
        "agency_responsible": agency(config, ticket),
        "service_notice": service_level_text(config, ticket),
        "requested_datetime": w3c(config, ticket.created_at),
        "updated_datetime": w3c(config, ticket.updated_at),
        "expected_datetime": None if closed else w3c(
            config, ticket.level_due_at or ticket.resolve_due_at),
        "address": address,
        "address_id": None,
        "zipcode": None,
        "lat": ticket.latitude if from_client else None,
        "long": ticket.longitude if from_client else None,
        "media_url": ticket.media_url,
    }
