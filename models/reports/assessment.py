"""考核: per worker and per grid, per month — tickets collected (by residents, on visits),
accepted on time, resolved on time, escalated for a missed deadline, reopened after 不满意,
satisfaction, visit coverage — and a weighted score.

Definitions (the month's tickets as `models.reports.monthly` reads them, at `as_of`):
- a ticket counts for the worker who filed it on a visit, else for the grid worker who first
  accepted it (首接), else for the first worker of its grid; and for its grid;
- accepted on time: first accepted no later than the acceptance deadline counted from receipt;
  resolved on time: `monthly.resolved_on_time`; missed deadline: escalated by the sweeper for a
  missed deadline, or overdue at the top level; reopened: a 不满意 reopened it;
- satisfaction: (满意 + 基本满意) / rated, each ticket's latest rating (by chat or by phone);
- coverage: `models.reports.coverage` (households visited / households covered).

Score (0–100) = 100 × Σ weight × rate / Σ weight over the rates that have data: the four ticket
rates need a ticket, satisfaction a rating, coverage known households. The weights are the
configuration's `district.assessment` (satisfaction stated explicitly there)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from models.config.schema import AssessmentWeights, GridDeskConfig
from models.escalation import category_for
from models.reports.coverage import Coverage, worker_names
from models.reports.phrasing import NO_DATA, percent
from models.reports.queries import TicketFacts
from models.sla import compute_deadlines

VISIT_SOURCE = "visit"
SATISFIED = ("satisfied", "basically")


@dataclass
class Score:
    """One worker's or grid's month of work."""

    key: str
    name: str
    grid: str = ""  # a worker's (first) grid; a grid's own code
    from_residents: int = 0
    from_visits: int = 0
    accepted_on_time: int = 0
    resolved_on_time: int = 0
    missed_deadline: int = 0
    reopened: int = 0
    ratings: dict[str, int] = field(default_factory=dict)
    households: int = 0
    visited: int = 0
    visits: int = 0
    score: float | None = None
    rank: int | None = None

    @property
    def collected(self) -> int:
        return self.from_residents + self.from_visits

    @property
    def rated(self) -> int:
        return sum(self.ratings.values())

    @property
    def satisfied(self) -> int:
        return sum(self.ratings.get(score, 0) for score in SATISFIED)

    def rates(self) -> dict[str, float | None]:
        """Each weighted rate (0..1), None where there is nothing to measure."""
        count = self.collected
        share = (lambda part: part / count) if count else (lambda part: None)
        return {
            "satisfaction": self.satisfied / self.rated if self.rated else None,
            "accepted_on_time": share(self.accepted_on_time),
            "resolved_on_time": share(self.resolved_on_time),
            "no_missed_deadline": None if not count else 1 - self.missed_deadline / count,
            "no_reopen": None if not count else 1 - self.reopened / count,
            "visit_coverage": min(1.0, self.visited / self.households) if self.households
            else None,
        }

    def add(self, fact: TicketFacts, accepted_on_time: bool, resolved_on_time: bool,
            rating: str | None) -> None:
        if fact.source == VISIT_SOURCE:
            self.from_visits += 1
        else:
            self.from_residents += 1
        self.accepted_on_time += accepted_on_time
        self.resolved_on_time += resolved_on_time
        self.missed_deadline += fact.breached
        self.reopened += fact.reopens > 0
        if rating is not None:
            self.ratings[rating] = self.ratings.get(rating, 0) + 1

    def covered(self, coverage: Coverage | None) -> None:
        if coverage is not None:
            self.households = coverage.households
            self.visited, self.visits = coverage.visited, coverage.visits


@dataclass
class Assessment:
    """The ranked tables of a scope's month (best score first)."""

    weights: AssessmentWeights
    workers: list[Score]
    grids: list[Score]

    def worker(self, code: str) -> Score | None:
        return next((row for row in self.workers if row.key == code), None)


def weighted_score(row: Score, weights: AssessmentWeights) -> float | None:
    total = weight_sum = 0.0
    rates = row.rates()
    for name, weight in weights.items():
        rate = rates[name]
        if rate is not None and weight > 0:
            total += weight * rate
            weight_sum += weight
    return round(100 * total / weight_sum, 1) if weight_sum else None


def accepted_on_time(config: GridDeskConfig, fact: TicketFacts) -> bool:
    """First accepted no later than the acceptance deadline counted from receipt."""
    if fact.accepted_at is None:
        return False
    district = config.district
    due = compute_deadlines(category_for(config, fact.category_code), config.taxonomy,
                            district.calendar, district.timezone, fact.created_at,
                            fact.urgent).accept_due
    return fact.accepted_at <= due


def owner(fact: TicketFacts, workers: Mapping[str, tuple[str, str]],
          grid_workers: Mapping[str, str]) -> str | None:
    """The worker a ticket counts for (filed on a visit, 首接, else the grid's first worker)."""
    if fact.filed_by:
        return fact.filed_by
    if fact.first_receiver in workers:
        return fact.first_receiver
    return grid_workers.get(fact.grid_code or "")


def assess(config: GridDeskConfig, facts: Iterable[TicketFacts], on_time: frozenset[int],
           ratings: Mapping[int, str], grid_coverage: Mapping[str, Coverage],
           worker_coverage: Mapping[str, Coverage]) -> Assessment:
    """The assessment of the grids in `grid_coverage` and the workers in `worker_coverage`."""
    names = worker_names(config)
    grid_workers = {grid.code: grid.workers[0].code for _, _, grid in config.district.grids()}
    grids = {code: Score(code, row.name, code) for code, row in grid_coverage.items()}
    workers = {code: Score(code, row.name, names.get(code, (code, ""))[1])
               for code, row in worker_coverage.items()}
    for fact in facts:
        accepted = accepted_on_time(config, fact)
        rows = [grids.get(fact.grid_code or "")]
        code = owner(fact, names, grid_workers)
        if code is not None:
            rows.append(workers.setdefault(
                code, Score(code, names.get(code, (code, ""))[0], names.get(code, ("", ""))[1])))
        for row in rows:
            if row is not None:
                row.add(fact, accepted, fact.id in on_time, ratings.get(fact.id))
    for code, row in grids.items():
        row.covered(grid_coverage.get(code))
    for code, row in workers.items():
        row.covered(worker_coverage.get(code))
    weights = config.district.assessment
    return Assessment(weights, _ranked(workers.values(), weights), _ranked(grids.values(),
                                                                           weights))


def _ranked(rows: Iterable[Score], weights: AssessmentWeights) -> list[Score]:
    result = list(rows)
    for row in result:
        row.score = weighted_score(row, weights)
    result.sort(key=lambda row: (row.score is None, -(row.score or 0), row.key))
    for index, row in enumerate(result, 1):
        row.rank = index if row.score is not None else None
    return result


WEIGHT_LABELS = {
    "satisfaction": "群众满意率",
    "accepted_on_time": "按时受理率",
    "resolved_on_time": "按期办结率",
    "no_missed_deadline": "未超时上报率",
    "no_reopen": "未重新办理率",
    "visit_coverage": "入户走访覆盖率",
}
HEADERS = ["排名", "群众反映", "走访代报", "按时受理", "按期办结", "超时上报", "不满意重办",
           "满意率", "走访覆盖", "得分"]


def weights_phrase(weights: AssessmentWeights) -> str:
    """得分权重：群众满意率30%、… (only the weights above 0)."""
    total = sum(weight for _, weight in weights.items())
    parts = [f"{WEIGHT_LABELS[name]}{percent(weight, total, 0)}"
             for name, weight in weights.items() if weight > 0]
    return "得分权重：" + "、".join(parts)


def cells(row: Score) -> list[str]:
    """One ranked row as text: rank, counts, rates and the score."""
    coverage = f"{row.visited}/{row.households}户" if row.households else f"{row.visited}户"
    return [
        str(row.rank) if row.rank is not None else NO_DATA,
        str(row.from_residents),
        str(row.from_visits),
        f"{row.accepted_on_time}/{row.collected}",
        f"{row.resolved_on_time}/{row.collected}",
        str(row.missed_deadline),
        str(row.reopened),
        percent(row.satisfied, row.rated),
        coverage,
        NO_DATA if row.score is None else f"{row.score:.1f}",
    ]


def own_lines(row: Score, weights: AssessmentWeights) -> list[str]:
    """A worker's (or grid's) own month in words, for `/report` and the console."""
    share = percent(row.visited, row.households)
    coverage = (f"{row.visited}户 / 负责{row.households}户（{share}）" if row.households
                else f"{row.visited}户")
    score = NO_DATA if row.score is None else f"{row.score:.1f}"
    return [
        f"收集诉求{row.collected}件（群众反映{row.from_residents}件，走访代报{row.from_visits}件）；"
        f"按时受理{row.accepted_on_time}件，按期办结{row.resolved_on_time}件，"
        f"超时被上报{row.missed_deadline}件，不满意重新办理{row.reopened}件。",
        f"群众评价{row.rated}条，满意率{percent(row.satisfied, row.rated)}；入户走访{coverage}。",
        f"考核得分：{score}（{weights_phrase(weights)}）。",
    ]
