"""考核 in the console: the hand-built October 2026 of tests/reports/test_assessment.py, ranked
for the community secretary with the monthly analysis's figures and wording; a grid worker sees
their own month and their grid's, nobody else's; other scopes are not found."""

from __future__ import annotations

import html
import re

from models.reports import assessment
from models.reports.monthly import month_assessment
from tests.reports.fixture_month import W1, W2
from tests.reports.test_assessment import OCTOBER, _build
from tests.web.console import SECRETARY, Console, console_for

ROWS = re.compile(r"<tr><td data-label=\"网格员\">(.*?)</tr>", re.S)
CELLS = re.compile(r"<td data-label=\"[^\"]*\">([^<]*)</td>")


async def _ranked(console: Console, scope: str) -> assessment.Assessment:
    async with console.app.services.uow_factory() as uow:
        return await month_assessment(uow, console.app.services.config, scope, OCTOBER,
                                      as_of=console.clock.now())


def _worker_rows(page: str) -> list[list[str]]:
    return [[html.unescape(cell) for cell in CELLS.findall("<td data-label=\"网格员\">" + row)]
            for row in ROWS.findall(page)]


async def test_the_secretary_sees_the_ranked_month_as_the_analysis_words_it(db_url: str) -> None:
    async with console_for(db_url) as console:
        async with console.app.services.uow_factory() as uow:
            await _build(uow, console.app.services.config)
        await console.sign_in(SECRETARY)
        chosen = await console.client.get("/console/assessment",
                                          params={"month": OCTOBER.key}, allow_redirects=False)
        assert chosen.headers["Location"] == f"/console/assessment/MDHY/{OCTOBER.key}"
        page = await (await console.client.get(chosen.headers["Location"])).text()
        ranked = await _ranked(console, "MDHY")
        assert [row.key for row in ranked.workers][:2] == [W1, W2]
        shown = _worker_rows(page)
        assert [cells[2:] for cells in shown] == [assessment.cells(row)
                                                  for row in ranked.workers]
        assert [cells[0] for cells in shown] == [row.name for row in ranked.workers]
        assert shown[0][-1] == "77.7" and shown[1][-1] == "65.1"
        assert html.escape(assessment.weights_phrase(ranked.weights)) in page
        for row in ranked.grids:
            assert f"<td data-label=\"网格\">{row.name}</td>" in page
        assert 'id="own"' not in page  # the secretary is no grid worker


async def test_a_grid_worker_sees_their_own_month_only(db_url: str) -> None:
    async with console_for(db_url) as console:
        async with console.app.services.uow_factory() as uow:
            await _build(uow, console.app.services.config)
        await console.sign_in(W1)
        page = await (await console.client.get(f"/console/assessment/MDHY-01/{OCTOBER.key}"))\
            .text()
        ranked = await _ranked(console, "MDHY-01")
        mine = ranked.worker(W1)
        assert mine is not None
        assert "本人考核" in page
        for line in assessment.own_lines(mine, ranked.weights):
            assert f"<p>{html.escape(line)}</p>" in page
        assert [cells[0] for cells in _worker_rows(page)] == [mine.name]
        whole = await _ranked(console, "MDHY")
        other = whole.worker(W2)
        assert other is not None and other.name not in page
        for path in (f"/console/assessment/MDHY/{OCTOBER.key}",
                     f"/console/assessment/MDHY-02/{OCTOBER.key}",
                     "/console/assessment/MDHY-01/2026-13"):
            assert (await console.client.get(path)).status == 404, path
