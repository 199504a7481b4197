"""转派 and triage keep their facts: the building follows the community, the receiver learns
who sent the case and why."""

from __future__ import annotations

from handlers import texts
from handlers.context import clip, escape
from handlers.messages import Say, say
from models.config.schema import GridDeskConfig, appointments
from models.orm import TicketRow
from nlp.address import AddressParser
from nlp.normalize import normalize


def rebuilt_building(config: GridDeskConfig, ticket: TicketRow, grid_code: str) -> int | None:
    """The ticket's building in the grid's community: kept within the same community, found
    again in the text when it names the new community, else dropped (明德花园6号楼 is not
    颂运水庭 6号楼)."""
    _, community, grid = config.grid(grid_code)
    if community.code == ticket.community_code:
        return ticket.building
    parser = AddressParser(config.district)
    for text in (ticket.address_text, ticket.normalized_text, ticket.original_text):
        if not text or parser.name_re is None:
            continue
        only_new = parser.name_re.sub(  # other communities' names blanked out
            lambda m: (
                m.group() if parser.names[m.group()] == community.code else "、" * len(m.group())
            ),
            normalize(text).text,
        )
        found = parser.parse(only_new)
        if found.community == community.code and found.building is not None:
            low, high = grid.buildings or (found.building, found.building)
            if low <= found.building <= high or grid.buildings is None:
                return found.building
    return None


def person_name(config: GridDeskConfig, code: str) -> str:
    for item in appointments(config.district):
        if item.person.code == code:
            role = texts.ROLE_NAMES.get(str(item.role), "")
            return f"{item.person.name}（{role}）" if role else item.person.name
    return code


def sent_by(config: GridDeskConfig, actor: str, reason: str | None = None) -> str:
    """The note on the receiver's card: who transferred the case, and why when known."""
    note = texts.TRANSFERRED_BY.format(name=person_name(config, actor))
    if reason:
        note += texts.TRANSFER_REASON.format(reason=clip(reason, 300))
    return note


def reason_line(config: GridDeskConfig, actor: str, number: str, reason: str) -> Say:
    return say("texts.TRANSFER_REASON_LATER", ["reason"], number=number,
               name=escape(person_name(config, actor)), reason=escape(clip(reason, 1500)))
