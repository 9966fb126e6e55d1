"""What the headless commands print when they succeed: Chinese as always, English with
``--lang en``, and the same --json whatever the language."""

import json
import re

import pytest

from reopen_desktop.base import sentences, words
from reopen_desktop.cli import main

DAY = "2026-03-02"


def run(capsys, *argv):
    """A headless command in-process: its exit status and its prose (stderr) as lines.
    Each starts in Chinese, as a new process does."""
    words.set_language("zh")
    code = main.main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.err.splitlines()


def as_json(capsys, *argv):
    words.set_language("zh")
    assert main.main([str(arg) for arg in argv] + ["--json"]) == 0
    return json.loads(capsys.readouterr().out)


# (command, a line it prints in Chinese, the same line with --lang en); {db} is the small
# school (20 pupils, 8 staff), {tmp} the test's folder.
STORIES = {
    "init": (["init", "--school", "城关一小", "--db", "{tmp}/new.db"],
             "已建立学校“城关一小”,数据文件:{tmp}/new.db",
             "Created the school “城关一小”; data file: {tmp}/new.db"),
    "check": (["check", "--db", "{db}"], "人数:28", "People: 28"),
    "alerts": (["alerts", "--db", "{db}", "--date", DAY],
               "2026-03-02 前 1 天:无预警(零报告)。",
               "1 day(s) up to 2026-03-02: no alerts (zero report)."),
    "supplies": (["supplies", "--db", "{db}", "--date", DAY],
                 "尚未登记物资。", "No supplies recorded yet."),
    "screening board": (["screening", "board", "--db", "{db}", "--date", DAY],
                        "2026-03-02 摸排:已申报 0/28,重点人员 0 人",
                        "2026-03-02 screening: declared 0/28, key persons: 0"),
    "kept-home": (["kept-home", "--db", "{db}", "--date", DAY],
                  "2026-03-02 没有居家的学生或教职工。",
                  "On 2026-03-02 no pupil or staff member is kept home."),
    "timetable show": (["timetable", "show", "--db", "{db}"],
                       "尚未排定错峰时段。", "No staggered windows are set yet."),
    "suspend-class": (["suspend-class", "--class", "一年级1班", "--from", DAY, "--reason", "流感",
                       "--db", "{db}"],
                      "已登记:一年级1班 自 2026-03-02 停课(未定结束日期,每日提示)。",
                      "Recorded: 一年级1班 suspended from 2026-03-02 "
                      "(no end date yet; reminded daily)."),
    "timetable lane": (["timetable", "lane", "--name", "东门", "--db", "{db}"],
                       "已添加通道“东门”。", "Added the lane “东门”."),
}


def _filled(argv, school_path, tmp_path):
    return [a.format(db=school_path, tmp=tmp_path) for a in argv]


@pytest.mark.parametrize("story", sorted(STORIES))
@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_command_says_what_it_did_in_the_language_asked(story, language, school_path,
                                                          tmp_path, capsys):
    argv, chinese, english = STORIES[story]
    lang = ["--lang", "en"] if language == "en" else []
    code, lines = run(capsys, *_filled(argv, school_path, tmp_path), *lang)
    expected = (english if language == "en" else chinese).format(tmp=tmp_path)
    assert code == 0 and expected in lines


def test_a_printed_report_names_its_file_and_pages_in_either_language(school_path, tmp_path,
                                                                      capsys):
    out = tmp_path / "duty.pdf"
    _, lines = run(capsys, "report", "duty-chart", "--db", school_path, "--out", out)
    assert re.fullmatch(rf"防控责任表已生成:{re.escape(str(out))}\(共 \d+ 页\)", lines[-1])
    _, lines = run(capsys, "report", "duty-chart", "--db", school_path, "--out", out,
                   "--lang", "en")
    assert re.fullmatch(rf"The duty chart written: {re.escape(str(out))} \(\d+ pages?\)",
                        lines[-1])


def test_the_screening_board_names_the_staff_row_and_who_is_missing_in_english(
        school_path, capsys):
    _, chinese = run(capsys, "screening", "board", "--db", school_path, "--date", DAY)
    _, english = run(capsys, "screening", "board", "--db", school_path, "--date", DAY,
                     "--lang", "en")
    missing = "、".join(f"一年级1班学生{i}" for i in range(5))
    assert f"  ✗ 一年级1班 0/5 未申报:{missing}" in chinese
    assert f"  ✗ 一年级1班 0/5 not declared: {missing.replace('、', ', ')}" in english
    assert any(line.startswith("  ✗ 教职工 0/8") for line in chinese)
    assert any(line.startswith("  ✗ staff 0/8") for line in english)


def test_a_lane_too_slow_for_its_window_is_warned_in_either_language_and_json_stays(
        school_path, capsys):
    db = str(school_path)
    run(capsys, "timetable", "lane", "--name", "东门", "--per-minute", "1", "--db", db)
    window = ["timetable", "set", "--grade", "一年级", "--arrive", "07:30-07:35", "--lane", "东门",
              "--db", db]
    warned = as_json(capsys, *window)["warnings"]
    assert warned == as_json(capsys, *window, "--lang", "en")["warnings"]
    _, chinese = run(capsys, "timetable", "show", "--db", db)
    _, english = run(capsys, "timetable", "show", "--db", db, "--lang", "en")
    assert warned and warned[0] in chinese  # the prose says what --json says
    assert "一年级 arrival 07:30-07:35 东门 10 people" in english
    assert ("一年级 arrival 07:30-07:35: 10 people, but 东门 checks about 5 in 5 minutes. "
            "Open another lane or make the window longer.") in english


@pytest.mark.parametrize("argv", [["check"], ["summary", "--date", DAY],
                                  ["screening", "board", "--date", DAY],
                                  ["kept-home", "--date", DAY], ["timetable", "show"],
                                  ["alerts", "--date", DAY]])
def test_the_json_of_a_command_is_the_same_whatever_the_language(argv, school_path, capsys):
    chinese = as_json(capsys, *argv, "--db", school_path)
    assert as_json(capsys, *argv, "--db", school_path, "--lang", "en") == chinese


def test_a_badly_written_date_is_explained_in_english_with_lang_en(school_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main.main(["alerts", "--db", str(school_path), "--date", "3/2/2026", "--lang", "en"])
    assert exit_.value.code == 2
    assert "Write the date as YYYY-MM-DD, e.g. 2026-03-02: 3/2/2026" in capsys.readouterr().err


def test_every_command_sentence_has_english_that_is_not_chinese():
    chinese = re.compile(r"[\u4e00-\u9fff]")
    keys = [key for key in sentences.CATALOGUE if key.startswith("cli_")]
    assert len(keys) > 50
    assert not [key for key in keys if chinese.search(sentences.CATALOGUE[key][1])]


@pytest.mark.parametrize("report", [["duty-chart"], ["class-checks", "--class", "一年级1班"],
                                    ["daily"]])
def test_every_printed_report_says_when_no_chinese_font_was_found(report, school_path, tmp_path,
                                                                  capsys, monkeypatch):
    from reopen_desktop.reports import fonts

    monkeypatch.setattr(fonts, "find_cjk_font", lambda preferred=None: None)
    code = main.main(["report", *report, "--out", str(tmp_path / "r.pdf"), "--db",
                      str(school_path)])
    assert code == 0
    assert words.text("no_cjk_font") in capsys.readouterr().err
