"""Text normalisation: width folding, clean-up, Traditional → Simplified for matching, script.

`normalize` keeps the resident's original text, reports the script they wrote in (so replies can
follow it) and produces a folded, Simplified, lower-case text that every rule is matched against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

Script = Literal["hans", "hant"]

MAX_MATCH_CHARS = 4000
"""Only this many characters of a complaint are analysed (the original is always kept whole)."""

# Characters that carry no meaning for routing: controls, format characters, combining marks,
# arrows/shapes/dingbats, emoji, variation selectors, private use, lone surrogates. (\n is kept:
# it ends a sentence.)
_DROP_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u0300-\u036f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u20d0-\u20ff\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u2bff"
    "\u3030\u303d\u3297\u3299\ud800-\udfff\ue000-\uf8ff\ufe00-\ufe0f\ufe20-\ufe2f\ufeff"
    "\ufff0-\uffff\U0001f000-\U0001faff\U000e0000-\U000e01ef\U000f0000-\U0010ffff]+"
)
# Emoji that stand for a word (油锅🔥了, 浓💨往外滚, ⚡线泡着水, 🚒进不来) are read as that word
# before the rest are dropped; a run of one counts once, and an animal after its own word
# (野狗🐕🐕) adds nothing.
_EMOJI_WORDS = (
    (re.compile("🔥+(?=[了啦咯])"), "着火"), (re.compile("🔥+"), "火"), (re.compile("💨+"), "烟"),
    (re.compile("⚡\ufe0f?"), "电"), (re.compile("🚒+"), "消防车"), (re.compile("🚑+"), "救护车"),
    (re.compile("🚓+"), "警车"), (re.compile("🌊+"), "水"), (re.compile("(?<=狗)[🐕🐶]+"), ""),
    (re.compile("[🐕🐶]+"), "狗"), (re.compile("(?<=蛇)🐍+"), ""), (re.compile("🐍+"), "蛇"),
    (re.compile("🆘+"), "求救"),
)
_EMOJI_RE = re.compile("|".join(emoji.pattern for emoji, _ in _EMOJI_WORDS))
_SPACES_RE = re.compile(r"[ \u3000\u00a0\u2000-\u200a\u202f\u205f]+")
_NEWLINES_RE = re.compile(r" ?\n[\s\n]*")
_HAN_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Variants OpenCC leaves alone but residents type (Taiwan/Hong Kong/Japanese shapes, typos).
_EXTRA_FOLD_CHARS = {"著": "着", "祇": "只"}
_EXTRA_FOLD = str.maketrans(_EXTRA_FOLD_CHARS)
_EXTRA_PHRASES = (
    ("甚么", "什么"), ("拉圾", "垃圾"), ("垃级", "垃圾"), ("电悌", "电梯"), ("暧气", "暖气"),
    # homophones of voice input (电体停在半道上了, 燃起灶, 臭鸡蛋为越来越大)
    ("电体", "电梯"), ("燃起灶", "燃气灶"), ("燃起管", "燃气管"), ("燃起表", "燃气表"),
    ("臭鸡蛋为", "臭鸡蛋味"),
    # pinyin input picking the wrong character (天然汽公司的管子, 就护车进不来, 消房来了)
    ("天然汽", "天然气"), ("着活了", "着火了"), ("没着活", "没着火"), ("救名", "救命"),
    ("就护车", "救护车"), ("救户车", "救护车"), ("消房", "消防"), ("点梯", "电梯"),
    ("报井", "报警"), ("孩字", "孩子"), ("1直", "一直"), ("冲电", "充电"), ("电平车", "电瓶车"),
    ("以经", "已经"), ("跳匝", "跳闸"),
    # 未 for 味 after a measure of smell (有股煤气未 挺大的; not 煤气未关, gas left on)
    ("股煤气未", "股煤气味"), ("股燃气未", "股燃气味"), ("股天然气未", "股天然气味"),
    # handwriting input picking a look-alike (己经送回家了, 存拆拿出来, 昌烟)
    ("己经", "已经"), ("巳经", "已经"), ("存拆", "存折"), ("昌烟", "冒烟"), ("昌火", "冒火"),
    ("不贝了", "不见了"), ("媒气", "煤气"),
    # an older form of 账 (转到安全帐户, 用手机转帐)
    ("安全帐户", "安全账户"), ("转帐", "转账"),
    # Hong Kong terms (升降机 for a lift, 脑退化 for dementia, 冲凉 for a shower, 石油气 for LPG)
    ("施工升降机", "施工吊笼"), ("工地升降机", "工地吊笼"), ("升降机", "电梯"),
    ("脑退化", "老年痴呆"), ("冲凉", "洗澡"), ("石油气", "液化气"),
    ("热水炉", "热水器"), ("冷气机", "空调"), ("街市", "菜市场"), ("露台", "阳台"),
    ("校巴", "校车"), ("孙仔", "孙子"), ("透不过气", "喘不过气"),
)  # fmt: skip
# (the check names the variants themselves: 体, 起 and 为 alone are in most texts)
_EXTRA_RE = re.compile("|".join([*_EXTRA_FOLD_CHARS, *(variant for variant, _ in _EXTRA_PHRASES)]))


# Cantonese written as spoken (冇反应, 跌咗落水, 叫佢唔应): folded to the Mandarin words the
# rules are written in, longest phrase first. Only texts with a character of written Cantonese
# are touched; the resident's original text is kept as it was.
_CANTONESE_PHRASES = (
    # lifts (𨋢, which OpenCC turns into 䢂), smoke coming out, water standing, things about to
    # be blown down, days ahead
    ("𨋢", "电梯"), ("䢂", "电梯"), ("行出嚟", "冒出来"), ("涌出嚟", "涌出来"), ("出嚟", "出来"),
    ("入面", "里面"), ("浸咗", "泡了"), ("浸喺", "泡在"), ("流落去", "流进"),
    ("吹落街", "吹掉下来"), ("吹落", "吹掉下来"), ("甩晒出嚟", "全露出来"), ("甩咗出嚟", "露出来"),
    ("水氹", "水坑"), ("烧胶", "烧胶皮"), ("火警钟", "火警报警器"), ("火烛", "着火"),
    ("烧衣", "烧纸"), ("听日", "明天"), ("后日", "后天"), ("差啲", "差点"), ("预早", "提前"),
    ("就快", "快要"), ("吉窿", "空洞"), ("俾大风", "被大风"),
    # 系 (係 after conversion) as "is", and smoking (食烟)
    ("唔该", "麻烦"), ("唔系", "不是"), ("但系", "但是"), ("就系", "就是"), ("都系", "都是"),
    ("系咪", "是不是"),
    ("食烟", "抽烟"),
    # Hakka, read with the Cantonese it shares 佢, 唔 and 冇 with (𠊎 I, 屋下 home, 细人仔 a child)
    ("𠊎", "我"), ("屋下", "家里"), ("细人仔", "小孩"), ("妹仔", "女儿"), ("昨晡夜", "昨晚"),
    ("天光", "天亮"), ("么个", "什么"), ("幺个", "什么"), ("讲爱", "说要"), ("爱下来", "要下来"),
    ("寻到了", "找到了"),
    # 返 as "back", luck, "if", "what to do", a simile's 咁, evenings, chatting, next door
    # (成日 stays: "all day" and "always" both)
    ("揾返", "找回来"), ("搵返", "找回来"), ("返嚟", "回来"), ("返屋企", "回家"), ("好彩", "幸好"),
    ("要系", "要是"), ("如果系", "如果是"), ("点算", "怎么办"), ("好似", "好像"),
    (re.compile("咁(?=[,.!?。，！？]|$)"), "一样"), ("就嚟", "快要"), ("晚黑", "晚上"),
    ("倾偈", "聊天"), ("隔离屋", "隔壁"), ("隔篱", "隔壁"), ("落雨", "下雨"),
    ("屋企门口", "家门口"), ("行嚟行去", "走来走去"), ("啱啱", "刚刚"), ("𠮶", "那"), ("嗰", "那"),
    ("跌咗落去", "掉下去了"), (re.compile("跌咗落水(?![池塘坑沟缸桶])"), "掉进水里"),
    (re.compile("跌落水(?![池塘坑沟缸桶])"), "掉进水里"), ("冲咗落河", "冲进河里"),
    ("落河", "进河里"), ("跌咗喺", "摔倒在"), ("仲见到", "还看到"),
    # the progressive 紧 (烧紧, 打紧交, 撬紧门: going on now), the durative 住 (拉住, 吊住), 晒
    # for "all", 落 for "down", 话 for "say", 俾 for "give" or "let", money in 蚊
    (re.compile("(?<![赶抓加拧绑锁关要很太])(瞓|烧|打|喊|叫|入|撬|排|掉|跌|倾|充|喷|冒|流|漏|追|咬|震|拉|"
                "摇|郁|等|搬|割|挖|冲|滴|响|转|收|食|讲|催|爬|晒|吊|摆)紧"), r"正在\1"),
    ("正在瞓", "正在睡"), ("正在打交", "正在打架"), ("打交", "打架"), ("正在入", "正在进"),
    ("正在倾", "正在聊"), ("入晒", "全进了"), ("冲晒", "全冲"), ("冇晒声", "没有声音了"),
    ("冇返", "没回"), ("俾电", "被电"), ("郁唔到", "动不了"), ("静晒", "全静了"),
    ("甩晒", "全掉了"),
    ("成身", "全身"), ("拉住", "拉着"), ("吊住", "吊着"), ("挨住", "挨着"), ("追住", "追着"),
    ("揽住", "抱着"), ("泊住", "停着"), ("跟住", "跟着"), ("沿住", "沿着"), ("插住电", "插着电"),
    ("仲插住", "还插着"), ("锁住", "锁着"), ("夹住", "夹着"), ("跌落嚟", "掉下来"),
    ("冧落嚟", "塌下来"), ("冧", "塌"), ("落嚟", "下来"), ("落唔到去", "下不去"),
    ("落唔到", "下不去"), ("落去", "下去"), ("透唔到气", "喘不过气"), ("透唔过气", "喘不过气"),
    ("行唔到路", "走不了路"), ("唔俾", "不让"), ("俾咗", "给了"), ("跌咗喺地", "摔倒在地"),
    ("甩咗", "掉了"), ("讲嘢", "说话"), ("唔敢郁", "不敢动"), ("郁佢", "动他"), ("晕埋", "晕倒"),
    ("冲凉", "洗澡"), ("个钟", "小时"), ("同屋", "室友"), ("行埋去", "走过去"),
    ("出咗街", "出门了"),
    ("返咗", "回了"), ("即刻", "马上"), ("边个", "谁"), ("快啲", "快点"), ("过嚟", "过来"),
    ("佢话", "他说"), ("佢哋话", "他们说"), ("对方话", "对方说"), ("那人话", "那人说"),
    ("有人话", "有人说"), ("话包", "说包"), ("话要", "说要"), ("话唔准", "说不准"),
    ("插苏", "插座"), ("石屎", "水泥块"), ("啤酒樽", "啤酒瓶"), ("樽", "瓶"), ("爆头", "砸头"),
    ("bb床", "婴儿床"), ("bb", "宝宝"), ("入屋", "进屋"), ("识游水", "会游泳"),
    (re.compile("([0-9一二三四五六七八九十百千万两])蚊"), r"\1块"),
    ("仲喺度", "还在"), ("仲喺", "还在"), ("瞓咗喺度", "躺在那里"), ("瞓咗喺", "躺在"),
    ("瞓喺", "躺在"),
    ("跌咗落地", "摔倒在地"), ("郁都郁唔到", "动都动不了"), ("俾人", "被人"),
    ("跌咗落", "掉进"), ("跌落", "掉进"), ("食咗", "吃了"), ("行咗", "走了"),
    ("食完", "吃完"), ("唔识", "不会"), ("游水", "游泳"), ("拎住", "拎着"), ("揸住", "拿着"),
    ("攞住", "拿着"), ("斩人", "砍人"), ("而家", "现在"), ("寻晚", "昨晚"), ("琴晚", "昨晚"),
    ("浸到颈", "淹到脖子"), ("一抽一抽", "抽搐"), ("燶味", "糊味"), ("喺度", "在那里"),
    ("仲有", "还有"), ("仲未", "还没"), ("仲系", "还是"), ("仲要", "还要"),
    ("我哋", "我们"), ("你哋", "你们"), ("佢哋", "他们"), ("啲", "些"), ("咗", "了"), ("喺", "在"),
    ("唔", "不"), ("佢", "他"), ("嘅", "的"), ("冇", "没"), ("嗌", "喊"), ("瞓", "躺"),
    ("嚟", "来"), ("睇", "看"), ("揾", "找"), ("搵", "找"), ("攞", "拿"), ("畀", "给"),
    ("嘢", "东西"), ("细路仔", "小孩"), ("细路", "小孩"), ("屋企", "家里"), ("琴日", "昨天"),
    ("寻日", "昨天"), ("今朝", "今早"), ("升降机", "电梯"), ("拖板", "插线板"), ("雪柜", "冰箱"),
    ("水喉", "水管"), ("气喉", "气管"), ("着住电", "插着电"), ("俾", "给"),
)
_CANTONESE_RE = re.compile(
    "[咗喺唔佢嘅冇嗌瞓嚟啲哋睇揾搵攞畀嘢燶𨋢䢂俾嗰𠮶揸冧𠊎]|听日|屋企|而家|屋下|细人仔|(?:烧|打|喊|撬|排|追|冒|入)紧(?!急|张)"
)


# Taiwanese Hokkien written in characters (阮阿嬤到這馬攏無轉來), after conversion to Simplified:
# folded only in a text holding one of its marker phrases, since 无, 伊 and 阮 are also Mandarin.
_HOKKIEN_PHRASES = (
    ("这马", "现在"), ("拢无", "都没"), ("无转来", "没回来"), ("犹未", "还没"), ("转来", "回来"),
    ("斗相共", "帮忙"), ("无带", "没带"), ("阮厝", "我家"), ("阮", "我家"), ("伊", "她"),
    ("揣", "找"),
    # Minnan of southern Fujian: 囝仔 a child, 厝 a house, 袂 cannot, 无 none in its phrases
    # (无 alone stays: 无法, 无论), 拢 all, 查某 a woman, 代志 a matter, 甲 for 得 after a feeling
    ("无代志", "没事"), ("代志", "事情"), ("查某囝", "女儿"), ("查某人", "女人"),
    ("打某", "打老婆"), ("查某", "女的"), ("囝仔", "孩子"), ("厝内", "家里"), ("厝顶", "屋顶"),
    ("内面", "里面"),
    ("起袂来", "起不来"), ("拦袂住", "拦不住"), ("喘袂过气", "喘不过气"), ("袂清楚", "不清楚"),
    ("下袂来", "下不来"), ("拉袂起来", "拉不起来"), ("袂泅水", "不会游泳"), ("泅水", "游泳"),
    ("袂振动", "动不了"), ("赶袂转去", "赶不回去"), ("袂", "不"), ("找无人", "找不到人"),
    ("找无", "找不到"), ("无应", "没应"), ("无声", "没声音"), ("无去", "没了"), ("无人", "没人"),
    ("无大人", "没大人"), ("无贴", "没贴"), ("拢", "都"), ("恁紧", "你们快"), ("紧派", "快派"),
    ("紧叫", "快叫"), ("紧来", "快来"), ("恁", "你们"), ("足济", "很多"), ("边仔", "旁边"),
    ("落来", "下来"), ("睏", "睡"), ("头壳", "头"), ("窗仔", "窗户"), ("狗仔", "狗"),
    ("啥物", "什么"), ("一尾", "一条"), ("钻入", "钻进"), ("竹篙", "竹竿"), ("半点钟", "半小时"),
    (re.compile("(?<=[吵惊看吓痛热冷])甲"), "得"),
)
_HOKKIEN_RE = re.compile(
    "这马|拢无|转来|犹未|斗相共|囝仔|阮厝|阮阿|阮的|阮家|代志|查某|袂|恁紧|边仔|足济|啥物|泅水|找无"
    "|狗仔|窗仔|头壳|吵甲|惊甲|看甲|拢是|拢在|拢拖|拢要|拢找|内面|伊讲|厝内|厝顶"
)


# Jining and Shandong speech (俺娘晌午下楼，这会儿还木回来): folded only in a text that says 俺,
# 木有 or 木着火, since 木 alone is wood. 夜来 (yesterday) is left alone: read as the past, it
# would switch off dangers that go on today.
_SHANDONG_PHRASES = (
    ("木有", "没有"), ("还木", "还没"), ("都木", "都没"), ("就木了", "就没了"), ("木见", "没见"),
    ("木回", "没回"), ("木关", "没关"), ("木人", "没人"), ("木事", "没事"), ("木着", "没着"),
    ("木动静", "没动静"), ("待里头", "在里头"), ("待里面", "在里面"), ("俺们", "我们"),
    ("俺", "我"), ("长虫", "蛇"), ("顶棚", "天花板"), ("插销", "插头"),
)
_SHANDONG_RE = re.compile("俺|木有|木着火|木冒烟")


# Shanghai and Wu speech (阿拉屋里老人…现在闻勿到了): folded only in a text that says 阿拉, 侬,
# 辰光, 交关, 搿, 覅 or a 勿 that written Mandarin would not use (请勿, 切勿, 勿忘 are Mandarin).
_WU_PHRASES = (
    ("能勿能", "能不能"), ("勿晓得", "不知道"), ("阿拉", "我们"), ("伊拉", "他们"), ("侬", "你"),
    ("辰光", "时候"), ("交关", "很"), ("搿", "这"), ("覅", "不要"), ("勿", "不"), ("明朝", "明天"),
    ("今朝", "今天"), ("听讲", "听说"), ("困觉", "睡觉"), ("哪能", "怎么"), ("伊", "他"),
    ("里厢", "里面"), ("小囡", "小孩"), ("小人", "小孩"), ("跌在", "摔在"),
    ("跌了一跤", "摔了一跤"),
)
_WU_RE = re.compile("阿拉(?!伯|丁|斯加)|侬|辰光|交关|搿|覅|(?<![请切万务])勿(?![忘扰施以谓])")


# Hubei and Hunan speech (娭毑昨天上山捡柴，一晚上冇回来): folded only in a text that says 娭毑,
# 嗲嗲, 堂客, 冇得, 恰饭, 一哈, 霸得蛮, 么子/么事 (幺 after conversion; 什么 stays) or ends a
# clause with 哒 (烧起来哒). 冇 alone is also written Cantonese's marker; 港 (说) is folded only
# before 她/他, since 港 is also a harbour.
_XIANG_PHRASES = (
    ("冇得幺事", "没什么事"), ("冇幺事", "没什么事"), ("搞幺子", "干什么"), ("幺子", "什么"),
    ("幺事", "什么"), ("娭毑", "奶奶"),
    ("嗲嗲", "爷爷"), ("堂客", "老婆"), ("伢子", "孩子"), ("冇得", "没有"), ("冒得", "没有"),
    ("冇", "没"), ("恰饭", "吃饭"), ("一哈", "一下"), ("港她", "说她"), ("港他", "说他"),
    ("哒", "了"),
)
_XIANG_RE = re.compile(
    "娭毑|嗲嗲|堂客|冇得|恰饭|一哈|霸得蛮|幺子|幺事|(?<!哒)哒(?=[,.!?。，！？]|$)"
)


# Shaanxi and Gansu speech (额碎娃看了一眼手机就不见咧): folded only in a text that says 婆姨,
# 碎娃, 尕娃, 嫑, 阿达, 咋咧 or ends a clause with 咧 (骂骂咧咧 and 咧嘴 are Mandarin, and keep
# their 咧). 额 is folded only before a kin word (额头 and 金额 stay); 耍 stays, since 耍流氓 and
# 耍酒疯 would lose their sense as 玩.
_NORTHWEST_PHRASES = (
    ("婆姨", "老婆"), ("碎娃", "小孩"), ("尕娃", "小孩"), ("阿达", "哪里"), ("嫑", "不要"),
    ("咋咧", "怎么了"), ("额们", "我们"), ("额家", "我家"), ("额妈", "我妈"), ("额爸", "我爸"),
    ("额娘", "我娘"), ("额娃", "我孩子"), ("没寻着", "没找到"), ("寻不着", "找不到"),
    ("寻不见", "找不见"), ("寻着", "找到"), ("涝池", "池塘"),
    (re.compile("(?<!咧)咧(?![咧嘴着开])"), "了"),
)
_NORTHWEST_RE = re.compile("婆姨|碎娃|尕娃|嫑|阿达|咋咧|(?<!咧)咧(?=[,.!?。，！？]|$)")

# Sichuan and Chongqing speech (我老汉儿关在屋头，喊也莫得人应): folded only in a text that says
# 莫得, 啥子, 屋头, 老汉儿, 孃孃, 勒个, 咋个, 搞快点, 娃儿 or 烟子. Its locative 头 after a
# place is "in" (楼道头, 水头), its 下头 "below"; 耍 stays, as for the Northwest.
_SOUTHWEST_PHRASES = (
    ("莫得", "没有"), ("啥子", "什么"), ("老汉儿", "父亲"), ("孃孃", "阿姨"), ("勒个", "这个"),
    ("咋个", "怎么"), ("搞快点", "快点"), ("莫打", "别打"), ("婆娘", "老婆"), ("外头", "外面"),
    ("抱到", "抱着"), ("娃儿", "孩子"), ("烟子", "烟"), ("下头", "下面"), ("屋头", "家里"),
    (re.compile("(?<=[屋道水河沟井塘房])头(?![发上顶部疼痛晕])"), "里"),
)
_YUNGUI_PHRASES = (
    # Yunnan and Guizhou: 么得 none, 老倌 an old man, 娃娃 a child (布娃娃 stays a doll), 遭 before
    # a verb for 被, 关到 and 卡起 for 关着 and 卡住, 瞧 for 看, 整哪样 "what are you doing"
    ("么得", "没有"), ("幺得", "没有"), ("老倌", "老头"), (re.compile("老奶(?!奶)"), "老奶奶"),
    ("小娃娃", "小孩"), ("娃娃些", "孩子们"), (re.compile("(?<!布)娃娃"), "孩子"),
    ("整哪样", "干什么"),
    (re.compile("遭(?=[骗烫打咬撞困电砸偷抢])"), "被"), ("关到", "关着"), ("卡起了", "卡住了"),
    ("亮起的", "亮着"), ("顺到", "顺着"), ("哪点", "哪里"), ("打起电筒", "打着手电"),
    ("瞧不见", "看不见"), ("瞧见", "看见"), ("瞧着", "看着"),
)
_SOUTHWEST_RE = re.compile(
    "莫得|啥子|屋头|老汉儿|孃孃|勒个|咋个|搞快点|娃儿|烟子"
    "|么得|幺得|老倌|小娃娃|整哪样|憨包|板扎|得行|遭骗|(?<!布)娃娃|瞧不见|瞧见"
)

# Jin speech of Shanxi and western Inner Mongolia (毛孩子在坑边圪蹴着): folded only in a text
# that says 圪蹴, 圪台, 毛孩子, 毛圪蛋 or 咋介; 甚 is "what" there, not 甚至. 夜来 (yesterday)
# stays, as in Shandong speech: read as the past it would switch off a danger that goes on.
_JIN_PHRASES = (
    ("寻着", "找到"), ("寻不着", "找不到"), ("毛圪蛋", "孩子"),
    ("毛孩子", "孩子"), ("圪蹴", "蹲"), ("咋介", "怎么"), ("后生", "小伙子"),
    (re.compile("甚(?!至|么|是|好)"), "什么"),
)
_JIN_RE = re.compile("圪蹴|圪台|毛孩子|毛圪蛋|咋介")

# Northeastern speech (音响贼拉响): folded only in a text that says 贼拉 before an adjective, 嘎哈,
# 埋汰, 嘚瑟, 唠嗑 or 磕碜. Its 贼 before an adjective is "very", not a thief (贼冷, 贼响); a thief
# who pulls something open (贼拉开了窗户), 小偷 and 盗贼 stay.
_NORTHEAST_ADJECTIVE = "(?=[响冷热多大好快亮香难累烦吵能逗贵远高长])"
_NORTHEAST_PHRASES = (
    ("嘎哈", "干啥"),
    (re.compile("(?<![小盗窃])贼拉?" + _NORTHEAST_ADJECTIVE), "特别"),
)
_NORTHEAST_RE = re.compile("贼拉" + _NORTHEAST_ADJECTIVE + "|嘎哈|埋汰|嘚瑟|唠嗑|磕碜")

# English words of danger left in a text a translation app made, often in brackets beside a
# mistranslation (门在给人震惊（electric shock）), or typed by code-switching residents: folded to
# the words the rules use. Phrases only, no single words that also name ordinary things (smoke
# in "no smoking", fire in "fire drill").
_ENGLISH_PHRASES = (
    ("electric shock", "触电"), ("electrocuted", "触电"), ("gas leak", "燃气泄漏"),
    ("smells like gas", "有煤气味"), ("smell of gas", "煤气味"), ("gas smell", "煤气味"),
    ("on fire", "着火了"), ("caught fire", "着火了"), ("catch fire", "着火"),
    ("stuck in the elevator", "被困电梯"), ("stuck in the lift", "被困电梯"),
    ("trapped", "被困"), ("unconscious", "昏迷"), ("not breathing", "没呼吸"),
    ("can't breathe", "喘不上气"), ("cannot breathe", "喘不上气"),
    ("can't get up", "起不来"), ("cannot get up", "起不来"), ("fell down", "摔倒了"),
    ("heart attack", "心脏病发作"), ("bleeding", "流血"), ("help me", "救命"),
)
_ENGLISH_RE = re.compile("|".join(re.escape(phrase) for phrase, _ in _ENGLISH_PHRASES))

# English words a code-switching resident puts among Chinese ones (黑色的 smoke 从窗户出来, lift
# 卡住了, my friend 在里面): read as the Chinese word, each only as a whole word, the spaces
# around it taken with it (a space between Chinese characters reads as a pause); the phrases
# above go first (gas leak, smells like gas).
_ENGLISH_WORDS = {
    "lost my kid": "孩子丢了", "i smell gas": "我闻到煤气味", "very strong": "很浓",
    "fire alarm": "火警报警器", "high voltage": "高压", "bus stop": "公交站", "no answer": "没人应",
    "cannot open": "打不开", "can't open": "打不开", "big dog": "大狗", "my son": "我儿子",
    "my daughter": "我女儿", "my kid": "我孩子", "my baby": "我宝宝", "my friend": "我朋友",
    "my roommate": "我室友", "my mom": "我妈", "my dad": "我爸", "my landlord": "我房东",
    "smoke": "烟", "smell": "味", "gas": "燃气", "lift": "电梯", "elevator": "电梯",
    "stuck": "卡住", "snake": "蛇", "dog": "狗", "ambulance": "救护车", "police": "警察",
    "baby": "宝宝", "kid": "孩子", "pregnant": "怀孕", "inside": "里面", "now": "现在",
    "playground": "游乐场", "shaft": "电梯井", "wildfire": "山火", "bleeding": "流血",
    "tou yun": "头晕",
}  # fmt: skip
_ENGLISH_WORDS_RE = re.compile(
    "(?<![a-z'])(?:" + "|".join(map(re.escape, _ENGLISH_WORDS)) + ")(?![a-z'])"
)
_ENGLISH_WORD_PHRASES = (
    *((re.compile(f" ?(?<![a-z']){re.escape(words)}(?![a-z'])(?! ?(?:detector|alarm)) ?"), chinese)
      for words, chinese in _ENGLISH_WORDS.items()),
    (re.compile("(?<![a-z'])help(?= ?!)"), "救命"),
)  # fmt: skip

# Pinyin initials typed for a word (dt卡住了, 一股mq味, ddc在充电, hz了): folded only as a whole
# run of Latin letters, so 50hz and a word in English stay.
_INITIALS = {"mq": "煤气", "rq": "燃气", "dt": "电梯", "ddc": "电动车", "hz": "火灾", "wy": "物业",
             "zs": "自杀", "jc": "警察", "xf": "消防"}  # fmt: skip
_INITIALS_RE = re.compile("(?<![a-z0-9])(?:" + "|".join(_INITIALS) + ")(?![a-z0-9])")
_INITIALS_PHRASES = tuple(
    (re.compile(f"(?<![a-z0-9]){letters}(?![a-z0-9])"), word) for letters, word in _INITIALS.items()
)

# Each dialect: the marker that tells a text uses it, and its phrases, longest first.
_DIALECTS = (  # Hubei and Hunan first: their 冇得 is 没有, not written Cantonese's 冇 + 得
    (_XIANG_RE, _XIANG_PHRASES),
    (_NORTHWEST_RE, _NORTHWEST_PHRASES),
    (_NORTHEAST_RE, _NORTHEAST_PHRASES),
    (_JIN_RE, _JIN_PHRASES),
    (_SOUTHWEST_RE, _SOUTHWEST_PHRASES + _YUNGUI_PHRASES),
    (_CANTONESE_RE, _CANTONESE_PHRASES),
    (_HOKKIEN_RE, _HOKKIEN_PHRASES),
    (_SHANDONG_RE, _SHANDONG_PHRASES),
    (_WU_RE, _WU_PHRASES),
    (_ENGLISH_RE, _ENGLISH_PHRASES),
    (_ENGLISH_WORDS_RE, _ENGLISH_WORD_PHRASES),
    (_INITIALS_RE, _INITIALS_PHRASES),
)


def fold_dialects(text: str) -> str:
    """Written Cantonese, Taiwanese Hokkien, Shandong, Wu, Hubei, Hunan, Shaanxi, Gansu,
    Sichuan, Chongqing and Northeastern speech, English words of danger and pinyin initials →
    the Mandarin words the rules use; a text with no marker of any is returned unchanged."""
    for marker, phrases in _DIALECTS:
        if marker.search(text):
            for spoken, mandarin in phrases:
                if isinstance(spoken, re.Pattern):
                    text = spoken.sub(mandarin, text)
                else:
                    text = text.replace(spoken, mandarin)
    return text


@dataclass(frozen=True)
class NormalizedText:
    """The resident's text, its matching form (folded, Simplified) and the script they used."""

    original: str
    text: str
    script: Script


_CONVERTERS: dict[str, Any] = {}


def _converter(config: str) -> Any:
    """One OpenCC converter per configuration, created once (they are used on every reply)."""
    converter = _CONVERTERS.get(config)
    if converter is None:
        import opencc

        converter = _CONVERTERS.setdefault(config, opencc.OpenCC(config))
    return converter


_SHORT = 80  # button labels and reply templates repeat; complaints are unique and longer
_SHORT_CACHE: dict[tuple[str, str], str] = {}
_SHORT_CACHE_SIZE = 4096


def _convert(config: str, text: str) -> str:
    """OpenCC conversion; short texts (labels, replies) are remembered, being asked again and
    again (every text message is compared with every keyboard label)."""
    if len(text) > _SHORT:
        return _convert_now(config, text)
    key = (config, text)
    converted = _SHORT_CACHE.get(key)
    if converted is None:
        if len(_SHORT_CACHE) >= _SHORT_CACHE_SIZE:
            _SHORT_CACHE.clear()
        converted = _SHORT_CACHE[key] = _convert_now(config, text)
    return converted


def _convert_now(config: str, text: str) -> str:
    try:
        return str(_converter(config).convert(text))
    except UnicodeEncodeError:  # lone surrogates cannot cross into OpenCC
        return str(_converter(config).convert(_DROP_RE.sub(" ", text)))


def to_simplified(text: str) -> str:
    """Traditional (including Taiwan variants) → Simplified."""
    return _convert("tw2s", text) if text else text


def to_script(text: str, script: Script | str) -> str:
    """Render a Simplified text in the resident's script (Taiwan-standard Traditional for hant).

    s2t then t2tw gives exactly OpenCC's s2tw, without loading a second copy of its phrase
    dictionary next to the s2t one script detection needs (13 MB, docs/performance.md)."""
    if script != "hant" or not text:
        return text
    return _convert("t2tw", _convert("s2t", text))


def _differences(a: str, b: str) -> int:
    if len(a) == len(b):
        return sum(1 for x, y in zip(a, b, strict=True) if x != y)
    return len(set(a) - set(b))


def _script(text: str, simplified: str) -> Script:
    """Compare `text` with its Simplified conversion (and its Traditional one if needed)."""
    if text == simplified:
        return "hans"
    traditional_only = _differences(text, simplified)
    simplified_only = _differences(text, _convert("s2t", text))
    return "hant" if traditional_only > simplified_only else "hans"


def detect_script(text: str) -> Script:
    """`hant` when the text has more Traditional-only than Simplified-only characters."""
    han = "".join(_HAN_RE.findall(text[:MAX_MATCH_CHARS]))
    return _script(han, to_simplified(han)) if han else "hans"


def fold(text: str) -> str:
    """Width folding (NFKC), emoji that stand for a word read as it, control/emoji/symbol
    removal, whitespace collapsing, lower case."""
    text = unicodedata.normalize("NFKC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _EMOJI_RE.search(text):
        for emoji, word in _EMOJI_WORDS:
            text = emoji.sub(word, text)
    text = _DROP_RE.sub(" ", text)
    text = _SPACES_RE.sub(" ", text)
    text = _NEWLINES_RE.sub("\n", text)
    return text.strip().lower()


def normalize(text: str) -> NormalizedText:
    """Fold, clean and convert `text` to its Simplified matching form; report the script."""
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    folded = fold(text[: MAX_MATCH_CHARS * 2])[:MAX_MATCH_CHARS]
    simplified = to_simplified(folded)
    script = _script(folded, simplified)
    matching = simplified
    if _EXTRA_RE.search(matching):
        matching = matching.translate(_EXTRA_FOLD)
        for variant, standard in _EXTRA_PHRASES:
            matching = matching.replace(variant, standard)
    return NormalizedText(original=text, text=fold_dialects(matching), script=script)
