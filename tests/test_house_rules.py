"""Rules of the house that a machine can check (STYLE.md)."""

import argparse
import re
import subprocess
import sys
from pathlib import Path

from reopen_desktop.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent


def test_the_core_never_loads_qt():
    modules = sorted(p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
                     for p in (ROOT / "reopen_desktop").rglob("*.py"))
    code = "import importlib, sys\n" + "".join(
        f"importlib.import_module({m.removesuffix('.__init__')!r})\n" for m in modules
    ) + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_headless_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse has no API
    for name in commands:
        assert f"main.py {name}" in readme, f"README does not show `main.py {name}`"
    for line in ("uv run main.py", "uv run main.py --demo", "uv run pytest"):
        assert line in readme


def test_the_import_contracts_hold_imports_inside_functions_included():
    """lint-imports (pyproject.toml): Qt never in the core, the core's rooms layered, the
    township apart, no cycles, and the window through its doors."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert "KEPT" in done.stdout and "BROKEN" not in done.stdout, done.stdout[-2000:]
    assert done.returncode == 0


def test_no_sql_in_the_window():
    """The window asks the office; only the core writes SQL (STYLE.md §9)."""
    sql = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\.(query|scalar|"
                     r"execute|executemany)\(")
    found = [f"{path.relative_to(ROOT)}:{number}" for path in (ROOT / "ui").rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if sql.search(line)]
    assert found == []


def test_every_headless_command_names_the_function_that_runs_it():
    def leaves(parser, path):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]  # noqa: SLF001
        if not subs:
            yield path, parser.get_default("run")
        for action in subs:
            for name, sub in action.choices.items():
                yield from leaves(sub, f"{path} {name}".strip())

    found = dict(leaves(build_parser(), ""))
    assert len(found) >= 37
    assert not [path for path, run in found.items() if not callable(run)]


def test_the_architecture_map_names_every_room_of_the_core_and_only_those():
    """docs/architecture.md lists each package and top-level module of the core once;
    a room added or removed without the map fails here."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    mapped = set(re.findall(r"^\| `([a-z_]+)(?:/|\.py)`", text, re.M))
    mapped |= {m for m in re.findall(r"`([a-z_]+)\.py`", text.split("## The layers")[0])}
    core = ROOT / "reopen_desktop"
    rooms = {p.name for p in core.iterdir() if (p / "__init__.py").exists()}
    rooms |= {p.stem for p in core.glob("*.py") if p.stem not in ("__init__", "errors",
                                                                     "progress")}
    assert rooms <= mapped, f"not in docs/architecture.md: {sorted(rooms - mapped)}"
    assert len([p for p in core.glob("*.py") if p.stem != "__init__"]) <= 12


def test_the_layers_on_the_map_are_the_layers_the_contract_enforces():
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [c["layers"] for c in contracts["tool"]["importlinter"]["contracts"]
                if c["type"] == "layers"]
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("## The layers")[1].split("No package has")[0]
    drawn = [line.split("(")[0].strip() for line in block.splitlines() if line.startswith("    ")]
    assert drawn == [" ".join(layer.split()) for layer in layers]


def test_the_window_starts_without_the_heavy_libraries_or_the_disease_catalogue():
    """The office door is what the window imports at start; the printers' reportlab, the
    roster's pypinyin, the bundle's cryptography and the catalogue (TOML, ~25 ms) load when
    first used, so a clerk who opens the program to type a check never waits for them."""
    code = ("import sys, reopen_desktop.office.door\n"
            "print(sorted({m.split('.')[0] if not m.startswith('reopen_desktop') else m "
            "for m in sys.modules if m.startswith(('reportlab', 'pypinyin', 'cryptography', "
            "'reopen_desktop.diseases'))}))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=ROOT, check=True)
    assert found.stdout.strip() == "[]"


def test_each_record_read_with_its_tab_is_read_by_the_function_named_for_it():
    """office/records.py reads the records of lazily loaded tabs by name; the list of which
    function gives which name must match what each function returns."""
    from reopen_desktop.office import records

    readers = set(records.WITH_THEIR_TABS.values())
    given = {name: read for read in readers for name in read()}
    assert given == records.WITH_THEIR_TABS
    assert set(given) <= set(records.__all__)
