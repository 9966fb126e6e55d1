"""The window speaks Chinese and English completely: every string a user can see goes
through Qt's translation, both .ts files know every one of them, English is written for
all, and the compiled .qm files are the ones the .ts files make."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("i18n_build", ROOT / "resources/i18n/build.py")
build = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = build  # dataclasses look their module up
spec.loader.exec_module(build)

FIX = f"run `{build.COMMAND}` and translate what it lists in resources/i18n/reopen_desktop_en.ts"
CHINESE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
# Calls that carry a string to the reader's language (a Column holds its English twin).
MARKS = {"tr", "_tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP", "Column"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def listed(messages) -> str:
    return "\n".join(f"  [{m.context}] {m.source}" for m in messages[:25])


@pytest.mark.parametrize("locale", build.LOCALES)
def test_every_string_has_a_finished_translation(locale):
    missing = build.untranslated(locale)
    assert not missing, f"{len(missing)} strings lack a {locale} translation ({FIX}):\n" \
        + listed(missing)


def test_the_translation_files_know_every_string_of_the_sources(tmp_path):
    for locale in build.LOCALES:
        copy = build.ts_path(locale, tmp_path)
        shutil.copy(build.ts_path(locale), copy)
        build.lupdate(copy, locale)
        fresh = {(m.context, m.source) for m in build.read_messages(copy)}
        kept = {(m.context, m.source) for m in build.read_messages(build.ts_path(locale))}
        assert fresh == kept, (
            f"reopen_desktop_{locale}.ts is not current with the sources ({FIX}).\n"
            f"new: {sorted(fresh - kept)[:20]}\ngone: {sorted(kept - fresh)[:20]}")


def test_the_compiled_files_are_the_ones_the_sources_make(tmp_path):
    for locale in build.LOCALES:
        made = build.qm_path(locale, tmp_path)
        build.lrelease(build.ts_path(locale), made)
        assert made.read_bytes() == build.qm_path(locale).read_bytes(), \
            f"reopen_desktop_{locale}.qm is stale: {FIX}"


def test_english_keeps_every_placeholder_and_shortcut():
    wrong = [m for m in build.read_messages(build.ts_path("en"))
             if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translation))
             or ("&" in m.source.replace("&&", "")) != ("&" in m.translation.replace("&&", ""))]
    assert not wrong, "English loses a {0} placeholder or an &shortcut:\n" + "\n".join(
        f"  [{m.context}] {m.source} -> {m.translation}" for m in wrong[:25])


def test_english_shortcuts_sit_in_the_word_not_in_a_chinese_style_suffix():
    """"At home (&J)" is how Chinese marks a key; English underlines a letter of the word."""
    suffixed = [m for m in build.read_messages(build.ts_path("en"))
                if re.search(r"\(&\w\)", m.translation)]
    assert not suffixed, "English with a (&X) suffix:\n" + "\n".join(
        f"  [{m.context}] {m.translation}" for m in suffixed[:25])


def test_english_is_not_the_chinese_copied():
    """Chinese may stay inside English where it is data (e.g. 王丽, the 错误说明 column)."""
    copied = [m for m in build.read_messages(build.ts_path("en"))
              if CHINESE.search(m.source) and m.translation.strip() == m.source.strip()]
    assert not copied, "English that is the Chinese source copied:\n" + listed(copied)


def test_every_context_is_one_the_code_translates_in():
    """A bare tr() files under ""; self.tr under its class. lupdate's Python reader can
    mistake a context (e.g. "QCoreApplication.self"), and then the string never shows."""
    odd = {m.context for m in build.read_messages(build.ts_path("en"))
           if m.context and not m.context.isidentifier()}
    assert not odd, f"strings filed under a context no code uses: {odd}"


def untranslated_literals(path: Path) -> list[str]:
    """Chinese literals that no tr()/translate()/QT_*_NOOP() call carries."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    carried: set[int] = set()
    for node in ast.walk(tree):
        name = getattr(getattr(node, "func", None), "attr", None) or getattr(
            getattr(node, "func", None), "id", None)
        if isinstance(node, ast.Call) and name in MARKS:
            carried.update(id(sub) for arg in node.args for sub in ast.walk(arg))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body \
                and isinstance(node.body[0], ast.Expr):
            carried.add(id(node.body[0].value))  # docstrings
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and CHINESE.search(node.value) and id(node) not in carried:
            near = lines[max(0, node.lineno - 2):node.lineno]
            if not any("# i18n:" in line for line in near):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_no_chinese_text_in_the_window_escapes_translation():
    """A data value (a grade name, a parsed separator) is marked ``# i18n: why`` on its line
    or the line above; everything else a user reads goes through self.tr("…")."""
    found = [hit for path in build.source_files() for hit in untranslated_literals(path)]
    assert not found, "wrap these in self.tr(\"…\") (or QT_TRANSLATE_NOOP for constants), " \
        f"then {FIX}:\n" + "\n".join(found)


def test_every_translate_helper_looks_where_lupdate_files_its_strings():
    """A helper ``_tr(text)`` is read by lupdate as a bare tr(): its strings are filed under
    the empty context, so the helper must translate in that context, or they never show."""
    wrong = []
    for path in build.source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            body = getattr(node, "body", None)
            if not isinstance(node, ast.FunctionDef) or len(body) != 1 \
                    or not isinstance(body[0], ast.Return):
                continue
            call = body[0].value
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" \
                    and isinstance(call.args[0], ast.Constant) and call.args[0].value != "":
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not wrong, "a tr helper must translate(\"\", text) (or use ui.translations.tr): " \
        + ", ".join(wrong)
