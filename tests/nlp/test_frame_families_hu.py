"""Urgency frames, ninety-second round: blind sets HU (Shanghai and Wu speech mixed into
Mandarin), HV (schoolteachers, school guards and kindergarten staff), HW (families and carers of
people with intellectual disabilities or autism) and HX (a heatwave week).

Every urgent complaint of the four was caught on the first pass (certain or asked). The false
alarms and questions: 假使 (if) before a fire in a question of which way to flee, a planned
power cut and an oxygen machine told in Wu (听讲明朝: hearsay about tomorrow), a gas smell gone
told in Wu (闻勿到了), a safety lesson about gas (安全课), poplar fluff making eyes swell (an
allergy's swelling counts for the throat, not for the eyes), an owner who says his dog does not
bite (狗主人还说他家狗不咬), a child who screams at the sight of a dog or the smell of smoke (看见狗
就, 闻到烟味就), a smoke alarm whose battery is flat, whether to call 120 or drive to hospital if
someone gets heatstroke. Shanghai and Wu speech is folded to Mandarin where a text says 阿拉, 侬,
辰光, 交关, 搿, 覅 or a 勿 that Mandarin would not write (勿动, 勿晓得; not 请勿 or 切勿). The rules
now also read: a count of people shut in a lift (关了三个人), a lift stopped in mid-air with
someone inside, an open door over an empty shaft; a child out on an air-conditioner bracket, a
cry of pain growing weaker behind a door, a child scalded and blistering, a fit that does not
stop, a child shut in a car, a child who cannot swim gone by a pond; someone who collapsed and
lies still; a child taken by a stranger or pulled into a van, someone led away, blocked in or
slapped, a boy surrounded and beaten, a broken bottle waved at children, a flat broken into and
searched now; a child gone with a stranger; a crack opening all at once, steps sinking, bricks
still falling, a tree still tilting over a door, a bracket broken and a unit hanging, a split
branch hanging by its bark, tiles falling one after another; water over a plugged-in heater, a
switch room in water and humming. First forms too wide, caught by earlier sets: an animal as
the one fallen into a drain, once 勿着 was folded (AA: a puppy, 一只小狗); 一只狗 as that animal
too (CN: a dog that got a shock from an open lamp post's wires is the live-wire frame's). The
Wu pairs are in `test_dialects.py`."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯关了四个人，停在半道一动不动",
        "电梯停在半空，里面是隔壁的老太太，按铃没人理",
        "电梯门开着里面是空的，能看见钢丝绳，小孩在边上跑",
    ],
    "medical": [
        "对面楼有个小孩站在空调外机架上，大人不在家",
        "敲了半天门，里面有人喊疼，声音越来越弱",
        "孩子被开水烫到了，胳膊上起了一片泡，哭叫不停",
        "我弟弟癫痫发作，抽个不停，快十分钟了",
        "超市门口一辆车里锁着个小孩，满头是汗",
        "河边刚才还看见他，一转眼人没了，他不会游泳",
    ],
    "fallen": ["广场上一个大爷突然倒地，脸色发白，叫他没反应"],
    "violence": [
        "一个陌生男的把一个小学生往车里拽",
        "我家孩子被一个不认识的人抱走了，往北门去了",
        "有个男的拽着她往小区外走，她一直在哭",
        "楼道里有人堵着不让她走",
        "几个大孩子围着打一个小的",
        "有人撬开了对门的门，正在里面翻",
    ],
    "missing": ["放学接孩子，老师说他跟着一个陌生的人走了"],
    "collapse": [
        "楼上在砸墙，我家墙上的裂缝一下子变宽了",
        "楼前台阶在往下沉，墙根还在掉砖",
        "那棵树斜靠在门头上，还在往下歪",
        "空调支架断了，外机吊在外面晃",
        "树枝裂开了，就剩皮连着耷拉着",
        "外墙砖一块接一块往下掉",
    ],
    "water_electric": [
        "屋里进水，已经漫过了插着电的电暖器",
        "配电室门口积水一尺深，里面嗡嗡响",
    ],
    "live_wire": ["地上的电线露着，一只猫过去抽了一下就不动了"],
}
CALM = [
    "想问问假使楼里着火了，往楼上跑还是往楼下跑",
    "听讲明朝要停电检修，阿拉屋里有人用制氧机，辰光能勿能提前讲一声",
    "早上有煤气味，燃气公司来修好了，现在闻勿到了",
    "给学生上安全课，讲到煤气泄漏要开窗，建议楼道贴个电话",
    "杨絮飘得满天都是，孩子过敏眼睛肿了，能不能给树打药",
    "楼下的狗不拴绳，狗主人还说他家狗不咬人",
    "孩子看见狗就尖叫，能不能让遛狗的牵好绳",
    "烟感器一直滴滴响，好像没电了，谁来换个电池",
    "以后家里人要是中暑了，是打120等车快还是自己送医院快",
    "下水道里掉进去一只小狗，在里面哼哼，手够不着",
    # the narrower forms of this round's patterns, and card players
    "物业一直在抽水，抽个不停",
    "热水器忽冷忽热，洗澡被烫了一下",
    "卫生间墙皮不停往下掉，麻烦修",
    "一群人围着打牌，吵得很",
    "几个老头围着打麻将到半夜",
]
