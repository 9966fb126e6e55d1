"""文件 → 从备份恢复: the clerk picks yesterday's backup and gets it back, window open."""

from datetime import date, timedelta

from reopen_desktop.datafile import backups
from reopen_desktop.grid import school_record


def test_the_clerk_restores_an_automatic_backup_and_every_tab_shows_it(main_window, school_db,
                                                                        answers):
    backups.daily_backup(school_db.conn, school_db.path, date.today() - timedelta(days=1))
    school_record.update_school(school_db, name="改错的名字")
    window = main_window()
    window.restore_backup()
    dialog = window.restore_dialog
    assert dialog.table.rowCount() == 1
    dialog.restore_selected()
    assert school_record.require_school(school_db).name == "城关镇第一小学"
    assert any("恢复前" in said or "before-restore" in said for said in answers.warnings)
    listed = backups.list_backups(school_db.path)
    assert any(info.kind == "before-restore" for info in listed)


def test_saying_no_restores_nothing(main_window, school_db, answers):
    backups.daily_backup(school_db.conn, school_db.path, date.today() - timedelta(days=1))
    school_record.update_school(school_db, name="改过的名字")
    answers.confirm = False
    window = main_window()
    window.restore_backup()
    window.restore_dialog.restore_selected()
    assert school_record.require_school(school_db).name == "改过的名字"


def test_backing_up_by_hand_makes_a_copy_that_opens_with_the_same_people(
        main_window, school_db, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from reopen_desktop.datafile.storage import open_data_file

    window = main_window()
    out = tmp_path / "备份.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.backup_now()
    assert "已备份到" in window.statusBar().currentMessage()
    with open_data_file(out, read_only=True) as copy:
        assert copy.scalar("SELECT count(*) FROM people") == school_db.scalar(
            "SELECT count(*) FROM people") == 28
