import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from reopen_desktop.office.door import Office
from ui import app as app_module
from ui import ask
from ui.background import wait_for_reads
from ui.main_window import MainWindow


@pytest.fixture
def main_window(qtbot, school_db, tmp_path):
    """A factory: the main window on the seeded school (or another data file)."""

    alive = []  # PySide deletes a window Python no longer references; tests may not keep one

    def make(data=school_db):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Office(data), settings)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # shortcuts only reach an active window
            window.show()
            window.activateWindow()
        alive.append(window)
        return window

    yield make
    wait_for_reads()  # a page's read on a worker thread ends before the file is closed


@pytest.fixture(autouse=True)
def unsaved_work_is_discarded_at_teardown(monkeypatch):
    """No test may hang on the modal "save typed work?" question (a window closed at
    teardown asks it); tests that answer it use ``answers.draft``."""
    monkeypatch.setattr(ask, "save_or_discard", lambda parent, title, question: "discard",
                        raising=False)


class Answers:
    """Scripted answers to ui.ask's questions, and a record of what was said."""

    def __init__(self):
        self.draft = "discard"  # save_or_discard: "save", "discard" or None (go back)
        self.confirm = True
        self.text = None
        self.choose = None
        self.warnings: list[str] = []
        self.questions: list[str] = []


@pytest.fixture
def answers(monkeypatch):
    scripted = Answers()

    def confirm(parent, title, question, **kw):
        scripted.questions.append(question)
        return scripted.confirm

    def choose(parent, title, label, items):
        scripted.questions.append(label)
        if callable(scripted.choose):
            return scripted.choose(items)
        return scripted.choose

    def save_or_discard(parent, title, question):
        scripted.questions.append(question)
        return scripted.draft

    monkeypatch.setattr(ask, "confirm", confirm)
    monkeypatch.setattr(ask, "save_or_discard", save_or_discard, raising=False)
    monkeypatch.setattr(ask, "text", lambda parent, title, label, value="": scripted.text)
    monkeypatch.setattr(ask, "choose", choose)
    monkeypatch.setattr(ask, "warn", lambda parent, title, message: scripted.warnings.append(
        message))
    monkeypatch.setattr(ask, "inform", lambda parent, title, message: scripted.warnings.append(
        message))
    return scripted


def type_chinese(widget: QWidget, text: str) -> None:
    """Type Chinese as a clerk does: the input method commits the words into the widget.

    (QTest's key clicks only know keys on a keyboard, not characters an IME produces.)
    """
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def make_session(tmp_path, *argv):
    """The program as ``main.py ARGV`` starts it, its settings in ``tmp_path``."""
    session = app_module.Session(QApplication.instance(), app_module.parse_window_args(list(argv)),
                                 0.0)
    session.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return session


def press_ok_after(monkeypatch, dialog_class, fill):
    """The dialog's ``exec`` as a clerk uses it: ``fill(dialog)`` types, then OK is clicked
    when it is enabled. Returns the list of dialogs shown, to look at afterwards (a form
    refused stays open with its values and the reason on the field)."""
    shown = []

    def exec_(dialog):
        shown.append(dialog)
        fill(dialog)
        if dialog.ok_button.isEnabled():
            dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown
