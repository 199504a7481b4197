"""Urgency frames, eightieth round: blind sets FY (people who can only type in secret: hiding,
locked in, on a quiet ward), FZ (hoarding and cluttered homes), GA (early morning, 5 to 7 am)
and GB (people alone at home who play it down).

The misses of the round: three people held against their will (他不让我出去 已经关了我两天了;
被反锁在屋里了 他把我钥匙和身份证都收走了; 门被反锁了 他们收了我身份证 逼我打电话骗人), and an old
man unheard for days with flies at his door (这几天一直没动静，今天他家门缝底下有苍蝇往外飞).
The false alarms: a dead tree "about to fall" on windless days (这两天没刮风), a near miss from a
cigarette end (差点烧起来), a heap in a garage that would burn (这要烧起来整个车库都得完), and a
fire door propped open (着火了烟就全灌进来了). The questions: pesticide spray that made walkers
cough (打农药), someone unseen for days who answered the door (敲门他应了), a fall already taken
to hospital (送医了), whom else to call (除了打120还能找谁), and the model on a smoke detector
wrapped up, a frail hoarder living alone and a dizzy spell already over (calm phrasings added).
Made certain besides: coded messages the model only asked about — someone beaten now (老公打我
现在还在打), a door being rammed or kicked (一直在撞门), a stranger inside the home
(陌生男的在客厅翻东西, not one at the door), the writer hiding from someone in the home
(我在柜子里…他们还没走)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "我被男朋友关在出租屋里了，他不让我出去，手机是偷着拿的",
        "他们把我手机和身份证都收走了，门反锁着，逼我干活，我不敢出声",
        "老公把我锁在卧室里三天了，说我敢报警就收拾我",
        "前夫打我 现在还在打 孩子在哭",
        "有人在外面一直在踹门 我和孩子在屋里不敢出声",
        "家里进了个不认识的男人在屋里翻抽屉 我躲在衣柜里",
        "他们还在楼道里砸东西 我躲在卫生间 别打电话过来",
    ],
    "fallen": [
        "对门独居的老太太好几天没见人了，今天门口有股怪味，还有苍蝇",
        "楼下的王大爷这几天一直没动静，屋里飘出一股臭味，敲门没人应",
    ],
}
CALM = [
    "院里那棵枯树看着随时会倒，这两天没刮风，麻烦有空来砍掉",
    "楼上扔下来的烟头把我晾的衣服烫了个洞，差点着了，请管管",
    "车库里有人堆了好多纸箱和旧轮胎，这要烧起来可不得了，请物业清走",
    "一大早绿化带就在喷农药，走过去呛得直咳嗽，能不能换个时间",
    "几天没见隔壁大爷下楼，敲门他应了，说感冒了在家歇着",
    "我妈上周在家摔倒后送医了，现在出院回来了，想申请上门护理",
    "想问一下老人在家摔了，除了打120还能找谁帮忙抬一下",
    "小时候他打我，现在想起来还难受，想找个心理咨询",
]
