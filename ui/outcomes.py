"""What a finished import says: how many rows went in, how many were skipped, and why,
said the same way wherever an import ends (the roster dialog, the first-day wizard)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reopen_desktop.errors import Problem
from reopen_desktop.office import records
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


def roster_imported(result: records.RosterResult) -> str:
    """The roster import's result: rows read; people new, updated, unchanged, renamed and
    marked as left; repeated rows imported once; and the rows skipped, each with its place."""
    said = tr("花名册已导入:读取 {0} 行,新增 {1} 人,更新 {2} 人,未变 {3} 人;跳过 {4} 行。")
    lines = [said.format(
        result.rows, result.imported, result.updated, result.unchanged,
        len({(p.sheet, p.row) for p in result.invalid}))]
    if result.renamed:
        lines.append(tr("改名 {0} 人。").format(len(result.renamed)))
    if result.duplicates:
        lines.append(tr("重复行 {0} 处,各只导入一次。").format(len(result.duplicates)))
    if result.left:
        lines.append(tr("标记离校 {0} 人。").format(result.left))
    said = "\n".join(lines)
    skipped = skipped_rows(result.invalid)
    return f"{said}\n\n{skipped}" if skipped else said
