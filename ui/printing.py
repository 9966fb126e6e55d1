"""Saving a printout: ask where, build the PDF (off the ui thread, with a progress
dialog when it takes more than half a second), say what went wrong, open it to print.

Every print button goes through :func:`print_pdf`, so each one asks the same way,
warns about a missing Chinese font the same way, and opens the result in the
system's PDF viewer (where the clerk prints it), or says where the file is when no
program on the PC opens PDFs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from reopen_desktop.errors import Refused
from ui import ask
from ui.run_op import run_op
from ui.translations import tr as _tr

if TYPE_CHECKING:  # reportlab is loaded when something is printed, not at start-up
    from reopen_desktop.office.records import ReportResult


def print_pdf(parent: QWidget | None, title: str, file_name: str,
              write: Callable[[Path], ReportResult]) -> ReportResult | None:
    """Ask where to save ``file_name``, build it with ``write(path)``, open it.

    Returns the result, or None when cancelled or refused (the refusal is shown).
    """
    out = ask.save_file(parent, title, str(Path.home() / file_name), _tr("PDF 文件 (*.pdf)"))
    if not out:
        return None
    try:  # off the ui thread: a month's summary of a big school takes seconds
        result = run_op(parent, _tr("正在生成 PDF…"), lambda progress: write(Path(out)))
    except Refused as error:
        ask.warn(parent, _tr("未生成"), error.message())
        return None
    for warning in result.warnings:
        ask.warn(parent, _tr("字体"), warning)
    open_pdf(parent, Path(result.path))
    return result


def open_pdf(parent: QWidget | None, path: Path) -> bool:
    """Open the PDF in the system's viewer, where the clerk prints it. When no program opens
    PDFs, say so, with the file's path and a button that opens its folder: the file is
    there to copy to a PC that prints, or to print once a viewer is installed."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    ask.show_folder(parent, _tr("没有能打开 PDF 的程序"), _tr(
        "PDF 已保存,但这台电脑上没有能打开 PDF 的程序,所以没有打开它。\n\n文件:{0}\n\n"
        "请安装一个 PDF 阅读器(例如 WPS Office、Adobe Acrobat Reader、SumatraPDF)后打开"
        "它打印,或把它复制到能打印的电脑上。").format(path), path.parent)
    return False
