"""A realistic synthetic primary school, for trying the program, training and benchmarks.

Everything is drawn from one random generator seeded by the caller, so a seed
always gives the same school. ID numbers use the area codes 3699xx: province 36
exists, prefecture 99 does not, so every demo ID passes the ID rules and none
can be a real child's.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from reopen_desktop.base import classnames
from reopen_desktop.base.idnumber import SEQUENCES_PER_SEX, make_id
from reopen_desktop.base.pinyin import initials_of
from reopen_desktop.datafile import audit
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.demo import campus, checks, gate, households
from reopen_desktop.demo import canteen as demo_canteen
from reopen_desktop.demo import dining as demo_dining
from reopen_desktop.demo import home as demo_home
from reopen_desktop.demo import year as demo_year
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record
from reopen_desktop.progress import Progress, no_progress

SCHOOL_NAME = "示例镇中心小学(示例)"
KINDERGARTEN_NAME = "示例镇中心幼儿园(示例)"
KINDERGARTEN_CLASS_SIZE = 30
CHILDREN_PER_STAFF = 7  # two teachers and a nursery aide (保育员) to a class of about 30
TOWNSHIP = "示例镇"
HOME_AREA = "369901"  # the demo county
NEIGHBOUR_AREAS = ("369902", "369903")  # where a few pupils and many teachers were born
CLASS_SIZE = 45
MAX_GRADES = 6
PUPILS_PER_GRADE_AT_LEAST = 15  # below 6 x 15 pupils the school has fewer grades
STUDENTS_PER_STAFF = 12
MIN_STAFF = 4  # principal, vice-principal, school doctor, one teacher
BOARDING_SHARE = 0.6  # of the pupils in a boarding class, how many sleep at school
BEDS_PER_ROOM = 8
ROOMS_PER_FLOOR = 20

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
# Common surnames are much more common: weight falls with rank.
SURNAME_WEIGHTS = list(itertools.accumulate(1 / (rank + 8) for rank in range(len(SURNAMES))))
CHILD_GIVEN = {
    "男": "浩宇轩子博文俊杰睿泽航明晨鑫宏强磊斌鹏伟志豪然凯阳铭瑞嘉诚天一星海乐峰辰彬逸恒翔",
    "女": "欣怡雨萱梓涵诗琪佳静婷雪悦思妍可馨雅晴蕊瑶琳芳丽娜颖梦彤月菲语嘉若冰玉洁艺紫",
}
ADULT_GIVEN = {
    "男": "建国华军明伟平强林勇刚志海东文斌峰波辉涛兵春永胜德光金荣成新",
    "女": "丽红梅芳英霞燕玲娟萍秀琴敏静艳慧兰凤洁婷素桂翠美春玉华云",
}
VILLAGES = (
    "东关村", "西关村", "城南社区", "城北社区", "李家庄村", "王家湾村", "河口村", "新华社区",
    "石桥村", "柳树村", "大坪村", "杨柳村", "前进村", "桃园村", "南湖社区", "红旗村",
    "长岭村", "沙坪村", "白鹤村", "青山村",
)
STREETS = ("建设路", "人民路", "解放街", "新华街", "中山路", "学府路")
PHONE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
    "157", "158", "159", "166", "176", "177", "180", "182", "183", "187", "188", "189", "199",
)
SUBJECTS = ("英语教师", "科学教师", "体育教师", "音乐教师", "美术教师", "信息技术教师",
            "道德与法治教师", "语文教师", "数学教师")
DEPARTMENTS = ("教务处", "政教处", "总务处")
KINDERGARTEN_DEPARTMENTS = ("保教处", "后勤处")
CANTEEN_POST, CANTEEN_DEPARTMENT = "食堂从业人员", "食堂"
PLAN_NOTE = (
    "一校一策:校长为第一责任人,副校长为直接责任人,年级组长、班主任分级负责,"
    "形成学校、年级、班级三级防控网络。学生分年级错峰返校,校门设快检通道,落实晨午检"
    "(住宿生加晚检)和因病缺勤追踪登记;住宿生每间宿舍不超过 8 人,教室、宿舍每日通风"
    "消毒;食堂错峰分餐,从业人员每日晨检、持健康证上岗,每餐每样食品留样 48 小时。"
    "设临时观察室,发现发热等症状立即隔离观察、通知家长,并由疫情报告人按规定报告"
    "镇防控指挥部和县疾控中心。(示例数据)"
)


@dataclass(frozen=True)
class DemoResult:
    school: str
    people: int
    days: int


@dataclass(frozen=True)
class _ClassPlan:
    grade: str
    grade_index: int  # 0 for 一年级: how many years older than a first-year pupil
    number: int
    size: int
    boarding: bool


@dataclass(frozen=True)
class _StaffPlan:
    post: str
    department: str
    male_share: float
    duty: str = ""  # a school duty, "department_head", "teacher" (takes classes) or none


def fill_demo(data: DataFile, *, students: int = 600, staff: int | None = None, days: int = 5,
              seed: int = 1, progress: Progress | None = None,
              today: date | None = None, kindergarten: bool = False) -> DemoResult:
    """Fill a new, empty data file with a whole demo school in one transaction.

    The grid comes out without gaps; the fill is one audited action, not one per
    row. ``days`` school days (weekdays back from today) get daily checks with a
    planted cluster; ``days`` in the result counts the days filled. Refused when the
    file already has a school.
    """
    existing = school_record.get_school(data)
    if existing:
        raise Refused("demo_not_empty", path=str(data.path), school=existing.name)
    progress = progress or no_progress
    classes = plan_kindergarten(students) if kindergarten else plan_classes(students)
    staff_count = max(MIN_STAFF, staff or default_staff(students, kindergarten))
    staff_plan = (plan_kindergarten_staff(staff_count, len(classes)) if kindergarten
                  else plan_staff(staff_count, students, len(classes)))
    maker = _PersonMaker(random.Random(seed), today or date.today(), students)
    total = students + len(staff_plan)
    summary = (f"生成示例{'幼儿园' if kindergarten else '学校'}:{students} 名"
               f"{'幼儿' if kindergarten else '学生'},{len(staff_plan)} 名教职工,"
               f"{len(classes)} 个班")
    filled_days = 0
    with data.atomic():
        school = school_record.create_school(data,
                                             KINDERGARTEN_NAME if kindergarten else SCHOOL_NAME,
                                             is_demo=True, kindergarten=kindergarten,
                                             **_school_fields(maker))
        with audit.action(data, "fill_demo", summary, undoable=False) as act:
            class_ids = _insert_grid(data, school.id, classes)
            staff_ids = _insert_staff(data, maker, staff_plan)
            progress(len(staff_ids), total)
            _insert_duties(data, classes, class_ids, staff_plan, staff_ids,
                           KINDERGARTEN_DEPARTMENTS if kindergarten else DEPARTMENTS)
            _insert_students(data, maker, classes, class_ids, lambda done: progress(
                len(staff_ids) + done, total))
            _fill_screening(data, maker, class_ids[:2], today or date.today())
            households.fill_households(data, random.Random(seed), today or date.today(),
                                       DEMO_AREAS[0][0])
            school_days = checks.school_days(today or date.today(), days)
            cluster = "发热,手足疱疹,口腔疱疹" if kindergarten else "发热,咳嗽"
            if checks.fill_demo_checks(act, school_days, seed, cluster,
                                       suspend_cluster=True):
                filled_days = len(school_days)
                demo_home.fill_home_care(data, random.Random(seed), school_days,
                                         today or date.today(), kindergarten=kindergarten)
            gate.fill_timetable(data, random.Random(seed), school_days,
                                kindergarten=kindergarten)
            filled_days = max(filled_days, _fill_campus(data, seed, school_days, today))
            demo_canteen.fill_canteen(data, random.Random(seed), school_days,
                                      today or date.today())
            demo_canteen.fill_supplies(data, random.Random(seed), today or date.today())
            if school_days:
                demo_year.fill_year(act, random.Random(seed), today or date.today(),
                                    school_days[-1])
            demo_dining.fill_dining(data)
    return DemoResult(school=school.name, people=total, days=filled_days)


def _fill_campus(data: DataFile, seed: int, school_days: list[date], today: date | None
                 ) -> int:
    """Disinfection/ventilation records and preparedness; today is kept up to now (a past
    ``today`` to its end). Its own generator, so other fills keep their sequences."""
    at = datetime.now() if today in (None, date.today()) else datetime.combine(
        today, datetime.max.time())
    campus.fill_preparedness(data, at.date(), school_days)
    return campus.fill_campus(data, random.Random(seed), school_days, at)


def default_staff(students: int, kindergarten: bool = False) -> int:
    """Roughly one staff member per 12 pupils (per 7 children in a kindergarten), and
    never fewer than 10."""
    per = CHILDREN_PER_STAFF if kindergarten else STUDENTS_PER_STAFF
    return max(10, round(students / per))


def demo_size(people: int) -> int:
    """How many pupils make a demo school of about ``people`` people, default staff included."""
    return max(1, people * STUDENTS_PER_STAFF // (STUDENTS_PER_STAFF + 1))


def plan_classes(students: int) -> list[_ClassPlan]:
    """Grades 一年级 up, about 45 pupils a class; a tiny school has fewer grades.

    The top one or two grades board (rural pupils who live far away).
    """
    grade_count = min(MAX_GRADES, max(1, students // PUPILS_PER_GRADE_AT_LEAST))
    grade_names = classnames.grades_between("一年级", "六年级")[:grade_count]
    boarding_from = grade_count - (2 if grade_count >= 5 else 1 if grade_count >= 3 else 0)
    plans = []
    for index, (name, pupils) in enumerate(zip(grade_names, _split(students, grade_count),
                                               strict=True)):
        sizes = _split(pupils, max(1, round(pupils / CLASS_SIZE)))
        plans += [_ClassPlan(name, index, number, size, index >= boarding_from)
                  for number, size in enumerate(sizes, start=1)]
    return plans


def plan_kindergarten(children: int) -> list[_ClassPlan]:
    """小班, 中班 and 大班 (and a 托班 of the youngest in a large one), about 30 a class.

    ``grade_index`` counts back from 一年级: 大班 children start school next year.
    """
    grades = list(classnames.KINDERGARTEN_GRADES[1:])
    if children >= 20 * KINDERGARTEN_CLASS_SIZE:
        grades.insert(0, classnames.KINDERGARTEN_GRADES[0])
    plans = []
    for index, (name, count) in enumerate(zip(grades, _split(children, len(grades)),
                                              strict=True)):
        sizes = _split(count, max(1, round(count / KINDERGARTEN_CLASS_SIZE)))
        plans += [_ClassPlan(name, index - len(grades), number, size, False)
                  for number, size in enumerate(sizes, start=1)]
    return plans


def plan_kindergarten_staff(count: int, classes: int) -> list[_StaffPlan]:
    """园长, 副园长, 保健医, then a teacher per class before any nursery aide."""
    leaders = [_StaffPlan("园长", "", 0.2, "first_responsible"),
               _StaffPlan("副园长", "", 0.2, "direct_responsible"),
               _StaffPlan("保健医", "保健室", 0.1, "school_doctor")]
    others = count - len(leaders)
    kitchen = [_StaffPlan(CANTEEN_POST, CANTEEN_DEPARTMENT, 0.4)] * min(3, max(0, others - 2))
    rest = others - len(kitchen)
    teachers = max(1, min(rest, classes + max(0, rest - classes) // 2))
    aides = rest - teachers
    return (leaders + kitchen + [_StaffPlan("幼儿教师", "保教处", 0.05, "teacher")] * teachers
            + [_StaffPlan("保育员", "保教处", 0.05)] * aides)


def _split(total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` near-equal whole shares, the larger ones first."""
    share, extra = divmod(total, parts)
    return [share + (1 if i < extra else 0) for i in range(parts)]


def plan_staff(count: int, students: int, classes: int) -> list[_StaffPlan]:
    """Posts for ``count`` staff: leaders first, then canteen and gate, then teachers.

    Teachers come first in line for head-teacher duties; a small staff doubles up
    rather than leaving a class without one.
    """
    leaders = [_StaffPlan("校长", "", 0.7, "first_responsible"),
               _StaffPlan("副校长", "", 0.6, "direct_responsible"),
               _StaffPlan("校医", "卫生室", 0.3, "school_doctor")]
    canteen = [_StaffPlan(CANTEEN_POST, CANTEEN_DEPARTMENT, 0.4)] * min(6, 3 + students // 1500)
    support = canteen[:3] + [_StaffPlan("保安", "总务处", 1.0)] + canteen[3:]
    support = support[:max(0, count - len(leaders) - 1)]
    teachers = count - len(leaders) - len(support)
    heads = ([_StaffPlan(f"{d}主任", d, 0.5, "department_head") for d in DEPARTMENTS]
             if teachers >= classes + len(DEPARTMENTS) else [])
    others = teachers - len(heads)
    posts = [("语文教师", "数学教师")[i % 2] if i < classes else SUBJECTS[i % len(SUBJECTS)]
             for i in range(others)]
    return leaders + support + [_StaffPlan(p, "教务处", 0.3, "teacher") for p in posts] + heads


class _PersonMaker:
    """Names, IDs, phones and homes drawn from one seeded generator, IDs never repeated."""

    def __init__(self, rng: random.Random, today: date, students: int):
        self.rng = rng
        self.school_year = today.year if today.month >= 9 else today.year - 1
        self.villages = rng.sample(VILLAGES, min(len(VILLAGES), 10 + students // 500))
        self.used: set[str] = set()

    def surname(self) -> str:
        return self.rng.choices(SURNAMES, cum_weights=SURNAME_WEIGHTS)[0]

    def name(self, sex: str, *, adult: bool = False, surname: str = "") -> str:
        pool = (ADULT_GIVEN if adult else CHILD_GIVEN)[sex]
        length = 1 if self.rng.random() < (0.4 if adult else 0.2) else 2
        return (surname or self.surname()) + "".join(self.rng.choices(pool, k=length))

    def sex(self, male_share: float) -> str:
        return "男" if self.rng.random() < male_share else "女"

    def born_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def pupil_birth(self, grade_index: int) -> date:
        """Born in the year that starts school at six by 31 August, as the law has it."""
        entered = self.school_year - grade_index
        return self.born_between(date(entered - 7, 9, 1), date(entered - 6, 8, 31))

    def adult_birth(self) -> date:
        return self.born_between(date(self.school_year - 58, 1, 1),
                                 date(self.school_year - 23, 12, 31))

    def resident_id(self, born: date, sex: str, area: str) -> str:
        while True:
            number = make_id(area, born, self.rng.randrange(SEQUENCES_PER_SEX), sex == "男")
            if number not in self.used:
                self.used.add(number)
                return number

    def phone(self) -> str:
        return self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10 ** 8):08d}"

    def home(self) -> tuple[str, str]:
        village = self.rng.choice(self.villages)
        if village.endswith("社区"):
            street = self.rng.choice(STREETS)
            return village, f"{TOWNSHIP}{village}{street}{self.rng.randint(1, 200)}号"
        return village, f"{TOWNSHIP}{village}{self.rng.randint(1, 9)}组{self.rng.randint(1, 60)}号"

    def person(self, kind: str, sex: str, born: date, area: str, name: str) -> dict[str, Any]:
        """A people row with every column filled, so bulk inserts share one shape."""
        village, address = self.home()
        number = self.resident_id(born, sex, area)
        return {"kind": kind, "name": name, "initials": initials_of(name), "sex": sex,
                "id_type": "resident_id",
                "id_number": number, "student_no": "G" + number if kind == "student" else "",
                "birth_date": born.isoformat(), "class_id": None, "post": "", "department": "",
                "phone": self.phone(), "village": village, "address": address, "guardian": "",
                "dorm_room_id": None, "active": 1}


def _school_fields(maker: _PersonMaker) -> dict[str, str]:
    return {"township": TOWNSHIP, "code": "3699010001", "address": f"{TOWNSHIP}学府路1号",
            "liaison": f"{maker.name('男', adult=True)}(镇党委委员)",
            "instructor": f"{maker.name('女', adult=True)}(县教育局复学指导员)",
            "plan_note": PLAN_NOTE}


def _insert_grid(data: DataFile, school_id: int, classes: list[_ClassPlan]) -> list[int]:
    """Grades and classes, named exactly as the grid names them; the class ids in plan order."""
    grade_ids: dict[str, int] = {}
    class_ids = []
    for plan in classes:
        if plan.grade not in grade_ids:
            grade_ids[plan.grade] = _insert(data, "grades", {
                "school_id": school_id, "name": plan.grade,
                "position": classnames.grade_position(plan.grade)})
        class_ids.append(_insert(data, "classes", {
            "grade_id": grade_ids[plan.grade],
            "label": classnames.canonical_label(plan.number, plan.grade),
            "name": classnames.class_name(plan.grade, plan.number), "number": plan.number,
            "boarding": int(plan.boarding)}))
    return class_ids


def _insert(data: DataFile, table: str, row: dict[str, Any]) -> int:
    return int(cast(int, data.db.table(table).insert(row).last_pk))  # the new row's id


def _insert_staff(data: DataFile, maker: _PersonMaker, plans: list[_StaffPlan]) -> list[int]:
    """Staff rows in plan order; their ids come back in the same order."""
    rows = []
    for plan in plans:
        sex = maker.sex(plan.male_share)
        area = maker.rng.choice((HOME_AREA, *NEIGHBOUR_AREAS))
        row = maker.person("staff", sex, maker.adult_birth(), area, maker.name(sex, adult=True))
        rows.append({**row, "post": plan.post, "department": plan.department})
    data.db.table("people").insert_all(rows)
    ids = {r["id_number"]: r["id"] for r in data.query(
        "SELECT id, id_number FROM people WHERE kind = 'staff'")}
    return [ids[row["id_number"]] for row in rows]


def _insert_duties(data: DataFile, classes: list[_ClassPlan], class_ids: list[int],
                   plans: list[_StaffPlan], staff_ids: list[int],
                   departments: tuple[str, ...] = DEPARTMENTS) -> None:
    """Every required duty held: the school's four, a leader per grade, a head per class.

    Teachers take classes in turn (doubling up when there are few); a grade's
    leader is the head teacher of its first class, as is usual in small schools.
    """
    holders: dict[str, list[int]] = {}
    for person_id, staff_plan in zip(staff_ids, plans, strict=True):
        holders.setdefault(staff_plan.duty, []).append(person_id)
    doctor = holders["school_doctor"][0]
    rows: list[tuple[str, int, int | None, int | None, str]] = [
        (role, holders[role][0], None, None, "")
        for role in ("first_responsible", "direct_responsible", "school_doctor")]
    rows.append(("reporter", doctor, None, None, ""))  # the school doctor reports, as is usual
    teachers, heads = holders["teacher"], holders.get("department_head", [])
    for index, department in enumerate(departments):
        holder = heads[index] if heads else teachers[index % len(teachers)]
        rows.append(("department_head", holder, None, None, department))
    grade_ids = {r["name"]: r["id"] for r in data.query("SELECT name, id FROM grades")}
    for index, (plan, class_id) in enumerate(zip(classes, class_ids, strict=True)):
        teacher = teachers[index % len(teachers)]
        rows.append(("head_teacher", teacher, None, class_id, ""))
        if plan.number == 1:
            rows.append(("grade_leader", teacher, grade_ids[plan.grade], None, ""))
    data.conn.executemany("INSERT INTO duties (role, person_id, grade_id, class_id, department) "
                          "VALUES (?, ?, ?, ?, ?)", rows)


def _insert_students(data: DataFile, maker: _PersonMaker, classes: list[_ClassPlan],
                     class_ids: list[int], progress: Callable[[int], None]) -> None:
    """Pupils class by class, boarders with a dormitory room; progress after each class."""
    rooms_made = {"男": 0, "女": 0}
    done = 0
    for plan, class_id in zip(classes, class_ids, strict=True):
        rows = [_pupil(maker, plan, class_id) for _ in range(plan.size)]
        _number(rows)
        if plan.boarding:
            _assign_rooms(data, maker, class_id, rows, rooms_made)
        data.db.table("people").insert_all(rows)
        done += plan.size
        progress(done)


def _number(rows: list[dict[str, Any]]) -> None:
    """Class numbers (班内学号) by student number, as a roster lists a class; the rows keep
    their order (and so their ids, which the demo's checks are drawn by)."""
    ranked = sorted(range(len(rows)), key=lambda i: (rows[i]["student_no"], rows[i]["name"]))
    for number, index in enumerate(ranked, start=1):
        rows[index]["class_number"] = number


def _pupil(maker: _PersonMaker, plan: _ClassPlan, class_id: int) -> dict[str, Any]:
    sex = maker.sex(0.52)
    surname = maker.surname()
    area = HOME_AREA if maker.rng.random() < 0.9 else maker.rng.choice(NEIGHBOUR_AREAS)
    row = maker.person("student", sex, maker.pupil_birth(plan.grade_index), area,
                       maker.name(sex, surname=surname))
    father = maker.rng.random() < 0.6
    guardian = (maker.name("男", adult=True, surname=surname) if father
                else maker.name("女", adult=True))
    return {**row, "class_id": class_id, "guardian": guardian}


def _assign_rooms(data: DataFile, maker: _PersonMaker, class_id: int,
                  rows: list[dict[str, Any]], rooms_made: dict[str, int]) -> None:
    """Give the boarders of one class rooms of their own, boys and girls apart."""
    for sex in ("男", "女"):
        boarders = [r for r in rows if r["sex"] == sex and maker.rng.random() < BOARDING_SHARE]
        for start in range(0, len(boarders), BEDS_PER_ROOM):
            floor, number = divmod(rooms_made[sex], ROOMS_PER_FLOOR)
            rooms_made[sex] += 1
            room_id = _insert(data, "dorm_rooms", {
                "name": f"{sex}生宿舍{floor + 1}{number + 1:02d}", "class_id": class_id,
                "capacity": BEDS_PER_ROOM})
            for row in boarders[start:start + BEDS_PER_ROOM]:
                row["dorm_room_id"] = room_id


# --- screening (摸排): areas, declarations, key persons -----------------------------------

DEMO_AREAS = (("甲省乙市丙区", "high", 40, 3), ("丁省戊市", "medium", 30, 0),
              ("己省庚县", "low", 30, 0))  # name, level, from days ago, to days ago
SAFE_PLACES = ("县城", "市区", "邻县外婆家", "省城", "外省亲戚家(辛省)")
TRANSPORTS = ("自驾", "大巴", "火车", "高铁")
DECLARED_SHARE = 0.95
TRAVEL_SHARE = 0.15
RISKY_TRIP_SHARE = 0.15  # of travellers, to the high- or medium-risk area
CONTACT_SHARE = 0.004


def _fill_screening(data: DataFile, maker: _PersonMaker, complete_classes: list[int],
                    today: date) -> None:
    """High-risk areas, declarations from ~95% of people (``complete_classes`` from all) and
    the key persons the screening rule makes of them, in bulk, dated before ``today``."""
    from reopen_desktop.screening import declarations

    areas = [(name, level, (today - timedelta(days=start)).isoformat(),
              (today - timedelta(days=end)).isoformat() if end else "")
             for name, level, start, end in DEMO_AREAS]
    data.conn.executemany("INSERT INTO high_risk_areas (name, level, date_from, date_to) "
                          "VALUES (?, ?, ?, ?)", areas)
    exposed = [person_id for person_id, class_id in data.conn.execute(
        "SELECT id, class_id FROM people ORDER BY id").fetchall()
        if (class_id in complete_classes or maker.rng.random() < DECLARED_SHARE)
        and _declare_demo(data, maker, today, person_id, areas[:2])]
    for person_id in exposed:
        found = declarations.exposures(data, person_id)
        if not found:
            continue
        reason, exposure = max(found, key=lambda e: e[1])
        data.conn.execute(
            "INSERT INTO key_persons (person_id, reason, exposure_date, observe_until, source, "
            "created_at) VALUES (?, ?, ?, ?, 'screening', ?)",
            (person_id, reason, exposure, declarations.observe_until(data, exposure),
             f"{today.isoformat()} 08:00:00"))


def _declare_demo(data: DataFile, maker: _PersonMaker, today: date, person_id: int,
                  risky: list[tuple[str, str, str, str]]) -> bool:
    """One person's declaration (and trip); True when it may make a key person."""
    rng = maker.rng
    declared = today - timedelta(days=rng.randint(1, 10))
    trip = rng.random() < TRAVEL_SHARE
    contact = rng.random() < CONTACT_SHARE
    arrived = declared - timedelta(days=rng.randint(0, 12)) if trip else None
    cursor = data.conn.execute(
        "INSERT INTO declarations (person_id, declared_on, travelled, arrived_on, health, "
        "contact_key_person, last_exposure, promise_signed, source) "
        "VALUES (?, ?, ?, ?, '健康', ?, ?, ?, 'demo')",
        (person_id, declared.isoformat(), int(trip), arrived.isoformat() if arrived else "",
         int(contact), (declared - timedelta(days=2)).isoformat() if contact else "",
         int(rng.random() < 0.97)))
    risky_trip = trip and rng.random() < RISKY_TRIP_SHARE
    if trip and arrived:
        place = rng.choice(risky)[0] if risky_trip else rng.choice(SAFE_PLACES)
        data.conn.execute("INSERT INTO travels (declaration_id, place, date_from, date_to, "
                          "transport) VALUES (?, ?, ?, ?, ?)",
                          (cursor.lastrowid, place, (arrived - timedelta(days=rng.randint(3, 10))
                                                     ).isoformat(), arrived.isoformat(),
                           rng.choice(TRANSPORTS)))
    return risky_trip or contact
