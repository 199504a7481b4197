"""Dialect folding (`nlp.normalize.fold_dialects`): the spoken forms residents write, folded to
the Mandarin words the rules use, each dialect only where a text shows it. The pairs were met
in the blind sets: written Cantonese (G, I, J, AZ), Taiwanese Hokkien (K), English phrases of
danger (BT), Jining and Shandong speech (HM), Shanghai and Wu speech (HU), Hubei and Hunan
speech (IB), Shaanxi and Gansu speech (IG), Northeastern speech (IZ), written Cantonese's aspect
and Sichuan and Chongqing speech (JA, JB)."""

from __future__ import annotations

import pytest

from nlp.normalize import fold_dialects, normalize


@pytest.mark.parametrize(
    ("spoken", "mandarin"),
    [
        # written Cantonese
        ("佢而家瞓咗喺度", "他现在躺在那里"),
        ("個女仔跌咗落水池", "個女仔掉进水池"),
        ("我哋冇人聽電話", "我们没人聽電話"),
        ("佢仲有聲", "他还有聲"),
        ("个细路仔爬咗出去", "个小孩爬了出去"),
        ("屋企个雪柜着住电，冇人理", "家里个冰箱插着电，没人理"),
        ("琴日升降机困咗人", "昨天电梯困了人"),
        ("水浸到拖板，啲水喉爆咗", "水浸到插线板，些水管爆了"),
        ("部𨋢困咗个孕妇", "部电梯困了个孕妇"),  # 𨋢 as typed
        # Cantonese aspect: 紧 going on now, 住 holding; 落 down, 话 say, 要系 if, a simile's 咁
        ("楼下两班人打紧交，有人揸住啤酒樽爆头", "楼下两班人正在打架，有人拿着啤酒瓶砸头"),
        ("我哋喺六楼落唔到去，门缝都入紧烟", "我们在六楼下不去，门缝都正在进烟"),
        ("嗰人话佢个孙出咗车祸，要即刻俾三万蚊", "那人说他个孙出了车祸，要马上给三万块"),
        ("要系有人困喺入面点算", "要是有人困在里面怎么办"),
        ("嗌到好似屋企着咗火咁", "喊到好像家里着了火一样"),
        ("个仔唔见咗半个钟，好彩揾返", "个仔不见了半小时，幸好找回来"),
        ("部䢂困咗个孕妇", "部电梯困了个孕妇"),  # 𨋢 after OpenCC's conversion
        ("三楼有烟行出嚟", "三楼有烟冒出来"),
        ("电箱已经浸咗一半", "电箱已经泡了一半"),
        ("听日停电，屋企有部制氧机", "明天停电，家里有部制氧机"),
        ("唔系火烛嚟㗎", "不是着火来㗎"),
        ("仲有人喺度食烟", "还有人在那里抽烟"),
        # 系 as "is" only in its Cantonese phrases: 联系 and 关系 stay
        ("唔该联系管理处，关系到大家", "麻烦联系管理处，关系到大家"),
        # Taiwanese Hokkien
        ("阮阿公到这马拢无转来", "我家阿公到现在都没回来"),
        ("伊犹未转来", "她还没回来"),
        ("拜托斗相共揣一下", "拜托帮忙找一下"),
        # English phrases of danger
        ("门在给人震惊（electric shock）", "门在给人震惊（触电）"),
        ("my dad fell down and can't get up", "我爸摔倒了 and 起不来"),
        ("黑色的 smoke 从窗户出来，lift 卡住了", "黑色的烟从窗户出来，电梯卡住了"),
        ("there is a gas smell in the kitchen", "there is a 煤气味 in the kitchen"),
        # Jining and Shandong speech
        ("俺娘晌午下楼，这会儿还木回来", "我娘晌午下楼，这会儿还没回来"),
        ("电梯卡住了，俺待里头", "电梯卡住了，我在里头"),
        ("俺家屋里爬进来一条长虫", "我家屋里爬进来一条蛇"),
        # Shanghai and Wu speech
        ("阿拉姆妈跌在地上爬勿起来了", "我们姆妈摔在地上爬不起来了"),
        ("侬晓得伐，伊在里厢哭", "你晓得伐，他在里面哭"),
        ("有个小囡寻勿着了", "有个小孩寻不着了"),
        # Hubei and Hunan speech
        ("娭毑昨天上山捡柴，一晚上冇回来", "奶奶昨天上山捡柴，一晚上没回来"),
        ("我屋堂客港她头晕，冇得力气", "我屋老婆说她头晕，没有力气"),
        ("电动车在楼道里烧起来哒，伢子吓哭了", "电动车在楼道里烧起来了，孩子吓哭了"),
        # Shaanxi and Gansu speech
        ("额碎娃看了一眼手机就不见咧", "额小孩看了一眼手机就不见了"),
        ("楼上那家男的又在打婆姨", "楼上那家男的又在打老婆"),
        ("额妈坐公交坐丢咧，不知道往阿达去了", "我妈坐公交坐丢了，不知道往哪里去了"),
        ("尕娃去涝池边上耍，只寻着一只鞋", "小孩去池塘边上耍，只找到一只鞋"),
        # 骂骂咧咧 and 咧嘴 keep their 咧 in a text that folds
        ("那人骂骂咧咧地咧嘴笑，额娃吓哭咧", "那人骂骂咧咧地咧嘴笑，我孩子吓哭了"),
        # Sichuan and Chongqing speech: a locative 头 after a place is "in"
        ("我老汉儿关在屋头，喊也莫得人应", "我父亲关在家里，喊也没有人应"),
        ("楼道头充电的电瓶车炸了，烟子好大", "楼道里充电的电瓶车炸了，烟好大"),
        ("娃儿把马蜂窝捅了，额头都肿了", "孩子把马蜂窝捅了，额头都肿了"),
        # Northeastern speech: 贼 before an adjective is "very"
        ("广场舞音响贼拉响，嘎哈呢", "广场舞音响特别响，干啥呢"),
        ("嘎哈呢，今天贼冷", "干啥呢，今天特别冷"),
        # a thief pulling a window open stays a thief
        ("嘎哈呢，有个贼拉开了窗户", "干啥呢，有个贼拉开了窗户"),
    ],
)
def test_spoken_forms_are_folded(spoken: str, mandarin: str) -> None:
    assert fold_dialects(spoken) == mandarin


@pytest.mark.parametrize(
    "text",
    [
        "劳动仲裁还没开庭",
        # 伊, 阮 and 无 are Mandarin too: no Hokkien without one of its phrases
        "阮师傅说伊犁的无人机到了",
        # English words that also name ordinary things
        "fire drill 什么时候",
        "no smoking please",
        "smoke detector 坏了",
        # 木 alone is wood
        "木头堆在楼道里",
        "木门坏了",
        "积木散了一地",
        # 勿 in written Mandarin, 阿拉 in a word, 伊 outside a Wu text
        "请勿在楼道停车",
        "切勿靠近",
        "阿拉伯餐厅油烟大",
        "伊利牛奶",
        # 港 is a harbour, 哒 a sound, 什么事 Mandarin
        "港口的货车半夜太吵",
        "香港来的亲戚说她住不惯",
        "楼上机枪哒哒哒的声音是在打游戏",
        "有什么事请联系物业",
        # 咧 in Mandarin words, 额 as forehead or amount
        "楼下有人骂骂咧咧的",
        "他咧着嘴笑",
        "额头磕破了，缴费金额也不对",
        # 贼拉开 is a thief pulling something open
        "有个贼拉开了我家窗户",
    ],
)
def test_mandarin_without_a_marker_is_left_alone(text: str) -> None:
    assert fold_dialects(text) == text


def test_the_original_is_kept_beside_the_folded_text() -> None:
    text = normalize("佢哋喺樓下嗌")
    assert (text.original, text.text) == ("佢哋喺樓下嗌", "他们在楼下喊")


def test_hubei_and_hunan_what_is_folded_after_conversion() -> None:
    """么 is 幺 after the conversion to Simplified (什么 stays): 冇得么事 is 没什么事."""
    assert normalize("物业上来一看冇得么事，搞么子嘛").text == "物业上来一看没什么事,干什么嘛"
