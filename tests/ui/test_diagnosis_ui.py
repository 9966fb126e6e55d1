"""Issue 17 in the window: the diagnosis picker (Chinese or pinyin initials), a diagnosis the
catalogue does not know asks the doctor to choose, a diagnosis on the follow-up raises its
alert at once, the catalogue in the settings, and the canteen's off-duty rule."""

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reopen_desktop import canteen
from reopen_desktop.alerts import register
from reopen_desktop.checks import class_checks
from reopen_desktop.datafile.storage import Operator
from reopen_desktop.grid import duties
from reopen_desktop.office.door import Office
from ui import colors
from ui.catalogue_dialog import AdjustDialog, CatalogueDialog
from ui.diagnosis_picker import DiagnosisDialog, DiagnosisPicker
from ui.person_file import PersonFileDialog
from ui.tabs.alerts_tab import AlertsTab
from ui.tabs.canteen_tab import CanteenTab
from ui.tabs.checks_tab import ChecksTab

from .conftest import type_chinese

DOCTOR = Operator("赵校医", "school_doctor")


def first_pupil(data, class_name="一年级1班"):
    return data.scalar("SELECT p.id FROM people p JOIN classes c ON c.id = p.class_id "
                       "WHERE c.name = ? ORDER BY p.id", (class_name,))


def test_pinyin_initials_find_the_disease_and_the_picker_says_what_follows(qtbot, school_db):
    picker = DiagnosisPicker(Office(school_db))
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.edit, "sd")
    assert picker.matches.item(0).text().startswith("水痘")
    picker.pick()
    assert picker.text() == "水痘"
    assert "须居家" in picker.reading.text() and "复课证明" in picker.reading.text()
    picker.suspected.setChecked(True)
    assert picker.text() == "疑似水痘" and "疑似病例" in picker.reading.text()


def test_a_diagnosis_that_is_no_case_is_read_as_such(qtbot, school_db):
    picker = DiagnosisPicker(Office(school_db), "乙肝病毒携带者")
    qtbot.addWidget(picker)
    assert "携带者" in picker.reading.text() and "不产生预警" in picker.reading.text()


def test_an_unclassified_diagnosis_asks_the_doctor_before_it_is_recorded(qtbot, school_db):
    dialog = DiagnosisDialog(Office(school_db), "诊断", "肚子不舒服")
    qtbot.addWidget(dialog)
    assert "未归类" in dialog.picker.reading.text()
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "仍按原文记录" in dialog._ok().text()
    type_chinese(dialog.picker.edit, "")  # typing again resets the question
    dialog.picker.edit.setText("诺如")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1 and dialog.values()["text"] == "诺如"


def test_the_check_tabs_diagnosis_entry_opens_the_picker_for_unknown_text(
        qtbot, school_db, monkeypatch):
    tab = ChecksTab(Office(school_db))
    qtbot.addWidget(tab)
    picked = []

    def choose(dialog):
        picked.append(dialog.picker.edit.text())
        dialog.picker.edit.setText("手足口病")
        return True

    monkeypatch.setattr(DiagnosisDialog, "exec", choose)
    tab.entry.setText("2bd/手上脚上起疹子")
    tab.apply_entry()
    assert picked == ["手上脚上起疹子"] and tab.rows[1].diagnosis == "手足口病"
    tab.entry.setText("3b/甲流")  # a catalogue name goes in as typed, no dialog
    tab.apply_entry()
    assert picked == ["手上脚上起疹子"] and tab.rows[2].diagnosis == "甲流"


def test_a_diagnosis_on_the_follow_up_raises_the_notifiable_alert_at_once(
        qtbot, school_db, monkeypatch):
    school_db.operator = DOCTOR
    cid = school_db.scalar("SELECT id FROM classes WHERE name = '一年级1班'")
    class_checks.save_class_checks(school_db, cid, date.today(), "morning", [
        class_checks.CheckEntry(first_pupil(school_db), absent=True, absence_reason="illness")],
        any_day=True)  # today may be a Sunday: the teacher says school was held
    tab = AlertsTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 0

    def phoned(dialog):
        dialog.picker.edit.setText("麻疹")
        dialog.onset.setText((date.today() - timedelta(days=1)).isoformat())
        return press_ok(dialog)

    monkeypatch.setattr(DiagnosisDialog, "exec", phoned)
    tab.diagnose_follow_up()
    [alert] = register.list_alerts(school_db)
    assert alert.rule == "notifiable" and "教育行政部门" in alert.message
    assert tab.model.rowCount() == 1


def test_the_person_file_records_a_diagnosis_for_a_day(qtbot, school_db, monkeypatch, answers):
    school_db.operator = DOCTOR
    pupil = first_pupil(school_db)
    dialog = PersonFileDialog(Office(school_db), pupil)
    qtbot.addWidget(dialog)

    def given(picker_dialog):
        picker_dialog.picker.edit.setText("疑似猩红热")
        return press_ok(picker_dialog)

    monkeypatch.setattr(DiagnosisDialog, "exec", given)
    dialog.record_diagnosis()
    assert [a.rule for a in register.list_alerts(school_db)] == ["notifiable"]
    assert "产生预警 1 条" in answers.warnings[-1]


def test_a_refused_diagnosis_keeps_the_dialog_open_with_what_was_typed(
        qtbot, school_db, monkeypatch, answers):
    school_db.operator = DOCTOR
    dialog = PersonFileDialog(Office(school_db), first_pupil(school_db))
    qtbot.addWidget(dialog)
    kept = {}

    def bad_onset(picker_dialog):
        picker_dialog.picker.edit.setText("麻疹")
        picker_dialog.onset.setText("2026-13-45")
        accepted = press_ok(picker_dialog)
        kept.update(open=not accepted, text=picker_dialog.picker.text())
        return accepted

    monkeypatch.setattr(DiagnosisDialog, "exec", bad_onset)
    dialog.record_diagnosis()
    assert kept == {"open": True, "text": "麻疹"}
    assert "2026-13-45" in answers.warnings[-1]
    assert register.list_alerts(school_db) == []
    assert school_db.scalar("SELECT COUNT(*) FROM diagnoses") == 0


def test_the_catalogue_in_the_settings_lists_each_line_with_its_source(qtbot, school_db):
    dialog = CatalogueDialog(Office(school_db))
    qtbot.addWidget(dialog)
    rows = dialog.catalogue.rowCount()
    assert rows > 200 and "未核实" in dialog.summary.text()
    marks = {dialog.catalogue.item(r, 4).text() for r in range(rows)}
    assert marks == {"已核实", "未核实"}
    type_chinese(dialog.filter, "水痘")
    assert 0 < dialog.catalogue.rowCount() < rows
    assert not dialog.adjust_button.isEnabled()  # a clerk looks, the doctor adjusts


def test_the_doctor_adjusts_a_norm_in_the_dialog_and_a_looser_value_cannot_be_typed(
        qtbot, school_db, monkeypatch):
    school_db.operator = DOCTOR
    dialog = CatalogueDialog(Office(school_db))
    qtbot.addWidget(dialog)
    row = next(r for r, n in enumerate(dialog.norm_lines) if n.key == "cluster_1d_size")
    dialog.norms.selectRow(row)

    def stricter(adjust):
        adjust.value.setValue(9)  # above the norm: the box keeps it at 3
        assert adjust.value.value() == 3
        adjust.value.setValue(2)
        return True

    monkeypatch.setattr(AdjustDialog, "exec", stricter)
    dialog.adjust_selected()
    assert dialog.norms.item(row, 2).text() == "2 人"
    assert dialog.norms.item(row, 2).foreground().color().name() == colors.DANGER.name()


def test_the_canteen_tab_shows_a_worker_off_duty_and_the_rule(qtbot, school_db):
    cook = duties.add_staff(school_db, "王厨师", post="食堂从业人员", department="食堂")
    canteen.set_certificate(school_db, cook, "JKZ001", None, date.today() + timedelta(days=300))
    canteen.record_check(school_db, cook, date.today(), 36.6, "3")
    tab = CanteenTab(Office(school_db))
    qtbot.addWidget(tab)
    result = tab.checks.item(0, 4).text()
    assert "暂停上岗" in result and "呕吐" in result
    assert "72小时" in tab.rule_note.text() and "GB 31654-2021" in tab.rule_note.text()
    assert tab.checks.item(0, 4).foreground().color() != Qt.GlobalColor.black


def press_ok(dialog) -> bool:
    """The doctor presses 记录: the dialog records inside OK and closes when it has."""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog.result() == QDialog.DialogCode.Accepted
