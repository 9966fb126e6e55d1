"""The user guide: every page linked, every picture made by the script, F1 finds the page."""

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from ui import help_window

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide"
LANGUAGES = ("zh", "en")
IMAGE = re.compile(r"!\[[^\]]*\]\(\.\./images/([\w-]+)\.png\)")
LINK = re.compile(r"\]\(([\w-]+)\.md\)")


def pages(language):
    return sorted(p.stem for p in (GUIDE / language).glob("*.md"))


def load_script():
    spec = importlib.util.spec_from_file_location("make_screenshots",
                                                  GUIDE / "make_screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pictures(language):
    return {name for page in (GUIDE / language).glob("*.md")
            for name in IMAGE.findall(page.read_text(encoding="utf-8"))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guide_page_is_linked_from_the_index_and_links_nowhere_missing(language):
    index = (GUIDE / language / "index.md").read_text(encoding="utf-8")
    assert set(LINK.findall(index)) == set(pages(language)) - {"index"}
    for page in (GUIDE / language).glob("*.md"):
        assert set(LINK.findall(page.read_text(encoding="utf-8"))) <= set(pages(language))


def test_both_languages_have_the_same_pages_and_pictures():
    assert pages("zh") == pages("en")
    assert pictures("zh") == pictures("en")


def test_every_task_page_has_a_picture_and_the_readme_links_the_guide():
    for page in set(pages("zh")) - {"index"}:
        assert IMAGE.search((GUIDE / "zh" / f"{page}.md").read_text(encoding="utf-8")), page
    readme = (GUIDE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "docs/guide/zh/index.md" in readme and "docs/guide/en/index.md" in readme


def test_the_script_makes_every_picture_the_guide_shows(tmp_path, qapp):
    script = load_script()
    shown = pictures("zh")
    assert shown <= set(script.SHOTS), "a picture no script shot makes would go stale"
    made = script.make_screenshots(tmp_path)
    for name in shown:
        image = QImage(str(tmp_path / f"{name}.png"))
        assert image.width() >= 500 and image.height() >= 400, name
        assert (GUIDE / "images" / f"{name}.png").exists(), f"run make_screenshots.py: {name}"
    assert len(made) == len(script.SHOTS)


def test_f1_opens_the_page_of_the_tab_in_front(main_window, qtbot):
    from ui.tabs.checks_tab import ChecksTab

    window = main_window()
    window.show_page(ChecksTab)
    window.show_help()
    shown = window.help_window.browser
    assert shown.source().toLocalFile().endswith("zh/morning-check.md")
    assert "晨检" in shown.toPlainText()
    window.help_window.close()


def test_the_guide_follows_the_window_language():
    assert help_window.page_path("gate", "en").parent.name == "en"
    assert help_window.page_path("gate", "zh").parent.name == "zh"


def test_a_program_without_its_guide_says_so_instead_of_an_empty_window(main_window, answers,
                                                                        monkeypatch, tmp_path):
    monkeypatch.setattr(help_window, "guide_dir", lambda: tmp_path)
    window = main_window()
    window.show_help()
    assert "找不到使用指南" in answers.warnings[0]


def test_f1_has_a_page_of_its_own_for_every_tab_in_both_languages(main_window):
    window = main_window()
    for _label, dotted in window.tab_classes():
        slug = help_window.page_for_class(dotted.rpartition(".")[2])
        assert slug != "index", dotted
        for language in LANGUAGES:
            assert (GUIDE / language / f"{slug}.md").exists(), (language, slug)


def test_f1_on_each_tab_opens_its_page(main_window, qtbot):
    import importlib

    window = main_window()
    for _label, dotted in window.tab_classes():
        module, _, name = dotted.rpartition(".")
        window.show_page(getattr(importlib.import_module(module), name))
        window.show_help()
        shown = window.help_window.browser.source().toLocalFile()
        assert shown.endswith(f"zh/{help_window.page_for_class(name)}.md"), (name, shown)
    window.help_window.close()


def test_escape_closes_the_guide(main_window, qtbot):
    window = main_window()
    window.show_help()
    guide = window.help_window
    with qtbot.waitExposed(guide):
        guide.show()
    guide.activateWindow()
    qtbot.keyClick(guide.browser, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_the_guide_shows_no_developer_commands():
    from reopen_desktop.cli.main import build_parser

    commands = set(build_parser()._subparsers._group_actions[0].choices)
    for language in LANGUAGES:
        for page in (GUIDE / language).glob("*.md"):
            body = page.read_text(encoding="utf-8")
            quoted = set(re.findall(r"`([^`]+)`", body))
            assert "uv run" not in body and "main.py" not in body, page
            assert not {q.split()[0] for q in quoted} & commands, (page, quoted & commands)
