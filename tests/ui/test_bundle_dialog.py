"""今日上报: one click writes the township bundle to the stick and offers the slip."""

from pathlib import Path

from reopen_desktop.bundle import export, exports, file_format
from reopen_desktop.bundle import exports as bundle_exports
from reopen_desktop.datafile import settings
from reopen_desktop.office.door import Office
from reopen_desktop.office.rooms import ExchangeRoom
from ui import ask, printing
from ui.bundle_dialog import BundleDialog
from ui.tabs.dashboard_tab import DashboardTab


def _with_township_key(data) -> bytes:
    private_pem, public_pem = file_format.new_township_key()
    with data.atomic():
        settings.put(data, "township_public_key", public_pem.decode())
    return private_pem


def test_todays_report_writes_to_the_stick_and_prints_the_slip(qtbot, school_db, answers,
                                                               monkeypatch, tmp_path):
    township_private = _with_township_key(school_db)
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr(ExchangeRoom, "removable_drives", staticmethod(lambda: [stick]))
    answers.choose = lambda items: items[0][1]  # the stick, offered first
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    assert tab.last_export.text() == "尚未上报"
    tab.report_button.click()
    dialog = tab.findChild(BundleDialog)
    record = exports.list_exports(school_db)[0]
    assert tab.last_export.text().endswith("第 1 号")
    written = Path(record.path)
    assert written.parent == stick and record.sequence == 1
    assert answers.questions[0].startswith("导出 ")
    raw = written.read_bytes()
    manifest, _ = file_format.read_manifest(raw)
    assert "days.json" in file_format.open_payload(raw, manifest, township_private)
    assert record.short_hash in dialog.hash_label.text()
    assert dialog.table.rowCount() == 1 and dialog.selected() == record
    dialog.grab().save("/tmp/bundle/dialog.png")
    slip = tmp_path / "交接单.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *args: str(slip))
    monkeypatch.setattr(printing.QDesktopServices, "openUrl", lambda url: True)
    dialog.print_button.click()
    assert slip.read_bytes().startswith(b"%PDF")


def test_todays_report_without_the_township_key_says_what_to_do(qtbot, school_db, answers):
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.report_button.click()
    assert "set-township-key" not in answers.warnings[0]
    assert "设置 → 读取乡镇公钥" in answers.warnings[0]
    assert tab.findChild(BundleDialog) is None and exports.list_exports(school_db) == []


def test_choosing_another_folder_and_cancelling_exports_nothing(qtbot, school_db, answers,
                                                                monkeypatch, tmp_path):
    _with_township_key(school_db)
    monkeypatch.setattr(ExchangeRoom, "removable_drives", staticmethod(lambda: [tmp_path]))
    answers.choose = lambda items: items[-1][1]  # 其他文件夹…
    asked = []
    monkeypatch.setattr(ask, "choose_folder", lambda parent, title: asked.append(title))
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.report_button.click()
    assert asked and exports.list_exports(school_db) == []
    assert list(tmp_path.glob("*.rdbundle")) == []


def test_the_history_lists_every_export_newest_first(qtbot, school_db, tmp_path):
    _with_township_key(school_db)
    for _ in range(2):
        export.export_bundle(school_db, *bundle_exports.next_range(school_db), tmp_path)
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.history_button.click()
    dialog = tab.findChild(BundleDialog)
    assert [dialog.table.item(row, 0).text() for row in range(2)] == ["2", "1"]
    assert dialog.print_button.isEnabled() and not hasattr(dialog, "hash_label")
