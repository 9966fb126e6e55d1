"""The one catalogue of user-visible core messages, in Chinese and English.

The headless commands and the window render the same text from here, so a
refusal reads the same in a terminal and in a dialog. Chinese is the default.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
_language = "zh"

# key: (Chinese, English). Placeholders use str.format names.
CATALOGUE: dict[str, tuple[str, str]] = {
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
    "internal_error": (
        "程序内部出错:{detail}。没有写入不完整的数据。请把这条信息告诉技术人员。",
        "Internal error: {detail}. No partial data was written. Tell a technician this message.",
    ),
}


def set_language(language: str) -> None:
    """Choose the language of every message rendered from now on ("zh" or "en")."""
    global _language
    _language = language if language in LANGUAGES else "zh"


def language() -> str:
    return _language


def text(key: str, language: str | None = None, **params: object) -> str:
    """The message ``key`` in ``language`` (default: the current one), filled in."""
    chinese, english = CATALOGUE[key]
    template = english if (language or _language) == "en" else chinese
    return template.format(**params)
