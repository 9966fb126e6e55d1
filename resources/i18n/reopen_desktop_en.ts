<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name />
        <message>
            <source>数据文件正在使用</source>
            <translation>Data file in use</translation>
        </message>
        <message>
            <source>数据文件“{0}”已经被另一个窗口打开(程序 {1},计算机 {2},进程 {3})。
请切换到那个窗口继续工作。</source>
            <translation>The data file “{0}” is already open in another window (program {1}, computer {2}, process {3}).
Please switch to that window to carry on.</translation>
        </message>
        <message>
            <source>首次设置</source>
            <translation>First start</translation>
        </message>
        <message>
            <source>无法打开数据文件</source>
            <translation>Cannot open the data file</translation>
        </message>
        <message>
            <source>现在用这个备份恢复吗?损坏的文件会改名保留在原文件夹,不会删除。</source>
            <translation>Restore from this backup now? The damaged file is renamed and kept in the same folder, not deleted.</translation>
        </message>
        <message>
            <source>数据文件已损坏</source>
            <translation>Data file damaged</translation>
        </message>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>恢复失败</source>
            <translation>Restore failed</translation>
        </message>
        <message>
            <source>已恢复</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>已从备份“{0}”恢复。损坏的文件保存为“{1}”。</source>
            <translation>Restored from the backup “{0}”. The damaged file was kept as “{1}”.</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>正在生成示例学校…</source>
            <translation>Creating the demo school…</translation>
        </message>
        <message>
            <source>示例学校</source>
            <translation>Demo school</translation>
        </message>
        <message>
            <source>数据文件的位置不安全</source>
            <translation>Unsafe data file location</translation>
        </message>
        <message>
            <source>复制到本机</source>
            <translation>Copy to this PC</translation>
        </message>
        <message>
            <source>复制失败</source>
            <translation>Copy failed</translation>
        </message>
        <message>
            <source>复学防控桌面</source>
            <translation>Reopen Desktop</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <source>返回继续录入</source>
            <translation>Go back to typing</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>正在生成 PDF…</source>
            <translation>Making the PDF…</translation>
        </message>
        <message>
            <source>未生成</source>
            <translation>Not created</translation>
        </message>
        <message>
            <source>字体</source>
            <translation>Font</translation>
        </message>
        <message>
            <source>{0}({1})</source>
            <translation>{0} ({1})</translation>
        </message>
        <message>
            <source>“{0}”不是日期。请写成 2026-03-01 这样,或点右边的日历选择。</source>
            <translation>“{0}” is not a date. Write it like 2026-03-01, or pick it on the calendar at the right.</translation>
        </message>
        <message>
            <source>“{0}”不是时间。请写成 2026-03-02 12:00 这样。</source>
            <translation>“{0}” is not a time. Write it like 2026-03-02 12:00.</translation>
        </message>
        <message>
            <source>“{0}”不是数字。</source>
            <translation>“{0}” is not a number.</translation>
        </message>
        <message>
            <source>不能小于 {0:g}。</source>
            <translation>Cannot be less than {0:g}.</translation>
        </message>
        <message>
            <source>不能大于 {0:g}。</source>
            <translation>Cannot be more than {0:g}.</translation>
        </message>
        <message>
            <source>如 2026-03-01</source>
            <translation>e.g. 2026-03-01</translation>
        </message>
        <message>
            <source>{0}:</source>
            <translation>{0}:</translation>
        </message>
        <message>
            <source>必须填写。</source>
            <translation>Required.</translation>
        </message>
        <message>
            <source>还需填写:{0}</source>
            <translation>Still to fill in: {0}</translation>
        </message>
        <message>
            <source>请改正标红的项。</source>
            <translation>Correct the fields in red.</translation>
        </message>
        <message>
            <source>放弃填写?</source>
            <translation>Discard what you typed?</translation>
        </message>
        <message>
            <source>“{0}”中填写的内容还没有保存。关闭并放弃这些内容吗?</source>
            <translation>What you typed in “{0}” is not saved yet. Close and discard it?</translation>
        </message>
        <message>
            <source>放弃</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>病假</source>
            <translation>sick leave</translation>
        </message>
        <message>
            <source>事假</source>
            <translation>personal leave</translation>
        </message>
        <message>
            <source>已就诊</source>
            <translation>seen a doctor</translation>
        </message>
        <message>
            <source>新到本班,录入后才出现</source>
            <translation>new in the class, arrived after you started typing</translation>
        </message>
        <message>
            <source>已不在本班,此行不会保存</source>
            <translation>no longer in the class, this line is not saved</translation>
        </message>
        <message>
            <source>{0}〔{1}〕</source>
            <translation>{0} [{1}]</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>导出Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>筛选“{0}”</source>
            <translation>filter “{0}”</translation>
        </message>
        <message>
            <source>升序</source>
            <translation>ascending</translation>
        </message>
        <message>
            <source>降序</source>
            <translation>descending</translation>
        </message>
        <message>
            <source>按“{0}”{1}</source>
            <translation>sorted by “{0}”, {1}</translation>
        </message>
        <message>
            <source>导出Excel</source>
            <translation>Export to Excel</translation>
        </message>
        <message>
            <source>Excel 文件 (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>未导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>已导出 {0} 行到 {1}</source>
            <translation>Exported rows: {0}, to {1}</translation>
        </message>
        <message>
            <source>保存每周防控工作小结</source>
            <translation>Save weekly prevention summary</translation>
        </message>
        <message>
            <source>保存每月防控工作小结</source>
            <translation>Save monthly prevention summary</translation>
        </message>
        <message>
            <source>因病缺课缺勤登记追踪表</source>
            <translation>Illness-absence register (因病缺课缺勤登记追踪表)</translation>
        </message>
        <message>
            <source>生成</source>
            <translation>Make</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>To</translation>
        </message>
        <message>
            <source>保存因病缺课缺勤登记追踪表</source>
            <translation>Save the illness-absence register</translation>
        </message>
        <message>
            <source>因病缺课缺勤登记追踪表-{0}至{1}.pdf</source>
            <translation>illness-absence-register-{0}-to-{1}.pdf</translation>
        </message>
        <message>
            <source>结束日期早于开始日期。</source>
            <translation>The end date is before the start date.</translation>
        </message>
        <message>
            <source>导出 {0} 至 {1} 的上报数据包到:</source>
            <translation>Export the report bundle for {0} to {1} to:</translation>
        </message>
        <message>
            <source>正在导出上报数据包并读回核对…</source>
            <translation>Exporting the report bundle and reading it back…</translation>
        </message>
        <message>
            <source>没有导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>U 盘 {0}</source>
            <translation>USB stick {0}</translation>
        </message>
        <message>
            <source>今日上报</source>
            <translation>Today's report</translation>
        </message>
        <message>
            <source>其他文件夹…</source>
            <translation>Another folder…</translation>
        </message>
        <message>
            <source>选择保存上报数据包的文件夹(U 盘)</source>
            <translation>Choose the folder (USB stick) for the report bundle</translation>
        </message>
        <message>
            <source>示例数据 · 非真实学校</source>
            <translation>Demo data · not a real school</translation>
        </message>
        <message>
            <source>花名册模板.xlsx</source>
            <translation>roster-template.xlsx</translation>
        </message>
        <message>
            <source>保存花名册模板</source>
            <translation>Save roster template</translation>
        </message>
        <message>
            <source>选择乡镇公钥</source>
            <translation>Choose the township key</translation>
        </message>
        <message>
            <source>公钥文件 (*.pem);;所有文件 (*)</source>
            <translation>Key files (*.pem);;All files (*)</translation>
        </message>
        <message>
            <source>已读取公钥“{0}”。指纹 {1}:请与乡镇发的纸条核对。</source>
            <translation>Read the key “{0}”. Fingerprint {1}: compare it with the township's note.</translation>
        </message>
        <message>
            <source>筛选…</source>
            <translation>Filter…</translation>
        </message>
        <message>
            <source>只显示含有这些字的行(姓名、班级、日期……,空格分开几个词)</source>
            <translation>Show only the rows containing these words (name, class, date…; separate words with spaces)</translation>
        </message>
        <message>
            <source>使用指南</source>
            <translation>User guide</translation>
        </message>
        <message>
            <source>找不到使用指南:{0}</source>
            <translation>The user guide is missing: {0}</translation>
        </message>
        <message>
            <source>其他</source>
            <translation>other</translation>
        </message>
        <message>
            <source>跳过 {0} 行({1}),没有导入:</source>
            <translation>{0} rows skipped ({1}), not imported:</translation>
        </message>
        <message>
            <source>{0} {1} 行</source>
            <translation>{0}: {1} rows</translation>
        </message>
        <message>
            <source>“{0}”第 {1} 行 {2}:{3}</source>
            <translation>“{0}” row {1}, {2}: {3}</translation>
        </message>
        <message>
            <source>……其余 {0} 处见“错误行”,可保存错误表改正后再导入。</source>
            <translation>… {0} more under “错误行” (invalid rows); save the error workbook, correct it and import again.</translation>
        </message>
        <message>
            <source>花名册已导入:读取 {0} 行,新增 {1} 人,更新 {2} 人,未变 {3} 人;跳过 {4} 行。</source>
            <translation>Roster imported: {0} rows read, {1} people added, {2} updated, {3} unchanged; {4} rows skipped.</translation>
        </message>
        <message>
            <source>改名 {0} 人。</source>
            <translation>{0} renamed.</translation>
        </message>
        <message>
            <source>重复行 {0} 处,各只导入一次。</source>
            <translation>{0} repeated rows, each imported once.</translation>
        </message>
        <message>
            <source>标记离校 {0} 人。</source>
            <translation>{0} marked as left.</translation>
        </message>
        <message>
            <source>病例</source>
            <translation>a case</translation>
        </message>
        <message>
            <source>疑似病例</source>
            <translation>a suspected case</translation>
        </message>
        <message>
            <source>阴性,不是病例</source>
            <translation>negative, not a case</translation>
        </message>
        <message>
            <source>已排除,不是病例</source>
            <translation>ruled out, not a case</translation>
        </message>
        <message>
            <source>携带者,不是病例,不因此居家</source>
            <translation>a carrier, not a case, no reason to stay home</translation>
        </message>
        <message>
            <source>潜伏感染,不是病例,不因此居家</source>
            <translation>a latent infection, not a case, no reason to stay home</translation>
        </message>
        <message>
            <source>接触者,不是病例,不因此居家</source>
            <translation>a contact, not a case, no reason to stay home</translation>
        </message>
        <message>
            <source>疫苗反应,不是病例</source>
            <translation>a vaccine reaction, not a case</translation>
        </message>
        <message>
            <source>既往史,不是病例</source>
            <translation>past history, not a case</translation>
        </message>
        <message>
            <source>选择病种</source>
            <translation>Pick the disease</translation>
        </message>
        <message>
            <source>从:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>到:</source>
            <translation>To:</translation>
        </message>
        <message>
            <source>打开所在文件夹</source>
            <translation>Open the folder</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>没有能打开 PDF 的程序</source>
            <translation>No program opens PDFs</translation>
        </message>
        <message>
            <source>PDF 已保存,但这台电脑上没有能打开 PDF 的程序,所以没有打开它。

文件:{0}

请安装一个 PDF 阅读器(例如 WPS Office、Adobe Acrobat Reader、SumatraPDF)后打开它打印,或把它复制到能打印的电脑上。</source>
            <translation>The PDF is saved, but no program on this computer opens PDFs, so it was not opened.

File: {0}

Install a PDF reader (for example WPS Office, Adobe Acrobat Reader or SumatraPDF) and print it from there, or copy it to a computer that prints.</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
        <message>
            <source>还没有读取乡镇公钥,无法加密上报数据包,没有导出任何内容。请插上乡镇防控指挥部给的 U 盘,在菜单“设置 → 读取乡镇公钥…”中选择其中的 .pem 文件,然后再点“今日上报”。</source>
            <translation>The township key has not been read yet, so the bundle cannot be encrypted; nothing was exported. Plug in the USB stick from the township headquarters, choose its .pem file under Settings → Read the township key…, then press Send today's report again.</translation>
        </message>
        <message>
            <source>保存的乡镇公钥不是上报数据包用的公钥,没有导出任何内容。请向乡镇防控指挥部索取正确的 .pem 公钥文件,在菜单“设置 → 读取乡镇公钥…”中重新读取。</source>
            <translation>The stored township key is not the key bundles are encrypted to; nothing was exported. Ask the township headquarters for the right .pem key file and read it again under Settings → Read the township key….</translation>
        </message>
    </context>
    <context>
        <name>AdjustDialog</name>
        <message>
            <source>调整:{0}</source>
            <translation>Adjust: {0}</translation>
        </message>
        <message>
            <source>调整原因,如 本地疾控要求</source>
            <translation>why, e.g. the local CDC asks for it</translation>
        </message>
        <message>
            <source>规范值 {0};本校只能在 {1:g} 至 {2:g} 之间从严调整。</source>
            <translation>The norm says {0}; the school may only make it stricter, between {1:g} and {2:g}.</translation>
        </message>
        <message>
            <source>本校数值:</source>
            <translation>School's value:</translation>
        </message>
        <message>
            <source>原因:</source>
            <translation>Why:</translation>
        </message>
        <message>
            <source>调整</source>
            <translation>Adjust</translation>
        </message>
    </context>
    <context>
        <name>AlertsTab</name>
        <message>
            <source>只看未结</source>
            <translation>Open only</translation>
        </message>
        <message>
            <source>结案(&amp;C)…</source>
            <translation>&amp;Close alert…</translation>
        </message>
        <message>
            <source>记录追踪情况(&amp;T)…</source>
            <translation>Record &amp;follow-up…</translation>
        </message>
        <message>
            <source>登记复课证明(&amp;R)…</source>
            <translation>Record &amp;return clearance…</translation>
        </message>
        <message>
            <source>缺勤与发热追踪(未结束)</source>
            <translation>Absence and fever follow-ups (still open)</translation>
        </message>
        <message>
            <source>今日预警 {0} 条</source>
            <translation>Alerts today: {0}</translation>
        </message>
        <message>
            <source>今日无预警(零报告)</source>
            <translation>No alerts today (zero report)</translation>
        </message>
        <message>
            <source>没有未结预警。</source>
            <translation>No open alerts.</translation>
        </message>
        <message>
            <source>报告时限:{0}</source>
            <translation>Report by: {0}</translation>
        </message>
        <message>
            <source>追踪:{0}</source>
            <translation>Follow-up: {0}</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>就诊情况</source>
            <translation>Doctor visit</translation>
        </message>
        <message>
            <source>诊断</source>
            <translation>Diagnosis</translation>
        </message>
        <message>
            <source>预计返校日期</source>
            <translation>Expected back on</translation>
        </message>
        <message>
            <source>已联系家长</source>
            <translation>Parents contacted</translation>
        </message>
        <message>
            <source>复课证明:{0}</source>
            <translation>Return clearance: {0}</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>开具单位</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <source>开具日期</source>
            <translation>Issued on</translation>
        </message>
        <message>
            <source>查验人</source>
            <translation>Checked by</translation>
        </message>
        <message>
            <source>记录诊断(&amp;D)…</source>
            <translation>Record &amp;diagnosis…</translation>
        </message>
        <message>
            <source>只有校医可以</source>
            <translation>School doctor only</translation>
        </message>
        <message>
            <source>诊断只有校医和管理员可以记录和查看。</source>
            <translation>Only the school doctor and the administrator record and see diagnoses.</translation>
        </message>
        <message>
            <source>诊断:{0}</source>
            <translation>Diagnosis: {0}</translation>
        </message>
    </context>
    <context>
        <name>AreaEditor</name>
        <message>
            <source>例如 07:30,16:30</source>
            <translation>e.g. 07:30, 16:30</translation>
        </message>
        <message>
            <source>按防控网络生成区域</source>
            <translation>Create areas from the grid</translation>
        </message>
        <message>
            <source>添加区域…</source>
            <translation>Add area…</translation>
        </message>
        <message>
            <source>改名…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <source>停用/启用</source>
            <translation>Disable/enable</translation>
        </message>
        <message>
            <source>消毒部位/物品:</source>
            <translation>Surfaces/objects to disinfect:</translation>
        </message>
        <message>
            <source>消毒方法:</source>
            <translation>Disinfection method:</translation>
        </message>
        <message>
            <source>消毒剂:</source>
            <translation>Disinfectant:</translation>
        </message>
        <message>
            <source>浓度:</source>
            <translation>Concentration:</translation>
        </message>
        <message>
            <source>作用时间(分钟):</source>
            <translation>Contact time (minutes):</translation>
        </message>
        <message>
            <source>每日消毒时间:</source>
            <translation>Daily disinfection times:</translation>
        </message>
        <message>
            <source>每日通风时间:</source>
            <translation>Daily ventilation times:</translation>
        </message>
        <message>
            <source>每次通风至少(分钟):</source>
            <translation>Each ventilation at least (minutes):</translation>
        </message>
        <message>
            <source>负责人:</source>
            <translation>Responsible:</translation>
        </message>
        <message>
            <source>保存计划</source>
            <translation>Save plan</translation>
        </message>
        <message>
            <source>(未指定)</source>
            <translation>(not set)</translation>
        </message>
        <message>
            <source>{0}(停用)</source>
            <translation>{0} (disabled)</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>添加区域</source>
            <translation>Add area</translation>
        </message>
        <message>
            <source>区域名称(例如 音乐室):</source>
            <translation>Area name (e.g. music room):</translation>
        </message>
        <message>
            <source>区域改名</source>
            <translation>Rename area</translation>
        </message>
        <message>
            <source>新的名称:</source>
            <translation>New name:</translation>
        </message>
    </context>
    <context>
        <name>AreaForm</name>
        <message>
            <source>地区名称</source>
            <translation>Area name</translation>
        </message>
        <message>
            <source>风险等级</source>
            <translation>Risk level</translation>
        </message>
        <message>
            <source>开始日期</source>
            <translation>From</translation>
        </message>
        <message>
            <source>结束日期(可空)</source>
            <translation>To (may be empty)</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>新建</source>
            <translation>New</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>从表格导入…</source>
            <translation>Import from a spreadsheet…</translation>
        </message>
    </context>
    <context>
        <name>BundleDialog</name>
        <message>
            <source>序号</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>日期范围</source>
            <translation>Dates</translation>
        </message>
        <message>
            <source>导出时间</source>
            <translation>Exported at</translation>
        </message>
        <message>
            <source>导出人</source>
            <translation>Exported by</translation>
        </message>
        <message>
            <source>天数</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>重点人员</source>
            <translation>Key persons</translation>
        </message>
        <message>
            <source>预警(未结)</source>
            <translation>Alerts (open)</translation>
        </message>
        <message>
            <source>复课证明</source>
            <translation>Return clearance</translation>
        </message>
        <message>
            <source>校验码</source>
            <translation>Check code</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>上报数据包</source>
            <translation>Report bundle</translation>
        </message>
        <message>
            <source>上报记录(每次导出都记在这里,可重新打印交接单):</source>
            <translation>Reports sent (every export is recorded here; the hand-over slip can be printed again):</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>打印交接单(&amp;P)…</source>
            <translation>&amp;Print hand-over slip…</translation>
        </message>
        <message>
            <source>已导出第 {0} 号上报数据包({1} 至 {2}),写入后已读回核对无误。</source>
            <translation>Report bundle no. {0} ({1} to {2}) exported, read back and verified.</translation>
        </message>
        <message>
            <source>文件:{0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <source>校验码:{0}</source>
            <translation>Check code: {0}</translation>
        </message>
        <message>
            <source>每日汇总 {0} 天,重点人员 {1} 条,预警 {2} 条(未结 {3}),复课证明 {4} 条。请打印交接单,与 U 盘一起送乡镇防控办,当面核对校验码。</source>
            <translation>Daily summaries: {0} days; key persons: {1}; alerts: {2} (open: {3}); return clearances: {4}. Print the hand-over slip, take it with the USB stick to the township prevention office and check the code together there.</translation>
        </message>
        <message>
            <source>{0} 至 {1}</source>
            <translation>{0} to {1}</translation>
        </message>
        <message>
            <source>交接单_第{0}号.pdf</source>
            <translation>hand-over-slip-{0}.pdf</translation>
        </message>
        <message>
            <source>保存交接单</source>
            <translation>Save hand-over slip</translation>
        </message>
        <message>
            <source>乡镇回执</source>
            <translation>Township receipt</translation>
        </message>
        <message>
            <source>读取回执(&amp;R)…</source>
            <translation>&amp;Read receipts…</translation>
        </message>
        <message>
            <source>读取 U 盘上乡镇写的回执;核验通过的数据包标为“已接收”</source>
            <translation>Read the receipts the township wrote on the USB stick; bundles whose receipt verifies are marked “received”</translation>
        </message>
        <message>
            <source>U 盘上的乡镇回执:已接收 {0} 个,拒收 {1} 个,忽略 {2} 个。</source>
            <translation>Township receipts on the stick: {0} received, {1} refused, {2} ignored.</translation>
        </message>
        <message>
            <source>已接收 {0}</source>
            <translation>Received {0}</translation>
        </message>
        <message>
            <source>未收到回执</source>
            <translation>No receipt yet</translation>
        </message>
        <message>
            <source>从哪里读取乡镇回执:</source>
            <translation>Read the township's receipts from:</translation>
        </message>
        <message>
            <source>没有读取</source>
            <translation>Not read</translation>
        </message>
        <message>
            <source>读取回执</source>
            <translation>Read receipts</translation>
        </message>
        <message>
            <source>{0} 里没有乡镇回执。</source>
            <translation>There are no township receipts in {0}.</translation>
        </message>
    </context>
    <context>
        <name>CalendarDialog</name>
        <message>
            <source>校历</source>
            <translation>School calendar</translation>
        </message>
        <message>
            <source>学期</source>
            <translation>Terms</translation>
        </message>
        <message>
            <source>第一天</source>
            <translation>First day</translation>
        </message>
        <message>
            <source>最后一天</source>
            <translation>Last day</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>安排</source>
            <translation>Arrangement</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>如 2026年春季学期</source>
            <translation>e.g. Spring term 2026</translation>
        </message>
        <message>
            <source>按星期(取消标记)</source>
            <translation>By weekday (remove the mark)</translation>
        </message>
        <message>
            <source>如 清明节、国庆调休</source>
            <translation>e.g. Qingming, National Day make-up</translation>
        </message>
        <message>
            <source>上课日:学期内的周一至周五(本校上课星期),去掉放假日,加上调休上课日。未设学期时,每周的上课星期都算上课日。晨午检、消毒通风、上报乡镇都按校历。</source>
            <translation>School days: Monday to Friday (the school's weekdays) within a term, less the holidays, plus the make-up days. With no term set, every school weekday counts. Checks, disinfection and ventilation, and the reports to the township follow this calendar.</translation>
        </message>
        <message>
            <source>自</source>
            <translation>from</translation>
        </message>
        <message>
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <source>添加学期</source>
            <translation>Add term</translation>
        </message>
        <message>
            <source>删除所选学期</source>
            <translation>Delete selected term</translation>
        </message>
        <message>
            <source>放假与调休</source>
            <translation>Holidays and make-up days</translation>
        </message>
        <message>
            <source>设定这一天</source>
            <translation>Set this day</translation>
        </message>
        <message>
            <source>今天({0})是上课日。</source>
            <translation>Today ({0}) is a school day.</translation>
        </message>
        <message>
            <source>今天({0})不是上课日。</source>
            <translation>Today ({0}) is not a school day.</translation>
        </message>
        <message>
            <source>删除学期</source>
            <translation>Delete term</translation>
        </message>
        <message>
            <source>删除学期“{0}”?</source>
            <translation>Delete the term “{0}”?</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
    </context>
    <context>
        <name>CampusTab</name>
        <message>
            <source>已完成</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>待完成</source>
            <translation>To do</translation>
        </message>
        <message>
            <source>逾期未完成</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>区域 / 项目</source>
            <translation>Area / task</translation>
        </message>
        <message>
            <source>应完成</source>
            <translation>Due</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>完成时间</source>
            <translation>Done at</translation>
        </message>
        <message>
            <source>执行人</source>
            <translation>Done by</translation>
        </message>
        <message>
            <source>消毒剂</source>
            <translation>Disinfectant</translation>
        </message>
        <message>
            <source>浓度 mg/L</source>
            <translation>Conc. mg/L</translation>
        </message>
        <message>
            <source>时长(分钟)</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>打开时显示最近的上课日</source>
            <translation>Opens on the latest school day</translation>
        </message>
        <message>
            <source>登记完成(Enter)</source>
            <translation>Mark done (Enter)</translation>
        </message>
        <message>
            <source>打印消毒通风记录…</source>
            <translation>Print disinfection and ventilation record…</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>每日检查表</source>
            <translation>Daily checklist</translation>
        </message>
        <message>
            <source>区域与消毒通风计划</source>
            <translation>Areas and disinfection/ventilation plan</translation>
        </message>
        <message>
            <source>逾期 {0} 项</source>
            <translation>Overdue: {0}</translation>
        </message>
        <message>
            <source>完成 {0}/{1}</source>
            <translation>Done {0}/{1}</translation>
        </message>
        <message>
            <source>这一天不是上课日,没有要完成的消毒通风。</source>
            <translation>This is not a school day: no disinfection or ventilation is due.</translation>
        </message>
        <message>
            <source>尚未设置区域:请到“区域与消毒通风计划”,点“按防控网络生成区域”。</source>
            <translation>No areas yet: go to “Areas and disinfection/ventilation plan” and click “Create areas from the grid”.</translation>
        </message>
        <message>
            <source>应完成 {0} 项,已完成 {1} 项,逾期 {2} 项</source>
            <translation>{0} due, {1} done, {2} overdue</translation>
        </message>
        <message>
            <source>这一项已经登记过了;如有误,可用 撤销(Ctrl+Z)。</source>
            <translation>This task is already recorded; if it is wrong, use Undo (Ctrl+Z).</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>已登记:{0} {1} {2}</source>
            <translation>Recorded: {0} {1} {2}</translation>
        </message>
        <message>
            <source>打印消毒通风记录</source>
            <translation>Print disinfection and ventilation record</translation>
        </message>
        <message>
            <source>打印哪段时间:</source>
            <translation>Which period:</translation>
        </message>
        <message>
            <source>本周({0} 起)</source>
            <translation>This week (from {0})</translation>
        </message>
        <message>
            <source>本月({0}月)</source>
            <translation>This month (month {0})</translation>
        </message>
        <message>
            <source>全部有记录的区域</source>
            <translation>All areas with records</translation>
        </message>
        <message>
            <source>当前区域:{0}</source>
            <translation>Current area: {0}</translation>
        </message>
        <message>
            <source>打印哪个区域:</source>
            <translation>Which area:</translation>
        </message>
        <message>
            <source>保存消毒通风记录</source>
            <translation>Save disinfection and ventilation record</translation>
        </message>
        <message>
            <source>{0}-消毒通风记录-{1}.pdf</source>
            <translation>{0}-disinfection-ventilation-{1}.pdf</translation>
        </message>
        <message>
            <source>已生成 {0}(共 {1} 页)</source>
            <translation>Created {0} (pages: {1})</translation>
        </message>
    </context>
    <context>
        <name>CanteenTab</name>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>从业人员晨检</source>
            <translation>Staff morning check</translation>
        </message>
        <message>
            <source>健康证</source>
            <translation>Health certificate</translation>
        </message>
        <message>
            <source>采购登记</source>
            <translation>Procurement</translation>
        </message>
        <message>
            <source>留样</source>
            <translation>Food samples</translation>
        </message>
        <message>
            <source>陪餐</source>
            <translation>Accompanied meals</translation>
        </message>
        <message>
            <source>无健康证</source>
            <translation>No health certificate</translation>
        </message>
        <message>
            <source>在岗</source>
            <translation>On duty</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>登记健康证</source>
            <translation>Record health certificate</translation>
        </message>
        <message>
            <source>从业人员:</source>
            <translation>Canteen worker:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>健康证编号</source>
            <translation>Certificate no.</translation>
        </message>
        <message>
            <source>供货单位</source>
            <translation>Supplier</translation>
        </message>
        <message>
            <source>许可证号</source>
            <translation>Licence no.</translation>
        </message>
        <message>
            <source>品名</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>数量</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>千克</source>
            <translation>kg</translation>
        </message>
        <message>
            <source>产地</source>
            <translation>Origin</translation>
        </message>
        <message>
            <source>冷链情况</source>
            <translation>Cold chain</translation>
        </message>
        <message>
            <source>验收人</source>
            <translation>Received by</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>体温 ℃</source>
            <translation>Temp. ℃</translation>
        </message>
        <message>
            <source>代码</source>
            <translation>Codes</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>代码:</source>
            <translation>Codes: </translation>
        </message>
        <message>
            <source>{0}{1}</source>
            <translation>{0} {1}</translation>
        </message>
        <message>
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>打印本月晨检记录表…</source>
            <translation>Print this month's check sheet…</translation>
        </message>
        <message>
            <source>打印本月留样记录…</source>
            <translation>Print this month's sample record…</translation>
        </message>
        <message>
            <source>登记健康证…</source>
            <translation>Record health certificate…</translation>
        </message>
        <message>
            <source>登记采购(索证索票)…</source>
            <translation>Record purchase (certificates and invoices)…</translation>
        </message>
        <message>
            <source>登记餐次和菜品…</source>
            <translation>Record meal and dishes…</translation>
        </message>
        <message>
            <source>登记所选菜品的留样…</source>
            <translation>Record sample of the selected dish…</translation>
        </message>
        <message>
            <source>登记陪餐…</source>
            <translation>Record accompanied meal…</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>索证</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>索票</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>冷链</source>
            <translation>Cold chain</translation>
        </message>
        <message>
            <source>餐次</source>
            <translation>Meal</translation>
        </message>
        <message>
            <source>陪餐领导</source>
            <translation>Accompanying leader</translation>
        </message>
        <message>
            <source>意见与建议</source>
            <translation>Comments and suggestions</translation>
        </message>
        <message>
            <source>发证日期</source>
            <translation>Issued on</translation>
        </message>
        <message>
            <source>有效期至</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>已索证(检验合格证明)</source>
            <translation>Certificate received (inspection certificate)</translation>
        </message>
        <message>
            <source>已索票(发票/收据)</source>
            <translation>Invoice received (invoice/receipt)</translation>
        </message>
        <message>
            <source>{0:g} 克</source>
            <translation>{0:g} g</translation>
        </message>
        <message>
            <source>未留样</source>
            <translation>No sample</translation>
        </message>
        <message>
            <source>菜品</source>
            <translation>Dish</translation>
        </message>
        <message>
            <source>留样量</source>
            <translation>Sample</translation>
        </message>
        <message>
            <source>登记餐次</source>
            <translation>Record meal</translation>
        </message>
        <message>
            <source>餐次:</source>
            <translation>Meal:</translation>
        </message>
        <message>
            <source>登记菜品</source>
            <translation>Record dishes</translation>
        </message>
        <message>
            <source>菜品(用顿号或逗号分开):</source>
            <translation>Dishes (separated by commas):</translation>
        </message>
        <message>
            <source>请先在表中选一个菜品。</source>
            <translation>First select a dish in the table.</translation>
        </message>
        <message>
            <source>登记留样</source>
            <translation>Record food sample</translation>
        </message>
        <message>
            <source>留样量(克)</source>
            <translation>Sample (g)</translation>
        </message>
        <message>
            <source>是</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>否</source>
            <translation>no</translation>
        </message>
        <message>
            <source>留样时间</source>
            <translation>Sampled at</translation>
        </message>
        <message>
            <source>保留至</source>
            <translation>Keep until</translation>
        </message>
        <message>
            <source>留样人</source>
            <translation>Sampled by</translation>
        </message>
        <message>
            <source>登记陪餐</source>
            <translation>Record accompanied meal</translation>
        </message>
        <message>
            <source>陪餐领导:</source>
            <translation>Accompanying leader:</translation>
        </message>
        <message>
            <source>意见与建议:</source>
            <translation>Comments and suggestions:</translation>
        </message>
        <message>
            <source>食堂从业人员晨检记录表-{0}.pdf</source>
            <translation>canteen-staff-checks-{0}.pdf</translation>
        </message>
        <message>
            <source>保存晨检记录表</source>
            <translation>Save check sheet</translation>
        </message>
        <message>
            <source>食品留样记录-{0}.pdf</source>
            <translation>food-samples-{0}.pdf</translation>
        </message>
        <message>
            <source>保存留样记录</source>
            <translation>Save sample record</translation>
        </message>
        <message>
            <source>暂停上岗规则:{0}依据:{1}{2}</source>
            <translation>Off-duty rule: {0} Source: {1}{2}</translation>
        </message>
        <message>
            <source>(条文未核实)</source>
            <translation> (wording not confirmed)</translation>
        </message>
        <message>
            <source>在“体温”格直接输入(365 或 36.5 都可),按回车保存并转到下一位;回车或 F2 修改已填的格,双击也可。“代码”格填症状代码,如 4 或 4,6。</source>
            <translation>Type in the temperature cell (365 or 36.5 both work) and press Enter to save and go to the next worker; Enter or F2 changes a filled cell, so does a double-click. The codes cell takes symptom codes, such as 4 or 4,6.</translation>
        </message>
        <message>
            <source>还没有教职工。请先在“防控网络”页添加食堂人员。</source>
            <translation>There are no staff yet. Add the canteen staff on the Prevention grid tab first.</translation>
        </message>
        <message>
            <source>没有岗位或部门含“食堂”的教职工。请在下一步从全部教职工中选择;登记了健康证的人即列为食堂从业人员。</source>
            <translation>No staff member's post or department contains 食堂 (canteen). Choose from all staff in the next step; whoever has a health certificate registered is listed as a canteen worker.</translation>
        </message>
        <message>
            <source>教职工:</source>
            <translation>Staff member:</translation>
        </message>
        <message>
            <source>其他教职工…</source>
            <translation>Other staff member…</translation>
        </message>
        <message>
            <source>分餐错峰</source>
            <translation>Dining shifts</translation>
        </message>
    </context>
    <context>
        <name>Card</name>
        <message>
            <source>需要处理</source>
            <translation>Needs action</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <source>登记肺结核病例</source>
            <translation>Record a TB case</translation>
        </message>
        <message>
            <source>结核病定点医疗机构</source>
            <translation>designated TB clinic</translation>
        </message>
        <message>
            <source>重症菌阴肺结核(空洞/大片干酪状坏死/粟粒性)</source>
            <translation>Severe smear-negative TB (cavity, extensive caseous necrosis, miliary)</translation>
        </message>
        <message>
            <source>班级:</source>
            <translation>Class:</translation>
        </message>
        <message>
            <source>学生:</source>
            <translation>Pupil:</translation>
        </message>
        <message>
            <source>诊断日期:</source>
            <translation>Diagnosed on:</translation>
        </message>
        <message>
            <source>诊断单位:</source>
            <translation>Diagnosed by:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <source>全部疾病(可填 水痘、流感 …)</source>
            <translation>All diseases (or type 水痘, 流感 …)</translation>
        </message>
        <message>
            <source>从</source>
            <translation>From</translation>
        </message>
        <message>
            <source>到</source>
            <translation>to</translation>
        </message>
        <message>
            <source>疾病</source>
            <translation>Disease</translation>
        </message>
        <message>
            <source>补充病例信息…</source>
            <translation>Add case details…</translation>
        </message>
        <message>
            <source>导出 Excel…</source>
            <translation>Export to Excel…</translation>
        </message>
        <message>
            <source>打印流行曲线…</source>
            <translation>Print the epidemic curve…</translation>
        </message>
        <message>
            <source>共 {0} 例:病例 {1},疑似病例 {2},聚集性疫情中尚未诊断 {3}。诊断为阴性、排除、携带者、接触者、疫苗反应或既往史者不列入。</source>
            <translation>{0} in all: {1} cases, {2} suspected, {3} cluster members without a diagnosis. A negative, excluded, carrier, contact, vaccine-reaction or past-history diagnosis is never listed.</translation>
        </message>
        <message>
            <source>补充病例信息</source>
            <translation>Case details</translation>
        </message>
        <message>
            <source>请先选择一个病例。</source>
            <translation>Select a case first.</translation>
        </message>
        <message>
            <source>病例一览表-{0}至{1}.xlsx</source>
            <translation>line-list-{0}-to-{1}.xlsx</translation>
        </message>
        <message>
            <source>导出病例一览表</source>
            <translation>Export the line list</translation>
        </message>
        <message>
            <source>Excel 文件 (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>病例一览表</source>
            <translation>Case line list</translation>
        </message>
        <message>
            <source>未导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>流行曲线-{0}至{1}.pdf</source>
            <translation>epidemic-curve-{0}-to-{1}.pdf</translation>
        </message>
        <message>
            <source>保存流行曲线</source>
            <translation>Save the epidemic curve</translation>
        </message>
    </context>
    <context>
        <name>CatalogueDialog</name>
        <message>
            <source>病种目录与标准</source>
            <translation>Disease catalogue and norms</translation>
        </message>
        <message>
            <source>查找病种、项目或依据(如 水痘、报告时限、2006)</source>
            <translation>Find a disease, a fact or a source (e.g. 水痘, 报告时限, 2006)</translation>
        </message>
        <message>
            <source>病种/规则</source>
            <translation>Disease / rule</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Fact</translation>
        </message>
        <message>
            <source>内容</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>依据</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>核实</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>标准</source>
            <translation>Norm</translation>
        </message>
        <message>
            <source>规范值</source>
            <translation>Norm's value</translation>
        </message>
        <message>
            <source>本校现行</source>
            <translation>School's value</translation>
        </message>
        <message>
            <source>可调范围</source>
            <translation>Allowed range</translation>
        </message>
        <message>
            <source>在规范范围内调整(&amp;A)…</source>
            <translation>&amp;Adjust within the norm…</translation>
        </message>
        <message>
            <source>病种目录(只读)</source>
            <translation>Disease catalogue (read-only)</translation>
        </message>
        <message>
            <source>校医可在规范范围内从严调整(人数更少、天数或时间更长),每次调整都记入操作记录,可撤销;调整后的数值印在用到它的每份报表上,从下一次保存检查起用于预警。</source>
            <translation>The school doctor may make a value stricter within its norm (fewer people, more days or hours). Every adjustment is recorded and can be undone; the value is printed on every report that uses it and used for alerts from the next saved check.</translation>
        </message>
        <message>
            <source>只有校医或管理员可以调整标准。</source>
            <translation>Only the school doctor or the administrator may adjust a norm.</translation>
        </message>
        <message>
            <source>本校可调整的标准</source>
            <translation>Norms the school may adjust</translation>
        </message>
        <message>
            <source>打印为应急预案附件(&amp;P)…</source>
            <translation>&amp;Print as the plan's appendix…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>已核实</source>
            <translation>confirmed</translation>
        </message>
        <message>
            <source>未核实</source>
            <translation>not confirmed</translation>
        </message>
        <message>
            <source>病种目录第 {0} 版,共 {1} 条,其中未核实 {2} 条(未能读到所引文件的原文,使用前请向县疾控中心核对)。目录只读;显示 {3} 条。</source>
            <translation>Disease catalogue version {0}: {1} lines, {2} not confirmed (the cited document's wording could not be read; check with the county CDC before relying on them). Read-only; {3} shown.</translation>
        </message>
        <message>
            <source>(未核实)</source>
            <translation> (not confirmed)</translation>
        </message>
        <message>
            <source>调整标准</source>
            <translation>Adjust a norm</translation>
        </message>
        <message>
            <source>请先在表中选择一项标准。</source>
            <translation>Select a norm in the table first.</translation>
        </message>
        <message>
            <source>未调整</source>
            <translation>Not adjusted</translation>
        </message>
        <message>
            <source>保存应急预案附件</source>
            <translation>Save the plan's appendix</translation>
        </message>
        <message>
            <source>应急预案附件-传染病目录.pdf</source>
            <translation>plan-appendix-disease-catalogue.pdf</translation>
        </message>
    </context>
    <context>
        <name>ChecksTab</name>
        <message>
            <source>例外:学号 体温/按键,回车。如 3 373、12k、27b</source>
            <translation>Exceptions: class number, temperature/keys, Enter. E.g. 3 373, 12k, 27b</translation>
        </message>
        <message>
            <source>按键:</source>
            <translation>Keys: </translation>
        </message>
        <message>
            <source>  · Ctrl+S 保存本班</source>
            <translation>  · Ctrl+S saves the class</translation>
        </message>
        <message>
            <source>保存本班(&amp;S)</source>
            <translation>&amp;Save class</translation>
        </message>
        <message>
            <source>打印登记表…</source>
            <translation>Print check sheet…</translation>
        </message>
        <message>
            <source>打印空白表…</source>
            <translation>Print blank sheet…</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>检次:</source>
            <translation>Check:</translation>
        </message>
        <message>
            <source>{0}  ✓ {1} 人</source>
            <translation>{0}  ✓ {1}</translation>
        </message>
        <message>
            <source>{0}  未检</source>
            <translation>{0}  not checked</translation>
        </message>
        <message>
            <source>没有可检查的班级</source>
            <translation>No classes to check</translation>
        </message>
        <message>
            <source>{0}({1} {2})录入的 {3} 人还没有保存。
保存:本班其余学生按正常记录;不保存:录入的内容丢弃。</source>
            <translation>What you typed for {3} pupils of {0} ({1}, {2}) is not saved yet.
Save: everyone else in the class is recorded as present and well. Don't save: what you typed is thrown away.</translation>
        </message>
        <message>
            <source>晨午检未保存</source>
            <translation>Check not saved</translation>
        </message>
        <message>
            <source>录入后本班名单有变化(红色行)。</source>
            <translation>The class's roll changed after you started typing (red rows). </translation>
        </message>
        <message>
            <source>新到本班:{0},请核对后录入。</source>
            <translation>New in the class: {0}; check them and type their lines. </translation>
        </message>
        <message>
            <source>已不在本班:{0},对他们的录入不会保存。</source>
            <translation>No longer in the class: {0}; what you typed for them is not saved.</translation>
        </message>
        <message>
            <source>{0}号 {1}:已记下(未保存)</source>
            <translation>No. {0} {1}: noted (not saved yet)</translation>
        </message>
        <message>
            <source>本班名单有变化</source>
            <translation>The class's roll changed</translation>
        </message>
        <message>
            <source>按学生保存录入的内容吗?</source>
            <translation>Save what you typed, pupil by pupil?</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>{0}已保存:{1} 人,例外 {2} 人。</source>
            <translation>{0} saved: {1} people, exceptions: {2}.</translation>
        </message>
        <message>
            <source>新预警 {0} 条,请查看预警。</source>
            <translation>New alerts: {0}. See the Alerts tab.</translation>
        </message>
        <message>
            <source>今日不得到校</source>
            <translation>Not to be at school today</translation>
        </message>
        <message>
            <source>{0}号 {1}:{2}。
如确已到校,请写明情况:</source>
            <translation>No. {0} {1}: {2}.
If they really are here, say why:</translation>
        </message>
        <message>
            <source>空白</source>
            <translation>blank</translation>
        </message>
        <message>
            <source>{0}-晨午检登记表-{1}.pdf</source>
            <translation>{0}-daily-checks-{1}.pdf</translation>
        </message>
        <message>
            <source>保存登记表</source>
            <translation>Save check sheet</translation>
        </message>
        <message>
            <source>已撤销:{0}</source>
            <translation>Undone: {0}</translation>
        </message>
        <message>
            <source>诊断未归类,未记下。请从病种目录中选择。</source>
            <translation>The diagnosis is unclassified and was not noted. Pick one from the disease catalogue.</translation>
        </message>
        <message>
            <source>宿舍晚检…</source>
            <translation>Dormitories…</translation>
        </message>
        <message>
            <source>不是上课日</source>
            <translation>Not a school day</translation>
        </message>
        <message>
            <source>这天确实上课,仍然保存吗?</source>
            <translation>School was held that day: save anyway?</translation>
        </message>
        <message>
            <source>仍然保存</source>
            <translation>Save anyway</translation>
        </message>
    </context>
    <context>
        <name>ClassPanel</name>
        <message>
            <source>住宿班级(有住校生)</source>
            <translation>Boarding class (has boarders)</translation>
        </message>
        <message>
            <source>宿舍房间,用逗号分隔,例如:男101, 女203</source>
            <translation>Dormitory rooms, separated by commas, e.g. 男101, 女203</translation>
        </message>
        <message>
            <source>保存住宿设置</source>
            <translation>Save boarding</translation>
        </message>
        <message>
            <source>班级责任人与住宿</source>
            <translation>Class duties and boarding</translation>
        </message>
        <message>
            <source>宿舍:</source>
            <translation>Dormitories:</translation>
        </message>
        <message>
            <source>共 {0} 人</source>
            <translation>People: {0}</translation>
        </message>
    </context>
    <context>
        <name>CloseAlertDialog</name>
        <message>
            <source>结案:{0} {1}</source>
            <translation>Close alert: {0} {1}</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>情况</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>向谁报告、何时报告,或核实的结果</source>
            <translation>Reported to whom and when, or what was found</translation>
        </message>
        <message>
            <source>结案</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>疫情结案</source>
            <translation>Close the event</translation>
        </message>
        <message>
            <source>简短小结:病例数、采取的措施、结果(500 字以内)</source>
            <translation>A short summary: cases, measures taken, outcome (at most 500 characters)</translation>
        </message>
        <message>
            <source>结案日期:</source>
            <translation>Closed on:</translation>
        </message>
        <message>
            <source>小结:</source>
            <translation>Summary:</translation>
        </message>
        <message>
            <source>结案</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>程序出错</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>(没有日志文件)</source>
            <translation>(no log file)</translation>
        </message>
        <message>
            <source>刚才的操作没有完成:程序遇到了一个意外的错误。
已经保存的数据不受影响;刚才这一步可能没有保存,请检查后再做一次。

错误已记录在日志文件中:
{0}

需要帮助时,请点“复制诊断信息”,把内容发给技术支持(其中的身份证号和电话号码已打码)。</source>
            <translation>What you just did did not finish: the program met an unexpected error.
Data already saved is not affected; this last step may not have been saved, so check it and do it again.

The error is recorded in the log file:
{0}

When you ask for help, click "Copy diagnostics" and send what it copies to whoever supports you (ID numbers and phone numbers in it are masked).</translation>
        </message>
        <message>
            <source>复制诊断信息</source>
            <translation>Copy diagnostics</translation>
        </message>
        <message>
            <source>打开日志文件夹</source>
            <translation>Open the log folder</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>已复制</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>CrashReporter</name>
        <message>
            <source>未完成</source>
            <translation>Not done</translation>
        </message>
    </context>
    <context>
        <name>CurveWidget</name>
        <message>
            <source>没有病例</source>
            <translation>No cases</translation>
        </message>
        <message>
            <source>病例数(按发病日期,按班级堆叠)</source>
            <translation>Cases (by onset day, stacked by class)</translation>
        </message>
    </context>
    <context>
        <name>DashboardTab</name>
        <message>
            <source>晨检</source>
            <translation>Morning</translation>
        </message>
        <message>
            <source>午检</source>
            <translation>Noon</translation>
        </message>
        <message>
            <source>晚检</source>
            <translation>Evening</translation>
        </message>
        <message>
            <source>在册人数</source>
            <translation>On the roll</translation>
        </message>
        <message>
            <source>晨午检</source>
            <translation>Daily checks</translation>
        </message>
        <message>
            <source>缺勤</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>发热</source>
            <translation>Fever</translation>
        </message>
        <message>
            <source>未结预警</source>
            <translation>Open alerts</translation>
        </message>
        <message>
            <source>摸排</source>
            <translation>Screening</translation>
        </message>
        <message>
            <source>消毒通风</source>
            <translation>Disinfection</translation>
        </message>
        <message>
            <source>食堂</source>
            <translation>Canteen</translation>
        </message>
        <message>
            <source>物资</source>
            <translation>Supplies</translation>
        </message>
        <message>
            <source>居家</source>
            <translation>At home</translation>
        </message>
        <message>
            <source>点击查看名单</source>
            <translation>Click to see the list</translation>
        </message>
        <message>
            <source>点击转到该页</source>
            <translation>Click to go to its tab</translation>
        </message>
        <message>
            <source>近两周:发热(红)与因病缺勤(灰)人数</source>
            <translation>Last two weeks: fevers (red) and illness absences (grey)</translation>
        </message>
        <message>
            <source>今日上报(&amp;U)…</source>
            <translation>Report today to the to&amp;wnship…</translation>
        </message>
        <message>
            <source>把上次上报以来的数据导出到 U 盘,送乡镇防控办</source>
            <translation>Export the data since the last report to a USB stick for the township prevention office</translation>
        </message>
        <message>
            <source>上报记录…</source>
            <translation>Reports sent…</translation>
        </message>
        <message>
            <source>上次上报:{0},第 {1} 号</source>
            <translation>Last report: {0}, no. {1}</translation>
        </message>
        <message>
            <source>尚未上报</source>
            <translation>Not reported yet</translation>
        </message>
        <message>
            <source>{0} {1} 概况</source>
            <translation>{0} — {1}</translation>
        </message>
        <message>
            <source>防控网络还有 {0} 处空缺(没有负责人),请在“防控网络”页指定。</source>
            <translation>The grid has {0} gaps (nobody responsible): assign someone on the “Grid” tab.</translation>
        </message>
        <message>
            <source>学生 {0} 人,{1} 个班</source>
            <translation>Pupils: {0}, classes: {1}</translation>
        </message>
        <message>
            <source>尚无记录</source>
            <translation>No records yet</translation>
        </message>
        <message>
            <source>{0} {1}/{2} 班</source>
            <translation>{0} {1}/{2} classes</translation>
        </message>
        <message>
            <source>今天还没有检查</source>
            <translation>No checks yet today</translation>
        </message>
        <message>
            <source>病假 {0} 人,事假 {1} 人</source>
            <translation>Sick leave: {0}, personal leave: {1}</translation>
        </message>
        <message>
            <source>体温 ≥{0}℃</source>
            <translation>temperature ≥{0}℃</translation>
        </message>
        <message>
            <source>请在“预警”中结案</source>
            <translation>Close them on the “Alerts” tab</translation>
        </message>
        <message>
            <source>零报告</source>
            <translation>Zero report</translation>
        </message>
        <message>
            <source>未申报 {0} 人,观察中重点人员 {1} 人</source>
            <translation>Not declared: {0}; key persons under observation: {1}</translation>
        </message>
        <message>
            <source>项超时未做</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>项低于储备:{0}</source>
            <translation>below reserve: {0}</translation>
        </message>
        <message>
            <source>储备充足</source>
            <translation>Reserves sufficient</translation>
        </message>
        <message>
            <source>无停课、无居家观察</source>
            <translation>No class suspended, nobody observed at home</translation>
        </message>
        <message>
            <source>今日未随访 {0} 人</source>
            <translation>Not called today: {0}</translation>
        </message>
        <message>
            <source>停课未定结束日期:{0}</source>
            <translation>Suspended with no end date: {0}</translation>
        </message>
        <message>
            <source>停课班级 {0} 个</source>
            <translation>Classes suspended: {0}</translation>
        </message>
        <message>
            <source>{0} 人暂停上岗</source>
            <translation>Off duty: {0}</translation>
        </message>
        <message>
            <source>健康证过期 {0} 人</source>
            <translation>Certificates expired: {0}</translation>
        </message>
        <message>
            <source>健康证将到期 {0} 人</source>
            <translation>Certificates expiring: {0}</translation>
        </message>
        <message>
            <source>未留样:{0}</source>
            <translation>No sample: {0}</translation>
        </message>
        <message>
            <source>在岗/从业人员,无异常</source>
            <translation>on duty / canteen staff, nothing wrong</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
        <message>
            <source>请先导入花名册:文件 → 导入花名册(Ctrl+I)</source>
            <translation>Import the roster first: File → Import roster… (Ctrl+I)</translation>
        </message>
        <message>
            <source>请先导入花名册</source>
            <translation>Import the roster first</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <source>选择日期</source>
            <translation>Pick a date</translation>
        </message>
    </context>
    <context>
        <name>DeclarationForm</name>
        <message>
            <source>地点</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>开始日期</source>
            <translation>From</translation>
        </message>
        <message>
            <source>结束日期</source>
            <translation>To</translation>
        </message>
        <message>
            <source>交通方式</source>
            <translation>Transport</translation>
        </message>
        <message>
            <source>接触过重点人员</source>
            <translation>Contact with a key person</translation>
        </message>
        <message>
            <source>接触过发热人员</source>
            <translation>Contact with someone with fever</translation>
        </message>
        <message>
            <source>已签承诺书</source>
            <translation>Pledge signed</translation>
        </message>
        <message>
            <source>保存申报</source>
            <translation>Save declaration</translation>
        </message>
        <message>
            <source>添加行程</source>
            <translation>Add trip</translation>
        </message>
        <message>
            <source>删除行程</source>
            <translation>Remove trip</translation>
        </message>
        <message>
            <source>申报日期</source>
            <translation>Declared on</translation>
        </message>
        <message>
            <source>假期行程</source>
            <translation>Holiday travel</translation>
        </message>
        <message>
            <source>返回本地日期</source>
            <translation>Back home on</translation>
        </message>
        <message>
            <source>目前健康状况</source>
            <translation>Health now</translation>
        </message>
        <message>
            <source>接触史</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>最后接触日期</source>
            <translation>Last contact on</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>接触了哪种传染病的病例,如 水痘(观察期按病种目录);不是病例接触可不填</source>
            <translation>the disease of the case met, e.g. 水痘 (observed for the catalogue's period); leave empty for no case</translation>
        </message>
        <message>
            <source>接触病例的病种</source>
            <translation>Disease of the case met</translation>
        </message>
    </context>
    <context>
        <name>DepartmentHeads</name>
        <message>
            <source>添加…</source>
            <translation>Add…</translation>
        </message>
        <message>
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>部门负责人</source>
            <translation>Department heads</translation>
        </message>
        <message>
            <source>部门名称(例如 教务处):</source>
            <translation>Department name (e.g. academic affairs office):</translation>
        </message>
        <message>
            <source>{0}的负责人:</source>
            <translation>Head of {0}:</translation>
        </message>
    </context>
    <context>
        <name>DiagnosisDialog</name>
        <message>
            <source>YYYY-MM-DD,不知道可不填</source>
            <translation>YYYY-MM-DD, leave empty if unknown</translation>
        </message>
        <message>
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>诊断:</source>
            <translation>Diagnosis:</translation>
        </message>
        <message>
            <source>诊断日期:</source>
            <translation>Date of diagnosis:</translation>
        </message>
        <message>
            <source>发病日期:</source>
            <translation>Onset:</translation>
        </message>
        <message>
            <source>仍按原文记录(未归类)</source>
            <translation>Record as typed (unclassified)</translation>
        </message>
        <message>
            <source>未记录</source>
            <translation>Not recorded</translation>
        </message>
    </context>
    <context>
        <name>DiagnosisPicker</name>
        <message>
            <source>家长或医生所说的诊断,或输入病名、拼音首字母(如 sd)</source>
            <translation>the diagnosis as the family or doctor said it, or a disease name or pinyin initials (e.g. sd)</translation>
        </message>
        <message>
            <source>疑似</source>
            <translation>Suspected</translation>
        </message>
        <message>
            <source>从目录中选择病种,或按家长、医生的原话填写。</source>
            <translation>Pick a disease from the catalogue, or write what the family or doctor said.</translation>
        </message>
        <message>
            <source>请从列表中选择病种(双击或按回车),或继续输入。</source>
            <translation>Pick a disease from the list (double-click or Enter), or keep typing.</translation>
        </message>
        <message>
            <source>未归类:病种目录中没有对应的病种,程序不据此判断。请改用目录中的病名(可输入拼音首字母查找)。</source>
            <translation>Unclassified: no disease of the catalogue matches, so the program decides nothing from it. Use a catalogue name (type pinyin initials to find one).</translation>
        </message>
        <message>
            <source>程序读作:{0}。不产生预警。</source>
            <translation>Read as: {0}. No alert.</translation>
        </message>
        <message>
            <source>须居家,返校须凭复课证明。</source>
            <translation>Stays home; back only with a return clearance.</translation>
        </message>
        <message>
            <source>须居家,按病种目录返校。</source>
            <translation>Stays home; back on the catalogue's conditions.</translation>
        </message>
        <message>
            <source>是否居家由校医和定点医疗机构决定。</source>
            <translation>The school doctor and the designated clinic decide whether they stay home.</translation>
        </message>
        <message>
            <source>病种目录不要求因此居家。</source>
            <translation>The catalogue does not keep them home for it.</translation>
        </message>
        <message>
            <source>程序读作:{0} {1}。{2}</source>
            <translation>Read as: {0}, {1}. {2}</translation>
        </message>
    </context>
    <context>
        <name>DiningPanel</name>
        <message>
            <source>依据:{0}({1}{2})</source>
            <translation>Source: {0} ({1}{2})</translation>
        </message>
        <message>
            <source>;原文未核实</source>
            <translation>; original text not confirmed</translation>
        </message>
        <message>
            <source>添加或修改就餐场所…</source>
            <translation>Add or change a hall…</translation>
        </message>
        <message>
            <source>设定班级就餐时段…</source>
            <translation>Set a class's shift…</translation>
        </message>
        <message>
            <source>删除所选时段</source>
            <translation>Delete the chosen shift</translation>
        </message>
        <message>
            <source>打印食堂用…</source>
            <translation>Print for the canteen…</translation>
        </message>
        <message>
            <source>打印班级版…</source>
            <translation>Print for the classes…</translation>
        </message>
        <message>
            <source>就餐场所:{0}</source>
            <translation>Dining halls: {0}</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
        <message>
            <source>{0}({1} 座,{2} 张桌)</source>
            <translation>{0} ({1} places, {2} tables)</translation>
        </message>
        <message>
            <source>还没有就餐场所:请先“添加或修改就餐场所”(如 一楼餐厅,疫情期间可坐多少人,有几张桌)。</source>
            <translation>No dining hall yet: first “Add or change a hall” (e.g. Ground-floor hall, how many may eat there at once during the outbreak, how many tables).</translation>
        </message>
        <message>
            <source>餐次</source>
            <translation>Meal</translation>
        </message>
        <message>
            <source>批次</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>From</translation>
        </message>
        <message>
            <source>结束</source>
            <translation>To</translation>
        </message>
        <message>
            <source>就餐场所</source>
            <translation>Hall</translation>
        </message>
        <message>
            <source>桌号</source>
            <translation>Tables</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>Pupils</translation>
        </message>
        <message>
            <source>提醒</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>第{0}批</source>
            <translation>Batch {0}</translation>
        </message>
        <message>
            <source>餐桌冲突</source>
            <translation>shared tables</translation>
        </message>
        <message>
            <source>超过容量</source>
            <translation>hall over capacity</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>可同时就餐人数</source>
            <translation>Places at once</translation>
        </message>
        <message>
            <source>餐桌数</source>
            <translation>Tables</translation>
        </message>
        <message>
            <source>同名场所会被修改。可同时就餐人数按分散就座(同向、隔位)计算。</source>
            <translation>A hall of the same name is changed. Count the places with pupils seated apart (facing one way, a seat between).</translation>
        </message>
        <message>
            <source>设定就餐时段</source>
            <translation>Set a dining shift</translation>
        </message>
        <message>
            <source>请先添加就餐场所。</source>
            <translation>Add a dining hall first.</translation>
        </message>
        <message>
            <source>从几号桌</source>
            <translation>From table</translation>
        </message>
        <message>
            <source>到几号桌</source>
            <translation>To table</translation>
        </message>
        <message>
            <source>一个班级每个餐次一个时段,重新设定会替换原来的。同一场所同一时间用同一批餐桌、或人数超过场所容量时会提醒。</source>
            <translation>A class has one shift per meal; setting it again replaces it. You are warned when two classes use the same tables of a hall at the same time, or a hall holds more pupils than its places.</translation>
        </message>
        <message>
            <source>已保存,但请注意</source>
            <translation>Saved, but note</translation>
        </message>
        <message>
            <source>删除时段</source>
            <translation>Delete shift</translation>
        </message>
        <message>
            <source>请先在表中选一个时段。</source>
            <translation>Choose a shift in the table first.</translation>
        </message>
        <message>
            <source>删除{0}的{1}时段?</source>
            <translation>Delete the {1} shift of {0}?</translation>
        </message>
        <message>
            <source>班级版</source>
            <translation>classes</translation>
        </message>
        <message>
            <source>食堂用</source>
            <translation>canteen</translation>
        </message>
        <message>
            <source>保存就餐时间表</source>
            <translation>Save the dining timetable</translation>
        </message>
        <message>
            <source>{0}-分餐错峰就餐时间表-{1}.pdf</source>
            <translation>{0}-dining-timetable-{1}.pdf</translation>
        </message>
    </context>
    <context>
        <name>DormDialog</name>
        <message>
            <source>宿舍与晚检</source>
            <translation>Dormitories and the evening check</translation>
        </message>
        <message>
            <source>晚检日期:</source>
            <translation>Evening check of:</translation>
        </message>
        <message>
            <source>调到其他宿舍(&amp;M)…</source>
            <translation>&amp;Move to another room…</translation>
        </message>
        <message>
            <source>设定床位数…</source>
            <translation>Set beds…</translation>
        </message>
        <message>
            <source>设为/取消隔离室</source>
            <translation>Set aside for isolation / give back</translation>
        </message>
        <message>
            <source>添加宿舍…</source>
            <translation>Add a room…</translation>
        </message>
        <message>
            <source>本宿舍住宿生(可多选,再点“调到其他宿舍”):</source>
            <translation>Boarders of this room (choose several, then “Move to another room”):</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>;原文未核实</source>
            <translation>; original text not confirmed</translation>
        </message>
        <message>
            <source>宿舍</source>
            <translation>Room</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>住宿生</source>
            <translation>Boarders</translation>
        </message>
        <message>
            <source>床位</source>
            <translation>Beds</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>晚检</source>
            <translation>Evening check</translation>
        </message>
        <message>
            <source>缺寝</source>
            <translation>Absent</translation>
        </message>
        <message>
            <source>晚检异常</source>
            <translation>Unwell at the evening check</translation>
        </message>
        <message>
            <source>超过床位:{0}</source>
            <translation>More than the beds: {0}</translation>
        </message>
        <message>
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>启用疫情期间限额(&amp;L)</source>
            <translation>Outbreak &amp;limit in force</translation>
        </message>
        <message>
            <source> 人/间</source>
            <translation> a room</translation>
        </message>
        <message>
            <source>限额:</source>
            <translation>Limit:</translation>
        </message>
        <message>
            <source>设定(&amp;S)</source>
            <translation>&amp;Set</translation>
        </message>
        <message>
            <source>(1–{0},最大宿舍的床位数)</source>
            <translation>(1–{0}, the largest room's beds)</translation>
        </message>
        <message>
            <source>(先设定床位数)</source>
            <translation>(set the rooms' beds first)</translation>
        </message>
        <message>
            <source>最近更改:{0} {1}</source>
            <translation>Last changed: {0} {1}</translation>
        </message>
        <message>
            <source>依据:{0}{1}</source>
            <translation>source: {0}{1}</translation>
        </message>
        <message>
            <source>疫情期间限额已启用:每间限住 {0} 人({1})。红色:超过床位;橙色:超过限额;蓝色:隔离室,不安排住宿生。</source>
            <translation>Outbreak limit in force: at most {0} boarders a room ({1}). Red: more than the beds; orange: above the limit; blue: isolation room, no boarders.</translation>
        </message>
        <message>
            <source>疫情期间限额未启用:学校宣布宿舍实行疫情防控措施时勾选“启用疫情期间限额”,超过限额的宿舍才标为橙色({0})。红色:超过床位;蓝色:隔离室。</source>
            <translation>Outbreak limit not in force: tick “Outbreak limit in force” when the school declares outbreak measures for its dormitories; only then are rooms above it marked orange ({0}). Red: more than the beds; blue: isolation room.</translation>
        </message>
        <message>
            <source>超过疫情限额({0} 人/间):{1}</source>
            <translation>Above the outbreak limit ({0} a room): {1}</translation>
        </message>
        <message>
            <source>隔离室</source>
            <translation>Isolation room</translation>
        </message>
        <message>
            <source>超过床位</source>
            <translation>more than the beds</translation>
        </message>
        <message>
            <source>超过限额</source>
            <translation>above the limit</translation>
        </message>
        <message>
            <source>调整宿舍</source>
            <translation>Move boarders</translation>
        </message>
        <message>
            <source>请先选宿舍,再在右边选要调走的住宿生。</source>
            <translation>Choose a room first, then the boarders to move on the right.</translation>
        </message>
        <message>
            <source>{0}(住 {1} 人,{2} 床)</source>
            <translation>{0} ({1} boarders, {2} beds)</translation>
        </message>
        <message>
            <source>把所选 {0} 人调到:</source>
            <translation>Move the {0} chosen to:</translation>
        </message>
        <message>
            <source>已调整,但请注意</source>
            <translation>Moved, but note</translation>
        </message>
        <message>
            <source>设定床位数</source>
            <translation>Set beds</translation>
        </message>
        <message>
            <source>请先选一间宿舍。</source>
            <translation>Choose a room first.</translation>
        </message>
        <message>
            <source>{0}的床位数:</source>
            <translation>Beds in {0}:</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>床位数应是整数,例如 8。</source>
            <translation>Beds are a whole number, e.g. 8.</translation>
        </message>
        <message>
            <source>取消“{0}”的隔离室标记?</source>
            <translation>Give “{0}” back as an ordinary room?</translation>
        </message>
        <message>
            <source>把“{0}”设为隔离室?设为隔离室后不能安排住宿生。</source>
            <translation>Set “{0}” aside for isolation? No boarder can be assigned to it then.</translation>
        </message>
        <message>
            <source>添加宿舍</source>
            <translation>Add a room</translation>
        </message>
        <message>
            <source>宿舍名称(如 隔离室1):</source>
            <translation>Room name (e.g. Isolation 1):</translation>
        </message>
        <message>
            <source>床位数:</source>
            <translation>Beds:</translation>
        </message>
        <message>
            <source>这间宿舍用作隔离室吗?</source>
            <translation>Is this room set aside for isolation?</translation>
        </message>
    </context>
    <context>
        <name>DoseDialog</name>
        <message>
            <source>补录接种剂次:{0}</source>
            <translation>Add a dose: {0}</translation>
        </message>
        <message>
            <source>例如 麻腮风疫苗</source>
            <translation>e.g. 麻腮风疫苗</translation>
        </message>
        <message>
            <source>疫苗名称(&amp;V):</source>
            <translation>&amp;Vaccine:</translation>
        </message>
        <message>
            <source>剂次:</source>
            <translation>Dose:</translation>
        </message>
        <message>
            <source>接种日期:</source>
            <translation>Given on:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>EducationBox</name>
        <message>
            <source>健康教育与家长告知</source>
            <translation>Health education and notices to parents</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>主题或内容</source>
            <translation>Topic or content</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>主讲人/发送方式</source>
            <translation>Led by / sent how</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>登记健康教育/家长告知…</source>
            <translation>Record health education / notice…</translation>
        </message>
        <message>
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <source>删除这条记录:{0} {1}?</source>
            <translation>Delete this record: {0} {1}?</translation>
        </message>
        <message>
            <source>删除健康教育记录</source>
            <translation>Delete health-education record</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
    </context>
    <context>
        <name>EducationDialog</name>
        <message>
            <source>登记健康教育或家长告知</source>
            <translation>Record health education or a notice to parents</translation>
        </message>
        <message>
            <source>如 主题班会:科学防疫;七步洗手法;正确佩戴口罩</source>
            <translation>e.g. class meeting on prevention; seven-step handwashing; wearing a mask</translation>
        </message>
        <message>
            <source>主讲人;家长告知写发送方式,如 班级微信群</source>
            <translation>Who led it; for a notice, how it was sent (e.g. class WeChat group)</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>类别:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>主题或内容(&amp;T):</source>
            <translation>&amp;Topic or content:</translation>
        </message>
        <message>
            <source>主讲人/发送方式:</source>
            <translation>Led by / sent how:</translation>
        </message>
        <message>
            <source>班级(不选为全校):</source>
            <translation>Classes (none: whole school):</translation>
        </message>
        <message>
            <source>备注:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>登记疫情报告</source>
            <translation>Record a report</translation>
        </message>
        <message>
            <source>例如 三年级1班水痘聚集性疫情</source>
            <translation>e.g. 三年级1班 chickenpox cluster</translation>
        </message>
        <message>
            <source>可空,例如 水痘</source>
            <translation>may be empty, e.g. 水痘</translation>
        </message>
        <message>
            <source>班级或宿舍,全校可空</source>
            <translation>class or dormitory; empty for the school</translation>
        </message>
        <message>
            <source>事件:</source>
            <translation>Event:</translation>
        </message>
        <message>
            <source>疾病:</source>
            <translation>Disease:</translation>
        </message>
        <message>
            <source>范围:</source>
            <translation>Where:</translation>
        </message>
        <message>
            <source>开始日期:</source>
            <translation>Began on:</translation>
        </message>
        <message>
            <source>报告时间:</source>
            <translation>Reported at:</translation>
        </message>
        <message>
            <source>报告人:</source>
            <translation>Reported by:</translation>
        </message>
        <message>
            <source>报告对象:</source>
            <translation>Reported to:</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Record</translation>
        </message>
    </context>
    <context>
        <name>EventsPage</name>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>事件</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>疾病</source>
            <translation>Disease</translation>
        </message>
        <message>
            <source>范围</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Began</translation>
        </message>
        <message>
            <source>报告时间</source>
            <translation>Reported at</translation>
        </message>
        <message>
            <source>报告人</source>
            <translation>Reported by</translation>
        </message>
        <message>
            <source>报告对象</source>
            <translation>Reported to</translation>
        </message>
        <message>
            <source>措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <source>结案</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>登记疫情报告(&amp;N)…</source>
            <translation>&amp;New report…</translation>
        </message>
        <message>
            <source>添加措施…</source>
            <translation>Add a measure…</translation>
        </message>
        <message>
            <source>结案…</source>
            <translation>Close…</translation>
        </message>
        <message>
            <source>打印登记表…</source>
            <translation>Print the record…</translation>
        </message>
        <message>
            <source>全校</source>
            <translation>whole school</translation>
        </message>
        <message>
            <source>还没有疫情报告登记。发生聚集性疫情或须报告的传染病时,在这里登记何时、由谁、向谁报告,以及采取的措施。</source>
            <translation>No event recorded yet. When a cluster or a notifiable disease is reported, record here when, by whom and to whom, and the measures taken.</translation>
        </message>
        <message>
            <source>措施:
{0}
小结:{1}</source>
            <translation>Measures:
{0}
Summary: {1}</translation>
        </message>
        <message>
            <source>(尚无)</source>
            <translation>(none yet)</translation>
        </message>
        <message>
            <source>(尚未结案)</source>
            <translation>(not closed yet)</translation>
        </message>
        <message>
            <source>打印登记表</source>
            <translation>Print the record</translation>
        </message>
        <message>
            <source>请先选择一个事件。</source>
            <translation>Select an event first.</translation>
        </message>
        <message>
            <source>保存疫情报告登记</source>
            <translation>Save the event record</translation>
        </message>
        <message>
            <source>疫情报告登记-{0}.pdf</source>
            <translation>event-record-{0}.pdf</translation>
        </message>
    </context>
    <context>
        <name>FigureList</name>
        <message>
            <source>缺勤名单</source>
            <translation>Absentees</translation>
        </message>
        <message>
            <source>发热名单</source>
            <translation>Fevers</translation>
        </message>
        <message>
            <source>未结预警</source>
            <translation>Open alerts</translation>
        </message>
        <message>
            <source>未检班级</source>
            <translation>Classes not checked</translation>
        </message>
        <message>
            <source>居家人员</source>
            <translation>People at home</translation>
        </message>
        <message>
            <source>观察中的重点人员</source>
            <translation>Key persons under observation</translation>
        </message>
        <message>
            <source>{0} · {1}</source>
            <translation>{0} · {1}</translation>
        </message>
        <message>
            <source>导出Excel(&amp;E)…</source>
            <translation>Export to &amp;Excel…</translation>
        </message>
        <message>
            <source>{0}:共 {1} 条</source>
            <translation>{0}: {1} in all</translation>
        </message>
        <message>
            <source>{0}:没有</source>
            <translation>{0}: none</translation>
        </message>
    </context>
    <context>
        <name>FirstStartWizard</name>
        <message>
            <source>首次设置 · 复学防控桌面</source>
            <translation>First start · Reopen Desktop</translation>
        </message>
        <message>
            <source>下一步(&amp;N) &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>&lt; 上一步(&amp;B)</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>完成(&amp;F)</source>
            <translation>&amp;Finish</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>GateWindow</name>
        <message>
            <source>校门快检 — {0}</source>
            <translation>Gate check — {0}</translation>
        </message>
        <message>
            <source>扫一证通,或输入学籍号后几位;可接着输入体温,回车</source>
            <translation>Scan the pass, or type the last digits of the student number; then the temperature if you like, and Enter</translation>
        </message>
        <message>
            <source>体温,如 365,回车</source>
            <translation>Temperature, e.g. 365, Enter</translation>
        </message>
        <message>
            <source>请扫码</source>
            <translation>Please scan</translation>
        </message>
        <message>
            <source>查无此人:{0}。请核对一证通或学籍号。</source>
            <translation>Nobody found for {0}. Check the pass or the student number.</translation>
        </message>
        <message>
            <source>{0} 体温 {1}℃ 发热!
请送临时观察室,通知家长和校医。</source>
            <translation>{0}: {1}℃, fever!
Take them to the observation room and tell the parents and the school doctor.</translation>
        </message>
        <message>
            <source>{0} {1} 通过</source>
            <translation>{0} {1} passed</translation>
        </message>
        <message>
            <source>{0}:今日 {1} 人,近 10 分钟 {2} 人/分钟</source>
            <translation>{0}: today {1}, last 10 minutes {2} per minute</translation>
        </message>
        <message>
            <source>{0}({1}-{2})应到 {3} 人,未到 {4} 人:{5}</source>
            <translation>{0} ({1}-{2}): expected {3}, not yet here {4}: {5}</translation>
        </message>
        <message>
            <source>今天按校历不是上课日({0}),读数照常记录。</source>
            <translation>Today is no school day in the calendar ({0}); readings are recorded all the same.</translation>
        </message>
        <message>
            <source>此刻本通道没有安排到校的班级。</source>
            <translation>No class is due at this lane now.</translation>
        </message>
        <message>
            <source>有 {0} 人符合,请用 ↑↓ 选择,回车确认</source>
            <translation>{0} people match: choose with ↑↓, then Enter</translation>
        </message>
    </context>
    <context>
        <name>GradePanel</name>
        <message>
            <source>年级责任人</source>
            <translation>Grade duties</translation>
        </message>
        <message>
            <source>{0} 个班级,共 {1} 人</source>
            <translation>Classes: {0}, people: {1}</translation>
        </message>
    </context>
    <context>
        <name>GradesPage</name>
        <message>
            <source>年级和班级</source>
            <translation>Grades and classes</translation>
        </message>
        <message>
            <source>一次建好所有年级和班级,以后可以在“防控网络”中增删改。</source>
            <translation>Create all grades and classes at once; you can change them later on the “Grid” tab.</translation>
        </message>
        <message>
            <source> 个班</source>
            <translation> classes</translation>
        </message>
        <message>
            <source>这些班级有住校生</source>
            <translation>These classes have boarders</translation>
        </message>
        <message>
            <source>从(&amp;F):</source>
            <translation>&amp;From:</translation>
        </message>
        <message>
            <source>到(&amp;O):</source>
            <translation>T&amp;o:</translation>
        </message>
        <message>
            <source>每个年级(&amp;N):</source>
            <translation>&amp;Number of classes per grade:</translation>
        </message>
        <message>
            <source>“从”的年级要在“到”的年级之前。</source>
            <translation>The “From” grade must come before the “To” grade.</translation>
        </message>
        <message>
            <source>将建立 {0} 个年级、{1} 个班级:{2} …… {3}</source>
            <translation>Creates {0} grades and {1} classes: {2} … {3}</translation>
        </message>
    </context>
    <context>
        <name>GridTab</name>
        <message>
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>People</translation>
        </message>
        <message>
            <source>负责人</source>
            <translation>Responsible</translation>
        </message>
        <message>
            <source>添加年级</source>
            <translation>Add grade</translation>
        </message>
        <message>
            <source>添加班级</source>
            <translation>Add class</translation>
        </message>
        <message>
            <source>重命名</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>合并班级…</source>
            <translation>Merge classes…</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>空缺(没有负责人的层级)</source>
            <translation>Gaps (levels with nobody responsible)</translation>
        </message>
        <message>
            <source>(住宿)</source>
            <translation> (boarding)</translation>
        </message>
        <message>
            <source>(空缺)</source>
            <translation>(vacant)</translation>
        </message>
        <message>
            <source>这一层级还缺少负责人,见下方“空缺”</source>
            <translation>This level still has nobody responsible; see “Gaps” below</translation>
        </message>
        <message>
            <source>没有空缺:每一层级都有负责人。</source>
            <translation>No gaps: every level has someone responsible.</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>年级名称:</source>
            <translation>Grade name:</translation>
        </message>
        <message>
            <source>请先在左边选中一个年级。</source>
            <translation>First select a grade on the left.</translation>
        </message>
        <message>
            <source>年级改名</source>
            <translation>Rename grade</translation>
        </message>
        <message>
            <source>新的年级名称:</source>
            <translation>New grade name:</translation>
        </message>
        <message>
            <source>班级改名</source>
            <translation>Rename class</translation>
        </message>
        <message>
            <source>{0}的新班号(例如 3 或 (3)班):</source>
            <translation>New class number for {0} (e.g. 3 or (3)班):</translation>
        </message>
        <message>
            <source>合并班级</source>
            <translation>Merge classes</translation>
        </message>
        <message>
            <source>这个年级没有别的班级可以合并。</source>
            <translation>This grade has no other class to merge with.</translation>
        </message>
        <message>
            <source>把{0}的 {1} 人并入:</source>
            <translation>Move the {1} people of {0} into:</translation>
        </message>
        <message>
            <source>把{0}的 {1} 人并入{2},然后删除{0}?
可以用“撤销”(Ctrl+Z)恢复。</source>
            <translation>Move the {1} people of {0} into {2}, then delete {0}?
Undo (Ctrl+Z) brings it back.</translation>
        </message>
        <message>
            <source>合并</source>
            <translation>Merge</translation>
        </message>
        <message>
            <source>删除{0}和它的 {1} 个班级?
可以用“撤销”(Ctrl+Z)恢复。</source>
            <translation>Delete {0} and its {1} classes?
Undo (Ctrl+Z) brings them back.</translation>
        </message>
        <message>
            <source>删除年级</source>
            <translation>Delete grade</translation>
        </message>
        <message>
            <source>删除班级</source>
            <translation>Delete class</translation>
        </message>
        <message>
            <source>{0}还有 {1} 名学生。删除前把他们转入:</source>
            <translation>{0} still has {1} pupils. Before deleting, move them to:</translation>
        </message>
        <message>
            <source>删除{0}?
可以用“撤销”(Ctrl+Z)恢复。</source>
            <translation>Delete {0}?
Undo (Ctrl+Z) brings it back.</translation>
        </message>
    </context>
    <context>
        <name>HelpWindow</name>
        <message>
            <source>使用指南 · 复学防控桌面</source>
            <translation>User guide · reopen-desktop</translation>
        </message>
        <message>
            <source>&lt; 后退(&amp;B)</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>目录(&amp;I)</source>
            <translation>&amp;Index</translation>
        </message>
    </context>
    <context>
        <name>HomeTab</name>
        <message>
            <source>电话随访(&amp;F)…</source>
            <translation>Phone &amp;follow-up…</translation>
        </message>
        <message>
            <source>班级停课…</source>
            <translation>Suspend a class…</translation>
        </message>
        <message>
            <source>设定复课日期…</source>
            <translation>Set return date…</translation>
        </message>
        <message>
            <source>居家观察登记…</source>
            <translation>Record home observation…</translation>
        </message>
        <message>
            <source>{0} 自 {1} 停课{2}:{3}</source>
            <translation>{0} suspended from {1}{2}: {3}</translation>
        </message>
        <message>
            <source> 至 {0}</source>
            <translation> to {0}</translation>
        </message>
        <message>
            <source>(未定结束日期)</source>
            <translation> (no end date yet)</translation>
        </message>
        <message>
            <source>今日没有停课的班级。</source>
            <translation>No class is suspended today.</translation>
        </message>
        <message>
            <source>电话随访</source>
            <translation>Phone follow-up</translation>
        </message>
        <message>
            <source>请先在表中选一个人。</source>
            <translation>First select a person in the table.</translation>
        </message>
        <message>
            <source>{0} 今日电话随访</source>
            <translation>{0}: today's phone call</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>体温(℃,可不填)</source>
            <translation>Temperature (℃, optional)</translation>
        </message>
        <message>
            <source>症状(用、分隔,如 咳嗽、皮疹)</source>
            <translation>Symptoms (separated by 、, e.g. 咳嗽、皮疹)</translation>
        </message>
        <message>
            <source>情况</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>家长接听,精神好</source>
            <translation>Parent answered; child in good spirits</translation>
        </message>
        <message>
            <source>设定复课日期</source>
            <translation>Set return date</translation>
        </message>
        <message>
            <source>哪一次停课:</source>
            <translation>Which suspension:</translation>
        </message>
        <message>
            <source>停课的最后一天</source>
            <translation>Last day of the suspension</translation>
        </message>
        <message>
            <source>可返校日期(未定可不填)</source>
            <translation>May return on (leave empty if not decided)</translation>
        </message>
        <message>
            <source>居家观察登记</source>
            <translation>Record home observation</translation>
        </message>
        <message>
            <source>姓名或证件号后四位:</source>
            <translation>Name or last four digits of the ID:</translation>
        </message>
        <message>
            <source>没有找到“{0}”。</source>
            <translation>Nobody found for “{0}”.</translation>
        </message>
        <message>
            <source>是谁:</source>
            <translation>Who:</translation>
        </message>
        <message>
            <source>{0} 居家观察</source>
            <translation>{0}: home observation</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>返校须查验</source>
            <translation>Needed to return</translation>
        </message>
        <message>
            <source>复课证明</source>
            <translation>Return clearance</translation>
        </message>
        <message>
            <source>双击一行或按回车登记今日电话随访(保存后转到下一位)。未随访的行以浅橙色标出;返校时校门按“可返校日期”和“返校须查验”把关。</source>
            <translation>Double-click a row or press Enter to record today's phone call (then the next person is selected). Rows not yet called are light orange; on return, the gate checks “May return on” and “Return needs”.</translation>
        </message>
    </context>
    <context>
        <name>HouseholdBox</name>
        <message>
            <source>同住家庭</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>关联在校兄弟姐妹…</source>
            <translation>Link a sibling at this school…</translation>
        </message>
        <message>
            <source>添加同住成员…</source>
            <translation>Add household member…</translation>
        </message>
        <message>
            <source>移除同住成员…</source>
            <translation>Remove a household member…</translation>
        </message>
        <message>
            <source>未登记同住家庭。兄弟姐妹同校的,关联后一份申报即可覆盖全家。</source>
            <translation>No household recorded. Link siblings at this school so one declaration covers the whole family.</translation>
        </message>
        <message>
            <source>在校兄弟姐妹:{0}</source>
            <translation>Siblings at this school: {0}</translation>
        </message>
        <message>
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <source>尚未登记同住成员。</source>
            <translation>No household members recorded yet.</translation>
        </message>
        <message>
            <source>行程:{0}</source>
            <translation>Travel: {0}</translation>
        </message>
        <message>
            <source>{0} 返回</source>
            <translation>back {0}</translation>
        </message>
        <message>
            <source>重点人员</source>
            <translation>Key persons</translation>
        </message>
        <message>
            <source>关联兄弟姐妹</source>
            <translation>Link sibling</translation>
        </message>
        <message>
            <source>兄弟姐妹的姓名或证件号后四位:</source>
            <translation>Sibling's name or last four digits of the ID:</translation>
        </message>
        <message>
            <source>没有找到“{0}”。</source>
            <translation>Nobody found for “{0}”.</translation>
        </message>
        <message>
            <source>是谁:</source>
            <translation>Who:</translation>
        </message>
        <message>
            <source>添加同住成员</source>
            <translation>Add household member</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>关系(如 父亲、祖母)</source>
            <translation>Relation (e.g. father, grandmother)</translation>
        </message>
        <message>
            <source>身份证号(可不填)</source>
            <translation>ID number (optional)</translation>
        </message>
        <message>
            <source>健康状况</source>
            <translation>Health</translation>
        </message>
        <message>
            <source>假期去过的地方(可不填)</source>
            <translation>Places visited in the holidays (optional)</translation>
        </message>
        <message>
            <source>去的日期</source>
            <translation>Went on</translation>
        </message>
        <message>
            <source>离开日期</source>
            <translation>Left on</translation>
        </message>
        <message>
            <source>返回本地日期</source>
            <translation>Back home on</translation>
        </message>
        <message>
            <source>重点人员的暴露日期</source>
            <translation>Exposure date (key person)</translation>
        </message>
        <message>
            <source>此人是重点人员(密切接触者等)</source>
            <translation>This person is a key person (close contact or similar)</translation>
        </message>
        <message>
            <source>重点人员请填写暴露日期(或返回本地日期)。</source>
            <translation>For a key person, fill in the exposure date (or the date back home).</translation>
        </message>
        <message>
            <source>离开日期早于去的日期。</source>
            <translation>The date left is before the date arrived.</translation>
        </message>
        <message>
            <source>移除同住成员</source>
            <translation>Remove a household member</translation>
        </message>
        <message>
            <source>移除谁:</source>
            <translation>Remove whom:</translation>
        </message>
        <message>
            <source>从同住家庭中移除{0}?其姓名、身份证号、电话将被彻底删除,不能撤销。</source>
            <translation>Remove {0} from the household? Their name, ID number and phone will be erased for good; this cannot be undone.</translation>
        </message>
        <message>
            <source>{0} 因此人成为重点人员,移除后观察不会结束;如属误录,请校医在“摸排 → 重点人员”中解除。</source>
            <translation>{0} became key persons through this person; removing them does not end the observation. If they were entered by mistake, the school doctor ends it under Screening → Key persons.</translation>
        </message>
        <message>
            <source>移除</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>复学防控桌面已锁定</source>
            <translation>Reopen Desktop is locked</translation>
        </message>
        <message>
            <source>解锁(&amp;U)</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>操作员(&amp;O):</source>
            <translation>&amp;Operator:</translation>
        </message>
        <message>
            <source>密码(&amp;P):</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>为保护学生健康信息,屏幕上的数据已隐藏。</source>
            <translation>The data on screen are hidden to protect pupils' health information.</translation>
        </message>
        <message>
            <source>该操作员还没有设置密码,不输入密码也能解锁。请管理员在“设置 → 操作员与密码”中设置。</source>
            <translation>This operator has no password yet and can unlock without one. Ask an administrator to set one under “Settings → Operators and passwords”.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source> · 示例数据,非真实学校</source>
            <translation> · demo data, not a real school</translation>
        </message>
        <message>
            <source>复学防控桌面 — {0}{1}</source>
            <translation>Reopen Desktop — {0}{1}</translation>
        </message>
        <message>
            <source>今日概况(&amp;D)</source>
            <translation>&amp;Today</translation>
        </message>
        <message>
            <source>防控网络(&amp;G)</source>
            <translation>Gri&amp;d</translation>
        </message>
        <message>
            <source>人员档案(&amp;P)</source>
            <translation>&amp;People</translation>
        </message>
        <message>
            <source>摸排(&amp;S)</source>
            <translation>Screen&amp;ing</translation>
        </message>
        <message>
            <source>晨午检(&amp;C)</source>
            <translation>Daily &amp;checks</translation>
        </message>
        <message>
            <source>预警(&amp;A)</source>
            <translation>&amp;Alerts</translation>
        </message>
        <message>
            <source>居家(&amp;J)</source>
            <translation>At ho&amp;me</translation>
        </message>
        <message>
            <source>消毒通风(&amp;X)</source>
            <translation>Disinfecti&amp;on</translation>
        </message>
        <message>
            <source>预案与培训(&amp;Y)</source>
            <translation>P&amp;lans and training</translation>
        </message>
        <message>
            <source>食堂(&amp;T)</source>
            <translation>Ca&amp;nteen</translation>
        </message>
        <message>
            <source>物资(&amp;W)</source>
            <translation>S&amp;upplies</translation>
        </message>
        <message>
            <source>示例数据</source>
            <translation>DEMO DATA</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>导入花名册(&amp;I)…</source>
            <translation>&amp;Import roster…</translation>
        </message>
        <message>
            <source>下载花名册模板(&amp;T)…</source>
            <translation>Save roster &amp;template…</translation>
        </message>
        <message>
            <source>备份数据文件(&amp;B)…</source>
            <translation>&amp;Back up data file…</translation>
        </message>
        <message>
            <source>打开备份文件夹</source>
            <translation>Open backup folder</translation>
        </message>
        <message>
            <source>从备份恢复(&amp;R)…</source>
            <translation>&amp;Restore from a backup…</translation>
        </message>
        <message>
            <source>退出(&amp;X)</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>撤销(&amp;U)</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>校门(&amp;M)</source>
            <translation>&amp;Gate</translation>
        </message>
        <message>
            <source>校门快检模式(&amp;G)…</source>
            <translation>&amp;Gate check mode…</translation>
        </message>
        <message>
            <source>打印一证通(&amp;P)…</source>
            <translation>Print &amp;passes…</translation>
        </message>
        <message>
            <source>打印停电备用名单(&amp;R)…</source>
            <translation>Print power-cut &amp;roster…</translation>
        </message>
        <message>
            <source>错峰上下学时间表(&amp;T)…</source>
            <translation>Staggered arrival &amp;timetable…</translation>
        </message>
        <message>
            <source>报表(&amp;R)</source>
            <translation>&amp;Reports</translation>
        </message>
        <message>
            <source>每日防控工作日志(&amp;L)…</source>
            <translation>Daily prevention &amp;log…</translation>
        </message>
        <message>
            <source>因病缺课缺勤登记追踪表(&amp;T)…</source>
            <translation>Illness-absence &amp;tracking register…</translation>
        </message>
        <message>
            <source>每周防控工作小结(&amp;W)…</source>
            <translation>&amp;Weekly prevention summary…</translation>
        </message>
        <message>
            <source>每月防控工作小结(&amp;M)…</source>
            <translation>&amp;Monthly prevention summary…</translation>
        </message>
        <message>
            <source>防控责任表 PDF(&amp;D)…</source>
            <translation>&amp;Duty chart PDF…</translation>
        </message>
        <message>
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>切换操作员(&amp;O)…</source>
            <translation>Change &amp;operator…</translation>
        </message>
        <message>
            <source>锁定(&amp;L)</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <source>操作员与密码(&amp;P)…</source>
            <translation>Operators and &amp;passwords…</translation>
        </message>
        <message>
            <source>读取乡镇公钥(&amp;K)…</source>
            <translation>Read the township &amp;key…</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>使用指南(&amp;G)</source>
            <translation>User &amp;guide</translation>
        </message>
        <message>
            <source>关于(&amp;A)</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>数据文件:{0}</source>
            <translation>Data file: {0}</translation>
        </message>
        <message>
            <source>操作员:{0}</source>
            <translation>Operator: {0}</translation>
        </message>
        <message>
            <source>未结预警:{0}</source>
            <translation>Open alerts: {0}</translation>
        </message>
        <message>
            <source>撤销:{0}(&amp;U)</source>
            <translation>&amp;Undo: {0}</translation>
        </message>
        <message>
            <source>不能撤销</source>
            <translation>Cannot undo</translation>
        </message>
        <message>
            <source>已撤销:{0}</source>
            <translation>Undone: {0}</translation>
        </message>
        <message>
            <source>花名册模板已保存到 {0}</source>
            <translation>Roster template saved to {0}</translation>
        </message>
        <message>
            <source>{0}-备份.db</source>
            <translation>{0}-backup.db</translation>
        </message>
        <message>
            <source>备份到</source>
            <translation>Back up to</translation>
        </message>
        <message>
            <source>数据文件 (*.db)</source>
            <translation>Data files (*.db)</translation>
        </message>
        <message>
            <source>正在备份…</source>
            <translation>Backing up…</translation>
        </message>
        <message>
            <source>备份失败</source>
            <translation>Backup failed</translation>
        </message>
        <message>
            <source>已备份到 {0}</source>
            <translation>Backed up to {0}</translation>
        </message>
        <message>
            <source>保存防控责任表</source>
            <translation>Save duty chart</translation>
        </message>
        <message>
            <source>{0}-防控责任表.pdf</source>
            <translation>{0}-duty-chart.pdf</translation>
        </message>
        <message>
            <source>已生成 {0}(共 {1} 页)</source>
            <translation>Created {0} (pages: {1})</translation>
        </message>
        <message>
            <source>校门快检</source>
            <translation>Gate check</translation>
        </message>
        <message>
            <source>通道名称:</source>
            <translation>Lane name:</translation>
        </message>
        <message>
            <source>1号通道</source>
            <translation>Lane 1</translation>
        </message>
        <message>
            <source>保存一证通</source>
            <translation>Save passes</translation>
        </message>
        <message>
            <source>{0}-一证通.pdf</source>
            <translation>{0}-passes.pdf</translation>
        </message>
        <message>
            <source>保存防控工作日志</source>
            <translation>Save daily log</translation>
        </message>
        <message>
            <source>防控工作日志-{0}.pdf</source>
            <translation>daily-log-{0}.pdf</translation>
        </message>
        <message>
            <source>停电备用名单</source>
            <translation>Power-cut roster</translation>
        </message>
        <message>
            <source>保存备用名单</source>
            <translation>Save power-cut roster</translation>
        </message>
        <message>
            <source>{0}-备用名单.pdf</source>
            <translation>{0}-power-cut-roster.pdf</translation>
        </message>
        <message>
            <source>只有管理员可以</source>
            <translation>Administrators only</translation>
        </message>
        <message>
            <source>乡镇公钥</source>
            <translation>Township key</translation>
        </message>
        <message>
            <source>复学防控桌面 {0}
学校复学疫情防控的离线管理程序。
数据只保存在本机。</source>
            <translation>Reopen Desktop {0}
Offline records for a school’s epidemic prevention after reopening.
The data stay on this PC.</translation>
        </message>
        <message>
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <source>病种目录与标准(&amp;C)…</source>
            <translation>Disease &amp;catalogue and norms…</translation>
        </message>
        <message>
            <source>全年防控(&amp;N)</source>
            <translation>School &amp;year</translation>
        </message>
        <message>
            <source>校历(&amp;Y)…</source>
            <translation>School-&amp;year calendar…</translation>
        </message>
    </context>
    <context>
        <name>MeasureDialog</name>
        <message>
            <source>添加处置措施</source>
            <translation>Add a measure</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>措施:</source>
            <translation>Measure:</translation>
        </message>
        <message>
            <source>内容:</source>
            <translation>What:</translation>
        </message>
        <message>
            <source>执行人:</source>
            <translation>Done by:</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>NotesDialog</name>
        <message>
            <source>实验室检测结果</source>
            <translation>Lab result</translation>
        </message>
        <message>
            <source>报告时间</source>
            <translation>Reported at</translation>
        </message>
        <message>
            <source>报告人</source>
            <translation>Reported by</translation>
        </message>
        <message>
            <source>报告对象</source>
            <translation>Reported to</translation>
        </message>
        <message>
            <source>转归</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>返校日期</source>
            <translation>Back at school</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>补充病例信息:{0} {1}</source>
            <translation>Case details: {0} {1}</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>ObservationDialog</name>
        <message>
            <source>登记全日健康观察</source>
            <translation>Record an observation</translation>
        </message>
        <message>
            <source>例如 男生宿舍3楼302、操场、教室</source>
            <translation>e.g. boys' dormitory 302, playground, classroom</translation>
        </message>
        <message>
            <source>未测</source>
            <translation>not taken</translation>
        </message>
        <message>
            <source>(无)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>班级:</source>
            <translation>Class:</translation>
        </message>
        <message>
            <source>学生:</source>
            <translation>Pupil:</translation>
        </message>
        <message>
            <source>观察时间:</source>
            <translation>Observed at:</translation>
        </message>
        <message>
            <source>发病时间:</source>
            <translation>Began at:</translation>
        </message>
        <message>
            <source>地点:</source>
            <translation>Where:</translation>
        </message>
        <message>
            <source>观察人:</source>
            <translation>Observed by:</translation>
        </message>
        <message>
            <source>身份:</source>
            <translation>As:</translation>
        </message>
        <message>
            <source>体温(℃):</source>
            <translation>Temperature (°C):</translation>
        </message>
        <message>
            <source>症状:</source>
            <translation>Symptoms:</translation>
        </message>
        <message>
            <source>处置:</source>
            <translation>Done:</translation>
        </message>
        <message>
            <source>备注:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>ObservationsPage</name>
        <message>
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>地点</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>发病时间</source>
            <translation>Began</translation>
        </message>
        <message>
            <source>体温</source>
            <translation>Temp.</translation>
        </message>
        <message>
            <source>症状</source>
            <translation>Symptoms</translation>
        </message>
        <message>
            <source>处置</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>观察人</source>
            <translation>Observer</translation>
        </message>
        <message>
            <source>晨午检之外任何时间发现的不适都在这里登记:发热或送回家、送医会开始缺勤追踪,并与当天的晨午检一起计入聚集性疫情等预警。下表为近 {0} 天。</source>
            <translation>Anything noticed outside the daily checks, at any hour, is recorded here: a fever, or a pupil sent home or to hospital, opens a follow-up, and the rules count it with the day's checks. The list shows the last {0} days.</translation>
        </message>
        <message>
            <source>登记观察(&amp;O)…</source>
            <translation>Record an &amp;observation…</translation>
        </message>
        <message>
            <source>新预警</source>
            <translation>New alerts</translation>
        </message>
        <message>
            <source>这次观察使预警增加 {0} 条,请到“预警”页查看。</source>
            <translation>This observation raised {0} new alerts: see the Alerts tab.</translation>
        </message>
    </context>
    <context>
        <name>OperatorDialog</name>
        <message>
            <source>管理员</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>校医</source>
            <translation>School doctor</translation>
        </message>
        <message>
            <source>班主任</source>
            <translation>Head teacher</translation>
        </message>
        <message>
            <source>文员</source>
            <translation>Clerk</translation>
        </message>
        <message>
            <source>操作员</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>例如:王丽</source>
            <translation>e.g. 王丽</translation>
        </message>
        <message>
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>本程序记录每一次修改是谁做的。请填写您的姓名和角色。</source>
            <translation>This program records who makes every change. Please enter your name and role.</translation>
        </message>
        <message>
            <source>姓名(&amp;N):</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>角色(&amp;R):</source>
            <translation>&amp;Role:</translation>
        </message>
    </context>
    <context>
        <name>OperatorPage</name>
        <message>
            <source>操作员</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>本程序记录每一次修改是谁做的。第一位操作员是管理员,以后可以在“设置 → 操作员与密码”中添加其他人。</source>
            <translation>This program records who makes every change. The first operator is the administrator; add others later under “Settings → Operators and passwords”.</translation>
        </message>
        <message>
            <source>例如:王丽</source>
            <translation>e.g. 王丽</translation>
        </message>
        <message>
            <source>您的姓名(&amp;N):</source>
            <translation>Your &amp;name:</translation>
        </message>
    </context>
    <context>
        <name>OperatorsDialog</name>
        <message>
            <source>操作员与密码</source>
            <translation>Operators and passwords</translation>
        </message>
        <message>
            <source>留空则不修改</source>
            <translation>Leave empty to keep it</translation>
        </message>
        <message>
            <source>清除密码</source>
            <translation>Clear password</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>姓名(&amp;N):</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>角色(&amp;R):</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>所带班级(&amp;C):</source>
            <translation>&amp;Class:</translation>
        </message>
        <message>
            <source>密码(&amp;P):</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>保存操作员(&amp;S)</source>
            <translation>&amp;Save operator</translation>
        </message>
        <message>
            <source>新增(&amp;A)</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>停用(&amp;D)</source>
            <translation>&amp;Disable</translation>
        </message>
        <message>
            <source>无人操作自动锁定:</source>
            <translation>Lock when idle:</translation>
        </message>
        <message>
            <source>设置了密码后,程序无人操作到时间会自动锁定;没有任何密码时只能手动锁定,且任何人都能解锁。</source>
            <translation>Once a password is set, the program locks itself after this idle time; without any password it can only be locked by hand, and anyone can unlock it.</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source> · 有密码</source>
            <translation> · password set</translation>
        </message>
        <message>
            <source> · 无密码</source>
            <translation> · no password</translation>
        </message>
        <message>
            <source>未停用</source>
            <translation>Not disabled</translation>
        </message>
    </context>
    <context>
        <name>PeopleTab</name>
        <message>
            <source>输入姓名、拼音首字母(如 zxm)、班级或证件号后四位</source>
            <translation>Type a name, pinyin initials (e.g. zxm), a class or the last four digits of an ID</translation>
        </message>
        <message>
            <source>打开档案(&amp;O)</source>
            <translation>&amp;Open file</translation>
        </message>
        <message>
            <source>查找(Ctrl+F):</source>
            <translation>Find (Ctrl+F):</translation>
        </message>
        <message>
            <source>显示前 {0} 人,请输入更多字以缩小范围。</source>
            <translation>Showing the first {0}; type more to narrow it down.</translation>
        </message>
        <message>
            <source>找到 {0} 人</source>
            <translation>Found: {0}</translation>
        </message>
        <message>
            <source>不能打开档案</source>
            <translation>Cannot open the file</translation>
        </message>
    </context>
    <context>
        <name>PersonBox</name>
        <message>
            <source>(空缺)</source>
            <translation>(vacant)</translation>
        </message>
        <message>
            <source>新增教职工…</source>
            <translation>New staff member…</translation>
        </message>
    </context>
    <context>
        <name>PersonFileDialog</name>
        <message>
            <source>联系与住址(可修改)</source>
            <translation>Contact and address (editable)</translation>
        </message>
        <message>
            <source>身份</source>
            <translation>Identity</translation>
        </message>
        <message>
            <source>摸排与重点人员</source>
            <translation>Screening and key person</translation>
        </message>
        <message>
            <source>记录</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>保存修改(&amp;S)</source>
            <translation>&amp;Save changes</translation>
        </message>
        <message>
            <source>打印档案(&amp;P)…</source>
            <translation>&amp;Print file…</translation>
        </message>
        <message>
            <source>彻底删除此人…</source>
            <translation>Erase this person…</translation>
        </message>
        <message>
            <source>误录或须删除个人信息时:删除此人及其全部记录,不能撤销(仅管理员)</source>
            <translation>For a person entered by mistake, or whose data must go: erase them and every record of them; cannot be undone (administrators only)</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>档案 — {0}</source>
            <translation>File — {0}</translation>
        </message>
        <message>
            <source>(本程序尚未记录摸排信息)</source>
            <translation>(no screening recorded yet)</translation>
        </message>
        <message>
            <source>身份证号:{0}</source>
            <translation>ID number: {0}</translation>
        </message>
        <message>
            <source>(未登记)</source>
            <translation>(not recorded)</translation>
        </message>
        <message>
            <source>学籍号:{0}</source>
            <translation>Student number: {0}</translation>
        </message>
        <message>
            <source>出生日期:{0}</source>
            <translation>Born: {0}</translation>
        </message>
        <message>
            <source>住校 {0}</source>
            <translation>boarder, {0}</translation>
        </message>
        <message>
            <source>走读</source>
            <translation>day pupil</translation>
        </message>
        <message>
            <source>班级:{0}({1})</source>
            <translation>Class: {0} ({1})</translation>
        </message>
        <message>
            <source>防控职责:{0}</source>
            <translation>Prevention duties: {0}</translation>
        </message>
        <message>
            <source>此前查阅 {0} 次,最近一次:{1} {2}</source>
            <translation>Opened {0} times before, last: {1} {2}</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>彻底删除{0}?

此人的晨午检、追踪、摸排、同住家庭等全部记录将被删除,姓名、身份证号、电话也会从操作记录中抹去(操作本身和操作人仍保留)。删除后不能撤销。此前的备份中仍有此人,按备份保留规则逐步淘汰。</source>
            <translation>Erase {0} for good?

Every record of this person (checks, follow-ups, screening, household …) will be deleted, and their name, ID number and phone wiped from the history (the actions and who did them stay). This cannot be undone. Earlier backups still hold the person until the backup rules thin them out.</translation>
        </message>
        <message>
            <source>彻底删除</source>
            <translation>Erase for good</translation>
        </message>
        <message>
            <source>没有删除</source>
            <translation>Nothing erased</translation>
        </message>
        <message>
            <source>保存档案</source>
            <translation>Save person file</translation>
        </message>
        <message>
            <source>{0}-档案.pdf</source>
            <translation>{0}-file.pdf</translation>
        </message>
        <message>
            <source>记录诊断(&amp;D)…</source>
            <translation>Record &amp;diagnosis…</translation>
        </message>
        <message>
            <source>记录诊断:{0}</source>
            <translation>Record a diagnosis: {0}</translation>
        </message>
        <message>
            <source>已记录</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <source>已记录诊断,产生预警 {0} 条,请到“预警”处理。</source>
            <translation>Diagnosis recorded; it raised {0} alert(s): see Alerts.</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <source>登记应急预案新版本</source>
            <translation>Record a new plan version</translation>
        </message>
        <message>
            <source>新冠肺炎疫情防控应急预案</source>
            <translation>COVID-19 prevention and control contingency plan</translation>
        </message>
        <message>
            <source>例如 1.2</source>
            <translation>e.g. 1.2</translation>
        </message>
        <message>
            <source>选择文件…</source>
            <translation>Choose file…</translation>
        </message>
        <message>
            <source>例如:按县教育局通知修订</source>
            <translation>e.g. revised after the county education bureau’s notice</translation>
        </message>
        <message>
            <source>标题(&amp;T):</source>
            <translation>&amp;Title:</translation>
        </message>
        <message>
            <source>版本(&amp;V):</source>
            <translation>&amp;Version:</translation>
        </message>
        <message>
            <source>通过日期:</source>
            <translation>Adopted on:</translation>
        </message>
        <message>
            <source>文件:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>正文(可选):</source>
            <translation>Text (optional):</translation>
        </message>
        <message>
            <source>修订说明:</source>
            <translation>What changed:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>选择预案文件</source>
            <translation>Choose the plan document</translation>
        </message>
        <message>
            <source>文档 (*.doc *.docx *.pdf *.wps);;全部 (*)</source>
            <translation>Documents (*.doc *.docx *.pdf *.wps);;All files (*)</translation>
        </message>
    </context>
    <context>
        <name>PreparednessTab</name>
        <message>
            <source>版本</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>通过日期</source>
            <translation>Adopted on</translation>
        </message>
        <message>
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <source>修订说明</source>
            <translation>What changed</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>主题</source>
            <translation>Topic</translation>
        </message>
        <message>
            <source>培训人</source>
            <translation>Trainer</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>People</translation>
        </message>
        <message>
            <source>参加人员</source>
            <translation>Attendees</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>应急预案(版本记录,第一行为现行版本)</source>
            <translation>Contingency plan (versions; the first line is the one in force)</translation>
        </message>
        <message>
            <source>登记新版本…</source>
            <translation>Record new version…</translation>
        </message>
        <message>
            <source>培训与演练</source>
            <translation>Training and drills</translation>
        </message>
        <message>
            <source>登记培训/演练…</source>
            <translation>Record training/drill…</translation>
        </message>
        <message>
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <source>位置(&amp;L):</source>
            <translation>&amp;Location:</translation>
        </message>
        <message>
            <source>配备物品:</source>
            <translation>Equipment:</translation>
        </message>
        <message>
            <source>备注:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>临时观察室</source>
            <translation>Observation room</translation>
        </message>
        <message>
            <source>保存观察室</source>
            <translation>Save observation room</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>值班校医:</source>
            <translation>Doctor on duty:</translation>
        </message>
        <message>
            <source>校医值班</source>
            <translation>School doctor on duty</translation>
        </message>
        <message>
            <source>保存值班</source>
            <translation>Save duty</translation>
        </message>
        <message>
            <source>(正文已存)</source>
            <translation>(text saved)</translation>
        </message>
        <message>
            <source>值班校医:{0}</source>
            <translation>Doctor on duty: {0}</translation>
        </message>
        <message>
            <source>未排班,默认为学校校医 {0}</source>
            <translation>Not scheduled; the school doctor {0} by default</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>删除这条记录:{0} {1}?</source>
            <translation>Delete this record: {0} {1}?</translation>
        </message>
        <message>
            <source>删除培训记录</source>
            <translation>Delete training record</translation>
        </message>
        <message>
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>打印附件:传染病目录…</source>
            <translation>Print appendix: disease catalogue…</translation>
        </message>
        <message>
            <source>保存应急预案附件</source>
            <translation>Save the plan's appendix</translation>
        </message>
        <message>
            <source>应急预案附件-传染病目录.pdf</source>
            <translation>plan-appendix-disease-catalogue.pdf</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>班主任</source>
            <translation>Head teacher</translation>
        </message>
        <message>
            <source>疫情报告员</source>
            <translation>Reporter</translation>
        </message>
        <message>
            <source>培训日期</source>
            <translation>Trained on</translation>
        </message>
        <message>
            <source>考核日期</source>
            <translation>Assessed on</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>{0}(依据:{1}{2})</source>
            <translation>{0} (source: {1}{2})</translation>
        </message>
        <message>
            <source>,未核实</source>
            <translation>, not confirmed</translation>
        </message>
        <message>
            <source>班级疫情报告员({0})</source>
            <translation>Class epidemic reporters ({0})</translation>
        </message>
        <message>
            <source>指定报告员…</source>
            <translation>Name a reporter…</translation>
        </message>
        <message>
            <source>登记培训考核…</source>
            <translation>Record training…</translation>
        </message>
        <message>
            <source>尚未完成培训考核({0} 个班):{1}</source>
            <translation>Not yet trained and assessed ({0} classes): {1}</translation>
        </message>
        <message>
            <source>各班疫情报告员均已培训并考核合格。</source>
            <translation>Every class's reporter is trained and has passed.</translation>
        </message>
        <message>
            <source>指定报告员</source>
            <translation>Name a reporter</translation>
        </message>
        <message>
            <source>请先在表中选择一个班级。</source>
            <translation>Select a class in the table first.</translation>
        </message>
        <message>
            <source>{0}(本班学生)</source>
            <translation>{0} (pupil of the class)</translation>
        </message>
        <message>
            <source>{0}的疫情报告员:</source>
            <translation>Reporter of {0}:</translation>
        </message>
        <message>
            <source>登记培训考核</source>
            <translation>Record training</translation>
        </message>
        <message>
            <source>请先在表中选择班级(可多选)。</source>
            <translation>Select classes in the table first (several may be selected).</translation>
        </message>
        <message>
            <source>请选择值班人员</source>
            <translation>Choose who is on duty</translation>
        </message>
        <message>
            <source>这一天还没有安排值班校医,防控网络也没有指定学校校医:请选择值班人员。</source>
            <translation>Nobody is on duty as school doctor this day, and the prevention grid names no school doctor: choose who is on duty.</translation>
        </message>
    </context>
    <context>
        <name>ProvincialDialog</name>
        <message>
            <source>添加省级增补疫苗</source>
            <translation>Add a provincial vaccine</translation>
        </message>
        <message>
            <source>英文代码,例如 VarV</source>
            <translation>a code, e.g. VarV</translation>
        </message>
        <message>
            <source>例如 水痘减毒活疫苗</source>
            <translation>e.g. 水痘减毒活疫苗</translation>
        </message>
        <message>
            <source>其他写法,用逗号分开,例如 水痘疫苗,水痘</source>
            <translation>other names, separated by commas, e.g. 水痘疫苗,水痘</translation>
        </message>
        <message>
            <source>各剂月龄,用逗号分开,例如 12,48</source>
            <translation>age of each dose in months, e.g. 12,48</translation>
        </message>
        <message>
            <source>预防的疾病代码,例如 varicella</source>
            <translation>disease codes it prevents, e.g. varicella</translation>
        </message>
        <message>
            <source>依据文件名称和文号</source>
            <translation>the document and its number</translation>
        </message>
        <message>
            <source>已核对文件原文</source>
            <translation>checked against the document's text</translation>
        </message>
        <message>
            <source>代码:</source>
            <translation>Code:</translation>
        </message>
        <message>
            <source>名称:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>别名:</source>
            <translation>Other names:</translation>
        </message>
        <message>
            <source>各剂月龄:</source>
            <translation>Ages (months):</translation>
        </message>
        <message>
            <source>预防疾病:</source>
            <translation>Prevents:</translation>
        </message>
        <message>
            <source>省份:</source>
            <translation>Province:</translation>
        </message>
        <message>
            <source>依据:</source>
            <translation>Source:</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
    </context>
    <context>
        <name>ReporterTrainingDialog</name>
        <message>
            <source>登记疫情报告员培训考核</source>
            <translation>Record the reporters' training</translation>
        </message>
        <message>
            <source>已考核</source>
            <translation>Assessed</translation>
        </message>
        <message>
            <source>班级:{0}</source>
            <translation>Classes: {0}</translation>
        </message>
        <message>
            <source>培训日期:</source>
            <translation>Trained on:</translation>
        </message>
        <message>
            <source>考核日期:</source>
            <translation>Assessed on:</translation>
        </message>
        <message>
            <source>考核结果:</source>
            <translation>Result:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>每日自动</source>
            <translation>Daily, automatic</translation>
        </message>
        <message>
            <source>恢复前</source>
            <translation>Before a restore</translation>
        </message>
        <message>
            <source>导入前</source>
            <translation>Before an import</translation>
        </message>
        <message>
            <source>程序升级前</source>
            <translation>Before an upgrade</translation>
        </message>
        <message>
            <source>手动</source>
            <translation>Manual</translation>
        </message>
        <message>
            <source>从备份恢复</source>
            <translation>Restore from a backup</translation>
        </message>
        <message>
            <source>选择要恢复的备份。现在的数据会先另存为“恢复前”备份,选错了可以再从它恢复回来。</source>
            <translation>Choose the backup to restore. What is there now is first saved as a “before a restore” backup, so a wrong choice can be restored back from it.</translation>
        </message>
        <message>
            <source>备份时间</source>
            <translation>Taken</translation>
        </message>
        <message>
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>大小</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>恢复所选备份(&amp;R)…</source>
            <translation>&amp;Restore the selected backup…</translation>
        </message>
        <message>
            <source>选择其他备份文件(&amp;O)…</source>
            <translation>Choose an&amp;other backup file…</translation>
        </message>
        <message>
            <source>选择备份文件</source>
            <translation>Choose a backup file</translation>
        </message>
        <message>
            <source>数据文件 (*.db)</source>
            <translation>Data files (*.db)</translation>
        </message>
        <message>
            <source>用备份“{0}”替换现在的全部数据吗?
现在的数据会先另存为“恢复前”备份。</source>
            <translation>Replace all the data now with the backup “{0}”?
What is there now is first saved as a “before a restore” backup.</translation>
        </message>
        <message>
            <source>恢复</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>正在恢复…</source>
            <translation>Restoring…</translation>
        </message>
        <message>
            <source>没有恢复</source>
            <translation>Not restored</translation>
        </message>
        <message>
            <source>已恢复</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>已从“{0}”恢复。恢复前的数据保存为“{1}”。</source>
            <translation>Restored from “{0}”. The data from before the restore is saved as “{1}”.</translation>
        </message>
    </context>
    <context>
        <name>ResultsDialog</name>
        <message>
            <source>肺结核密切接触史</source>
            <translation>Close contact with TB</translation>
        </message>
        <message>
            <source>可疑症状</source>
            <translation>Suspect symptoms</translation>
        </message>
        <message>
            <source>结核菌素皮肤试验</source>
            <translation>Tuberculin skin test</translation>
        </message>
        <message>
            <source>γ-干扰素释放试验</source>
            <translation>Interferon-γ release assay</translation>
        </message>
        <message>
            <source>胸部X光片</source>
            <translation>Chest X-ray</translation>
        </message>
        <message>
            <source>定点医疗机构结论</source>
            <translation>TB clinic's conclusion</translation>
        </message>
        <message>
            <source>预防性服药</source>
            <translation>Preventive treatment</translation>
        </message>
        <message>
            <source>筛查结果:{0}</source>
            <translation>Screening results: {0}</translation>
        </message>
        <message>
            <source>筛查日期:</source>
            <translation>Screened on:</translation>
        </message>
        <message>
            <source>(未做/未知)</source>
            <translation>(not done / unknown)</translation>
        </message>
        <message>
            <source>尚需:{0}</source>
            <translation>Still needed: {0}</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>ReturnDialog</name>
        <message>
            <source>办理复学:{0}</source>
            <translation>Return to school: {0}</translation>
        </message>
        <message>
            <source>复学诊断证明:开具单位、编号</source>
            <translation>return certificate: issuer, number</translation>
        </message>
        <message>
            <source>症状减轻或消失</source>
            <translation>Symptoms better or gone</translation>
        </message>
        <message>
            <source>胸片病灶明显吸收</source>
            <translation>Lesions markedly absorbed on the X-ray</translation>
        </message>
        <message>
            <source>痰涂片间隔至少满1个月</source>
            <translation>Smears at least a month apart</translation>
        </message>
        <message>
            <source>规范治疗完成全疗程</source>
            <translation>Full course of standard treatment done</translation>
        </message>
        <message>
            <source>达到治愈或治疗成功标准</source>
            <translation>Cure or treatment-success standard met</translation>
        </message>
        <message>
            <source>复学日期:</source>
            <translation>Back on:</translation>
        </message>
        <message>
            <source>复学诊断证明:</source>
            <translation>Return certificate:</translation>
        </message>
        <message>
            <source>规范治疗月数:</source>
            <translation>Months of standard treatment:</translation>
        </message>
        <message>
            <source>阴性痰涂片次数:</source>
            <translation>Negative smears:</translation>
        </message>
        <message>
            <source>阴性痰培养次数:</source>
            <translation>Negative cultures:</translation>
        </message>
        <message>
            <source>办理复学</source>
            <translation>Record the return</translation>
        </message>
        <message>
            <source>尚需:{0}</source>
            <translation>Still needed: {0}</translation>
        </message>
        <message>
            <source>符合复学条件。</source>
            <translation>The return conditions are met.</translation>
        </message>
    </context>
    <context>
        <name>RosterDialog</name>
        <message>
            <source>导入花名册</source>
            <translation>Import roster</translation>
        </message>
        <message>
            <source>花名册预览</source>
            <translation>Roster preview</translation>
        </message>
        <message>
            <source>请选择花名册文件(.xlsx、.xls、.csv)。</source>
            <translation>Choose a roster file (.xlsx, .xls, .csv).</translation>
        </message>
        <message>
            <source>选择文件(&amp;O)…</source>
            <translation>Ch&amp;oose file…</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>人数</source>
            <translation>People</translation>
        </message>
        <message>
            <source>工作表</source>
            <translation>Sheet</translation>
        </message>
        <message>
            <source>行号</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>列</source>
            <translation>Column</translation>
        </message>
        <message>
            <source>错误原因</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>提示</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>原班级</source>
            <translation>From class</translation>
        </message>
        <message>
            <source>新班级</source>
            <translation>To class</translation>
        </message>
        <message>
            <source>位置</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>项目</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>原来</source>
            <translation>Was</translation>
        </message>
        <message>
            <source>改为</source>
            <translation>Becomes</translation>
        </message>
        <message>
            <source>确认改名</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>证件号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>现姓名</source>
            <translation>Name now</translation>
        </message>
        <message>
            <source>表中姓名</source>
            <translation>Name in file</translation>
        </message>
        <message>
            <source>出现的行</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>各班人数</source>
            <translation>People per class</translation>
        </message>
        <message>
            <source>错误行</source>
            <translation>Rows with errors</translation>
        </message>
        <message>
            <source>改名</source>
            <translation>Renames</translation>
        </message>
        <message>
            <source>重复行</source>
            <translation>Repeated rows</translation>
        </message>
        <message>
            <source>更新内容</source>
            <translation>Changes</translation>
        </message>
        <message>
            <source>调班</source>
            <translation>Class changes</translation>
        </message>
        <message>
            <source>不在本表</source>
            <translation>Not in file</translation>
        </message>
        <message>
            <source>跳过错误行,只导入正确的行</source>
            <translation>Skip rows with errors and import only the correct ones</translation>
        </message>
        <message>
            <source>将不在本花名册中的人标记为离校</source>
            <translation>Mark those not in this roster as left</translation>
        </message>
        <message>
            <source>导入(&amp;I)</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>保存错误表(&amp;E)…</source>
            <translation>Save &amp;errors workbook…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>选择花名册</source>
            <translation>Choose roster</translation>
        </message>
        <message>
            <source>表格文件 (*.xlsx *.xls *.ods *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
        </message>
        <message>
            <source>文件:{0}</source>
            <translation>File: {0}</translation>
        </message>
        <message>
            <source>正在检查花名册…</source>
            <translation>Checking the roster…</translation>
        </message>
        <message>
            <source>无法读取花名册</source>
            <translation>Cannot read the roster</translation>
        </message>
        <message>
            <source>{0} 第{1}行</source>
            <translation>{0} row {1}</translation>
        </message>
        <message>
            <source>将不在本花名册中的 {0} 人标记为离校</source>
            <translation>Mark the {0} not in this roster as left</translation>
        </message>
        <message>
            <source>读取 {0} 行:新增 {1} 人,更新 {2} 人,未变 {3} 人</source>
            <translation>{0} rows read: {1} new, {2} updated, {3} unchanged</translation>
        </message>
        <message>
            <source>其中教职工 {0} 人</source>
            <translation>staff among them: {0}</translation>
        </message>
        <message>
            <source>将新建班级:{0}</source>
            <translation>new classes: {0}</translation>
        </message>
        <message>
            <source>调班 {0} 人</source>
            <translation>class changes: {0}</translation>
        </message>
        <message>
            <source>&lt;b style='color:{1}'&gt;改名 {0} 人待确认(勾选确认后才改,否则该行不导入)&lt;/b&gt;</source>
            <translation>&lt;b style='color:{1}'&gt;{0} renames to confirm (tick to accept; otherwise the row is not imported)&lt;/b&gt;</translation>
        </message>
        <message>
            <source>确认改名 {0} 人</source>
            <translation>{0} renames confirmed</translation>
        </message>
        <message>
            <source>重复行 {0} 处(各只导入一次)</source>
            <translation>{0} repeated rows (each imported once)</translation>
        </message>
        <message>
            <source>补齐身份证号 {0} 人</source>
            <translation>ID number filled in for {0}</translation>
        </message>
        <message>
            <source>在校但不在本表 {0} 人</source>
            <translation>{0} at school but not in this file</translation>
        </message>
        <message>
            <source>提示 {0} 条</source>
            <translation>notes: {0}</translation>
        </message>
        <message>
            <source>;</source>
            <translation>; </translation>
        </message>
        <message>
            <source>。</source>
            <translation>.</translation>
        </message>
        <message>
            <source>(请选择)</source>
            <translation>(choose)</translation>
        </message>
        <message>
            <source>哪一列是“{0}”:</source>
            <translation>Which column is “{0}”:</translation>
        </message>
        <message>
            <source>正在导入花名册…</source>
            <translation>Importing the roster…</translation>
        </message>
        <message>
            <source>没有导入</source>
            <translation>Not imported</translation>
        </message>
        <message>
            <source>已导入</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>{0}-错误说明.xlsx</source>
            <translation>{0}-errors.xlsx</translation>
        </message>
        <message>
            <source>保存错误表</source>
            <translation>Save errors workbook</translation>
        </message>
        <message>
            <source>Excel 文件 (*.xlsx)</source>
            <translation>Excel files (*.xlsx)</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>已保存</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>错误表已保存到 {0}。请在 Excel 中按红色的“错误说明”列改正后重新导入。</source>
            <translation>The errors workbook is saved to {0}. Correct the rows in Excel following the red “错误说明” column, then import again.</translation>
        </message>
        <message>
            <source>村(社区)</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>例:现住址</source>
            <translation>Example address</translation>
        </message>
        <message>
            <source>从现住址识别的村(社区)</source>
            <translation>Villages read from addresses</translation>
        </message>
        <message>
            <source>从现住址识别村(社区){0} 人</source>
            <translation>village read from the address for {0} people</translation>
        </message>
        <message>
            <source>&lt;b style='color:{1}'&gt;错误 {0} 行&lt;/b&gt;</source>
            <translation>&lt;b style='color:{1}'&gt;{0} rows with errors&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>RosterPage</name>
        <message>
            <source>花名册</source>
            <translation>Roster</translation>
        </message>
        <message>
            <source>先下载模板,在 Excel 中填好学生和教职工,再选择这个文件。也可以跳过,以后在“文件 → 导入花名册”中导入。</source>
            <translation>Save the template first, fill in pupils and staff in Excel, then choose the file here. You can also skip this and import later with “File → Import roster”.</translation>
        </message>
        <message>
            <source>下载花名册模板(&amp;T)…</source>
            <translation>Save roster &amp;template…</translation>
        </message>
        <message>
            <source>选择花名册文件(&amp;R)…</source>
            <translation>Choose &amp;roster file…</translation>
        </message>
        <message>
            <source>未选择花名册:完成后学校里还没有人员。</source>
            <translation>No roster chosen: the school will have nobody in it yet.</translation>
        </message>
        <message>
            <source>点“完成”后会先显示导入预览(每班人数、错误的行),确认后才写入。</source>
            <translation>After “Finish” you first see a preview (people per class, rows with errors); nothing is written until you confirm.</translation>
        </message>
        <message>
            <source>模板已保存到 {0}。填好后点“选择花名册文件”。</source>
            <translation>Template saved to {0}. Fill it in, then click “Choose roster file”.</translation>
        </message>
        <message>
            <source>选择花名册</source>
            <translation>Choose roster</translation>
        </message>
        <message>
            <source>表格文件 (*.xlsx *.xls *.ods *.csv)</source>
            <translation>Spreadsheets (*.xlsx *.xls *.ods *.csv)</translation>
        </message>
        <message>
            <source>将导入:{0}</source>
            <translation>Will import: {0}</translation>
        </message>
    </context>
    <context>
        <name>SchoolPage</name>
        <message>
            <source>学校</source>
            <translation>School</translation>
        </message>
        <message>
            <source>填写学校的名称。乡镇和学校代码可以以后再补。</source>
            <translation>Enter the school's name. The township and the school code can be added later.</translation>
        </message>
        <message>
            <source>例如:城关镇第一小学</source>
            <translation>e.g. 城关镇第一小学</translation>
        </message>
        <message>
            <source>学校名称(&amp;S):</source>
            <translation>&amp;School name:</translation>
        </message>
        <message>
            <source>所属乡镇(&amp;T):</source>
            <translation>&amp;Township:</translation>
        </message>
        <message>
            <source>学校代码:</source>
            <translation>School code:</translation>
        </message>
        <message>
            <source>这是幼儿园(托幼园所):年级为小班、中班、大班,班级叫小一班、中二班</source>
            <translation>This is a kindergarten: the grades are 小班, 中班 and 大班, and classes are named like 小一班, 中二班</translation>
        </message>
        <message>
            <source>先看看示例学校(&amp;E)</source>
            <translation>Try the d&amp;emo school first</translation>
        </message>
        <message>
            <source>打开一所生成的示例学校(标明“示例数据”),您的学校下次启动时再建。</source>
            <translation>Opens a generated demo school (marked “demo data”); your own school is created at the next start.</translation>
        </message>
        <message>
            <source>还没准备好?可以先在示例学校里试一试:</source>
            <translation>Not ready yet? Try things out in a demo school first:</translation>
        </message>
    </context>
    <context>
        <name>SchoolPanel</name>
        <message>
            <source>一校一策:本校的防控方案要点</source>
            <translation>One school, one policy: the main points of our prevention plan</translation>
        </message>
        <message>
            <source>保存学校信息(&amp;S)</source>
            <translation>&amp;Save school details</translation>
        </message>
        <message>
            <source>学校名称</source>
            <translation>School name</translation>
        </message>
        <message>
            <source>所属乡镇</source>
            <translation>Township</translation>
        </message>
        <message>
            <source>学校代码</source>
            <translation>School code</translation>
        </message>
        <message>
            <source>地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>挂钩领导</source>
            <translation>Liaison</translation>
        </message>
        <message>
            <source>复学指导员</source>
            <translation>Reopening instructor</translation>
        </message>
        <message>
            <source>学校</source>
            <translation>School</translation>
        </message>
        <message>
            <source>一校一策:</source>
            <translation>One school, one policy:</translation>
        </message>
        <message>
            <source>学校层级责任人</source>
            <translation>School-level duties</translation>
        </message>
    </context>
    <context>
        <name>SchoolYearTab</name>
        <message>
            <source>预防接种查验</source>
            <translation>Vaccination check</translation>
        </message>
        <message>
            <source>结核病防控</source>
            <translation>Tuberculosis</translation>
        </message>
        <message>
            <source>病例一览表与流行曲线</source>
            <translation>Line list and epidemic curve</translation>
        </message>
        <message>
            <source>疫情报告登记</source>
            <translation>Event record</translation>
        </message>
        <message>
            <source>全日健康观察</source>
            <translation>Observations</translation>
        </message>
    </context>
    <context>
        <name>ScreeningTab</name>
        <message>
            <source>显示已解除和已期满的</source>
            <translation>Show released and finished</translation>
        </message>
        <message>
            <source>下载申报模板</source>
            <translation>Save declaration template</translation>
        </message>
        <message>
            <source>导入申报表</source>
            <translation>Import declarations</translation>
        </message>
        <message>
            <source>催报名单 PDF</source>
            <translation>Reminder list PDF</translation>
        </message>
        <message>
            <source>导出分村重点人员</source>
            <translation>Export key persons by village</translation>
        </message>
        <message>
            <source>比对村(社区)名单</source>
            <translation>Match a village's list</translation>
        </message>
        <message>
            <source>班级:</source>
            <translation>Class:</translation>
        </message>
        <message>
            <source>申报登记</source>
            <translation>Declarations</translation>
        </message>
        <message>
            <source>重点人员</source>
            <translation>Key persons</translation>
        </message>
        <message>
            <source>风险地区</source>
            <translation>Risk areas</translation>
        </message>
        <message>
            <source>本班人员(红色为未申报)</source>
            <translation>People in the class (red: not declared)</translation>
        </message>
        <message>
            <source>解除观察…</source>
            <translation>End observation…</translation>
        </message>
        <message>
            <source>全校已申报 {0}/{1}({2}%),观察中的重点人员 {3} 人</source>
            <translation>School: {0}/{1} declared ({2}%), {3} key persons under observation</translation>
        </message>
        <message>
            <source>全部班级</source>
            <translation>All classes</translation>
        </message>
        <message>
            <source>教职工</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>{0}(未申报)</source>
            <translation>{0} (not declared)</translation>
        </message>
        <message>
            <source>{0} 第{1}行 {2}:{3}</source>
            <translation>{0} row {1} {2}: {3}</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>请先在左边选择一个人。</source>
            <translation>First select a person on the left.</translation>
        </message>
        <message>
            <source>申报未保存</source>
            <translation>Declaration not saved</translation>
        </message>
        <message>
            <source>已保存。</source>
            <translation>Saved.</translation>
        </message>
        <message>
            <source>解除观察</source>
            <translation>End observation</translation>
        </message>
        <message>
            <source>请先选择一位观察中的重点人员。</source>
            <translation>First select a key person under observation.</translation>
        </message>
        <message>
            <source>解除 {0} 的观察,说明(如:观察期满无异常):</source>
            <translation>End the observation of {0}; reason (e.g. period over, nothing found):</translation>
        </message>
        <message>
            <source>未解除</source>
            <translation>Not ended</translation>
        </message>
        <message>
            <source>删除风险地区</source>
            <translation>Delete risk area</translation>
        </message>
        <message>
            <source>删除这个风险地区?已因它登记的重点人员不会自动解除。</source>
            <translation>Delete this risk area? Key persons recorded because of it stay under observation.</translation>
        </message>
        <message>
            <source>未删除</source>
            <translation>Not deleted</translation>
        </message>
        <message>
            <source>导入风险地区</source>
            <translation>Import risk areas</translation>
        </message>
        <message>
            <source>未导入</source>
            <translation>Not imported</translation>
        </message>
        <message>
            <source>新增 {0} 个地区。</source>
            <translation>Areas added: {0}.</translation>
        </message>
        <message>
            <source>Excel 表格 (*.xlsx *.xls)</source>
            <translation>Excel workbooks (*.xlsx *.xls)</translation>
        </message>
        <message>
            <source>{0}-摸排申报表.xlsx</source>
            <translation>{0}-declarations.xlsx</translation>
        </message>
        <message>
            <source>全校</source>
            <translation>whole-school</translation>
        </message>
        <message>
            <source>保存申报模板</source>
            <translation>Save declaration template</translation>
        </message>
        <message>
            <source>Excel 表格 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <source>申报模板</source>
            <translation>Declaration template</translation>
        </message>
        <message>
            <source>已保存 {0}({1} 人)。请发给班主任填写后交回导入。</source>
            <translation>Saved {0} (people: {1}). Send it to the head teachers to fill in, then import it.</translation>
        </message>
        <message>
            <source>新增 {0} 人,更新 {1} 人;新登记或重新开始观察的重点人员 {2} 人。</source>
            <translation>New: {0}, updated: {1}; key persons newly recorded or observation restarted: {2}.</translation>
        </message>
        <message>
            <source>保存催报名单</source>
            <translation>Save reminder list</translation>
        </message>
        <message>
            <source>摸排催报名单.pdf</source>
            <translation>screening-reminders.pdf</translation>
        </message>
        <message>
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>未生成</source>
            <translation>Not created</translation>
        </message>
        <message>
            <source>重点人员_分村.xlsx</source>
            <translation>key-persons-by-village.xlsx</translation>
        </message>
        <message>
            <source>未导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>已导出 {0} 个村(社区)的重点人员 {1} 人:{2}</source>
            <translation>Exported key persons: {1}, villages: {0}: {2}</translation>
        </message>
        <message>
            <source>选择村(社区)的重点人员名单</source>
            <translation>Choose the village's key person list</translation>
        </message>
        <message>
            <source>无法比对</source>
            <translation>Cannot match</translation>
        </message>
        <message>
            <source>登记重点人员</source>
            <translation>Record key persons</translation>
        </message>
        <message>
            <source>按村(社区)名单登记 {0} 人为重点人员?</source>
            <translation>Record the people from the village's list as key persons ({0})?</translation>
        </message>
        <message>
            <source>未登记</source>
            <translation>Not recorded</translation>
        </message>
        <message>
            <source>新登记或重新开始观察 {0} 人;{1} 人已在观察中,未改动。</source>
            <translation>Newly recorded or observation restarted: {0}; already under observation, unchanged: {1}.</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <source>新增教职工</source>
            <translation>New staff member</translation>
        </message>
        <message>
            <source>例如:教师、校医、副校长</source>
            <translation>e.g. teacher, school doctor, vice-principal</translation>
        </message>
        <message>
            <source>男</source>
            <translation>male</translation>
        </message>
        <message>
            <source>女</source>
            <translation>female</translation>
        </message>
        <message>
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>姓名(&amp;N):</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>性别:</source>
            <translation>Sex:</translation>
        </message>
        <message>
            <source>岗位(&amp;P):</source>
            <translation>&amp;Post:</translation>
        </message>
        <message>
            <source>联系电话:</source>
            <translation>Phone:</translation>
        </message>
    </context>
    <context>
        <name>SuppliesTab</name>
        <message>
            <source>所选物资的出入库记录:</source>
            <translation>Stock movements of the selected item:</translation>
        </message>
        <message>
            <source>库存不足</source>
            <translation>Low stock</translation>
        </message>
        <message>
            <source>充足</source>
            <translation>Sufficient</translation>
        </message>
        <message>
            <source>可用天数按最近 {0} 天的实际出库计算;低于储备线(默认 {1} 天用量)显示为红色。</source>
            <translation>Days of cover come from the last {0} days' actual use; stock below the reserve ({1} days' use by default) is shown in red.</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>物资</source>
            <translation>Supplies</translation>
        </message>
        <message>
            <source>请先在表中选一种物资。</source>
            <translation>First select an item in the table.</translation>
        </message>
        <message>
            <source>出库</source>
            <translation>Out</translation>
        </message>
        <message>
            <source>入库</source>
            <translation>In</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>数量({0})</source>
            <translation>Quantity ({0})</translation>
        </message>
        <message>
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>单位</source>
            <translation>Unit</translation>
        </message>
        <message>
            <source>库存</source>
            <translation>Stock</translation>
        </message>
        <message>
            <source>近14天日均用量</source>
            <translation>Daily use (14 days)</translation>
        </message>
        <message>
            <source>可用天数</source>
            <translation>Days of cover</translation>
        </message>
        <message>
            <source>储备线</source>
            <translation>Reserve</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>入库…</source>
            <translation>Stock in…</translation>
        </message>
        <message>
            <source>出库…</source>
            <translation>Stock out…</translation>
        </message>
        <message>
            <source>添加物资…</source>
            <translation>Add item…</translation>
        </message>
        <message>
            <source>设置储备天数…</source>
            <translation>Set reserve days…</translation>
        </message>
        <message>
            <source>{0:.0f}({1}天)</source>
            <translation>{0:.0f} ({1} days)</translation>
        </message>
        <message>
            <source>经手人</source>
            <translation>Handled by</translation>
        </message>
        <message>
            <source>备注</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>添加物资</source>
            <translation>Add item</translation>
        </message>
        <message>
            <source>物资名称:</source>
            <translation>Item name:</translation>
        </message>
        <message>
            <source>单位(如 只、瓶、升):</source>
            <translation>Unit (e.g. piece, bottle, litre):</translation>
        </message>
        <message>
            <source>储备天数</source>
            <translation>Reserve days</translation>
        </message>
        <message>
            <source>{0}的储备天数(留空用默认):</source>
            <translation>Reserve days for {0} (empty for the default):</translation>
        </message>
        <message>
            <source>储备天数应是整数。</source>
            <translation>Reserve days must be a whole number.</translation>
        </message>
    </context>
    <context>
        <name>SuspensionDialog</name>
        <message>
            <source>班级停课</source>
            <translation>Suspend a class</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>停课起</source>
            <translation>Suspended from</translation>
        </message>
        <message>
            <source>停课至(最后一天,未定可不填)</source>
            <translation>Suspended until (last day; leave empty if not decided)</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>如 手足口病聚集,按疾控中心意见停课</source>
            <translation>e.g. hand, foot and mouth disease cluster; suspended on CDC advice</translation>
        </message>
        <message>
            <source>复课证明</source>
            <translation>Return clearance</translation>
        </message>
        <message>
            <source>返校须查验</source>
            <translation>Return needs</translation>
        </message>
        <message>
            <source>最后一天早于停课起始日期。</source>
            <translation>The last day is before the first day of the suspension.</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>TbPage</name>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>筛查日期</source>
            <translation>Screened</translation>
        </message>
        <message>
            <source>接触史</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>可疑症状</source>
            <translation>Suspect symptoms</translation>
        </message>
        <message>
            <source>TST</source>
            <translation>TST</translation>
        </message>
        <message>
            <source>胸片</source>
            <translation>X-ray</translation>
        </message>
        <message>
            <source>结论</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>尚需</source>
            <translation>Still needed</translation>
        </message>
        <message>
            <source>诊断日期</source>
            <translation>Diagnosed</translation>
        </message>
        <message>
            <source>状态</source>
            <translation>State</translation>
        </message>
        <message>
            <source>休学条件</source>
            <translation>Suspension criteria</translation>
        </message>
        <message>
            <source>复学尚需</source>
            <translation>Return still needs</translation>
        </message>
        <message>
            <source>病例</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>轮次</source>
            <translation>Round</translation>
        </message>
        <message>
            <source>范围</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>开始</source>
            <translation>Began</translation>
        </message>
        <message>
            <source>已筛/应筛</source>
            <translation>Screened/listed</translation>
        </message>
        <message>
            <source>强阳性</source>
            <translation>Strong pos.</translation>
        </message>
        <message>
            <source>新发病例</source>
            <translation>New cases</translation>
        </message>
        <message>
            <source>需扩大至</source>
            <translation>Widen to</translation>
        </message>
        <message>
            <source>潜伏感染者和密切接触者不休学、正常上课(依据:{0}{1})。</source>
            <translation>Latent infection and contacts are not suspended and attend as usual (source: {0}{1}).</translation>
        </message>
        <message>
            <source>,未核实</source>
            <translation>, not confirmed</translation>
        </message>
        <message>
            <source>新生入学筛查</source>
            <translation>Entry screening</translation>
        </message>
        <message>
            <source>列入新生筛查名单…</source>
            <translation>List a new grade…</translation>
        </message>
        <message>
            <source>登记筛查结果…</source>
            <translation>Record results…</translation>
        </message>
        <message>
            <source>肺结核病例(休学与复学)</source>
            <translation>TB cases (suspension and return)</translation>
        </message>
        <message>
            <source>登记病例…</source>
            <translation>Record a case…</translation>
        </message>
        <message>
            <source>办理休学…</source>
            <translation>Suspend…</translation>
        </message>
        <message>
            <source>办理复学…</source>
            <translation>Return…</translation>
        </message>
        <message>
            <source>开始密切接触者筛查…</source>
            <translation>Start a contact round…</translation>
        </message>
        <message>
            <source>密切接触者筛查</source>
            <translation>Contact screening</translation>
        </message>
        <message>
            <source>名单 {0} 人,已筛查 {1} 人;需转诊 {2} 人,潜伏感染 {3} 人,待完成 {4} 人。{5}</source>
            <translation>{0} listed, {1} screened; {2} to refer, {3} latent infections, {4} to finish. {5}</translation>
        </message>
        <message>
            <source>(无,不休学)</source>
            <translation>(none: not suspended)</translation>
        </message>
        <message>
            <source>教职工</source>
            <translation>staff</translation>
        </message>
        <message>
            <source> 胸片复查 {0}</source>
            <translation> X-rays on {0}</translation>
        </message>
        <message>
            <source>新生筛查名单</source>
            <translation>Entry screening list</translation>
        </message>
        <message>
            <source>新生所在年级:</source>
            <translation>The new pupils' grade:</translation>
        </message>
        <message>
            <source>登记筛查结果</source>
            <translation>Record results</translation>
        </message>
        <message>
            <source>请先在名单中选择一人。</source>
            <translation>Select someone on the list first.</translation>
        </message>
        <message>
            <source>肺结核病例</source>
            <translation>TB case</translation>
        </message>
        <message>
            <source>请先选择一个病例。</source>
            <translation>Select a case first.</translation>
        </message>
        <message>
            <source>办理休学</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <source>结核病定点医疗机构开具的休学诊断证明(单位、编号):</source>
            <translation>The TB clinic's suspension certificate (issuer, number):</translation>
        </message>
        <message>
            <source>本轮筛查范围:</source>
            <translation>This round screens:</translation>
        </message>
    </context>
    <context>
        <name>TickDialog</name>
        <message>
            <source>登记{0}</source>
            <translation>Record {0}</translation>
        </message>
        <message>
            <source> 分钟</source>
            <translation> min</translation>
        </message>
        <message>
            <source>登记完成</source>
            <translation>Mark done</translation>
        </message>
        <message>
            <source>区域:</source>
            <translation>Area:</translation>
        </message>
        <message>
            <source>项目:</source>
            <translation>Task:</translation>
        </message>
        <message>
            <source>{0} {1} 应完成 {2}</source>
            <translation>{0} {1} due {2}</translation>
        </message>
        <message>
            <source>完成时间(&amp;T):</source>
            <translation>Done a&amp;t:</translation>
        </message>
        <message>
            <source>执行人(&amp;O):</source>
            <translation>D&amp;one by:</translation>
        </message>
        <message>
            <source>消毒部位:</source>
            <translation>Surfaces:</translation>
        </message>
        <message>
            <source>消毒剂(&amp;A):</source>
            <translation>Disinfect&amp;ant:</translation>
        </message>
        <message>
            <source>浓度(&amp;C):</source>
            <translation>&amp;Concentration:</translation>
        </message>
        <message>
            <source>作用时间(&amp;M):</source>
            <translation>Contact ti&amp;me:</translation>
        </message>
        <message>
            <source>通风时长(&amp;M):</source>
            <translation>Ventilation ti&amp;me:</translation>
        </message>
    </context>
    <context>
        <name>TimetableDialog</name>
        <message>
            <source>错峰上下学时间表</source>
            <translation>Staggered arrival timetable</translation>
        </message>
        <message>
            <source>添加通道…</source>
            <translation>Add lane…</translation>
        </message>
        <message>
            <source>设定时段(&amp;S)…</source>
            <translation>&amp;Set time slot…</translation>
        </message>
        <message>
            <source>删除时段</source>
            <translation>Delete time slot</translation>
        </message>
        <message>
            <source>打印家长版…</source>
            <translation>Print for parents…</translation>
        </message>
        <message>
            <source>打印校门用…</source>
            <translation>Print for the gate…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>通道:{0}</source>
            <translation>Lane: {0}</translation>
        </message>
        <message>
            <source>{0}({1:g} 人/分钟)</source>
            <translation>{0} ({1:g} per minute)</translation>
        </message>
        <message>
            <source>还没有通道:请先“添加通道”(如 东门1号通道)。</source>
            <translation>No lanes yet: first “Add lane” (e.g. East gate lane 1).</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>添加通道</source>
            <translation>Add lane</translation>
        </message>
        <message>
            <source>通道名称:</source>
            <translation>Lane name:</translation>
        </message>
        <message>
            <source>每分钟能检测多少人(留空:按校门实测,否则按 {0})</source>
            <translation>People checked per minute (empty: measured at the gate, else {0})</translation>
        </message>
        <message>
            <source>每分钟人数应是数字。</source>
            <translation>People per minute must be a number.</translation>
        </message>
        <message>
            <source>设定时段</source>
            <translation>Set time slot</translation>
        </message>
        <message>
            <source>请先添加通道。</source>
            <translation>First add a lane.</translation>
        </message>
        <message>
            <source>删除{0}的{1}时段?</source>
            <translation>Delete the {1} slot of {0}?</translation>
        </message>
        <message>
            <source>校门用</source>
            <translation>gate</translation>
        </message>
        <message>
            <source>家长版</source>
            <translation>parents</translation>
        </message>
        <message>
            <source>{0}-错峰时间表-{1}.pdf</source>
            <translation>{0}-staggered-timetable-{1}.pdf</translation>
        </message>
        <message>
            <source>保存错峰时间表</source>
            <translation>Save staggered timetable</translation>
        </message>
    </context>
    <context>
        <name>TownshipKeyPage</name>
        <message>
            <source>乡镇公钥</source>
            <translation>Township public key</translation>
        </message>
        <message>
            <source>上报给乡镇的数据包用乡镇的公钥加密,U盘丢了也不会泄露信息。请插入乡镇防控指挥部发的U盘,选择其中的 .pem 公钥文件。没有U盘可以跳过,以后在“设置 → 读取乡镇公钥”中补上。</source>
            <translation>Bundles for the township are encrypted with the township's public key, so a lost USB stick leaks nothing. Insert the stick from the township prevention headquarters and choose the .pem public key file on it. Without the stick you can skip this and add it later under “Settings → Read township public key”.</translation>
        </message>
        <message>
            <source>从U盘读取公钥(&amp;K)…</source>
            <translation>Read public &amp;key from USB stick…</translation>
        </message>
        <message>
            <source>未读取公钥。</source>
            <translation>No public key read.</translation>
        </message>
    </context>
    <context>
        <name>TownshipWindow</name>
        <message>
            <source>复学防控桌面 — 乡镇汇总:{0}</source>
            <translation>Reopen Desktop — township summary: {0}</translation>
        </message>
        <message>
            <source>乡镇公钥指纹:{0}(与各校核对)</source>
            <translation>Township key fingerprint: {0} (check it with each school)</translation>
        </message>
        <message>
            <source>&lt;b&gt;{0}&lt;/b&gt; 防控汇总</source>
            <translation>&lt;b&gt;{0}&lt;/b&gt; prevention summary</translation>
        </message>
        <message>
            <source>导入数据包(&amp;I)…</source>
            <translation>&amp;Import bundles…</translation>
        </message>
        <message>
            <source>选择一个或多个 .rdbundle 数据包文件</source>
            <translation>Choose one or more .rdbundle files</translation>
        </message>
        <message>
            <source>导入整个文件夹(&amp;F)…</source>
            <translation>Import a whole &amp;folder…</translation>
        </message>
        <message>
            <source>选择U盘或文件夹,导入其中所有数据包</source>
            <translation>Choose a USB stick or folder and import every bundle in it</translation>
        </message>
        <message>
            <source>登记学校(&amp;E)…</source>
            <translation>&amp;Enrol school…</translation>
        </message>
        <message>
            <source>凭学校交接单上的学校代码和密钥指纹登记;未登记学校的数据包一律拒收</source>
            <translation>Enrol a school with the school code and key fingerprint on its hand-over slip; bundles of schools not enrolled are refused</translation>
        </message>
        <message>
            <source>打印汇总(&amp;P)…</source>
            <translation>&amp;Print summary…</translation>
        </message>
        <message>
            <source>导出乡镇公钥…</source>
            <translation>Export township public key…</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>退出(&amp;X)</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>上报情况(&amp;R)</source>
            <translation>&amp;Reporting</translation>
        </message>
        <message>
            <source>预警(&amp;A)</source>
            <translation>&amp;Alerts</translation>
        </message>
        <message>
            <source>重点人员(&amp;K)</source>
            <translation>&amp;Key persons</translation>
        </message>
        <message>
            <source>尚未导入数据包。</source>
            <translation>No bundles imported yet.</translation>
        </message>
        <message>
            <source>导入结果(&amp;M)</source>
            <translation>I&amp;mport results</translation>
        </message>
        <message>
            <source>{0} 各校概况</source>
            <translation>{0}: schools at a glance</translation>
        </message>
        <message>
            <source>各校未结预警 {0} 条</source>
            <translation>Open alerts across the schools: {0}</translation>
        </message>
        <message>
            <source>各校均无未结预警。</source>
            <translation>No school has an open alert.</translation>
        </message>
        <message>
            <source>{0} 观察期内的重点人员:{1} 个村(社区),{2} 人</source>
            <translation>{0}: key persons under observation: {2} in {1} villages</translation>
        </message>
        <message>
            <source>已登记 {0} 所学校。只接收这些学校用登记的密钥签名的数据包。</source>
            <translation>{0} schools enrolled. Only bundles signed with their enrolled keys are taken.</translation>
        </message>
        <message>
            <source>尚未登记任何学校。请凭学校交来的交接单点“登记学校”。</source>
            <translation>No school is enrolled yet. With the hand-over slip a school brings, click “Enrol school”.</translation>
        </message>
        <message>
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <source>尚未导入任何学校的数据包。请点“导入数据包”或“导入整个文件夹”。</source>
            <translation>No school bundle imported yet. Click “Import bundles” or “Import a whole folder”.</translation>
        </message>
        <message>
            <source>近 7 天({0} 至 {1})全乡镇上报率 {2:.0%}。✓ 表示已上报,“未报”表示应报未报,“休”为非上报日。</source>
            <translation>Last 7 days ({0} to {1}): township reporting rate {2:.0%}. ✓ reported, “missing” not reported when due, “–” not a reporting day.</translation>
        </message>
        <message>
            <source>数据包缺号:{0}。</source>
            <translation>Missing bundle numbers: {0}.</translation>
        </message>
        <message>
            <source>休</source>
            <translation>–</translation>
        </message>
        <message>
            <source>未报</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>导出给县平台(&amp;C)…</source>
            <translation>Export for the &amp;county…</translation>
        </message>
        <message>
            <source>已登记学校(&amp;L)</source>
            <translation>Enro&amp;lled schools</translation>
        </message>
        <message>
            <source>选择数据包</source>
            <translation>Choose bundles</translation>
        </message>
        <message>
            <source>数据包 (*.rdbundle);;所有文件 (*)</source>
            <translation>Bundles (*.rdbundle);;All files (*)</translation>
        </message>
        <message>
            <source>选择存放数据包的文件夹或U盘</source>
            <translation>Choose the folder or USB stick with the bundles</translation>
        </message>
        <message>
            <source>正在导入数据包…</source>
            <translation>Importing bundles…</translation>
        </message>
        <message>
            <source>已取消;取消前已导入的数据包保留。</source>
            <translation>Cancelled; the bundles imported before cancelling are kept.</translation>
        </message>
        <message>
            <source>没有导入</source>
            <translation>Not imported</translation>
        </message>
        <message>
            <source>登记学校</source>
            <translation>Enrol school</translation>
        </message>
        <message>
            <source>登记</source>
            <translation>Enrol</translation>
        </message>
        <message>
            <source>学校代码</source>
            <translation>School code</translation>
        </message>
        <message>
            <source>密钥指纹(64 位,见交接单)</source>
            <translation>Key fingerprint (64 digits, on the slip)</translation>
        </message>
        <message>
            <source>学校名称(可不填)</source>
            <translation>School name (optional)</translation>
        </message>
        <message>
            <source>替换原密钥(学校重新安装后换了密钥,已电话核实)</source>
            <translation>Replace the old key (the school was set up again with a new key; checked by phone)</translation>
        </message>
        <message>
            <source>没有登记</source>
            <translation>Not enrolled</translation>
        </message>
        <message>
            <source>已登记 {0}(学校代码 {1})</source>
            <translation>Enrolled {0} (school code {1})</translation>
        </message>
        <message>
            <source>乡镇防控汇总-{0}.pdf</source>
            <translation>township-summary-{0}.pdf</translation>
        </message>
        <message>
            <source>保存乡镇公钥</source>
            <translation>Save township public key</translation>
        </message>
        <message>
            <source>{0}公钥.pem</source>
            <translation>{0}-public-key.pem</translation>
        </message>
        <message>
            <source>公钥 (*.pem)</source>
            <translation>Public keys (*.pem)</translation>
        </message>
        <message>
            <source>未保存</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>公钥已保存到 {0}</source>
            <translation>Public key saved to {0}</translation>
        </message>
        <message>
            <source>被拒收的数据包没有写入任何内容,原因见下表。</source>
            <translation>Nothing was written from the refused bundles; the reasons are below.</translation>
        </message>
        <message>
            <source>各校最新数据包的序号、日期范围、各项数量与校验码,应与学校交来的纸质交接单一致。</source>
            <translation>Each school's latest bundle: number, dates, counts and check code must match the paper hand-over slip the school brought.</translation>
        </message>
        <message>
            <source>保存乡镇防控汇总</source>
            <translation>Save township summary</translation>
        </message>
        <message>
            <source>乡镇信号(&amp;S)</source>
            <translation>&amp;Signals</translation>
        </message>
        <message>
            <source>乡镇信号 {0}(&amp;S)</source>
            <translation>&amp;Signals {0}</translation>
        </message>
        <message>
            <source>截至 {0} 的 7 天内有 {1} 个乡镇信号:请核实这些学校之间有无关联。</source>
            <translation>{1} township signal(s) in the 7 days to {0}: check whether these schools are linked.</translation>
        </message>
        <message>
            <source>截至 {0} 的 7 天内没有乡镇信号。</source>
            <translation>No township signal in the 7 days to {0}.</translation>
        </message>
        <message>
            <source>各校每日汇总导出为 ADX 和 DHIS2 CSV(附元数据和机构编码对照表)</source>
            <translation>The schools' daily summaries as ADX and DHIS2 CSV (with metadata and the org unit mapping)</translation>
        </message>
        <message>
            <source>导出给县平台</source>
            <translation>Export for the county</translation>
        </message>
        <message>
            <source>导出这段时间各校上报的每日汇总。学校代码与县平台机构编码的对照表在:
{0}
(可用 Excel 修改第三列;新学校会自动加入)</source>
            <translation>Exports the daily summaries the schools reported in this range. The mapping of school codes to the county's org unit codes is kept in:
{0}
(edit its third column in Excel; new schools are added by themselves)</translation>
        </message>
        <message>
            <source>选择保存导出文件的文件夹</source>
            <translation>Choose the folder for the exported files</translation>
        </message>
        <message>
            <source>没有导出</source>
            <translation>Not exported</translation>
        </message>
        <message>
            <source>已导出 {0} 个学校日({1} 所学校,{2} 个数值):
{3}</source>
            <translation>Exported {0} school days ({1} schools, {2} values):
{3}</translation>
        </message>
        <message>
            <source>对照表新增学校 {0},暂用学校代码作机构编码,请按县平台的编码在对照表中改正:
{1}</source>
            <translation>Schools added to the mapping: {0}. Their own code stands in for the county's org unit code; correct it in the mapping:
{1}</translation>
        </message>
        <message>
            <source>各校在“设置 → 读取乡镇公钥…”中读取这个公钥后,才能给本乡镇导出数据包</source>
            <translation>Schools can export bundles for this township once they have read this key under Settings → Read the township key…</translation>
        </message>
        <message>
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>使用指南(&amp;G)</source>
            <translation>User &amp;guide</translation>
        </message>
        <message>
            <source>关于(&amp;A)</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <source>复学防控桌面 {0} · 乡镇汇总
汇总各校交来的上报数据包。
数据只保存在本机。</source>
            <translation>Reopen Desktop {0} · township console
Gathers the bundles the schools hand in.
The data stays on this computer.</translation>
        </message>
        <message>
            <source>交接核对(&amp;J)</source>
            <translation>Hand-o&amp;ver check</translation>
        </message>
        <message>
            <source>挂钩与预案(&amp;G)</source>
            <translation>Liaison, &amp;guide and plan</translation>
        </message>
        <message>
            <source>挂钩与预案 缺 {0}(&amp;G)</source>
            <translation>Liaison, &amp;guide and plan: {0} lacking</translation>
        </message>
        <message>
            <source>尚未登记任何学校。</source>
            <translation>No school is enrolled yet.</translation>
        </message>
        <message>
            <source>已登记 {0} 所学校,其中 {1} 所缺挂钩领导、复学指导员或现行应急预案:{2}。以各校最新数据包为准。</source>
            <translation>{0} schools enrolled; {1} lack a liaison leader, a reopening instructor or a contingency plan in force: {2}. As each school's newest bundle says.</translation>
        </message>
        <message>
            <source>已登记的 {0} 所学校均有挂钩领导、复学指导员和现行应急预案。</source>
            <translation>All {0} enrolled schools have a liaison leader, a reopening instructor and a contingency plan in force.</translation>
        </message>
        <message>
            <source>已在数据包旁写回执 {0} 个,学校下次导出到同一 U 盘时会读到。</source>
            <translation>Receipts written beside {0} bundles; each school reads its own on its next export to the same stick.</translation>
        </message>
    </context>
    <context>
        <name>TrainingDialog</name>
        <message>
            <source>登记培训或演练</source>
            <translation>Record training or drill</translation>
        </message>
        <message>
            <source>全选</source>
            <translation>Select all</translation>
        </message>
        <message>
            <source>日期:</source>
            <translation>Date:</translation>
        </message>
        <message>
            <source>类别:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>主题(&amp;T):</source>
            <translation>&amp;Topic:</translation>
        </message>
        <message>
            <source>培训人/组织者:</source>
            <translation>Trainer/organiser:</translation>
        </message>
        <message>
            <source>参加人员:</source>
            <translation>Attendees:</translation>
        </message>
        <message>
            <source>备注:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>还没有晨午检记录</source>
            <translation>No daily checks yet</translation>
        </message>
    </context>
    <context>
        <name>VaccinationPage</name>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>出生日期</source>
            <translation>Born</translation>
        </message>
        <message>
            <source>接种证</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>查验结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>缺种疫苗及剂次</source>
            <translation>Doses lacking</translation>
        </message>
        <message>
            <source>补种通知</source>
            <translation>Notice given</translation>
        </message>
        <message>
            <source>复查</source>
            <translation>Rechecked</translation>
        </message>
        <message>
            <source>全部班级</source>
            <translation>All classes</translation>
        </message>
        <message>
            <source>只看需补种和无记录</source>
            <translation>Only those lacking doses or a record</translation>
        </message>
        <message>
            <source>班级:</source>
            <translation>Class:</translation>
        </message>
        <message>
            <source>查验日期:</source>
            <translation>Check date:</translation>
        </message>
        <message>
            <source>导入查验结果(&amp;I)…</source>
            <translation>&amp;Import the clinic's results…</translation>
        </message>
        <message>
            <source>登记接种证…</source>
            <translation>Certificate…</translation>
        </message>
        <message>
            <source>补录剂次…</source>
            <translation>Add a dose…</translation>
        </message>
        <message>
            <source>已发补种通知</source>
            <translation>Notice given</translation>
        </message>
        <message>
            <source>已复查</source>
            <translation>Rechecked</translation>
        </message>
        <message>
            <source>打印查验登记表…</source>
            <translation>Print the register…</translation>
        </message>
        <message>
            <source>打印补种通知单…</source>
            <translation>Print catch-up notices…</translation>
        </message>
        <message>
            <source>打印查验统计表…</source>
            <translation>Print the figures…</translation>
        </message>
        <message>
            <source>省级增补疫苗…</source>
            <translation>Provincial vaccines…</translation>
        </message>
        <message>
            <source>正在读取接种证查验情况…</source>
            <translation>Reading the vaccination certificates…</translation>
        </message>
        <message>
            <source>学生 {0} 人:全程 {1} 人,需补种 {2} 人,无接种记录 {3} 人。已发补种通知 {4} 人,已复查 {5} 人。</source>
            <translation>{0} pupils: {1} complete, {2} lacking doses, {3} without a record. Notices given to {4}, {5} rechecked.</translation>
        </message>
        <message>
            <source>按{0}查验{1}。各剂“应在X月龄前完成”的月龄转引自二手资料,原文未核实;查验以接种单位的评估结果为准。</source>
            <translation>Checked against {0}{1}. The ages by which each dose should be given come from secondary copies, not the original text (not confirmed); the clinic's assessment decides.</translation>
        </message>
        <message>
            <source>,含省级增补:{0}</source>
            <translation>, with the provincial {0}</translation>
        </message>
        <message>
            <source>全程</source>
            <translation>complete</translation>
        </message>
        <message>
            <source>需补种</source>
            <translation>lacking doses</translation>
        </message>
        <message>
            <source>无记录</source>
            <translation>no record</translation>
        </message>
        <message>
            <source>缺出生日期</source>
            <translation>no birth date</translation>
        </message>
        <message>
            <source>未查</source>
            <translation>not checked</translation>
        </message>
        <message>
            <source>无</source>
            <translation>none</translation>
        </message>
        <message>
            <source>有</source>
            <translation>seen</translation>
        </message>
        <message>
            <source>{0} 第{1}剂</source>
            <translation>{0} dose {1}</translation>
        </message>
        <message>
            <source>(不补种)</source>
            <translation> (not caught up)</translation>
        </message>
        <message>
            <source>导入接种单位的查验结果</source>
            <translation>Import the clinic's results</translation>
        </message>
        <message>
            <source>Excel 或 CSV (*.xlsx *.xls *.csv)</source>
            <translation>Excel or CSV (*.xlsx *.xls *.csv)</translation>
        </message>
        <message>
            <source>已导入</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>导入接种记录 {0} 条(未变 {1} 条),涉及学生 {2} 人。</source>
            <translation>Imported {0} doses ({1} unchanged) for {2} pupils.</translation>
        </message>
        <message>
            <source>登记接种证</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>所选学生的预防接种证:</source>
            <translation>The selected pupils' certificates:</translation>
        </message>
        <message>
            <source>已查验,有接种证</source>
            <translation>Checked: certificate seen</translation>
        </message>
        <message>
            <source>无接种证(需补证)</source>
            <translation>No certificate (to be reissued)</translation>
        </message>
        <message>
            <source>补录剂次</source>
            <translation>Add a dose</translation>
        </message>
        <message>
            <source>请先选择一名学生。</source>
            <translation>Select one pupil first.</translation>
        </message>
        <message>
            <source>保存查验登记表</source>
            <translation>Save the check register</translation>
        </message>
        <message>
            <source>预防接种证查验登记表-{0}.pdf</source>
            <translation>vaccination-register-{0}.pdf</translation>
        </message>
        <message>
            <source>全校</source>
            <translation>whole school</translation>
        </message>
        <message>
            <source>保存补种通知单</source>
            <translation>Save the catch-up notices</translation>
        </message>
        <message>
            <source>补种通知单-{0}.pdf</source>
            <translation>catch-up-notices-{0}.pdf</translation>
        </message>
        <message>
            <source>保存查验统计表</source>
            <translation>Save the check figures</translation>
        </message>
        <message>
            <source>预防接种证查验统计表.pdf</source>
            <translation>vaccination-figures.pdf</translation>
        </message>
    </context>
    <context>
        <name>VillageMatchDialog</name>
        <message>
            <source>确认</source>
            <translation>Confirm</translation>
        </message>
        <message>
            <source>行</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>结果</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>接触日期</source>
            <translation>Contact on</translation>
        </message>
        <message>
            <source>对应人员</source>
            <translation>Matches</translation>
        </message>
        <message>
            <source>班级</source>
            <translation>Class</translation>
        </message>
        <message>
            <source>说明</source>
            <translation>Explanation</translation>
        </message>
        <message>
            <source>村(社区)名单比对</source>
            <translation>Village list match</translation>
        </message>
        <message>
            <source>已匹配 {0},疑似 {1},未匹配 {2},有误 {3}。勾选要登记的行。</source>
            <translation>Matched: {0}, possible: {1}, unmatched: {2}, with errors: {3}. Tick the rows to record.</translation>
        </message>
        <message>
            <source>登记所选为重点人员…</source>
            <translation>Record selected as key persons…</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>WindowDialog</name>
        <message>
            <source>设定时段</source>
            <translation>Set time slot</translation>
        </message>
        <message>
            <source>{0}(单独)</source>
            <translation>{0} (alone)</translation>
        </message>
        <message>
            <source>年级或班级:</source>
            <translation>Grade or class:</translation>
        </message>
        <message>
            <source>时段:</source>
            <translation>Slot:</translation>
        </message>
        <message>
            <source>开始:</source>
            <translation>Starts:</translation>
        </message>
        <message>
            <source>结束:</source>
            <translation>Ends:</translation>
        </message>
        <message>
            <source>通道:</source>
            <translation>Lane:</translation>
        </message>
        <message>
            <source>保存</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>run_op</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>请稍候</source>
            <translation>Please wait</translation>
        </message>
    </context>
</TS>
