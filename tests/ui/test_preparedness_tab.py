"""The preparedness tab's doctor on duty: it opens on the school doctor, and with no
school doctor in the grid nobody is picked for the clerk."""

from datetime import date

from reopen_desktop.grid import duties
from reopen_desktop.office.door import Office
from ui.tabs.preparedness_tab import PreparednessTab


def test_the_doctor_on_duty_opens_on_the_school_doctor(qtbot, school_db):
    duties.add_staff(school_db, "阿帮厨", post="食堂帮厨", department="食堂")
    tab = PreparednessTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.doctor.currentText().startswith("赵校医")


def test_without_a_school_doctor_nobody_is_picked_and_the_clerk_is_asked(qtbot, school_db):
    duties.add_staff(school_db, "阿帮厨", post="食堂帮厨", department="食堂")
    school_db.conn.execute("DELETE FROM duties WHERE role = 'school_doctor'")
    tab = PreparednessTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.duty_day.setDate(date(2026, 3, 2))
    assert tab.doctor.currentIndex() == -1 and tab.doctor.currentData() is None
    assert "请选择值班人员" in tab.duty_label.text()
    assert tab.doctor.itemText(0).startswith("赵校医")  # the 校医 post still comes first
