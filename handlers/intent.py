"""What a short resident message means when it is not a complaint: a confirmation, a question
about progress, a rating, thanks. Pure text reading; the conversation acts on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from nlp.normalize import normalize


class Intent(StrEnum):
    CONFIRM = "confirm"
    PROGRESS = "progress"
    RATE = "rate"
    THANKS = "thanks"
    NONE = "none"


@dataclass(frozen=True)
class Reading:
    intent: Intent
    number: str | None = None  # a ticket number named in the text
    score: str | None = None  # satisfied | basically | unsatisfied
    words: str = ""  # what is left of a progress question to recognise the case by


_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"([A-Za-z]{2,8})\s*-\s*(\d{8})\s*-\s*(\d{4,})")
_TAIL = re.compile(r"(了|吧|啊|呀|哈|嗯|哦|的)+$")

CONFIRM_WORDS = frozenset(
    {
        "确认",
        "确认提交",
        "确认无误",
        "确定",
        "提交",
        "好",
        "好的",
        "好滴",
        "行",
        "可以",
        "对",
        "对的",
        "是",
        "是的",
        "没错",
        "没问题",
        "嗯",
        "嗯嗯",
        "ok",
        "okay",
        "yes",
    }
)
RATING_WORDS = {
    "满意": "satisfied",
    "很满意": "satisfied",
    "非常满意": "satisfied",
    "挺满意": "satisfied",
    "十分满意": "satisfied",
    "基本满意": "basically",
    "还行": "basically",
    "还可以": "basically",
    "一般": "basically",
    "不满意": "unsatisfied",
    "不太满意": "unsatisfied",
    "很不满意": "unsatisfied",
    "非常不满意": "unsatisfied",
}
THANKS_WORDS = frozenset(
    {
        "谢谢",
        "谢谢你",
        "谢谢您",
        "谢谢你们",
        "多谢",
        "感谢",
        "非常感谢",
        "辛苦了",
        "辛苦",
        "谢啦",
        "thanks",
        "thankyou",
    }
)
# Typed answers to the urgency question (现在是否有人被困、受伤、走失，或正在发生危险？), read
# after the closing particles are dropped (是的 → 是, 不是啊 → 不是).
URGENT_YES = frozenset(
    {"是", "对", "有", "有人", "急", "很急", "紧急", "很紧急", "情况紧急", "是情况紧急", "是紧急",
     "快", "快来", "危险", "yes"}
)
URGENT_NO = frozenset(
    {"不", "不是", "否", "没", "没有", "没人", "没有人", "不急", "不紧急", "不用", "没事", "没危险",
     "没有危险", "no"}
)
# Asking how a case is going; short messages only (a long text is a complaint that happens to
# contain one of these words).
_PROGRESS = re.compile(
    r"进度|进展|怎么样了|怎样了|如何了|怎么样啦|办得怎么样|处理得怎么样|有结果了?吗|有回复吗|"
    r"处理了(吗|没有?)|办了(吗|没有?)|修了(吗|没有?)|到哪一?步"
)
_MY_CASE = re.compile(r"^(我|我们)?(上次|之前|刚才)?(反映|提交|报|投诉|说)(的|过的)")
_FILLER = re.compile(
    _PROGRESS.pattern  # first: 怎么样了 before 怎么
    + r"|我们?|反映|提交|投诉|上次|之前|刚才|那件|这件|的事情?|事情|问题|情况|查询|查一下|查查"
    r"|请问|一下|现在|到底|你们|这个|平台|能不能|怎么|怎样|可以|查|处理|办理|想问问|问问"
)
_LEFTOVER = re.compile(r"[的了吗呢啊吧那这个事有没么]")
MAX_QUESTION = 40
_PARTICLES = frozenset("吗呢啊吧了呀么嘛")  # all that may follow the progress phrase
SUBSTANTIVE = 4


def folded(text: str) -> str:
    """Simplified, lower-case, without spaces, punctuation or emoji."""
    return _NOT_WORD.sub("", normalize(text).text).lower()


def read(text: str) -> Reading:
    """The intent of one message (Simplified or Traditional)."""
    plain = folded(text)
    number = _NUMBER.search(text)
    if number and len(plain) <= MAX_QUESTION + 20:
        return Reading(Intent.PROGRESS, number="-".join(number.groups()).upper())
    if plain in CONFIRM_WORDS or _TAIL.sub("", plain) in CONFIRM_WORDS - {""}:
        return Reading(Intent.CONFIRM)
    bare = _TAIL.sub("", plain)
    for words in (plain, bare):
        if words in RATING_WORDS:
            return Reading(Intent.RATE, score=RATING_WORDS[words])
        if words in THANKS_WORDS:
            return Reading(Intent.THANKS)
    if len(plain) <= MAX_QUESTION and (
        _asks_at_the_end(plain)
        or (_MY_CASE.search(plain) and text.rstrip().endswith(("?", "？", "吗", "嗎")))
    ):
        return Reading(Intent.PROGRESS, words=_LEFTOVER.sub("", _FILLER.sub("", plain)))
    return Reading(Intent.NONE)


def urgency_answer(text: str) -> bool | None:
    """是 (True) or 不紧急 (False) typed in answer to the urgency question; None: anything else."""
    bare = _TAIL.sub("", folded(text))
    if bare in URGENT_YES:
        return True
    return False if bare in URGENT_NO else None


def _asks_at_the_end(plain: str) -> bool:
    """A progress phrase closing the message (报修了没人管 is a complaint, 修了没 a question)."""
    ends = [match.end() for match in _PROGRESS.finditer(plain)]
    return bool(ends) and all(ch in _PARTICLES for ch in plain[ends[-1] :])


def substantive(words: str) -> bool:
    """What is left of a progress question names a matter of its own (低保复审的材料)."""
    return len(words) >= SUBSTANTIVE


def mentions(words: str, text: str) -> bool:
    """Whether a case's text shares a two-character word with what is left of a question."""
    body = folded(text)
    return any(words[i : i + 2] in body for i in range(len(words) - 1))
