"""Ticket lifecycle: every status x action pair, and the rules around each transition."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypedDict

import pytest

from models import lifecycle as lc
from models.config.schema import Level
from models.lifecycle import Status, TicketError
from models.orm import TicketEventRow, TicketRow
from tests.models.factories import BRANCH, T0, WORKER, due, in_status, new_ticket, walk_to

NOW = due(40)


class Deadlines(TypedDict):
    accept_due: datetime
    resolve_due: datetime


DEADLINES = Deadlines(accept_due=due(41), resolve_due=due(64))

# action -> (call, status after success); written out by hand, independent of lc.ALLOWED.
ACTIONS: dict[str, tuple[Callable[[TicketRow], TicketEventRow], str]] = {
    "assign": (
        lambda t: lc.assign(t, now=NOW, actor="MDHY-S", assignee_code=WORKER, **DEADLINES),
        "assigned",
    ),
    "accept": (lambda t: lc.accept(t, now=NOW, actor=WORKER), "accepted"),
    "resolve": (lambda t: lc.resolve(t, now=NOW, actor=WORKER, note="已处理"), "resolved"),
    "close": (lambda t: lc.close(t, now=NOW, rating="satisfied"), "closed"),
    "reopen": (lambda t: lc.reopen(t, now=NOW, assignee_code=BRANCH, **DEADLINES), "assigned"),
    "escalate": (
        lambda t: lc.escalate(t, now=NOW, actor="system", assignee_code=BRANCH, **DEADLINES),
        "assigned",
    ),
    "reject": (lambda t: lc.reject(t, now=NOW, actor=WORKER, reason="重复诉求"), "rejected"),
    "transfer": (
        lambda t: lc.transfer(
            t, now=NOW, actor="MDHY-S", assignee_code="MDHY-02-W1", grid_code="MDHY-02", **DEADLINES
        ),
        "assigned",
    ),
    "refer": (
        lambda t: lc.refer(t, now=NOW, actor="MDHY-02-W1", accept_due=due(41), reason="多次转派"),
        "triage",
    ),
}

LEGAL = {
    ("triage", "assign"), ("triage", "escalate"), ("triage", "reject"), ("triage", "transfer"),
    ("assigned", "accept"), ("assigned", "escalate"), ("assigned", "reject"),
    ("assigned", "transfer"),
    ("accepted", "resolve"), ("accepted", "escalate"), ("accepted", "reject"),
    ("accepted", "transfer"),
    ("resolved", "close"), ("resolved", "reopen"),
    ("assigned", "refer"), ("accepted", "refer"),
}  # fmt: skip

PAIRS = [(status, action) for status in Status for action in ACTIONS]


def test_the_status_enum_is_the_documented_one() -> None:
    assert [str(s) for s in Status] == [
        "triage", "assigned", "accepted", "resolved", "closed", "rejected",
    ]  # fmt: skip


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_status_and_action(status: str, action: str) -> None:
    ticket = in_status(status)
    before = {c: getattr(ticket, c) for c in ("status", "level", "assignee_code", "updated_at")}
    call, after = ACTIONS[action]
    if (status, action) in LEGAL:
        event = call(ticket)
        assert ticket.status == after
        assert (event.from_status, event.to_status) == (status, after)
        assert (event.from_level, event.to_level) == (before["level"], ticket.level)
        assert event.at == NOW and ticket.updated_at == NOW
        assert event.ticket is ticket
        assert _allowed_actions(status).count(lc.Action[action.upper()]) == 1
    else:
        with pytest.raises(TicketError) as caught:
            call(ticket)
        message = str(caught.value)
        assert ticket.number in message and status in message
        assert f"cannot {action}" in message
        assert caught.value.status == status and caught.value.action == action
        # a refused transition changes nothing
        assert {c: getattr(ticket, c) for c in before} == before


def test_create_routes_or_queues_for_triage() -> None:
    routed, queued = new_ticket(), new_ticket("TBH-20261121-0002", grid_code=None)
    event = lc.create(routed, now=T0, assignee_code=WORKER, **DEADLINES)
    assert (routed.status, routed.level, routed.assignee_code) == ("assigned", 0, WORKER)
    assert routed.accept_due_at == DEADLINES["accept_due"]
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        "created", None, "assigned", "resident",
    )  # fmt: skip
    lc.create(queued, now=T0)
    assert (queued.status, queued.assignee_code, queued.reopen_count) == ("triage", None, 0)
    assert queued.created_at == T0 and queued.keywords == [] and queued.urgent is False


def test_create_twice_is_refused() -> None:
    ticket = in_status("assigned")
    with pytest.raises(TicketError, match="cannot create"):
        lc.create(ticket, now=T0)


def test_assign_fixes_the_route_and_records_the_change() -> None:
    ticket = new_ticket(grid_code=None)
    lc.create(ticket, now=T0)
    event = lc.assign(
        ticket, now=NOW, actor="MDHY-S", assignee_code=WORKER, grid_code="MDHY-01",
        category_code="property", **DEADLINES,
    )  # fmt: skip
    assert (ticket.grid_code, ticket.category_code, ticket.assignee_code) == (
        "MDHY-01", "property", WORKER,
    )  # fmt: skip
    assert event.data["grid_code"] == [None, "MDHY-01"]
    assert event.data["category_code"] == ["other", "property"]
    assert ticket.resolve_due_at == DEADLINES["resolve_due"]


def test_first_receiver_survives_escalation() -> None:
    ticket = in_status("accepted")
    assert ticket.first_receiver_code == WORKER
    lc.escalate(ticket, now=NOW, actor=WORKER, assignee_code=BRANCH, **DEADLINES)
    lc.accept(ticket, now=NOW, actor=BRANCH)
    assert ticket.assignee_code == BRANCH
    assert ticket.first_receiver_code == WORKER


def test_escalation_climbs_level_by_level_and_stops_at_the_district() -> None:
    ticket = in_status("assigned")
    for level in (1, 2, 3, 4):
        event = lc.escalate(ticket, now=NOW, actor="system", assignee_code=f"L{level}", **DEADLINES)
        assert (event.from_level, event.to_level) == (level - 1, level)
        assert ticket.level == ticket.max_level == level
        assert ticket.reminded_at is None
    with pytest.raises(TicketError, match="already at the district"):
        lc.escalate(ticket, now=NOW, actor="system", assignee_code="X", **DEADLINES)
    assert ticket.level == Level.DISTRICT


def test_escalation_may_skip_to_a_higher_level_but_never_down() -> None:
    ticket = in_status("assigned")
    lc.escalate(ticket, now=NOW, actor="system", assignee_code="MDHY-S", to_level=2, **DEADLINES)
    assert ticket.level == 2
    with pytest.raises(TicketError, match="target level 2 must be between 3 and 4"):
        lc.escalate(ticket, now=NOW, actor="system", assignee_code="X", to_level=2, **DEADLINES)
    with pytest.raises(TicketError, match="between 3 and 4"):
        lc.escalate(ticket, now=NOW, actor="system", assignee_code="X", to_level=5, **DEADLINES)


def test_reopen_goes_one_level_up_and_counts() -> None:
    ticket = in_status("resolved")
    event = lc.reopen(ticket, now=NOW, assignee_code=BRANCH, reason="灯还是不亮", **DEADLINES)
    assert (ticket.status, ticket.level, ticket.reopen_count) == ("assigned", 1, 1)
    assert ticket.max_level == 1 and ticket.resolved_at is None
    assert ticket.assignee_code == BRANCH and ticket.first_receiver_code == WORKER
    assert (event.action, event.from_level, event.to_level, event.note) == (
        "reopened", 0, 1, "灯还是不亮",
    )  # fmt: skip
    assert event.data["rating"] == "unsatisfied"


def test_reopen_at_the_top_stays_at_the_district() -> None:
    ticket = in_status("resolved", level=4)
    lc.reopen(ticket, now=NOW, assignee_code="TBH-TF", **DEADLINES)
    assert (ticket.level, ticket.reopen_count) == (4, 1)


def test_close_records_the_rating_and_refuses_unsatisfied() -> None:
    ticket = in_status("resolved")
    with pytest.raises(TicketError, match="unsatisfied rating reopens"):
        lc.close(ticket, now=NOW, rating="unsatisfied")
    with pytest.raises(TicketError, match="unknown rating 'great'"):
        lc.close(ticket, now=NOW, rating="great")
    assert ticket.status == "resolved"
    event = lc.close(ticket, now=NOW, rating=lc.Rating.BASICALLY)
    assert (ticket.status, ticket.closed_at, event.data) == ("closed", NOW, {"rating": "basically"})


def test_close_without_rating_is_a_system_close() -> None:
    ticket = in_status("resolved")
    event = lc.close(ticket, now=NOW, rating=None, actor="system")
    assert (ticket.status, event.actor, event.data) == ("closed", "system", {})


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda t: lc.reject(t, now=NOW, actor=WORKER, reason="  "), "reason for the resident"),
        (lambda t: lc.resolve(t, now=NOW, actor=WORKER, note=""), "result note is required"),
    ],
    ids=["reject", "resolve"],
)
def test_blank_reasons_are_refused(call: Callable[[TicketRow], Any], match: str) -> None:
    ticket = in_status("accepted")
    with pytest.raises(TicketError, match=match):
        call(ticket)
    assert ticket.status == "accepted"


def test_reject_keeps_the_reason_for_the_resident() -> None:
    ticket = in_status("assigned")
    event = lc.reject(ticket, now=NOW, actor=WORKER, reason="属于民事纠纷，请通过法院解决")
    assert ticket.reject_reason == event.note == "属于民事纠纷，请通过法院解决"
    assert ticket.closed_at == NOW and not lc.is_open(ticket)


def test_transfer_moves_a_level_zero_ticket_to_another_grid() -> None:
    ticket = in_status("accepted")
    event = lc.transfer(
        ticket, now=NOW, actor="MDHY-S", assignee_code="MDHY-02-W1", grid_code="MDHY-02",
        category_code="property", reason="楼栋属于第二网格", **DEADLINES,
    )  # fmt: skip
    assert (ticket.status, ticket.level, ticket.grid_code, ticket.assignee_code) == (
        "assigned", 0, "MDHY-02", "MDHY-02-W1",
    )  # fmt: skip
    assert event.data["grid_code"] == ["MDHY-01", "MDHY-02"]
    assert ticket.first_receiver_code == WORKER


def test_transfer_of_an_escalated_ticket_is_refused() -> None:
    ticket = in_status("assigned", level=1)
    with pytest.raises(TicketError, match="signed off by the level that holds it"):
        lc.transfer(ticket, now=NOW, actor="X", assignee_code="Y", grid_code="MDHY-02", **DEADLINES)


def test_transfer_needs_a_destination() -> None:
    ticket = in_status("assigned")
    with pytest.raises(TicketError, match="another grid"):
        lc.transfer(ticket, now=NOW, actor="X", assignee_code="Y", **DEADLINES)


@pytest.mark.parametrize("level", list(Level))
def test_can_act_only_at_or_above_the_ticket_level(level: Level) -> None:
    ticket = in_status("assigned", level=level)
    assert [lc.can_act(ticket, actor) for actor in Level] == [actor >= level for actor in Level]
    assert not lc.can_act(ticket, level - 1)


def test_record_logs_without_changing_status() -> None:
    ticket = in_status("accepted")
    event = lc.record(ticket, now=NOW, actor=WORKER, action="whistle", note="住建")
    assert (event.from_status, event.to_status, ticket.status) == ("accepted",) * 3
    with pytest.raises(TicketError, match="use the transition function"):
        lc.record(ticket, now=NOW, actor=WORKER, action="resolved")


def test_a_full_walk_logs_every_transition() -> None:
    ticket, events = walk_to("closed", level=2)
    assert [e.action for e in events] == [
        "created", "escalated", "escalated", "accepted", "resolved", "closed",
    ]  # fmt: skip
    for earlier, later in itertools.pairwise(events):
        assert later.from_status == earlier.to_status
        assert later.from_level == earlier.to_level
    assert ticket.max_level == 2 and ticket.status == "closed"


def _allowed_actions(status: str) -> list[lc.Action]:
    return [action for action, sources in lc.ALLOWED.items() if status in sources]


def test_terminal_statuses_allow_nothing() -> None:
    assert _allowed_actions("closed") == [] and _allowed_actions("rejected") == []


def test_refer_hands_the_grids_ticket_back_to_triage() -> None:
    ticket = in_status("accepted")
    resolve_due = ticket.resolve_due_at
    event = lc.refer(ticket, now=NOW, actor=WORKER, accept_due=due(41), reason="多次转派")
    assert (ticket.status, ticket.assignee_code, ticket.level) == ("triage", None, 0)
    assert (ticket.accept_due_at, ticket.resolve_due_at) == (due(41), resolve_due)
    assert (event.action, event.note) == ("referred", "多次转派")
    escalated = in_status("assigned", level=1)
    with pytest.raises(TicketError):
        lc.refer(escalated, now=NOW, actor=WORKER, accept_due=due(41))
