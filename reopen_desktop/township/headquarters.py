"""The township's door: what the township console's window reaches of its data file.

The same shape as the school's office (:mod:`reopen_desktop.datafile.door`): the window
holds :class:`Headquarters`, never the data file, and calls the merge, the queries and the
printed summary through it; after an import its listeners hear that the file changed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reopen_desktop.datafile import storage
from reopen_desktop.datafile.door import Door, Room, reads, writes
from reopen_desktop.datafile.storage import SYSTEM, Operator
from reopen_desktop.township import console, county_export, merge, queries
from reopen_desktop.township.schema import TOWNSHIP

if TYPE_CHECKING:
    from reopen_desktop.reports.pdf import ReportResult


class BundlesRoom(Room):
    """The township's own record and key, the schools it enrols, and their bundles merged
    into the file."""

    require_township = reads(console.require_township)
    enrolled_schools = reads(console.enrolled_schools)
    enroll_school = writes(console.enroll_school)
    normal_fingerprint = staticmethod(console.normal_fingerprint)
    grouped = staticmethod(console.grouped)
    import_bundles = writes(merge.import_bundles)
    write_public_key = staticmethod(console.write_public_key)
    summary_text = staticmethod(merge.summary_text)
    gap_texts = staticmethod(merge.gap_texts)


class FiguresRoom(Room):
    """What the console shows: who reported, the day's figures, open alerts, key persons;
    the printed summary and the export upward to the county."""

    latest_day = reads(queries.latest_day)
    reporting = reads(queries.reporting)
    day_figures = reads(queries.day_figures)
    open_alerts = reads(queries.open_alerts)
    signals = reads(queries.signals)
    signal_rule = staticmethod(queries.signal_rule)
    key_persons_by_village = reads(queries.key_persons_by_village)
    slips = reads(queries.slips)
    school_grids = reads(queries.school_grids)
    export_for_county = reads(county_export.export_for_county)  # files only, not the data file
    county_mapping_path = reads(county_export.mapping_path)

    def write_township_report(self, day: date, out: Path, **options: Any) -> ReportResult:
        """The printed summary (reportlab loads with it, the first time)."""
        from reopen_desktop.township import report

        return self._read(report.write_township_report, day, out, **options)


class Headquarters(Door):
    """An open township data file and the rooms of the township console."""

    def __init__(self, data: storage.DataFile):
        super().__init__(data)
        self.bundles = BundlesRoom(self)
        self.figures = FiguresRoom(self)

    @classmethod
    def open(cls, path: str | Path, *, operator: Operator = SYSTEM) -> Headquarters:
        """Open and lock an existing township data file (refused as storage refuses)."""
        return cls(storage.open_data_file(path, operator=operator, create=False,
                                          kind=TOWNSHIP))
