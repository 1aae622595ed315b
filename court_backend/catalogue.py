"""The enforcement domain's fixed lists: process nodes, case kinds, query channels and institutions,
field operations, escalations, roles and the limits that apply to them (see DOMAIN.md)."""

from __future__ import annotations

from dataclasses import dataclass

DAY_S = 86_400.0


@dataclass(frozen=True)
class Node:
    code: str
    phase: str
    name: str
    limit_days: float  # how long a case may stay at this node before it is overdue


PHASES = ("filing", "start", "investigation", "control", "disposal", "credit", "coercion", "funds", "closing")

# The working list of 37 process nodes (DOMAIN.md), in their phases, with the working time limits.
NODES: tuple[Node, ...] = (
    Node("filing_review", "filing", "立案审查", 7),
    Node("filing_registration", "filing", "立案登记", 3),
    Node("assignment", "filing", "分案", 7),
    Node("execution_notice", "start", "发送执行通知书", 3),
    Node("asset_report_order", "start", "发送报告财产令", 3),
    Node("asset_declaration", "start", "被执行人申报财产", 10),
    Node("service_of_documents", "start", "文书送达", 10),
    Node("network_query_national", "investigation", "网络查控（总对总）", 3),
    Node("network_query_provincial", "investigation", "网络查控（点对点）", 3),
    Node("traditional_investigation", "investigation", "传统调查（登门临柜）", 30),
    Node("clue_verification", "investigation", "财产线索核查", 7),
    Node("reward_notice", "investigation", "悬赏公告", 30),
    Node("audit_investigation", "investigation", "审计调查", 30),
    Node("freeze", "control", "冻结", 2),
    Node("seal_up", "control", "查封", 5),
    Node("seizure", "control", "扣押", 5),
    Node("deduction", "control", "扣划/提取", 5),
    Node("appraisal", "disposal", "委托评估", 30),
    Node("price_inquiry", "disposal", "询价", 10),
    Node("online_auction", "disposal", "网络司法拍卖", 60),
    Node("sale", "disposal", "变卖", 60),
    Node("settlement_in_kind", "disposal", "以物抵债", 30),
    Node("exit_restriction", "credit", "限制出境", 5),
    Node("consumption_restriction", "credit", "限制高消费", 3),
    Node("dishonest_listing", "credit", "纳入失信名单", 5),
    Node("fine", "coercion", "罚款", 10),
    Node("detention", "coercion", "司法拘留", 5),  # the deadline to carry a decision out: its term is up to 15 days
    Node("criminal_referral", "coercion", "移送拒执犯罪线索", 30),
    Node("funds_received", "funds", "案款到账", 3),
    Node("funds_paid_out", "funds", "案款发放", 30),
    Node("settlement", "closing", "执行和解", 30),
    Node("closing_review", "closing", "结案审查", 7),
    Node("completed", "closing", "执行完毕", 0),
    Node("terminated_for_now", "closing", "终结本次执行程序", 0),
    Node("terminated", "closing", "终结执行", 0),
    Node("not_enforced", "closing", "不予执行", 0),
    Node("archived", "closing", "归档", 0),
)
NODE_BY_CODE = {node.code: node for node in NODES}
FINAL_NODES = frozenset({"completed", "terminated_for_now", "terminated", "not_enforced", "archived"})
# A passive officer (消极执行) keeps a case at each node, and a complaint unconcluded, this many times
# as long as the others do: the simulation's source of the findings of passive enforcement.
NEGATIVE_ENFORCEMENT_FACTOR = 3.0
CASE_LIMIT_DAYS = {"litigation": 180, "non_litigation": 90}
COMPLAINT_LIMIT_DAYS = 30  # an enforcement complaint (执行信访) concluded within (法〔2021〕227号 art. 5)

CASE_KINDS = {"first": "首次执行", "resumed": "恢复执行", "preservation": "财产保全执行", "non_litigation": "非诉执行"}
# A case number's case-type code (案件类型代字), by kind: a 非诉执行 case is an 执 case too.
CASE_TYPE_CODES = {"first": "执", "resumed": "执恢", "preservation": "执保", "non_litigation": "执"}
TRACKS = ("simple", "complex")
FLAGS = (
    "dishonest",
    "consumption_restricted",
    "exit_restricted",
    "terminated_for_now",
    "bankruptcy_candidate",
    "bankruptcy_referred",
    "relief_granted",
)
TAGS = ("livelihood", "campaign_new_year", "campaign_hundred_days")

CHANNELS = {"national": "总对总", "provincial": "点对点"}
CATEGORIES = {
    "bank": "银行",
    "securities": "证券登记结算",
    "payment": "网络支付平台",
    "vehicle": "车辆",
    "real_estate": "不动产",
    "provident_fund": "住房公积金",
    "social_security": "社会保险",
    "business_registration": "工商登记",
    "ship": "船舶",
}
# What a hit of each category is, and the measures it takes (DOMAIN.md, "Network query-and-control"):
# money is frozen, then deducted; real estate is sealed up; vehicles and ships are sealed up or
# seized; equity is frozen; social insurance and the provident fund tell of work and income, with
# nothing to take.
ASSET_OF_CATEGORY = {
    "bank": "deposit",
    "securities": "funds",
    "payment": "funds",
    "vehicle": "vehicle",
    "real_estate": "real_estate",
    "provident_fund": "information",
    "social_security": "information",
    "business_registration": "equity",
    "ship": "ship",
}
MEASURES_FOR_ASSET = {
    "deposit": ("freeze", "deduct"),
    "funds": ("freeze", "deduct"),
    "equity": ("freeze",),
    "real_estate": ("seal_up",),
    "vehicle": ("seal_up", "seize"),
    "ship": ("seal_up", "seize"),
    "information": (),
}
MONEY_ASSETS = ("deposit", "funds")  # measured in yuan; a registry gives property, not its value
MEASURE_KINDS = ("freeze", "deduct", "seal_up", "seize")
CONTROL_MEASURES = ("freeze", "seal_up", "seize")  # they hold an asset for a term; a deduction takes money
# How long a control measure holds unless renewed, and each renewal (续行) for as long again: bank
# deposits one year, movables two, real estate and other property rights three (最高人民法院关于适用
# 《中华人民共和国民事诉讼法》的解释, 法释〔2022〕11号 art. 485; art. 487 of the 2015 text).
CONTROL_TERM_DAYS = {"deposit": 365, "funds": 365, "vehicle": 730, "ship": 730, "real_estate": 1095, "equity": 1095}
RENEWAL_WARNING_DAYS = 30  # the renewal (续行查封、续冻) warned this long before the term ends

INSTITUTIONS = {
    "bank": (
        "中国工商银行",
        "中国农业银行",
        "中国银行",
        "中国建设银行",
        "交通银行",
        "中国邮政储蓄银行",
        "招商银行",
        "中信银行",
        "中国光大银行",
        "华夏银行",
        "中国民生银行",
        "广发银行",
        "平安银行",
        "兴业银行",
        "上海浦东发展银行",
        "浙商银行",
        "渤海银行",
        "恒丰银行",
        "成都银行",
        "四川银行",
        "四川农村商业联合银行",
        "成都农村商业银行",
        "乐山市商业银行",
        "绵阳市商业银行",
        "宜宾市商业银行",
        "泸州银行",
        "自贡银行",
        "达州银行",
    ),
    "securities": ("中国证券登记结算有限责任公司",),
    "payment": ("支付宝（中国）网络技术有限公司", "财付通支付科技有限公司", "京东支付", "银联商务"),
    "vehicle": ("公安部交通管理局", "四川省公安厅交通警察总队"),
    "real_estate": ("自然资源部不动产登记中心", "四川省不动产登记中心"),
    "provident_fund": ("四川省住房公积金管理中心", "成都住房公积金管理中心"),
    "social_security": ("人力资源和社会保障部", "四川省社会保险事业管理局"),
    "business_registration": ("国家市场监督管理总局", "四川省市场监督管理局"),
    "ship": ("交通运输部海事局",),
}
# The provincial channel reaches local institutions only; the national one reaches the head offices.
PROVINCIAL_INSTITUTIONS = {
    "成都银行",
    "四川银行",
    "四川农村商业联合银行",
    "成都农村商业银行",
    "乐山市商业银行",
    "绵阳市商业银行",
    "宜宾市商业银行",
    "泸州银行",
    "自贡银行",
    "达州银行",
    "四川省公安厅交通警察总队",
    "四川省不动产登记中心",
    "四川省住房公积金管理中心",
    "成都住房公积金管理中心",
    "四川省社会保险事业管理局",
    "四川省市场监督管理局",
}
# Freezes and deductions above this many yuan wait for a supervisor's approval (two-person rule).
APPROVAL_THRESHOLD_YUAN = 1_000_000

TASK_KINDS = {
    "service": "送达",
    "investigation": "现场调查",
    "seal": "查封",
    "seize": "扣押",
    "search": "搜查",
    "compel": "拘传",
    "detain": "拘留",
    "evict": "强制腾退",
    "notice": "张贴公告",
}
TASK_STATES = ("assigned", "accepted", "en_route", "on_scene", "done", "failed", "cancelled")
TASK_OPEN_STATES = frozenset({"assigned", "accepted", "en_route", "on_scene"})

SEVERITIES = ("P1", "P2", "P3", "P4")
ACK_DEADLINE_S = {"P1": 60.0, "P2": 300.0, "P3": 1800.0, "P4": 14_400.0}
ESCALATION_KINDS = {
    # raised by a team
    "sos": ("一键求助", "P1"),
    "violent_resistance": ("暴力抗法", "P1"),
    "self_harm_threat": ("当事人以自伤相威胁", "P1"),
    "crowd_gathering": ("人员聚集", "P2"),
    "injury": ("人员受伤", "P1"),
    "police_support": ("请求公安支援", "P2"),
    "detention_decision": ("需作出拘留决定", "P2"),
    "new_asset_found": ("现场发现新财产", "P3"),
    # raised by the system
    "asset_flight_risk": ("财产转移风险", "P2"),
    "hit_awaiting_freeze": ("查控命中待冻结", "P3"),
    "terminated_case_hit": ("终本案件发现财产", "P3"),
    "measure_lapsing": ("控制措施即将到期", "P3"),
    "family_notice_due": ("拘留未通知家属", "P2"),
    "family_notice_overdue": ("拘留逾期未通知家属", "P1"),
    "bankruptcy_ruling_due": ("移送破产审查逾期未裁定", "P3"),
    "supervision_overdue": ("督办逾期未回复", "P2"),
    "lost_contact": ("队伍失联", "P2"),
    "checkin_missed": ("未按时报平安", "P2"),  # rises to P1 at five minutes (`check_ins`)
    "duress": ("暗号求救", "P1"),  # a check-in with the team's silent code
}
ESCALATION_STATES = ("open", "acknowledged", "escalated", "resolved")
MAX_DETENTION_DAYS = 15

# The contract's version: a client refuses another major, and takes a newer minor (which only adds).
API_VERSION = "1.6"

# What each permission allows: the vocabulary GET /me speaks, published in the contract.
PERMISSION_MEANINGS = {
    "read": "read the casework: courts, cases, teams, tasks, messages, queries, measures, approvals, "
    "escalations, KPIs, the audit log and the event stream",
    "task.dispatch": "send a team to a case, re-task it, cancel a task",
    "task.check_in": "record a team's check-in on scene (报平安), as its field device or its radio call gives it",
    "team.message": "send an instruction to a team",
    "escalation.handle": "acknowledge, escalate and resolve an escalation",
    "escalation.take": "take an escalation sent on to a supervisor or to the court above",
    "query.launch": "launch an asset query",
    "measure.order": "order a measure on a hit (freeze, deduct, seal up, seize) and renew one before it lapses;"
    " value and sell property (询价/评估, auctions, 变卖, 以物抵债)",
    "approval.decide": "approve or reject a measure above the approval threshold",
    "coercion.request": "ask for a detention, a fine or a 拘传 (compelled appearance)",
    "coercion.decide": "decide a detention, a fine or a 拘传",
    "party.reveal": "reveal one party's personal data, for a reason",
    "case.record": "record an act done on a case: the applicant heard, an investigation on the spot, an order issued",
    "case.terminate": "terminate the current enforcement procedure (终本) once its conditions are met, and resume"
    " a 终本 case (恢复执行)",
    "funds.record": "record money received into a case's account (执行款专户)",
    "funds.pay": "pay money out of a case's account, within its balance",
    "case.refer": "propose a company respondent's case for bankruptcy review (执转破), record the ruling at the court"
    " it went to, and apply for judicial relief (执行救助) for an applicant in hardship",
    "bankruptcy.transfer": "sign the decision to transfer a case for bankruptcy review",
    "credit.order": "list a respondent as a dishonest judgment debtor, restrict its high consumption or its"
    " leaving the country, and lift each",
    "supervision.reply": "reply to a supervision order (督办) addressed to one's own court",
    "supervision.issue": "issue a supervision order (督办) to a court below one's own, and accept or return its reply",
    "finding.decide": "confirm or dismiss a finding of passive enforcement (消极执行) on a court below one's own,"
    " and record one by hand",
}
# Who may do what (DOMAIN.md, Roles): the one table that the backend enforces and GET /me lists.
ROLES = ("observer", "operator", "supervisor", "president", "admin")
CASEWORK = (
    "read",
    "task.dispatch",
    "task.check_in",
    "team.message",
    "escalation.handle",
    "query.launch",
    "measure.order",
    "coercion.request",
    "party.reveal",
    "case.record",
    "funds.record",
    "credit.order",
    "case.refer",
    "supervision.reply",
)
PERMISSIONS = {
    "observer": ("read",),  # 领导查看: reads only
    "operator": CASEWORK,  # 值班员/承办人
    # 指挥长: approves measures above the threshold, takes escalations sent to a supervisor or from
    # the courts below, and (standing for the head of the enforcement bureau) decides 终本 and 恢复执行
    # and signs the payout of case money (执行款发放审批)
    "supervisor": (
        *CASEWORK,
        "approval.decide",
        "escalation.take",
        "case.terminate",
        "funds.pay",
        "supervision.issue",
        "finding.decide",
    ),
    # 院长/副院长: decides detentions, fines and 拘传, and signs a transfer for bankruptcy review (执转破)
    "president": ("read", "party.reveal", "coercion.decide", "bankruptcy.transfer"),
    "admin": (),  # manages the accounts, with the backend's CLI; no casework
}
# Coercive measures (民诉法: 拘传、罚款、拘留必须经院长批准): asked for with grounds, decided by a president.
COERCION_KINDS = ("detention", "fine", "compel")
MAX_FINE_PERSON_YUAN = 100_000
FINE_ORGANISATION_YUAN = (50_000, 1_000_000)
# The people of a field team (DOMAIN.md, Wording): 执行法官, 法官助理, 书记员, 法警.
CREW_ROLES = {"judge": "执行法官", "assistant": "法官助理", "clerk": "书记员", "bailiff": "法警"}
# Tasks that take a person into custody or before the court: only a team with judicial police (法警)
# goes (送拘: 由司法警察将被拘留人送公安机关看管).
BAILIFF_TASKS = frozenset({"detain", "compel"})
