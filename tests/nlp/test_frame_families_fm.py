"""Urgency frames, seventy-seventh round: blind sets FM (children and young teenagers writing on
a parent's phone), FN (Spring Festival and other holidays), FO (leisure and sport around the
estates) and FP (answers to the bot's follow-up questions, with new matters in the same breath).

All four first passes caught every urgent complaint. The false alarms: a fire-escape lesson from
school (老师今天讲了着火了要用湿毛巾捂住鼻子) and its advice on gas (闻到煤气味不能开灯); an old
woman unseen for days who answers the door (敲门她说没事); homework "about to explode"; a crooked
tree that always leans (歪脖子树); a desk for lost children suggested (走失儿童登记点); how to
check for a leak, asked (怎么检查漏气); a drain's smell taken for gas that the gas company
checked (下水井, 来看过了说没事); a trapping dated right after it (电梯困人那次是上个月的事了,
那股煤气味是上个月的事了: `referred`); a child typing on a grabbed phone (抢手机乱打的). The
questions: a smoke alarm that sounds with no smoke (根本没烟), and the model on a loose roof
sheet with nobody under it, a fall already bandaged, a weak gas flame, a pole leaning for months
and a branch over a table moved away (calm phrasings added). Made certain: a fight after an
earlier complaint told as "this time" (我昨天投诉的噪音这回不是噪音了…刚听见男的说要去拿刀), a
danger after an earlier matter set aside (之前反映的路灯的事先不管了，…有股很浓的烧焦味: `after`
phrases now), and curtains set alight by a balcony barbecue (烧烤 no longer hides 窗帘都烧起来
了)."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    "violence": [
        "上周反映的漏水先不说，这回是楼上两口子打起来了，刚听见女的喊救命",
        "昨天投诉过的那家这回动手了，刚看见男的拿着棍子追着打人",
    ],
    "fire": [
        "对面阳台有人烧烤，窗帘都烧起来了，屋里好像没人",
        "楼上在阳台上烤肉，窗帘着了，火往上窜",
        "之前反映的水管的事先不管了，楼道里有股很浓的烧焦味，配电箱里在冒烟",
        "上周说的停车的事先放一边，地下车库有辆电动车在冒烟，味儿呛人",
    ],
}
CALM = [
    "今天老师讲了着火了要用湿毛巾捂住嘴往楼下跑，我们楼道堆满了杂物，请清理一下",
    "学校说闻到煤气味不要开灯，我想问问家里有没有必要装报警器",
    "好几天没看到楼上的爷爷下楼了，我们敲门他说没事，就是腿疼，能不能有人帮他买点菜",
    "寒假作业多到要爆炸了，社区图书室能不能开放让我们写作业",
    "路口那棵歪脖子树好像要倒了似的，一直这么歪着，能不能找人看看",
    "建议庙会门口设个走失儿童登记点，人太多了",
    "想问一下在家怎么检查燃气管有没有漏气，用肥皂水行不行",
    "楼道里的瓦斯味燃气公司来看过说没事，是下水井返上来的，请物业处理下水井",
    "电梯关人那次是上周的事了，我就想问维保公司有没有来检修",
    "厨房那股煤气味是上个月的事了，换了胶管就好了，胶管多久换一次",
    "刚才那条写着救命的是孩子抢手机乱打的，不好意思，正事是路灯不亮",
    "客厅的烟雾报警器半夜自己响了两回，根本没烟，是不是该换电池了",
]
