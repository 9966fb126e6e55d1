"""The headless township commands (cli-contract.md):
``township init|enroll|import|report|export|demo``.

Added to the parser by ``cli.main``; same rules as every command (exit 0/2/1,
``--json``, Chinese unless ``--lang en``). ``import`` exits 2 when any bundle was
refused, after importing the good ones: each refused bundle changed nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reopen_desktop.base.words import text
from reopen_desktop.cli import files, options, prose
from reopen_desktop.township.schema import TOWNSHIP


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    township = commands.add_parser("township", help="the township console (乡镇汇总)")
    kinds = township.add_subparsers(dest="kind", required=True)
    init = kinds.add_parser("init", parents=[common],
                            help="create a township data file and its key pair")
    init.add_argument("--township", required=True)
    files.output(init, "--public-key-out", files.KEY, required=True,
                 help="where to write the public key the schools need (.pem)")
    files.creates(init)
    init.set_defaults(run=run_init)
    enroll = kinds.add_parser("enroll", parents=[common],
                              help="enrol a school: its code and key fingerprint (from its slip)")
    enroll.add_argument("--code", required=True, help="the school code on its hand-over slip")
    enroll.add_argument("--fingerprint", required=True,
                        help="the key fingerprint on its slip (64 hex digits, spaces allowed)")
    enroll.add_argument("--name", default="", help="the school's name (else its bundles say)")
    enroll.add_argument("--replace", action="store_true",
                        help="the school has a new key: the one enrolled before stops counting")
    enroll.set_defaults(run=run_enroll)
    merge = kinds.add_parser("import", parents=[common],
                             help="merge school bundles (files or folders)")
    merge.add_argument("bundles", type=Path, nargs="+", metavar="BUNDLE_OR_DIR")
    merge.set_defaults(run=run_import)
    report = kinds.add_parser("report", parents=[common],
                              help="the township summary across schools (PDF)")
    report.add_argument("--date", type=options.day, default=None)
    files.output(report, "--out", files.PDF, required=True)
    report.set_defaults(run=run_report)
    county = kinds.add_parser("export", parents=[common],
                              help="the merged school days as ADX and DHIS2 CSV, with metadata")
    county.add_argument("--from", dest="date_from", type=options.day, required=True)
    county.add_argument("--to", dest="date_to", type=options.day, required=True)
    files.output(county, "--out", files.FOLDER, required=True, help="an existing folder")
    county.add_argument("--mapping", type=Path, default=None,
                        help="school code → county org unit code (CSV; default: beside --db)")
    county.set_defaults(run=run_county_export)
    demo = kinds.add_parser("demo", parents=[common],
                            help="a new township file filled with demo schools' bundles")
    demo.add_argument("--schools", type=int, default=6)
    demo.add_argument("--days", type=int, default=5)
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(run=run_demo)
    files.creates(demo)


def run_init(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from reopen_desktop.township import console

    with files.data_file(args, kind=TOWNSHIP) as data:
        township = console.create_township(data, args.township, args.public_key_out)
    return output.done(
        {"township": township.name, "fingerprint": township.fingerprint,
         "public_key": str(args.public_key_out), "path": str(args.db)},
        text("cli_township_created", township=township.name, path=args.db,
             public_key=args.public_key_out, fingerprint=township.short_fingerprint))


def run_enroll(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from reopen_desktop.township import console

    with files.data_file(args, write=True, kind=TOWNSHIP) as data:
        school = console.enroll_school(data, args.code, args.fingerprint, args.name,
                                       replace=args.replace)
    lines = [text("cli_township_enrolled", school=school.name, code=school.code,
                  fingerprint=console.grouped(school.fingerprint))]
    lines += [text("cli_township_enrolled_replaced")] if school.replaced else []
    return output.done(school.as_dict(), "\n".join(lines))


def run_import(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from reopen_desktop.township import merge

    with files.data_file(args, write=True, kind=TOWNSHIP) as data:
        result = merge.import_bundles(data, args.bundles,
                                      progress=prose.progress("cli_progress_bundles_in"))
    lines = [merge.summary_text(result)]
    lines += [f"  {b.label} {b.file}" + (f": {b.reason}" if b.reason else "")
              for b in result.bundles]
    lines += [f"  {line}" for line in merge.gap_texts(result)]
    return output.done(result.as_dict(), "\n".join(lines), refused=bool(result.refused))


def run_county_export(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from reopen_desktop.township import county_export

    with files.data_file(args, kind=TOWNSHIP) as data:
        result = county_export.export_for_county(data, args.date_from, args.date_to, args.out,
                                                 mapping=args.mapping)
    if not result.files:
        return output.done(result.as_dict(), result.note)
    lines = [text("cli_county_export_done", days=result.days, schools=result.schools,
                  values=result.values, files="\n".join(f"  {f}" for f in result.files),
                  mapping=result.mapping)]
    if result.new_in_mapping:
        lines.append(text("cli_county_mapping_added", schools="、".join(result.new_in_mapping)))
    return output.done(result.as_dict(), "\n".join(lines))


def run_report(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from datetime import date

    from reopen_desktop.township import queries, report

    with files.data_file(args, kind=TOWNSHIP) as data:
        day = args.date or queries.latest_day(data) or date.today()
        result = report.write_township_report(data, day, args.out)
    return prose.report_done(output, result, text("cli_title_township", date=day),
                             date=day.isoformat())


def run_demo(args: argparse.Namespace, output: prose.CommandOutput) -> int:
    from reopen_desktop.demo import township as demo_township

    with files.data_file(args, kind=TOWNSHIP) as data:
        result = demo_township.fill_township_demo(
            data, schools=args.schools, days=args.days, seed=args.seed,
            progress=prose.progress("township_demo_title"))
    lines = [text("cli_township_demo_done", township=result.township, path=args.db,
                  schools=len(result.schools), days=result.days, bundles=result.bundles)]
    lines += [text("cli_township_demo_missed", school=s, day=d) for s, d in result.missed.items()]
    lines += [text("cli_township_demo_lost", school=s, day=d) for s, d in result.lost.items()]
    return output.done({**result.as_dict(), "path": str(args.db)}, "\n".join(lines))
