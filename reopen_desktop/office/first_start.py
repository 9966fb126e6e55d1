"""The first start: a new school set up in one action from the first-start wizard's plan."""

from __future__ import annotations

from reopen_desktop.bundle import township_key
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import classes, school_record


def set_up_school(data: DataFile, *, name: str, township: str = "", code: str = "",
                  kindergarten: bool = False, grades: list[str], classes_per_grade: int,
                  boarding: bool = False, township_pem: str = "") -> school_record.School:
    """The school, its grades and classes, and the township's key, written together: a
    refusal of any part (a bad class count, a key that is no key) writes nothing."""
    with data.atomic():
        school_record.create_school(data, name, township=township, code=code,
                                    kindergarten=kindergarten)
        classes.add_grades_in_bulk(data, grades, classes_per_grade, boarding=boarding)
        if township_pem:
            township_key.store_township_key(data, township_pem)
    return school_record.require_school(data)
