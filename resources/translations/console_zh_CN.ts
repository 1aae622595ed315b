<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActDialog</name>
    <message>
        <source>Record as done</source>
        <translation>记录已办事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办事项</translation>
    </message>
    <message>
        <source>e.g. Applicant told by phone and heard</source>
        <translation>例：已电话告知申请执行人并听取其意见</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>ApprovalsModel</name>
    <message>
        <source>Approval</source>
        <translation>审批事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>提请人</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{person}, {days} days, already detained in an emergency (approval to follow): {reason}</source>
        <translation>{person}，{days}日，已紧急拘留（补办批准）：{reason}</translation>
    </message>
    <message>
        <source>{person}, {days} days: {reason}</source>
        <translation>{person}，{days} 日：{reason}</translation>
    </message>
    <message>
        <source>{person}, {amount}: {reason}</source>
        <translation>{person}，{amount}：{reason}</translation>
    </message>
    <message>
        <source>{person}: {reason}</source>
        <translation>{person}：{reason}</translation>
    </message>
</context>
<context>
    <name>ApprovalsPanel</name>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>Pick an approval.</source>
        <translation>请选择一项审批。</translation>
    </message>
    <message>
        <source>Already decided.</source>
        <translation>已作出决定。</translation>
    </message>
    <message>
        <source>a president</source>
        <translation>院长</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <source>Only {who} decides: it needs the permission to {permission}.</source>
        <translation>只有{who}可以决定：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>You asked for it: someone else must decide (two-person rule).</source>
        <translation>这是您提出的申请：须由他人决定（双人规则）。</translation>
    </message>
    <message>
        <source>Your decision is on its way.</source>
        <translation>您的决定正在发送。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>Approve {what}</source>
        <translation>批准 {what}</translation>
    </message>
    <message>
        <source>Reject {what}</source>
        <translation>驳回 {what}</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>Not exported: {backend} is no longer followed.</source>
        <translation>未导出：已不再连接 {backend}。</translation>
    </message>
    <message>
        <source>Exporting the audit log of {backend}…</source>
        <translation>正在导出 {backend} 的审计日志…</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>未导出：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries written to {path}.</source>
        <translation>
            <numerusform>已将 %n 条审计记录写入 {path}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditExportDialog</name>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>No backend is followed.</source>
        <translation>未连接任何后端。</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>截止时间早于开始时间。</translation>
    </message>
    <message>
        <source>Choose a file in a folder that exists.</source>
        <translation>请选择已存在的文件夹中的文件。</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Refused ({outcome}): {permission}</source>
        <translation>被拒绝（{outcome}）：{permission}</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Cases closed</source>
        <translation>执结案件</translation>
    </message>
    <message>
        <source>Money realised</source>
        <translation>执行到位金额</translation>
    </message>
    <message>
        <source>Listed as dishonest</source>
        <translation>纳入失信名单</translation>
    </message>
    <message>
        <source>{backend} runs no campaigns (a backend before API 1.5).</source>
        <translation>{backend} 不提供专项执行行动数据（后端接口版本低于 1.5）。</translation>
    </message>
    <message>
        <source>No campaign.</source>
        <translation>暂无专项行动。</translation>
    </message>
    <message>
        <source>{start} – {end}: day {gone} of {days}. Closed {closed} of {closed_goal}, realised {realised} of {realised_goal}, listed {listed} of {listed_goal}.</source>
        <translation>{start} 至 {end}：第 {gone} 天，共 {days} 天。执结 {closed}（目标 {closed_goal}），执行到位 {realised}（目标 {realised_goal}），纳入失信 {listed}（目标 {listed_goal}）。</translation>
    </message>
</context>
<context>
    <name>CaseActionsTab</name>
    <message>
        <source>Open a case first (Ctrl+F finds one by its number or a party).</source>
        <translation>请先打开案件（Ctrl+F 可按案号或当事人查找）。</translation>
    </message>
    <message>
        <source>Wait for the case&apos;s detail to load.</source>
        <translation>请等待案件详情加载完毕。</translation>
    </message>
    <message>
        <source>Not allowed: it needs the permission to {permission}.</source>
        <translation>无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Enforcement is suspended: the case is transferred for bankruptcy review.</source>
        <translation>已中止执行：案件已移送破产审查。</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>officer {officer}</source>
        <translation>承办人 {officer}</translation>
    </message>
    <message>
        <source>Filed {filed} · due {deadline}</source>
        <translation>立案 {filed} · 期限 {deadline}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已超期 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>At {node} since {entered}</source>
        <translation>自 {entered} 起处于“{node}”</translation>
    </message>
    <message>
        <source>due {deadline}</source>
        <translation>期限 {deadline}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>{applicant} against {respondent}</source>
        <translation>申请执行人 {applicant} · 被执行人 {respondent}</translation>
    </message>
    <message>
        <source>Realised {realised} of {sought}</source>
        <translation>已执行到位 {realised}，申请标的 {sought}</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Export audit…</source>
        <translation>导出审计…</translation>
    </message>
    <message>
        <source>The case&apos;s audit trail as JSON Lines, verifiable offline</source>
        <translation>以 JSON Lines 导出本案审计记录，可离线校验</translation>
    </message>
    <message>
        <source>Reveal personal data…</source>
        <translation>查看个人信息…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>外勤任务</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>查控</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Open a case: its number or a part of it, a party, a court</source>
        <translation>打开案件：输入案号或其一部分、当事人或法院</translation>
    </message>
    <message>
        <source>No case open. To open one: type its number, or a part of it, above (e.g. {example}); or press Ctrl+F and type a party&apos;s name or its court; or click it on the map or in a table.</source>
        <translation>尚未打开案件。打开方法：在上方输入案号或其一部分（如 {example}）；或按 Ctrl+F 输入当事人姓名或法院；或在地图、表格中点选。</translation>
    </message>
    <message>
        <source>终本 conditions ({unmet} unmet)</source>
        <translation>终本条件（{unmet} 项未满足）</translation>
    </message>
    <message>
        <source>终本</source>
        <translation>终本</translation>
    </message>
    <message>
        <source>Disposal ({selling} being sold)</source>
        <translation>财产处置（{selling} 件处置中）</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>财产处置</translation>
    </message>
    <message>
        <source>Case funds ({late} overdue)</source>
        <translation>案款（{late} 笔逾期）</translation>
    </message>
    <message>
        <source>Case funds</source>
        <translation>案款</translation>
    </message>
    <message>
        <source>Coercive measures ({untold} family not told)</source>
        <translation>强制措施（{untold}人家属未通知）</translation>
    </message>
    <message>
        <source>Coercive measures</source>
        <translation>强制措施</translation>
    </message>
    <message>
        <source>Credit punishment ({held})</source>
        <translation>信用惩戒（{held}）</translation>
    </message>
    <message>
        <source>Credit punishment</source>
        <translation>信用惩戒</translation>
    </message>
    <message>
        <source>Bankruptcy and relief</source>
        <translation>执转破与救助</translation>
    </message>
    <message>
        <source>Supervision ({waiting} awaiting a reply)</source>
        <translation>督办（{waiting} 件待回复）</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Cannot load the case&apos;s history: not connected to {backend}.</source>
        <translation>无法加载案件流程记录：未连接到 {backend}。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s history and audit trail…</source>
        <translation>正在加载案件流程记录和审计记录…</translation>
    </message>
    <message>
        <source>Could not load the case&apos;s detail: {error}</source>
        <translation>无法加载案件详情：{error}</translation>
    </message>
    <message>
        <source>Audit entry {id} of this case does not match its hash.</source>
        <translation>本案审计记录 {id} 与其哈希不符。</translation>
    </message>
    <message>
        <source>The audit chain is broken at entry {id}.</source>
        <translation>审计链在第 {id} 条处断裂。</translation>
    </message>
    <message>
        <source>Audit verified to entry {id} ({at}).</source>
        <translation>审计链已校验至第 {id} 条（{at}）。</translation>
    </message>
    <message>
        <source>Open a case first.</source>
        <translation>请先打开案件。</translation>
    </message>
    <message>
        <source>Not allowed: it needs the permission to {permission}.</source>
        <translation>无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Pick a party in the Parties tab.</source>
        <translation>请在“当事人”页选择一方当事人。</translation>
    </message>
    <message>
        <source>Show the picked party&apos;s ID number, phone and address, for a reason</source>
        <translation>说明理由后查看所选当事人的证件号、电话和住址</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n audit entries written to {path}.</source>
        <translation>
            <numerusform>已将 %n 条审计记录写入 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not revealed: {error}</source>
        <translation>未能查看：{error}</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>{party}. This reveal is kept in the audit log; the data is not kept here.</source>
        <translation>{party}。本次查看已记入审计日志；本机不保存这些信息。</translation>
    </message>
</context>
<context>
    <name>CoercionDialog</name>
    <message>
        <source>Ask for a coercive measure</source>
        <translation>申请强制措施</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>e.g. the respondent&apos;s legal representative</source>
        <translation>例如：被执行人的法定代表人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>拘留</translation>
    </message>
    <message>
        <source>Already detained on the spot (emergency): approval follows</source>
        <translation>已在现场紧急拘留，事后补办批准</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>{low} to {high} for this respondent.</source>
        <translation>对该被执行人：{low}至{high}。</translation>
    </message>
    <message>
        <source>e.g. Hid the car under seal on 28 November</source>
        <translation>例如：11月28日隐匿被查封车辆</translation>
    </message>
    <message>
        <source>Act punished</source>
        <translation>妨害行为</translation>
    </message>
    <message>
        <source>e.g. Obstructed the seizure by force</source>
        <translation>例如：以暴力阻碍扣押</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Name the person.</source>
        <translation>请填写对象姓名。</translation>
    </message>
    <message>
        <source>A fine on this respondent is {low} to {high}.</source>
        <translation>对该被执行人的罚款为{low}至{high}。</translation>
    </message>
    <message>
        <source>Give the grounds: the president who decides reads them.</source>
        <translation>请填写事由：作出决定的院长将审阅。</translation>
    </message>
</context>
<context>
    <name>CoercionView</name>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Act punished</source>
        <translation>妨害行为</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定书</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>执行队伍</translation>
    </message>
    <message>
        <source>Family told</source>
        <translation>通知家属</translation>
    </message>
    <message>
        <source>Family &amp;told…</source>
        <translation>已通知家属(&amp;T)…</translation>
    </message>
    <message>
        <source>Review &amp;applied for…</source>
        <translation>已申请复议(&amp;A)…</translation>
    </message>
    <message>
        <source>Decide the re&amp;view…</source>
        <translation>复议决定(&amp;V)…</translation>
    </message>
    <message>
        <source>Grounds: {reason}</source>
        <translation>事由：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>{measure}, %n day(s)</source>
        <translation>
            <numerusform>{measure}，%n日</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for a team with judicial police</source>
        <translation>等待有法警的队伍</translation>
    </message>
    <message>
        <source>Told {when}</source>
        <translation>已于{when}通知</translation>
    </message>
    <message>
        <source>Overdue since {when}</source>
        <translation>已超时（应于{when}前通知）</translation>
    </message>
    <message>
        <source>By {when}</source>
        <translation>应于{when}前通知</translation>
    </message>
    <message>
        <source>Open a case to see its coercive measures.</source>
        <translation>打开案件以查看其强制措施。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s coercive measures…</source>
        <translation>正在载入案件的强制措施…</translation>
    </message>
    <message>
        <source>This backend keeps no record of coercive measures on a case.</source>
        <translation>该后端不记录案件的强制措施。</translation>
    </message>
    <message>
        <source>No coercive measure on this case. Ask for one with Ctrl+Shift+D: a president decides.</source>
        <translation>本案尚无强制措施。按 Ctrl+Shift+D 申请，由院长决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n coercive measure(s); a president&apos;s decision awaited on {waiting}.</source>
        <translation>
            <numerusform>强制措施%n项，待院长决定{waiting}项。</numerusform>
        </translation>
    </message>
    <message>
        <source>{person}&apos;s family is to be told by {when} (within 24 hours of the detention).</source>
        <translation>{person}的家属应于{when}前通知（拘留后24小时内）。</translation>
    </message>
    <message>
        <source>Pick a coercive measure in the list first.</source>
        <translation>请先在列表中选中一项强制措施。</translation>
    </message>
    <message>
        <source>The family was told {when}.</source>
        <translation>已于{when}通知家属。</translation>
    </message>
    <message>
        <source>No one is detained by it: there is no family to tell.</source>
        <translation>该措施未拘留任何人，无需通知家属。</translation>
    </message>
    <message>
        <source>Already reviewed once: {state}.</source>
        <translation>已复议一次：{state}。</translation>
    </message>
    <message>
        <source>Only a decided fine or detention is reviewed.</source>
        <translation>只有已决定的罚款或拘留可以申请复议。</translation>
    </message>
    <message>
        <source>Too late: a review was to be applied for by {when}, 3 days from the decision.</source>
        <translation>已逾期：复议应于{when}前申请（收到决定书之日起3日内）。</translation>
    </message>
    <message>
        <source>No review of it is waiting for a decision.</source>
        <translation>没有待决定的复议。</translation>
    </message>
    <message>
        <source>Only the court above decides a review: {court}.</source>
        <translation>复议由上一级法院决定：{court}。</translation>
    </message>
    <message>
        <source>The family told</source>
        <translation>已通知家属</translation>
    </message>
    <message>
        <source>How, and whom</source>
        <translation>通知方式及对象</translation>
    </message>
    <message>
        <source>e.g. By telephone to his wife, 13:20</source>
        <translation>例如：13:20电话通知其妻</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Review applied for</source>
        <translation>已申请复议</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请情况</translation>
    </message>
    <message>
        <source>e.g. Applied in writing on receiving the decision</source>
        <translation>例如：收到决定书后书面申请</translation>
    </message>
    <message>
        <source>Family told: {what} ({case})</source>
        <translation>已通知家属：{what}（{case}）</translation>
    </message>
    <message>
        <source>Review applied for: {what} ({case})</source>
        <translation>已申请复议：{what}（{case}）</translation>
    </message>
    <message>
        <source>Review decided: {what} ({case})</source>
        <translation>复议已决定：{what}（{case}）</translation>
    </message>
</context>
<context>
    <name>ConnectionModel</name>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>登录身份</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Events/s</source>
        <translation>事件/秒</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件数</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近事件</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Plain HTTP to another machine: what is sent, the password included, can be read on the way.</source>
        <translation>明文 HTTP 连接到其他主机：发送的内容（包括密码）在传输途中可被读取。</translation>
    </message>
    <message>
        <source>{url}  (insecure)</source>
        <translation>{url}  （不安全）</translation>
    </message>
    <message>
        <source>{age} ago</source>
        <translation>{age}前</translation>
    </message>
</context>
<context>
    <name>ConnectionPanel</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Remove {name} and forget its password? What it shows goes from every panel.</source>
        <translation>删除“{name}”并清除其密码？它的数据将从所有面板中移除。</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) not yet delivered to it will be withdrawn.</source>
        <translation>
            <numerusform>尚未送达的 %n 项操作将被撤回。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除连接配置</translation>
    </message>
</context>
<context>
    <name>CourtFiguresPanel</name>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Open enforcement cases</source>
        <translation>未结执行案件</translation>
    </message>
    <message>
        <source>Dishonest</source>
        <translation>失信</translation>
    </message>
    <message>
        <source>On the list of dishonest judgment debtors</source>
        <translation>纳入失信被执行人名单</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>限高</translation>
    </message>
    <message>
        <source>Restricted in high consumption</source>
        <translation>限制高消费</translation>
    </message>
    <message>
        <source>Exit ban</source>
        <translation>限制出境</translation>
    </message>
    <message>
        <source>Restricted in leaving the country</source>
        <translation>限制出境</translation>
    </message>
    <message>
        <source>Bankruptcy</source>
        <translation>执转破</translation>
    </message>
    <message>
        <source>Transferred for bankruptcy review, not refused</source>
        <translation>已移送破产审查且未被裁定不予受理</translation>
    </message>
    <message>
        <source>Relief</source>
        <translation>救助</translation>
    </message>
    <message>
        <source>Applicants paid judicial relief</source>
        <translation>已发放执行救助金的申请执行人</translation>
    </message>
    <message numerus="yes">
        <source>Dishonest list {0} · high consumption restricted {1} · exit restricted {2} · transferred for bankruptcy {3} · relief paid {4}, in %n court(s).</source>
        <translation>
            <numerusform>失信 {0} · 限高 {1} · 限制出境 {2} · 执转破 {3} · 执行救助 {4}，共%n家法院。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <source>Credit punishment</source>
        <translation>信用惩戒</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>({n}) {ground}</source>
        <translation>（{n}）{ground}</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>year(s)</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Extended by</source>
        <translation>延长</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>e.g. Drove the car under seal away</source>
        <translation>例如：将查封车辆开走藏匿</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Make the order</source>
        <translation>下达</translation>
    </message>
    <message>
        <source>Until the respondent performs (art. 2)</source>
        <translation>至被执行人履行完毕（第二条）</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) (art. 2: two, one to three more when aggravated)</source>
        <translation>
            <numerusform>%n年（第二条：二年，情节严重的延长一至三年）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreditRemovalDialog</name>
    <message>
        <source>Remove credit punishment</source>
        <translation>解除信用惩戒</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>解除</translation>
    </message>
    <message>
        <source>Not performed: the case still owes {owed}.</source>
        <translation>尚未履行完毕：本案尚欠 {owed}。</translation>
    </message>
</context>
<context>
    <name>CreditView</name>
    <message>
        <source>Order</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>期限至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Published · agencies</source>
        <translation>公布 · 协助单位反馈</translation>
    </message>
    <message>
        <source>&amp;List or restrict…</source>
        <translation>纳入或限制(&amp;L)…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>解除(&amp;M)…</translation>
    </message>
    <message>
        <source>{ground} ({source})</source>
        <translation>{ground}（{source}）</translation>
    </message>
    <message>
        <source>Until performed</source>
        <translation>至履行完毕</translation>
    </message>
    <message>
        <source>Until lifted</source>
        <translation>至解除</translation>
    </message>
    <message>
        <source>{answered}/{all} agencies answered</source>
        <translation>{all}家协助单位已反馈{answered}家</translation>
    </message>
    <message>
        <source>Published · {agencies}</source>
        <translation>已公布 · {agencies}</translation>
    </message>
    <message>
        <source>To be published (within 3 working days) · {agencies}</source>
        <translation>待公布（3个工作日内）· {agencies}</translation>
    </message>
    <message>
        <source>{agency}: answered {when}</source>
        <translation>{agency}：{when}已反馈</translation>
    </message>
    <message>
        <source>{agency}: sent, no answer yet</source>
        <translation>{agency}：已推送，尚未反馈</translation>
    </message>
    <message>
        <source>Open a case to see its credit punishment.</source>
        <translation>打开案件以查看其信用惩戒。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s credit punishment…</source>
        <translation>正在载入案件的信用惩戒…</translation>
    </message>
    <message>
        <source>This backend keeps no record of credit punishment on a case.</source>
        <translation>该后端不记录案件的信用惩戒。</translation>
    </message>
    <message>
        <source>Nothing in force on {respondent}.</source>
        <translation>{respondent}目前没有生效的信用惩戒措施。</translation>
    </message>
    <message>
        <source>In force on {respondent}: {orders}.</source>
        <translation>{respondent}生效中：{orders}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Pick an order in the list first.</source>
        <translation>请先在列表中选中一项措施。</translation>
    </message>
    <message>
        <source>That order is no longer in force.</source>
        <translation>该措施已不再生效。</translation>
    </message>
    <message>
        <source>A property-preservation case carries out its ruling only: no credit punishment.</source>
        <translation>财产保全执行案件只执行保全裁定，不采取信用惩戒。</translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>The case owes nothing more: its respondent has performed.</source>
        <translation>本案已无欠款：被执行人已履行。</translation>
    </message>
    <message>
        <source>Every order is in force already.</source>
        <translation>各项措施均已生效。</translation>
    </message>
    <message>
        <source>{order} for {case}</source>
        <translation>{case}：{order}</translation>
    </message>
    <message>
        <source>{order} removed for {case}</source>
        <translation>{case}：已解除{order}</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Give the reason: it is kept in the audit log.</source>
        <translation>请填写理由：理由记入审计日志。</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Reassign the task</source>
        <translation>改派任务</translation>
    </message>
    <message>
        <source>Dispatch a team</source>
        <translation>派遣队伍</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>事项</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>On scene the team checks in this often; a check-in missed is escalated (P2 at 2 min, P1 at 5)</source>
        <translation>在现场时按此间隔报平安；逾时未报，2分钟后报为二级事件，5分钟后升为一级</translation>
    </message>
    <message>
        <source>Check in every</source>
        <translation>报平安间隔</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Judicial police</source>
        <translation>法警</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Travel time</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <source>{km:.1f} km</source>
        <translation>{km:.1f} 公里</translation>
    </message>
    <message>
        <source>{min:.0f} min</source>
        <translation>{min:.0f} 分钟</translation>
    </message>
    <message>
        <source>Available teams</source>
        <translation>可派队伍</translation>
    </message>
    <message>
        <source>What the team should know</source>
        <translation>需告知队伍的事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No team of this backend is available (standing by without a task, and in contact).</source>
        <translation>该后端暂无可派队伍（待命、无任务且保持联络）。</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>改派</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message numerus="yes">
        <source>%n officer(s)</source>
        <translation>
            <numerusform>%n名</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Pick the team to send.</source>
        <translation>请选择要派遣的队伍。</translation>
    </message>
    <message>
        <source>{team} has no judicial police: only a team with them takes a person.</source>
        <translation>{team}没有法警：只有配备法警的队伍才能带人。</translation>
    </message>
</context>
<context>
    <name>DisposalRoundDialog</name>
    <message>
        <source>Record an auction or a sale</source>
        <translation>登记拍卖或变卖</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>财产</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>起拍价</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>成交价</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. No bids; 京东拍卖 lot 4471</source>
        <translation>例如：无人出价；京东拍卖标的 4471</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Taken by the applicant at the failed auction&apos;s reserve, {least}.</source>
        <translation>由申请执行人以流拍的起拍价 {least} 接受抵债。</translation>
    </message>
    <message>
        <source>At least {least}, as the rules allow.</source>
        <translation>依规定不得低于 {least}。</translation>
    </message>
    <message>
        <source>The reserve is below the least the rules allow.</source>
        <translation>起拍价低于规定的下限。</translation>
    </message>
    <message>
        <source>Sold for less than the reserve: the rules do not allow it.</source>
        <translation>成交价低于起拍价：规定不允许。</translation>
    </message>
</context>
<context>
    <name>DisposalView</name>
    <message>
        <source>Item</source>
        <translation>财产</translation>
    </message>
    <message>
        <source>Valued</source>
        <translation>评估/询价</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>拍卖、变卖经过</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Realised</source>
        <translation>到位金额</translation>
    </message>
    <message>
        <source>Next reserve</source>
        <translation>下一轮起拍价下限</translation>
    </message>
    <message>
        <source>Record a &amp;valuation…</source>
        <translation>登记评估/询价(&amp;V)…</translation>
    </message>
    <message>
        <source>Record an &amp;auction or sale…</source>
        <translation>登记拍卖或变卖(&amp;A)…</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Report {report}, {when} · {by}</source>
        <translation>报告 {report}，{when} · {by}</translation>
    </message>
    <message>
        <source>The least reserve of its next auction, or a sale&apos;s least price</source>
        <translation>下一次拍卖起拍价的下限，或变卖的最低价</translation>
    </message>
    <message>
        <source>{round} at {reserve}: not sold</source>
        <translation>{round}，起拍价 {reserve}：流拍</translation>
    </message>
    <message>
        <source>{round} at {reserve}: {price}</source>
        <translation>{round}，起拍价 {reserve}：成交 {price}</translation>
    </message>
    <message>
        <source>Open a case to see the property it sells.</source>
        <translation>打开案件以查看其财产处置。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s disposals…</source>
        <translation>正在加载案件的财产处置…</translation>
    </message>
    <message>
        <source>This backend keeps no record of property sold on a case.</source>
        <translation>该后端不记录案件的财产处置。</translation>
    </message>
    <message>
        <source>Nothing valued or sold on {case}.</source>
        <translation>{case} 尚无评估或处置的财产。</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) being sold; realised so far: {realised}.</source>
        <translation>
            <numerusform>%n 件财产处置中；已到位 {realised}。</numerusform>
        </translation>
    </message>
    <message>
        <source>A property-preservation case carries out its ruling only: nothing is sold.</source>
        <translation>财产保全案件只执行保全裁定：不处置财产。</translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>Pick an item in the list first.</source>
        <translation>请先在列表中选择一件财产。</translation>
    </message>
    <message>
        <source>That item&apos;s disposal has ended.</source>
        <translation>该财产的处置已结束。</translation>
    </message>
    <message>
        <source>Valuation of {item} for {case}</source>
        <translation>{case} 的{item}评估/询价</translation>
    </message>
    <message>
        <source>{round} of {item} for {case}</source>
        <translation>{case} 的{item}{round}</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%n s</source>
        <translation>%n 秒</translation>
    </message>
    <message>
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
</context>
<context>
    <name>EscalationActions</name>
    <message>
        <source>Acknowledge</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>上报…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Sending “{summary}”…</source>
        <translation>正在发送“{summary}”…</translation>
    </message>
    <message>
        <source>Not delivered yet ({error}); it will be retried.</source>
        <translation>尚未送达（{error}），将自动重试。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>Signed in as {role}, without the permission to {permission}.</source>
        <translation>当前身份为{role}，没有“{permission}”权限。</translation>
    </message>
    <message>
        <source>{owner} owns this escalation: it stays theirs.</source>
        <translation>此事件由 {owner} 负责，仍归其处置。</translation>
    </message>
    <message>
        <source>This escalation waits for a supervisor: it needs the permission to {permission}.</source>
        <translation>该事件等待指挥长处理：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>This escalation was sent to the court above {court}: only a supervisor there takes it.</source>
        <translation>此事件已上报至{court}的上级法院，只能由上级法院的指挥长接手。</translation>
    </message>
    <message>
        <source>{action}: {title} ({court})</source>
        <translation>{action}：{title}（{court}）</translation>
    </message>
    <message>
        <source>Not signed in to this escalation&apos;s backend yet.</source>
        <translation>尚未登录该事件所在的后端。</translation>
    </message>
    <message>
        <source>Pick an escalation first (F8 goes to the most urgent one).</source>
        <translation>请先选择一条事件（按 F8 转到最紧急的一条）。</translation>
    </message>
    <message>
        <source>This escalation is resolved.</source>
        <translation>该事件已办结。</translation>
    </message>
    <message>
        <source>You own this escalation already.</source>
        <translation>您已负责该事件。</translation>
    </message>
    <message>
        <source>Acknowledge it first: only its owner resolves it.</source>
        <translation>请先签收：只有负责人可以办结。</translation>
    </message>
    <message>
        <source>An action on it is on its way.</source>
        <translation>对该事件的操作正在发送。</translation>
    </message>
</context>
<context>
    <name>EscalationsModel</name>
    <message>
        <source>Sev.</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ack due</source>
        <translation>签收时限</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已历时</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>{state} · sending…</source>
        <translation>{state} · 发送中…</translation>
    </message>
    <message>
        <source>overdue {by}</source>
        <translation>已超时 {by}</translation>
    </message>
</context>
<context>
    <name>EscalationsPanel</name>
    <message>
        <source>Show resolved</source>
        <translation>显示已办结</translation>
    </message>
    <message>
        <source>Every escalation</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>Field emergencies (突发事件)</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Process warnings and 督办</source>
        <translation>流程预警与督办</translation>
    </message>
    <message>
        <source>Field emergencies are about a team; process warnings and 督办, about a case</source>
        <translation>突发事件关乎外勤队伍；流程预警与督办关乎案件办理</translation>
    </message>
    <message>
        <source>Select an escalation to see its timeline.</source>
        <translation>选择一条事件以查看其处置经过。</translation>
    </message>
    <message>
        <source>Next to do</source>
        <translation>下一件待办</translation>
    </message>
    <message>
        <source>The most urgent escalation that waits on you (F8)</source>
        <translation>等待您处置的最紧急事件（F8）</translation>
    </message>
    <message>
        <source>Nothing waits on you: no open escalation is yours to take.</source>
        <translation>暂无待您处置的事项：没有可由您签收的未办结事件。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Filter: event type, team, backend…</source>
        <translation>筛选：事件类型、队伍、后端…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{count} held</source>
        <translation>已暂存 {count} 条</translation>
    </message>
</context>
<context>
    <name>FieldActions</name>
    <message>
        <source>&amp;Dispatch a team…</source>
        <translation>派遣队伍(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reassign the task…</source>
        <translation>改派任务(&amp;R)…</translation>
    </message>
    <message>
        <source>Send an &amp;instruction…</source>
        <translation>发送指令(&amp;I)…</translation>
    </message>
    <message>
        <source>Launch an asset &amp;query…</source>
        <translation>发起网络查控(&amp;Q)…</translation>
    </message>
    <message>
        <source>Ask for a coercive measure (compelled appearance, fine, de&amp;tention)…</source>
        <translation>申请强制措施（拘传、罚款、拘留）(&amp;T)…</translation>
    </message>
    <message>
        <source>Pick a case first (Ctrl+F finds one by its number or a party).</source>
        <translation>请先选择案件（按 Ctrl+F 按案号或当事人查找）。</translation>
    </message>
    <message>
        <source>Pick a case or a team with a task under way first.</source>
        <translation>请先选择一个有进行中任务的案件或队伍。</translation>
    </message>
    <message>
        <source>Pick a team first (in the teams panel or on the map).</source>
        <translation>请先选择队伍（在外勤队伍面板或地图上）。</translation>
    </message>
    <message>
        <source>{case} is closed: pick an open case.</source>
        <translation>{case}已结案：请选择在办案件。</translation>
    </message>
    <message>
        <source>Not allowed as {role} at {backend}: it needs the permission to {permission}.</source>
        <translation>在 {backend} 以{role}身份无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Dispatch {team} to {case}: {operation}</source>
        <translation>派遣 {team} 前往 {case}：{operation}</translation>
    </message>
    <message>
        <source>Reassign the task of {case} to {team}</source>
        <translation>将 {case} 的任务改派给{team}</translation>
    </message>
    <message>
        <source>Instruction to {team}</source>
        <translation>发给 {team} 的指令</translation>
    </message>
    <message>
        <source>Asset query for {case}</source>
        <translation>{case} 的网络查控</translation>
    </message>
    <message>
        <source>{measure} for {case}: a president&apos;s decision asked</source>
        <translation>{case}申请{measure}，待院长决定</translation>
    </message>
    <message>
        <source>Instruction to {team}: {state}</source>
        <translation>发给 {team} 的指令：{state}</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Record a finding of passive enforcement</source>
        <translation>登记消极执行线索</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>What shows it</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>e.g. Of three cases against the respondent, only one was paid</source>
        <translation>例：同一被执行人三案，仅一案发放案款</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Say what shows it: the evidence goes on the record.</source>
        <translation>请写明依据：将记录在案。</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Situation</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>发生于</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>When its limit ran out (without a limit, its first evidence)</source>
        <translation>期限届满之时（无期限的，为最早一项依据的时间）</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every situation</source>
        <translation>全部情形</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>All</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Every finding but the dismissed</source>
        <translation>除已排除外的全部线索</translation>
    </message>
    <message>
        <source>&amp;Confirm…</source>
        <translation>确认(&amp;C)…</translation>
    </message>
    <message>
        <source>Dis&amp;miss…</source>
        <translation>排除(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Record on the case…</source>
        <translation>登记本案线索(&amp;R)…</translation>
    </message>
    <message>
        <source>Every court</source>
        <translation>全部法院</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) listed, of {officers} officer(s) in {courts} court(s).</source>
        <translation>
            <numerusform>列出 %n 条线索，涉及 {courts} 个法院的 {officers} 名承办人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a case to record a finding on it.</source>
        <translation>请先选择一件案件，再登记线索。</translation>
    </message>
    <message>
        <source>Pick a finding.</source>
        <translation>请选择一条线索。</translation>
    </message>
    <message>
        <source>It is {state} already.</source>
        <translation>该线索{state}。</translation>
    </message>
    <message>
        <source>Your decision is on its way.</source>
        <translation>您的决定正在发送。</translation>
    </message>
    <message>
        <source>Not allowed: it needs the permission to {permission}.</source>
        <translation>无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Only a court above {court} does this.</source>
        <translation>只有{court}的上级法院可以操作。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{state} by {who} on {when}: {reason}</source>
        <translation>{who}于{when}{state}：{reason}</translation>
    </message>
    <message>
        <source>e.g. The officer confirmed no query was made; passed to the inspection office</source>
        <translation>例：经核实承办人未发起查询，已移送督察部门</translation>
    </message>
    <message>
        <source>Say why it is confirmed: it goes on the officer&apos;s record.</source>
        <translation>请写明确认理由：将记入承办人执行档案。</translation>
    </message>
    <message>
        <source>e.g. The query was made on paper on 3 March and entered late</source>
        <translation>例：已于3月3日线下查询，系录入延迟</translation>
    </message>
    <message>
        <source>Say why it is dismissed.</source>
        <translation>请写明排除理由。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>FundsDialog</name>
    <message>
        <source>Pay out of the case&apos;s account</source>
        <translation>发放案款</translation>
    </message>
    <message>
        <source>Record money received</source>
        <translation>登记案款到账</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The account holds {balance}.</source>
        <translation>案款账户余额 {balance}。</translation>
    </message>
    <message>
        <source>e.g. Transfer from the respondent</source>
        <translation>例如：被执行人转账</translation>
    </message>
    <message>
        <source>To</source>
        <translation>领款人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>The case still owes {owed}.</source>
        <translation>本案尚欠 {owed}。</translation>
    </message>
    <message>
        <source>The amount must be above zero.</source>
        <translation>金额须大于零。</translation>
    </message>
    <message>
        <source>At most that: {limit}.</source>
        <translation>不得超过 {limit}。</translation>
    </message>
    <message>
        <source>Say to whom it is paid.</source>
        <translation>请填写领款人。</translation>
    </message>
    <message>
        <source>Say where the money came from.</source>
        <translation>请填写款项来源。</translation>
    </message>
</context>
<context>
    <name>FundsView</name>
    <message>
        <source>Record money &amp;received…</source>
        <translation>登记案款到账(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pay out…</source>
        <translation>发放案款(&amp;P)…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>来源 / 领款人</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Open a case to see its account.</source>
        <translation>打开案件以查看其案款账户。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s account…</source>
        <translation>正在读取案款账户…</translation>
    </message>
    <message>
        <source>This backend keeps no ledger of case money.</source>
        <translation>该后端不提供案款台账。</translation>
    </message>
    <message>
        <source>Received {received} · paid out {paid} · balance {balance}.</source>
        <translation>到账 {received} · 已发放 {paid} · 余额 {balance}。</translation>
    </message>
    <message numerus="yes">
        <source>{amount} was to be paid out by {date}: %n receipt(s) overdue.</source>
        <translation>
            <numerusform>{amount} 应于 {date} 前发放：%n 笔到账款逾期未发放。</numerusform>
        </translation>
    </message>
    <message>
        <source>{amount} is to be paid out by {date}.</source>
        <translation>{amount} 应于 {date} 前发放。</translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>The case&apos;s account holds nothing to pay out.</source>
        <translation>案款账户没有可发放的余额。</translation>
    </message>
    <message>
        <source>The case owes nothing more.</source>
        <translation>本案已无欠款。</translation>
    </message>
    <message>
        <source>Paid out {amount} to {payee} for {case}</source>
        <translation>{case}：向 {payee} 发放 {amount}</translation>
    </message>
    <message>
        <source>Received {amount} for {case}</source>
        <translation>{case}：案款到账 {amount}</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <source>Enforced in limit</source>
        <translation>法定期限内实际执结率</translation>
    </message>
    <message>
        <source>终本 qualified</source>
        <translation>终本合格率</translation>
    </message>
    <message>
        <source>Complaints concluded</source>
        <translation>执行信访办结率</translation>
    </message>
    <message>
        <source>Closed, 3 years</source>
        <translation>近三年整体执结率</translation>
    </message>
    <message>
        <source>Actual enforcement rate</source>
        <translation>实际执行率</translation>
    </message>
    <message>
        <source>Realisation rate</source>
        <translation>执行到位率</translation>
    </message>
    <message>
        <source>有财产可供执行案件法定期限内实际执结率: of the cases with property, those actually enforced within the legal limit (6 months; 3 for a non-litigation title)</source>
        <translation>有财产可供执行案件法定期限内实际执结率：有财产案件中在法定期限内（6个月，非诉执行3个月）实际执结的比例</translation>
    </message>
    <message>
        <source>无财产可供执行案件终本合格率: of the 终本 cases, those that met every condition</source>
        <translation>无财产可供执行案件终本合格率：终本案件中符合全部终本条件的比例</translation>
    </message>
    <message>
        <source>执行信访办结率: of the enforcement complaints received, those concluded</source>
        <translation>执行信访办结率：受理的执行信访中已办结的比例</translation>
    </message>
    <message>
        <source>近三年执行案件整体执结率: of the cases filed in three years, those closed</source>
        <translation>近三年执行案件整体执结率：近三年受理案件中已执结的比例</translation>
    </message>
    <message>
        <source>实际执行率: of the closed cases, those enforced, performed or settled</source>
        <translation>实际执行率：结案案件中强制执行、自动履行或和解履行的比例</translation>
    </message>
    <message>
        <source>执行到位率: of the sums sought in the closed cases, what was realised</source>
        <translation>执行到位率：结案案件申请执行标的中实际到位金额的比例</translation>
    </message>
    <message>
        <source>Rank by: {rate}</source>
        <translation>排名依据：{rate}</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>收案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Its place among the courts of its level, by the rate chosen</source>
        <translation>按所选指标在同级法院中的排名</translation>
    </message>
    <message>
        <source>{backend} publishes no indicators (a backend before API 1.5).</source>
        <translation>{backend} 不提供执行指标（后端接口版本低于 1.5）。</translation>
    </message>
    <message>
        <source>Figures of its jurisdiction: itself and the courts below it</source>
        <translation>辖区数据：本院及下辖各院合计</translation>
    </message>
    <message>
        <source>Cases filed since {since}, as of {at}. Green meets the target, bold is below it.</source>
        <translation>统计 {since} 以来收案，截至 {at}。绿色为达标，粗体为未达标。</translation>
    </message>
    <message>
        <source>No indicators yet.</source>
        <translation>暂无执行指标。</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <source>No indicators yet: waiting for the first KPI document from the backends.</source>
        <translation>暂无指标：正在等待后端发送首份指标数据。</translation>
    </message>
    <message>
        <source>Actual enforcement rate</source>
        <translation>实际执行率</translation>
    </message>
    <message>
        <source>Money realised of money sought</source>
        <translation>执行到位率</translation>
    </message>
    <message>
        <source>Overdue nodes</source>
        <translation>超期节点</translation>
    </message>
    <message>
        <source>Teams by status and escalations by severity are counted live; the other indicators come from the backends about once a minute.</source>
        <translation>队伍状态和事件级别为实时统计；其他指标约每分钟由后端更新一次。</translation>
    </message>
    <message>
        <source>Cases received and closed per day</source>
        <translation>每日收案与结案</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收案</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>Teams by status</source>
        <translation>队伍状态</translation>
    </message>
    <message>
        <source>Overdue nodes by court</source>
        <translation>各法院超期节点</translation>
    </message>
    <message>
        <source>Open escalations by severity</source>
        <translation>未办结事件（按级别）</translation>
    </message>
    <message>
        <source>Open escalations by age</source>
        <translation>未办结事件（按时长）</translation>
    </message>
    <message>
        <source>of closed cases</source>
        <translation>（已结案件）</translation>
    </message>
    <message>
        <source>{realised}
of {sought}</source>
        <translation>{realised}
/ {sought}</translation>
    </message>
    <message>
        <source>open cases
past a limit</source>
        <translation>在办案件
节点超期</translation>
    </message>
    <message>
        <source>as of {time}</source>
        <translation>截至 {time}</translation>
    </message>
</context>
<context>
    <name>Layouts</name>
    <message>
        <source>Duty desk</source>
        <translation>值班台</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation>大屏</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Enforcement Command Centre</source>
        <translation>执行指挥中心</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export audit…</source>
        <translation>导出审计(&amp;E)…</translation>
    </message>
    <message>
        <source>A backend&apos;s audit log over a time range, verifiable offline</source>
        <translation>导出某后端一段时间内的审计日志，可离线校验</translation>
    </message>
    <message>
        <source>&amp;Clear the selection</source>
        <translation>取消选择(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find a case, team or court…</source>
        <translation>查找案件、队伍或法院(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mute the alarm for this shift</source>
        <translation>本班次静音告警(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Dark (video wall)</source>
        <translation>深色（大屏）</translation>
    </message>
    <message>
        <source>Light (duty desk)</source>
        <translation>浅色（值班台）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Nothing picked.</source>
        <translation>已取消选择。</translation>
    </message>
    <message>
        <source>Alarm muted (F9 turns it back on)</source>
        <translation>告警已静音（按 F9 恢复）</translation>
    </message>
    <message numerus="yes">
        <source>%n P1/P2 waiting</source>
        <translation>
            <numerusform>%n 条一级/二级事件待签收</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Alarm: %n P1/P2 escalation(s) wait for acknowledgement</source>
        <translation>
            <numerusform>告警：%n 条一级/二级事件待签收</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting to be delivered</source>
        <translation>
            <numerusform>%n 项操作等待送达</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent to {backend}: {summary}…</source>
        <translation>已发送至{backend}：{summary}…</translation>
    </message>
    <message>
        <source>Done at {backend}: {summary}</source>
        <translation>{backend}已办理：{summary}</translation>
    </message>
    <message>
        <source>Refused by {backend}: {summary}: {reason}</source>
        <translation>{backend} 拒绝了：{summary}：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n P1/P2 escalation(s) still open</source>
        <translation>
            <numerusform>仍有 %n 条一级/二级事件未办结</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) not yet delivered (kept, and sent at the next start)</source>
        <translation>
            <numerusform>%n 项操作尚未送达（已保存，下次启动时发送）</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit the console?</source>
        <translation>退出控制台？</translation>
    </message>
    <message>
        <source>Nobody at this desk will see what comes in meanwhile.</source>
        <translation>退出后，本席位将无人看到期间到达的事件。</translation>
    </message>
    <message>
        <source>&amp;Stay</source>
        <translation>留在控制台(&amp;S)</translation>
    </message>
    <message>
        <source>{backend}: {state}. {detail}</source>
        <translation>{backend}：{state}。{detail}</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Boundaries</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <source>Courts</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Trails (30 min)</source>
        <translation>轨迹（30 分钟）</translation>
    </message>
    <message>
        <source>Task lines</source>
        <translation>任务连线</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>事件处置</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Follow team</source>
        <translation>跟随队伍</translation>
    </message>
    <message>
        <source>Keep the selected team in the middle of the map as it moves (F); panning stops it</source>
        <translation>让所选队伍始终位于地图中央（F）；平移地图即停止</translation>
    </message>
    <message>
        <source>Case number, party, court or team, e.g. {example} (Ctrl+F)</source>
        <translation>案号、当事人、法院或队伍，如 {example}（Ctrl+F）</translation>
    </message>
    <message>
        <source>higher</source>
        <translation>更高</translation>
    </message>
    <message>
        <source>{court}
{count} cases, {overdue} overdue</source>
        <translation>{court}
{count} 件案件，{overdue} 件超期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>未超期</translation>
    </message>
    <message>
        <source>{number}
Respondent: {respondent}
Node: {node} · {state}</source>
        <translation>{number}
被执行人：{respondent}
节点：{node} · {state}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>A court&apos;s cases, by share overdue:</source>
        <translation>法院案件（按超期比例）：</translation>
    </message>
    <message>
        <source>{backend}: {state}. {detail}</source>
        <translation>{backend}：{state}。{detail}</translation>
    </message>
    <message>
        <source>{backend}: {state}…</source>
        <translation>{backend}：{state}…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Following {team}</source>
        <translation>正在跟随 {team}</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>{name}
{status} · {speed:.0f} km/h
{court}
Last fix {age} ago</source>
        <translation>{name}
{status} · {speed:.0f} 公里/小时
{court}
最近定位 {age}前</translation>
    </message>
    <message>
        <source>Backend: {backend}</source>
        <translation>后端：{backend}</translation>
    </message>
</context>
<context>
    <name>MatchList</name>
    <message>
        <source>Nothing matches “{text}”</source>
        <translation>没有与“{text}”相符的结果</translation>
    </message>
    <message>
        <source>{shown} of {count} matches: type more to narrow them</source>
        <translation>共 {count} 项相符，显示前 {shown} 项：再多输入几个字以缩小范围</translation>
    </message>
    <message>
        <source>{count} matches: pick one</source>
        <translation>{count} 项相符：请选择</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Order a measure on a hit</source>
        <translation>对查控命中采取措施</translation>
    </message>
    <message>
        <source>to be valued (询价/评估)</source>
        <translation>待询价/评估</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>The case still owes {owed}; {frozen} of it is frozen.</source>
        <translation>本案尚欠 {owed}，已冻结 {frozen}。</translation>
    </message>
    <message>
        <source>Why it must be taken though the money frozen covers the debt</source>
        <translation>已冻结款项足以清偿，仍须控制该财产的理由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Above {limit} a supervisor must approve it, and not the one who asks.</source>
        <translation>超过 {limit} 须由指挥长审批，且不得由提请人本人审批。</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>下达</translation>
    </message>
    <message>
        <source>{ordered} of the {value} found is already ordered.</source>
        <translation>查得 {value}，已下达 {ordered}。</translation>
    </message>
    <message>
        <source>This batch has no hit to act on: information on work or income is not taken.</source>
        <translation>本批次没有可采取措施的命中：就业、收入信息不能控制。</translation>
    </message>
    <message>
        <source>The case owes nothing more: nothing is taken for it.</source>
        <translation>本案已无欠款：不得再采取控制措施。</translation>
    </message>
    <message>
        <source>The amount must be above zero; nothing is left to take here.</source>
        <translation>金额须大于零；此处已无可控制的余额。</translation>
    </message>
    <message>
        <source>At most {left}: what is left of the account, within what the case still owes.</source>
        <translation>至多 {left}：账户余额内，且不超过本案尚欠金额。</translation>
    </message>
    <message>
        <source>Already under a {measure} ({state}).</source>
        <translation>该财产已有{measure}措施（{state}），不得重复控制。</translation>
    </message>
    <message>
        <source>The money frozen covers what the case owes: say why this property must be taken too.</source>
        <translation>已冻结款项足以清偿本案欠款：请说明仍须控制该财产的理由（禁止超标的查封）。</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <source>Instruction to {team}</source>
        <translation>发给 {team} 的指令</translation>
    </message>
    <message>
        <source>e.g. Wait for police support before entering</source>
        <translation>例如：等待公安支援后再进入</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Write the instruction to send.</source>
        <translation>请填写要发送的指令。</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>Embedded backend</source>
        <translation>内置后端</translation>
    </message>
</context>
<context>
    <name>NodeFlow</name>
    <message>
        <source>The case is here.</source>
        <translation>案件当前所处节点。</translation>
    </message>
    <message>
        <source>still here</source>
        <translation>仍在此节点</translation>
    </message>
    <message>
        <source>Entered {entered}, left {left}, deadline {deadline}</source>
        <translation>进入 {entered}，离开 {left}，期限 {deadline}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Not visited</source>
        <translation>未经过</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Escalate {title}</source>
        <translation>上报：{title}</translation>
    </message>
    <message>
        <source>Resolve {title}</source>
        <translation>办结：{title}</translation>
    </message>
    <message>
        <source>To a supervisor</source>
        <translation>上报指挥长</translation>
    </message>
    <message>
        <source>To the court above</source>
        <translation>上报上级法院</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Why it goes up, and what has been done</source>
        <translation>上报原因及已采取的措施</translation>
    </message>
    <message>
        <source>What was done, and how it ended</source>
        <translation>处置经过及结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Say why: the note goes into the escalation&apos;s record.</source>
        <translation>请填写说明：它将记入该事件的处置记录。</translation>
    </message>
    <message>
        <source>At most {n} characters, please.</source>
        <translation>最多 {n} 个字符。</translation>
    </message>
    <message>
        <source>Say how and by whom: it goes on the record.</source>
        <translation>请写明方式及经办人：将记入笔录。</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>事件处置</translation>
    </message>
    <message>
        <source>Field teams</source>
        <translation>外勤队伍</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Asset queries</source>
        <translation>网络查控</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Court figures</source>
        <translation>各院统计</translation>
    </message>
    <message>
        <source>Process warnings</source>
        <translation>流程预警</translation>
    </message>
    <message>
        <source>Supervision orders</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Passive enforcement</source>
        <translation>消极执行监督</translation>
    </message>
    <message>
        <source>Indicators by court</source>
        <translation>各院执行指标</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>专项执行行动</translation>
    </message>
</context>
<context>
    <name>PartiesModel</name>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>It will be kept in the system keyring.</source>
        <translation>密码将保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>No system keyring here: it is kept in memory for this session only.</source>
        <translation>本机没有系统密钥环：密码仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>Password for {name}</source>
        <translation>{name} 的密码</translation>
    </message>
    <message>
        <source>Password of {user} at {url}.
{where}</source>
        <translation>{url} 上 {user} 的密码。
{where}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>New connection profile</source>
        <translation>新建连接配置</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Remember in the system keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <source>This system has no keyring: the password is kept in memory for this session only.</source>
        <translation>本系统没有密钥环：密码仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>Allow plain HTTP to this host (insecure: the password crosses the network in clear)</source>
        <translation>允许以明文 HTTP 连接此主机（不安全：密码以明文在网络上传输）</translation>
    </message>
    <message>
        <source>Connect when the console starts</source>
        <translation>控制台启动时自动连接</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No system keyring: the password is kept in memory for this session only.</source>
        <translation>没有系统密钥环：密码仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>选择 PEM 文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A name is needed.</source>
        <translation>需要填写名称。</translation>
    </message>
    <message>
        <source>A username is needed.</source>
        <translation>需要填写用户名。</translation>
    </message>
    <message>
        <source>At most 64 characters, without slashes.</source>
        <translation>最多 64 个字符，不能含斜杠。</translation>
    </message>
    <message>
        <source>There is already a profile named {name}.</source>
        <translation>已有名为“{name}”的连接配置。</translation>
    </message>
    <message>
        <source>An address like https://court.example:8443</source>
        <translation>地址格式如 https://court.example:8443</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>端口须为 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Plain HTTP beyond this machine: use https, or allow insecure HTTP below.</source>
        <translation>连接本机以外的主机不能用明文 HTTP：请使用 https，或在下方允许不安全的 HTTP。</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>A key needs its certificate.</source>
        <translation>私钥需要配套的证书。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <source>Connected as {who}: {role}, {court}.</source>
        <translation>已连接：{who}，{role}，{court}。</translation>
    </message>
</context>
<context>
    <name>QueriesModel</name>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Value found</source>
        <translation>查得金额</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>已历时</translation>
    </message>
    <message>
        <source>Launched by</source>
        <translation>发起人</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Batch {query} · launched by {who}</source>
        <translation>批次 {query} · 发起人 {who}</translation>
    </message>
</context>
<context>
    <name>QueriesPanel</name>
    <message>
        <source>&amp;Selected case only</source>
        <translation>仅显示所选案件(&amp;S)</translation>
    </message>
    <message>
        <source>Pick a batch here, or a case in another panel.</source>
        <translation>在此选择批次，或在其他面板中选择案件。</translation>
    </message>
    <message>
        <source>Select a query batch to see its answers and hits.</source>
        <translation>选择一个查控批次以查看反馈与命中。</translation>
    </message>
    <message>
        <source>&amp;Selected case only: {case}</source>
        <translation>仅显示所选案件(&amp;S)：{case}</translation>
    </message>
    <message>
        <source>Pick a query batch with a hit first (in the asset queries panel).</source>
        <translation>请先在网络查控面板中选择一个有命中结果的查控批次。</translation>
    </message>
    <message>
        <source>Not allowed: it needs the permission to {permission}.</source>
        <translation>无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>&amp;Measure on a hit…</source>
        <translation>采取控制措施(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;new a measure…</source>
        <translation>续行查封、扣押、冻结(&amp;N)…</translation>
    </message>
    <message>
        <source>This batch found information on work or income only: nothing to take.</source>
        <translation>本批次仅查得就业、收入信息：无可控制的财产。</translation>
    </message>
    <message>
        <source>Pick a query batch with a freeze, seal-up or seizure still holding first.</source>
        <translation>请先选择一个有在期冻结、查封或扣押的查控批次。</translation>
    </message>
    <message>
        <source>{measure} for {case}</source>
        <translation>{case}：{measure}</translation>
    </message>
    <message>
        <source>Renewed {measure} at {institution} for {case}</source>
        <translation>{case}：{institution} 续行{measure}</translation>
    </message>
    <message>
        <source>to be valued (询价/评估)</source>
        <translation>待询价/评估</translation>
    </message>
    <message>
        <source>{measure}: {state}, until {date}</source>
        <translation>{measure}：{state}，至 {date}</translation>
    </message>
    <message>
        <source>{measure}: {state}</source>
        <translation>{measure}：{state}</translation>
    </message>
    <message>
        <source>{case} · {respondent} · {channel} · {state}</source>
        <translation>{case} · {respondent} · {channel} · {state}</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>查得财产</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>控制措施</translation>
    </message>
    <message>
        <source>No hits yet.</source>
        <translation>暂无命中。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>命中</translation>
    </message>
</context>
<context>
    <name>QueryDialog</name>
    <message>
        <source>Launch an asset query</source>
        <translation>发起网络查控</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>Choose at least one kind of institution.</source>
        <translation>请至少选择一类机构。</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Propose for bankruptcy review</source>
        <translation>拟移送破产审查</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Written consent of</source>
        <translation>书面同意</translation>
    </message>
    <message>
        <source>e.g. Its debts far exceed its assets; it has stopped trading</source>
        <translation>例如：资不抵债，已停止经营</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>拟移送</translation>
    </message>
</context>
<context>
    <name>ReferralView</name>
    <message>
        <source>Relief</source>
        <translation>救助</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>Propose for &amp;bankruptcy…</source>
        <translation>拟移送破产审查(&amp;B)…</translation>
    </message>
    <message>
        <source>Trans&amp;fer…</source>
        <translation>移送(&amp;F)…</translation>
    </message>
    <message>
        <source>R&amp;uling…</source>
        <translation>受理结果(&amp;U)…</translation>
    </message>
    <message>
        <source>Apply for &amp;relief…</source>
        <translation>申请救助(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Decide relief…</source>
        <translation>审批救助(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Pay relief…</source>
        <translation>发放救助金(&amp;P)…</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Open a case to see its bankruptcy review and relief.</source>
        <translation>打开案件以查看执转破与执行救助。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s bankruptcy review and relief…</source>
        <translation>正在载入案件的执转破与执行救助…</translation>
    </message>
    <message>
        <source>Bankruptcy review is for a company respondent only.</source>
        <translation>只有被执行人为企业法人的案件才能移送破产审查。</translation>
    </message>
    <message>
        <source>Not referred for bankruptcy review.</source>
        <translation>尚未移送破产审查。</translation>
    </message>
    <message>
        <source>Bankruptcy review: {state} (consent of the {party}).</source>
        <translation>执转破：{state}（{party}书面同意）。</translation>
    </message>
    <message>
        <source>{court} rules by {date}.</source>
        <translation>{court}应于{date}前裁定是否受理。</translation>
    </message>
    <message>
        <source>This backend keeps no record of bankruptcy review or relief.</source>
        <translation>该后端不记录执转破与执行救助。</translation>
    </message>
    <message>
        <source>A property-preservation case carries out its ruling only.</source>
        <translation>财产保全执行案件只执行保全裁定。</translation>
    </message>
    <message>
        <source>Referred already: {state}.</source>
        <translation>已移送：{state}。</translation>
    </message>
    <message>
        <source>Propose it first.</source>
        <translation>请先拟移送。</translation>
    </message>
    <message>
        <source>Not waiting for a ruling.</source>
        <translation>没有待裁定的移送。</translation>
    </message>
    <message>
        <source>Relief of {amount} is {state}.</source>
        <translation>{amount}的救助申请{state}。</translation>
    </message>
    <message>
        <source>No relief to decide.</source>
        <translation>没有待审批的救助申请。</translation>
    </message>
    <message>
        <source>No approved relief to pay.</source>
        <translation>没有已批准待发放的救助金。</translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>The case owes nothing more.</source>
        <translation>本案已无欠款。</translation>
    </message>
    <message>
        <source>{what} for {case}</source>
        <translation>{case}：{what}</translation>
    </message>
</context>
<context>
    <name>ReliefDecisionDialog</name>
    <message>
        <source>Decide relief</source>
        <translation>审批救助</translation>
    </message>
    <message>
        <source>Pay relief</source>
        <translation>发放救助金</translation>
    </message>
    <message>
        <source>Relief</source>
        <translation>救助</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>发放</translation>
    </message>
</context>
<context>
    <name>ReliefDialog</name>
    <message>
        <source>Apply for judicial relief</source>
        <translation>申请执行救助</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>At most {limit}: 36 months&apos; average wage, within what is owed.</source>
        <translation>至多{limit}：不超过36个月的月平均工资总额，且不超过尚欠金额。</translation>
    </message>
    <message>
        <source>e.g. Seriously ill, no income, the respondent cannot pay</source>
        <translation>例如：身患重病、无收入来源，被执行人无力履行</translation>
    </message>
    <message>
        <source>Hardship</source>
        <translation>困难情形</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Above zero and at most {limit}.</source>
        <translation>须大于零且不超过{limit}。</translation>
    </message>
    <message>
        <source>Say what the hardship is: the supervisor who decides reads it.</source>
        <translation>请写明困难情形：审批的指挥长将审阅。</translation>
    </message>
</context>
<context>
    <name>RenewDialog</name>
    <message>
        <source>Renew a measure before it lapses</source>
        <translation>到期前续行查封、扣押、冻结</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>{measure} · {institution} · {finding} · until {date}, renewable from {from_date}</source>
        <translation>{measure} · {institution} · {finding} · 至 {date}，自 {from_date} 起可续行</translation>
    </message>
    <message>
        <source>Within 30 days of the lapse, it holds again for its legal term from the day it would lapse.</source>
        <translation>期限届满前 30 日内可续行，自原期限届满之日起再续一个法定期限。</translation>
    </message>
    <message>
        <source>e.g. The applicant asked for the renewal</source>
        <translation>例如：申请执行人申请续行</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>续行</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Reveal personal data</source>
        <translation>查看个人信息</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>e.g. To serve the notice at the home address</source>
        <translation>例如：按住址送达执行通知书</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Who asked, when and why is kept in the audit log.</source>
        <translation>查看人、时间和理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Say why you need it: the reason is kept in the audit log.</source>
        <translation>请说明理由：理由将记入审计日志。</translation>
    </message>
</context>
<context>
    <name>ReviewDecisionDialog</name>
    <message>
        <source>Decide the review</source>
        <translation>复议决定</translation>
    </message>
    <message>
        <source>Decision under review</source>
        <translation>被复议的决定</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Give the reasons: the parties and the court below are told them.</source>
        <translation>请写明理由：将通知当事人及下级法院。</translation>
    </message>
</context>
<context>
    <name>RulingDialog</name>
    <message>
        <source>Transfer for bankruptcy review</source>
        <translation>移送破产审查</translation>
    </message>
    <message>
        <source>Bankruptcy ruling</source>
        <translation>破产审查结果</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Its enforcement is suspended; the court rules within 30 days.</source>
        <translation>本案中止执行；受移送法院应在30日内裁定是否受理。</translation>
    </message>
    <message>
        <source>Accepted for bankruptcy</source>
        <translation>裁定受理</translation>
    </message>
    <message>
        <source>Refused: enforcement goes on</source>
        <translation>裁定不予受理，恢复执行</translation>
    </message>
    <message>
        <source>Ruling</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>StatusChips</name>
    <message>
        <source>Lost contact {n}</source>
        <translation>失联 {n}</translation>
    </message>
    <message>
        <source>Check-in missed {n}</source>
        <translation>未报平安 {n}</translation>
    </message>
</context>
<context>
    <name>Supervision</name>
    <message>
        <source>{state} · overdue</source>
        <translation>{state} · 已逾期</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <source>Issue a supervision order (督办)</source>
        <translation>下发督办</translation>
    </message>
    <message>
        <source>To</source>
        <translation>被督办法院</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>督办要求</translation>
    </message>
    <message>
        <source>e.g. Finish the asset investigation and report</source>
        <translation>例如：完成财产调查并报告</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>Say what the court is to do.</source>
        <translation>请写明督办要求。</translation>
    </message>
    <message>
        <source>The deadline must be in the future.</source>
        <translation>办理期限须晚于现在。</translation>
    </message>
</context>
<context>
    <name>SupervisionModel</name>
    <message>
        <source>Order</source>
        <translation>督办文号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>督办法院 → 被督办法院</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>督办要求</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
</context>
<context>
    <name>SupervisionPanel</name>
    <message>
        <source>&amp;Reply…</source>
        <translation>回复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Accept…</source>
        <translation>审核通过(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退回(&amp;T)…</translation>
    </message>
    <message>
        <source>Pick an order.</source>
        <translation>请选择一件督办。</translation>
    </message>
    <message>
        <source>Not allowed: it needs the permission to {permission}.</source>
        <translation>无权操作：需要“{permission}”权限。</translation>
    </message>
    <message>
        <source>Only {court} does this.</source>
        <translation>只能由{court}办理。</translation>
    </message>
    <message>
        <source>It waits for no reply: {state}.</source>
        <translation>无需回复：{state}。</translation>
    </message>
    <message>
        <source>There is no reply to decide: {state}.</source>
        <translation>尚无待审核的回复：{state}。</translation>
    </message>
    <message>
        <source>Your answer is on its way.</source>
        <translation>您的操作正在提交。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>被拒绝：{reason}</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <source>e.g. The asset-report order was served on 3 December</source>
        <translation>例如：已于12月3日送达报告财产令</translation>
    </message>
    <message>
        <source>Say what the court did: the court that issued the order reads it.</source>
        <translation>请写明办理情况：督办法院将审阅。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. Done as required</source>
        <translation>例如：已按要求办理</translation>
    </message>
    <message>
        <source>Say why it is accepted.</source>
        <translation>请写明审核意见。</translation>
    </message>
    <message>
        <source>What is still wanted</source>
        <translation>仍需办理的事项</translation>
    </message>
    <message>
        <source>e.g. Report the network query&apos;s results too</source>
        <translation>例如：请一并报告网络查控结果</translation>
    </message>
    <message>
        <source>Say what is still wanted of the court.</source>
        <translation>请写明仍需被督办法院办理的事项。</translation>
    </message>
</context>
<context>
    <name>SupervisionView</name>
    <message>
        <source>Order</source>
        <translation>督办文号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>督办法院 → 被督办法院</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>督办要求</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>&amp;Issue a supervision order (督办)…</source>
        <translation>下发督办(&amp;I)…</translation>
    </message>
    <message>
        <source>Open a case to see the supervision orders on it.</source>
        <translation>打开案件以查看其督办。</translation>
    </message>
    <message>
        <source>No supervision order names {case}.</source>
        <translation>{case} 无督办。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) on this case; {waiting} awaiting a reply, {late} of them overdue.</source>
        <translation>
            <numerusform>本案督办 %n 件；待回复 {waiting} 件，其中逾期 {late} 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>Only a court above {court} issues it a supervision order.</source>
        <translation>只有{court}的上级法院可以对其督办。</translation>
    </message>
    <message>
        <source>Supervision order to {court} on {case}</source>
        <translation>对{court}的{case}督办</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <source>Operation</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TeamsModel</name>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time in status</source>
        <translation>状态持续</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>最近心跳</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>报平安</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Late {age}</source>
        <translation>逾时 {age}</translation>
    </message>
    <message>
        <source>In {age}</source>
        <translation>{age}后</translation>
    </message>
    <message>
        <source>Lost contact ({age})</source>
        <translation>失联（{age}）</translation>
    </message>
    <message>
        <source>{age} ago</source>
        <translation>{age}前</translation>
    </message>
    <message>
        <source>{name}
{vehicle} · {members}</source>
        <translation>{name}
{vehicle} · {members}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>{member} ({role})</source>
        <translation>{member}（{role}）</translation>
    </message>
</context>
<context>
    <name>TeamsPanel</name>
    <message>
        <source>Filter by team or court…</source>
        <translation>按队伍或法院筛选…</translation>
    </message>
</context>
<context>
    <name>TerminationView</name>
    <message>
        <source>&amp;Record as done…</source>
        <translation>记录已办事项(&amp;R)…</translation>
    </message>
    <message>
        <source>Resume en&amp;forcement (恢复执行)…</source>
        <translation>恢复执行(&amp;F)…</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Rule (法〔2016〕373号)</source>
        <translation>依据（法〔2016〕373号）</translation>
    </message>
    <message>
        <source>&amp;Terminate the current enforcement procedure (终本)…</source>
        <translation>终结本次执行程序(&amp;T)…</translation>
    </message>
    <message>
        <source>Open a case to see its 终本 conditions.</source>
        <translation>打开案件即可查看终本条件。</translation>
    </message>
    <message>
        <source>Loading the case&apos;s 终本 conditions…</source>
        <translation>正在加载终本条件…</translation>
    </message>
    <message>
        <source>A property-preservation case carries out its ruling only: it never ends in 终本.</source>
        <translation>财产保全执行案件只执行保全裁定，不适用终本。</translation>
    </message>
    <message>
        <source>This case did not end in 终本, and no longer can: it is closed.</source>
        <translation>本案未以终本结案，且已结案，不能再终本。</translation>
    </message>
    <message numerus="yes">
        <source>%n condition(s) of 终本 not met yet.</source>
        <translation>
            <numerusform>终本条件尚有 %n 项未满足。</numerusform>
        </translation>
    </message>
    <message>
        <source>Terminated (终本), then resumed as {case}.</source>
        <translation>已终结本次执行程序，后恢复执行为 {case}。</translation>
    </message>
    <message numerus="yes">
        <source>Terminated (终本) on {date} by {who}; re-queried %n time(s) since (every 6 months for 5 years).</source>
        <translation>
            <numerusform>{date} 由 {who} 终结本次执行程序；此后已定期查询 %n 次（五年内每六个月一次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every condition of 终本 is met: a supervisor may terminate the current enforcement procedure.</source>
        <translation>终本条件均已满足：指挥长可以终结本次执行程序。</translation>
    </message>
    <message>
        <source>Only a case whose current enforcement procedure was terminated (终本) can be resumed.</source>
        <translation>只有已终结本次执行程序的案件才能恢复执行。</translation>
    </message>
    <message>
        <source>Already resumed.</source>
        <translation>已恢复执行。</translation>
    </message>
    <message>
        <source>{case} is closed.</source>
        <translation>{case} 已结案。</translation>
    </message>
    <message>
        <source>This case has no 终本 conditions: a property-preservation case never ends in 终本.</source>
        <translation>本案无终本条件：财产保全执行案件不适用终本。</translation>
    </message>
    <message>
        <source>Nothing to record: launch a national asset query (Ctrl+Shift+A) instead.</source>
        <translation>无需记录：请发起总对总网络查控（Ctrl+Shift+A）。</translation>
    </message>
    <message>
        <source>Nothing to record: every condition an act meets is met.</source>
        <translation>无需记录：可由办案事项满足的条件均已满足。</translation>
    </message>
    <message>
        <source>Not yet: {conditions}.</source>
        <translation>尚不能终本，未满足：{conditions}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Recorded for {case}: {act}</source>
        <translation>已为 {case} 记录：{act}</translation>
    </message>
    <message>
        <source>Termination of the current enforcement procedure (终本)</source>
        <translation>终结本次执行程序</translation>
    </message>
    <message>
        <source>Terminate (终本)</source>
        <translation>裁定终本</translation>
    </message>
    <message>
        <source>The case closes, and its respondent&apos;s property is queried every 6 months for 5 years; a find can resume it (恢复执行).</source>
        <translation>案件以终本结案；五年内每六个月查询一次被执行人财产，发现财产可恢复执行。</translation>
    </message>
    <message>
        <source>终本 of {case}</source>
        <translation>{case} 终本</translation>
    </message>
    <message>
        <source>Resume enforcement (恢复执行)</source>
        <translation>恢复执行</translation>
    </message>
    <message>
        <source>A new case (执恢) is filed for what is still owed, with the same parties.</source>
        <translation>就尚未履行部分另立执恢案件，当事人不变。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复执行</translation>
    </message>
    <message>
        <source>恢复执行 of {case}</source>
        <translation>{case} 恢复执行</translation>
    </message>
</context>
<context>
    <name>ValuationDialog</name>
    <message>
        <source>Record a valuation</source>
        <translation>登记评估/询价</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>财产类型</translation>
    </message>
    <message>
        <source>e.g. The flat at 12 Renmin Road, 3rd floor</source>
        <translation>例如：人民路 12 号 3 楼住宅一套</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>财产</translation>
    </message>
    <message>
        <source>Valued by</source>
        <translation>确定方式</translation>
    </message>
    <message>
        <source>Value found</source>
        <translation>参考价</translation>
    </message>
    <message>
        <source>e.g. 川评字〔2026〕118号</source>
        <translation>例如：川评字〔2026〕118号</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <source>The first auction&apos;s reserve will be at least 70% of this.</source>
        <translation>一拍起拍价不得低于此价的 70%。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Say what is to be sold.</source>
        <translation>请写明处置的财产。</translation>
    </message>
    <message>
        <source>Enter the value the report found.</source>
        <translation>请填写报告确定的价格。</translation>
    </message>
    <message>
        <source>Enter the report&apos;s number: it is the value&apos;s evidence.</source>
        <translation>请填写报告编号：它是定价的依据。</translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>In node</source>
        <translation>已停留</translation>
    </message>
    <message>
        <source>Warned for</source>
        <translation>预警已持续</translation>
    </message>
    <message>
        <source>No progress for</source>
        <translation>无进展时长</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>No node change, task or measure for this long: idle</source>
        <translation>在所示期间内无节点变化、外勤任务或执行措施，即为无进展</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <source>Every warning</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>Every node</source>
        <translation>全部节点</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>In node ≥ </source>
        <translation>已停留 ≥ </translation>
    </message>
    <message>
        <source> d</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Count by court</source>
        <translation>按法院统计</translation>
    </message>
    <message>
        <source>Count by officer</source>
        <translation>按承办人统计</translation>
    </message>
    <message>
        <source>Soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重超期</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>无进展</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Every court</source>
        <translation>全部法院</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) listed: seriously overdue {serious} · overdue {overdue} · due soon {soon} · idle {idle}.</source>
        <translation>
            <numerusform>列出 %n 件：严重超期 {serious} · 超期 {overdue} · 临期 {soon} · 无进展 {idle}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>act</name>
    <message>
        <source>Execution notice sent</source>
        <translation>已发出执行通知书</translation>
    </message>
    <message>
        <source>Asset-report order sent</source>
        <translation>已发出报告财产令</translation>
    </message>
    <message>
        <source>Network query (national) launched</source>
        <translation>已发起网络查控（总对总）</translation>
    </message>
    <message>
        <source>On-site investigation made</source>
        <translation>已传统调查（登门临柜）</translation>
    </message>
    <message>
        <source>Restriction on high consumption issued</source>
        <translation>已发出限制消费令</translation>
    </message>
    <message>
        <source>Listed as a dishonest judgment debtor</source>
        <translation>已纳入失信被执行人名单</translation>
    </message>
    <message>
        <source>Applicant told and heard</source>
        <translation>已告知并听取申请执行人意见</translation>
    </message>
</context>
<context>
    <name>action</name>
    <message>
        <source>Dispatched a team</source>
        <translation>派遣队伍</translation>
    </message>
    <message>
        <source>Reassigned a task</source>
        <translation>改派任务</translation>
    </message>
    <message>
        <source>Cancelled a task</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Sent a message</source>
        <translation>发送指令</translation>
    </message>
    <message>
        <source>Acknowledged an escalation</source>
        <translation>签收事件</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Resolved an escalation</source>
        <translation>办结事件</translation>
    </message>
    <message>
        <source>Launched an asset query</source>
        <translation>发起网络查控</translation>
    </message>
    <message>
        <source>Ordered a freeze</source>
        <translation>下达冻结</translation>
    </message>
    <message>
        <source>Ordered a deduction</source>
        <translation>下达扣划</translation>
    </message>
    <message>
        <source>Ordered a seal-up</source>
        <translation>下达查封</translation>
    </message>
    <message>
        <source>Ordered a seizure</source>
        <translation>下达扣押</translation>
    </message>
    <message>
        <source>Renewed a measure</source>
        <translation>续行措施</translation>
    </message>
    <message>
        <source>Recorded money received</source>
        <translation>登记案款到账</translation>
    </message>
    <message>
        <source>Paid money out</source>
        <translation>发放案款</translation>
    </message>
    <message>
        <source>Asked for a detention</source>
        <translation>申请司法拘留</translation>
    </message>
    <message>
        <source>Asked for a fine</source>
        <translation>申请罚款</translation>
    </message>
    <message>
        <source>Asked for a compelled appearance</source>
        <translation>申请拘传</translation>
    </message>
    <message>
        <source>Detained on the spot (emergency)</source>
        <translation>现场紧急拘留</translation>
    </message>
    <message>
        <source>Decided a coercive measure</source>
        <translation>决定强制措施</translation>
    </message>
    <message>
        <source>Recorded the family told</source>
        <translation>记录已通知家属</translation>
    </message>
    <message>
        <source>Recorded an application for review</source>
        <translation>记录复议申请</translation>
    </message>
    <message>
        <source>Decided a review</source>
        <translation>作出复议决定</translation>
    </message>
    <message>
        <source>Revealed a party&apos;s personal data</source>
        <translation>查看当事人个人信息</translation>
    </message>
    <message>
        <source>Recorded an act</source>
        <translation>记录办案事项</translation>
    </message>
    <message>
        <source>Terminated the current enforcement procedure (终本)</source>
        <translation>终结本次执行程序</translation>
    </message>
    <message>
        <source>Resumed enforcement (恢复执行)</source>
        <translation>恢复执行</translation>
    </message>
    <message>
        <source>Ordered credit punishment</source>
        <translation>采取信用惩戒</translation>
    </message>
    <message>
        <source>Removed credit punishment</source>
        <translation>解除信用惩戒</translation>
    </message>
    <message>
        <source>Proposed for bankruptcy review</source>
        <translation>拟移送破产审查</translation>
    </message>
    <message>
        <source>Transferred for bankruptcy review</source>
        <translation>移送破产审查</translation>
    </message>
    <message>
        <source>Recorded the bankruptcy ruling</source>
        <translation>记录破产审查结果</translation>
    </message>
    <message>
        <source>Applied for judicial relief</source>
        <translation>申请执行救助</translation>
    </message>
    <message>
        <source>Approved judicial relief</source>
        <translation>批准执行救助</translation>
    </message>
    <message>
        <source>Rejected judicial relief</source>
        <translation>驳回执行救助</translation>
    </message>
    <message>
        <source>Paid judicial relief</source>
        <translation>发放执行救助金</translation>
    </message>
    <message>
        <source>Issued a supervision order</source>
        <translation>下发督办</translation>
    </message>
    <message>
        <source>Replied to a supervision order</source>
        <translation>回复督办</translation>
    </message>
    <message>
        <source>Accepted a reply to a supervision order</source>
        <translation>审核通过督办回复</translation>
    </message>
    <message>
        <source>Returned a reply to a supervision order</source>
        <translation>退回督办回复</translation>
    </message>
    <message>
        <source>Confirmed a finding of passive enforcement</source>
        <translation>确认消极执行线索</translation>
    </message>
    <message>
        <source>Dismissed a finding of passive enforcement</source>
        <translation>排除消极执行线索</translation>
    </message>
    <message>
        <source>Recorded a finding of passive enforcement</source>
        <translation>登记消极执行线索</translation>
    </message>
    <message>
        <source>Recorded a valuation</source>
        <translation>登记评估/询价</translation>
    </message>
    <message>
        <source>Recorded an auction or a sale</source>
        <translation>登记拍卖或变卖</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>age_band</name>
    <message>
        <source>Under a minute</source>
        <translation>1分钟以内</translation>
    </message>
    <message>
        <source>1–5 minutes</source>
        <translation>1–5分钟</translation>
    </message>
    <message>
        <source>5–30 minutes</source>
        <translation>5–30分钟</translation>
    </message>
    <message>
        <source>30 minutes to 4 hours</source>
        <translation>30分钟–4小时</translation>
    </message>
    <message>
        <source>Over 4 hours</source>
        <translation>4小时以上</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣划</translation>
    </message>
    <message>
        <source>Seal-up</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>扣押</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>拘留</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>Compelled appearance</source>
        <translation>拘传</translation>
    </message>
</context>
<context>
    <name>approval_state</name>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>campaign</name>
    <message>
        <source>Hundred days&apos; enforcement drive</source>
        <translation>百日执行攻坚战</translation>
    </message>
    <message>
        <source>Spring Festival campaign</source>
        <translation>司法大拜年</translation>
    </message>
</context>
<context>
    <name>case_kind</name>
    <message>
        <source>First enforcement</source>
        <translation>首次执行</translation>
    </message>
    <message>
        <source>Resumed enforcement</source>
        <translation>恢复执行</translation>
    </message>
    <message>
        <source>Property-preservation enforcement</source>
        <translation>财产保全执行</translation>
    </message>
    <message>
        <source>Non-litigation</source>
        <translation>非诉执行</translation>
    </message>
</context>
<context>
    <name>case_status</name>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
</context>
<context>
    <name>category</name>
    <message>
        <source>Banks</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Securities depository</source>
        <translation>证券登记结算</translation>
    </message>
    <message>
        <source>Payment platforms</source>
        <translation>网络支付平台</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>不动产</translation>
    </message>
    <message>
        <source>Housing provident fund</source>
        <translation>住房公积金</translation>
    </message>
    <message>
        <source>Social security</source>
        <translation>社会保险</translation>
    </message>
    <message>
        <source>Business registration</source>
        <translation>工商登记</translation>
    </message>
    <message>
        <source>Ships</source>
        <translation>船舶</translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <source>National (head offices)</source>
        <translation>总对总</translation>
    </message>
    <message>
        <source>Provincial (local)</source>
        <translation>点对点</translation>
    </message>
</context>
<context>
    <name>coercion</name>
    <message>
        <source>Judicial detention</source>
        <translation>司法拘留</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>Compelled appearance</source>
        <translation>拘传</translation>
    </message>
</context>
<context>
    <name>coercion_state</name>
    <message>
        <source>Awaiting the president</source>
        <translation>待院长决定</translation>
    </message>
    <message>
        <source>Detained in an emergency, approval to follow</source>
        <translation>已紧急拘留，待补办批准</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>已决定</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>未批准</translation>
    </message>
    <message>
        <source>Released: not approved</source>
        <translation>未获批准，已解除拘留</translation>
    </message>
    <message>
        <source>Revoked on review</source>
        <translation>复议撤销</translation>
    </message>
</context>
<context>
    <name>condition</name>
    <message>
        <source>More than 3 months since filing</source>
        <translation>自立案之日起已超过三个月</translation>
    </message>
    <message>
        <source>Execution notice sent</source>
        <translation>已发出执行通知书</translation>
    </message>
    <message>
        <source>Asset-report order sent</source>
        <translation>已发出报告财产令</translation>
    </message>
    <message>
        <source>Network query (national) made</source>
        <translation>已网络查控（总对总）</translation>
    </message>
    <message>
        <source>On-site investigation made</source>
        <translation>已传统调查（登门临柜）</translation>
    </message>
    <message>
        <source>No property found that can still be disposed of (none under control or sale)</source>
        <translation>未发现可供执行的财产（无在控、在处置财产）</translation>
    </message>
    <message>
        <source>Restriction on high consumption issued</source>
        <translation>已发出限制消费令</translation>
    </message>
    <message>
        <source>On the list of dishonest judgment debtors (where its conditions hold)</source>
        <translation>符合条件的已纳入失信被执行人名单</translation>
    </message>
    <message>
        <source>Applicant told and heard</source>
        <translation>已告知并听取申请执行人意见</translation>
    </message>
</context>
<context>
    <name>condition_state</name>
    <message>
        <source>Met</source>
        <translation>已满足</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>未满足</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>credit</name>
    <message>
        <source>List of dishonest judgment debtors</source>
        <translation>纳入失信被执行人名单</translation>
    </message>
    <message>
        <source>Restriction on high consumption</source>
        <translation>限制高消费</translation>
    </message>
    <message>
        <source>Restriction on leaving the country</source>
        <translation>限制出境</translation>
    </message>
</context>
<context>
    <name>credit_state</name>
    <message>
        <source>In force</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>Term ended</source>
        <translation>期限届满</translation>
    </message>
</context>
<context>
    <name>crew</name>
    <message>
        <source>Enforcement judge</source>
        <translation>执行法官</translation>
    </message>
    <message>
        <source>Judge&apos;s assistant</source>
        <translation>法官助理</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Judicial police</source>
        <translation>法警</translation>
    </message>
</context>
<context>
    <name>disposal_round</name>
    <message>
        <source>First auction</source>
        <translation>一拍</translation>
    </message>
    <message>
        <source>Second auction</source>
        <translation>二拍</translation>
    </message>
    <message>
        <source>Sale by conversion (变卖)</source>
        <translation>变卖</translation>
    </message>
    <message>
        <source>Settlement in kind (以物抵债)</source>
        <translation>以物抵债</translation>
    </message>
</context>
<context>
    <name>disposal_state</name>
    <message>
        <source>Valued, to auction</source>
        <translation>已定价，待拍卖</translation>
    </message>
    <message>
        <source>First auction failed</source>
        <translation>一拍流拍</translation>
    </message>
    <message>
        <source>Second auction failed</source>
        <translation>二拍流拍</translation>
    </message>
    <message>
        <source>Sold at auction</source>
        <translation>拍卖成交</translation>
    </message>
    <message>
        <source>Sold by conversion</source>
        <translation>变卖成交</translation>
    </message>
    <message>
        <source>Taken in payment</source>
        <translation>以物抵债</translation>
    </message>
    <message>
        <source>Not sold: released</source>
        <translation>变卖不成：解除控制</translation>
    </message>
</context>
<context>
    <name>end_reason</name>
    <message>
        <source>Performed in full</source>
        <translation>全部履行完毕</translation>
    </message>
    <message>
        <source>Settled and performed</source>
        <translation>和解协议已履行完毕</translation>
    </message>
    <message>
        <source>At the applicant&apos;s written request</source>
        <translation>申请执行人书面申请</translation>
    </message>
    <message>
        <source>Enforcement ended otherwise</source>
        <translation>终结执行或不予执行</translation>
    </message>
    <message>
        <source>Made in error</source>
        <translation>错误纳入</translation>
    </message>
    <message>
        <source>Term ended</source>
        <translation>期限届满</translation>
    </message>
</context>
<context>
    <name>escalated_to</name>
    <message>
        <source>supervisor</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <source>court above</source>
        <translation>上级法院</translation>
    </message>
</context>
<context>
    <name>escalation_kind</name>
    <message>
        <source>SOS</source>
        <translation>一键求助</translation>
    </message>
    <message>
        <source>Violent resistance</source>
        <translation>暴力抗法</translation>
    </message>
    <message>
        <source>Threat of self-harm</source>
        <translation>当事人以自伤相威胁</translation>
    </message>
    <message>
        <source>Crowd gathering</source>
        <translation>人员聚集</translation>
    </message>
    <message>
        <source>Injury</source>
        <translation>人员受伤</translation>
    </message>
    <message>
        <source>Police support asked for</source>
        <translation>请求公安支援</translation>
    </message>
    <message>
        <source>A detention decision needed</source>
        <translation>需作出拘留决定</translation>
    </message>
    <message>
        <source>New asset found on the scene</source>
        <translation>现场发现新财产</translation>
    </message>
    <message>
        <source>Risk of assets moved away</source>
        <translation>财产转移风险</translation>
    </message>
    <message>
        <source>A hit awaiting its freeze</source>
        <translation>查控命中待冻结</translation>
    </message>
    <message>
        <source>Property found on a terminated (终本) case</source>
        <translation>终本案件发现财产</translation>
    </message>
    <message>
        <source>A measure about to lapse</source>
        <translation>控制措施即将到期</translation>
    </message>
    <message>
        <source>A detainee&apos;s family not yet told</source>
        <translation>拘留未通知家属</translation>
    </message>
    <message>
        <source>A detainee&apos;s family not told within 24 hours</source>
        <translation>拘留逾期未通知家属</translation>
    </message>
    <message>
        <source>Bankruptcy ruling overdue</source>
        <translation>移送破产审查逾期未裁定</translation>
    </message>
    <message>
        <source>A supervision order unanswered</source>
        <translation>督办逾期未回复</translation>
    </message>
    <message>
        <source>Team out of contact</source>
        <translation>队伍失联</translation>
    </message>
    <message>
        <source>Check-in missed on scene</source>
        <translation>未按时报平安</translation>
    </message>
    <message>
        <source>Duress code at check-in</source>
        <translation>暗号求救</translation>
    </message>
</context>
<context>
    <name>escalation_state</name>
    <message>
        <source>Open</source>
        <translation>待签收</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已上报</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>escalation_step</name>
    <message>
        <source>raised it</source>
        <translation>发起</translation>
    </message>
    <message>
        <source>acknowledged it</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>escalated it</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>escalated it: not acknowledged in time</source>
        <translation>上报（未在时限内签收）</translation>
    </message>
    <message>
        <source>resolved it</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>raised it to level 1: still no check-in</source>
        <translation>仍未报平安，升为一级</translation>
    </message>
    <message>
        <source>checked in at last</source>
        <translation>已补报平安</translation>
    </message>
</context>
<context>
    <name>fact</name>
    <message>
        <source>Filed</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>进入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Limit ran out</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>Still not done when seen</source>
        <translation>核查时仍未办理</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Last enforcement act</source>
        <translation>最后一次执行行为</translation>
    </message>
    <message>
        <source>Auction failed</source>
        <translation>流拍</translation>
    </message>
    <message>
        <source>Next round held</source>
        <translation>再次处置</translation>
    </message>
    <message>
        <source>Money received</source>
        <translation>案款到账</translation>
    </message>
    <message>
        <source>Paid out in full</source>
        <translation>发放完毕</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>收到信访</translation>
    </message>
    <message>
        <source>Complaint concluded</source>
        <translation>信访办结</translation>
    </message>
    <message>
        <source>Terminated (终本)</source>
        <translation>终本</translation>
    </message>
    <message>
        <source>Measure lapsed</source>
        <translation>措施到期解除</translation>
    </message>
    <message>
        <source>Property found</source>
        <translation>查得财产</translation>
    </message>
    <message>
        <source>Supervision order issued</source>
        <translation>下发督办</translation>
    </message>
    <message>
        <source>Recorded by a supervisor</source>
        <translation>指挥长人工登记</translation>
    </message>
</context>
<context>
    <name>finding_state</name>
    <message>
        <source>To review</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
</context>
<context>
    <name>flag</name>
    <message>
        <source>Dishonest list</source>
        <translation>失信</translation>
    </message>
    <message>
        <source>Consumption restricted</source>
        <translation>限高</translation>
    </message>
    <message>
        <source>Current procedure terminated (终本)</source>
        <translation>终本</translation>
    </message>
    <message>
        <source>Bankruptcy candidate</source>
        <translation>执转破候选</translation>
    </message>
    <message>
        <source>Exit restricted</source>
        <translation>限制出境</translation>
    </message>
    <message>
        <source>Transferred for bankruptcy</source>
        <translation>执转破</translation>
    </message>
    <message>
        <source>Relief paid</source>
        <translation>已救助</translation>
    </message>
</context>
<context>
    <name>ground</name>
    <message>
        <source>Able to perform but refusing</source>
        <translation>有履行能力而拒不履行</translation>
    </message>
    <message>
        <source>Obstructing enforcement by forged evidence, violence or threats</source>
        <translation>以伪造证据、暴力、威胁等方法妨碍、抗拒执行</translation>
    </message>
    <message>
        <source>Evading enforcement by sham litigation or arbitration, or by hiding or moving property</source>
        <translation>以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行</translation>
    </message>
    <message>
        <source>Breaking the duty to report property</source>
        <translation>违反财产报告制度</translation>
    </message>
    <message>
        <source>Breaking a restriction on high consumption</source>
        <translation>违反限制消费令</translation>
    </message>
    <message>
        <source>Not performing a settlement without good reason</source>
        <translation>无正当理由拒不履行执行和解协议</translation>
    </message>
</context>
<context>
    <name>ledger</name>
    <message>
        <source>Received</source>
        <translation>到账</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>发放</translation>
    </message>
</context>
<context>
    <name>link_state</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>Offline, retrying</source>
        <translation>离线，正在重试</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>measure</name>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣划</translation>
    </message>
    <message>
        <source>Seal-up</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>扣押</translation>
    </message>
</context>
<context>
    <name>measure_state</name>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Lapsed (not renewed)</source>
        <translation>已到期失效（未续行）</translation>
    </message>
</context>
<context>
    <name>message_state</name>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>已读</translation>
    </message>
</context>
<context>
    <name>node</name>
    <message>
        <source>Filing review</source>
        <translation>立案审查</translation>
    </message>
    <message>
        <source>Filing registration</source>
        <translation>立案登记</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分案</translation>
    </message>
    <message>
        <source>Execution notice</source>
        <translation>发送执行通知书</translation>
    </message>
    <message>
        <source>Asset report order</source>
        <translation>发送报告财产令</translation>
    </message>
    <message>
        <source>Asset declaration</source>
        <translation>被执行人申报财产</translation>
    </message>
    <message>
        <source>Service of documents</source>
        <translation>文书送达</translation>
    </message>
    <message>
        <source>Network query (national)</source>
        <translation>网络查控（总对总）</translation>
    </message>
    <message>
        <source>Network query (provincial)</source>
        <translation>网络查控（点对点）</translation>
    </message>
    <message>
        <source>Traditional investigation (in person)</source>
        <translation>传统调查（登门临柜）</translation>
    </message>
    <message>
        <source>Clue verification</source>
        <translation>财产线索核查</translation>
    </message>
    <message>
        <source>Reward notice</source>
        <translation>悬赏公告</translation>
    </message>
    <message>
        <source>Audit investigation</source>
        <translation>审计调查</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Seal up</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seizure</source>
        <translation>扣押</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣划</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>委托评估</translation>
    </message>
    <message>
        <source>Price inquiry</source>
        <translation>询价</translation>
    </message>
    <message>
        <source>Online auction</source>
        <translation>网络司法拍卖</translation>
    </message>
    <message>
        <source>Sale by conversion</source>
        <translation>变卖</translation>
    </message>
    <message>
        <source>Settlement in kind</source>
        <translation>以物抵债</translation>
    </message>
    <message>
        <source>Exit restriction</source>
        <translation>限制出境</translation>
    </message>
    <message>
        <source>Consumption restriction</source>
        <translation>限制高消费</translation>
    </message>
    <message>
        <source>Dishonest listing</source>
        <translation>纳入失信名单</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>罚款</translation>
    </message>
    <message>
        <source>Judicial detention</source>
        <translation>司法拘留</translation>
    </message>
    <message>
        <source>Referral of a refusal-to-enforce crime</source>
        <translation>移送拒执犯罪线索</translation>
    </message>
    <message>
        <source>Funds received</source>
        <translation>案款到账</translation>
    </message>
    <message>
        <source>Funds paid out</source>
        <translation>案款发放</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>执行和解</translation>
    </message>
    <message>
        <source>Closing review</source>
        <translation>结案审查</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>执行完毕</translation>
    </message>
    <message>
        <source>Current procedure terminated (终本)</source>
        <translation>终结本次执行程序</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终结执行</translation>
    </message>
    <message>
        <source>Not enforced</source>
        <translation>不予执行</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>归档</translation>
    </message>
</context>
<context>
    <name>party</name>
    <message>
        <source>Applicant</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
</context>
<context>
    <name>permission</name>
    <message>
        <source>read the casework</source>
        <translation>查阅案件</translation>
    </message>
    <message>
        <source>dispatch teams</source>
        <translation>调度队伍</translation>
    </message>
    <message>
        <source>record a team&apos;s check-in on scene</source>
        <translation>登记现场队伍报平安</translation>
    </message>
    <message>
        <source>instruct teams</source>
        <translation>向队伍下达指令</translation>
    </message>
    <message>
        <source>handle escalations</source>
        <translation>处置事件</translation>
    </message>
    <message>
        <source>take escalations sent on</source>
        <translation>接手上报的事件</translation>
    </message>
    <message>
        <source>launch asset queries</source>
        <translation>发起财产查询</translation>
    </message>
    <message>
        <source>record money received into case accounts</source>
        <translation>登记案款到账</translation>
    </message>
    <message>
        <source>pay money out of case accounts</source>
        <translation>发放案款</translation>
    </message>
    <message>
        <source>order and remove credit punishment</source>
        <translation>采取和解除信用惩戒</translation>
    </message>
    <message>
        <source>propose bankruptcy review and apply for relief</source>
        <translation>拟移送破产审查、申请执行救助</translation>
    </message>
    <message>
        <source>sign a transfer for bankruptcy review</source>
        <translation>签发移送破产审查决定</translation>
    </message>
    <message>
        <source>reply to supervision orders to one&apos;s court</source>
        <translation>回复对本院的督办</translation>
    </message>
    <message>
        <source>issue supervision orders to the courts below, and decide their replies</source>
        <translation>对下级法院下发督办并审核回复</translation>
    </message>
    <message>
        <source>confirm, dismiss and record findings of passive enforcement on the courts below</source>
        <translation>确认、排除和登记下级法院的消极执行线索</translation>
    </message>
    <message>
        <source>approve measures above the threshold</source>
        <translation>审批超限额措施</translation>
    </message>
    <message>
        <source>order and renew measures on hits, and sell property</source>
        <translation>对查得财产采取、续行控制措施并处置财产</translation>
    </message>
    <message>
        <source>ask for coercive measures</source>
        <translation>申请强制措施</translation>
    </message>
    <message>
        <source>decide coercive measures</source>
        <translation>决定强制措施</translation>
    </message>
    <message>
        <source>reveal parties&apos; personal data</source>
        <translation>查看当事人个人信息</translation>
    </message>
    <message>
        <source>record acts done on cases</source>
        <translation>记录办案事项</translation>
    </message>
    <message>
        <source>decide 终本 and resume enforcement</source>
        <translation>终结本次执行程序与恢复执行</translation>
    </message>
</context>
<context>
    <name>phase</name>
    <message>
        <source>Filing</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Asset investigation</source>
        <translation>财产调查</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Credit punishment</source>
        <translation>信用惩戒</translation>
    </message>
    <message>
        <source>Coercive measures</source>
        <translation>强制措施</translation>
    </message>
    <message>
        <source>Case funds</source>
        <translation>案款</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案</translation>
    </message>
</context>
<context>
    <name>property</name>
    <message>
        <source>Real estate</source>
        <translation>不动产</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Ship</source>
        <translation>船舶</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股权</translation>
    </message>
</context>
<context>
    <name>query_state</name>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>查询完毕</translation>
    </message>
</context>
<context>
    <name>referral_state</name>
    <message>
        <source>Proposed</source>
        <translation>拟移送</translation>
    </message>
    <message>
        <source>Transferred, ruling awaited</source>
        <translation>已移送，待裁定</translation>
    </message>
    <message>
        <source>Accepted for bankruptcy</source>
        <translation>裁定受理</translation>
    </message>
    <message>
        <source>Refused: enforcement goes on</source>
        <translation>裁定不予受理，恢复执行</translation>
    </message>
</context>
<context>
    <name>relief_state</name>
    <message>
        <source>Applied for</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已发放</translation>
    </message>
</context>
<context>
    <name>result_state</name>
    <message>
        <source>Pending</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已反馈</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>review_state</name>
    <message>
        <source>Review applied for</source>
        <translation>已申请复议</translation>
    </message>
    <message>
        <source>Upheld on review</source>
        <translation>复议维持</translation>
    </message>
    <message>
        <source>Revoked on review</source>
        <translation>复议撤销</translation>
    </message>
</context>
<context>
    <name>role</name>
    <message>
        <source>Operator</source>
        <translation>值班员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>指挥长</translation>
    </message>
    <message>
        <source>President</source>
        <translation>院长</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>观察员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>severity</name>
    <message>
        <source>P1</source>
        <translation>一级</translation>
    </message>
    <message>
        <source>P2</source>
        <translation>二级</translation>
    </message>
    <message>
        <source>P3</source>
        <translation>三级</translation>
    </message>
    <message>
        <source>P4</source>
        <translation>四级</translation>
    </message>
</context>
<context>
    <name>situation</name>
    <message>
        <source>No officer assigned within 7 days of filing</source>
        <translation>立案后7日内未确定承办人</translation>
    </message>
    <message>
        <source>No execution notice or asset-report order within 10 days</source>
        <translation>10日内未发出执行通知书、报告财产令</translation>
    </message>
    <message>
        <source>No network query within 3 days</source>
        <translation>3日内未发起网络查控</translation>
    </message>
    <message>
        <source>Asset investigation not finished within a month</source>
        <translation>财产调查1个月内未完成</translation>
    </message>
    <message>
        <source>An applicant&apos;s asset clue not checked within 7 days</source>
        <translation>申请执行人提供的财产线索7日内未核查</translation>
    </message>
    <message>
        <source>A hit not controlled within 3 days</source>
        <translation>查控到财产3日内未采取控制措施</translation>
    </message>
    <message>
        <source>Controlled property not taken to disposal within 30 days</source>
        <translation>控制财产后30日内未启动处置</translation>
    </message>
    <message>
        <source>No second auction or sale within 30 days of a failed auction</source>
        <translation>流拍后30日内未再次拍卖或变卖</translation>
    </message>
    <message>
        <source>A measure lapsed without renewal</source>
        <translation>控制措施到期未续行</translation>
    </message>
    <message>
        <source>Case money not paid out within 30 days</source>
        <translation>案款到账后30日内未发放</translation>
    </message>
    <message>
        <source>A respondent who meets the conditions not listed as dishonest</source>
        <translation>符合条件未将被执行人纳入失信名单</translation>
    </message>
    <message>
        <source>Terminated (终本) without a restriction on high consumption</source>
        <translation>终本未限制高消费</translation>
    </message>
    <message>
        <source>Terminated (终本) within 3 months of filing</source>
        <translation>立案未满3个月即终本</translation>
    </message>
    <message>
        <source>Terminated (终本) without hearing the applicant</source>
        <translation>终本前未约谈申请执行人</translation>
    </message>
    <message>
        <source>A terminated (终本) case not queried again within 6 months</source>
        <translation>终本案件6个月内未再次查询</translation>
    </message>
    <message>
        <source>A new hit on a terminated (终本) case not acted on in 30 days</source>
        <translation>终本案件发现新财产30日内未处理</translation>
    </message>
    <message>
        <source>Past the case&apos;s time limit without an approved extension</source>
        <translation>超过办案期限且未经批准延长</translation>
    </message>
    <message>
        <source>No enforcement act for 30 days</source>
        <translation>连续30日无执行行为</translation>
    </message>
    <message>
        <source>A supervision order not answered by its deadline</source>
        <translation>督办逾期未回复</translation>
    </message>
    <message>
        <source>An enforcement complaint not concluded in time</source>
        <translation>执行信访未按期办结</translation>
    </message>
    <message>
        <source>Selective enforcement among one respondent&apos;s cases</source>
        <translation>同一被执行人多案选择性执行</translation>
    </message>
    <message>
        <source>A stay of enforcement beyond 3 months</source>
        <translation>暂缓执行超过3个月</translation>
    </message>
    <message>
        <source>Documents not served in time</source>
        <translation>法律文书未按期送达</translation>
    </message>
    <message>
        <source>A seized item without custody records</source>
        <translation>扣押财物无保管记录</translation>
    </message>
    <message>
        <source>Closed as completed with money still owed</source>
        <translation>未全部执行到位即以执行完毕结案</translation>
    </message>
</context>
<context>
    <name>supervision_state</name>
    <message>
        <source>Awaiting reply</source>
        <translation>待回复</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>已回复，待审核</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已审核通过</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
</context>
<context>
    <name>tag</name>
    <message>
        <source>Livelihood</source>
        <translation>涉民生</translation>
    </message>
    <message>
        <source>Spring Festival campaign</source>
        <translation>司法大拜年</translation>
    </message>
    <message>
        <source>Hundred-day campaign</source>
        <translation>百日执行攻坚战</translation>
    </message>
</context>
<context>
    <name>task</name>
    <message>
        <source>Service</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>On-site investigation</source>
        <translation>现场调查</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seize</source>
        <translation>扣押</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜查</translation>
    </message>
    <message>
        <source>Compelled appearance</source>
        <translation>拘传</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>拘留</translation>
    </message>
    <message>
        <source>Eviction</source>
        <translation>强制腾退</translation>
    </message>
    <message>
        <source>Posting notices</source>
        <translation>张贴公告</translation>
    </message>
</context>
<context>
    <name>task_state</name>
    <message>
        <source>Assigned</source>
        <translation>已派发</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>team_status</name>
    <message>
        <source>Standby</source>
        <translation>待命</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>到场</translation>
    </message>
    <message>
        <source>Operating</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>返程</translation>
    </message>
    <message>
        <source>Off duty</source>
        <translation>休整</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>track</name>
    <message>
        <source>Simple</source>
        <translation>简案</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>繁案</translation>
    </message>
</context>
<context>
    <name>valuation</name>
    <message>
        <source>Agreed by the parties (议价)</source>
        <translation>当事人议价</translation>
    </message>
    <message>
        <source>Directed inquiry (定向询价)</source>
        <translation>定向询价</translation>
    </message>
    <message>
        <source>Online inquiry (网络询价)</source>
        <translation>网络询价</translation>
    </message>
    <message>
        <source>Appraisal (委托评估)</source>
        <translation>委托评估</translation>
    </message>
</context>
<context>
    <name>warning</name>
    <message>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <source>Seriously overdue</source>
        <translation>严重超期</translation>
    </message>
    <message>
        <source>No progress</source>
        <translation>无进展</translation>
    </message>
</context>
</TS>
