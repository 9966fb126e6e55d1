"""Printing is "write a PDF and open it": with no program that opens PDFs the clerk is told
so, with the file's path and a button to its folder, instead of nothing happening."""

from pathlib import Path

from PySide6.QtGui import QDesktopServices

from reopen_desktop.office.records import ReportResult
from ui import ask, printing


def fake_report(path: Path) -> ReportResult:
    path.write_bytes(b"%PDF-1.4\n")
    return ReportResult(path, 1, [])


def test_with_no_pdf_viewer_the_path_and_its_folder_are_offered(qtbot, tmp_path, monkeypatch):
    out = tmp_path / "日志.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *a: str(out))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # nothing opens PDFs
    shown = []
    monkeypatch.setattr(ask, "show_folder", lambda parent, title, message, folder: shown.append(
        (title, message, folder)))
    result = printing.print_pdf(None, "保存日志", "日志.pdf", fake_report)
    assert result is not None and out.exists()
    title, message, folder = shown[0]
    assert title == "没有能打开 PDF 的程序"
    assert str(out) in message and "PDF 阅读器" in message
    assert folder == tmp_path


def test_with_a_pdf_viewer_the_pdf_simply_opens(qtbot, tmp_path, monkeypatch):
    opened, shown = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(ask, "show_folder", lambda *a: shown.append(a))
    assert printing.open_pdf(None, tmp_path / "a.pdf")
    assert opened[0].toLocalFile() == str(tmp_path / "a.pdf") and not shown
