"""Urgency frames, eighty-sixth round: blind sets GW (blind and low-vision residents using a
screen reader: what they hear, smell and feel), GX (residents whose first language is not
Mandarin), GY (parents and grandparents at the school gate) and GZ (barbers, hairdressers and
shopkeepers behind the counter).

The miss of the round: demolition downstairs with a ceiling cracking and concrete falling, told
plainly (把墙打掉了，我家天花板裂开，水泥块一直掉: the demolition pattern reads 墙打掉 and 一直掉
now). The false alarms and questions: a game's shouts (打游戏老喊“着火了快跑”; 玩游戏喊着火了救
命), fire engines passing and a question (是不是着火了？…看没有烟，有人知道吗), a quarrel over a
butter lamp (邻居说会着火), a house back home abroad (老家房子着火了), which number to call (着火
打哪个), cigarette ends thrown down, children who came to blows at play, a smell the gas company
found was not gas (测过说不是燃气), a soap test that showed nothing (抹了没冒泡), a fall feared (要
是掉下去怎么办), a crowd at the gate (差点被挤倒), a plug pulled out (我已经拔了), a fire put out
on the spot (幸好…当场就扑灭了), a smell lingering after last month's fire (着过一次火). The rules
now also read what the model asked about: someone shut in a lift said in few words, a lift
moving with its door open, a door open on no car, someone held and dragged, a head struck with a
chain, a man grabbing at schoolgirls, a child taken into a van, a child gone at a turn of the
head or not at school, foam and shaking, a child knocked over by floodwater, a leg caught in a
drain, a building shaking under demolition, a roof about to blow off, a hole opened in the
pavement, a bridge washed half away with people crossing, a fire growing, a switch room
crackling, a gas regulator hissing, a child locked in a car, a gate closing on someone, old
people in a flooding basement, bare wires by water where children play, someone stuck on the
central reservation. First forms too wide, caught by earlier sets: 被冲倒 of bins (BE), a plug
pulled out while the bedding still smoulders (AF), a lingering burnt smell that was a charger
smoking now (EE, GB, CC, U), 差点被 of a child nearly sucked into an open drain (GE, M)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "lift_trapped": [
        "电梯里我女儿一个人被关住了，一直在哭",
        "电梯关住了我和我妈，已经半个小时",
        "电梯门没关，一直开着往上升，里面有人",
    ],
    "violence": [
        "一个醉汉拽住我不放，现在还在扯我胳膊",
        "两个人打起来，一个拿链子抽另一个的头",
        "有个男的跟着两个小学生，刚才伸手去拽她",
        "一辆面包车把一个小女孩拉上车开走了",
    ],
    "missing": [
        "带孩子在广场，一转身他就不见了，喊了半天",
        "老师说我女儿没到校，平时走路十分钟",
    ],
    "medical": [
        "楼道里有个人倒着，嘴里吐白沫",
        "路上积水太深，一个孩子被水冲倒了",
        "井盖碎了，老太太一条腿陷进去了拔不出来",
    ],
    "collapse": [
        "楼下在拆墙，整栋楼都在震",
        "楼顶的铁皮棚子被风掀起来，马上要飞下去",
        "人行道塌下去一个坑，边上还在往下掉",
        "桥面冲坏了一半，还有人骑车往上走",
    ],
    "fire": [
        "楼下烧垃圾，火越烧越大，快烧到车棚了",
        "配电房里噼啪响，一股焦糊味往外冒",
    ],
    "gas": ["路边的燃气调压箱被撞了，气呲呲往外喷"],
    "trapped": [
        "车里锁着个小宝宝，太阳晒着，找不到车主",
        "小区的电动伸缩门夹住了一个老人，门还在往里合",
    ],
    "live_wire": ["电线头露在外面，地上积着水，几个孩子在那踩水玩"],
    "traffic": ["我被困在马路中间的隔离带上，不敢动，车一直过"],
}
CALM = [
    "孙子打游戏老喊着火了快跑，吓我一跳",
    "楼下好多消防车，是不是着火了？看了没有烟",
    "邻居说我家点的油灯会着火，跟我吵了一架",
    "我老婆说她老家房子着火了，想回去一趟",
    "想问一下，着火打哪个电话，有人病了打哪个",
    "楼上总往下扔烟头，把晒的衣服烫了个洞",
    "两家孩子在楼下玩打起来了，大人也吵了，现在不说话",
    "单元门口有股臭味，燃气公司测过说不是燃气",
    "燃气表咔咔响，抹了肥皂水没冒泡",
    "楼顶的门老开着，小孩上去玩，要是掉下去怎么办",
    "放学的时候校门口人太多，差点被挤倒",
    "插座一插就冒火花，我已经拔了，想找电工看看",
    "孩子玩打火机点着了废纸，幸好当场就扑灭了",
    "上个月车棚着过一次火，楼道里到现在还有焦糊味",
    "下完雨垃圾桶都被冲倒了，没人收拾",
]
