"""A demo township, filled the way a real one is: schools export bundles, the township
imports them.

Each demo school is a small school from :func:`reopen_desktop.demo.fill_demo` (its own
seed, name and code) in a temporary file; it is given the township's public key, exports
one real bundle per school day (``bundle.export_bundle``) and the township imports them
all (``merge.import_bundles``). So the console shows what real bundles give it, and a
change in the bundle or the merge shows here too. A few schools differ, so every part of
the console has something to show: the first keeps its alerts open (the others have
closed theirs), the second has not sent the last day's report (a gap in the reporting
rate) and has no 复学指导员 yet (挂钩与预案), the third lost the stick of the day before
(a missing bundle number; its next bundle, which starts at the last one's last day as
今日上报 does, brought that day again), and the last (of four or more) is a kindergarten.
The school files and the public key are removed again; the township file is marked as demo
data. Each school is enrolled with its code and key fingerprint, as a real township enrols
them from their slips.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reopen_desktop.alerts import register
from reopen_desktop.bundle import export, exports, township_key
from reopen_desktop.datafile import storage
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.demo import checks
from reopen_desktop.demo import school as demo_school
from reopen_desktop.errors import Refused
from reopen_desktop.grid import school_record
from reopen_desktop.progress import Progress, no_progress
from reopen_desktop.township import console, merge

TOWNSHIP_NAME = demo_school.TOWNSHIP  # the demo schools already say they belong to 示例镇
VILLAGE_SCHOOLS = ("东关小学", "河口小学", "石桥小学", "柳树小学", "大坪小学", "青山小学",
                   "红旗小学", "杨柳小学", "桃园小学")  # after the first, the township's central
MAX_SCHOOLS, MAX_DAYS = 20, 30
PUPILS = (200, 400)  # a few hundred pupils a school: the whole township in seconds
CHILDREN = (120, 200)
CLOSED_BY = "当日已报告镇防控指挥部和县疾控中心(示例数据)"
ALERT_SCHOOL, MISSED_SCHOOL, LOST_SCHOOL = 0, 1, 2  # which school shows what
STEP = 1000  # progress units per school, and for the import


@dataclass(frozen=True)
class DemoSchool:
    """One demo school's part: who it is and what its bundles leave out."""

    name: str
    code: str
    seed: int
    pupils: int
    kindergarten: bool = False
    keep_alerts_open: bool = False
    missed_day: date | None = None  # never exported: 未报 on that day
    lost_day: date | None = None  # exported, the stick lost: a missing number


@dataclass
class TownshipDemoResult:
    township: str
    schools: list[str]
    days: int
    bundles: int  # imported
    missed: dict[str, str] = field(default_factory=dict)  # school -> the day it missed
    lost: dict[str, str] = field(default_factory=dict)  # school -> the day whose stick was lost

    def as_dict(self) -> dict[str, Any]:
        return {"township": self.township, "schools": len(self.schools),
                "school_names": self.schools, "days": self.days, "bundles": self.bundles,
                "missed": self.missed, "lost": self.lost}


def fill_township_demo(data: DataFile, *, schools: int = 6, days: int = 5, seed: int = 1,
                       today: date | None = None,
                       progress: Progress | None = None) -> TownshipDemoResult:
    """Make ``data`` (a new township file) the demo township with ``schools`` schools that
    reported over ``days`` school days ending ``today``.

    Refused, nothing written, when the file already has a township or a count is out of
    range. The schools are made in a temporary folder that is removed afterwards.
    """
    _refuse_unless_fresh(data, schools, days)
    progress = progress or no_progress
    today = today or date.today()
    school_days = checks.school_days(today, days)
    plans = plan_schools(schools, school_days, seed)
    # A school file the system still holds (a virus scanner on Windows) must not undo the
    # finished township: what cannot be removed stays in the system's temporary folder.
    with tempfile.TemporaryDirectory(prefix="reopen-township-demo-",
                                     ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        township = console.create_township(data, TOWNSHIP_NAME, work / "township.pem",
                                           is_demo=True)
        usb, lost = work / "usb", work / "lost"
        usb.mkdir()
        lost.mkdir()
        for index, plan in enumerate(plans):
            fingerprint = _make_school(work / f"school{index + 1}.db", plan,
                                       township.public_pem, school_days, today, (usb, lost),
                                       _part(progress, index, len(plans) + 1))
            console.enroll_school(data, plan.code, fingerprint, plan.name)
        imported = merge.import_bundles(data, [usb], backup=False, today=today,
                                        progress=_part(progress, len(plans), len(plans) + 1))
    return TownshipDemoResult(
        township.name, [p.name for p in plans], len(school_days), imported.count(merge.IMPORTED),
        {p.name: p.missed_day.isoformat() for p in plans if p.missed_day},
        {p.name: p.lost_day.isoformat() for p in plans if p.lost_day})


def _refuse_unless_fresh(data: DataFile, schools: int, days: int) -> None:
    for option, value, high in (("--schools", schools, MAX_SCHOOLS), ("--days", days, MAX_DAYS)):
        if not 1 <= value <= high:
            raise Refused("bad_number", option=option, low=1, high=high, value=value)
    held = console.get_township(data)
    if held:
        raise Refused("township_demo_not_empty", path=str(data.path), township=held.name)


def plan_schools(count: int, school_days: list[date], seed: int) -> list[DemoSchool]:
    """The schools, each with its own seed and size; the roles need enough schools and days
    (two days for the gaps, so every school reported once; four schools for a kindergarten)."""
    rng = random.Random(seed)
    gap_day = school_days[-1] if len(school_days) >= 2 else None
    lost_day = school_days[-2] if len(school_days) >= 2 else None
    plans = []
    for index in range(count):
        kindergarten = count >= 4 and index == count - 1
        plans.append(DemoSchool(
            name=demo_school.KINDERGARTEN_NAME if kindergarten else _school_name(index),
            code=f"{demo_school.HOME_AREA}{index + 1:04d}", seed=seed * 1000 + index,
            pupils=rng.randint(*(CHILDREN if kindergarten else PUPILS)),
            kindergarten=kindergarten, keep_alerts_open=index == ALERT_SCHOOL,
            missed_day=gap_day if index == MISSED_SCHOOL else None,
            lost_day=lost_day if index == LOST_SCHOOL else None))
    return plans


def _school_name(index: int) -> str:
    """The central school first, then village schools named after their village."""
    if index == 0:
        return demo_school.SCHOOL_NAME
    base = VILLAGE_SCHOOLS[index - 1] if index <= len(VILLAGE_SCHOOLS) else f"第{index + 1}小学"
    return f"{base}(示例)"


def _make_school(path: Path, plan: DemoSchool, township_pem: str, school_days: list[date],
                 today: date, folders: tuple[Path, Path], progress: Progress) -> str:
    """Fill one school, give it the township's key and export its bundles day by day, each
    over the range 今日上报 takes that day (``bundle.next_range``); its key's fingerprint,
    which the township enrols it with, as a real township does from the school's slip."""
    usb, lost = folders
    with storage.open_data_file(path) as school:
        demo_school.fill_demo(school, students=plan.pupils, days=len(school_days), seed=plan.seed,
                              today=today, kindergarten=plan.kindergarten,
                              progress=lambda done, total: progress(done * 4, total * 5))
        # the school with a gap has no 复学指导员 yet either: the console lists it as lacking one
        lacking = {"instructor": ""} if plan.missed_day else {}
        school_record.update_school(school, name=plan.name, code=plan.code, **lacking)
        township_key.store_township_key(school, township_pem)
        if not plan.keep_alerts_open:
            for alert in register.list_alerts(school):
                register.close_alert(school, alert.id, "reported", CLOSED_BY)
        for number, day in enumerate(school_days, start=1):
            if day != plan.missed_day:
                start, end = exports.next_range(school, day)
                export.export_bundle(school, start, end, lost if day == plan.lost_day else usb,
                                     today=day)
            progress(4 * len(school_days) + number, 5 * len(school_days))
        return export.school_fingerprint(school)


def _part(progress: Progress, index: int, parts: int) -> Callable[[int, int], None]:
    """``progress`` for part ``index`` of ``parts`` equal parts of the whole."""
    def report(done: int, total: int) -> None:
        progress(index * STEP + (STEP * done // total if total else STEP), parts * STEP)
    return report
