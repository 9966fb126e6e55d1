"""What a finished import says: how many rows went in, how many were skipped, and why,
said the same way wherever an import ends (the roster dialog, the first-day wizard)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reopen_desktop.errors import Problem
from ui.translations import join, tr

SHOWN_ROWS = 5  # the rest are in the dialog's 错误行 list and the error workbook


def skipped_rows(invalid: Sequence[Problem]) -> str:
    """``跳过 3 行(身份证号 2 行、性别 1 行):`` and the first few, each with its place
    and reason; "" when nothing was skipped."""
    if not invalid:
        return ""
    rows = {(p.sheet, p.row) for p in invalid}
    columns = Counter(p.column or tr("其他") for p in invalid)
    lines = [tr("跳过 {0} 行({1}),没有导入:").format(
        len(rows), join(tr("{0} {1} 行").format(c, n) for c, n in columns.most_common()))]
    lines += [tr("“{0}”第 {1} 行 {2}:{3}").format(p.sheet, p.row, p.column, p.message)
              for p in invalid[:SHOWN_ROWS]]
    if len(invalid) > SHOWN_ROWS:
        lines.append(tr("……其余 {0} 处见“错误行”,可保存错误表改正后再导入。").format(
            len(invalid) - SHOWN_ROWS))
    return "\n".join(lines)


def roster_imported(imported: int, updated: int, unchanged: int,
                    invalid: Sequence[Problem]) -> str:
    """The roster import's result: new, updated, unchanged, and the rows skipped."""
    said = tr("花名册已导入:新增 {0} 人,更新 {1} 人,未变 {2} 人;跳过 {3} 行。").format(
        imported, updated, unchanged, len({(p.sheet, p.row) for p in invalid}))
    skipped = skipped_rows(invalid)
    return f"{said}\n\n{skipped}" if skipped else said
