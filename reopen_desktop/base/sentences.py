"""Every sentence the core shows, in Chinese and English: one key, two languages.

Placeholders use str.format names. Read them through :func:`reopen_desktop.base.words.text`."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # --- who may see what (datafile/access.py) ---
    "not_your_class": ("{name}是班主任,只能查看和修改本班的记录。没有保存。",
                       "{name} is a head teacher and may see and change only their own "
                       "class's records. Nothing was saved."),
    "operator_name_empty": ("请填写操作员姓名。没有保存。",
                            "Give the operator's name. Nothing was saved."),
    "operator_bad_role": ("未知的角色“{role}”。没有保存。",
                          "Unknown role “{role}”. Nothing was saved."),
    "head_teacher_needs_class": ("班主任{name}需要选择所带班级。没有保存。",
                                 "Head teacher {name} needs a class. Nothing was saved."),
    "administrator_only": ("只有管理员可以管理操作员和密码({name}不是管理员)。没有保存。",
                           "Only an administrator may manage operators and passwords "
                           "({name} is not one). Nothing was saved."),
    "last_administrator": ("{name}是最后一位管理员,不能停用或改为其他角色。请先指定另一位管理员。"
                           "没有保存。",
                           "{name} is the last administrator and cannot be removed or given "
                           "another role. Make someone else administrator first. Nothing was "
                           "saved."),
    "diagnosis_hidden": ("(仅校医可见)", "(school doctor only)"),
    "alert_diagnosis_hidden": ("{scope}有须报告的传染病(或疑似)病例。诊断只有校医和管理员可见;"
                               "请配合校医立即报告,是否居家、何时返校听从校医安排。",
                               "A disease to report (or a suspected case) in {scope}. Only the "
                               "school doctor and the administrator see the diagnosis; help "
                               "the doctor report at once. Whether and until when the pupil "
                               "stays home is the doctor's to say."),
    "wrong_password": ("{name}的密码不对。请重新输入。",
                       "That is not {name}'s password. Type it again."),
    # --- the school year: vaccination certificates (vaccination/) ---
    "vaccine_unknown": (
        "“{name}”不是{edition}中的疫苗,没有导入。最接近的是:{closest}。程序认识的疫苗有:{known}。"
        "非免疫规划疫苗不在查验范围内;本省增补的疫苗请先在“省级增补疫苗”中添加。",
        "“{name}” is not a vaccine of {edition}; not imported. The closest: {closest_en}. "
        "The vaccines known are: {known}. Vaccines outside the programme are not checked; "
        "add your province's own vaccines under “Provincial vaccines” first.",
    ),
    "vaccine_unknown_key": ("未知的疫苗“{vaccine}”。", "Unknown vaccine “{vaccine}”."),
    "vaccine_dose_beyond": (
        "{vaccine}只有 {doses} 剂,没有第 {dose} 剂。请核对剂次。",
        "{vaccine} has {doses} doses; there is no dose {dose}. Check the dose number.",
    ),
    "vaccine_dose_before_birth": (
        "接种日期 {day} 早于出生日期 {birth}。请核对日期或身份证号。",
        "The dose is dated {day}, before the birth date {birth}. Check the date or the ID.",
    ),
    "vaccine_dose_in_future": (
        "接种日期 {day} 晚于今天({on}),还没有到。请核对日期。",
        "The dose is dated {day}, after today ({on}). Check the date.",
    ),
    "vaccine_dose_refused": ("{name}的接种记录没有保存:{reason}",
                             "{name}'s dose was not saved: {reason}"),
    "vaccine_columns_missing": (
        "缺少列:{columns}。查验结果表须有 身份证号、疫苗名称、剂次、接种日期 四列(姓名可选)。",
        "Missing columns: {columns}. The results need 身份证号, 疫苗名称, 剂次 and 接种日期 "
        "(姓名 optional).",
    ),
    "vaccine_id_not_on_roster": (
        "身份证号 {id} 不在本校花名册上。请核对,或先导入花名册。",
        "ID {id} is not on the school's roster. Check it, or import the roster first.",
    ),
    "vaccine_name_differs": (
        "姓名“{name}”与花名册不一致:这个身份证号是{class_name}的{roster}。请核对姓名或身份证号。",
        "The name “{name}” does not match the roster: this ID is {roster} of {class_name}. "
        "Check the name or the ID.",
    ),
    "vaccine_dose_unreadable": ("剂次“{value}”无法识别,请写成 1、2、3 或 第1剂。",
                                "Dose “{value}” cannot be read; write 1, 2, 3 or 第1剂."),
    "vaccine_date_unreadable": ("接种日期“{value}”无法识别,请写成 2020-03-01。",
                                "Date “{value}” cannot be read; write it as 2020-03-01."),
    "vaccine_dose_twice": (
        "{name}的这一剂(第 {dose} 剂)已在工作表“{sheet}”第 {row} 行登记为 {day},日期不同。"
        "请核对哪一个是对的。",
        "{name}'s dose {dose} is already on sheet “{sheet}” row {row} as {day}, with another "
        "date. Check which is right.",
    ),
    "vaccine_note_stands_in": (
        "{vaccine}第{dose}剂按{other}第{other_dose}剂计{mark}。",
        "{vaccine} dose {dose} counted as given: {other} dose {other_dose} stands in{mark_en}.",
    ),
    "vaccine_note_mixed": (
        "{vaccine}与{other}混合接种,两种程序都未完成;混合程序如何补齐未编入程序,请咨询接种单位。",
        "{vaccine} and {other} were mixed and neither schedule is complete; how to complete a "
        "mixed series is not encoded: ask the vaccination clinic.",
    ),
    "vaccine_note_no_catch_up": (
        "{vaccine}未种,但满 {years} 周岁后不再补种{mark};列出备查,不发补种通知。",
        "{vaccine} not given, but it is not caught up from {years} years{mark_en}; listed for "
        "the record, no catch-up notice.",
    ),
    "vaccine_note_early": (
        "{vaccine}第{dose}剂({day})早于程序起始月龄 {months} 个月;已计入,是否有效请接种单位评估。",
        "{vaccine} dose {dose} ({day}) was given before the programme's starting age "
        "({months} months); counted, but the clinic decides whether it is valid.",
    ),
    "provincial_vaccine_incomplete": (
        "省级增补疫苗须写明代码、名称、各剂月龄和依据文件。没有保存。",
        "A provincial vaccine needs a code, a name, the age of each dose and its document. "
        "Nothing was saved.",
    ),
    "provincial_vaccine_invalid": ("省级增补疫苗与免疫程序不相容:{detail}。没有保存。",
                                   "The provincial vaccine does not fit the schedule: "
                                   "{detail}. Nothing was saved."),
    "provincial_vaccine_in_use": (
        "已有{name}的接种记录,不能删除这一疫苗。",
        "Doses of {name} are recorded; the vaccine cannot be removed.",
    ),
    "alert_vaccine_gaps_counted": (
        "预防接种查验:{class_name}未完成{vaccines}应种剂次的学生 {class_count} 人;"
        "全校其他班级 {school_count} 人;另有 {no_record} 人无接种记录(名单留在学校)。",
        " Vaccination check: in {class_name}, {class_count} pupils lack doses of {vaccines} "
        "due by their age; in the other classes {school_count}; {no_record} pupils have no "
        "record (the names stay at the school)."),
    "alert_vaccine_gaps": (
        "预防接种查验:{class_name}未完成{vaccines}应种剂次的学生 {class_count} 人:{class_names};"
        "全校其他班级 {school_count} 人:{school_names};另有 {no_record} 人无接种记录。"
        "请通知家长尽快补种,并按疾控要求开展应急接种和观察。",
        " Vaccination check: in {class_name}, {class_count} pupils lack doses of {vaccines} "
        "due by their age: {class_names}; in the other classes {school_count}: "
        "{school_names}; {no_record} pupils have no record. Tell the parents to catch up at "
        "once, and follow the CDC on emergency vaccination and observation.",
    ),
    "alert_vaccine_unrecorded": (
        "本病可通过接种{vaccines}预防,但尚未录入预防接种查验结果,无法列出未接种学生。",
        " Vaccination ({vaccines}) prevents this disease, but no certificate check has been "
        "recorded, so the pupils lacking doses cannot be named.",
    ),
    "alert_vaccine_none": (
        "国家免疫规划中没有预防本病的疫苗;如本省已纳入,可在“省级增补疫苗”中添加后列出未接种学生。",
        " The national programme has no vaccine against this disease; if your province "
        "gives one, add it under “Provincial vaccines” to list the pupils lacking it.",
    ),
    "cli_vaccination_imported": (
        "已从“{path}”导入接种记录 {imported} 条(未变 {unchanged} 条),涉及学生 {pupils} 人。",
        "Imported {imported} doses from “{path}” ({unchanged} unchanged), for {pupils} pupils.",
    ),
    "cli_vaccination_gaps_head": (
        "预防接种证查验({date},{edition}):需补种 {gaps} 人,无接种记录 {no_record} 人。",
        "Vaccination check ({date}, {edition}): {gaps} pupils lack doses, {no_record} have no "
        "record.",
    ),
    "cli_vaccination_gap_line": ("  {class_name} {name}({id}) {vaccine} 第 {doses} 剂{no_catch_up}",
                                 "  {class_name} {name} ({id}) {vaccine} dose {doses}"
                                 "{no_catch_up}"),
    "cli_vaccination_no_catch_up": ("(不再补种)", " (not caught up)"),
    "cli_vaccination_no_record": ("  无接种记录的人数(按班级):{names}(名单见 --json)",
                                  "  Pupils with no record, by class: {names} (names in --json)"),
    "cli_title_vaccination-register": ("预防接种证查验登记表", "The vaccination check register"),
    "cli_title_catch-up-notices": ("补种通知单", "The catch-up notices"),
    "cli_title_vaccination-statistics": ("预防接种证查验统计表", "The vaccination check figures"),
    "cli_title_epidemic-curve": ("流行曲线与病例一览表", "The epidemic curve and line list"),
    "cli_title_outbreak-event": ("疫情报告登记", "The outbreak event record"),
    "cli_title_line_list": ("病例一览表", "Case line list"),
    "cli_line_list_head": ("病例一览表 {date_from} 至 {date_to}:{count} 例。",
                           "Line list {date_from} to {date_to}: {count} cases."),
    "cli_line_list_line": ("  {onset} {place} {name} {diagnosis}",
                           "  {onset} {place} {name} {diagnosis}"),
    "cli_line_list_written": ("已写入 {path}(身份证号已部分隐藏)。",
                              "Written to {path} (ID numbers masked)."),
    "line_list_not_xlsx": ("病例一览表导出为 Excel 文件,--out 须以 .xlsx 结尾:{path}",
                           "The line list is written as Excel: --out must end in .xlsx: {path}"),
    # --- the school year: TB (tb/) ---
    "tb_bad_result": ("结核病筛查结果“{value}”不是“{column}”可选的值。没有保存。",
                      "“{value}” is not a result “{column}” can have. Nothing was saved."),
    "tb_certificate_missing": ("须登记结核病定点医疗机构开具的{what}(开具单位、编号或日期)。"
                               "没有保存。",
                               "Record the designated TB clinic's {what} (issuer, number or "
                               "date). Nothing was saved."),
    "tb_no_suspension_criterion": (
        "{name}的病情不符合《学校结核病防控工作规范(2017版)》的休学条件(菌阳、病灶广泛或空洞、"
        "明显症状、定点医疗机构建议),不予休学;潜伏感染者和密切接触者不休学。",
        "{name}'s case meets none of the 2017 norm's conditions for suspension "
        "(bacteriology positive, extensive or cavitary lesions, obvious symptoms, the "
        "clinic's advice): no suspension. Latent infection and contacts stay in school.",
    ),
    "tb_return_refused": (
        "{name}暂不能复学,还须:{needs}。没有保存。",
        "{name} may not return yet; still needed: {needs}. Nothing was saved.",
    ),
    "tb_return_before_suspension": ("复学日期早于休学日期 {day}。没有保存。",
                                    "The return is dated before the suspension ({day}). "
                                    "Nothing was saved."),
    "tb_suspended_reason": ("肺结核休学中({since} 起),凭复学诊断证明复学。",
                            "Suspended for pulmonary TB since {since}; back with the "
                            "clinic's return certificate."),
    "tb_bad_scope": ("未知的筛查范围“{scope}”。", "Unknown screening scope “{scope}”."),
    "tb_round_empty": ("{scope}中没有可筛查的人员。没有保存。",
                       "Nobody to screen among {scope}. Nothing was saved."),
    # --- the school year: observations, line list, events (surveillance/) ---
    "observation_empty": ("请填写体温或至少一个症状。没有保存。",
                          "Give a temperature or at least one symptom. Nothing was saved."),
    "observation_incomplete": ("请填写观察地点和观察人。没有保存。",
                               "Give the place and who observed. Nothing was saved."),
    "observation_bad_role": ("观察人身份“{role}”应为教师、宿管员或校医。",
                             "The observer “{role}” must be a teacher, a dormitory keeper or "
                             "the doctor."),
    "observation_bad_action": ("未知的处置“{action}”。", "Unknown action “{action}”."),
    "observation_onset_after": ("发病时间 {onset} 晚于观察时间 {at}。请核对。没有保存。",
                                "The onset {onset} is after the observation {at}. Check it. "
                                "Nothing was saved."),
    "line_list_backwards": (
        "结束日期 {date_to} 早于开始日期 {date_from}。请把较早的日期写在 --from。",
        "The end {date_to} is before the start {date_from}. Put the earlier date in --from.",
    ),
    "line_list_unknown_disease": ("疾病目录中没有“{name}”。最接近的是:{closest}。",
                                  "The disease catalogue has no “{name}”. The closest: "
                                  "{closest_en}."),
    "line_list_bad_note": ("病例一览表没有这些栏目:{fields}。", "The line list has no {fields}."),
    "event_incomplete": ("疫情报告登记须写明事件名称、报告人和报告对象。没有保存。",
                         "An event needs a title, who reported and to whom. Nothing was saved."),
    "event_reported_before": ("报告时间 {reported} 早于事件开始日期 {began}。请核对。没有保存。",
                              "Reported at {reported}, before the event began ({began}). "
                              "Check it. Nothing was saved."),
    "event_bad_measure": ("未知的措施“{kind}”。", "Unknown measure “{kind}”."),
    "event_closed": ("“{title}”已结案,不能再添加或结案。",
                     "“{title}” is closed; nothing more can be added."),
    "event_summary_missing": ("结案须写一段简短小结。没有保存。",
                              "Closing needs a short summary. Nothing was saved."),
    "event_summary_long": ("小结不超过 {limit} 字(现为 {length} 字)。没有保存。",
                           "A summary of at most {limit} characters (this one has {length}). "
                           "Nothing was saved."),
    "event_close_date": ("结案日期 {day} 应在事件开始({began})之后且不晚于今天。没有保存。",
                         "The close {day} must be after the event began ({began}) and not "
                         "after today. Nothing was saved."),
    # --- the school year: class epidemic reporters (preparedness/reporters.py) ---
    "reporter_other_class": ("{name}不是{class_name}的学生,不能担任该班疫情报告员。没有保存。",
                             "{name} is not a pupil of {class_name} and cannot be its "
                             "reporter. Nothing was saved."),
    "reporter_bad_assessment": ("考核结果应为“合格”或“不合格”,并写明考核日期。没有保存。",
                                "The assessment is passed or failed, with its date. Nothing "
                                "was saved."),
    "reporter_bad_date": ("日期 {day} 不在{semester}内,或还没有到。没有保存。",
                          "{day} is not in {semester}, or has not come yet. Nothing was saved."),
    "reporter_missing": ("所选班级中有的在{semester}还没有指定疫情报告员。请先指定。没有保存。",
                         "Some of the classes have no reporter for {semester} yet. Name them "
                         "first. Nothing was saved."),
    # --- staggered arrival (checks/arrival.py) ---
    "lane_name_empty": ("请填写通道名称(如 东门1号通道)。没有保存。",
                        "Give the lane a name (e.g. East gate 1). Nothing was saved."),
    "lane_exists": ("已有名为“{lane}”的通道。没有保存。",
                    "There is already a lane called “{lane}”. Nothing was saved."),
    "window_backwards": ("{scope}的时段 {starts}-{ends} 结束不晚于开始。请改正时间。没有保存。",
                         "The window {starts}-{ends} for {scope} does not end after it starts. "
                         "Correct the times. Nothing was saved."),
    "lane_unknown": ("没有名为“{lane}”的通道。已有的通道:{known}。请先添加通道,或选已有的通道。"
                     "没有保存。",
                     "There is no lane called “{lane}”. Lanes: {known}. Add the lane first or "
                     "pick one of these. Nothing was saved."),
    "window_overlaps": ("{scope}的时段与{other}在“{lane}”的时段 {starts}-{ends} 重叠:同一通道同一"
                        "时间只能安排一批。请错开时间或换一个通道。没有保存。",
                        "The window for {scope} overlaps {other}'s {starts}-{ends} at “{lane}”: "
                        "one group per lane at a time. Move the time or use another lane. "
                        "Nothing was saved."),
    "window_missing": ("请给出 --arrive 或 --leave 时段(如 07:30-07:45)。没有保存。",
                       "Give --arrive or --leave (e.g. 07:30-07:45). Nothing was saved."),
    "bad_clock": ("“{value}”不是时间。请写成 07:30 这样的形式。没有保存。",
                  "“{value}” is not a time of day. Write it like 07:30. Nothing was saved."),
    "school_wide_only": ("{name}是班主任,只能查看本班。全校的日志、小结和上报数据包请由管理员、校医"
                         "或文员打印和导出。",
                         "{name} is a head teacher and sees their own class only. The school's "
                         "log, summaries and bundle are printed and exported by the "
                         "administrator, the school doctor or a clerk."),
    # --- households (people/households.py) ---
    "household_conflict": ("{names}已分属两个不同的同住家庭,不能合并。请先在其中一人的档案里"
                           "取消原来的家庭关联。没有保存。",
                           "{names} already belong to two different households, which cannot be "
                           "merged. Unlink one of them first. Nothing was saved."),
    "member_name_empty": ("请填写同住成员的姓名。没有保存。",
                          "Give the household member's name. Nothing was saved."),
    "member_exposure_date": ("{name}是重点人员:请填写其返回或最后接触日期(YYYY-MM-DD),"
                             "以便计算学生的观察期。没有保存。",
                             "{name} is a key person: give the date they came back or were last "
                             "exposed (YYYY-MM-DD), so the pupils' observation can be dated. "
                             "Nothing was saved."),
    "member_bad_id": ("{name}的身份证号有误:{reason} 没有保存。",
                      "{name}'s ID number is wrong: {reason} Nothing was saved."),
    "member_in_two_households": ("{name}(同一身份证号)已登记在{pupils}的家庭中。一个人只能属于一个"
                                 "同住家庭:请核对身份证号,或在那个家庭里修改。没有保存。",
                                 "{name} (the same ID number) is already in the household of "
                                 "{pupils}. A person belongs to one household only: check the ID "
                                 "number or change it in that household. Nothing was saved."),
    # --- children kept home (checks/at_home.py) ---
    "no_such_person": ("没有找到这个人(编号 {person})。请刷新后重选。",
                       "That person (number {person}) was not found. Refresh and pick again."),
    "no_such_suspension": ("没有找到这条停课记录。请刷新后重选。",
                           "That class suspension was not found. Refresh and pick again."),
    "reason_required": ("请写明原因(如 手足口病聚集、密切接触者)。没有保存。",
                        "Give a reason (e.g. a hand-foot-and-mouth cluster, a close contact). "
                        "Nothing was saved."),
    "period_backwards": ("结束日期 {end} 早于开始日期 {start}。请改正日期。没有保存。",
                         "The end date {end} is before the start date {start}. Correct the "
                         "dates. Nothing was saved."),
    "suspension_overlaps": ("{class_name}已有一次从 {since} 起的停课,时间与这次重叠。请修改那一次的"
                            "结束日期,或改正这次的日期。没有保存。",
                            "{class_name} already has a suspension from {since} that overlaps "
                            "this one. Change that one's end date or correct these dates. Nothing "
                            "was saved."),
    "already_home": ("{name}已在居家观察中。请在“居家”页修改那一条记录。没有保存。",
                     "{name} is already kept home. Change that record on the Home tab. Nothing "
                     "was saved."),
    "not_kept_home": ("{name}在 {day} 不在居家名单上,不能登记居家随访。",
                      "{name} is not kept home on {day}, so no home call can be recorded."),
    "not_sqlite": (
        "“{path}”不是复学防控桌面的数据文件(它不是 SQLite 数据库)。文件没有被改动。"
        "请确认选择的文件,或新建一个数据文件。",
        "“{path}” is not a reopen-desktop data file (it is not an SQLite database). "
        "The file was not changed. Check the file you chose, or create a new data file.",
    ),
    "foreign_sqlite": (
        "“{path}”是其他程序的数据库,不是复学防控桌面的数据文件。文件没有被改动。"
        "请选择本程序创建的数据文件。",
        "“{path}” is another program's database, not a reopen-desktop data file. "
        "The file was not changed. Choose a data file this program created.",
    ),
    "too_new": (
        "“{path}”由更新版本的复学防控桌面创建(数据版本 {found},本程序只认识到 {known})。"
        "文件没有被改动。请升级本程序后再打开。",
        "“{path}” was written by a newer reopen-desktop (data version {found}; this program "
        "knows up to {known}). The file was not changed. Update the program to open it.",
    ),
    "damaged": (
        "数据文件“{path}”已损坏(完整性检查未通过:{detail})。没有写入任何内容。{backup_hint}",
        "The data file “{path}” is damaged (integrity check failed: {detail}). "
        "Nothing was written. {backup_hint}",
    ),
    "damaged_backup_hint": (
        "最新的完好备份是“{backup}”,可以从它恢复。",
        "The newest good backup is “{backup}”; you can restore from it.",
    ),
    "damaged_no_backup": (
        "没有找到可用的备份,请联系技术人员。",
        "No usable backup was found; ask a technician for help.",
    ),
    "missing_file": (
        "找不到数据文件“{path}”。请检查路径,或用 init 新建。",
        "The data file “{path}” does not exist. Check the path, or create it with init.",
    ),
    "diagnosis_not_chosen": (
        "这个诊断程序读不出是哪一种病(未归类)。请从病种目录中选一种,或改写诊断。没有保存。",
        "The program cannot tell which disease this diagnosis is (unclassified). Pick one "
        "from the disease catalogue, or reword it. Nothing was saved.",
    ),
    "disk_full": (
        "“{path}”所在的磁盘已满(还剩 {free}),写不下了。数据文件没有损坏,没写完的改动已撤回。"
        "请删除或移走不用的文件(腾出至少几十 MB)后重试。",
        "The disk of “{path}” is full ({free} left): there is no room to write. The data "
        "file is not damaged; the unfinished change was rolled back. Delete or move files "
        "you do not need (free at least some tens of MB) and try again.",
    ),
    "file_read_only": (
        "数据文件“{path}”是只读的,不能写入。没有改动任何内容。请在文件属性中去掉“只读”,"
        "或把它复制到可以写入的文件夹后再用。",
        "The data file “{path}” is read-only and cannot be written. Nothing was changed. "
        "Clear its read-only attribute, or copy it to a folder you can write to.",
    ),
    "folder_read_only": (
        "数据文件“{path}”所在的文件夹“{folder}”不能写入(只读,或没有权限),而写数据文件时要在"
        "旁边建临时文件。没有改动任何内容。请把数据文件放到可以写入的文件夹"
        "(例如“文档”),或请管理员给这个文件夹写入权限。",
        "The folder “{folder}” of the data file “{path}” cannot be written (read-only, or "
        "no permission), and writing the data file needs temporary files beside it. Nothing "
        "was changed. Keep the data file in a folder you can write to (Documents, say), or "
        "ask an administrator for write permission.",
    ),
    "file_cannot_open": (
        "无法打开数据文件“{path}”({detail})。没有改动任何内容。请检查文件和所在文件夹的权限,"
        "以及所在的磁盘是否插好。",
        "Cannot open the data file “{path}” ({detail}). Nothing was changed. Check the "
        "permissions of the file and its folder, and that its disk is connected.",
    ),
    "disk_failing": (
        "读写数据文件“{path}”时磁盘出错({detail}),可能是磁盘或U盘故障、被拔出。"
        "没写完的改动已撤回。请先用 check 检查文件,并尽快把数据文件和备份复制到另一个磁盘。",
        "A disk error while reading or writing the data file “{path}” ({detail}): the disk "
        "or stick may be failing or was pulled out. The unfinished change was rolled back. "
        "Check the file with check, and copy the data file and its backups to another disk "
        "soon.",
    ),
    "data_file_empty": (
        "数据文件“{path}”是空的(0 字节),里面没有任何数据,可能是复制或下载没有完成。"
        "没有改动任何文件。请检查 --db 的路径;新建数据文件用 init,恢复用备份。",
        "The data file “{path}” is empty (0 bytes): it holds nothing, perhaps a copy or "
        "download that did not finish. No file was changed. Check the --db path; create a "
        "data file with init, or restore a backup.",
    ),
    "data_file_is_folder": (
        "“{path}”是一个文件夹,不是数据文件。没有改动任何文件。请在 --db 后写数据文件的完整文件名。",
        "“{path}” is a folder, not a data file. No file was changed. Give the data file's "
        "full name after --db.",
    ),
    "data_file_unreadable": (
        "无法读取数据文件“{path}”({detail})。没有改动任何文件。请检查文件的权限,"
        "或所在的磁盘、U盘是否插好。",
        "Cannot read the data file “{path}” ({detail}). No file was changed. Check the "
        "file's permissions, and that its disk is connected.",
    ),
    "output_is_data_file": (
        "{option} “{path}”就是正在使用的数据文件(或它的附属文件),写进去会毁掉数据。"
        "没有写入任何内容。请给 {option} 另起一个文件名,例如“防控日志.pdf”。",
        "{option} “{path}” is the data file in use (or one of its companion files): writing "
        "there would destroy the data. Nothing was written. Give {option} another file "
        "name, e.g. “daily-log.pdf”.",
    ),
    "output_is_sqlite": (
        "{option} “{path}”是一个数据库文件(可能是另一个数据文件或它的备份),不能被覆盖。"
        "没有写入任何内容。请另起一个文件名。",
        "{option} “{path}” is a database file (perhaps another data file or a backup of "
        "one) and cannot be overwritten. Nothing was written. Choose another file name.",
    ),
    "output_is_input": (
        "{option} “{path}”是本命令要读取的文件,不能同时写入。没有写入任何内容。请另起一个文件名。",
        "{option} “{path}” is a file this command reads, so it cannot be written too. "
        "Nothing was written. Choose another file name.",
    ),
    "output_is_folder": (
        "{option} “{path}”是一个文件夹。没有写入任何内容。请写出文件名,例如“{path}/防控日志.pdf”。",
        "{option} “{path}” is a folder. Nothing was written. Give a file name, e.g. "
        "“{path}/daily-log.pdf”.",
    ),
    "output_not_a_folder": (
        "{option} 应是一个文件夹(例如U盘),“{path}”却是一个文件。没有写入任何内容。"
        "请选择一个文件夹。",
        "{option} must be a folder (the USB stick, say), but “{path}” is a file. Nothing "
        "was written. Choose a folder.",
    ),
    "output_not_a_file": (
        "{option} “{path}”不是普通文件(设备或管道),不能写入。没有写入任何内容。请另起一个文件名。",
        "{option} “{path}” is not a regular file (a device or a pipe) and cannot be "
        "written. Nothing was written. Choose another file name.",
    ),
    "output_other_kind": (
        "{option} “{path}”已经存在,而且不是{kind}。没有写入任何内容。请另起一个文件名;"
        "确实要覆盖它,再加上 --force。",
        "{option} “{path}” exists already and is not {kind}. Nothing was written. Choose "
        "another file name; to overwrite it all the same, add --force.",
    ),
    "output_kind_pdf": ("PDF 文件", "a PDF file"),
    "output_kind_workbook": ("Excel 工作簿(.xlsx)", "an Excel workbook (.xlsx)"),
    "output_kind_key": ("公钥文件(.pem)", "a key file (.pem)"),
    "output_kind_backup": ("备份文件", "a backup"),
    "output_kind_folder": ("文件夹", "a folder"),
    "file_busy": ("数据文件“{path}”正忙:另一项工作(例如导入花名册、生成报表)正在写入。请稍候再试。"
                  "没有保存。",
                  "The data file “{path}” is busy: other work (a roster import, a report) is "
                  "writing to it. Try again in a moment. Nothing was saved."),
    "locked_by": (
        "数据文件“{path}”正被另一个程序使用:{holder}。为防止数据损坏,本次操作没有执行。"
        "请先关闭那边的程序,再重试。",
        "The data file “{path}” is in use by another program: {holder}. To protect the data, "
        "nothing was done. Close the other program first, then try again.",
    ),
    "holder": (
        "操作员“{operator}”,计算机 {host},进程 {pid},自 {since} 起",
        "operator “{operator}”, computer {host}, process {pid}, since {since}",
    ),
    "migration_failed": (
        "升级数据文件“{path}”时出错(第 {step} 步:{detail})。所有改动已撤回,文件保持原样;"
        "升级前的备份在“{backup}”。",
        "Upgrading the data file “{path}” failed (step {step}: {detail}). Every change was "
        "rolled back and the file is as it was; the backup taken before is “{backup}”.",
    ),
    "school_name_empty": (
        "学校名称不能为空。请填写学校的全称,例如“城关镇第一小学”。",
        "The school name cannot be empty. Enter the school's full name.",
    ),
    "school_exists": (
        "数据文件“{path}”里已经有学校“{school}”。一个数据文件只放一所学校;"
        "如需另一所学校,请换一个数据文件名。",
        "The data file “{path}” already holds the school “{school}”. One data file holds one "
        "school; use another file name for another school.",
    ),
    "no_school": (
        "数据文件里还没有学校。请先用 init --school 名称 建立学校,或在窗口中完成首次设置。",
        "The data file has no school yet. Create it first with init --school NAME, or finish "
        "the first-start wizard in the window.",
    ),
    "grade_name_empty": (
        "年级名称不能为空,例如“一年级”。",
        "The grade name cannot be empty, e.g. “一年级”.",
    ),
    "duplicate_grade": (
        "学校里已经有“{grade}”,年级名称不能重复。请换一个名称。",
        "The school already has the grade “{grade}”; grade names must be unique.",
    ),
    "duplicate_class": (
        "{grade}里已经有“{name}”,同一年级的班级名称不能重复。请换一个班号。",
        "{grade} already has “{name}”; class names within a grade must be unique.",
    ),
    "bad_class_label": (
        "无法识别班级名称“{label}”。请写成“1班”“(1)班”“01班”这样的形式。",
        "The class name “{label}” is not understood. Write it as “1班”, “(1)班” or “01班”.",
    ),
    "class_has_people": (
        "{name}还有 {count} 名学生,不能直接删除。"
        "请先把他们转到其他班级(可在删除时选择转入的班级)。",
        "{name} still has {count} students and cannot be deleted. Move them to another class "
        "first (you can choose the class when deleting).",
    ),
    "grade_has_people": (
        "{name}的班级里还有 {count} 名学生,不能删除这个年级。请先把学生转到其他年级的班级。",
        "The classes of {name} still have {count} students; the grade cannot be deleted. "
        "Move the students to classes of another grade first.",
    ),
    "merge_same": (
        "不能把班级并入它自己。请选择另一个班级。",
        "A class cannot be merged into itself. Choose another class.",
    ),
    "merge_other_grade": (
        "只能合并同一年级的班级:{source}和{target}不在同一年级。",
        "Only classes of the same grade can be merged: {source} and {target} are not.",
    ),
    "move_other_grade": (
        "{target}和{source}不在同一年级,学生只能转入同一年级的班级。",
        "{target} is not in the same grade as {source}; students can only move within a grade.",
    ),
    "not_found": (
        "找不到{what}(编号 {id}),可能已被其他操作删除。请刷新后重试。",
        "{what} (id {id}) was not found; another action may have deleted it. Refresh and retry.",
    ),
    "nothing_to_undo": ("没有可以撤销的操作。", "There is nothing to undo."),
    "undo_conflict": (
        "不能撤销“{summary}”:之后的操作“{later}”改动了同一条记录。请先撤销后面的操作。",
        "Cannot undo “{summary}”: a later action “{later}” changed the same record. "
        "Undo the later action first.",
    ),
    "person_name_empty": ("姓名不能为空。", "The name cannot be empty."),
    "not_staff": (
        "“{name}”不是教职工,不能担任{role}。",
        "“{name}” is not a staff member and cannot be {role}.",
    ),
    "bad_role": ("未知的职责“{role}”。", "Unknown duty role “{role}”."),
    "bad_grade_count": (
        "每个年级的班级数应在 1 到 {most} 之间,现在是 {count}。",
        "Classes per grade must be between 1 and {most}; got {count}.",
    ),
    "backup_failed": (
        "备份到“{out}”失败:{detail}。原数据文件没有被改动。请换一个保存位置重试。",
        "The backup to “{out}” failed: {detail}. The data file was not changed. "
        "Try another place to save it.",
    ),
    "restore_failed": (
        "从备份“{backup}”恢复失败:{detail}。原来的数据文件在“{kept}”,没有被改动。"
        "请关闭可能占用它的程序后重试。",
        "Restoring from the backup “{backup}” failed: {detail}. The previous data file is at "
        "“{kept}”, unchanged. Close any program that may be using it and try again.",
    ),
    "backup_same_file": (
        "备份文件不能和数据文件是同一个文件:“{out}”。请另选一个文件名。",
        "The backup cannot be the data file itself: “{out}”. Choose another file name.",
    ),
    "demo_not_empty": (
        "数据文件“{path}”里已有学校“{school}”,示例数据只能填入新的空文件。"
        "请换一个文件名(例如 demo.db)。",
        "The data file “{path}” already holds the school “{school}”; demo data only goes into "
        "a new, empty file. Use another file name (e.g. demo.db).",
    ),
    "bad_number": (
        "{option} 应为 {low} 到 {high} 之间的整数,现在是 {value}。",
        "{option} must be a whole number from {low} to {high}; got {value}.",
    ),
    "no_cjk_font": (
        "这台电脑上没有找到中文 TrueType 字体,PDF 里的汉字会显示成方框。"
        "Windows 请确认有“微软雅黑”或“宋体”;Linux 请安装 fonts-wqy-microhei。",
        "No Chinese TrueType font was found on this computer; Chinese text in PDFs would show "
        "as boxes. On Windows make sure Microsoft YaHei or SimSun is present; on Linux install "
        "fonts-wqy-microhei.",
    ),
    "pdf_font_unusable": (
        "设置中指定的 PDF 字体“{path}”无法使用(不是 TrueType 中文字体或文件不存在),"
        "已改用“{family}”。",
        "The PDF font set in the settings, “{path}”, cannot be used (not a Chinese TrueType "
        "font, or the file is missing); “{family}” was used instead.",
    ),
    "pdf_save_failed": (
        "无法保存“{path}”:{detail}。如果这个文件正在 PDF 阅读器中打开,请先关闭它再重试;"
        "原有文件没有被改动。",
        "Cannot save “{path}”: {detail}. If the file is open in a PDF reader, close it and try "
        "again; the existing file was not changed.",
    ),
    "remote_location": (
        "数据文件“{path}”位于{where}上。断网或拔出时数据可能损坏。"
        "请把数据文件复制到本机硬盘(例如“{suggest}”)后再使用;U 盘只用于上报数据包。",
        "The data file “{path}” is on {where}. It can be damaged when the connection drops "
        "or the drive is pulled. Copy it to this PC's disk (e.g. “{suggest}”) and use it "
        "there; USB sticks are for report bundles only.",
    ),
    "where_network": ("网络共享", "a network share"),
    "where_removable": ("可移动磁盘(U 盘)", "a removable drive (USB stick)"),
    "role_first_responsible": ("第一责任人", "First responsible person"),
    "role_direct_responsible": ("直接责任人", "Direct responsible person"),
    "role_department_head": ("部门负责人", "Department head"),
    "role_school_doctor": ("校医(保健教师)", "School doctor (health teacher)"),
    "role_reporter": ("疫情报告人", "Epidemic reporter"),
    "role_grade_leader": ("年级组长", "Grade leader"),
    "role_head_teacher": ("班主任", "Head teacher"),
    "gap": ("{scope}没有{role}", "{scope} has no {role}"),
    "bad_township_key": (
        "“{path}”不是有效的乡镇公钥文件({detail})。请使用乡镇防控指挥部发来的 .pem 公钥文件。",
        "“{path}” is not a valid township public key ({detail}). Use the .pem key file the "
        "township's prevention headquarters sent.",
    ),
    "erase_administrator_only": (
        "彻底删除一个人(及其全部记录)不能撤销,只有管理员可以操作({name}不是管理员)。没有删除。",
        "Erasing a person (and every record of them) cannot be undone; only an administrator "
        "may do it ({name} is not one). Nothing was erased.",
    ),
    "checks_day_before_school": (
        "日期 {day} 早于本校可导入的最早日期 {first}(建档前一学年),不会是本校的晨午检记录。"
        "常见原因:Excel 把日期变成了数字或 1900 年的日期。"
        "请把日期列设为“日期”格式,写成 2026-03-02。",
        "The date {day} is before {first}, the earliest this school can import (a school year "
        "before its record was made), so it is not one of its checks. Often Excel turned the "
        "date into a number or a 1900 date: format the column as dates, e.g. 2026-03-02.",
    ),
    "checks_row_twice": (
        "{name} {day} 的这一检次在表中出现两次(另一行在 {sheet} 第 {row} 行)。"
        "请只保留正确的一行后重新导入。",
        "{name}'s check of this session on {day} appears twice (the other is sheet {sheet}, "
        "row {row}). Keep only the right row and import again.",
    ),
    "township_key_wrong_kind": (
        "“{path}”是一个 {kind} 公钥,不是乡镇的加密公钥(X25519),例如学校自己的签名公钥。"
        "没有保存。请使用乡镇用 township init 生成、发来的那个 .pem 文件。",
        "“{path}” is an {kind} public key, not the township's encryption key (X25519): a "
        "school's own signing key, perhaps. Nothing was saved. Use the .pem file the "
        "township made with township init and sent you.",
    ),
    "township_key_is_private": (
        "“{path}”是私钥,不是公钥。没有保存。私钥不应离开乡镇:请告诉乡镇防控指挥部,"
        "并索取 township init 生成的公钥 .pem 文件。",
        "“{path}” is a private key, not a public one. Nothing was saved. A private key must "
        "never leave the township: tell the township headquarters, and ask for the public "
        ".pem key township init made.",
    ),
    "id_empty": (
        "身份证号为空。请填写 18 位身份证号;没有身份证的,请在证件类型中选择其他证件。",
        "The ID number is empty. Enter the 18-character ID; for someone without a resident "
        "ID, choose another document type.",
    ),
    "id_is_number": (
        "身份证号“{number}”被 Excel 当成了数字,末尾几位已经丢失。请把这一列的单元格格式"
        "设置为“文本”,重新填写身份证号后再导入。",
        "The ID number “{number}” was turned into a number by Excel and its last digits are "
        "lost. Format the column's cells as Text, type the ID numbers again, then import.",
    ),
    "id_student_number": (
        "“{number}”是学籍号(以 L 或 J 开头),不是身份证号。请填写身份证号,"
        "或在证件类型中选择其他证件。",
        "“{number}” is a student number (starting with L or J), not a resident ID. Enter the "
        "ID number, or choose another document type.",
    ),
    "id_length": (
        "身份证号“{number}”有 {length} 位,应为 18 位。"
        "请对照身份证或户口本核对,是否多写或漏写了一位。",
        "The ID number “{number}” has {length} characters; it needs 18. Check it against the "
        "ID card or household register for a missing or extra character.",
    ),
    "id_characters": (
        "身份证号“{number}”含有数字以外的字符(只有最后一位可以是 X)。"
        "请删去空格、横线等符号,对照身份证重新填写。",
        "The ID number “{number}” contains characters other than digits (only the last may be "
        "X). Remove spaces, dashes and other marks, and copy it again from the ID card.",
    ),
    "id_birth_date": (
        "身份证号“{number}”中的出生日期 {birth} 不是真实的日期(第 7 到 14 位)。"
        "请对照身份证或户口本核对这几位。",
        "The birth date {birth} in the ID number “{number}” (characters 7 to 14) is not a real "
        "date. Check these characters against the ID card or household register.",
    ),
    "id_birth_range": (
        "身份证号“{number}”中的出生日期 {birth} 不可能(在 {earliest} 年以前或在今天之后)。"
        "请对照身份证或户口本核对第 7 到 14 位。",
        "The birth date {birth} in the ID number “{number}” is impossible (before {earliest} "
        "or after today). Check characters 7 to 14 against the ID card or household register.",
    ),
    "id_check_character": (
        "身份证号“{number}”的校验位(最后一位)对不上,说明其中有一位抄错了。"
        "请对照身份证或户口本逐位核对。",
        "The check character (the last one) of the ID number “{number}” does not match, so "
        "one character was copied wrongly. Compare it character by character with the ID card.",
    ),
    "id_unknown_area": (
        "身份证号“{number}”的前两位不是已知的省份代码。号码可以保存,但请核对是否抄错。",
        "The first two digits of the ID number “{number}” are not a known province code. "
        "It can be saved, but check it was copied correctly.",
    ),
    "id_sex_mismatch": (
        "身份证号“{number}”的第 17 位表示{sex}性,名单上写的是{roster_sex}。"
        "号码可以保存,但请核对性别或号码。",
        "The 17th character of the ID number “{number}” means {sex} (male 男 / female 女), "
        "but the roster says {roster_sex}. It can be saved, but check the sex or the number.",
    ),
    # --- screening, key persons, villages ---
    "spreadsheet_no_header": (
        "“{path}”里找不到含有“{header}”的表头行。请使用程序提供的模板,或检查表头。没有写入任何内容。",
        "No header row with “{header}” was found in “{path}”. Use the program's template, "
        "or check the headers. Nothing was written.",
    ),
    "spreadsheet_save_failed": (
        "无法保存“{path}”:{detail}。如果这个文件正在 Excel 中打开,请先关闭它再重试;"
        "原有文件没有被改动。",
        "Cannot save “{path}”: {detail}. If the file is open in Excel, close it and try again; "
        "the existing file was not changed.",
    ),
    # --- roster import (importers/workbook.py, importers/roster.py) ---
    "workbook_missing": (
        "找不到表格文件“{path}”。请检查文件位置。没有写入任何内容。",
        "The spreadsheet “{path}” does not exist. Check where it is. Nothing was written.",
    ),
    "workbook_not_spreadsheet": (
        "“{path}”不是电子表格,无法读取。请在 Excel 或 WPS 中打开它,"
        "另存为 .xlsx 后再导入。没有写入任何内容。",
        "“{path}” is not a spreadsheet. Open it in Excel or WPS, save it as .xlsx "
        "and import that. Nothing was written.",
    ),
    "workbook_encrypted": (
        "“{path}”设置了密码(已加密),无法读取。请在 Excel 中打开它,取消密码后另存,"
        "再导入。没有写入任何内容。",
        "“{path}” is password-protected (encrypted). Open it in Excel, remove the "
        "password, save it and import again. Nothing was written.",
    ),
    "workbook_locked": (
        "“{path}”正在 Excel 或 WPS 中打开(文件被锁定)。请先关闭它,再导入。"
        "没有写入任何内容。",
        "“{path}” is open in Excel or WPS (the file is locked). Close it and import "
        "again. Nothing was written.",
    ),
    "workbook_empty": (
        "“{path}”是空表格,里面没有任何数据。没有写入任何内容。",
        "“{path}” is empty: it holds no data. Nothing was written.",
    ),
    "roster_no_header": (
        "在“{path}”的前 15 行里找不到表头(姓名、身份证号、班级等)。请确认选择的是花名册,"
        "或使用花名册模板。没有写入任何内容。",
        "No header row (姓名, 身份证号, 班级 ...) in the first 15 rows of “{path}”. "
        "Check it is a roster, or use the roster template. Nothing was written.",
    ),
    "roster_invalid": (
        "“{path}”中有 {count} 行有错误,整个花名册没有导入(没有写入任何内容)。"
        "请按下列行号改正后重新导入,或选择跳过错误行。",
        "{count} rows of “{path}” are invalid, so the roster was not imported (nothing "
        "was written). Fix the rows listed and import again, or skip the invalid rows.",
    ),
    "roster_unknown_classes": (
        "花名册中的班级还不存在:{classes}。请先在“年级班级”中添加,或允许导入时新建班级。"
        "没有写入任何内容。",
        "These classes of the roster do not exist yet: {classes}. Add them first, or let "
        "the import create them. Nothing was written.",
    ),
    "roster_missing_column": (
        "找不到“{column}”列。请在导入窗口中指定哪一列是“{column}”。",
        "No “{column}” column. Choose which column holds “{column}” in the import window.",
    ),
    "roster_name_empty": (
        "姓名为空。",
        "The name is empty.",
    ),
    "roster_bad_class": (
        "无法识别班级(年级“{grade}”,班级“{label}”)。请写成“三年级(2)班”或年级列加“2班”。",
        "Cannot read the class (grade “{grade}”, class “{label}”). Write it as "
        "“三年级(2)班”, or a grade column and “2班”.",
    ),
    "roster_duplicate": (
        "证件号 {number} 在表格中重复出现(另见 {others}),请核对是哪一行写错了。",
        "The number {number} occurs twice in the workbook (see also {others}); check which "
        "row is wrong.",
    ),
    "roster_place": ("{sheet} 第{row}行", "{sheet} row {row}"),
    "roster_duplicate_kept_once": (
        "与{first}完全相同(证件号 {number}、姓名相同),同一人只导入一次,以{first}为准。"
        "请删去重复的行。",
        "The same as {first} (number {number}, same name): one person, imported once as "
        "{first} has it. Delete the repeated row.",
    ),
    "roster_no_id_number": (
        "没有身份证号,暂按学籍号 {number} 识别。请补齐身份证号:以后导入填好身份证号的花名册时,"
        "会补到这个人身上,不会新增一人。",
        "No ID number: known by the student number {number} for now. Fill in the ID number: a "
        "later roster that has it completes this pupil instead of adding another.",
    ),
    "roster_other_document": (
        "证件类型为“{kind}”,不按居民身份证号核验,按证件号 {number} 识别。",
        "The document is a “{kind}”: not checked as a resident ID, known by its number "
        "{number}.",
    ),
    "roster_bad_class_number": (
        "班内学号“{value}”不是 1–{largest} 的整数,已忽略,将自动编号。",
        "The class number “{value}” is not a whole number from 1 to {largest}; it is left out "
        "and a number is given.",
    ),
    "roster_number_taken": (
        "班内学号 {wanted} 在{class_name}已是{holder}的学号,{name}编为 {given} 号。",
        "Class number {wanted} in {class_name} is already {holder}'s: {name} gets number "
        "{given}.",
    ),
    "roster_rename": (
        "证件号 {number} 在本校已属于{old}({class_name}),这一行写的是“{new}”。如确系改名,"
        "请在预览中勾选确认改名(命令行加 --accept-renames);否则请核对证件号。",
        "The number {number} already belongs to {old} ({class_name}) at this school, but this "
        "row says “{new}”. If it is a change of name, tick it in the preview (--accept-renames "
        "on the command line); otherwise check the number.",
    ),
    "roster_birth_mismatch": (
        "出生日期“{written}”与身份证号中的 {from_id} 不一致,以身份证号为准,请核对。",
        "The birth date “{written}” differs from {from_id} in the ID number; the ID number "
        "is used. Please check.",
    ),
    "area_invalid": (
        "风险地区“{name}”填写有误,没有保存。请按提示改正。",
        "The risk area “{name}” has mistakes and was not saved. Correct them as shown.",
    ),
    "declaration_invalid": (
        "申报内容有误,没有保存。请按提示改正。",
        "The declaration has mistakes and was not saved. Correct them as shown.",
    ),
    "import_invalid": (  # any all-or-nothing import of a sheet (checks, declarations, areas)
        "“{path}”中有 {count} 处问题,整个文件没有导入(没有写入任何内容)。"
        "请按下面列出的工作表、行、列改正后重新导入。",
        "“{path}” has {count} problems, so nothing in it was imported. Correct the sheets, "
        "rows and columns listed below and import it again.",
    ),
    "village_no_id_column": (
        "“{path}”没有身份证号列,无法与花名册比对。请在名单中加上“身份证号”列。",
        "“{path}” has no ID number column, so it cannot be matched to the roster. Add a "
        "“身份证号” column to the list.",
    ),
    "village_row_unmatched": (
        "所选的行中有的没有对应的人员,没有登记任何重点人员。",
        "Some chosen rows match nobody in the roster; no key person was recorded.",
    ),
    "bad_temperature": (
        "体温“{value}”不是数字。请输入例如 36.8 或 368。",
        "The temperature “{value}” is not a number. Type e.g. 36.8 or 368.",
    ),
    "temperature_out_of_range": (
        "体温 {value}℃ 不在 {low}–{high}℃ 之间,可能测量或输入有误。请复测后重新输入。",
        "A temperature of {value} °C is outside {low}–{high} °C; it was probably mis-measured "
        "or mistyped. Re-measure and enter it again.",
    ),
    "unknown_symptom": (
        "不认识的症状“{symptom}”。可用的症状:{known}。",
        "Unknown symptom “{symptom}”. Known symptoms: {known}.",
    ),
    "not_in_class": (
        "“{name}”不在这个班级的名单上。请在该生所在的班级登记,或先在人员档案中调整班级。",
        "“{name}” is not on this class's roll. Record them in their own class, or change "
        "their class in the person file first.",
    ),
    "not_on_roll": (
        "编号 {id} 的人员不在在册名单上。",
        "Person {id} is not on the roll.",
    ),
    "future_date": (
        "日期 {day} 还没有到,不能提前登记。请检查日期。",
        "The date {day} is in the future and cannot be recorded yet. Check the date.",
    ),
    "bad_session": (
        "未知的检次“{session}”,应为晨检、午检、晚检或校门。",
        "Unknown session “{session}”: use morning, noon, evening or gate.",
    ),
    "absence_reason_missing": (
        "{name}缺勤,但没有写缺勤原因。请选择病假或事假。",
        "{name} is absent without a reason. Choose illness or other.",
    ),
    "quick_entry_no_pupil": (
        "本班没有学号为 {number} 的学生(本班学号 {numbers})。请对照登记表上的学号输入。",
        "No pupil of this class has number {number} (numbers here: {numbers}). Use the "
        "number printed on the register.",
    ),
    "quick_entry_number": (
        "“{text}”开头应是学生的班内学号,例如“3 373”(3 号,37.3℃)或“12k”(12 号咳嗽)。",
        "“{text}” must start with the pupil's class number, e.g. “3 373” (no. 3, "
        "37.3 °C) or “12k” (no. 12, cough).",
    ),
    "quick_entry_key": (
        "不认识的按键“{letter}”。可用:{keys}。",
        "Unknown key “{letter}”. Keys: {keys}.",
    ),
    # --- disinfection and ventilation (campus/disinfection.py) ---
    "campus_area_unknown": (
        "没有名为“{name}”的消毒通风区域。请检查名称(可在“消毒通风”页的区域列表中查看)。",
        "There is no disinfection/ventilation area called “{name}”. Check the name (the "
        "消毒通风 tab lists the areas).",
    ),
    "campus_area_name_empty": (
        "区域名称不能为空。没有保存。",
        "The area needs a name. Nothing was saved.",
    ),
    "campus_area_exists": (
        "已经有名为“{name}”的区域。请换一个名称。没有保存。",
        "There is already an area called “{name}”. Choose another name. Nothing was saved.",
    ),
    "campus_plan_invalid": (
        "“{name}”的消毒通风计划填写有误,没有保存。请按提示改正。",
        "The disinfection/ventilation plan of “{name}” has mistakes and was not saved. "
        "Correct them as shown.",
    ),
    "campus_bad_time": (
        "时间“{value}”应写成 时:分,例如 07:30,多个时间用逗号分开。",
        "The time “{value}” should be written hours:minutes, e.g. 07:30, several separated "
        "by commas.",
    ),
    "campus_bad_number": (
        "“{value}”应是不小于 0 的数字。",
        "“{value}” should be a number not below 0.",
    ),
    "campus_not_staff": (
        "负责人必须是教职工名单中的人。",
        "The responsible person must be on the staff list.",
    ),
    "campus_concentration_off": (
        "浓度 {value} mg/L 与计划 {planned} mg/L 不符,已按实际记录。请核对配比。",
        "A concentration of {value} mg/L differs from the planned {planned} mg/L; it was "
        "recorded as done. Check the mixing.",
    ),
    "campus_contact_short": (
        "作用时间 {value} 分钟短于计划的 {planned} 分钟,已按实际记录。",
        "A contact time of {value} minutes is shorter than the planned {planned} minutes; "
        "it was recorded as done.",
    ),
    "campus_ventilation_short": (
        "通风 {value} 分钟短于计划的至少 {planned} 分钟,已按实际记录。",
        "Airing for {value} minutes is shorter than the planned minimum of {planned} "
        "minutes; it was recorded as done.",
    ),
    "campus_tick_future": (
        "不能为将来的日期或时间({at})登记完成。没有保存。请在完成后再登记。",
        "Work cannot be ticked for a future date or time ({at}). Nothing was saved. Tick it "
        "once it is done.",
    ),
    "campus_tick_other_day": (
        "完成时间 {at} 不在 {day} 这一天。没有保存。请核对日期。",
        "The time {at} is not on {day}. Nothing was saved. Check the date.",
    ),
    "campus_operator_empty": (
        "请填写执行人。没有保存。",
        "Enter who did the work. Nothing was saved.",
    ),
    "campus_already_done": (
        "{area} {due} 的{kind}已经登记过了。如登记有误,请先撤销(Ctrl+Z)。",
        "The {kind} of {area} due at {due} is already ticked. If it was wrong, undo it first "
        "(Ctrl+Z).",
    ),
    "campus_bad_range": (
        "结束日期 {date_to} 早于开始日期 {date_from}。请检查日期。",
        "The end date {date_to} is before the start date {date_from}. Check the dates.",
    ),
    "campus_no_records": (
        "{date_from} 至 {date_to} 没有任何消毒通风记录,没有生成文件。",
        "There are no disinfection or ventilation records from {date_from} to {date_to}; "
        "no file was made.",
    ),
    # --- preparedness (preparedness.py) ---
    "plan_field_empty": (
        "{field}不能为空。",
        "The {field} cannot be empty.",
    ),
    "plan_invalid": (
        "应急预案填写不完整,没有保存。请按提示补充。",
        "The contingency plan is incomplete and was not saved. Fill in what is shown.",
    ),
    "plan_version_exists": (
        "“{title}”的 {version} 版已经登记过了。新版本请用新的版本号。没有保存。",
        "Version {version} of “{title}” is already recorded. Give a new version a new "
        "number. Nothing was saved.",
    ),
    "training_bad_kind": (
        "类别“{kind}”不对,应为培训或演练。没有保存。",
        "The kind “{kind}” is wrong; it should be training or drill. Nothing was saved.",
    ),
    "training_topic_empty": (
        "请填写培训或演练的主题。没有保存。",
        "Enter the topic of the training or drill. Nothing was saved.",
    ),
    "training_not_staff": (
        "有 {count} 人不在教职工名单中。只能选择教职工。没有保存。",
        "{count} of the people chosen are not on the staff list. Choose staff only. "
        "Nothing was saved.",
    ),
    "observation_room_empty": (
        "请填写临时观察室的位置。没有保存。",
        "Enter where the observation room is. Nothing was saved.",
    ),
    "bad_outcome": ("未知的结案结果“{outcome}”。", "Unknown outcome “{outcome}”."),
    "outcome_not_for_rule": (
        "“{rule}”预警只涉及一个人,不能以“{outcome}”结案。请选“已报告”或“已排除”。没有保存。",
        "A “{rule_en}” alert concerns one person; it cannot be closed as “not a cluster”. "
        "Choose reported or cleared. Nothing was saved.",
    ),
    "outcome_detail_missing": (
        "结案为“{outcome}”时须写明情况(例如:已于 10:30 电话报告镇防控办张主任)。",
        "Closing as “{outcome}” needs the details (e.g. reported by phone at 10:30 to the "
        "township office).",
    ),
    "checks_reason_missing": (
        "缺勤为“是”时请填写缺勤原因(病假或事假)。",
        "When 缺勤 is 是, fill in the reason (病假 or 事假).",
    ),
    "checks_diagnosis_long": (
        "诊断不超过 {limit} 个字,请只写诊断本身。",
        "A diagnosis is at most {limit} characters: write the diagnosis only.",
    ),
    "clearance_required": (
        "{name}因“{diagnosis}”缺勤,须凭复课证明返校。请先登记复课证明(开具单位、日期、查验人),"
        "再记为到校。",
        "{name} was absent with “{diagnosis}” and may return only with a clearance. Record "
        "the clearance (issuer, date, checked by) first, then mark them present.",
    ),
    "diagnosis_empty": (
        "请填写诊断(家长或医生所说的原话),或从病种目录中选择。没有保存。",
        "Enter the diagnosis (as the family or doctor gave it), or pick one from the "
        "catalogue. Nothing was saved.",
    ),
    "onset_bad": (
        "发病日期“{onset}”无法识别或晚于 {day}。请写成 2026-03-02,且不晚于诊断日期。没有保存。",
        "The onset “{onset}” is not a date or is after {day}. Write it like 2026-03-02, no "
        "later than the day of the diagnosis. Nothing was saved.",
    ),
    "canteen_certificate_off_expired": (
        "暂停上岗:健康证已过期(有效期至 {expiry})",
        "Off duty: health certificate expired ({expiry})",
    ),
    "canteen_certificate_off_missing": (
        "暂停上岗:没有健康证",
        "Off duty: no health certificate",
    ),
    "canteen_gastro_wait": (
        "暂停上岗:呕吐、腹泻症状消失未满 {hours} 小时,{back} 起方可上岗",
        "Off duty: vomiting or diarrhoea ended less than {hours} hours ago; back from {back}",
    ),
    "township_signal_rule": (
        "规则:{days} 天内,同一症状组(“其他”除外)或同一病种的预警出现在 {schools} 所及以上学校,"
        "即为乡镇信号,请核实各校之间有无共同来源(同一供餐单位、水源、活动)或相互传播。"
        "依据:本程序规则,非国家报告标准;各校预警本身的依据见各条预警。已撤回的预警不计。",
        "Rule: alerts of the same symptom group (other than “other”) or the same disease at "
        "{schools} or more schools within {days} days make a township signal: check whether "
        "the schools share a source (caterer, water, an event) or pass it on. Source: a rule "
        "of this program, not a national reporting standard; each alert cites its own. "
        "Withdrawn alerts do not count.",
    ),
    "norm_unknown": ("没有可调整的标准“{name}”。", "There is no adjustable norm “{name}”."),
    "norm_adjust_role": (
        "{name}:只有校医或管理员可以在规范范围内调整标准。没有改动。",
        "{name}: only the school doctor or the administrator may adjust a norm's value. "
        "Nothing was changed.",
    ),
    "norm_out_of_range": (
        "“{label}”不能设为 {value}:规范值为 {norm}(依据:{source}),本校只能在 {lowest} 至 "
        "{highest} 之间从严调整。没有改动。",
        "“{label}” cannot be {value}: the norm is {norm} ({source}); the school may only make "
        "it stricter, between {lowest} and {highest}. Nothing was changed.",
    ),
    "clearance_incomplete": (
        "复课证明须写明开具单位和查验人。",
        "A return clearance needs the issuer and who checked it.",
    ),
    "unknown_class": (
        "没有名为“{name}”的班级。班级名称应写成“三年级1班”这样的形式。",
        "There is no class called “{name}”. Write class names like “三年级1班”.",
    ),
    # --- may this person be at school (checks/attendance.py) ---
    "stop_joiner": (";", "; "),
    "stop_part_joiner": (",", ", "),
    "stop_list_joiner": ("、", ", "),
    "stop_back_on": ("{until} 起方可返校", "back on {until} at the earliest"),
    "stop_still_needs": ("还须{needs}", "still needs {needs}"),
    "stop_fever": ("{since} 起发热追踪中,须退热满 {hours} 小时",
                   "followed up for a fever since {since}: fever-free for {hours} hours first"),
    "stop_illness": ("{since} 起因病缺勤追踪中",
                     "followed up for an illness absence since {since}"),
    "stop_doctor_decides": ("诊断“{diagnosis}”须由医生判断能否返校",
                            "the diagnosis “{diagnosis}”: a doctor decides when they may return"),
    "stop_disease": ("患{disease},按疾病目录须居家({rule})",
                     "{disease_en}: kept home by the disease catalogue"),
    "stop_home": ("{since} 起居家观察({reason})", "at home for observation since {since} "
                  "({reason})"),
    "stop_suspension": ("所在班级{class_name}停课至 {last}({reason})",
                        "their class {class_name} is suspended until {last} ({reason})"),
    "stop_suspension_open": ("所在班级{class_name}停课中,未定结束日期({reason})",
                             "their class {class_name} is suspended, no end date yet "
                             "({reason})"),
    "stop_key_person": ("重点人员({reason}),观察期至 {until}",
                        "key person ({reason}), observed until {until}"),
    "stop_tb": ("{since} 起肺结核休学", "suspended for pulmonary TB since {since}"),
    "stop_left": ("已不在在册名单上(离校)", "no longer on the roll (left the school)"),
    "need_seen": ("校医查看或复课证明", "seen by the school doctor, or a return clearance"),
    "need_document": ("{document}", "{document}"),
    "need_doctor": ("医生意见(复课证明)", "a doctor's word (a return clearance)"),
    "need_return_date": ("返校日期", "a return date"),
    "need_end_date": ("停课结束日期", "the last day of the suspension"),
    "person_unknown": (
        "找不到“{person}”。请给出18位身份证号、学籍号或“班级 班内学号”(如 三年级1班 3)。"
        "没有写入任何内容。",
        "Nobody answers to “{person}”. Give the 18-character ID number, the student number "
        "(学籍号) or the class and number (e.g. 三年级1班 3). Nothing was written.",
    ),
    "person_ambiguous": (
        "“{person}”对应不止一人。请改用身份证号。没有写入任何内容。",
        "More than one person answers to “{person}”. Use the ID number. Nothing was written.",
    ),
    "stopped_marked_present": (
        "{name}今日不得到校:{reason}。如该生确已到校,请在备注中写明情况(将记入审计),"
        "或先登记复课证明。没有保存。",
        "{name} may not be at school today: {reason}. If they really are here, write why in "
        "the note (it is audited), or record the clearance first. Nothing was saved.",
    ),
    "cli_return_allowed": ("{name}({class_name}){day} 可以到校。",
                           "{name} ({class_name}) may be at school on {day}."),
    "cli_return_stopped": ("{name}({class_name}){day} 不得到校:{reason}。{until}{needs}",
                           "{name} ({class_name}) may not be at school on {day}: {reason}. "
                           "{until}{needs}"),
    "cli_return_until": ("最早 {until} 返校。", "Back on {until} at the earliest. "),
    "cli_return_needs": ("还须:{needs}。", "Still needed: {needs}."),
    "gate_stopped": (
        "{name}不能入校:{reasons}请带到临时观察区,联系班主任和校医。",
        "{name} may not enter: {reasons} Take them to the observation area and call the head "
        "teacher and the school doctor.",
    ),
    # --- canteen and supplies (canteen.py, supplies.py) ---
    "canteen_not_worker": (
        "{name}不是食堂从业人员(岗位或部门含“食堂”、或已登记健康证的教职工才是)。"
        "请先在“健康证”页为他登记健康证。没有保存。",
        "{name} is not a canteen worker (a staff member whose post or department contains 食堂, "
        "or who has a health certificate registered). Register their certificate on the "
        "health certificate page first. Nothing saved.",
    ),
    "canteen_certificate_past": (
        "健康证有效期至 {expiry},已经过期,不能登记。请先办理新的健康证。没有保存。",
        "The health certificate expired on {expiry}; it cannot be entered. Get a new one "
        "first. Nothing was saved.",
    ),
    "canteen_certificate_bad": (
        "健康证的日期不对:{detail}。没有保存。",
        "The health certificate's dates are wrong: {detail}. Nothing was saved.",
    ),
    "canteen_bad_codes": (
        "晨检代码“{codes}”不对:只能是 0 到 12 的数字,用逗号或空格分开。没有保存。",
        "Check codes “{codes}” are wrong: numbers 0 to 12, separated by commas or spaces. "
        "Nothing was saved.",
    ),
    "canteen_bad_temperature": (
        "体温 {value} 不合理(应在 34 到 43 ℃ 之间)。没有保存。",
        "Temperature {value} is implausible (34 to 43 °C). Nothing was saved.",
    ),
    "canteen_future_day": (
        "{day} 还没有到,不能登记。没有保存。",
        "{day} has not come yet; it cannot be recorded. Nothing was saved.",
    ),
    "canteen_field_empty": (
        "“{field}”不能为空。没有保存。",
        "“{field}” cannot be empty. Nothing was saved.",
    ),
    "canteen_bad_meal": (
        "餐次只能是早餐、午餐或晚餐,不是“{meal}”。没有保存。",
        "A meal is 早餐, 午餐 or 晚餐, not “{meal}”. Nothing was saved.",
    ),
    "canteen_sample_short": (
        "留样不合格:{detail}。没有保存。",
        "The food sample does not meet the rule: {detail}. Nothing was saved.",
    ),
    "certificate_ok": ("有效", "valid"),
    "certificate_missing": ("无健康证", "no certificate"),
    "certificate_expired": ("已过期({expiry})", "expired ({expiry})"),
    "certificate_expiring": ("{days} 天后到期", "expires in {days} days"),
    "supplies_below_zero": (
        "{item}库存只有 {stock}{unit},不能出库 {quantity}{unit}。没有保存。",
        "{item}: only {stock} {unit} in stock, cannot take out {quantity} {unit}. "
        "Nothing was saved.",
    ),
    "supplies_bad_quantity": (
        "数量必须大于 0,不是“{value}”。没有保存。",
        "The quantity must be more than 0, not “{value}”. Nothing was saved.",
    ),
    "supplies_item_exists": (
        "已经有名为“{name}”的物资。没有保存。",
        "There is already a supply item called “{name}”. Nothing was saved.",
    ),
    # --- dining in shifts (dining.py) ---
    "dining_hall_name_empty": ("请填写就餐场所名称(如 一楼餐厅)。没有保存。",
                               "Give the dining hall a name (e.g. Ground-floor hall). Nothing "
                               "was saved."),
    "dining_hall_bad_size": ("“{hall}”的座位数({seats})和餐桌数({tables})都应大于 0。没有保存。",
                             "“{hall}” needs more than 0 seats ({seats}) and tables ({tables})."
                             " Nothing was saved."),
    "dining_hall_unknown": ("没有名为“{hall}”的就餐场所。已有:{known}。请先添加就餐场所。"
                            "没有保存。",
                            "There is no dining hall called “{hall}”. Halls: {known}. Add the "
                            "hall first. Nothing was saved."),
    "dining_bad_tables": ("“{hall}”只有 1-{tables} 号餐桌,不能安排 {first}-{last} 号。"
                          "请改正桌号。没有保存。",
                          "“{hall}” has tables 1-{tables} only, not {first}-{last}. Correct the "
                          "table numbers. Nothing was saved."),
    "dining_tables_overlap": ("{scope}{meal}与{other}({starts}-{ends},{tables} 号桌)在“{hall}”"
                              "同一时间用同一批餐桌。请错开时间或换桌号。",
                              "{scope} ({meal}) uses the same tables of “{hall}” at the same "
                              "time as {other} ({starts}-{ends}, tables {tables}). Move the "
                              "time or the tables."),
    "dining_hall_over": ("“{hall}”{meal} {at} 起同时就餐 {people} 人,超过容量 {seats} 人。"
                         "请分批或换场所。",
                         "“{hall}” ({meal}) has {people} pupils eating at once from {at}, more "
                         "than its {seats} places. Split the shift or use another hall."),
    # --- dormitories (grid/dormitories.py) ---
    "dorm_room_name_empty": ("请填写宿舍名称(如 男生宿舍101)。没有保存。",
                             "Give the room a name (e.g. Boys' room 101). Nothing was saved."),
    "dorm_room_exists": ("已有名为“{room}”的宿舍。没有保存。",
                         "There is already a room called “{room}”. Nothing was saved."),
    "dorm_bad_capacity": ("“{room}”的床位数应大于 0,不是“{value}”。没有保存。",
                          "“{room}” needs more than 0 beds, not “{value}”. Nothing was saved."),
    "dorm_capacity_below_boarders": ("“{room}”现住 {boarders} 人,床位数不能少于此数。"
                                     "请先调出住宿生。没有保存。",
                                     "“{room}” has {boarders} boarders: it cannot have fewer "
                                     "beds. Move boarders out first. Nothing was saved."),
    "dorm_isolation_occupied": ("“{room}”还住着 {boarders} 名住宿生,不能设为隔离室。请先把他们调到"
                                "其他宿舍。没有保存。",
                                "“{room}” still has {boarders} boarders and cannot be set aside "
                                "for isolation. Move them to other rooms first. Nothing was "
                                "saved."),
    "dorm_to_isolation": ("“{room}”是隔离室,不能安排住宿生。请选其他宿舍。没有保存。",
                          "“{room}” is set aside for isolation: no boarder may be assigned to "
                          "it. Choose another room. Nothing was saved."),
    "dorm_full": ("“{room}”有 {capacity} 个床位,已住 {boarders} 人,放不下 {moving} 人。"
                  "请选其他宿舍或先增加床位。没有保存。",
                  "“{room}” has {capacity} beds and {boarders} boarders: {moving} more do not "
                  "fit. Choose another room or add beds first. Nothing was saved."),
    "dorm_not_boarder": ("{name}不是在册住宿生,不能调整宿舍。请先在学生档案中改为住校。没有保存。",
                         "{name} is not an enrolled boarder and cannot be moved between rooms. "
                         "Make them a boarder in their file first. Nothing was saved."),
    "dorm_nobody_moved": ("请选择要调整的住宿生。没有保存。",
                          "Choose the boarders to move. Nothing was saved."),
    "dorm_over_limit": ("“{room}”住 {boarders} 人,超过疫情期间每间不超过 {limit} 人的限额。",
                        "“{room}” has {boarders} boarders, more than the outbreak limit of "
                        "{limit} a room."),
    "dorm_limit_out_of_range": ("疫情期间限额应为 1 至 {highest} 人(最大宿舍的床位数),"
                                "不是“{value}”。不需要限额时请取消“启用疫情期间限额”。没有保存。",
                                "The outbreak limit must be 1 to {highest} boarders (the largest "
                                "room's beds), not “{value}”. To have no limit, switch it off "
                                "instead. Nothing was saved."),
    "dorm_limit_no_beds": ("还没有哪间宿舍设了床位数,无法设定限额。请先选宿舍点“设定床位数”。"
                           "没有保存。",
                           "No room has its beds set yet, so no limit can be set. Choose a room "
                           "and set its beds first. Nothing was saved."),
    "dorm_over_capacity": ("“{room}”住 {boarders} 人,超过床位数 {capacity}。",
                           "“{room}” has {boarders} boarders, more than its {capacity} beds."),
    # --- the township console (township/) ---------------------------------------------
    "is_township_file": (
        "“{path}”是乡镇汇总数据文件,不是学校的数据文件。文件没有被改动。"
        "请用 township 命令处理它,或选择学校的数据文件。",
        "“{path}” is a township data file, not a school's. The file was not changed. "
        "Use the township commands on it, or choose the school's data file.",
    ),
    "is_school_file": (
        "“{path}”是学校的数据文件,不是乡镇汇总数据文件。文件没有被改动。"
        "请选择乡镇的数据文件,或用 township init 新建一个。",
        "“{path}” is a school's data file, not a township data file. The file was not "
        "changed. Choose the township's data file, or create one with township init.",
    ),
    "bundle_damaged": (
        "数据包“{path}”已损坏或不完整({detail}),已拒收,没有导入任何内容。"
        "请让学校重新导出数据包,用新的 U 盘送来。",
        "The bundle “{path}” is damaged or incomplete ({detail}); it was refused and nothing "
        "was imported. Ask the school to export the bundle again and bring it on a new stick.",
    ),
    "bundle_bad_signature": (
        "数据包“{path}”的签名不符:文件在导出后被改动过,或不是学校导出的。已拒收,没有导入任何内容。"
        "请让学校重新导出。",
        "The signature of the bundle “{path}” does not match: the file was changed after "
        "export or was not exported by the school. It was refused and nothing was imported. "
        "Ask the school to export it again.",
    ),
    "bundle_wrong_township": (
        "数据包“{path}”是发给另一个乡镇的(加密所用的乡镇公钥不是本乡镇的),无法打开,已拒收。"
        "请让学校读取本乡镇的公钥(在学校的窗口中:“设置 → 读取乡镇公钥…”)后重新导出。",
        "The bundle “{path}” was made for another township (it is encrypted to a different "
        "township key); it cannot be opened and was refused. Ask the school to read this "
        "township's key (in the school's window: Settings → Read the township key…) and "
        "export again.",
    ),
    "bundle_too_new": (
        "数据包“{path}”由更新版本的程序导出(格式版本 {found},本程序只认识到 {known})。"
        "已拒收。请升级本程序后再导入。",
        "The bundle “{path}” was exported by a newer program (format version {found}; this "
        "program knows up to {known}). It was refused. Update the program, then import it.",
    ),
    "bundle_too_large": (
        "数据包“{path}”解开后过大,不像学校导出的数据包,已拒收,没有导入任何内容。"
        "请向学校核实这个文件的来源。",
        "The bundle “{path}” unpacks to far more data than a school bundle holds; it was "
        "refused and nothing was imported. Check with the school where this file came from.",
    ),
    "bundle_bad_township_key": (
        "保存的乡镇公钥不是数据包加密用的 X25519 公钥。没有导出任何内容。"
        "请向乡镇防控指挥部索取 township init 生成的 .pem 公钥,用 set-township-key 重新保存。",
        "The stored township key is not the X25519 key bundles are encrypted to. Nothing was "
        "exported. Ask the township headquarters for the .pem key `township init` wrote and "
        "store it again with set-township-key.",
    ),
    "bundle_no_township_key": (
        "还没有保存乡镇公钥,无法加密上报数据包。没有导出任何内容。"
        "请向乡镇防控指挥部索取 .pem 公钥文件,用 set-township-key 保存后再导出。",
        "No township public key is stored, so the bundle cannot be encrypted. Nothing was "
        "exported. Get the .pem key file from the township headquarters, store it with "
        "set-township-key, then export again.",
    ),
    "bundle_bad_range": (
        "日期范围不对:开始日期 {date_from} 晚于结束日期 {date_to}。没有导出任何内容。"
        "请把开始日期改为不晚于结束日期。",
        "The date range is wrong: the start {date_from} is after the end {date_to}. Nothing "
        "was exported. Choose a start no later than the end.",
    ),
    "bundle_disk_full": (
        "“{path}”所在的磁盘(U 盘)已满,数据包没有写完,已删除写了一半的文件,也没有记为已上报。"
        "请腾出空间或换一个 U 盘后重试。",
        "The disk (USB stick) of “{path}” is full; the bundle was not finished, the half-written "
        "file was removed and nothing was recorded as exported. Free some space or use "
        "another stick, then try again.",
    ),
    "bundle_read_only": (
        "无法写入“{path}”:磁盘只读或没有写入权限({detail})。没有导出任何内容。"
        "请检查 U 盘的写保护开关,或选择另一个文件夹。",
        "Cannot write to “{path}”: the disk is read-only or access is denied ({detail}). "
        "Nothing was exported. Check the stick's write-protect switch or choose another folder.",
    ),
    "bundle_write_failed": (
        "写入数据包“{path}”失败({detail}),可能是 U 盘被拔出。已删除写了一半的文件,"
        "没有记为已上报。请重新插好 U 盘后重试。",
        "Writing the bundle “{path}” failed ({detail}); the stick may have been pulled out. "
        "The half-written file was removed and nothing was recorded as exported. Plug the "
        "stick in again and retry.",
    ),
    "bundle_data_read_only": (
        "数据文件“{path}”是以只读方式打开的,不能记录上报,所以没有导出。"
        "请先修复或从备份恢复数据文件,再导出。",
        "The data file “{path}” is open read-only, so the export could not be recorded and "
        "nothing was exported. Repair the data file or restore it from a backup first.",
    ),
    "bundle_no_folder": (
        "找不到文件夹“{path}”(U 盘可能没有插好)。没有导出任何内容。"
        "请插好 U 盘或选择一个已有的文件夹。",
        "The folder “{path}” does not exist (the USB stick may not be plugged in). Nothing was "
        "exported. Plug the stick in or choose an existing folder.",
    ),
    "bundle_verify_failed": (
        "数据包“{path}”写入后读回校验不通过,U 盘可能有坏块。已删除该文件,没有记为已上报。"
        "请换一个 U 盘后重试。",
        "The bundle “{path}” did not read back correctly after writing; the stick may be "
        "faulty. The file was removed and nothing was recorded as exported. Use another stick "
        "and try again.",
    ),
    "township_name_empty": (
        "乡镇名称不能为空。请填写乡镇的全称,例如“城关镇”。",
        "The township name cannot be empty. Enter the township's full name.",
    ),
    "township_exists": (
        "数据文件“{path}”已经属于乡镇“{township}”,并已有密钥。没有改动;"
        "重新生成密钥会使各校已保存的公钥失效。",
        "The data file “{path}” already belongs to the township “{township}” and has its "
        "keys. Nothing was changed; new keys would invalidate the key every school holds.",
    ),
    "township_key_write_failed": (
        "无法写入公钥文件“{path}”({detail})。没有建立乡镇数据。请换一个位置再试。",
        "Could not write the public key file “{path}” ({detail}). Nothing was created. "
        "Try another location.",
    ),
    "no_township": (
        "数据文件“{path}”还不是乡镇汇总数据文件。请先用 township init --township 名称 建立。",
        "The data file “{path}” is not a township data file yet. Create it first with "
        "township init --township NAME.",
    ),
    "township_no_bundles": (
        "在“{paths}”中没有找到数据包(.rdbundle 文件)。没有导入任何内容。",
        "No bundle (.rdbundle file) was found in “{paths}”. Nothing was imported.",
    ),
    "township_bundle_unreadable": (
        "无法读取数据包“{path}”({detail})。请检查U盘是否插好。",
        "Could not read the bundle “{path}” ({detail}). Check that the USB stick is in.",
    ),
    "township_bundle_too_large": (
        "“{path}”太大,不是本程序生成的数据包,已拒收。",
        "“{path}” is too large to be a bundle from this program; refused.",
    ),
    "township_bundle_bad_manifest": (
        "数据包“{path}”的清单不完整、有不合理的内容或版本不支持({detail}),已拒收,"
        "没有写入任何内容。请学校用最新版本重新导出;学校电脑的日期不对时,先改正日期。",
        "The bundle “{path}” has an incomplete, unreasonable or unsupported manifest "
        "({detail}); refused, nothing was written. Ask the school to export it again with "
        "the current version; if the school PC's date is wrong, correct it first.",
    ),
    "township_bundle_wrong_township": (
        "数据包“{path}”是发给“{township}”的,不是本乡镇,已拒收。"
        "请学校确认保存的乡镇公钥后重新导出。",
        "The bundle “{path}” was made for “{township}”, not this township; refused. Ask the "
        "school to check the township key it holds and export again.",
    ),
    "township_bundle_foreign_key": (
        "数据包“{path}”自称来自“{school}”,但签名密钥与该校此前登记的不同,已拒收。"
        "这可能是伪造的数据包,请与学校电话核实。",
        "The bundle “{path}” claims to come from “{school}”, but it is signed with another "
        "key than the one registered for that school; refused. It may be forged: call the "
        "school to check.",
    ),
    "township_bundle_older": (
        "数据包“{path}”(第 {sequence} 号)比已导入的数据(第 {held} 号)旧,已拒收,"
        "以免覆盖较新的数据。",
        "The bundle “{path}” (number {sequence}) is older than what is held (number {held}); "
        "refused, so newer data is not overwritten.",
    ),
    "township_bundle_bad_records": (
        "数据包“{path}”中的“{member}”内容不符合格式({detail}),已拒收,没有写入任何内容。"
        "请学校用最新版本重新导出;再次出现时请与学校核实这个文件的来源。",
        "The member “{member}” of the bundle “{path}” is not in the expected form ({detail}); "
        "refused, nothing was written. Ask the school to export it again with the current "
        "version; if it happens again, check with the school where this file came from.",
    ),
    "township_school_not_enrolled": (
        "数据包“{path}”来自“{school}”(学校代码 {code}),本乡镇尚未登记这所学校,已拒收,"
        "没有写入任何内容。请核对该校交接单上的学校代码和密钥指纹,登记学校"
        "(township enroll --code {code} --fingerprint 指纹)后再导入。",
        "The bundle “{path}” comes from “{school}” (school code {code}), a school this "
        "township has not enrolled; refused, nothing was written. Check the school code and "
        "key fingerprint on the school's hand-over slip, enrol the school (township enroll "
        "--code {code} --fingerprint FINGERPRINT), then import again.",
    ),
    "township_school_other_key": (
        "数据包“{path}”自称来自“{school}”(学校代码 {code}),但签名密钥的指纹({found})"
        "与登记的({enrolled})不同,已拒收,没有写入任何内容。这可能是伪造的数据包,"
        "请电话与学校核实;如果学校重新安装后换了密钥,凭新的交接单重新登记"
        "(township enroll --replace)。",
        "The bundle “{path}” claims to come from “{school}” (school code {code}), but its "
        "signing key's fingerprint ({found}) is not the one enrolled ({enrolled}); refused, "
        "nothing was written. It may be forged: call the school to check. If the school was "
        "set up again and has a new key, enrol it again from its new slip (township enroll "
        "--replace).",
    ),
    "township_bundle_sequence_jump": (
        "数据包“{path}”是第 {sequence} 号,而本乡镇收到的该校数据包最新是第 {held} 号,"
        "最多只接收到第 {most} 号,已拒收,没有写入任何内容。学校的程序不会这样编号:"
        "请与学校核实这个文件的来源。",
        "The bundle “{path}” is number {sequence}, but the newest this township holds from "
        "that school is number {held}, and it takes numbers up to {most} only; refused, "
        "nothing was written. The school's program does not number bundles so: check with "
        "the school where this file came from.",
    ),
    "township_bundle_not_a_file": (
        "“{path}”是{kind},不是普通文件,没有读取,已拒收。数据包应是U盘上的普通文件:"
        "请学校重新导出并直接复制到U盘。",
        "“{path}” is {kind}, not a regular file; it was not read and was refused. A bundle "
        "is a plain file on the stick: ask the school to export it again and copy it on.",
    ),
    "township_file_link": ("链接(快捷方式)", "a link"),
    "township_file_pipe": ("命名管道", "a named pipe"),
    "township_file_device": ("设备文件", "a device"),
    "township_file_other": ("特殊文件", "a special file"),
    "township_file_file": ("普通文件", "a regular file"),
    "township_file_missing": ("不存在的文件", "a file that is gone"),
    "township_bad_fingerprint": (
        "密钥指纹“{fingerprint}”不对:应是交接单上印的 64 位十六进制数字(0-9、A-F,"
        "可带空格),这里有 {digits} 位。没有登记。请照交接单逐组核对后重新输入。",
        "The key fingerprint “{fingerprint}” is wrong: it is the 64 hexadecimal digits "
        "(0-9, A-F, spaces allowed) printed on the hand-over slip; this has {digits}. "
        "Nothing was enrolled. Check it group by group against the slip and type it again.",
    ),
    "township_bad_school_code": (
        "学校代码“{code}”不对:只能是字母、数字、-和_,最多 32 位(见交接单)。没有登记。",
        "The school code “{code}” is wrong: letters, digits, - and _ only, at most 32 (see "
        "the hand-over slip). Nothing was enrolled.",
    ),
    "township_bad_school_name": (
        "学校名称“{name}”太长或含有不能显示的字符。没有登记。请按学校全称填写(最多 64 字)。",
        "The school name “{name}” is too long or holds characters that cannot be shown. "
        "Nothing was enrolled. Give the school's full name (64 characters at most).",
    ),
    "township_enrolled_other_key": (
        "学校代码 {code}(“{school}”)已用另一个密钥登记(指纹 {held}),"
        "与这次输入的({given})不同。没有改动。请先电话与学校核实;确属学校重新安装换了密钥,"
        "加上 --replace(窗口中勾选“替换原密钥”)重新登记。",
        "The school code {code} (“{school}”) is enrolled with another key (fingerprint "
        "{held}), not the one given ({given}). Nothing was changed. Call the school first; "
        "if it was set up again with a new key, enrol it again with --replace (in the window: "
        "tick “replace the old key”).",
    ),
    "township_import_done": (
        "已导入 {imported} 个,跳过 {skipped} 个(以前导入过),拒收 {refused} 个;"
        "共 {schools} 所学校。",
        "Imported {imported}, skipped {skipped} (imported before), refused {refused}; "
        "{schools} schools held.",
    ),
    "township_gap": (
        "缺号:{school} 第 {missing} 号数据包未收到。",
        "Missing: {school} bundle number {missing} never arrived.",
    ),
    "township_outcome_imported": ("已导入", "imported"),
    "township_outcome_skipped": ("已跳过", "skipped"),
    "township_outcome_refused": ("已拒收", "refused"),
    "township_bundle_already_held": (
        "这个数据包已经导入过,本次没有改动。",
        "This bundle was imported before; nothing changed.",
    ),
    "township_receipt_not_written": (
        "回执没能写到 {path}({detail}):数据包已导入;请换一个可写的 U 盘再导入一次,"
        "学校才能看到“已接收”。",
        "The receipt could not be written to {path} ({detail}): the bundle is imported; "
        "import it again from a writable stick so the school sees it as received.",
    ),
    # --- receipts read back at the school (bundle/receipts.py) ---
    "receipt_accepted": (
        "第 {sequence} 号数据包:已接收({township},{received_at})。",
        "Bundle no. {sequence}: received by {township} on {received_at}.",
    ),
    "receipt_already": (
        "第 {sequence} 号数据包:回执早已读过,仍为已接收。",
        "Bundle no. {sequence}: receipt read before; still received.",
    ),
    "receipt_unknown_bundle": (
        "{file}:不是本校导出的数据包的回执(本校上报记录中没有这个数据包),已忽略。",
        "{file}: not a receipt for a bundle this school exported (no such bundle in its "
        "export list); ignored.",
    ),
    "receipt_no_key": (
        "{file}:第 {sequence} 号数据包是旧版程序导出的,无法核验回执,已忽略。",
        "{file}: bundle no. {sequence} was exported by an older program version, so its "
        "receipt cannot be checked; ignored.",
    ),
    "receipt_damaged": (
        "{file}:回执文件损坏或不是本程序写的({detail}),已拒收,什么也没改。",
        "{file}: the receipt is damaged or not written by this program ({detail}); refused, "
        "nothing changed.",
    ),
    "receipt_bad_mac": (
        "{file}:回执的签名核验不通过(伪造、被改动,或不是本校数据包所交乡镇写的),已拒收,"
        "什么也没改。",
        "{file}: the receipt's signature does not verify (forged, altered, or not written "
        "by the township the bundle was sent to); refused, nothing changed.",
    ),
    "receipt_other_township": (
        "{file}:回执来自另一个乡镇({township},密钥指纹 {fingerprint}),不是本校数据包所交的"
        "乡镇,已拒收,什么也没改。",
        "{file}: the receipt comes from another township ({township}, key fingerprint "
        "{fingerprint}), not the one the bundle was sent to; refused, nothing changed.",
    ),
    "receipt_mismatch": (
        "{file}:回执所写的{what}与本校第 {sequence} 号数据包的记录不符,已拒收,什么也没改。",
        "{file}: the receipt's {what} does not match this school's record of bundle no. "
        "{sequence}; refused, nothing changed.",
    ),
    "receipt_unreadable": (
        "{file}:读不出回执({detail}),已跳过。",
        "{file}: the receipt cannot be read ({detail}); skipped.",
    ),
    "cli_receipts_read": (
        "  回执:接收 {accepted} 个,拒收 {refused} 个,忽略 {ignored} 个。",
        "  receipts: {accepted} accepted, {refused} refused, {ignored} ignored.",
    ),
    # --- alerts raised by the rules (alerts/, base/words.py): stored as key + params ---
    "alert_cluster_1d": (
        "{scope}{day} 有 {count} 人出现相似症状({symptom}),"
        "达到聚集性疫情报告标准(1 天内 ≥{size} 人)。请疫情报告人 24 小时内报告乡镇和县疾控中心。",
        "{scope}, {day}: {count} people with similar symptoms ({symptom}), which meets the "
        "cluster reporting standard (≥{size} people in 1 day). The epidemic reporter must "
        "report to the township and the county CDC within 24 hours.",
    ),
    "alert_cluster_3d": (
        "{scope}{first} 至 {day} 共 {count} 人出现相似症状({symptom}),"
        "达到聚集性疫情报告标准({days} 天内 ≥{size} 人)。"
        "请疫情报告人 24 小时内报告乡镇和县疾控中心。",
        "{scope}, {first} to {day}: {count} people with similar symptoms ({symptom}), which "
        "meets the cluster reporting standard (≥{size} people within {days} days). The "
        "epidemic reporter must report to the township and the county CDC within 24 hours.",
    ),
    "alert_notifiable": (
        "{scope}{name} 诊断为“{diagnosis}”,属法定传染病(或疑似)。"
        "请立即报告乡镇和县疾控中心,返校须凭复课证明。",
        "{scope}: {name} is diagnosed with “{diagnosis}”, a notifiable (or suspected) "
        "infectious disease. Report to the township and the county CDC at once; coming back "
        "to school needs a return clearance.",
    ),
    "alert_unexplained": (
        "{scope}{name} 体温 {temperature}°C,原因不明。请校医 24 小时内报告并跟踪就诊结果。",
        "{scope}: {name} has a temperature of {temperature}°C with no known cause. The school "
        "doctor must report within 24 hours and follow up the doctor's result.",
    ),
    "alert_fever": (
        "{scope}{name} 体温 {temperature}°C。请送临时观察室、通知家长,并开始追踪直至有结果。",
        "{scope}: {name} has a temperature of {temperature}°C. Take them to the observation "
        "room, tell the parents, and follow up until there is a result.",
    ),
    "alert_absence_rise": (
        "{scope}今日因病缺勤 {count} 人,近期平均 {average:.1f} 人。"
        "(本校规则,非国家报告标准)请班主任和校医核实缺勤原因。",
        "{scope}: {count} off sick on {day}, against a recent average of {average:.1f}. "
        "(A school rule, not the national reporting standard.) The head teacher and the "
        "school doctor should check why they are absent.",
    ),
    # --- the catalogue's rules (issue 17): each message cites its rule's source, names the
    # group or disease, and whom to report to (settings report_health_to/_education_to).
    # Older rows keep the keys above.
    "alert_cluster_1d_group": (
        "{scope}{day} 有 {count} 人出现{syndrome}症状({symptoms}),达到聚集性疫情报告标准"
        "(同一班级或宿舍 1 天内 ≥{size} 人相似症状;依据:{source})。"
        "请疫情报告人 24 小时内报告{health}和{education}。",
        "{scope}, {day}: {count} people with {syndrome_en} symptoms ({symptoms_en}), which "
        "meets the cluster reporting standard (≥{size} people with similar symptoms in one "
        "class or dormitory in 1 day; source: {source_en}). The epidemic reporter must report "
        "to {health} and {education} within 24 hours.",
    ),
    "alert_cluster_3d_group": (
        "{scope}{first} 至 {day} 共 {count} 人出现{syndrome}症状({symptoms}),达到聚集性疫情"
        "报告标准(同一班级或宿舍 {days} 天内 ≥{size} 人相似症状;依据:{source})。"
        "请疫情报告人 24 小时内报告{health}和{education}。",
        "{scope}, {first} to {day}: {count} people with {syndrome_en} symptoms "
        "({symptoms_en}), which meets the cluster reporting standard (≥{size} people with "
        "similar symptoms in one class or dormitory within {days} days; source: {source_en}). "
        "The epidemic reporter must report to {health} and {education} within 24 hours.",
    ),
    "alert_shared_source": (
        "{first} 至 {day} 全校 {classes} 个班级共 {count} 人呕吐或腹泻({class_list}),"
        "疑似食源性或水源性聚集({days} 天内 ≥{size} 人、≥{min_classes} 个班级;依据:{source})。"
        "可疑来源:食堂和饮用水。请立即封存食堂留样(每餐每样 ≥{grams} 克,留存 ≥{hours} 小时)"
        "和剩余食品送检,暂停可疑饮水;疫情报告人立即报告{health}和{education}。",
        "{first} to {day}: {count} people vomiting or with diarrhoea in {classes} classes "
        "({class_list}): a suspected food- or water-borne cluster (≥{size} people in ≥"
        "{min_classes} classes within {days} days; source: {source_en}). Suspected sources: the "
        "canteen and the drinking water. Seal the canteen's kept food samples (every dish of "
        "every meal, ≥{grams} g, kept ≥{hours} hours) and the leftover food for testing, stop "
        "the suspect water, and the epidemic reporter must report to {health} and "
        "{education} at once.",
    ),
    "alert_disease_outbreak": (
        "{scope}{first} 至 {day} 按发病日期共 {count} 例{disease}(含疑似),达到{kind}标准"
        "({where} {days} 天内 ≥{size} 例;依据:{source})。"
        "请疫情报告人按时限报告{health}和{education}。",
        "{scope}, {first} to {day}: {count} cases of {disease_en} by date of onset (suspected "
        "included), which meets the {kind_en} standard (≥{size} cases in one {where_en} "
        "within {days} days; source: {source}). The epidemic reporter must report to {health} "
        "and {education} by the deadline.",
    ),
    "alert_notifiable_home": (
        "{scope}{name} 诊断为“{diagnosis}”:{disease}{status},{legal_class}。依据{source},"
        "请疫情报告人立即报告{health}和{education}。按疾病目录须居家,返校须凭{clearance}。",
        "{scope}: {name} is diagnosed with “{diagnosis}”: {disease_en}{status_en} "
        "({legal_class_en}). Under {source_en} the epidemic reporter must report to {health} "
        "and {education} at once. By the disease catalogue they stay home; coming back needs "
        "{clearance}.",
    ),
    "alert_notifiable_home_no_clearance": (
        "{scope}{name} 诊断为“{diagnosis}”:{disease}{status},{legal_class}。依据{source},"
        "请疫情报告人立即报告{health}和{education}。按疾病目录须居家,返校条件见疾病目录。",
        "{scope}: {name} is diagnosed with “{diagnosis}”: {disease_en}{status_en} "
        "({legal_class_en}). Under {source_en} the epidemic reporter must report to {health} "
        "and {education} at once. By the disease catalogue they stay home; the catalogue says "
        "when they may come back.",
    ),
    "alert_notifiable_doctor": (
        "{scope}{name} 诊断为“{diagnosis}”:{disease}{status},{legal_class}。依据{source},"
        "请疫情报告人立即报告{health}和{education}。是否休学由校医与定点医疗机构判定"
        "(病原学阳性或重症者休学)。",
        "{scope}: {name} is diagnosed with “{diagnosis}”: {disease_en}{status_en} "
        "({legal_class_en}). Under {source_en} the epidemic reporter must report to {health} "
        "and {education} at once. Whether they stay home is for the school doctor and the "
        "designated clinic to decide (pathogen-positive or severe cases do).",
    ),
    "alert_notifiable_stays": (
        "{scope}{name} 诊断为“{diagnosis}”:{disease}{status},{legal_class}。依据{source},"
        "请疫情报告人立即报告{health}和{education}。本病不因此停课,不得据此劝退或拒收。",
        "{scope}: {name} is diagnosed with “{diagnosis}”: {disease_en}{status_en} "
        "({legal_class_en}). Under {source_en} the epidemic reporter must report to {health} "
        "and {education} at once. This disease is no reason to keep them home, turn them "
        "away or ask them to leave.",
    ),
    "alert_unexplained_signs": (
        "{scope}{name} {signs},原因不明(尚无疾病目录中的诊断)。依据{source},"
        "请校医安排就诊并跟踪结果,疫情报告人 24 小时内报告{health}和{education}。",
        "{scope}: {name}: {signs_en}, cause unknown (no diagnosis of the disease catalogue "
        "yet). Under {source_en} the school doctor arranges a doctor's visit and follows the "
        "result, and the epidemic reporter reports to {health} and {education} within 24 "
        "hours.",
    ),
    "alert_absence_rise_rate": (
        "{scope}{day} 因病缺勤 {count} 人(缺勤率 {rate:.1%}),高于近 {baseline} 个上学日的"
        "基线(预计约 {expected:.1f} 人,预警线 {threshold} 人)。本校规则,非国家报告标准"
        "({source})。请班主任和校医核实缺勤原因。",
        "{scope}, {day}: {count} off sick ({rate:.1%}), above the baseline of the last "
        "{baseline} school days (about {expected:.1f} expected, alarm at {threshold}). A "
        "school rule, not the national reporting standard ({source_en}). The head teachers "
        "and the school doctor should check why they are absent.",
    ),
    "alert_absence_rise_rate_2d": (
        "{scope}{first} 和 {day} 两个上学日因病缺勤共 {count} 人(缺勤率 {rate:.1%}),高于近 "
        "{baseline} 个上学日的基线(预计约 {expected:.1f} 人,预警线 {threshold} 人)。"
        "本校规则,非国家报告标准({source})。请班主任和校医核实缺勤原因。",
        "{scope}, {first} and {day}: {count} off sick over the two school days ({rate:.1%}), "
        "above the baseline of the last {baseline} school days (about {expected:.1f} "
        "expected, alarm at {threshold}). A school rule, not the national reporting standard "
        "({source_en}). The head teachers and the school doctor should check why they are "
        "absent.",
    ),
    "alert_threshold_shared_source": (
        "全校 {days} 天内 ≥{size} 人呕吐或腹泻,≥{classes} 个班级",
        "≥{size} people vomiting or with diarrhoea in ≥{classes} classes within {days} days",
    ),
    "alert_threshold_disease": ("{disease}:{where} {days} 天内 ≥{size} 例(按发病日期)",
                                "{disease_en}: ≥{size} cases in one {where_en} within {days} "
                                "days (by onset)"),
    "alert_threshold_notifiable_class": ("{disease}({legal_class})病例或疑似病例",
                                         "a case or suspected case of {disease_en} "
                                         "({legal_class_en})"),
    "alert_threshold_unexplained_signs": (
        "不明原因高热 ≥{degrees}°C、呼吸急促、剧烈呕吐或剧烈腹泻",
        "unexplained high fever ≥{degrees}°C, shortness of breath, severe vomiting or "
        "diarrhoea"),
    "alert_threshold_absence_rate": (
        "因病缺勤率高于基线:精确条件检验 p<{alpha}(两天合计 p<{alpha_2d}),且高于均值+{z}"
        "倍标准差,至少 {minimum} 人",
        "illness absence above the baseline: exact conditional test p<{alpha} (two days "
        "together p<{alpha_2d}), above mean + {z} SD, at least {minimum} people"),
    "alert_deadline_2h": ("立即,最迟 {hours} 小时内", "at once, within {hours} hours at most"),
    "alert_deadline_24h": ("{day} 前(24小时内)", "{day} (within 24 hours)"),
    "alert_deadline_now": ("立即", "at once"),
    "alert_deadline_same_day": ("{day} 当日", "{day}, the same day"),
    "alert_deadline_none": ("—", "—"),
    "alert_threshold_cluster": ("同一班级或宿舍 {days} 天内 ≥{size} 人",
                                "≥{size} people in one class or dormitory within {days} day(s)"),
    "alert_threshold_notifiable": ("法定传染病或疑似病例",
                                   "a notifiable disease or a suspected case"),
    "alert_threshold_unexplained": ("不明原因高热 ≥{degrees}°C",
                                    "unexplained high fever ≥{degrees}°C"),
    "alert_threshold_fever": ("体温 ≥{degrees}°C", "temperature ≥{degrees}°C"),
    "alert_threshold_absence_rise": (
        "今日病假 ≥{minimum} 人且超过近 {days} 个上学日平均的 {factor} 倍",
        "≥{minimum} off sick today and over {factor} times the average of the last {days} "
        "school days",
    ),
    "alert_window_one_day": ("1 天", "1 day"),
    "alert_window_range": ("{first} 至 {day}", "{first} to {day}"),
    "alert_window_school_days": ("近 {days} 个上学日", "the last {days} school days"),
    # --- what the headless commands print when they succeed (cli/),
    # the Chinese is what they always printed ---
    "cli_bad_date": ("日期应写成 YYYY-MM-DD,例如 2026-03-02:{text}",
                     "Write the date as YYYY-MM-DD, e.g. 2026-03-02: {text}"),
    "cli_bad_month": ("月份应写成 YYYY-MM,例如 2026-03:{text}",
                      "Write the month as YYYY-MM, e.g. 2026-03: {text}"),
    "cli_row": ("第{row}行", "row {row}"),
    "cli_written": ("{title}已生成:{path}(共 {pages} 页)",
                    "{title} written: {path} ({pages} page{s})"),
    "cli_progress_demo": ("示例学校", "Demo school"),
    "cli_progress_backup": ("备份", "Backup"),
    "cli_progress_roster": ("导入花名册", "Roster import"),
    "cli_progress_bundle": ("导出上报数据包", "Bundle export"),
    "cli_progress_bundles_in": ("导入数据包", "Bundle import"),
    "cli_school_created": ("已建立学校“{school}”,数据文件:{path}",
                           "Created the school “{school}”; data file: {path}"),
    "cli_township_key_saved": ("已保存乡镇公钥。", "The township's public key is saved."),
    "cli_demo_done": ("示例学校“{school}”已生成:{people} 人,{days} 个上学日。",
                      "Demo school “{school}” made: {people} people, {days} school days."),
    "cli_check_integrity": ("完整性:{state}", "Integrity: {state}"),
    "cli_check_sound": ("正常", "sound"),
    "cli_check_unsound": ("异常 {problems}", "damaged {problems}"),
    "cli_check_version": ("数据版本:{version}", "Schema version: {version}"),
    "cli_check_school": ("学校:{school}", "School: {school}"),
    "cli_check_no_school": ("(未建立)", "(not created yet)"),
    "cli_check_people": ("人数:{people}", "People: {people}"),
    "cli_summary_head": ("{school} {date}:{people} 人,{classes} 个班",
                         "{school} {date}: {people} people, {classes} classes"),
    "cli_summary_no_data": ("(尚无此项数据)", "(no data yet)"),
    "cli_checks_imported": ("已导入 {imported} 条,更新 {updated} 条,未变 {unchanged} 条;"
                            "日期 {days};新预警 {alerts} 条。",
                            "Imported: {imported}, updated: {updated}, unchanged: {unchanged}; "
                            "dates {days}; new alerts: {alerts}."),
    "cli_alert_line": ("{date} [{rule}] {scope}:{message}(时限:{deadline})",
                       "{date} [{rule}] {scope}: {message} (deadline: {deadline})"),
    "cli_alerts_none": ("{end} 前 {days} 天:无预警(零报告)。",
                        "{days} day(s) up to {end}: no alerts (zero report)."),
    "cli_backup_done": ("已备份到 {path}({bytes} 字节)", "Backed up to {path} ({bytes} bytes)"),
    "cli_title_daily_log": ("{date} 防控工作日志", "The daily log of {date}"),
    "cli_title_absence_tracking": ("因病缺课缺勤登记追踪表({from} 至 {to})",
                                   "The illness-absence register ({from} to {to})"),
    "cli_title_class_checks": ("晨午检登记表", "The class check form"),
    "cli_title_duty_chart": ("防控责任表", "The duty chart"),
    "cli_title_canteen_month": ("食堂从业人员晨检记录表", "The canteen staff's check record"),
    "cli_title_samples": ("食品留样记录", "The food-sample record"),
    "cli_title_disinfection": ("消毒通风记录", "The disinfection and ventilation record"),
    "cli_title_timetable": ("错峰时间表", "The staggered timetable"),
    "cli_title_township": ("{date} 乡镇防控汇总", "The township summary of {date}"),
    "cli_title_weekly": ("{title}({label})", "The weekly summary ({start} to {end})"),
    "cli_title_monthly": ("{title}({label})", "The monthly summary ({month})"),
    "cli_supply_stock": ("{name}:库存 {stock:g}{unit},", "{name}: {stock:g} {unit} in stock, "),
    "cli_supply_cover": ("可用 {days} 天", "lasts {days} days"),
    "cli_supply_unused": ("近期未使用", "not used lately"),
    "cli_supply_low": (",库存不足", ", running low"),
    "cli_supplies_none": ("尚未登记物资。", "No supplies recorded yet."),
    "cli_board_head": ("{date} 摸排:已申报 {declared}/{total},重点人员 {key_persons} 人",
                       "{date} screening: declared {declared}/{total}, key persons: "
                       "{key_persons}"),
    "cli_board_missing": (" 未申报:{names}", " not declared: {names}"),
    "cli_villages_exported": ("已导出 {villages} 个村(社区)的重点人员 {people} 人:{path}",
                              "Exported the key persons of {villages} village(s) or "
                              "communities, {people} people: {path}"),
    "cli_count_line": ("{label}:{count}", "{label}: {count}"),
    "cli_village_row": ("  第{row}行 {name} {status} {person} {class_name} {note}",
                        "  row {row} {name} {status} {person} {class_name} {note}"),
    "cli_villages_applied": ("已登记重点人员 {applied} 人。", "Key persons recorded: {applied}."),
    "cli_villages_compared_only": ("只是比对,没有写入;确认无误后加 --apply 登记已匹配的行"
                                   "(疑似行请在窗口中逐条确认)。",
                                   "Compared only, nothing written. When it looks right, add "
                                   "--apply to record the matched rows (confirm the possible "
                                   "matches one by one in the window)."),
    "cli_declarations_imported": ("已导入申报:新增 {imported} 人,更新 {updated} 人,"
                                  "新增或重新开始观察的重点人员 {key_persons} 人。",
                                  "Declarations imported: new {imported}, updated {updated}; "
                                  "key persons new or observed again: {key_persons}."),
    "cli_roster_trial": ("试导入(没有写入):", "Trial import (nothing written): "),
    "cli_roster_imported": ("已导入花名册:", "Roster imported: "),
    "cli_roster_counts": ("新增 {imported} 人,更新 {updated} 人,未变 {unchanged} 人,"
                          "跳过错误行 {invalid} 行。",
                          "new {imported}, updated {updated}, unchanged {unchanged}, "
                          "invalid rows skipped {invalid}."),
    "cli_roster_rows": ("  读取 {rows} 行;跳过 {skipped} 行(原因见下);重复行合并 {duplicates} 行。",
                        "  {rows} rows read; {skipped} skipped (why: below); {duplicates} "
                        "repeated rows merged."),
    "cli_roster_renamed": ("  改名:{old} → {new}({class_name})",
                           "  Renamed: {old} → {new} ({class_name})"),
    "cli_roster_completed": ("  补齐身份证号:{name}({class_name})",
                             "  ID number filled in: {name} ({class_name})"),
    "cli_roster_missing": ("  在校但不在本花名册中的 {count} 人(未标记离校,需要时加 --mark-left):"
                           "{names}",
                           "  {count} at school but not in this roster (not marked as left; "
                           "--mark-left does): {names}"),
    "cli_roster_left": ("  已标记离校 {count} 人:{names}", "  Marked as left ({count}): {names}"),
    "cli_roster_new_classes": ("  新建班级:{classes}", "  New classes: {classes}"),
    "cli_roster_moved": ("  {name}:{old} → {new}", "  {name}: {old} → {new}"),
    "cli_roster_warning": ("  {sheet} 第{row}行 {column}:{message}",
                           "  {sheet} row {row} {column}: {message}"),
    "cli_bundle_exported": ("已导出第 {sequence} 号上报数据包({start} 至 {end}):{path}",
                            "Exported bundle number {sequence} ({start} to {end}): {path}"),
    "cli_bundle_counts": ("  每日汇总 {days} 天,重点人员 {key_persons} 条,预警 {alerts} 条"
                          "(未结 {open}),复课证明 {clearances} 条",
                          "  day summaries: {days}, key persons: {key_persons}, alerts: "
                          "{alerts} ({open} open), return clearances: {clearances}"),
    "cli_bundle_school_key": ("  学校代码 {code},密钥指纹 {fingerprint}(乡镇凭此登记本校)",
                              "  school code {code}, key fingerprint {fingerprint} (the "
                              "township enrols the school with these)"),
    "cli_bundle_checksum": ("  校验码 {hash}(已读回核对)",
                            "  checksum {hash} (read back and checked)"),
    "cli_bundle_slip": ("  交接单:{slip}", "  hand-over slip: {slip}"),
    "cli_kept_home_line": ("{class_name} {name}:{source}({reason}),{back}{uncalled}",
                           "{class_name} {name}: {source} ({reason}), {back}{uncalled}"),
    "cli_kept_home_back": ("{date} 起可返校", "may return from {date}"),
    "cli_kept_home_no_date": ("未定返校日期", "no return date yet"),
    "cli_kept_home_uncalled": (",今日未随访", ", not called today"),
    "cli_kept_home_none": ("{date} 没有居家的学生或教职工。",
                           "On {date} no pupil or staff member is kept home."),
    "cli_class_suspended": ("已登记:{class_name} 自 {start} 停课{until}。",
                            "Recorded: {class_name} suspended from {start}{until}."),
    "cli_suspended_until": ("至 {end}", " to {end}"),
    "cli_suspended_open": ("(未定结束日期,每日提示)", " (no end date yet; reminded daily)"),
    "cli_lane_added": ("已添加通道“{lane}”。", "Added the lane “{lane}”."),
    "cli_saved": ("已保存。", "Saved."),
    "cli_window_line": ("{scope} {kind} {starts}-{ends} {lane} {people} 人",
                        "{scope} {kind} {starts}-{ends} {lane} {people} people"),
    "cli_window_over_capacity": ("{scope}{kind} {starts}-{ends}:{people} 人,{lane}在 "
                                 "{minutes} 分钟内约能检 {capacity} 人。请加开通道或拉长时段。",
                                 "{scope} {kind} {starts}-{ends}: {people} people, but {lane} "
                                 "checks about {capacity} in {minutes} minutes. Open another "
                                 "lane or make the window longer."),
    "cli_timetable_empty": ("尚未排定错峰时段。", "No staggered windows are set yet."),
    "cli_township_enrolled": ("已登记学校“{school}”(学校代码 {code},密钥指纹 {fingerprint})。"
                              "该校签名的数据包现在可以导入。",
                              "Enrolled “{school}” (school code {code}, key fingerprint "
                              "{fingerprint}). Bundles signed by its key can be imported now."),
    "cli_township_enrolled_replaced": ("原先登记的密钥已作废,只接收新密钥签名的数据包。",
                                       "The key enrolled before no longer counts; only "
                                       "bundles signed by the new key are taken."),
    "cli_township_created": ("已建立乡镇“{township}”的汇总数据文件:{path}\n"
                             "公钥已写入 {public_key}(指纹 {fingerprint}),请发给各校,"
                             "用 set-township-key 保存。",
                             "Created the township data file of “{township}”: {path}\n"
                             "The public key is in {public_key} (fingerprint {fingerprint}); "
                             "send it to the schools, who store it with set-township-key."),
    # --- township demo (township/demo.py, township demo) ---
    "township_demo_title": ("示例乡镇", "Demo township"),
    "cli_township_demo_done": ("示例乡镇“{township}”已生成:{path},{schools} 所学校,{days} 个"
                               "上学日,导入数据包 {bundles} 个(示例数据,非真实学校)。"
                               "打开窗口:main.py --db {path}",
                               "Demo township “{township}” made: {path}, {schools} schools, "
                               "{days} school days, {bundles} bundles imported (demo data, no "
                               "real school). Open its window: main.py --db {path}"),
    "cli_township_demo_missed": ("  {school} 尚未上报 {day}(上报率缺口)",
                                 "  {school} has not reported {day} yet (a gap in the "
                                 "reporting rate)"),
    "cli_township_demo_lost": ("  {school} {day} 的数据包未送达(缺号;那天的数据已随下一个"
                               "数据包补到)",
                               "  {school}: the bundle of {day} never arrived (a missing "
                               "number; the next bundle brought that day again)"),
    "township_demo_not_empty": (
        "数据文件“{path}”已经是乡镇“{township}”的汇总文件,示例乡镇只能生成到新的文件里。"
        "没有改动;请换一个文件名。",
        "The data file “{path}” already holds the township “{township}”; a demo township can "
        "only be made in a new file. Nothing was changed; choose another file name.",
    ),
    # --- households without a window (household_commands.py: household link/add-member/show) ---
    "cli_diagnosis_unclassified": (
        "{name}:已记录“{text}”。它不对应病种目录中的任何病种(未归类),程序不据此判断;"
        "请校医在窗口中从目录选择病种。",
        "{name}: “{text}” recorded. It names no disease of the catalogue (unclassified), so "
        "the program decides nothing from it; the school doctor should pick the disease in "
        "the window.",
    ),
    "cli_diagnosis_not_case": (
        "{name}:已记录“{text}”。这不是病例(阴性、排除、携带者、接触者、疫苗反应或既往史),"
        "不因此居家,也不产生预警。",
        "{name}: “{text}” recorded. It is not a case (negative, ruled out, carrier, contact, "
        "vaccine reaction or past history): no stay at home, no alert.",
    ),
    "cli_diagnosis_home": (
        "{name}:已记录“{text}”,为{disease}(病例或疑似病例),须居家,按病种目录的条件返校。",
        "{name}: “{text}” recorded, a case (or suspected case) of {disease}: the pupil stays "
        "home and returns on the catalogue's conditions.",
    ),
    "cli_diagnosis_doctor": (
        "{name}:已记录“{text}”,为{disease}(病例或疑似病例);是否居家由校医和定点医疗机构决定。",
        "{name}: “{text}” recorded, a case (or suspected case) of {disease}: the school "
        "doctor and the designated clinic decide whether the pupil stays home.",
    ),
    "cli_diagnosis_case": (
        "{name}:已记录“{text}”,为{disease}(病例或疑似病例);病种目录不要求因此居家。",
        "{name}: “{text}” recorded, a case (or suspected case) of {disease}; the catalogue "
        "does not keep the pupil home for it.",
    ),
    "household_person_unknown": (
        "没有找到“{typed}”。请写在校学生的身份证号、学籍号、姓名,或“班级:姓名”"
        "(如 二年级2班:王小明)。没有改动。",
        "Nobody called “{typed}” was found. Give the pupil's ID number, student number, name, "
        "or CLASS:NAME (e.g. 二年级2班:王小明). Nothing was changed."),
    "household_person_ambiguous": (
        "“{typed}”有 {count} 人:{candidates}。请写成“班级:姓名”或身份证号。没有改动。",
        "{count} people answer to “{typed}”: {candidates}. Write CLASS:NAME or the ID number. "
        "Nothing was changed."),
    "household_trip_without_place": (
        "写了行程日期或交通方式,却没写去过的地方:请加上 --from-area 地区。没有保存。",
        "Trip dates or transport were given without the place: add --from-area PLACE. "
        "Nothing was saved."),
    "household_exposure_without_key_person": (
        "--exposure-date 是重点人员的暴露日期:此人是重点人员请加上 --key-person,"
        "否则去掉这个日期。没有保存。",
        "--exposure-date is a key person's exposure date: add --key-person if the member is "
        "one, or leave the date out. Nothing was saved."),
    "cli_household_linked": ("已关联为同一同住家庭{name}:{pupils}。一份申报覆盖全家。",
                             "Linked into one household{name}: {pupils}. One declaration "
                             "covers them all."),
    "cli_household_named": ("“{name}”", " “{name}”"),
    "cli_household_pupil_named": ("{name}({class_name})", "{name} ({class_name})"),
    "cli_household_member_added": ("已登记{pupil}的同住成员:{relation}{name}。",
                                   "Recorded a member of {pupil}'s household: {relation} "
                                   "{name}."),
    "household_member_unknown": (
        "{pupil}的同住家庭里没有唯一一位叫“{name}”的成员(现有:{members})。没有改动。",
        "{pupil}'s household has no one member called “{name}” (it has: {members}). "
        "Nothing was changed."),
    "cli_household_member_removed": ("已从{pupil}的同住家庭中移除:{relation}{name}。",
                                     "Removed from {pupil}'s household: {relation} {name}."),
    "cli_household_still_observed": (
        "  {pupils} 因此人成为重点人员,观察不会因移除而结束;如属误录,请校医解除。",
        "  {pupils} became key persons through this person; the observation does not end "
        "with the removal. If it was a mistake, the school doctor ends it."),
    "cli_household_head": ("同住家庭{name}(编号 {id})", "Household{name} (number {id})"),
    "cli_household_none": ("{person}未登记同住家庭。", "{person} has no household recorded."),
    "cli_household_pupil": ("  在校:{pupil},{state}", "  At school: {pupil}, {state}"),
    "cli_household_observing": ("重点人员,观察至 {until}", "key person, observed until {until}"),
    "cli_household_member": ("  同住:{relation}{name} {details}",
                             "  Lives with them: {relation} {name} {details}"),
    "cli_household_no_members": ("  尚未登记同住成员。", "  No household member recorded yet."),
    "cli_household_trip": ("行程 {place} {span}", "trip {place} {span}"),
    "cli_household_arrived": ("{date} 返回", "back on {date}"),
    "cli_household_member_key": ("重点人员(暴露 {date})", "key person (exposed {date})"),
    "cli_household_exposure": ("    → 在校孩子为重点人员,{date} 起观察至 {until}:{reason}",
                               "    → the pupils are key persons, observed from {date} to "
                               "{until}: {reason}"),
    "cli_household_no_exposure": ("    → 对在校孩子无影响(未去中高风险地区,不是重点人员)",
                                  "    → nothing for the pupils (no medium- or high-risk area, "
                                  "not a key person)"),
    "county_export_nothing": (
        "{date_from} 至 {date_to} 没有任何学校上报的数据,没有写入任何文件。"
        "请先导入各校的数据包,或换一个日期范围。",
        "No school reported anything from {date_from} to {date_to}, so no file was written. "
        "Import the schools' bundles first, or choose another range.",
    ),
    "county_mapping_unreadable": (
        "读不出机构编码对照表“{path}”({detail})。没有导出任何内容。请在 Excel 中把它另存为"
        "“CSV UTF-8”,或删除它,下次导出时会重新生成。",
        "The org unit mapping “{path}” cannot be read ({detail}). Nothing was exported. Save "
        "it from Excel as “CSV UTF-8”, or delete it and the next export makes a new one.",
    ),
    "county_export_write_failed": (
        "无法写入“{path}”({detail})。没有导出任何内容。请检查文件夹是否可写、磁盘是否已满。",
        "“{path}” could not be written ({detail}). Nothing was exported. Check that the folder "
        "can be written to and the disk is not full.",
    ),
    "cli_county_export_done": (
        "已导出 {days} 个学校日({schools} 所学校,{values} 个数值)给县平台:\n{files}\n"
        "机构编码对照表:{mapping}",
        "Exported {days} school days ({schools} schools, {values} values) for the county:\n"
        "{files}\nOrg unit mapping: {mapping}",
    ),
    "cli_county_mapping_added": (
        "对照表新增学校(暂用学校代码作机构编码,请按县平台改正):{schools}",
        "Schools added to the mapping (their own code stands in for the county's; correct "
        "it): {schools}",
    ),
    # the school calendar (grid/school_calendar.py)
    "not_school_day": (
        "{day} 不是上课日({why})。没有保存。若这天确实上课(调休),请在“设置 → 校历”中把它设为"
        "调休上课日,或选择“仍然保存”。",
        "{day} is not a school day ({why}). Nothing was saved. If school was held that day "
        "(a make-up day), mark it a make-up working day in Settings → School calendar, or "
        "choose \"Save anyway\".",
    ),
    "import_off_day_kept": (
        "{day} 按校历不是上课日,这一行仍已导入。若这天调休上课,请在“设置 → 校历”中设为调休上课日。",
        "{day} is no school day in the calendar; the row was imported all the same. If school "
        "was held (a make-up day), mark it a make-up working day in Settings → School calendar.",
    ),
    "why_not_weekend": ("不是本校的上课星期", "not one of the school's weekdays"),
    "why_not_holiday": ("校历上为放假日", "a holiday in the school calendar"),
    "why_not_vacation": ("不在任何学期内", "outside every term"),
    "term_name_empty": ("请填写学期名称。", "Enter the term's name."),
    "term_ends_before_start": ("学期的最后一天早于第一天。", "The term ends before it starts."),
    "term_invalid": ("学期没有保存。请按提示修改。",
                     "The term was not saved. Correct what is shown."),
    "term_overlaps": (
        "与学期“{other}”({first} 至 {last})重叠。没有保存。请修改日期。",
        "It overlaps the term \"{other}\" ({first} to {last}). Nothing was saved. Change the "
        "dates.",
    ),
    "calendar_bad_kind": ("未知的校历日类型“{kind}”。没有保存。",
                          "Unknown kind of calendar day \"{kind}\". Nothing was saved."),
    "cli_calendar_term": ("学期 {name}:{first} 至 {last}", "Term {name}: {first} to {last}"),
    "cli_calendar_no_term": ("尚未设定学期:本校上课星期都算上课日。",
                             "No term set yet: every school weekday is a school day."),
    "cli_calendar_day": ("{day} {kind} {note}", "{day} {kind} {note}"),
    "cli_calendar_first": ("本校记录自 {day} 开始(上报乡镇从这天算起)。",
                           "The school's record starts on {day} (reports to the township "
                           "count from then)."),
    # health education and notices to parents (preparedness.py)
    "education_topic_empty": ("请填写主题或内容。没有保存。",
                              "Enter the topic or what was said. Nothing was saved."),
    "education_bad_kind": ("未知的健康教育类型“{kind}”。没有保存。",
                           "Unknown kind of health education \"{kind}\". Nothing was saved."),
    "education_unknown_class": ("没有这个班级(编号 {class_id})。没有保存。",
                                "There is no such class (number {class_id}). Nothing was saved."),
    "internal_error": (
        "程序内部出错:{detail}。没有写入不完整的数据。请把这条信息告诉技术人员。",
        "Internal error: {detail}. No partial data was written. Tell a technician this message.",
    ),
}


