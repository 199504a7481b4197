"""The map's data: the scope's grids coloured by their open and overdue tickets, points."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.web.console import LIFT, STREET, WORKER, Console, console_for

FAR = "济东新村3号楼门口的路灯坏了，晚上很黑"


async def map_data(console: Console) -> dict[str, Any]:
    response = await console.client.get("/console/map.json")
    assert response.status == 200
    data: dict[str, Any] = await response.json()
    return data


async def test_grids_take_the_colour_of_their_tickets_within_the_scope(db_url: str) -> None:
    async with console_for(db_url) as console:
        lift = await console.file(LIFT)
        far = await console.file(FAR, "resident1")
        await console.sign_in(WORKER)
        data = await map_data(console)
        assert [g["code"] for g in data["grids"]] == ["MDHY-01"]
        [grid] = data["grids"]
        assert (grid["open"], grid["overdue"], grid["tone"]) == (1, 0, "open")
        assert len(grid["outline"]) >= 3
        [point] = data["points"]
        assert point["number"] == lift.number and not point["overdue"]
        console.clock.advance(timedelta(days=2))
        await console.sign_in(WORKER)  # the session of two days ago has expired
        [grid] = (await map_data(console))["grids"]
        assert (grid["overdue"], grid["tone"]) == (1, "overdue")
        await console.sign_in(STREET)  # 许庄街道: its three communities, not 石桥镇
        data = await map_data(console)
        codes = {g["code"] for g in data["grids"]}
        assert "MDHY-01" in codes and "SYST-02" in codes and "JDXC-01" not in codes
        assert far.number not in {p["number"] for p in data["points"]}
        calm = [g for g in data["grids"] if g["code"] == "SYST-02"]
        assert calm[0]["tone"] == "calm"
        page = await console.client.get("/console/map")
        assert "vendor/leaflet/leaflet.js" in await page.text()
        script = await console.client.get("/console/static/vendor/leaflet/leaflet.js")
        assert script.status == 200
