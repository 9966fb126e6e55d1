"""The township console's 导出给县平台: a range, a folder, the files named, the folder at hand."""

from datetime import date

from PySide6.QtCore import QDate

from tests.core.township_bundles import School
from ui import ask

from .test_township_window import WEEK, enrolled, open_township


def test_the_console_exports_the_weeks_days_for_the_county_and_names_the_files(
        qtbot, tmp_path, monkeypatch, answers):
    window, data, public = open_township(qtbot, tmp_path)
    enrolled(data, School("3601010001", "城关镇第一小学"))[0].bundle(tmp_path / "usb", public,
                                                                   WEEK)
    monkeypatch.setattr(ask, "choose_folder", lambda parent, title: str(tmp_path / "usb"))
    window.import_folder_button.click()
    window.day.setDate(QDate(2026, 3, 6))
    asked, shown = [], []
    monkeypatch.setattr(ask, "date_range", lambda parent, title, label, start, end: (
        asked.append((label, start, end)) or (start, end)))
    (tmp_path / "county").mkdir()
    monkeypatch.setattr(ask, "choose_folder", lambda parent, title: str(tmp_path / "county"))
    monkeypatch.setattr(ask, "show_folder", lambda parent, title, message, folder: shown.append(
        (message, folder)))

    window.county_button.click()

    label, start, end = asked[0]
    assert (start, end) == (date(2026, 2, 28), date(2026, 3, 6))  # the week ending on the day
    assert "township-county-orgunits.csv" in label  # where the mapping is kept, to edit
    message, folder = shown[0]
    assert folder == tmp_path / "county"
    assert "已导出 5 个学校日" in message and "adx_20260228-20260306.xml" in message
    assert "3601010001" in message  # new in the mapping: the clerk is asked to correct it
    assert sorted(p.name for p in folder.iterdir()) == [
        "adx_20260228-20260306.xml", "county_orgunit_mapping.csv",
        "dhis2_datavalues_20260228-20260306.csv", "dhis2_metadata.json"]
    data.close()


def test_an_export_with_nothing_reported_is_said_and_writes_nothing(qtbot, tmp_path,
                                                                    monkeypatch, answers):
    window, data, _public = open_township(qtbot, tmp_path)
    monkeypatch.setattr(ask, "date_range", lambda parent, title, label, start, end: (start, end))
    monkeypatch.setattr(ask, "choose_folder", lambda parent, title: str(tmp_path))
    window.county_button.click()
    assert "没有任何学校上报" in answers.warnings[0]
    assert not list(tmp_path.glob("adx_*"))
    data.close()
