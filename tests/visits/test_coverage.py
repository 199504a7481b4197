"""Visit coverage and the household a worker types, without a database."""

from __future__ import annotations

import pytest

from handlers.visits import parse_household
from models.config.schema import GridDeskConfig, Person
from models.reports.coverage import tabulate, worker_households
from models.repos.visits import VisitFact


@pytest.mark.parametrize(("text", "with_building", "numbers", "note"), [
    ("3-2-301 老人身体好", True, ["3", "2", "301"], "老人身体好"),
    ("3号楼2单元301室，独居", True, ["3", "2", "301"], "独居"),
    ("2-301", False, ["2", "301"], ""),
    ("301 家里没人", False, ["301"], "家里没人"),
    ("5-2-301", False, ["2", "301"], ""),  # the building was picked by button already
    ("没人在家", False, [], "没人在家"),
])
def test_the_household_typed(text: str, with_building: bool, numbers: list[str],
                             note: str) -> None:
    assert parse_household(text, with_building) == (numbers, note)


def test_coverage_counts_households_not_visits(demo_config: GridDeskConfig) -> None:
    facts = [
        VisitFact(1, "MDHY-01-W1", "MDHY-01", "MDHY-01/1/1/101", 0),
        VisitFact(2, "MDHY-01-W1", "MDHY-01", "MDHY-01/1/1/101", 1),  # the same door again
        VisitFact(3, "MDHY-01-W1", "MDHY-01", "visit:3", 0),  # no room: a household of its own
        VisitFact(4, "MDHY-02-W1", "MDHY-02", "MDHY-02/8/1/801", 0),
    ]
    grids, workers = tabulate(demo_config, facts, ["MDHY-01", "MDHY-02", "MDHY-03"])
    first = grids["MDHY-01"]
    assert (first.visits, first.visited, first.filed, first.households) == (3, 2, 1, 198)
    assert first.rate == pytest.approx(2 / 198)
    assert (grids["MDHY-03"].visited, grids["MDHY-03"].households) == (0, 186)
    assert (workers["MDHY-01-W1"].visited, workers["MDHY-02-W1"].visited) == (2, 1)
    assert workers["MDHY-03-W1"].visits == 0  # listed although nobody visited


def test_workers_of_one_grid_share_its_households(demo_config: GridDeskConfig) -> None:
    grids = [grid for _, _, grid in demo_config.district.grids()]
    second = Person(code="MDHY-01-W2", name="陈静", telegram_user_id=710199)
    first = grids[0].model_copy(update={"workers": [*grids[0].workers, second]})
    district = demo_config.district
    street = district.streets[0]
    community = street.communities[0].model_copy(
        update={"grids": [first, *street.communities[0].grids[1:]]})
    street = street.model_copy(update={"communities": [community, *street.communities[1:]]})
    config = demo_config.model_copy(update={"district": district.model_copy(
        update={"streets": [street, *district.streets[1:]]})})
    covered = worker_households(config)
    assert (covered["MDHY-01-W1"], covered["MDHY-01-W2"], covered["MDHY-02-W1"]) == (99, 99, 204)
