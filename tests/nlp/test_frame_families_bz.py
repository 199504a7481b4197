"""Urgency frames, fiftieth round: blind sets BZ (older residents writing the way they talk on
the phone) and CA (night-time and early-morning messages).

Both caught every urgent complaint on their first pass. BZ's false alarm: an oxygen
concentrator left useless by a month of power cuts, in a complaint that nobody gives notice
(停电也不通知一声); its questions included a rhetorical 出事 (非得出事了才修吗). CA's false alarms:
a charging post that sparked once and tripped its breaker (冒了一下火花就跳闸了), and a fire in a
dream (做梦梦见着火吓醒了). Each is written many ways, none a sentence of the sets."""

from __future__ import annotations

CERTAIN: dict[str, list[str]] = {
    # the same words with the danger going on
    "live_wire": ["插座冒火花，跳闸了，孩子被电了一下还在哭"],
    "medical": ["停电了，老伴的制氧机用不了，喘不上气，也不通知一声"],
}
CALM = [
    # a cut without notice, a breaker that tripped, a dream, a rhetorical 出事
    "这个月停了好几回电，家里的制氧机老用不了，停电也不通知一声，请供电所提前说",
    "楼下配电箱昨晚冒了一下火花就跳闸了，今天没事了，请电工来检查一下",
    "车棚的插座刚才冒了点火花就跳闸了，现在没动静了，明天找物业看看",
    "昨晚做梦梦见着火了，吓醒了才想起楼道里的灭火器早就过期了，麻烦换一下",
    "梦到电梯困住我了，醒了一身汗，说真的咱楼电梯该好好检修了",
    "水塘边的栏杆断了好几节，非得出事了才修吗",
    "小区门口没有红绿灯，难道要等出事了才装",
]
