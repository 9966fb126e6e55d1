"""Start 复学防控桌面: the window, or a headless command (see README and cli-contract.md).

    uv run main.py                 the window, on the default data file
    uv run main.py --demo          the window, on a generated demo school
    uv run main.py --demo-township the township console, on a generated demo township
    uv run main.py COMMAND --db F  a headless command (init, demo, check, backup, ...)
"""

import sys
import time

STARTED = time.perf_counter()


def first_word(argv: list[str]) -> str:
    """The first argument that is neither ``--lang X`` nor an option: the command, if any."""
    rest = list(argv)
    while rest and (rest[0] == "--lang" or rest[0].startswith("--lang=")):
        rest = rest[1 if "=" in rest[0] else 2:]
    return rest[0] if rest and not rest[0].startswith("-") else ""


def main(argv: list[str]) -> int:
    if first_word(argv):
        # A word first (after --lang) is a headless command; the command parser names
        # unknown ones.
        from reopen_desktop.cli.main import main as run_command

        return run_command(argv)
    from ui import start_up

    start_up.hold_collector()
    # The core before PySide6: once imported, PySide6 reads the source of every module
    # imported after it (its ``__feature__`` check, ~0.1 ms a module).
    import reopen_desktop.office.door  # noqa: F401
    from ui.app import run_window

    return run_window(argv, started=STARTED)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
