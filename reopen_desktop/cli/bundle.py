"""Headless ``export-bundle``: the township USB bundle, and its hand-over slip on request."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options
from reopen_desktop.cli import prose as cli_prose
from reopen_desktop.datafile.storage import DataFile
from reopen_desktop.errors import Refused


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-bundle", parents=[common],
        help="the township bundle: signed, encrypted, written safely and verified")
    export.add_argument("--from", dest="date_from", type=options.day, default=None,
                        help="first day (default: the last export's last day, or today)")
    export.add_argument("--to", dest="date_to", type=options.day, default=None,
                        help="last day (default: today)")
    files.output(export, "--out", files.FOLDER, required=True,
                 help="the folder, e.g. the USB stick")
    files.output(export, "--slip", files.PDF,
                 help="also print the hand-over slip (交接单) to this PDF")
    export.set_defaults(run=run_export_bundle)
    read = commands.add_parser(
        "read-receipts", parents=[common],
        help="read the township's receipts on the stick: bundles received are marked so")
    read.add_argument("folder", type=Path, metavar="DIR", help="the folder, e.g. the USB stick")
    read.set_defaults(run=run_read_receipts)


def run_read_receipts(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    """Exit 2 when any receipt was refused (forged, altered, damaged): those changed
    nothing; genuine ones beside them are taken all the same, as ``township import`` does."""
    from reopen_desktop.bundle import receipts

    with files.data_file(args, write=True) as data:
        found = receipts.read_receipts(data, args.folder)
    counted = receipts.counts(found)
    prose = _receipts_prose(found) or [_counted(counted)]
    return output.done({**counted, "receipts": [r.as_dict() for r in found]},
                       "\n".join(prose), refused=counted["refused"] > 0)


def run_export_bundle(args: argparse.Namespace, output: cli_prose.CommandOutput) -> int:
    from reopen_desktop.bundle import export as bundle_export
    from reopen_desktop.bundle import exports

    with files.data_file(args, write=True) as data:
        start, end = exports.next_range(data)
        record = bundle_export.export_bundle(
            data, args.date_from or start, args.date_to or end, args.out,
            progress=cli_prose.progress("cli_progress_bundle"))
        slip = _slip(data, record.id, args.slip) if args.slip else None
        school = {"school_id": bundle_export.school_id(data),
                  "school_fingerprint": bundle_export.school_fingerprint(data)}
    result: dict[str, Any] = {**school, "path": record.path, "sha256": record.sha256,
              "short_hash": record.short_hash,
              "sequence": record.sequence, "from": record.date_from, "to": record.date_to,
              "counts": record.counts, "open_alerts": record.open_alerts, "slip": slip}
    counts = record.counts
    prose = [text("cli_bundle_exported", sequence=record.sequence, start=record.date_from,
                  end=record.date_to, path=record.path),
             text("cli_bundle_counts", days=counts["days"], key_persons=counts["key_persons"],
                  alerts=counts["alerts"], open=record.open_alerts,
                  clearances=counts["clearances"]),
             text("cli_bundle_checksum", hash=record.short_hash),
             text("cli_bundle_school_key", code=school["school_id"],
                  fingerprint=_grouped(school["school_fingerprint"]))]
    prose += [text("cli_bundle_slip", slip=slip)] if slip else []
    result["receipts"] = [r.as_dict() for r in record.receipts]
    prose += _receipts_prose(list(record.receipts))
    return output.done(result, "\n".join(prose))


def _receipts_prose(found: list[Any]) -> list[str]:
    """A count line, then each receipt's reason but those read before (a stick collects
    them all term); nothing when the stick held no receipts."""
    from reopen_desktop.bundle import receipt_format, receipts

    if not found:
        return []
    return [_counted(receipts.counts(found)),
            *(f"    {r.reason}" for r in found if r.outcome != receipt_format.ALREADY)]


def _counted(counted: dict[str, int]) -> str:
    return text("cli_receipts_read", accepted=counted["accepted"], refused=counted["refused"],
                ignored=counted["ignored"])


def _grouped(fingerprint: str) -> str:
    return " ".join(fingerprint[i:i + 4].upper() for i in range(0, len(fingerprint), 4))


def _slip(data: DataFile, export_row_id: int, out: Path) -> str | None:
    """The slip's path; a slip that cannot be written is said, not fatal: the bundle is
    already written and recorded (reprint it from the window's export list)."""
    from reopen_desktop.reports import handover_slip

    try:
        return str(handover_slip.write_handover_slip(data, export_row_id, out).path)
    except Refused as error:
        print(error.message(), file=sys.stderr)
        return None
