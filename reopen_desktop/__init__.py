"""reopen-desktop core: storage, domain rules, import, export and reports.

This package never imports Qt; the window (``ui/``) and the headless commands
(``reopen_desktop.cli``) both call into it and render what it returns. The version is
written once, in ``pyproject.toml``; ``datafile.paths.program_version`` reads it (About
box, bundle manifest, Windows version resource).
"""
