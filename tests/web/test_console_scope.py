"""Every console route, as a person of each role, against tickets outside their scope: 403 or
404 for the ticket's own routes, and never its number or text anywhere else."""

from __future__ import annotations

from aiohttp import web

from bot.web.console import console_app
from bot.web.console.auth import PUBLIC
from tests.web.console import OTHER_WORKER, SECRETARY, STREET, WORKER, Console, console_for

LAMP = "颂运水庭7号楼门口的路灯坏了，晚上很黑"
FAR = "济东新村3号楼门口的路灯坏了，晚上很黑"
ACTIONS = ("accept", "transfer", "escalate", "whistle", "reject", "recategorise", "note")


def routes(app: web.Application) -> list[tuple[str, str, str]]:
    """(name, method, path template) of every console route but sign-in and static files."""
    found = []
    for resource in app.router.resources():
        if resource.name in PUBLIC:
            continue
        info = resource.get_info()
        path = info.get("formatter") or info.get("path")
        assert path is not None
        found += [(str(resource.name), route.method, str(path)) for route in resource
                  if route.method != "HEAD"]
    return found


def paths(template: str, number: str, unit: str) -> list[str]:
    """The route's URLs for a ticket number and the code of the ticket's unit."""
    filled = (template.replace("{number}", number).replace("{kind}", "csv")
              .replace("{index}", "0")
              .replace("{scope}", unit).replace("{month}", "2026-11")
              .replace("{name}", f"monthly-{unit}-2026-11.html"))
    if "{action}" in filled:
        return [filled.replace("{action}", action) for action in ACTIONS]
    return [filled, filled.replace(".csv", ".xlsx")] if "export" in filled else [filled]


async def walk(console: Console, number: str, text: str, unit: str) -> None:
    templates = routes(console_app(console.app))
    assert {name for name, _, _ in templates} == {
        "queue", "export", "ticket", "photo", "act", "logout", "map", "map_data", "dashboard",
        "reports", "report", "report_file", "assessment_index", "assessment"}
    csrf = await console.csrf()
    for name, method, template in templates:
        if name == "logout":
            continue  # ends the session; it carries no ticket
        for path in paths("/console" + template, number, unit):
            if method == "GET":
                response = await console.client.get(path, params={"q": number[:8]})
            else:
                response = await console.client.post(path, data={
                    "csrf": csrf, "grid": "MDHY-02", "reason": "越权测试",
                    "department": "区住建局", "category": "lighting"})
            body = await response.read()
            if "{number}" in template or "{scope}" in template:
                assert response.status in (403, 404), (path, response.status)
            else:
                assert response.status == 200, (path, response.status)
            decoded = body.decode("utf-8-sig", errors="replace")
            assert number not in decoded and text not in decoded, path


async def test_no_route_shows_or_changes_a_ticket_outside_the_persons_scope(
    db_url: str,
) -> None:
    async with console_for(db_url) as console:
        lamp = await console.file(LAMP)
        far = await console.file(FAR, "resident1")
        assert lamp.community_code == "SYST" and far.street_code == "SQ"
        outside = {WORKER: [lamp, far], "MDHY-01-B": [lamp, far], SECRETARY: [lamp, far],
                   STREET: [far], OTHER_WORKER: [far]}
        for code, tickets in outside.items():
            await console.sign_in(code)
            for ticket in tickets:
                for unit in {ticket.grid_code, ticket.community_code, ticket.street_code}:
                    if unit is not None:
                        await walk(console, ticket.number, ticket.original_text, unit)
        async with console.app.services.uow_factory() as uow:
            for ticket in (lamp, far):
                events = await uow.events.for_ticket(ticket.id)
                assert [e.action for e in events] == ["created"]  # nothing was done to them
