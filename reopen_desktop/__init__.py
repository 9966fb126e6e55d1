"""reopen-desktop core: storage, domain rules, import, export and reports.

This package never imports Qt; the window (``ui/``) and the headless commands
(``reopen_desktop.cli``) both call into it and render what it returns.
"""

__version__ = "0.1.0"
