"""Every user-facing text, in Simplified Chinese; replies are converted for Traditional users.

Labels of reply-keyboard buttons are part of the product contract: residents press them and the
core recognises them (in either script).
"""

from __future__ import annotations

from datetime import timedelta

# Reply-keyboard labels (contract).
BTN_REPORT = "我要反映"
BTN_MY_TICKETS = "我的诉求"
BTN_HELP = "使用帮助"
BTN_TASKS = "我的待办"
BTN_SEND_LOCATION = "📍 发送位置"
BTN_SKIP = "跳过"
BTN_CANCEL = "取消"
BTN_SHARE_CONTACT = "📞 留下联系电话（可选）"

# Inline-button labels (contract).
BTN_CONFIRM = "确认提交"
BTN_EDIT = "修改"
BTN_ABORT = "取消"
BTN_ACCEPT = "接单"
BTN_RESOLVE = "办结"
BTN_ESCALATE = "上报"
BTN_WHISTLE = "吹哨"
BTN_TRANSFER = "转派"
BTN_REJECT = "驳回"
BTN_CHANGE_CATEGORY = "更正类别"
RATING_LABELS = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}

PENDING = "待确认"

GREETING = (
    "您好！这里是{district}“网格通”诉求服务。\n"
    "遇到漏水、停水停电、电梯故障、环境卫生、噪音、邻里纠纷等问题，直接把情况发给我，"
    "我会转给负责您所在小区的网格员，并随时告诉您办理进度。\n\n"
    "点「我要反映」开始，或者直接输入您的问题。"
)
GREETING_STAFF = (
    "{name}您好！您是{role}。新的诉求和上报会发到这里，点按钮即可接单、办结、上报。\n"
    "「我的待办」查看手上的工单；/report 查看上月分析报告或本网格台账。"
)
HELP = (
    "使用帮助：\n"
    "• 直接输入您要反映的问题，最好写上小区和楼号，例如：明德花园5号楼楼道灯坏了。\n"
    "• 可以附上照片，或发送位置帮助我们找到地点。\n"
    "• 提交后会收到工单编号，办理的每一步都会通知您；办结后请为办理结果评价。\n"
    "• 「我的诉求」查看您提交过的诉求；/status 编号 查看某件诉求的进度。\n"
    "• /cancel 随时退出当前操作；/forget 删除您的个人信息。\n"
    "• 遇到火灾、燃气泄漏、有人被困等紧急危险，请立即拨打 119 / 110 / 120。"
)
ASK_DESCRIPTION = "请用文字描述您要反映的问题（可以附照片），最好写上小区名和楼号。"
ASK_ADDRESS = (
    "请告诉我问题发生的具体地点（小区名和楼号，例如：颂运水庭3号楼），"
    "或点下方「发送位置」。说不清楚可以点「跳过」，社区会帮您确认。"
)
ADDRESS_NOT_FOUND = "没能识别这个地址，请写上小区名和楼号再试一次，或点「发送位置」「跳过」。"
ADDRESS_NOT_FOUND_KEPT = (
    "这句话已补充到问题描述里。还需要知道地点：请写上小区名和楼号，或点「发送位置」「跳过」。"
)
LOCATION_OUTSIDE = "这个位置不在{district}的服务范围内。请写上小区名和楼号，或点「跳过」。"
LOCATION_INVALID = "收到的位置信息无效，请重新发送或直接输入地址。"
ASK_EDIT = "请重新描述您的问题（原来的内容会被替换）："
CONTACT_OFFER = "如希望网格员回电，可点下方按钮留下电话（可选，只有负责办理的人员能看到）。"
CONTACT_SAVED = "已记录您的联系电话，只有负责办理的工作人员能看到。"
CONTACT_NOT_OWN = "只能留下您本人的电话，请点按钮分享自己的联系方式。"
PHOTO_ATTACHED = "照片已附上（共{count}张）。"
PHOTO_ASK_TEXT = "照片已收到。请再用文字说明一下是什么问题、在哪个小区哪栋楼。"
CANCELLED = "已取消，没有提交任何内容。需要时随时再找我。"
NOTHING_TO_CANCEL = "当前没有进行中的操作。"
CONVERSATION_LOST = "刚才进行中的操作已失效，请重新开始。"
TOO_LONG = "内容太长了（{length}字），请精简到{limit}字以内再发送。"
EMPTY_TEXT = "没有收到文字内容，请用文字描述您的问题。"
UNSUPPORTED = (
    "抱歉，暂时无法处理{what}。请用文字描述问题，可以附照片或发送位置。"
)
UNSUPPORTED_KINDS = {
    "sticker": "表情贴纸",
    "voice": "语音消息",
    "audio": "音频",
    "video": "视频",
    "video_note": "视频消息",
    "document": "文件",
    "animation": "动图",
    "poll": "投票",
    "dice": "骰子",
    "game": "游戏",
}
EDITED_IGNORED = "修改已发送的消息不会更新诉求内容。如需更正，请在确认前点「修改」，或重新发送。"
GROUP_ONLY_PRIVATE = "为保护隐私，请私聊我反映诉求。"
GROUP_BUTTON = "群聊里的按钮不能操作，请在与我的私聊中处理。"
BUSY = "系统繁忙，请稍后再试。您刚才的内容没有丢失，可以直接重新发送。"
STALE_BUTTON = "这个按钮已失效，请以最新消息为准。"
NOT_ALLOWED = "抱歉，您没有处理这件诉求的权限。"
BANNED = "您的账号已被限制使用本服务。如有疑问请联系所在社区。"
RATE_LIMITED = "您提交得太频繁了，请稍后再试。紧急情况请直接拨打 110 / 119 / 120。"
BURST_LIMITED = "您发送消息太频繁了，请稍后再试。紧急情况请直接拨打 110 / 119 / 120。"
DUPLICATE = "您在{when}已经反映过相同的问题（编号 {number}），正在办理中，无需重复提交。"

SUMMARY_OWN = "请核对您的诉求"
SUMMARY = (
    SUMMARY_OWN + "：\n"
    "类别：{category}\n"
    "地点：{place}\n"
    "内容：{text}{photos}\n\n"
    "确认无误请点「确认提交」。"
)
FILED = (
    "已提交，工单编号 <b>{number}</b>。\n"
    "类别：{category}\n"
    "办理：{handler}\n"
    "时限：{service_level}\n"
    "办理的每一步都会通知您，也可以发送 /status {number} 查询进度。"
)
FILED_URGENT = (
    "⚠️ 这可能是紧急危险！请立即拨打 {numbers} 求助。\n"
    "我们已登记为紧急工单 <b>{number}</b>，并同时通知了网格员和社区、街道、区里的值班人员。\n"
    "地点：{place}"
)
EMERGENCY_NAMES = {"119": "119（火警）", "110": "110（报警）", "120": "120（急救）"}
SERVICE_LEVEL = "{accept}内受理，{resolve}内办结"
SERVICE_LEVEL_EXPECTED = "，预计 {due} 前办结"
HANDLER_GRID = "{grid}网格员{worker}"
HANDLER_TRIAGE = "{community}（先由社区确认负责网格）"
HANDLER_STREET_TRIAGE = "{street}（先由街道确认所在社区和网格）"
HANDLER_DISTRICT_TRIAGE = "{unit}（先确认所在社区和网格）"

STATUS_NAMES = {
    "triage": "待分派",
    "assigned": "待受理",
    "accepted": "办理中",
    "resolved": "已办结",
    "closed": "已关闭",
    "rejected": "已驳回",
}
LEVEL_NAMES = {0: "网格员", 1: "网格党支部", 2: "社区", 3: "街道（镇）", 4: "区社会治理专班"}
MY_TICKETS_EMPTY = "您还没有提交过诉求。直接输入问题即可反映。"
MY_TICKETS_HEAD = "您的诉求（最近{count}件）："
MY_TICKETS_PICK = "点下方按钮查看某件诉求的详细进度。"
STATUS_USAGE = "请在 /status 后面写上工单编号，例如：/status TBH-20261121-0001"
STATUS_NOT_FOUND = "没有找到您名下编号为 {number} 的诉求。"

# Pushed to the reporter.
REPORTER_ACCEPTED = "您的诉求 {number} 已受理，{who}正在处理，预计 {due} 前办结。"
REPORTER_ESCALATED = "您的诉求 {number} 已上报至{level}，会继续跟进办理。"
REPORTER_RESOLVED = (
    "您的诉求 {number} 已办结。\n办理结果：{note}\n\n请对办理结果进行评价："
)
REPORTER_CLOSED = "感谢您的评价！诉求 {number} 已关闭。"
REPORTER_REOPENED = "很抱歉没有让您满意。诉求 {number} 已重新打开，并上报至{level}继续办理。"
REPORTER_REJECTED = "您的诉求 {number} 已驳回。\n原因：{reason}\n如有异议，可以重新反映并补充说明。"
REPORTER_TRANSFERRED = "您的诉求 {number} 已转由{handler}办理。"
RATING_THANKS = "谢谢您的评价。"

# Understanding what residents type (confirmations, questions, ratings, follow-ups).
BTN_NEW_PROBLEM = "新的问题"
BTN_ADD_TO_DRAFT = "补充刚才的内容"
NEW_OR_ADD = "这是新的问题，还是补充刚才的内容？\n「{text}」"
DRAFT_KEPT = "好的，刚才那件诉求先帮您留着，处理完这件再确认它。"
DRAFT_HELD = "您还有一件没提交的诉求，请核对："
IDLE_CONFIRM = "现在没有等待确认的诉求。有问题直接告诉我就行。"
PROGRESS_NONE = "您目前没有正在办理的诉求。直接输入问题即可反映。"
PROGRESS_WHICH = "您有{count}件诉求正在办理，想查哪一件？"
RATE_NONE = "您目前没有等待评价的诉求。谢谢您的反馈！"
RATE_WHICH = "您有{count}件诉求等待评价，请选择要评价哪一件："
THANKS_ASK_RATING = "不客气！诉求 {number} 已办结，方便的话请为办理结果评价："
THANKS_REPLY = "不客气！有需要随时找我。"
UNSATISFIED_REASONS = {"unsolved": "问题没解决", "slow": "太慢", "attitude": "态度不好",
                       "other": "其他"}
ASK_UNSATISFIED_REASON = (
    "请告诉我们 {number} 哪里不满意（点按钮，也可以直接输入具体情况），我们会交给上一级继续办理："
)
ASK_UNSATISFIED_TEXT = "请简单说说哪里不满意："
REOPENED_CARD_NOTE = "居民不满意：{reason}\n上次办理结果：{result}"
FIRST_RECEIVER_REOPENED = (
    "您首接的诉求 {number} 居民评价为不满意（{reason}），已重新打开，交由{level}继续办理。"
)
FIRST_RECEIVER_CLOSED = "您首接的诉求 {number} 居民评价为「{score}」，已关闭。"
UNRATED = "未评价"
UNRATED_REASON = "未说明原因"
REPORTER_AUTO_CLOSED = (
    "您的诉求 {number} 办结已满{days}天未评价，已自动关闭。如仍有问题，可以重新反映。"
)
FORGET_CONFIRM = (
    "确定要删除您的个人信息吗？删除后联系电话、姓名和账号关联都会清除，"
    "您将不再收到已提交诉求的进度通知{unrated}。"
)
FORGET_UNRATED = "，等待评价的诉求会按「未评价」关闭"
BTN_FORGET_YES = "确认删除"
BTN_FORGET_NO = "不删除"
FORGET_KEPT = "好的，没有删除任何信息。"
URGENT_ADVICE_GAS = (
    "燃气泄漏请这样做：\n"
    "1. 不要开关电灯和任何电器，不要拔插头，不要在室内打电话；\n"
    "2. 不要点火、吸烟，不要使用明火；\n"
    "3. 轻轻打开门窗通风，能关的话关闭燃气总阀；\n"
    "4. 立即离开，到室外安全处再拨打 119 和燃气公司抢修电话。"
)

# Staff side.
CARD = (
    "{badge}<b>{number}</b> {category}\n"
    "地点：{place}\n"
    "内容：{text}\n"
    "受理时限：{accept_due}（本级）\n"
    "办结时限：{resolve_due}\n"
    "关键词：{keywords}{contact}{note}"
)
CARD_RESOLVE_DUE = "{due}（自提交起计）"
CARD_LEVEL_DUE = "，本级最迟 {due}"
CARD_DEPARTED = "↪️ <b>{number}</b> {category}\n已转至{place}办理，此卡片不再更新。"
CARD_BADGE_NEW = "🆕 新诉求 "
CARD_BADGE_URGENT = "🚨 紧急 "
CARD_BADGE_TRIAGE = "📥 待分派 "
CARD_BADGE_ESCALATED = "⬆️ 上报 "
CARD_BADGE_TRANSFERRED = "↪️ 转派 "
CARD_CONTACT = "\n联系人：{name} {phone}"
CARD_CONTACT_IN_GROUP = "\n联系人：为保护隐私，群聊中不显示"
CARD_CHANNEL = "\n渠道：{channel}（居民不在本平台，办理进度由该渠道转告）"
CARD_NOTE = "\n说明：{note}"
TRIAGE_HINT = "\n\n自动分派把握不足，请选择负责网格（必要时更正类别）："
TRIAGE_HINT_KNOWN = "\n\n识别为{grid}，类别把握不足：请确认负责网格（必要时更正类别）："
BTN_HAND_IN = "提交办理结果"
BTN_SET_GRID = "指定网格"
ACTION_LABELS = {
    "accept": BTN_ACCEPT,
    "resolve": BTN_RESOLVE,
    "hand_in": BTN_HAND_IN,
    "escalate": BTN_ESCALATE,
    "whistle": BTN_WHISTLE,
    "transfer": BTN_TRANSFER,
    "set_grid": BTN_SET_GRID,
    "reject": BTN_REJECT,
}
TIMELINE_HEAD = "\n\n进展："
TIMELINE_ACTIONS = {
    "assigned": "分派",
    "accepted": "接单",
    "resolved": "办结",
    "closed": "评价并关闭",
    "reopened": "不满意，重新打开至",
    "escalated": "上报至",
    "rejected": "驳回",
    "transferred": "转派",
    "whistle": "吹哨",
    "whistle_reported": "部门报到",
    "recategorised": "更正类别",
    "grid_set": "指定网格",
    "transfer_note": "补充转派原因",
}
ASK_RESOLVE_NOTE = "请简要填写 {number} 的办理结果（可附照片），发送后即办结："
ASK_ESCALATE_REASON = "请填写 {number} 上报的原因："
ASK_REJECT_REASON = "请填写驳回 {number} 的理由（会告知居民）："
ACCEPTED_OK = "已接单：{number}。请在 {due} 前办结。"
RESOLVED_OK = "已办结：{number}，已通知居民评价。"
ESCALATED_OK = "已上报：{number} → {level}。"
REJECTED_OK = "已驳回：{number}。"
TOP_LEVEL = "{number} 已在最高层级（区社会治理专班），无法继续上报。"
WHISTLE_PICK = "{number} 需要哪个部门报到？"
WHISTLE_OK = "已吹哨：{department} 报到处理 {number}，已记入台账。"
WHISTLE_LIAISON = "已通知联络人{name}，报到情况会告诉您。"
WHISTLE_NO_LIAISON = "该部门未配置联络人，请电话联系对方报到。"
WHISTLE_CARD = (
    "📣 吹哨报到 <b>{number}</b> {category}\n"
    "地点：{place}\n"
    "内容：{text}\n"
    "召集人：{summoner}\n"
    "请{department}于 <b>{due}</b> 前报到处理，到场后点「已报到」。"
)
BTN_REPORTED = "已报到"
WHISTLE_REPORTED = "📣 {department} 已报到：{number}。"
WHISTLE_REPORTED_OK = "已记录报到（{time}），谢谢！"
REPORTER_WHISTLE = "您的诉求 {number} 已请{department}协同办理（吹哨报到），要求 {due} 前报到。"
TRANSFER_PICK = "把 {number} 转派到哪个网格？"
CATEGORY_PICK = "把 {number} 更正为哪个类别？"
TRANSFERRED_OK = "已转派：{number} → {target}。"
REFERRED_NOTE = (
    "已在网格间转派{count}次（这次申请转至{grid}）。为避免来回转派，请社区确定负责网格。"
)
REFERRED_WHAT = "多次转派，已提交社区确定负责网格"
REFERRED_OK = "{number} 已转派{count}次，不再直接转派，已提交社区确定负责网格。"
TRANSFERRED_BY = "由{name}转派"
TRANSFER_REASON = "，原因：{reason}"
ASK_TRANSFER_REASON = "可以补充转派原因，我会转告对方（直接发送文字；不需要请点「取消」）："
TRANSFER_REASON_LATER = "↪️ {number} 的转派原因（{name}）：{reason}"
TRANSFER_REASON_SENT = "已转告转派原因：{number}。"
GRID_PICK = "{number} 属于哪个网格？"
GRID_SET = "已指定网格：{number} → {grid}（工单仍由您办理）。"
TRIAGE_ASSIGNED = "已分派：{number} → {grid}。"
CATEGORY_CHANGED = "已更正类别：{number} → {category}。"
NOTE_CANCELLED = "已取消填写。"
HANDED_IN = "原经办人已提交 {number} 的办理结果：{note}\n已请居民评价，您无需再办结。"
HAND_IN_OK = "已提交：{number} 的办理结果已送达居民评价。"
RESULT_PHOTO_SAVED = "照片已收到（共{count}张），请再发送文字说明办理结果。"
STAFF_TEXT_OFFER = "收到。这段文字要作为哪件工单的办理结果？"
STAFF_TEXT_NO_CASE = (
    "您目前没有办理中的工单，这段文字没有提交。"
    "如要替居民反映新问题，请点下方按钮或「我要反映」。"
)
USE_AS_RESULT = "作为 {number} 的办理结果"
BTN_AS_COMPLAINT = "作为新问题反映"
RESULT_FROM_HELD = "已用您刚才发送的文字作为办理结果。"
HELP_STAFF = (
    "工作人员使用帮助：\n"
    "• 新的诉求、上报和转派会以工单卡片发给您；卡片上只显示现在能做的操作，"
    "每次操作后卡片会更新（谁、何时、做了什么）。\n"
    "• 「接单」后「办结」：发送办理结果文字（可先发照片），照片会一并送达居民。\n"
    "• 「上报」交上一级处理；「吹哨」请职能部门报到；「转派」交给其他网格。\n"
    "• 在卡片之外直接发的文字不会被当作新诉求，我会问您是否作为手上工单的办理结果。\n"
    "• 网格员：「走访登记」点楼栋再点「无诉求」即可登记一户；「代居民反映」替不用手机的居民"
    "提交诉求（居民同意才留姓名电话），提交后把关注链接或二维码交给居民。\n"
    "• 「我的待办」查看手上的工单；/report 查看上月分析报告或本网格台账；"
    "/console 获取网页工作台的登录链接；/cancel 退出当前填写。"
)
NO_TASKS = "您目前没有待办工单。"
TASKS_HEAD = "您的待办工单（按时限排序，共{count}件）："
TASKS_OVERDUE = "，其中{count}件已超时："
TASKS_MORE = "……另有{count}件时限较晚的工单未列出。"
OVERDUE_MARK = "⏰已超时"
FIRST_RECEIVER_UPDATE = "您首接的诉求 {number} 有新进展：{what}"
ESCALATION_NOTICE = "{number} 已从{from_level}上报至{to_level}：{reason}"
REMINDER = "⏳ 提醒：{number} 的{kind}时限 {due} 即将到期，请尽快处理。"
REMINDER_KINDS = {"accept": "受理", "resolve": "办结"}
TOP_OVERDUE = "⏰ {number} 在区社会治理专班仍未办结（时限 {due}），请尽快处理。"
UNREACHABLE = "无法把 {number} 的通知送达 {name}（{reason}），现转由您处理。"
BOUND = "绑定成功！{name}，您现在是{role}，工单会发送到这里。"
BIND_INVALID = "这个绑定链接无效或已过期，请向管理员索取新的链接。"
FORGOT = (
    "已删除您的个人信息（联系电话、姓名、精确位置和账号关联），"
    "诉求内容里的电话、证件号码和姓名也已隐去。"
    "诉求已匿名保留用于统计，之后您将不再收到这些诉求的进度通知。"
)
ROLE_NAMES = {
    "grid_worker": "网格员",
    "branch_secretary": "网格党支部书记",
    "community_secretary": "社区党组织书记",
    "street_committee": "街道（镇）党（工）委值班",
    "district_task_force": "区社会治理专班值班",
    "admin": "管理员",
}


def plain_duration(value: timedelta) -> str:
    """A service level as residents say it: 10分钟, 2小时, 1天, 7天."""
    seconds = int(value.total_seconds())
    if seconds % 86400 == 0:
        return f"{seconds // 86400}天"
    if seconds % 3600 == 0:
        return f"{seconds // 3600}小时"
    if seconds >= 3600:
        return f"{seconds / 3600:.1f}小时"
    return f"{max(1, seconds // 60)}分钟"

# The supervisors' web console (handlers/console.py, bot/web/console).
CONSOLE_STAFF_ONLY = "网页工作台只对网格员和各级工作人员开放。"
CONSOLE_LINK = ("网页工作台登录链接（{minutes}分钟内有效，只能使用一次，请勿转发）：\n{link}")
CONSOLE_NOT_ALLOWED = "您不能对这件诉求进行这个操作。"
CONSOLE_REASON_NEEDED = "请填写原因。"
CONSOLE_BAD_CHOICE = "请选择一项。"
CONSOLE_DONE = {
    "accept": "已受理 {number}。",
    "transfer": "{number} 已转派至{target}。",
    "assign": "{number} 已分派至{target}。",
    "referred": "{number} 已转派{count}次，已退回社区确定负责网格。",
    "escalate": "{number} 已上报至{target}。",
    "whistle": "已为 {number} 吹哨，{target}将前来报到。",
    "reject": "{number} 已驳回。",
    "recategorise": "{number} 的类别已更正为「{target}」。",
    "note": "已为 {number} 添加内部备注。",
}

# In a stored notification, what the resident asked to be forgotten (/forget) stands as:
FORGOTTEN = "（内容已应居民要求删除）"
# A phrase composed elsewhere (a status name, a system note) used as a message's argument
PLAIN = "{text}"
