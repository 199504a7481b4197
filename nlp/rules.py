"""Category keyword rules as data: the `rules.yaml` format (docs/rules-format.md), loader, checker.

`load_rules(path)` returns a `RuleSet` (raises `RulesError` listing every problem);
`check_rules(path, taxonomy)` returns the problems only, for `griddesk config check`.
Terms and patterns are normalised exactly like complaints (folded, Simplified, lower case),
so an administrator may write them in either script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models.config.schema import BUNDLED_DEMO, RULES_FILE, ConfigProblem, Taxonomy
from nlp.frames import FrameShape, compose
from nlp.normalize import normalize, to_simplified
from nlp.pattern_cache import PatternCache
from nlp.patterns import Pattern, character_frequency, required_character_sets
from nlp.regex_program import Program, program

BUNDLED_RULES = BUNDLED_DEMO / RULES_FILE
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster
MAX_WEIGHT = 20.0
_TERM_RE = re.compile(r"^[\u4E00-\u9FD5a-z0-9+#&._%\-]+$")
URGENT_KINDS_NUMBERS = frozenset({"110", "119", "120", "122", "gas"})  # gas: the district's line
FRAME_ANSWERS = frozenset({"missing", "fallen"})


class RulesError(Exception):
    """A rules file that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: list[ConfigProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class CategoryRules:
    code: str
    terms: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class Settings:
    unaligned_factor: float = 0.6
    resolved_factor: float = 0.25
    ask_factor: float = 1.0
    full_confidence_score: float = 6.0


@dataclass(frozen=True)
class Modifiers:
    negation: list[str] = field(default_factory=list)
    negation_fillers: list[str] = field(default_factory=list)
    not_negation: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    resolved_cancel: list[str] = field(default_factory=list)
    ask: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class UrgentKind:
    """One frame of immediate danger and the emergency numbers a resident is told to call.

    `ask` patterns are signs of this danger that are not certain: the resident is asked;
    `answer` names the frame's own reply in the chat (missing, fallen)."""

    name: str
    label: str
    numbers: tuple[str, ...]
    patterns: list[Pattern]
    resolved: list[str]
    exclude: list[str] = field(default_factory=list)
    exclude_near: list[str] = field(default_factory=list)  # only close to the danger
    exclude_anywhere: bool = False  # `exclude` read in the whole text, not the sentence
    exclude_unless: list[str] = field(default_factory=list)  # where one stands, none counts
    not_elsewhere: list[str] = field(default_factory=list)  # `distance` markers it is about
    lasting: list[str] = field(default_factory=list)  # states a past marker dates the start of
    fallback: bool = False
    ask: list[Pattern] = field(default_factory=list)
    answer: str | None = None
    since: list[Pattern] = field(default_factory=list)
    category: str | None = None  # the category of a complaint this frame fired on
    keep: list[str] = field(default_factory=list)  # chosen categories the frame leaves alone


@dataclass(frozen=True)
class UrgentRules:
    kinds: list[UrgentKind] = field(default_factory=list)
    negation: list[str] = field(default_factory=list)
    hypothetical: list[str] = field(default_factory=list)
    chronic: list[str] = field(default_factory=list)
    not_hypothetical: list[str] = field(default_factory=list)
    past: list[str] = field(default_factory=list)
    not_past: list[str] = field(default_factory=list)
    referred: list[str] = field(default_factory=list)  # right after a danger: a matter told
    recurs: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    today: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    habitual: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    still: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    others_acting: list[str] = field(default_factory=list)
    not_others: list[str] = field(default_factory=list)
    distance: list[str] = field(default_factory=list)
    live: list[str] = field(default_factory=list)
    not_distance: list[str] = field(default_factory=list)
    corrected: list[str] = field(default_factory=list)
    not_corrected: list[str] = field(default_factory=list)
    hedge: list[str] = field(default_factory=list)
    like: list[str] = field(default_factory=list)
    as_if: list[str] = field(default_factory=list)
    injury: list[Pattern] = field(default_factory=list)
    injury_numbers: tuple[str, ...] = ("120",)


@dataclass(frozen=True)
class RuleSet:
    settings: Settings
    modifiers: Modifiers
    dictionary: dict[str, int | None]
    categories: dict[str, CategoryRules]
    urgent: UrgentRules
    source: str = ""

    def all_terms(self) -> set[str]:
        """Every plain term and word of every category (they go into the jieba dictionary)."""
        found: set[str] = set()
        for rules in self.categories.values():
            found.update(rules.terms)
            found.update(rules.words)
        return found


def _pattern_text(source: str) -> str:
    """A pattern in matching form: width-folded and Simplified, but case and spaces kept."""
    import unicodedata

    return to_simplified(unicodedata.normalize("NFKC", source)).replace("著", "着")


# -- parsing --------------------------------------------------------------------------------------


class _Parser:
    """Collects problems while turning the YAML mapping into a RuleSet."""

    def __init__(self, file: str, cache: PatternCache | None = None) -> None:
        self.file = file
        self.problems: list[ConfigProblem] = []
        self.rarity = character_frequency()
        self.cache = cache

    def problem(self, path: str, reason: str) -> None:
        self.problems.append(ConfigProblem(self.file, path, reason))

    def mapping(self, value: Any, path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path, "must be a mapping")
            return {}
        return value

    def strings(self, value: Any, path: str) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(path, "must be a list of non-empty strings")
            return []
        texts = []
        for original in value:
            text = normalize(original).text
            if text.strip():
                texts.append(text)
            else:  # an emoji or punctuation alone: as "" it would be found in every text
                self.problem(path, f"{original!r} is empty once normalised (texts are read so)")
        return texts

    def weight(self, value: Any, path: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(path, f"bad weight {value!r}: use a number")
            return None
        if value == 0 or abs(value) > MAX_WEIGHT:
            self.problem(
                path, f"bad weight {value!r}: use a non-zero number within ±{MAX_WEIGHT:g}"
            )
            return None
        return float(value)

    def regex(self, source: Any, path: str) -> str | None:
        """The pattern in matching form once it is known to compile and not to match the
        empty text. A cached pattern passed that check before (the pattern cache is per rules
        file, deriving code and Python version, and only valid patterns are cached): it is not
        compiled here, but at its first use."""
        if not isinstance(source, str) or not source.strip():
            self.problem(path, "a pattern must be a non-empty string")
            return None
        text = _pattern_text(source)
        if self.cache is not None and self.cache.has(text):
            return text
        try:
            compiled = re.compile(text)
        except re.error as exc:
            self.problem(path, f"bad regex {source!r}: {exc}")
            return None
        if compiled.search(""):
            self.problem(path, f"pattern {source!r} matches the empty text")
            return None
        return text

    def terms(self, value: Any, path: str) -> dict[str, float]:
        result: dict[str, float] = {}
        for raw, weight in self.mapping(value, path).items():
            term_path = f"{path}.{raw}"
            term = normalize(str(raw)).text
            if not _TERM_RE.match(term):
                self.problem(
                    term_path,
                    f"term {raw!r} may only contain Chinese characters, "
                    "letters and digits (use a pattern)",
                )
                continue
            parsed = self.weight(weight, term_path)
            if parsed is not None:
                result[term] = parsed
        return result

    def pattern(self, source: Any, text: str, weight: float) -> Pattern:
        """A Pattern with its character pre-checks (see `required_character_sets`), from the
        pattern cache when it has them, with the compiled program."""

        def derive() -> tuple[list[frozenset[str]], Program | None]:
            return required_character_sets(re.compile(text), self.rarity), program(text)

        sets, compiled_program = self.cache.get(text, derive) if self.cache else derive()
        guard = sets[0] if sets else None
        return Pattern(str(source), text, weight, guard, tuple(sets[1:]), compiled_program)

    def patterns(self, value: Any, path: str) -> list[Pattern]:
        result = []
        for source, weight in self.mapping(value, path).items():
            item_path = f"{path}[{source!r}]"
            text = self.regex(source, item_path)
            parsed = self.weight(weight, item_path)
            if text is not None and parsed is not None:
                result.append(self.pattern(source, text, parsed))
        return result

    def regex_list(self, value: Any, path: str) -> list[Pattern]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, "must be a list of patterns")
            return []
        result = []
        for index, source in enumerate(value):
            text = self.regex(source, f"{path}[{index}]")
            if text is not None:
                result.append(self.pattern(source, text, 1.0))
        return result

    def numbers(self, value: Any, path: str) -> tuple[str, ...]:
        numbers = tuple(str(v) for v in value) if isinstance(value, list) else ()
        if not numbers or any(n not in URGENT_KINDS_NUMBERS for n in numbers):
            self.problem(path, f"must list emergency numbers from {sorted(URGENT_KINDS_NUMBERS)}")
        return numbers


def _settings(parser: _Parser, data: dict[str, Any]) -> Settings:
    raw = parser.mapping(data.get("settings"), "settings")
    values: dict[str, float] = {}
    for name, low, high in (
        ("unaligned_factor", 0, 1),
        ("resolved_factor", 0, 1),
        ("ask_factor", 1, 5),
        ("full_confidence_score", 0.1, 100),
    ):
        if name in raw:
            value = raw[name]
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not low <= value <= high
            ):
                parser.problem(f"settings.{name}", f"must be a number within [{low}, {high}]")
            else:
                values[name] = float(value)
    known = {"unaligned_factor", "resolved_factor", "ask_factor", "full_confidence_score"}
    for name in sorted(set(raw) - known):
        parser.problem(f"settings.{name}", "unknown setting")
    return Settings(**values)


def _modifiers(parser: _Parser, data: dict[str, Any]) -> Modifiers:
    raw = parser.mapping(data.get("modifiers"), "modifiers")
    names = ("negation", "negation_fillers", "not_negation", "resolved", "resolved_cancel", "ask")
    for name in sorted(set(raw) - set(names)):
        parser.problem(f"modifiers.{name}", "unknown modifier list")
    lists = {name: parser.strings(raw.get(name), f"modifiers.{name}") for name in names}
    return Modifiers(**lists)


def _dictionary(parser: _Parser, data: dict[str, Any]) -> dict[str, int | None]:
    value = data.get("dictionary")
    result: dict[str, int | None] = {}
    if value is None:
        return result
    if not isinstance(value, list):
        parser.problem("dictionary", "must be a list of words (optionally `word: frequency`)")
        return result
    for index, item in enumerate(value):
        word, freq = (
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, None)
        )
        text = normalize(str(word)).text if isinstance(word, str) else ""
        if not text or not _TERM_RE.match(text):
            parser.problem(f"dictionary[{index}]", f"bad word {word!r}")
        elif freq is not None and (isinstance(freq, bool) or not isinstance(freq, int) or freq < 1):
            parser.problem(f"dictionary[{index}]", f"bad frequency {freq!r}")
        else:
            result[text] = freq
    return result


def _categories(
    parser: _Parser, data: dict[str, Any], taxonomy: Taxonomy | None
) -> dict[str, CategoryRules]:
    raw = parser.mapping(data.get("categories"), "categories")
    known = {category.code for category in taxonomy.categories} if taxonomy else None
    result: dict[str, CategoryRules] = {}
    for code, body in raw.items():
        path = f"categories.{code}"
        if known is not None and code not in known:
            parser.problem(path, f"unknown category code {code!r}")
            continue
        body = parser.mapping(body, path)
        for key in sorted(set(body) - {"terms", "words", "patterns"}):
            parser.problem(f"{path}.{key}", "unknown key (use terms, words or patterns)")
        result[str(code)] = CategoryRules(
            code=str(code),
            terms=parser.terms(body.get("terms"), f"{path}.terms"),
            words=parser.terms(body.get("words"), f"{path}.words"),
            patterns=parser.patterns(body.get("patterns"), f"{path}.patterns"),
        )
    if known is not None:
        for code in sorted(known - set(result) - {"other"}):
            parser.problem("categories", f"category {code!r} has no rules")
    return result


_KIND_KEYS = {
    "label",
    "numbers",
    "patterns",
    "resolved",
    "exclude",
    "exclude_near",
    "exclude_anywhere",
    "exclude_unless",
    "not_elsewhere",
    "lasting",
    "category",
    "keep",
    "fallback",
    "who",
    "state",
    "window",
    "before",
    "breaks",
    "since",
    "ask",
    "ask_state",
    "answer",
    "near",
    "near_window",
}
# The `urgent` section's lists of marker words: each is a field of `UrgentRules` of its name.
_URGENT_MARKERS = (
    "negation",
    "hypothetical",
    "chronic",
    "not_hypothetical",
    "past",
    "not_past",
    "referred",
    "recurs",
    "current",
    "today",
    "after",
    "habitual",
    "partial",
    "still",
    "others",
    "others_acting",
    "not_others",
    "distance",
    "not_distance",
    "live",
    "corrected",
    "not_corrected",
    "hedge",
    "like",
    "as_if",
)
_URGENT_KEYS = {"kinds", "injury", *_URGENT_MARKERS}


def _shape(parser: _Parser, body: dict[str, Any], path: str, state_key: str) -> list[str]:
    """The regex sources of a frame's who × state (or × near, × ask_state); none without them.

    `near` states also name things (不见了, 找不到): they count within `near_window` characters
    of the who, with no 的 between (老人的拐杖不见了 is no missing person)."""
    who = body.get("who")
    state = body.get(state_key)
    if state_key != "state" and state is None:
        return []
    if who is None and state is None:
        return []
    lists = []
    for key, value in (("who", who), (state_key, state)):
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            parser.problem(
                f"{path}.{key}", f"a frame needs who and {state_key}: lists of phrasings"
            )
            return []
        lists.append(tuple(value))
    sizes = []
    window_key = "near_window" if state_key == "near" else "window"
    for key, default in ((window_key, 20), ("before", 6)):
        size = body.get(key, default)
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= 60:
            parser.problem(f"{path}.{key}", "must be a whole number within [0, 60]")
            size = default
        sizes.append(size)
    breaks = body.get("breaks", "")
    if not isinstance(breaks, str):
        parser.problem(f"{path}.breaks", "must be a string of characters")
        breaks = ""
    if state_key == "near":
        breaks += "的"
    return compose(FrameShape(lists[0], lists[1], sizes[0], sizes[1], breaks))


def _kind(parser: _Parser, name: str, body: dict[str, Any], path: str) -> UrgentKind:
    patterns = parser.regex_list(body.get("patterns"), f"{path}.patterns")
    patterns += parser.regex_list(_shape(parser, body, path, "state"), f"{path}.who×state")
    patterns += parser.regex_list(_shape(parser, body, path, "near"), f"{path}.who×near")
    ask = parser.regex_list(body.get("ask"), f"{path}.ask")
    ask += parser.regex_list(_shape(parser, body, path, "ask_state"), f"{path}.who×ask_state")
    if not patterns:
        parser.problem(path, "a frame needs patterns or who and state")
    answer = body.get("answer")
    if answer is not None and answer not in FRAME_ANSWERS:
        parser.problem(f"{path}.answer", f"must be one of {sorted(FRAME_ANSWERS)}")
        answer = None
    for key in sorted(set(body) - _KIND_KEYS):
        parser.problem(f"{path}.{key}", "unknown key")
    return UrgentKind(
        name=name,
        label=str(body.get("label") or name),
        numbers=parser.numbers(body.get("numbers"), f"{path}.numbers"),
        patterns=patterns,
        resolved=parser.strings(body.get("resolved"), f"{path}.resolved"),
        exclude=parser.strings(body.get("exclude"), f"{path}.exclude"),
        exclude_near=parser.strings(body.get("exclude_near"), f"{path}.exclude_near"),
        exclude_anywhere=bool(body.get("exclude_anywhere", False)),
        exclude_unless=parser.strings(body.get("exclude_unless"), f"{path}.exclude_unless"),
        not_elsewhere=parser.strings(body.get("not_elsewhere"), f"{path}.not_elsewhere"),
        lasting=parser.strings(body.get("lasting"), f"{path}.lasting"),
        fallback=bool(body.get("fallback", False)),
        ask=ask,
        answer=answer,
        since=parser.regex_list(body.get("since"), f"{path}.since"),
        category=str(body["category"]) if body.get("category") else None,
        keep=parser.strings(body.get("keep"), f"{path}.keep"),
    )


def _urgent(parser: _Parser, data: dict[str, Any]) -> UrgentRules:
    raw = parser.mapping(data.get("urgent"), "urgent")
    kinds = [
        _kind(
            parser, str(name), parser.mapping(body, f"urgent.kinds.{name}"), f"urgent.kinds.{name}"
        )
        for name, body in parser.mapping(raw.get("kinds"), "urgent.kinds").items()
    ]
    injury = parser.mapping(raw.get("injury"), "urgent.injury")
    for key in sorted(set(raw) - _URGENT_KEYS):
        parser.problem(f"urgent.{key}", "unknown key")
    markers = {key: parser.strings(raw.get(key), f"urgent.{key}") for key in _URGENT_MARKERS}
    return UrgentRules(
        kinds=kinds,
        **markers,
        injury=parser.regex_list(injury.get("patterns"), "urgent.injury.patterns"),
        injury_numbers=(
            parser.numbers(injury.get("numbers"), "urgent.injury.numbers") if injury else ("120",)
        ),
    )


def _check_frame_categories(parser: _Parser, rules: RuleSet, taxonomy: Taxonomy | None) -> None:
    """A frame's `category` and `keep` must name categories."""
    known = {c.code for c in taxonomy.categories} if taxonomy else {*rules.categories, "other"}
    for kind in rules.urgent.kinds:
        path = f"urgent.kinds.{kind.name}"
        if kind.category is not None and kind.category not in known:
            parser.problem(f"{path}.category", f"unknown category code {kind.category!r}")
        for code in kind.keep:
            if code not in known:
                parser.problem(f"{path}.keep", f"unknown category code {code!r}")


def parse_rules(
    data: Any,
    file: str = RULES_FILE,
    taxonomy: Taxonomy | None = None,
    cache: PatternCache | None = None,
) -> tuple[RuleSet | None, list[ConfigProblem]]:
    """Validate a loaded YAML document; returns the rule set (None on error) and the problems."""
    parser = _Parser(file, cache)
    if not isinstance(data, dict):
        return None, [ConfigProblem(file, "", "must be a mapping at the top level")]
    if data.get("version") != 1:
        parser.problem("version", f"unsupported version {data.get('version')!r}, expected 1")
    for key in sorted(
        set(data) - {"version", "settings", "modifiers", "dictionary", "categories", "urgent"}
    ):
        parser.problem(str(key), "unknown top-level key")
    rules = RuleSet(
        settings=_settings(parser, data),
        modifiers=_modifiers(parser, data),
        dictionary=_dictionary(parser, data),
        categories=_categories(parser, data, taxonomy),
        urgent=_urgent(parser, data),
        source=file,
    )
    _check_frame_categories(parser, rules, taxonomy)
    return (None if parser.problems else rules), parser.problems


def _read(path: Path) -> tuple[Any, list[ConfigProblem]]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER), []
    except FileNotFoundError:
        return None, [ConfigProblem(path.name, "", f"file not found: {path}")]
    except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
        return None, [ConfigProblem(path.name, "", f"cannot be read: {exc}".replace("\n", " "))]


def check_rules(path: Path | str, taxonomy: Taxonomy | None = None) -> list[ConfigProblem]:
    """Every problem of a rules file (unknown category, bad weight, bad regex, ...)."""
    path = Path(path)
    data, problems = _read(path)
    if problems:
        return problems
    return parse_rules(data, path.name, taxonomy)[1]


def load_rules(path: Path | str | None = None, taxonomy: Taxonomy | None = None) -> RuleSet:
    """Load a rules file (the bundled demo rules by default) or raise RulesError."""
    path = Path(path) if path is not None else BUNDLED_RULES
    data, problems = _read(path)
    if problems:
        raise RulesError(problems)
    cache = PatternCache(path.read_bytes())
    rules, problems = parse_rules(data, path.name, taxonomy, cache)
    if rules is None:
        raise RulesError(problems)
    cache.save()
    return rules
