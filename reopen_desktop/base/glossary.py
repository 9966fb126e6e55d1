"""The English of the core's short words: session names, symptoms, rule and kind labels.

The core keeps these words in Chinese (they are stored, imported and printed as written);
:func:`reopen_desktop.base.words.term` shows one in the current language. Sentences belong in
``sentences.CATALOGUE``; a word shown from a core table of labels belongs here, and
``tests/core/test_terms.py`` checks every such table is covered."""

from __future__ import annotations

TERMS: dict[str, str] = {
    # check sessions and absence (checks.SESSIONS, ABSENCE_REASONS, quick keys)
    "晨检": "morning check", "午检": "noon check", "晚检": "evening check", "校门": "gate",
    "病假": "sick leave", "事假": "personal leave", "已就诊": "seen a doctor", "诊断": "diagnosis",
    # symptoms (checks.SYMPTOMS) and the canteen's codes (canteen.CODES)
    "发热": "fever", "咳嗽": "cough", "咽痛": "sore throat", "头痛": "headache",
    "腹痛": "stomach ache", "腹泻": "diarrhoea", "呕吐": "vomiting", "皮疹": "rash",
    "黄疸": "jaundice", "结膜充血": "red eyes", "腮腺肿大": "swollen parotids",
    "乏力": "fatigue", "手足疱疹": "hand/foot blisters", "口腔疱疹": "mouth blisters",
    "其他": "other", "正常": "normal", "恶心": "nausea", "外伤": "wound", "烫伤": "burn",
    "湿疹": "eczema", "呼吸急促": "short of breath", "头晕": "dizziness",
    "剧烈腹泻": "severe diarrhoea", "剧烈呕吐": "severe vomiting",
    # symptom groups (vocabulary.SYNDROMES; 其他, 黄疸, 腮腺肿大, 结膜充血 are above)
    "呼吸道": "respiratory", "胃肠道": "gastrointestinal", "皮疹/疱疹": "rash/blisters",
    # the township's signal (township/queries.Signal): what the schools have in common
    "病种": "disease", "症状组": "symptom group",
    # alerts (alerts.RULE_LABELS, OUTCOMES)
    "聚集(1天)": "cluster (1 day)", "聚集(3天)": "cluster (3 days)",
    "法定传染病": "notifiable disease", "不明原因": "unexplained illness",
    "缺勤上升": "absences rising", "已报告": "reported",
    "已排除(凭复课证明或就诊结果)": "cleared (return clearance or doctor's result)",
    "经核实不是聚集": "checked: not a cluster",
    "已撤回:依据的检查记录已更正或撤销,不再满足规则":
        "withdrawn: the checks it rested on were corrected or undone",
    "疑似食源/水源": "suspected food or water source", "病种聚集/暴发": "disease outbreak",
    "全校": "whole school",  # an alert's scope when the person has no class or dormitory
    "因病缺勤": "absent ill",  # why a follow-up was opened (followups.FollowUp.reason_label)
    # screening (screening.LEVELS, STATE_LABELS, HEALTH_CHOICES)
    "高风险": "high risk", "中风险": "medium risk", "低风险": "low risk",
    "已排查": "screened", "重点人员": "key person", "未申报": "not declared",
    "健康": "healthy", "其他症状": "other symptoms", "教职工": "staff",
    "男": "male", "女": "female",
    # a village's list matched against the roster (villages.STATUS_LABELS)
    "已匹配": "matched", "疑似(证件号差一位)": "possible (ID one digit off)",
    "未匹配": "not matched", "有误": "invalid",
    # disinfection and ventilation (campus.KIND_LABELS, AREA_KINDS)
    "消毒": "disinfection", "通风": "ventilation", "教室": "classroom", "宿舍": "dormitory",
    "食堂": "canteen", "厕所": "toilet", "办公室": "office", "图书室": "library",
    "隔离观察室": "observation room", "校车": "school bus",
    # canteen meals (canteen.MEALS), training kinds (preparedness.TRAINING_KINDS)
    "早餐": "breakfast", "午餐": "lunch", "晚餐": "supper",
    "培训": "training", "演练": "drill",
    # kept at home (at_home.SOURCES)
    "班级停课": "class suspended", "居家观察": "home observation",
    "重点人员观察": "key person observation",
    "今日未随访": "not called today", "未定返校日期": "no return date yet",  # KEPT_HOME_FLAGS
    # where a follow-up stands (vocabulary.FOLLOW_UP_STATES)
    "无追踪": "no follow-up", "追踪中": "following up", "待复课证明": "clearance due",
    "已交复课证明": "clearance shown", "已返校": "back at school",
    # staggered arrival (arrival.KINDS)
    "到校": "arrival", "放学": "leaving",
    # the school year: TB results and outcomes (tb.screenings), cases, contact scopes
    "无": "none", "有": "yes", "无可疑症状": "no suspect symptoms",
    "有可疑症状": "suspect symptoms", "阴性": "negative", "阳性": "positive",
    "强阳性": "strong positive", "未见异常": "normal", "异常": "abnormal", "排除": "excluded",
    "潜伏感染": "latent infection", "确诊肺结核": "pulmonary TB confirmed",
    "接受预防性服药": "preventive treatment taken",
    "拒绝预防性服药": "preventive treatment declined",
    "待完成": "to finish", "转诊定点医疗机构": "refer to the TB clinic",
    "潜伏感染(留校)": "latent infection (stays in school)",
    "确诊(见病例管理)": "case (see cases)", "已排除": "excluded",
    "已复学": "back at school", "休学中": "suspended", "在校治疗": "treated in school",
    "同班师生": "classmates and teachers", "同宿舍同学": "roommates",
    "同一教学楼": "same teaching building", "同一宿舍楼层": "same dormitory floor",
    "家庭成员": "family",
    # observations (surveillance.observations), events, the line list
    "教师": "teacher", "宿管员": "dormitory keeper", "校医": "school doctor",
    "留校观察": "watched at school", "送临时观察室": "to the observation room",
    "通知家长接回": "parents fetch", "送医就诊": "to hospital",
    "停课": "class suspension", "终末消毒": "final disinfection",
    "食品留样送检": "food samples tested", "其他措施": "other measure",
    "已结案": "closed", "处置中": "in hand",
    "病例": "case", "疑似病例": "suspected case",
    "聚集性病例(未诊断)": "cluster member (no diagnosis)",
    # class epidemic reporters (preparedness.reporters)
    "合格": "passed", "不合格": "failed", "未指定": "none named", "未培训": "not trained",
    "已培训待考核": "trained, not assessed", "考核不合格": "failed the assessment",
    "考核合格": "passed",
    # a receipt's fields the school compares with its export list (bundle/receipts.py)
    "学校代码": "school code", "数据包序号": "bundle number", "数据包校验码": "bundle checksum",
    # the school calendar (school_calendar.DAY_KINDS), health education (preparedness)
    "放假": "holiday", "调休上课": "make-up school day", "按星期": "by weekday",
    "健康教育": "health education", "家长告知": "notice to parents",
}
