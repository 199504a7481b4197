"""Scripted and interactive front ends of the offline demo.

Script lines (one per line, `#` starts a comment):
  as <person-code | resident | residentN>   act as someone
  say <text or /command>                     send a message
  press <button label | number>              press the newest inline button with that label
  location <lat> <lon>                       share a location
  photo <file-id> [caption]                  send a photo (a Telegram file id)
  open <prefix>                              open the newest /start <prefix>… link shown
  advance <duration>                         move the clock (e.g. 3h) and run the sweeper
  expect [@persona] <text>                   a message received since the last action contains text
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable

from bot.demo.session import DemoSession

BUILTIN = """
# 1. A resident files a complaint; the grid worker accepts and resolves it; the resident rates it.
as resident
say /start
expect 我要反映
say 明德花园5号楼楼道里的灯坏了一个星期了，晚上上下楼黑漆漆的，老人容易摔
expect 请核对
press 确认提交
expect 已提交
expect @MDHY-01-W1 新诉求
as MDHY-01-W1
press 接单
expect 已接单
expect @resident 已受理
press 办结
expect 办理结果
say 已联系物业更换了楼道灯，晚上测试正常。
expect 已办结
expect @resident 请对办理结果进行评价
as resident
press 满意
expect 已关闭
# 2. Nobody accepts the next one: the sweeper escalates it level by level (time-scaled).
say 颂运水庭7号楼门口路面塌了一个大坑，晚上骑电动车经过差点摔倒
expect 请核对
press 确认提交
expect 已提交
advance 3h
expect @SYST-02-B 上报
expect @resident 已上报至网格党支部
advance 3h
expect @SYST-S 上报
expect @resident 已上报至社区
# 3. Traditional characters in, Traditional characters out.
as resident2
say 明德花園13棟的電梯又壞了，老人下不了樓
expect 請核對
press 確認提交
expect 已提交

# ---- Conversation: a skipped place, a typed 确认, a question in words, 不满意 with a reason ----
# 4. No place given: the complaint waits in the district's triage queue.
as resident3
say 我家楼上天天晚上十一点以后还在剁肉，吵得睡不着
expect 具体地点
say 跳过
press 确认提交
expect 已提交
expect @TBH-TF 待分派
# 5. 确认 typed instead of pressed; a question in words answers with the case's progress.
say 明德花园13号楼的电梯又坏了，老人下不了楼
expect 请核对
say 确认
expect 已提交
say 我反映的电梯的事怎么样了
expect 电梯故障
# 6. 不满意 asks why; the branch secretary's card carries the reason and the previous result.
as MDHY-03-W1
press 接单
press 办结
say 已联系维保单位重启电梯
as resident3
press 不满意
expect 哪里不满意
press 问题没解决
expect @MDHY-03-B 问题没解决
expect @MDHY-03-B 已联系维保单位重启电梯
expect @MDHY-03-W1 居民评价为不满意
# ---- end of the conversation block ----
# --- Staff work: a 吹哨 reaches its department; a photo goes with 办结 to the resident ---
as resident3
say 明德花园2号楼楼上漏水，天花板一直滴水
expect 请核对
press 确认提交
expect 已提交
as MDHY-01-W1
press 接单
expect 已接单
press 吹哨
press 物业服务企业
expect 已通知联络人
expect @DEPT-WY 前报到处理
expect @resident3 协同办理
as DEPT-WY
press 已报到
expect 已记录报到
expect @MDHY-01-W1 物业服务企业 已报到
as MDHY-01-W1
press 办结
photo demo-result-photo
expect 照片已收到
say 已关闭上层水阀并更换漏水管件，天花板不再滴水。
expect 已办结
expect @resident3 📷
expect @resident3 请对办理结果进行评价
# ---- Urgency: the bot asks when unsure; missing and fallen people get their own answer ----
# 4. Signs of danger, no certain frame: one question before anything else; 是 files it urgent.
as resident3
say 明德花园3号楼，我妈刚才在楼道里摔了一跤
expect 现在是否有人被困、受伤、走失，或正在发生危险？
press 是，情况紧急
expect 120
expect @TBH-TF 紧急
# 5. 不紧急 continues the normal flow.
as resident4
say 明德花园6号楼，我爸上楼时摔了一跤
expect 现在是否有人被困、受伤、走失，或正在发生危险？
press 不紧急
expect 请核对
# 6. A missing person: call 110 now, send a photo, the clothes, where last seen; all levels alerted.
as resident5
say 颂运水庭2号楼，我爸有老年痴呆，早上出去遛弯到现在还没回来
expect 110
expect 照片
expect @TBH-TF 走失
say 他穿灰色夹克、戴蓝帽子，最后在小区南门看到的
expect 已转给所有处理人员
expect @TBH-TF 灰色夹克
# ---- The grid worker's own work: 走访登记, filing for an elderly resident, the follow link ----
# 7. A visit with nothing to report: two taps.
as MDHY-01-W1
say 走访登记
expect 请选择楼栋
press 4号楼（33户）
press 无诉求
expect 已登记走访
# 8. An elderly resident who does not use the bot: the worker files for him, with his consent.
say 走访登记
press 5号楼（33户）
say 2-301 独居老人，耳背
expect 5号楼2单元301室
press 代居民反映
expect 居民反映的问题
say 孙大爷家卫生间的水管接头漏水，楼下邻居天花板都湿了
expect 网格员走访代报
press 居民同意留下姓名电话
say 孙大爷 13700001234
expect 经居民同意留存
press 确认提交
expect 已代居民提交
expect /start follow_
expect 这户如果还有别的诉求
expect 网格员王晓东走访代报
# 9. His daughter opens the follow link: from now on she hears every step and rates.
as resident6
open follow_
expect 您已关注工单
expect @MDHY-01-W1 居民已通过关注链接关注
as MDHY-01-W1
press 接单
expect @resident6 已受理
press 办结
say 已更换卫生间水管接头，楼下天花板不再渗水。
expect @resident6 请对办理结果进行评价
as resident6
press 满意
expect 已关闭
# 10. The worker's month so far: the ledger and the worker's own 考核 with visit coverage.
advance 2m
as MDHY-01-W1
say /report 本月
expect 本人考核
expect 走访代报1件
expect 入户走访2户 / 负责198户
"""


class ScriptFailure(Exception):
    """An expected reply did not arrive."""


async def run_script(session: DemoSession, lines: Iterable[str]) -> int:
    """Play a script; returns the number of failed expectations (0 = success)."""
    failures = 0
    mark = 0
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            if line:
                session.echo(f"\n{line}")
            continue
        verb, _, rest = line.partition(" ")
        rest = rest.strip()
        if verb == "expect":
            if not _expect(session, rest, mark):
                failures += 1
                session.echo(f"✗ line {number}: expected {rest!r}")
            continue
        mark = len(session.inbox)
        await _act(session, verb, rest, number)
    session.echo("\n" + ("✓ all expectations met" if not failures else f"✗ {failures} missing"))
    return failures


async def _act(session: DemoSession, verb: str, rest: str, number: int) -> None:
    if verb == "as":
        session.switch(rest)
        session.echo(f"\n👤 现在的身份：{rest}")
    elif verb == "say":
        session.echo(f"\n💬 {session.persona}: {rest}")
        await session.say(rest)
    elif verb == "press":
        session.echo(f"\n👆 {session.persona} 点击「{rest}」")
        await session.press(rest)
    elif verb == "location":
        lat, lon = (float(part) for part in shlex.split(rest))
        await session.location(lat, lon)
    elif verb == "advance":
        await session.advance(rest)
    elif verb == "open":
        session.echo(f"\n🔗 {session.persona} 打开链接 /start {rest}…")
        await session.open_link(rest)
    elif verb == "photo":
        file_id, _, caption = rest.partition(" ")
        session.echo(f"\n📷 {session.persona}: {file_id} {caption}".rstrip())
        await session.photo(file_id, caption.strip() or None)
    else:
        raise ScriptFailure(f"line {number}: unknown command {verb!r}")


def _expect(session: DemoSession, rest: str, mark: int) -> bool:
    persona = None
    if rest.startswith("@"):
        persona, _, rest = rest[1:].partition(" ")
    wanted = rest.strip()
    chat = session.user_id(persona)
    return any(wanted in message.text for message in session.inbox[mark:]
               if message.chat_id == chat)


async def interactive(session: DemoSession, read: Callable[[str], str] = input) -> None:
    """A terminal loop: type as the current persona; /as CODE switches; /press N presses."""
    session.echo("GridDesk 离线演示。直接输入文字即以居民身份反映诉求；"
                  "/as 人员编号 切换身份（如 /as MDHY-01-W1），/press 按钮 点击按钮，"
                  "/advance 3h 快进时间，/quit 退出。")
    while True:
        try:
            line = read(f"[{session.persona}] > ").strip()
        except (EOFError, KeyboardInterrupt):
            return
        if not line:
            continue
        try:
            if line in ("/quit", "/exit"):
                return
            if line.startswith("/as "):
                session.switch(line[4:].strip())
            elif line.startswith("/press "):
                await session.press(line[7:].strip())
            elif line.startswith("/advance "):
                await session.advance(line[9:].strip())
            else:
                await session.say(line)
        except (KeyError, LookupError, ValueError, RuntimeError) as exc:
            session.echo(f"(!) {exc}")
