"""Masking of personal data in free text a resident typed: phone numbers, ID numbers, e-mail
addresses and self-introductions (我叫张三, 本人王建国, 我姓李, 联系人：刘女士).

Pure: text in, text out. Phone numbers are found by Google's libphonenumber (`phonenumbers`),
which knows every Chinese mobile and fixed-line form (13812345678, 138-1234-5678,
+86 138 1234 5678, 0537-1234567, full-width digits); a local number without area code counts
after a word like 电话/手机. ID numbers (身份证, 18 characters with a final X, or the old 15
digits) and other long digit runs (bank cards) are masked whole. Names are masked only after a
self-introduction and only when they start like a Chinese name (a common surname, or 小/老/阿),
so a complaint's places and words stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

import phonenumbers

from nlp.normalize import to_script

PHONE_MASK = "〔电话〕"
ID_MASK = "〔证件号〕"
EMAIL_MASK = "〔邮箱〕"
NAME_MASK = "某某"
SURNAME_MASK = "某"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common surnames; characters that are also everyday words (于 和 向 时 明 安 …) are left out.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦俞左柳甘祝包"
    "舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝辛靳柴蒙鲍华喻祁蒲滕屈饶牟艾尤穆卓缪简项芦麦"
    "褚娄窦戚岑宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池"
    "麻苑迟邝"
)
COMPOUND_SURNAMES = _words(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤 南宫 西门"
)
NICKNAME_PREFIXES = "小老阿"
# A name ends before these (住在, 的, 是, 电话 …): 我叫张三住在5号楼 masks 张三 only.
STOP_CHARS = "的在住是了和跟与从到来去说要想家电手今楼号栋室单元"
# After 我是 a name must end the phrase: 我是明德花园的住户 is not an introduction.
STRONG_CUES = _words(
    "我叫 我的名字叫 我的名字是 名字叫 名叫 本人叫 本人是 本人"
    " 姓名是 姓名为 姓名 联系人是 联系人为 联系人"
)
WEAK_CUES = ("我是",)
SURNAME_CUES = ("我姓", "本人姓", "免贵姓")
PHONE_WORDS = _words("电话 手机号码 手机号 手机 联系方式 座机 号码 tel Tel TEL")

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_ID = re.compile(r"(?<!\d)(?:\d{6}[ \-]?\d{8}[ \-]?\d{3}[\dXxＸｘ]|\d{15,19})(?![\dXxＸｘ])")
_PUNCT_END = r"(?=[\s，,。.!！?？;；:：、)）住电手今]|$)"


def _both_scripts(words: tuple[str, ...] | str) -> list[str]:
    items = list(words)
    return list(dict.fromkeys([*items, *(to_script(w, "hant") for w in items)]))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(_both_scripts(words), key=len, reverse=True))


class _Patterns(NamedTuple):
    strong: re.Pattern[str]  # a name after 我叫, 本人, 姓名, 联系人 …
    weak: re.Pattern[str]  # a name after 我是, ending the phrase
    surname: re.Pattern[str]  # 我姓X
    phone: re.Pattern[str]  # a local number after 电话, 手机 …
    name: re.Pattern[str]  # a whole text that looks like a personal name


@cache
def _patterns() -> _Patterns:
    singles = "".join(_both_scripts(SURNAMES))
    compounds = _alternation(COMPOUND_SURNAMES)
    stops = re.escape("".join(_both_scripts(STOP_CHARS)))
    given = rf"(?:(?![{stops}])[\u4e00-\u9fff]){{1,2}}"
    latin = r"[A-Za-z][A-Za-z .'-]{1,30}[A-Za-z]"
    name = rf"(?:(?:{compounds}|[{singles}{NICKNAME_PREFIXES}]){given}|{latin})"
    separator = r"[\s:：,，]*"
    return _Patterns(
        strong=re.compile(rf"((?:{_alternation(STRONG_CUES)}){separator})({name})"),
        weak=re.compile(rf"((?:{_alternation(WEAK_CUES)}){separator})({name}){_PUNCT_END}"),
        surname=re.compile(
            rf"((?:{_alternation(SURNAME_CUES)}){separator})({compounds}|[{singles}])"
        ),
        phone=re.compile(rf"((?:{_alternation(PHONE_WORDS)})[是为:：\s]*)(\d[\d \-－]{{5,18}}\d)"),
        name=re.compile(name),
    )


def looks_like_name(text: str | None) -> bool:
    """张三, 欧阳娜娜, 小明, Tom Smith: yes; 居民, 明德花园, 张: no."""
    return bool(text) and _patterns().name.fullmatch(str(text).strip()) is not None


def mask_phones(text: str) -> str:
    """Every phone number libphonenumber finds (region CN), and local numbers after 电话 etc."""
    parts, last = [], 0
    for match in phonenumbers.PhoneNumberMatcher(text, "CN"):
        parts += [text[last : match.start], PHONE_MASK]
        last = match.end
    text = "".join([*parts, text[last:]])
    return _patterns().phone.sub(lambda m: m.group(1) + PHONE_MASK, text)


def mask_names(text: str) -> str:
    """The name after a self-introduction (我叫…, 本人…, 姓名：…, 我是…。) and 我姓X's surname."""
    patterns = _patterns()
    text = patterns.strong.sub(lambda m: m.group(1) + NAME_MASK, text)
    text = patterns.weak.sub(lambda m: m.group(1) + NAME_MASK, text)
    return patterns.surname.sub(lambda m: m.group(1) + SURNAME_MASK, text)


def introduced_names(text: str | None) -> list[str]:
    """The names a text introduces (我叫张三 → 张三), to be masked wherever else they occur."""
    if not text:
        return []
    patterns = _patterns()
    found = [m.group(2) for p in (patterns.strong, patterns.weak) for m in p.finditer(text)]
    return list(dict.fromkeys(name.strip() for name in found if len(name.strip()) >= 2))


def names_given(text: str | None, contact_name: str | None = None) -> list[str]:
    """The names a resident gave: introduced in `text`, and the contact's name if it is one."""
    names = introduced_names(text)
    if contact_name and looks_like_name(contact_name):
        names.append(contact_name)
    return list(dict.fromkeys(names))


def mask_personal(text: str | None, names: Iterable[str] = ()) -> str | None:
    """`text` with e-mail addresses, ID numbers, phone numbers and introduced names masked;
    `names` (of two characters or more: 张三, not 张) are masked wherever they occur."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _ID.sub(ID_MASK, text)
    text = mask_names(mask_phones(text))
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        text = text.replace(name, NAME_MASK)
    return text
