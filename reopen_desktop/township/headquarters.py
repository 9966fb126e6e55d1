"""The township's door: what the township console's window reaches of its data file.

The same shape as the school's office (:mod:`reopen_desktop.datafile.door`): the window
holds :class:`Headquarters`, never the data file, and calls the merge, the queries and the
printed summary through it; after an import its listeners hear that the file changed.
"""

from __future__ import annotations

from pathlib import Path

from reopen_desktop.datafile import storage
from reopen_desktop.datafile.door import Door, Room, reads, writes
from reopen_desktop.datafile.storage import SYSTEM, Operator
from reopen_desktop.township import console, county_export, merge, queries, report
from reopen_desktop.township.schema import TOWNSHIP


class BundlesRoom(Room):
    """The township's own record and key, and the schools' bundles merged into the file."""

    require_township = reads(console.require_township)
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
    key_persons_by_village = reads(queries.key_persons_by_village)
    slips = reads(queries.slips)
    write_township_report = reads(report.write_township_report)
    export_for_county = reads(county_export.export_for_county)  # files only, not the data file
    county_mapping_path = reads(county_export.mapping_path)


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
