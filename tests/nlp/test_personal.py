"""Masking of personal data in free text: phones, IDs, e-mail, self-introductions; the rest of a
complaint stays as it was."""

from __future__ import annotations

import pytest

from nlp.personal import (
    EMAIL_MASK,
    ID_MASK,
    NAME_MASK,
    PHONE_MASK,
    introduced_names,
    looks_like_name,
    mask_personal,
)

PHONES = [
    "13812345678",
    "138-1234-5678",
    "138 1234 5678",
    "+86 138 1234 5678",
    "+8613812345678",
    "0086-13812345678",
    "86-13812345678",
    "0537-1234567",
    "05371234567",
    "(0537)1234567",
    "021-62345678",
    "１３８１２３４５６７８",
    "13８1234５678",
    "400-123-4567",
]

IDS = [
    "37080219900101123X",
    "37080219900101123x",
    "370802199001011234",
    "370802 19900101 123X",
    "370802-19900101-1234",
    "370802900101123",  # the old 15-digit form
    "６２２２０２１２３４５６７８９０１２３",  # a bank card in full-width digits
]


@pytest.mark.parametrize("phone", PHONES)
@pytest.mark.parametrize("frame", ["{}", "电话{}谢谢", "有事打 {} 找我", "联系方式：{}。"])
def test_phone_numbers_are_masked(phone: str, frame: str) -> None:
    masked = mask_personal(frame.format(phone))
    assert masked == frame.format(PHONE_MASK)


@pytest.mark.parametrize("number", IDS)
def test_id_numbers_are_masked(number: str) -> None:
    assert mask_personal(f"身份证号{number}，请核实") == f"身份证号{ID_MASK}，请核实"
    assert mask_personal(number) == ID_MASK


def test_local_numbers_after_a_phone_word() -> None:
    assert mask_personal("家里座机 5123 4567") == f"家里座机 {PHONE_MASK}"
    assert mask_personal("手机号是：139-1234-5678") == f"手机号是：{PHONE_MASK}"


def test_email() -> None:
    assert mask_personal("邮箱 zhang.san@example.com 联系") == f"邮箱 {EMAIL_MASK} 联系"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我叫张三，住在5号楼", f"我叫{NAME_MASK}，住在5号楼"),
        ("我叫张三住在5号楼", f"我叫{NAME_MASK}住在5号楼"),
        ("本人王建国，反映一件事", f"本人{NAME_MASK}，反映一件事"),
        ("我是李秀英，今年七十岁", f"我是{NAME_MASK}，今年七十岁"),
        ("我是王阿姨。", f"我是{NAME_MASK}。"),
        ("联系人：刘女士", f"联系人：{NAME_MASK}"),
        ("姓名：欧阳娜娜", f"姓名：{NAME_MASK}"),
        ("我的名字叫小明", f"我的名字叫{NAME_MASK}"),
        ("我姓李，住3号楼", "我姓某，住3号楼"),
        ("我叫陳靜，住在這裡", f"我叫{NAME_MASK}，住在這裡"),
        ("我叫Tom Smith，住3号楼", f"我叫{NAME_MASK}，住3号楼"),
    ],
)
def test_self_introductions(text: str, expected: str) -> None:
    assert mask_personal(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的",
        "我是明德花园5号楼的住户，电梯坏了",
        "我叫了物业三次都没人来",
        "本人住在3号楼2单元502室",
        "本人于昨日发现楼上漏水",
        "2026年11月21日下午3点停水，已经20261121报修",
        "我是张家港来的租户",
        "颂运水庭12栋门口垃圾桶满了",
    ],
)
def test_everything_else_stays(text: str) -> None:
    assert mask_personal(text) == text


def test_everything_at_once() -> None:
    text = "我叫张三，电话 +86 138 1234 5678，身份证37080219900101123X，明德花园5号楼漏水"
    assert mask_personal(text) == (
        f"我叫{NAME_MASK}，电话 {PHONE_MASK}，身份证{ID_MASK}，明德花园5号楼漏水"
    )
    assert mask_personal("") == "" and mask_personal(None) is None


def test_introduced_names_are_masked_elsewhere_too() -> None:
    names = introduced_names("楼道灯坏了，我叫张三。联系人：李四")
    assert names == ["张三", "李四"]
    note = "已电话联系居民张三，张师傅上门修好"
    assert mask_personal(note, names) == f"已电话联系居民{NAME_MASK}，张师傅上门修好"
    assert mask_personal("一张纸", ["张"]) == "一张纸"  # one character is never masked alone
    assert introduced_names("明德花园5号楼漏水") == [] and introduced_names(None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张三", True),
        ("欧阳娜娜", True),
        ("小明", True),
        ("Tom Smith", True),
        ("居民", False),
        ("明德花园", False),
        ("张", False),
        ("", False),
        (None, False),
    ],
)
def test_looks_like_name(text: str | None, expected: bool) -> None:
    assert looks_like_name(text) is expected
