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


def _township_merges(school_db, tmp_path, record):
    """A township that holds this school's key enrols it and merges ``record``'s bundle."""
    from reopen_desktop.datafile import storage
    from reopen_desktop.township import console, merge
    from reopen_desktop.township.schema import TOWNSHIP

    with storage.open_data_file(tmp_path / "township.db", kind=TOWNSHIP) as township:
        console.create_township(township, "城关镇", tmp_path / "township.pem")
        with school_db.atomic():
            settings.put(school_db, "township_public_key",
                         console.require_township(township).public_pem)
        console.enroll_school(township, export.school_id(school_db),
                              export.school_fingerprint(school_db))
        bundle = export.export_bundle(school_db, *record, tmp_path / "U盘")
        merge.import_bundles(township, [Path(bundle.path)], backup=False)
    return bundle


def test_the_next_report_to_the_stick_reads_the_receipt_and_lists_the_bundle_as_received(
        qtbot, school_db, answers, monkeypatch, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    first = _township_merges(school_db, tmp_path, bundle_exports.next_range(school_db))
    monkeypatch.setattr(ExchangeRoom, "removable_drives", staticmethod(lambda: [stick]))
    answers.choose = lambda items: items[0][1]
    tab = DashboardTab(Office(school_db))
    qtbot.addWidget(tab)
    tab.report_button.click()
    dialog = tab.findChild(BundleDialog)
    said = dialog.findChildren(type(dialog.hash_label))
    assert any("已接收 1 个,拒收 0 个" in label.text() for label in said)
    column = BundleDialog.COLUMNS.index("乡镇回执")
    received = {dialog.table.item(row, 0).text(): dialog.table.item(row, column).text()
                for row in range(dialog.table.rowCount())}
    assert received["1"].startswith("已接收 20") and received["2"] == "未收到回执"
    assert exports.list_exports(school_db)[-1].export_id == first.export_id
    dialog.resize(1100, 560)
    dialog.grab().save(str(tmp_path / "received.png"))


def test_read_receipts_refuses_a_forged_one_in_red_words_and_changes_nothing(
        qtbot, school_db, answers, monkeypatch, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    first = _township_merges(school_db, tmp_path, bundle_exports.next_range(school_db))
    receipt = Path(first.path).with_name("3601010001_receipts.receipt")  # the school's receipts
    receipt.write_text(receipt.read_text("utf-8").replace('"sequence": 1', '"sequence": 2'),
                       "utf-8")
    monkeypatch.setattr(ExchangeRoom, "removable_drives", staticmethod(lambda: [stick]))
    answers.choose = lambda items: items[0][1]
    dialog = BundleDialog(Office(school_db))
    qtbot.addWidget(dialog)
    dialog.receipts_button.click()
    assert "拒收 1 个" in answers.warnings[-1] and "签名核验不通过" in answers.warnings[-1]
    column = BundleDialog.COLUMNS.index("乡镇回执")
    assert dialog.table.item(0, column).text() == "未收到回执"
    assert not exports.list_exports(school_db)[0].received
