"""The routing engine: complaint text (+ optional GPS point) → category, grid, urgency, explanation.

Build one `Router` at start-up with `Router.from_config(config)`; `route` is then pure and
read-only, so one instance serves every coroutine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.config.schema import Community, GridDeskConfig
from nlp.address import AddressParser, TextAddress
from nlp.context import ContextRules, TextContext
from nlp.geo import GridLocator, valid_point
from nlp.normalize import Script, normalize
from nlp.rules import RuleSet, load_rules
from nlp.scoring import Evidence, Scorer, Scores, confidence
from nlp.tokenizer import DomainTokenizer
from nlp.urgency import Urgency, UrgencyDetector
from nlp.urgency_model import UrgencyModel

_PAUSE_RE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")  # voice input's pauses
_RUN_RE = re.compile(r"[^\s,.!?;:，。！？；：、]+")  # the runs between spaces and punctuation
_WORD_RUN, _WORD_RUNS = 2, 4  # a median run this short, of at least this many runs

FALLBACK_CATEGORY = "other"
CONTRACT_KEYS = (
    "category",
    "category_name",
    "community",
    "grid",
    "building",
    "urgent",
    "confidence",
    "needs_review",
    "keywords",
    "script",
)


@dataclass(frozen=True)
class AddressMatch:
    """Where a complaint belongs; unknown parts are None."""

    community: str | None = None
    grid: str | None = None
    building: int | None = None
    unit: int | None = None
    room: str | None = None
    explanation: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoutingDecision:
    """The routing result with its explanation (`keywords`, `rules`)."""

    category: str
    category_name: str
    community: str | None
    grid: str | None
    building: int | None
    unit: int | None
    room: str | None
    urgent: bool
    emergency_numbers: tuple[str, ...]
    confidence: float
    needs_review: bool
    keywords: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    script: Script = "hans"
    normalized_text: str = ""
    urgent_ask: bool = False  # signs of danger, no certain frame: ask the resident
    urgent_frames: tuple[str, ...] = ()  # the frames that fired (or whose signs were seen)
    urgent_answer: str | None = None  # the (confirmed) frame's own chat answer: missing, fallen

    def to_json_dict(self, explain: bool = False) -> dict[str, Any]:
        """The `griddesk route` output fields (without `id`); `explain` adds the details."""
        data: dict[str, Any] = {key: getattr(self, key) for key in CONTRACT_KEYS}
        data["keywords"] = list(self.keywords)
        if self.urgent_ask:
            data["urgent"] = "ask"
        if explain:
            data.update(
                unit=self.unit,
                room=self.room,
                emergency_numbers=list(self.emergency_numbers),
                urgent_frames=list(self.urgent_frames),
                rules=list(self.rules),
            )
        return data


def _start(item: Evidence) -> int:
    return item.start


def _outermost(words: list[str]) -> list[str]:
    """Unique words in order, without those contained in another one."""
    unique = list(dict.fromkeys(words))
    return [w for w in unique if not any(w != other and w in other for other in unique)]


class Router:
    """Routes complaints of one district with one rule set."""

    def __init__(
        self,
        config: GridDeskConfig,
        rules: RuleSet,
        review_threshold: float = 0.35,
        cache_directory: Path | None = None,
        urgency_model: UrgencyModel | None = None,
    ) -> None:
        if not 0 <= review_threshold <= 1:
            raise ValueError("review_threshold must be within [0, 1]")
        self.config = config
        self.rules = rules
        self.review_threshold = review_threshold
        self.category_order = [c.code for c in config.taxonomy.categories]
        self.category_position = {code: i for i, code in enumerate(self.category_order)}
        self.category_names = {c.code: c.name for c in config.taxonomy.categories}
        self.fallback = (
            FALLBACK_CATEGORY
            if FALLBACK_CATEGORY in self.category_names
            else self.category_order[-1]
        )
        self.communities: dict[str, Community] = {
            c.code: c for _, c in config.district.communities()
        }
        self.address = AddressParser(config.district)
        self.locator = GridLocator(config.district)
        self.scorer = Scorer(rules)
        self.urgency = UrgencyDetector(rules, config.district.gas_hotline, urgency_model)
        self.context_rules = ContextRules(rules.modifiers)
        user_words: dict[str, int | None] = dict.fromkeys(self.address.place_words())
        user_words.update(rules.dictionary)
        for term in rules.all_terms():
            user_words.setdefault(term, None)
        self.tokenizer = DomainTokenizer(user_words, rules.all_terms(), cache_directory)

    @classmethod
    def from_config(
        cls, config: GridDeskConfig, rules_path: Path | None = None, review_threshold: float = 0.35
    ) -> Router:
        """Load the rules (bundled demo rules by default) and the bundled urgency model, and
        build the engine."""
        rules = load_rules(rules_path, config.taxonomy)
        return cls(config, rules, review_threshold, urgency_model=UrgencyModel.load())

    # -- routing ------------------------------------------------------------------------------
    def route(self, text: str, location: tuple[float, float] | None = None) -> RoutingDecision:
        normalized = normalize(text)
        body = normalized.text
        address = self._resolve(self.address.parse(body), location)
        masked = self.address.mask(body)
        context = TextContext(masked, self.context_rules)
        analysis = self.tokenizer.analyse(masked)
        scores = self.scorer.score(masked, analysis, context)
        paused = paused_text(masked)
        said = context if paused == masked else TextContext(paused, self.context_rules)
        urgency = self.urgency.detect(paused, said)
        category, value, explanation = self._choose(scores, body)
        category = self._frame_category(category, urgency, explanation)
        needs_review = address.grid is None or value < self.review_threshold
        keywords = _outermost([*scores.keywords(category), *urgency.keywords])
        rules = [*explanation, *urgency.explanation, *address.explanation]
        if needs_review:
            rules.append(self._review_reason(address.grid is None, value))
        return RoutingDecision(
            category=category,
            category_name=self.category_names[category],
            community=address.community,
            grid=address.grid,
            building=address.building,
            unit=address.unit,
            room=address.room,
            urgent=urgency.urgent,
            emergency_numbers=urgency.numbers,
            confidence=value,
            needs_review=needs_review,
            keywords=keywords,
            rules=rules,
            script=normalized.script,
            normalized_text=body,
            urgent_ask=urgency.ask,
            urgent_frames=urgency.kinds,
            urgent_answer=urgency.answer,
        )

    def _frame_category(self, category: str, urgency: Urgency, explanation: list[str]) -> str:
        """A certain danger frame files the complaint under its own category (a missing
        person under public security), unless the chosen category is one the frame keeps."""
        frame = urgency.category
        if not urgency.urgent or frame is None or frame == category or category in urgency.keep:
            return category
        explanation.append(
            f"分类按险情：{self.category_names[frame]}({frame})，"
            f"而不是 {self.category_names[category]}({category})"
        )
        return frame

    def _review_reason(self, no_grid: bool, value: float) -> str:
        reasons = ["网格未知"] if no_grid else []
        if value < self.review_threshold:
            reasons.append(f"置信度 {value:.2f} 低于 {self.review_threshold:.2f}")
        return "需要人工分派：" + "，".join(reasons)

    def detect_urgency(self, text: str) -> Urgency:
        """Urgency only (for a follow-up message on an open ticket)."""
        body = self.urgency_text(text)
        return self.urgency.detect(body, TextContext(body, self.context_rules))

    def urgency_text(self, text: str) -> str:
        """The text urgency is judged on: normalised, community names blanked out, a space
        between two Chinese characters read as the pause it is in voice input (a clause end)."""
        return paused_text(self.address.mask(normalize(text).text))

    def _choose(self, scores: Scores, body: str) -> tuple[str, float, list[str]]:
        ranking = scores.ranking(self.category_position)
        notes = scores.ignored
        if not body:
            return self.fallback, 0.0, ["诉求内容为空", *notes]
        if not ranking:
            return self.fallback, 0.0, ["没有匹配到任何分类关键词，归入其他诉求", *notes]
        best, best_score = ranking[0]
        second_score = ranking[1][1] if len(ranking) > 1 else 0.0
        value = confidence(best_score, second_score, self.rules.settings.full_confidence_score)
        evidence = sorted(scores.evidence[best].values(), key=_start)
        parts = [
            f"{e.matched}{e.weight:+g}({e.note})" if e.note else f"{e.matched}{e.weight:+g}"
            for e in evidence
        ]
        line = f"分类：{self.category_names[best]}({best}) 得分 {best_score:g}：{'，'.join(parts)}"
        if len(ranking) > 1:
            runner, runner_score = ranking[1]
            line += f"；次选 {self.category_names[runner]}({runner}) 得分 {runner_score:g}"
        return best, value, [line, *notes]

    # -- addresses ----------------------------------------------------------------------------
    def resolve_address(
        self, text: str | None, location: tuple[float, float] | None
    ) -> AddressMatch:
        """Resolve an address or location the resident supplies after the complaint."""
        parsed = self.address.parse(normalize(text).text) if text else TextAddress()
        return self._resolve(parsed, location)

    def _grid_for(self, community: str, building: int | None) -> str | None:
        grids = self.communities[community].grids
        if len(grids) == 1:
            return grids[0].code
        if building is None:
            return None
        for grid in grids:
            if grid.buildings is not None and grid.buildings[0] <= building <= grid.buildings[1]:
                return grid.code
        return None

    def _resolve(self, parsed: TextAddress, location: tuple[float, float] | None) -> AddressMatch:
        notes: list[str] = []
        point = None
        if location is not None:
            if valid_point(location):
                point = (float(location[0]), float(location[1]))
            else:
                notes.append(f"定位无效，已忽略：{location!r}")
        located = self.locator.locate(point) if point else None
        if point and located is None:
            notes.append(f"定位 {point[0]:.5f},{point[1]:.5f} 不在任何网格内")
        community, grid = self._pick(parsed, located, notes)
        return AddressMatch(
            community=community,
            grid=grid,
            building=parsed.building,
            unit=parsed.unit if parsed.building is not None else None,
            room=parsed.room if parsed.building is not None else None,
            explanation=tuple(notes),
        )

    def _pick(
        self, parsed: TextAddress, located: tuple[str, str] | None, notes: list[str]
    ) -> tuple[str | None, str | None]:
        building = parsed.building
        if parsed.community is not None:
            text_grid = self._grid_for(parsed.community, building)
            notes.append(
                f"地址：「{parsed.community_text or parsed.grid_text}」→ {parsed.community}"
                + (
                    f"，「{parsed.building_text}」→ {text_grid or '不在任何网格的楼栋范围'}"
                    if building is not None
                    else ""
                )
            )
            named = text_grid is None and parsed.grid is not None  # no building says otherwise
            if named:
                text_grid = parsed.grid
                notes.append(f"「{parsed.grid_text}」→ {text_grid}")
            stated = named or building is not None  # the text names a building or a grid
            if located is None:
                return parsed.community, text_grid
            if located[0] != parsed.community:
                if stated:
                    notes.append(f"文字地址写明了楼栋或网格，优先于定位（定位在 {located[1]}）")
                    return parsed.community, text_grid
                notes.append(f"文字地址没有楼栋，以定位为准：{located[1]}")
                return located
            if stated and text_grid is not None:
                return parsed.community, text_grid
            notes.append(f"定位 → {located[1]}")
            return located
        if located is not None:
            community, grid = located
            text_grid = self._grid_for(community, building) if building is not None else None
            notes.append(f"定位 → {community} {grid}")
            if text_grid is not None and text_grid != grid:
                notes.append(f"文字写明「{parsed.building_text}」→ {text_grid}，优先于定位")
                return community, text_grid
            return community, grid
        if building is not None:
            notes.append(f"有楼栋「{parsed.building_text}」但没有小区名称或定位")
        else:
            notes.append("没有地址也没有定位")
        return None, None


def paused_text(text: str) -> str:
    """A space between two Chinese characters read as a clause's end: voice input writes its
    pauses that way (我老伴 摔倒了 起不来), and urgency frames stay within a clause. A text
    that spaces its words (我 轮椅，万一 家里 着火: the order of sign language) is read with
    the spaces taken out instead."""
    if " " not in text:
        return text
    if _spaces_words(text):
        return _PAUSE_RE.sub("", text)
    return _PAUSE_RE.sub(",", text)  # "，" as normalize() folds it


def _spaces_words(text: str) -> bool:
    """The text's runs between spaces and punctuation are words: at least half of them one or
    two characters long (voice input pauses after phrases of three or more)."""
    runs = sorted(len(run) for run in _RUN_RE.findall(text))
    return len(runs) >= _WORD_RUNS and runs[(len(runs) - 1) // 2] <= _WORD_RUN
