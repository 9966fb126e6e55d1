"""Upward from the township: the merged school days for the county's system (DHIS2 and the like).

``export_for_county`` writes, into a folder the clerk picks, the days the schools reported
within a range in two forms a county system imports, under the data element codes the
schools' own bundles use (:mod:`reopen_desktop.bundle.daily_elements`):

- ADX (IHE QRPH Aggregate Data Exchange, namespace ``urn:ihe:qrph:adx:2015``): one
  ``group`` per school and day, period ``YYYY-MM-DD/P1D``, one ``dataValue`` per figure;
- DHIS2's long CSV of data values: ``dataelement, period (yyyyMMdd), orgunit,
  categoryoptioncombo, attributeoptioncombo, value``, to import with ``idScheme=CODE``;

with a DHIS2 metadata file (the data set, its data elements, the default category combo
they use, the schools' org unit codes) and the mapping of school codes to the county's
org unit codes. The mapping is a CSV kept beside the township data file, so the clerk
edits it once in Excel and every later export uses it; a school new to it is added with
its own code. A figure a school did not report is left out, never sent as zero.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast
from xml.etree import ElementTree

from reopen_desktop.base.words import text
from reopen_desktop.bundle.daily_elements import ADX_DATASET, ADX_NAMESPACE, ELEMENTS
from reopen_desktop.datafile.paths import program_version
from reopen_desktop.datafile.storage import DataFile, now
from reopen_desktop.errors import Problem, Refused
from reopen_desktop.township import console

MAX_VALUE = 1_000_000  # a figure beyond any school is a damaged record: left out
MAPPING_SUFFIX = "-county-orgunits.csv"
MAPPING_HEADER = ("学校代码 school_code", "学校名称 school_name",
                  "县平台机构编码 orgunit_code")
DEFAULT_COMBO = "default"  # DHIS2's category option combo without disaggregation
CSV_HEADER = ("dataelement", "period", "orgunit", "categoryoptioncombo",
              "attributeoptioncombo", "value")
_UID_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_UID_CHARACTERS = _UID_LETTERS + "0123456789"


@dataclass
class CountyExport:
    """What was written: the files, and how many school days and figures they carry."""

    files: list[Path]
    days: int
    schools: int
    values: int
    mapping: Path
    new_in_mapping: list[str] = field(default_factory=list)  # school codes added just now
    note: str = ""  # why nothing was written, when nothing was

    def as_dict(self) -> dict[str, Any]:
        return {"files": [str(f) for f in self.files], "days": self.days,
                "schools": self.schools, "values": self.values, "mapping": str(self.mapping),
                "new_in_mapping": self.new_in_mapping, "note": self.note}


@dataclass(frozen=True)
class _Day:
    school_id: str
    day: str
    values: list[tuple[str, int]]  # (data element code, value)


def mapping_path(data: DataFile) -> Path:
    """Where the school → county org unit mapping is kept: beside the township's file."""
    path = Path(data.path)
    return path.with_name(path.stem + MAPPING_SUFFIX)


def export_for_county(data: DataFile, date_from: date, date_to: date, out_dir: str | Path, *,
                      mapping: str | Path | None = None) -> CountyExport:
    """Write the ADX, the DHIS2 CSV, the metadata and the mapping of the range into
    ``out_dir`` (made when missing). Refused (nothing written) for a bad range, a folder
    that cannot be written, or a mapping file with a bad line (named by row and column); a
    range no school reported for writes nothing and says so (``note``)."""
    township = console.require_township(data)
    if date_from > date_to:
        raise Refused("bundle_bad_range", date_from=date_from.isoformat(),
                      date_to=date_to.isoformat())
    folder = Path(out_dir).absolute()
    days, names = _days(data, date_from, date_to)
    mapping_file = Path(mapping) if mapping else mapping_path(data)
    if not days:  # nothing to pass on is not an error: said, and no file written
        return CountyExport([], 0, 0, 0, mapping_file, note=text(
            "county_export_nothing", date_from=date_from.isoformat(),
            date_to=date_to.isoformat()))
    _make_folder(folder)
    held = _read_mapping(mapping_file) if mapping_file.exists() else {}
    added = [school for school in names if school not in held]
    rows = {**held, **{school: (names[school], school) for school in added}}
    codes = {school: code for school, (_name, code) in rows.items()}
    stamp = now().replace(" ", "T")
    span = f"{date_from:%Y%m%d}-{date_to:%Y%m%d}"
    files = _write_all({
        folder / f"adx_{span}.xml": adx(days, codes, stamp),
        folder / f"dhis2_datavalues_{span}.csv": dhis2_csv(days, codes),
        folder / "dhis2_metadata.json": metadata(township.name, names, codes, stamp),
        folder / "county_orgunit_mapping.csv": _mapping_csv(rows),
    })
    if added or not mapping_file.exists():  # kept for the clerk to correct, edits and all
        _write_all({mapping_file: _mapping_csv(rows)})
    return CountyExport(files, len(days), len({d.school_id for d in days}),
                        sum(len(d.values) for d in days), mapping_file, added)


def _days(data: DataFile, date_from: date, date_to: date
          ) -> tuple[list[_Day], dict[str, str]]:
    """Each school day of the range with its figures, oldest first; the schools' names."""
    names = {r["school_id"]: r["name"] for r in data.query(
        "SELECT school_id, name FROM schools ORDER BY school_id")}
    days = []
    for row in data.query(
            "SELECT school_id, day, summary FROM days WHERE deleted = 0 AND day BETWEEN ? AND ? "
            "ORDER BY day, school_id", (date_from.isoformat(), date_to.isoformat())):
        values = _values(json.loads(row["summary"]))
        if values:
            days.append(_Day(row["school_id"], row["day"], values))
    return days, names


def _values(summary: dict[str, Any]) -> list[tuple[str, int]]:
    """The day's figures as (code, count); anything but a plausible count is left out (the
    summary came from a school's bundle: checked, but not trusted to be sane)."""
    found = []
    for code, _label, get in ELEMENTS:
        try:
            value = get(summary)
        except (TypeError, AttributeError):
            continue
        if type(value) is int and 0 <= value <= MAX_VALUE:
            found.append((code, value))
    return found


# --- the mapping ------------------------------------------------------------------------------

def _read_mapping(path: Path) -> dict[str, tuple[str, str]]:
    try:
        lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise Refused("county_mapping_unreadable", path=str(path), detail=str(error)) from None
    rows: dict[str, tuple[str, str]] = {}
    problems = []
    for number, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line] + ["", "", ""]
        school, name, code = cells[:3]
        if not school:
            continue
        if not code or len(code) > 50:
            problems.append(Problem("县平台机构编码为空或过长", str(path), "", number,
                                    MAPPING_HEADER[2]))
        elif code in {c for _n, c in rows.values()}:
            problems.append(Problem(f"县平台机构编码 {code} 重复", str(path), "", number,
                                    MAPPING_HEADER[2]))
        rows[school] = (name, code)
    if problems:
        raise Refused("import_invalid", problems=problems, path=path.name, count=len(problems))
    return rows


def _mapping_csv(rows: dict[str, tuple[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(MAPPING_HEADER)
    for school, (name, code) in sorted(rows.items()):
        writer.writerow([school, name, code])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8


# --- what is written --------------------------------------------------------------------------

def adx(days: list[_Day], codes: dict[str, str], exported: str) -> bytes:
    """The ADX document: a ``group`` per school day (``dataSet``, ``orgUnit``, ``period``
    ``YYYY-MM-DD/P1D``), a ``dataValue`` per figure (``dataElement``, ``value``)."""
    root = ElementTree.Element("adx", {"xmlns": ADX_NAMESPACE, "exported": exported})
    for day in days:
        group = ElementTree.SubElement(root, "group", {
            "orgUnit": codes[day.school_id], "period": f"{day.day}/P1D",
            "dataSet": ADX_DATASET})
        for code, value in day.values:
            ElementTree.SubElement(group, "dataValue", {"dataElement": code, "value": str(value)})
    ElementTree.indent(root)
    # bytes for any encoding but "unicode" (typeshed says Any for a named encoding)
    return cast(bytes, ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def dhis2_csv(days: list[_Day], codes: dict[str, str]) -> bytes:
    """DHIS2's data value CSV: a header row, then one value a line, period ``yyyyMMdd``,
    the default category option combo and no attribute option combo."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for day in days:
        period = day.day.replace("-", "")
        for code, value in day.values:
            writer.writerow([code, period, codes[day.school_id], DEFAULT_COMBO, "", value])
    return out.getvalue().encode("utf-8")


def metadata(township: str, names: dict[str, str], codes: dict[str, str], exported: str
             ) -> bytes:
    """DHIS2 metadata (JSON) for what the data values name: the data set (daily), its data
    elements (counts, summed, the default category combo), the schools as org units under
    their county codes. Each object has a stable DHIS2-style id made from its code, so a
    second import updates instead of duplicating."""
    elements = [{"id": uid(code), "code": code, "name": f"{label} {code}"[:230],
                 "shortName": f"{label} {code}"[:50], "valueType": "INTEGER_ZERO_OR_POSITIVE",
                 "domainType": "AGGREGATE", "aggregationType": "SUM", "zeroIsSignificant": True}
                for code, label, _get in ELEMENTS]
    units = [{"id": uid(f"ou:{codes[s]}"), "code": codes[s], "name": names[s][:230],
              "shortName": names[s][:50], "openingDate": "2020-01-01"} for s in sorted(names)]
    data_set = {"id": uid(ADX_DATASET), "code": ADX_DATASET,
                "name": f"学校复学防控每日汇总 {ADX_DATASET}", "shortName": "学校防控日报",
                "periodType": "Daily",
                "dataSetElements": [{"dataElement": {"id": e["id"]}} for e in elements],
                "organisationUnits": [{"id": u["id"]} for u in units]}
    document = {
        "system": {"source": f"reopen-desktop {program_version()}", "township": township,
                   "exported": exported, "adxNamespace": ADX_NAMESPACE,
                   "categoryCombo": f"{DEFAULT_COMBO} (no disaggregation; the data values "
                                    f"name the category option combo '{DEFAULT_COMBO}')",
                   "import": "data values: idScheme=CODE; period type Daily (yyyyMMdd)"},
        "categoryCombos": [], "dataElements": elements, "dataSets": [data_set],
        "organisationUnits": units}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def uid(code: str) -> str:
    """A DHIS2 UID (11 characters, a letter first) derived from ``code``: the same code
    gives the same id in every export."""
    digest = int.from_bytes(hashlib.sha256(code.encode("utf-8")).digest(), "big")
    first, digest = _UID_LETTERS[digest % 52], digest // 52
    rest = []
    for _ in range(10):
        rest.append(_UID_CHARACTERS[digest % 62])
        digest //= 62
    return first + "".join(rest)


def _make_folder(folder: Path) -> None:
    """The output folder, made when missing (it is on the township's own PC)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Refused("county_export_write_failed", path=str(folder),
                      detail=error.strerror or str(error)) from error


def _write_all(contents: dict[Path, bytes]) -> list[Path]:
    """Write every file under a temporary name first, then rename them all: a full or
    read-only folder leaves none of them (and no half file) behind."""
    temporaries: dict[Path, Path] = {}
    try:
        for path, content in contents.items():
            handle, name = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
            temporaries[path] = Path(name)
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
    except OSError as error:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
        raise Refused("county_export_write_failed", path=str(error.filename or ""),
                      detail=error.strerror or str(error)) from error
    return list(contents)
