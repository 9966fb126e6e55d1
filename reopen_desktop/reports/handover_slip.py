"""The hand-over slip (上报数据包交接单) that travels with the USB stick.

Paper and file must reconcile at the township: the slip carries the bundle's
sequence number, range, record counts and its short hash (the first 12 hex
digits of the file's SHA-256, in groups of four so they can be read aloud), and
the township console shows the same figures after the import. It also carries the
school's code and the fingerprint of the key that signs its bundles: the township enrols
the school from them (``township enroll``) and takes only bundles that key signed. The
sender and the receiver sign it. No personal data is printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from reopen_desktop.bundle import export, exports
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.grid import school_record
from reopen_desktop.reports.pdf import (
    CONTENT_WIDTH,
    ReportResult,
    ReportStyles,
    chinese_document,
    data_table,
    field_table,
    heading,
    para,
    signature_block,
)
from reopen_desktop.reports.school_report import build_school_report

TITLE = "上报数据包交接单"
SIGNERS = ("送交人", "接收人")
COUNT_ROWS = (("days", "每日汇总", "天"), ("key_persons", "重点人员", "条"),
              ("alerts", "预警", "条"), ("clearances", "复课证明", "条"))
FIELD_WIDTHS = [24 * mm, CONTENT_WIDTH / 2 - 24 * mm, 24 * mm, CONTENT_WIDTH / 2 - 24 * mm]


@chinese_document
def write_handover_slip(data: DataFile, export_row_id: int, out: Path, *,
                        printed_on: date | None = None) -> ReportResult:
    """Print the slip of one recorded export (``exports`` row id) to the PDF ``out``."""
    record = exports.get_export(data, export_row_id)
    school = school_record.require_school(data)
    key = Key(export.school_id(data), export.school_fingerprint(data))
    return build_school_report(
        data, Path(out), partial(_story, record, school, key), title=TITLE,
        printed_on=printed_on)


@dataclass(frozen=True)
class Key:
    """The school as the township enrols it: the code its bundles carry, its key's
    fingerprint."""

    code: str
    fingerprint: str

    @property
    def lines(self) -> list[str]:
        """The 64 hex digits in four lines of four groups of four, to read and type."""
        groups = [self.fingerprint[i:i + 4].upper() for i in range(0, len(self.fingerprint), 4)]
        return [" ".join(groups[i:i + 4]) for i in range(0, len(groups), 4)]


def _story(record: exports.ExportRecord, school: school_record.School, key: Key,
           styles: ReportStyles) -> list[Flowable]:
    story: list[Flowable] = [para(TITLE, styles.title), _fields(record, school, key, styles)]
    story += heading("一、数据包内容", styles)
    rows = [[label, f"{record.counts.get(key, 0)} {unit}"] for key, label, unit in COUNT_ROWS]
    rows.append(["其中未结预警", f"{record.open_alerts} 条"])
    story.append(data_table(styles, ["内容", "数量"], rows,
                            [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2]))
    story += heading("二、校验码", styles)
    big = ParagraphStyle("hash", parent=styles.body, fontSize=22, leading=30)
    story += [para(record.short_hash, big),
              para(f"完整 SHA-256:{record.sha256}", styles.muted)]
    story += heading("三、学校登记信息(乡镇首次接收时登记)", styles)
    mono = ParagraphStyle("fingerprint", parent=styles.body, fontSize=13, leading=18)
    story += [para(f"学校代码 {key.code} 的密钥指纹:", styles.body),
              *(para(line, mono) for line in key.lines),
              Spacer(1, 3 * mm),
              para("接收时请在乡镇控制台导入该数据包,并当面核对:序号、日期范围、各项数量和"
                   "校验码与本单一致。乡镇第一次接收本校数据包前,须凭本单登记学校代码和密钥指纹"
                   "(乡镇控制台“登记学校”);指纹与登记的不同的数据包会被拒收。"
                   "不一致或导入被拒收时,请退回学校重新导出。"
                   "本单一式两份,学校和乡镇各留一份。", styles.body)]
    story.append(signature_block(styles, SIGNERS))
    return story


def _fields(record: exports.ExportRecord, school: school_record.School, key: Key,
            styles: ReportStyles) -> Flowable:
    return field_table(styles, [
        [("学校", school.name), ("学校代码", key.code)],
        [("乡镇", school.township or "(未设置)"), ("数据包序号", f"第 {record.sequence} 号")],
        [("日期范围", f"{record.date_from} 至 {record.date_to}"),
         ("导出时间", record.exported_at)],
        [("导出人", record.operator), ("文件名", Path(record.path).name)],
    ], FIELD_WIDTHS)
