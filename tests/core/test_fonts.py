import shutil
import subprocess
from pathlib import Path

import pytest

from reopen_desktop.base import words
from reopen_desktop.reports import fonts

FIND = fonts.find_cjk_font  # the cached finder itself, even while a story patches it out


@pytest.fixture(autouse=True)
def fresh_font_search():
    """The finder caches per process; each story starts (and leaves) it empty."""
    FIND.cache_clear()
    yield
    FIND.cache_clear()


@pytest.fixture
def system_font():
    choice = fonts.find_cjk_font()
    FIND.cache_clear()  # the story's own search must not get this answer from the cache
    if choice is None:
        pytest.skip("no Chinese TrueType font on this machine (install fonts-wqy-microhei)")
    return choice


def _fake_fc_list(monkeypatch, lines):
    def run(*args, **kwargs):
        return subprocess.CompletedProcess(args, 0, stdout="".join(lines), stderr="")
    monkeypatch.setattr(fonts.subprocess, "run", run)


def test_the_font_found_on_this_machine_embeds_and_has_chinese(system_font):
    font = fonts._load(system_font)
    assert font is not None
    assert ord("班") in font.face.charToGlyph


def test_a_cff_font_such_as_noto_sans_cjk_is_never_chosen(system_font):
    noto = sorted(Path("/usr/share/fonts").rglob("NotoSansCJK*.tt[cf]"))
    if not noto:
        pytest.skip("no Noto Sans CJK here to refuse")
    choice = fonts.find_cjk_font(str(noto[0]))
    assert choice is not None and choice.path != noto[0]


def test_a_preferred_font_that_loads_wins_over_the_system_list(system_font, monkeypatch):
    _fake_fc_list(monkeypatch, [])
    choice = fonts.find_cjk_font(str(system_font.path))
    assert choice is not None and choice.path == system_font.path


def test_a_preferred_font_that_is_missing_falls_back_and_says_so(system_font, tmp_path):
    missing = tmp_path / "gone.ttf"
    name, warnings = fonts.register_cjk_font(str(missing))
    assert name == system_font.font_name
    assert len(warnings) == 1 and str(missing) in warnings[0]


def test_wenquanyi_is_preferred_over_other_fontconfig_fonts(system_font, monkeypatch, tmp_path):
    if not system_font.family.startswith("WenQuanYi"):
        pytest.skip("needs WenQuanYi Micro Hei")
    other = tmp_path / "other.ttc"
    shutil.copy(system_font.path, other)
    _fake_fc_list(monkeypatch, [f"{other}\tSome Chinese Font\t0\n",
                                f"{system_font.path}\tWenQuanYi Micro Hei Mono\t1\n",
                                f"{system_font.path}\tWenQuanYi Micro Hei\t0\n"])
    choice = fonts.find_cjk_font()
    assert (choice.path, choice.subfont_index) == (system_font.path, 0)


def test_without_fc_list_the_search_finds_nothing_instead_of_failing(monkeypatch):
    def run(*args, **kwargs):
        raise FileNotFoundError("fc-list")
    monkeypatch.setattr(fonts.subprocess, "run", run)
    monkeypatch.setattr(fonts, "MAC_FILES", ())
    assert fonts.find_cjk_font() is None


def test_on_windows_the_first_listed_font_that_loads_is_used(system_font, monkeypatch, tmp_path):
    folder = tmp_path / "Windows" / "Fonts"
    folder.mkdir(parents=True)
    (folder / "msyh.ttc").write_bytes(b"not a font at all")
    shutil.copy(system_font.path, folder / "simsun.ttc")
    shutil.copy(system_font.path, folder / "simhei.ttf")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    choice = fonts.find_cjk_font()
    assert choice is not None and choice.path.name == "simsun.ttc"
    assert choice.family == "SimSun"


def test_without_any_chinese_font_the_builtin_song_font_is_used_with_a_warning(monkeypatch):
    monkeypatch.setattr(fonts, "find_cjk_font", lambda preferred=None: None)
    name, warnings = fonts.register_cjk_font()
    assert name == "STSong-Light"
    assert warnings == [words.text("no_cjk_font")]
