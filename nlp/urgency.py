"""Urgency: immediate danger to life or property right now, in any category.

Each danger frame (fire, gas, trapped in a lift, live wire, collapse, violence, a vulnerable
person missing or fallen, water with electricity, medical) has patterns — written directly or
composed from who × state (nlp/frames.py) — and the help to call. A match does not count when it
is negated (没有烟, 没人被关), hypothetical (万一着火, 真着火了怎么办), in the past without a sign
that it is happening now (以前着过火, 上周困过人), somewhere else (新闻里, 外地), someone's words
put right (说“快塌了”，其实就是裂了几道缝), excluded by its frame (抽烟的烟味), or reported as over
later in the text (火已经灭了).

When no frame is certain but a frame's `ask` signs are present (a smell, a fall, a person not
heard from), the result is "ask": the resident is asked whether anyone is in danger now.
Where neither a frame nor a sign is found, the n-gram model (nlp/urgency_model.py), when given,
is a second opinion: a text it finds likely urgent is asked about too, its n-grams shown as the
reason; where a switch turned a frame off, only a text it finds very likely urgent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from nlp.context import ContextRules, TextContext
from nlp.patterns import Pattern, PatternIndex
from nlp.rules import Modifiers, RuleSet, UrgentKind
from nlp.urgency_model import UrgencyModel

_NUMBER_ORDER = ("110", "119", "120", "122", "gas")
GAS_LINE = "gas"
# A near exclusion (下水道, 抽烟) counts within this many characters of the danger, in its sentence.
_EXCLUDE_REACH = 10
_ASIDE_REACH = 15  # characters after a danger in which a hypothetical marker still counts
_SIMILE_REACH = 4  # characters after a danger in which an `as_if` marker closes a simile
_LASTING_REACH = 6  # characters after a lasting danger in which a `today` marker says it goes on
_REFERRED_REACH = 3  # characters after a danger before a `referred` marker (着火的那事)
_CURRENT_REACH = 6  # characters after a danger in which a `current` marker keeps it now
_SWITCHED = "不算紧急"  # the note of a match a switch turned off
_NEGATED, _RESOLVED, _CORRECTED, _ELSEWHERE = "被否定", "已经结束", "是别人的说法", "是别处的事"
_NOT_DANGER = "不是险情"
_TOLD_OVER = (_NEGATED, _RESOLVED, _CORRECTED, _ELSEWHERE)  # the switches a text states outright
_SINCE = ("从", "自", "打")  # before a past marker (从昨天起): a start, not the past
_NOT_A_THING = ("事", "时", ":", "：")  # after a time and 的: the time itself (昨天的事)
MODEL_FRAME = "model"  # the frame name of a question the model asked
# a list item (- 楼下两个人打起来了, 1. …) or a pasted chat line: sender, time (楼长 22:10:)
_LIST_ITEM = re.compile(
    r"\s*(?:[-·•*]|\d{1,2}[.、)）]|[^\n:：,，。！？]{1,16}?\s*\d{1,2}[:：]\d{2}\s*[:：])"
)
_OPENING_QUOTES = ("“", "「", "『")
_CLOSING_QUOTES = ("”", "」", "』")


class Switches(StrEnum):
    """What switches did to a text's frames: none; at least one read from a marker (past,
    hypothesis, simile, exclusion), which may belong to something else; or only switches the
    text states (the danger denied, over, put right, elsewhere). The values are the verdicts of
    the first-pass file."""

    NONE = "none"
    MARKER = "switched"
    TOLD = "told"


def switches(notes: tuple[str, ...] | list[str]) -> Switches:
    """Read the switches of a detection's notes."""
    reasons = [note.partition("」")[2] for note in notes if note.startswith(_SWITCHED)]
    if not reasons:
        return Switches.NONE
    if all(reason.startswith(_TOLD_OVER) for reason in reasons):
        return Switches.TOLD
    return Switches.MARKER


def model_bar(state: Switches, threshold: float, over_switch: float) -> float | None:
    """The probability at which the model asks: its threshold where no frame was switched off,
    `over_switch` (never below the threshold) over a marker's switch, never over stated ones."""
    if state is Switches.TOLD:
        return None
    return threshold if state is Switches.NONE else max(threshold, over_switch)


@dataclass(frozen=True)
class Urgency:
    """`urgent` when a frame fired (`kinds`); `ask` when only signs of danger were found."""

    urgent: bool
    kinds: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()
    ask: bool = False
    answer: str | None = None
    category: str | None = None  # the category the first fired frame with one files it under
    keep: tuple[str, ...] = ()  # chosen categories that frame leaves alone


@dataclass
class _Found:
    kinds: list[UrgentKind] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _list_start(text: str, context: TextContext, start: int) -> int:
    """The start of a list the clause at `start` ends (万一在家摔了、着火了: 着火了 is as
    hypothetical as the first item), found by walking back over 、."""
    while start > 1 and text[start - 1] == "、":
        start = context.clause(start - 2)[0]
    return start


def _header(text: str, line_start: int) -> str:
    """The line heading a list whose item starts at `line_start` (昨天夜里十二点多 / - 楼下两个人
    打起来了; 群里昨晚的: / 楼长 22:10: 煤气味找到了: the item happened when its header says),
    with a line end; "" for no list item."""
    if not _LIST_ITEM.match(text, line_start):
        return ""
    start = line_start
    while start > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        if not _LIST_ITEM.match(text, start):
            return text[start:line_start]
    return ""


def _names_a_thing(text: str, after: int) -> bool:
    """A time followed by 的 names a thing (门口昨天的奶都没拿: yesterday's milk), not the time
    of the danger, unless 的 is followed by 事 or 时 (昨天的事, 昨天的时候) or ends a header
    (群里昨晚的: the messages of last night)."""
    return text[after : after + 1] == "的" and text[after + 1 : after + 2] not in _NOT_A_THING


def _without(text: str, phrases: list[str]) -> str:
    """The text with each phrase blanked out, so a marker inside one is not found."""
    for phrase in phrases:
        text = text.replace(phrase, "\x00")
    return text


class UrgencyDetector:
    """Applies the `urgent` section of a rule set to a normalised text."""

    def __init__(
        self, rules: RuleSet, gas_line: str | None = None, model: UrgencyModel | None = None
    ) -> None:
        self.rules = rules.urgent
        self.model = model
        self.gas_line = gas_line
        modifiers = rules.modifiers
        self.kinds = sorted(self.rules.kinds, key=lambda k: k.fallback)
        self.patterns = [(kind, p) for kind in self.kinds for p in kind.patterns]
        self.pattern_index = PatternIndex([p for _, p in self.patterns])
        self.signs = [(kind, p) for kind in self.kinds for p in kind.ask]
        self.sign_index = PatternIndex([p for _, p in self.signs])
        self.context_rules = ContextRules(
            Modifiers(
                negation=modifiers.negation,
                negation_fillers=modifiers.negation_fillers,
                not_negation=modifiers.not_negation,
            ),
            extra_negation=self.rules.negation,
        )
        # markers after a past one that tell today's news; words that keep a resolution from
        # ending the danger (a habit, one of several)
        self.news = (*self.rules.today, *self.rules.after)
        self.not_ended = (*self.rules.habitual, *self.rules.partial)

    def help_text(self, numbers: tuple[str, ...]) -> str:
        """The numbers to call, the gas company's line by its number when configured."""
        return "/".join(
            (f"燃气公司 {self.gas_line}" if self.gas_line else "燃气公司") if n == GAS_LINE else n
            for n in numbers
        )

    def detect(self, text: str, context: TextContext) -> Urgency:
        found = _Found()
        for index in self.pattern_index.candidates(text, context.grams):
            kind, pattern = self.patterns[index]
            if kind in found.kinds or (kind.fallback and found.kinds):
                continue  # one match per kind; a generic cry for help adds nothing
            keyword = self._first_valid(text, context, kind, pattern, found.notes)
            if keyword is not None:
                found.kinds.append(kind)
                found.keywords.append(keyword)
                found.notes.append(
                    f"紧急（{kind.name}）：「{keyword}」→ {kind.label}，"
                    f"请同时拨打 {self.help_text(kind.numbers)}{self._since(text, kind)}"
                )
        if not found.kinds:
            return self._ask(text, context, found.notes)
        numbers = {n for kind in found.kinds for n in kind.numbers}
        for pattern in self.rules.injury:
            keyword = self._first_valid(text, context, None, pattern, found.notes)
            if keyword is not None:
                numbers.update(self.rules.injury_numbers)
                numbers_text = "/".join(self.rules.injury_numbers)
                found.notes.append(f"有人受伤：「{keyword}」→ {numbers_text}")
                break
        ordered = tuple(n for n in _NUMBER_ORDER if n in numbers)
        filing = next((k for k in found.kinds if k.category), None)
        return Urgency(
            True,
            tuple(k.name for k in found.kinds),
            ordered,
            tuple(dict.fromkeys(found.keywords)),
            tuple(found.notes),
            answer=next((k.answer for k in found.kinds if k.answer), None),
            category=filing.category if filing else None,
            keep=tuple(filing.keep) if filing else (),
        )

    def _ask(self, text: str, context: TextContext, notes: list[str]) -> Urgency:
        """No frame is certain: signs of one make the resident be asked."""
        for index in self.sign_index.candidates(text, context.grams):
            kind, pattern = self.signs[index]
            keyword = self._first_valid(text, context, kind, pattern, notes)
            if keyword is not None:
                numbers = tuple(n for n in _NUMBER_ORDER if n in kind.numbers)
                notes.append(
                    f"可能紧急（{kind.name}）：「{keyword}」像是{kind.label}但不确定，"
                    f"先问居民；确认后请拨打 {self.help_text(numbers)}"
                )
                return Urgency(
                    False, (kind.name,), numbers, (keyword,), tuple(notes), True, kind.answer
                )
        return self._second_opinion(text, notes)

    def _second_opinion(self, text: str, notes: list[str]) -> Urgency:
        """The model's question when it finds the text likely urgent, with its n-grams. Over a
        switch read from a marker (past, hypothetical, a simile, excluded) it asks only when it
        is much surer, since the marker may belong to something else; never where every switch
        is one the text states (the danger denied, over, put right or elsewhere)."""
        model, state = self.model, switches(notes)
        bar = None if model is None else model_bar(state, model.threshold, model.over_switch)
        opinion = None if model is None or bar is None else model.fires(text, bar)
        if opinion is None or bar is None:
            return Urgency(False, explanation=tuple(notes))
        doubt = "规则判断不算紧急，但模型很有把握" if state is Switches.MARKER else "规则没有把握"
        notes.append(f"可能紧急（{MODEL_FRAME}）：{opinion.explanation(bar)}，{doubt}，先问居民")
        grams = tuple(gram for gram, _ in opinion.reasons)
        return Urgency(False, (MODEL_FRAME,), (), grams, tuple(notes), True)

    @staticmethod
    def _since(text: str, kind: UrgentKind) -> str:
        for pattern in kind.since:
            match = pattern.regex.search(text)
            if match:
                return f"（时间：「{match.group()}」）"
        return ""

    def _first_valid(
        self,
        text: str,
        context: TextContext,
        kind: UrgentKind | None,
        pattern: Pattern,
        notes: list[str],
    ) -> str | None:
        for match in pattern.regex.finditer(text):
            reason = self._discount(text, context, kind, match.start(), match.end())
            if reason is None:
                return match.group()
            notes.append(f"{_SWITCHED}：「{match.group()}」{reason}")
        return None

    def _discount(
        self, text: str, context: TextContext, kind: UrgentKind | None, start: int, end: int
    ) -> str | None:
        """Why the danger matched at [start, end) is not happening now, or None."""
        negation = context.negation(start, self.context_rules)
        if negation is not None:
            return f"{_NEGATED}（{negation}）"
        # The clauses the danger spans, the danger itself included: a marker may overlap it
        # (真着火了往哪跑) or sit between the pattern's ends (电梯……真困住人了).
        clause_start = _list_start(text, context, context.clause(start)[0])
        _, clause_end = context.clause(max(end - 1, start))
        sentence_start, sentence_end = context.sentence(start)
        sentence = text[sentence_start:sentence_end]
        elsewhere = self._elsewhere(sentence, kind)
        if elsewhere is not None:
            return f"{_ELSEWHERE}（{elsewhere}）"
        corrected = self._corrected(text, start, end, text[clause_start:start])
        if corrected is not None:
            return f"{_CORRECTED}（{corrected}）"
        # a hypothesis or a habit is told before the danger or close after it (万一着火怎么办);
        # a question further on in an unpunctuated text asks what to do now (…接下来怎么弄)
        hypothetical = self._hypothetical(text[clause_start : min(clause_end, end + _ASIDE_REACH)])
        if hypothetical is not None:
            return f"是假设（{hypothetical}）"
        simile = self._simile(text[clause_start:end], text[end : end + _SIMILE_REACH])
        if simile is not None:
            return f"是比喻（{simile}）"
        referred = self._referred(text[end:clause_end])
        if referred is not None:
            return f"是过去的事（{referred}）"
        header = _header(text, sentence_start)
        before = header + text[sentence_start:start] + "\x00" + text[start:end]
        # today's word close after the danger, not one told further on in an unpunctuated
        # clause (上回水管爆了水淹到插座……还好没出事现在那个管子又开始往外渗了)
        near = text[clause_start : min(clause_end, end + _CURRENT_REACH)]
        current = any(marker in near for marker in self.rules.current)
        past = None if current else self._past(before)
        if past is not None and not self._goes_on(text, kind, start, end, sentence_end):
            return f"是过去的事（{past}）"
        if kind is not None:
            reach = max(end, min(sentence_end, end + _EXCLUDE_REACH))
            near = text[max(sentence_start, start - _EXCLUDE_REACH) : reach]
            scope = text if kind.exclude_anywhere else sentence
            if not any(sure in scope for sure in kind.exclude_unless):
                for marker in kind.exclude:
                    if marker in scope:
                        return f"{_NOT_DANGER}（{marker}）"
            for marker in kind.exclude_near:
                if marker in near:  # 扑灭了 beside a smell of smoke: a fire put out
                    put_out = any(phrase in marker for phrase in kind.resolved)
                    return f"{_RESOLVED if put_out else _NOT_DANGER}（{marker}）"
            over = self._resolved(text, context, kind, end)
            if over is not None:
                return f"{_RESOLVED}（{over}）"
        return None

    def _goes_on(
        self, text: str, kind: UrgentKind | None, start: int, end: int, sentence_end: int
    ) -> bool:
        """The danger a past marker dated is here now: told as before, then back (上次报的煤气味…
        可现在又有了: a `recurs` phrase later), or in one of its frame's `lasting` states with a
        `today` marker right after it (昨晚没回家，今早6点才发现: it began then and goes on) or
        one of its `since` fragments later in the sentence (昨晚出去散步就没回来…找了一晚上都没
        找到: still not found)."""
        if any(again in text[end:] for again in self.rules.recurs):
            return True
        if kind is None or not any(state in text[start:end] for state in kind.lasting):
            return False
        close = text[end : end + _LASTING_REACH]
        after = text[end:sentence_end]
        return any(marker in close for marker in self.rules.today) or any(
            pattern.regex.search(after) for pattern in kind.since
        )

    def _referred(self, after: str) -> str | None:
        """A `referred` marker a few characters after the danger (电梯下坠那事, 着火的那件事): an
        event already told, not one happening now."""
        return next((m for m in self.rules.referred if 0 <= after.find(m) <= _REFERRED_REACH), None)

    def _elsewhere(self, sentence: str, kind: UrgentKind | None) -> str | None:
        """A `distance` marker of the sentence, unless a `live` source shows it (可视门铃刚推了段
        视频: the parents' door camera, not a video seen online) or the frame is about it (an
        impostor's 冒充 is the scam frame's subject, not someone else's story), or the marker
        is part of a `not_distance` phrase (消防演练完: the drill is over, what follows is real)."""
        if any(live in sentence for live in self.rules.live):
            return None
        sentence = _without(sentence, self.rules.not_distance)
        own = kind.not_elsewhere if kind is not None else []
        return next((m for m in self.rules.distance if m in sentence and m not in own), None)

    def _corrected(self, text: str, start: int, end: int, head: str) -> str | None:
        """A `corrected` marker after a danger said in quotation marks (喊“快救命啊”…结果她是说
        充电桩又坏了) or hedged by a `hedge` marker in its clause (楼上好像在打架……不对，是在
        装修): someone's words or impression, put right; not a doubt of one's own (可能是我听错
        了: a `not_corrected` phrase)."""
        opened = max(text.rfind(mark, 0, start) for mark in _OPENING_QUOTES)
        closed = max(text.rfind(mark, 0, start) for mark in _CLOSING_QUOTES)
        closes_after = any(text.find(mark, end) >= 0 for mark in _CLOSING_QUOTES)
        quoted = opened > closed and closes_after
        if not (quoted or any(marker in head for marker in self.rules.hedge)):
            return None
        after = _without(text[end:], self.rules.not_corrected)
        return next((marker for marker in self.rules.corrected if marker in after), None)

    def _simile(self, head: str, after: str) -> str | None:
        """An `as_if` marker right after the danger and a `like` marker before it in its clause
        (电表转得跟要着火似的, 吼得像打架一样): a figure of speech."""
        close = next((marker for marker in self.rules.as_if if marker in after), None)
        if close is None or not any(marker in head for marker in self.rules.like):
            return None
        return close

    def _hypothetical(self, clause: str) -> str | None:
        """A marker of a hypothesis, or of a recurring trouble that no `today` marker follows
        (每天给老人送饭，今天敲门没人应: the habit today breaks), outside the phrases where it is
        neither (一整天 is a span of time; 平时天天 tells the habit today breaks)."""
        clause = _without(clause, self.rules.not_hypothetical)
        hypothesis = next((marker for marker in self.rules.hypothetical if marker in clause), None)
        return hypothesis or next(
            (marker for marker in self.rules.chronic if self._recurring(clause, marker)), None
        )

    def _recurring(self, clause: str, marker: str) -> bool:
        """A habit, unless a `today` marker follows it, or precedes a count of times (今天风这么
        大…吊钩好几次甩到楼跟前: today's repeats)."""
        position = clause.find(marker)
        if position < 0:
            return False
        later = clause[position + len(marker) :]
        earlier = clause[:position]
        if marker.endswith("次") and any(today in earlier for today in self.rules.today):
            return False
        return not any(today in later for today in self.rules.today)

    def _past(self, before: str) -> str | None:
        """A past marker of the sentence before the danger that still holds: not a start (从昨天
        下午就打不通), not naming someone (上次登记过的独居老人) and not followed by a marker of
        today (反映过没人管，今天直接倒了)."""
        before = _without(before, self.rules.not_past)
        for marker in self.rules.past:
            position = before.rfind(marker)
            if position < 0 or before[position - 1 : position] in _SINCE:
                continue
            if not marker.endswith("过") and _names_a_thing(before, position + len(marker)):
                continue  # (反映过的电线问题 is still the past: a verb's 过, not a time)
            later = before[position + len(marker) :]
            if not any(news in later for news in self.news):
                return marker
        return None

    def _still(self, text: str, context: TextContext, after: int) -> bool:
        """A `still` phrase after the resolution in its sentence: the danger goes on, the
        attempt did not end it (已经关了阀门但是还在响)."""
        rest = text[after : context.sentence(after)[1]]
        return any(marker in rest for marker in self.rules.still)

    def _about_others(self, head: str) -> bool:
        """The resolution (its clause up to the marker's first character) is about someone else:
        an `others` person names it and nothing between them makes that person the one who acts
        or tells (孩子还没到家，他同学早就回来了 — but 邻居把老人送回来了, 邻居说老人回来了)."""
        head = _without(head, self.rules.not_others)
        for person in self.rules.others:
            position = head.rfind(person)
            if position < 0:
                continue
            between = head[max(0, position - 1) : position] + head[position + len(person) :]
            if not any(word in between for word in self.rules.others_acting):
                return True
        return False

    def _resolved(self, text: str, context: TextContext, kind: UrgentKind, end: int) -> str | None:
        """A marker later in the text saying the danger is over (not a habit: 平时…就回来了; not
        one of several: 好几家上吐下泻，有个小孩已经送医院了; not about someone else:
        他同学早就回来了; not undone: 已经关了阀门但是还在响; not negated: 未能扑灭; not asked:
        不知道有没有漏气)."""
        for marker in kind.resolved:
            position = text.find(marker, end)
            while position >= 0:
                if self._ends_danger(text, context, marker, position, end):
                    return marker
                position = text.find(marker, position + 1)
        return None

    def _ends_danger(
        self, text: str, context: TextContext, marker: str, position: int, end: int
    ) -> bool:
        """Whether the resolution `marker` at `position` ends the danger that ended at `end`."""
        if context.negation(position, self.context_rules) is not None:  # 未能扑灭
            return False
        if marker.startswith("没") and text[position - 1 : position] == "有":  # 有没有漏气
            return False
        # the resolution's clause, from where the danger ends: the danger's own words
        # (有个老人在家摔倒…才被发现) do not tell of one of several or of someone else
        clause_start, clause_end = context.clause(position)
        clause_start = max(clause_start, end)
        if any(word in text[clause_start:clause_end] for word in self.not_ended):
            return False
        return not (
            self._about_others(text[clause_start : position + 1])
            or self._still(text, context, position + len(marker))
        )
