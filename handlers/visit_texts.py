"""Texts of the grid worker's own work: filing for a resident (代报), the follow link, visits.

Simplified Chinese; `Ctx.say` and the notifier convert them for Traditional writers."""

from __future__ import annotations

BTN_FILE_FOR = "代居民反映"
BTN_VISIT = "走访登记"
BTN_NO_REQUEST = "无诉求"
BTN_MORE_FOR_HOUSEHOLD = "这户还有诉求"
BTN_CONSENT = "居民同意留下姓名电话"

NOT_GRID_WORKER = "「{what}」只对网格员开放。"
ASK_DESCRIPTION = (
    "代居民反映：请写下居民反映的问题（可以先发照片或位置）。"
    "没写地点的，默认记在您的网格{where}。"
)
SUMMARY_RESIDENTS = "请核对居民的诉求"
SUMMARY_ON_BEHALF = "\n来源：网格员走访代报"
SUMMARY_CONTACT = "\n居民联系方式：{name} {phone}（经居民同意留存）"
SUMMARY_NO_CONTACT = "\n居民联系方式：未留（居民同意后可点「居民同意留下姓名电话」）"
ASK_CONTACT = (
    "请先征得居民同意，再发送居民的姓名和电话，例如：张大爷 13912345678\n"
    "只有负责办理的人员能看到。居民不愿留的，直接点摘要上的「确认提交」即可。"
)
CONTACT_BAD = "没有认出电话号码，请按“姓名 电话”发送，例如：张大爷 13912345678"
FILED = (
    "已代居民提交，工单编号 <b>{number}</b>。\n"
    "类别：{category}\n"
    "办理：{handler}\n"
    "时限：{service_level}"
)
FOLLOW = (
    "\n\n请把下面的关注链接（或随后发送的二维码）交给居民：居民用手机打开后，"
    "办理进展都会直接通知居民，办结后由居民自己评价。\n{link}\n"
    "居民不用机器人的，办结后请您电话回访，评价记为“电话回访”。"
)
FOLLOW_BOUND = (
    "您已关注工单 <b>{number}</b>（{category}，{status}）。"
    "这是网格员走访时为您登记的诉求，之后的办理进展都会发给您，办结后请您评价。"
)
FOLLOW_BOUND_STAFF = "居民已通过关注链接关注 {number}，之后的进展会直接通知居民。"
FOLLOW_STAFF = "这是给居民的关注链接，请交给居民本人用手机打开（工作人员账号不能关注）。"
FOLLOW_INVALID = "这个关注链接无效或已经使用过了。如有疑问，请联系为您登记的网格员。"
PHONE_RATE = (
    "{number} 已办结：{note}\n"
    "居民没有在机器人里关注这件诉求，请电话回访居民，并按居民的评价点下面的按钮。"
)
PHONE_RATED = "已记录电话回访评价：{score}。"
PHONE_RATE_UNSATISFIED = "电话回访：居民不满意"

VISIT_ASK_BUILDING = (
    "走访登记 · {grid}\n请选择楼栋；也可以直接发送“楼栋-单元-房号”，如 3-2-301，后面可加一句备注。"
)
VISIT_ASK_HOUSEHOLD = (
    "走访登记 · {where}\n请发送单元和房号（如 2-301），可加一句备注；"
    "入户没有诉求的直接点「无诉求」，有诉求点「代居民反映」。"
)
VISIT_NOTED = "已记下：{where}{note}\n没有诉求请点「无诉求」，有诉求点「代居民反映」。"
VISIT_BAD_BUILDING = "没有认出楼栋：本网格是 {low}–{high} 号楼。请点楼栋按钮，或发送如 3-2-301。"
VISIT_BAD_HOUSEHOLD = "没有认出房号，请发送如 2-301（单元-房号）或 301，后面可加一句备注。"
VISIT_LOGGED = "✅ 已登记走访：{where}，无诉求。\n{coverage}"
VISIT_COVERAGE = "本月您已走访 {visited} 户，负责 {households} 户，覆盖率 {share}。"
VISIT_COVERAGE_UNKNOWN = "本月您已走访 {visited} 户。"
VISIT_FILED = "已记入这次走访。这户如果还有别的诉求，请点下面的按钮。"
NOTE_LABEL = "；备注：{note}"
NO_HOUSEHOLD = "（未记房号）"
CARD_CONSENT = "（经居民同意留存）"
CARD_FILED_BY = "\n来源：网格员{name}走访代报"
