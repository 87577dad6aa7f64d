"""The command line (same `desk` entry point as the GUI). Each command prints a one-line error
and exits non-zero on bad input; nothing is half-written."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from desk import __version__, paths

EXIT_ERROR = 1
EXIT_INVALID = 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="desk", description="Desk: the studio's client desk")
    p.add_argument("--version", action="version", version=f"desk {__version__}")
    p.add_argument("--db", type=paths.database,
                   help="database file or server URL (default: $DESK_DB or the data dir)")
    p.add_argument("--demo", action="store_true", help="open a fresh demo studio (temporary file)")
    sub = p.add_subparsers(dest="command")

    demo = sub.add_parser("demo-db", help="write a demo studio")
    demo.add_argument("path", type=Path)
    demo.add_argument("--families", type=int, default=300)
    demo.add_argument("--seed", type=int, default=1)

    find = sub.add_parser("find", help="search families")
    find.add_argument("text")
    find.add_argument("--db", type=paths.database, dest="sub_db")
    find.add_argument("--json", action="store_true")

    backup = sub.add_parser("backup", help="a consistent copy of the database")
    backup.add_argument("out", type=Path)
    backup.add_argument("--db", type=paths.database, dest="sub_db")

    check = sub.add_parser("check", help="integrity and the store's invariants")
    check.add_argument("--db", type=paths.database, dest="sub_db")

    move = sub.add_parser("move-to-server",
                          help="copy a one-PC studio (its file) onto the studio's server")
    move.add_argument("file", type=Path)
    move.add_argument("url", help="postgresql+psycopg://user@host:5432/database (empty)")

    imp = sub.add_parser("import", help="import data")
    imp.add_argument("what", choices=["families"])
    imp.add_argument("file", type=Path)
    imp.add_argument("--db", type=paths.database, dest="sub_db")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows and report the bad ones")
    imp.add_argument("--merge-by-phone", action="store_true",
                     help="a row whose phone belongs to a family with another parent name "
                          "adds its child to that family")

    exp = sub.add_parser("export", help="export data")
    exp.add_argument("what", choices=["families"])
    exp.add_argument("file", type=Path)
    exp.add_argument("--db", type=paths.database, dest="sub_db")

    pay = sub.add_parser("payments", help="payment lines: '2500 Демин Саша'")
    pay_sub = pay.add_subparsers(dest="action", required=True)
    parse_cmd = pay_sub.add_parser("parse", help="match the lines, write nothing")
    parse_cmd.add_argument("file", type=Path)
    parse_cmd.add_argument("--db", type=paths.database, dest="sub_db")
    parse_cmd.add_argument("--json", action="store_true")
    post_cmd = pay_sub.add_parser("post", help="post the lines as top-ups")
    post_cmd.add_argument("file", type=Path)
    post_cmd.add_argument("--db", type=paths.database, dest="sub_db")
    post_cmd.add_argument("--method", default="card_transfer",
                          choices=["card_transfer", "cash", "terminal", "other"])
    post_cmd.add_argument("--skip-unmatched", action="store_true",
                          help="post the lines that match one family, report the others")
    post_cmd.add_argument("--confirm-new", action="store_true",
                          help="repeats of recent payments are new payments: post them too")
    post_cmd.add_argument("--confirm-large", action="store_true",
                          help="post lines over the studio's large-payment threshold")

    priv = sub.add_parser("privacy", help="a family's personal data (a request handled by the "
                                          "administrator)")
    priv_sub = priv.add_subparsers(dest="action", required=True)
    p_export = priv_sub.add_parser("export", help="everything about one family as JSON")
    p_export.add_argument("family_id", type=int)
    p_export.add_argument("out", type=Path, help="OUT.json")
    p_export.add_argument("--db", type=paths.database, dest="sub_db")
    p_erase = priv_sub.add_parser("erase", help="erase one family's personal data")
    p_erase.add_argument("family_id", type=int)
    p_erase.add_argument("--yes", action="store_true", help="really erase it (cannot be undone)")
    p_erase.add_argument("--db", type=paths.database, dest="sub_db")

    sched = sub.add_parser("schedule", help="the schedule")
    sched_sub = sched.add_subparsers(dest="action", required=True)
    export_cmd = sched_sub.add_parser("export", help="a week for the client portal")
    export_cmd.add_argument("--week", required=True, help="YYYY-Www, e.g. 2026-W10")
    export_cmd.add_argument("out", type=Path, help="OUT.ics or OUT.csv")
    export_cmd.add_argument("--db", type=paths.database, dest="sub_db")
    list_cmd = sched_sub.add_parser("list", help="the lessons of a period with their ids")
    list_cmd.add_argument("--from", dest="since", required=True, help="YYYY-MM-DD, included")
    list_cmd.add_argument("--to", dest="until", required=True, help="YYYY-MM-DD, included")
    list_cmd.add_argument("--json", action="store_true")
    list_cmd.add_argument("--db", type=paths.database, dest="sub_db")

    fin = sub.add_parser("finance", help="money reports")
    fin_sub = fin.add_subparsers(dest="action", required=True)
    rep = fin_sub.add_parser("report", help="by day, method and direction, to XLSX")
    rep.add_argument("--from", dest="since", required=True, help="YYYY-MM-DD")
    rep.add_argument("--to", dest="until", required=True, help="YYYY-MM-DD")
    rep.add_argument("out", type=Path, help="OUT.xlsx")
    rep.add_argument("--db", type=paths.database, dest="sub_db")

    fb = sub.add_parser("feedback", help="the feedback register")
    fb_sub = fb.add_subparsers(dest="action", required=True)
    fb_exp = fb_sub.add_parser("export", help="a period of the register to XLSX (every item) "
                                              "or PDF (the report)")
    fb_exp.add_argument("--from", dest="since", required=True, help="YYYY-MM-DD, included")
    fb_exp.add_argument("--to", dest="until", required=True, help="YYYY-MM-DD, included")
    fb_exp.add_argument("out", type=Path, help="OUT.xlsx or OUT.pdf")
    fb_exp.add_argument("--db", type=paths.database, dest="sub_db")

    sv = sub.add_parser("surveys", help="the studio's surveys and their answers")
    sv_sub = sv.add_subparsers(dest="action", required=True)
    sv_list = sv_sub.add_parser("list", help="the surveys with their keys")
    sv_list.add_argument("--json", action="store_true")
    sv_list.add_argument("--db", type=paths.database, dest="sub_db")
    sv_imp = sv_sub.add_parser("import", help="a Google Form's responses export (CSV or XLSX)")
    sv_imp.add_argument("file", type=Path)
    sv_imp.add_argument("--survey", required=True, help="the survey's key (desk surveys list)")
    sv_imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="timestamp, email, phone, name, code, nps, csat, csi:<item> or "
                             "comment = the column's header; repeated")
    sv_imp.add_argument("--tz", help="the sheet's time zone, e.g. Europe/Moscow")
    sv_imp.add_argument("--json", action="store_true")
    sv_imp.add_argument("--db", type=paths.database, dest="sub_db")

    ind = sub.add_parser("indices", help="NPS, CSAT, CSI, FCR and response times for a period")
    ind.add_argument("--from", dest="since", required=True, help="YYYY-MM-DD, included")
    ind.add_argument("--to", dest="until", required=True, help="YYYY-MM-DD, included")
    ind.add_argument("--json", action="store_true")
    ind.add_argument("--db", type=paths.database, dest="sub_db")

    ck = sub.add_parser("checklist", help="supervisors' checklists from live data, as PDF")
    ck_sub = ck.add_subparsers(dest="action", required=True)
    ck_day = ck_sub.add_parser("daily", help="a role's checklist for a day")
    ck_day.add_argument("--role", required=True, choices=("system", "communicator"))
    ck_day.add_argument("--date", help="YYYY-MM-DD (today by default)")
    ck_day.add_argument("out", type=Path, help="OUT.pdf")
    ck_day.add_argument("--db", type=paths.database, dest="sub_db")
    ck_lesson = ck_sub.add_parser("lesson", help="a lesson's sheet for its teacher")
    ck_lesson.add_argument("lesson_id", type=int, help="the lesson's id (desk schedule list)")
    ck_lesson.add_argument("out", type=Path, help="OUT.pdf")
    ck_lesson.add_argument("--db", type=paths.database, dest="sub_db")
    ck_handover = ck_sub.add_parser("handover", help="the brief of a handover for the "
                                                     "substitute")
    ck_handover.add_argument("handover_id", type=int, help="the handover's id (desk handover "
                                                           "list)")
    ck_handover.add_argument("out", type=Path, help="OUT.pdf")
    ck_handover.add_argument("--db", type=paths.database, dest="sub_db")
    ck_quality = ck_sub.add_parser("quality", help="the call and chat quality sheets of a "
                                                   "person's month, or a blank form")
    ck_quality.add_argument("--person", type=int, help="the person's id (desk staff list)")
    ck_quality.add_argument("--month", type=_month, help="YYYY-MM")
    ck_quality.add_argument("--blank", action="store_true",
                            help="an empty form to fill in by hand (--person: whose)")
    ck_quality.add_argument("out", type=Path, help="OUT.pdf")
    ck_quality.add_argument("--db", type=paths.database, dest="sub_db")

    st = sub.add_parser("staff", help="the studio's staff")
    st_sub = st.add_subparsers(dest="action", required=True)
    st_list = st_sub.add_parser("list", help="the staff with their ids and roles")
    st_list.add_argument("--json", action="store_true")
    st_list.add_argument("--db", type=paths.database, dest="sub_db")

    ho = sub.add_parser("handover", help="handovers of work for a vacation or sick leave")
    ho_sub = ho.add_subparsers(dest="action", required=True)
    ho_list = ho_sub.add_parser("list", help="the handovers with their ids, people and dates")
    ho_list.add_argument("--json", action="store_true")
    ho_list.add_argument("--db", type=paths.database, dest="sub_db")

    rp = sub.add_parser("report", help="reports for a month")
    rp_sub = rp.add_subparsers(dest="action", required=True)
    rp_month = rp_sub.add_parser("month", help="the monthly report for marketing: every index "
                                               "with its trend, sources, loyalty, reasons for "
                                               "leaving, the register's counts")
    rp_month.add_argument("month", type=_month, help="YYYY-MM")
    rp_month.add_argument("out", type=Path, help="OUT.pdf or OUT.xlsx")
    rp_month.add_argument("--db", type=paths.database, dest="sub_db")

    shots = sub.add_parser("screenshots", help="render every main screen to PNG")
    shots.add_argument("dir", type=Path)
    shots.add_argument("--db", type=paths.database, dest="sub_db")
    return p


def db_path(args: argparse.Namespace) -> Path | str:
    """The file's path or the server's URL (``--db``, ``DESK_DB``, the data folder)."""
    return getattr(args, "sub_db", None) or args.db or paths.default_db()


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        from desk import app

        return app.run_gui(args)
    from desk.services.store import errors

    try:
        return COMMANDS[args.command](args)
    except errors.DeskError as exc:
        print(f"desk: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _open(args: argparse.Namespace, *, must_exist: bool = True):
    from desk.services.store import errors, migrate

    where = db_path(args)
    if must_exist and isinstance(where, Path) and not where.exists():
        raise errors.NotFound(f"{where} does not exist")
    return migrate.open_store(where, paths.backups_dir())


def cmd_demo_db(args: argparse.Namespace) -> int:
    from desk.demo import generator
    from desk.services.store import errors, migrate

    if args.families < 0:
        raise errors.DeskError("--families must be 0 or more")
    if args.path.exists() and args.path.stat().st_size > 0:
        raise errors.DeskError(f"{args.path} already exists; choose a new file")
    tmp = Path(tempfile.mkdtemp(dir=args.path.parent if args.path.parent.exists() else None))
    staging = tmp / args.path.name
    store = migrate.open_database(staging, None)
    try:
        generator.generate(store, families=args.families, seed=args.seed)
    finally:
        store.dispose()
    from desk.services.store import backup

    backup.make_backup(staging, args.path)  # a single, checked file without -wal leftovers
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    print(f"{args.path}: demo studio with {args.families} families")
    return 0


def cmd_find(args: argparse.Namespace) -> int:
    from desk.services.crm import families

    store = _open(args)
    found = families.find(store, args.text, limit=None)
    if args.json:
        with store.read() as s:
            phones = families.e164_phones(s, [r.id for r in found])
        print(json.dumps(
            [{"id": r.id, "parents": r.parents, "children": r.children, "phones": phones[r.id]}
             for r in found], ensure_ascii=False))
    else:
        for r in found:
            print(f"{r.id}\t{r.parents}\t{r.children}\t{r.phones}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from desk.services.store import backup, errors, migrate

    where = db_path(args)
    if isinstance(where, str):  # the server's data, as a one-PC studio's file
        from desk.services.store import copy

        store = migrate.open_server(where, None, read_only=True)
        try:
            out = copy.snapshot(store, args.out)
        finally:
            store.dispose()
        print(f"backup written: {out}")
        return 0
    if not where.exists():
        raise errors.NotFound(f"{where} does not exist")
    migrate.check_is_sqlite(where)
    out = backup.make_backup(where, args.out)
    print(f"backup written: {out}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from desk.services.upkeep import check

    findings = check.run(db_path(args))
    for f in findings:
        print(("FAULT " if f.fault else "open  ") + f.text)
    if any(f.fault for f in findings):
        return EXIT_ERROR
    print("ok")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from desk.services.crm import transfer

    store = _open(args)
    the_plan = transfer.plan(store, args.file)
    for error in the_plan.errors:
        print(error, file=sys.stderr)
    conflicts = [] if args.merge_by_phone else list(the_plan.conflicts)
    for conflict in conflicts:
        print(f"{conflict}; --merge-by-phone adds the child there", file=sys.stderr)
    if the_plan.errors and not args.skip_invalid or conflicts:
        print(f"desk: {len(the_plan.errors) + len(conflicts)} rows cannot be imported as they "
              "are; nothing was imported", file=sys.stderr)
        return EXIT_INVALID
    result = transfer.apply(store, cli_actor(), the_plan, skip_invalid=args.skip_invalid,
                            merge=args.merge_by_phone)
    print(f"imported {result.families} new families and {result.children} new children"
          + (f"; skipped {result.skipped} invalid rows" if result.skipped else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from desk.services.crm import transfer

    count = transfer.export_families(_open(args), args.file)
    print(f"exported {count} rows to {args.file}")
    return 0


def _read_text(path: Path) -> str:
    from desk.services.store import errors

    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise errors.DeskError(f"{path}: cannot read it as UTF-8 text ({exc})") from exc


def cmd_payments(args: argparse.Namespace) -> int:
    from desk.models.enums import PaymentMethod
    from desk.services.money import amounts, payments

    store = _open(args)
    lines = payments.parse(store, _read_text(args.file))
    if args.action == "parse":
        if args.json:
            print(json.dumps([p.as_json() for p in lines], ensure_ascii=False))
        else:
            for p in lines:
                print(f"{p.line}\t{p.amount_kopecks}\t{p.family_id or ''}\t{p.error or 'ok'}"
                      + ("\trepeat" if p.repeat else "") + ("\tlarge" if p.large else ""))
        return 0
    bad = [p for p in lines if p.error is not None]
    for p in bad:
        extra = f" (families {', '.join(map(str, p.candidates))})" if p.candidates else ""
        print(f"line {p.line}: {p.error}{extra}", file=sys.stderr)
    good = [p for p in lines if p.error is None]
    large = [p for p in good if p.large and not args.confirm_large]
    for p in large:
        print(f"line {p.line}: over the large-payment threshold "
              f"({amounts.format_rub(p.amount_kopecks)}); --confirm-large posts it",
              file=sys.stderr)
    if bad and not args.skip_unmatched or large:
        print(f"desk: {len(bad) + len(large)} lines cannot be posted as they are; "
              "nothing was posted", file=sys.stderr)
        return EXIT_INVALID
    result = payments.post(store, cli_actor(), good, PaymentMethod(args.method),
                           confirm_repeats=args.confirm_new, confirm_large=args.confirm_large)
    for number in result.repeats:
        print(f"line {number}: a repeat of a payment posted within the last days; not posted "
              "(--confirm-new posts it)", file=sys.stderr)
    print(f"posted {result.entries} payments, {amounts.format_rub(result.total)}")
    return 0


def cli_actor():
    """Who the command line writes as: "командная строка (<OS user>@<host>)" in the audit."""
    import getpass
    import socket

    from desk.services.store import db

    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return db.Actor(None, f"командная строка ({user}@{socket.gethostname()})")


def cmd_privacy(args: argparse.Namespace) -> int:
    from desk.services.crm import families
    from desk.services.privacy import privacy

    store = _open(args)
    families.card(store, args.family_id)  # an unknown id: one line, exit 1
    if args.action == "export":
        privacy.export_to(store, args.family_id, args.out)
        print(f"{args.out}: everything about family #{args.family_id}")
        return 0
    if not args.yes:
        print(f"desk: erasing family #{args.family_id} cannot be undone: add --yes",
              file=sys.stderr)
        return EXIT_ERROR
    result = privacy.erase(store, cli_actor(), args.family_id, paths.backups_dir())
    print(f"family #{args.family_id} erased: now {result.pseudonym}")
    if not result.wal_clean:
        print("desk: another program has the database open; the erased data leaves the -wal "
              "file when it closes", file=sys.stderr)
    if not result.compacted:
        print("desk: this user may not rewrite the server's tables; the erased data leaves "
              "the server's files when its administrator runs VACUUM FULL", file=sys.stderr)
    for held in result.backups:
        until = f"until {held.rotates_out}" if held.rotates_out else "until deleted by hand"
        print(f"desk: the backup {held.path} still holds the family ({until})", file=sys.stderr)
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from desk.services.schedule import lessons, portal
    from desk.services.staff import studio

    if args.action == "list":
        first, last = _dates(args.since, args.until)
        store = _open(args)
        tz = studio.info(store).tz
        rows = lessons.lessons(store, *studio.local_period_bounds(first, last, tz))
        if args.json:
            print(json.dumps([{"id": r.id, "starts_at": r.starts_at.astimezone(tz).isoformat(),
                               "direction": r.direction, "teacher": r.teacher,
                               "enrolled": r.enrolled, "capacity": r.capacity}
                              for r in rows], ensure_ascii=False))
        else:
            for r in rows:
                print(f"{r.id:>6}  {r.starts_at.astimezone(tz):%d.%m.%Y %H:%M}  {r.direction:<24}"
                      f" {r.enrolled}/{r.capacity}  {r.teacher}")
        return 0
    monday = portal.parse_week(args.week)
    count = portal.export_week(_open(args), monday, args.out)
    print(f"{args.out}: {count} lessons of the week {args.week}")
    return 0


def cmd_finance(args: argparse.Namespace) -> int:
    from desk.services.money import finance

    since, until = _dates(args.since, args.until)
    rep = finance.report(_open(args), since, until)
    finance.export_xlsx(rep, args.out)
    print(f"{args.out}: {len(rep.rows)} rows from {since} to {until}")
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from desk.services.feedback import report

    period = report.Period(*_dates(args.since, args.until))
    n = report.export(_open(args), period, args.out)
    print(f"{args.out}: {n} feedback items from {period.first} to {period.last}")
    return 0


def cmd_surveys(args: argparse.Namespace) -> int:
    from desk.services.store import errors
    from desk.services.surveys import forms, gforms

    store = _open(args)
    if args.action == "list":
        found = forms.surveys(store)
        if args.json:
            print(json.dumps([{"key": x.key, "name": x.name, "form_url": x.form_url}
                              for x in found], ensure_ascii=False))
        else:
            for x in found:
                print(f"{x.key:<20} {x.name}" + (f"  {x.form_url}" if x.form_url else ""))
        return 0
    mapping = {}
    for pair in args.map:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise errors.DeskError(f"--map is written FIELD=COLUMN, not {pair!r}")
        mapping[field.strip()] = column.strip()
    try:
        result = gforms.run(store, cli_actor(), args.file, args.survey, mapping or None, args.tz)
    except gforms.ImportRefused as exc:
        result = exc.params["result"]
        if args.json:
            print(json.dumps(result.as_json(), ensure_ascii=False))
        for e in result.errors:
            print(f"line {e.line}: {e.reason}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        print("mapping: " + ", ".join(f"{k}={v}" for k, v in result.mapping.items()))
        print(f"{result.rows} rows: {result.imported} imported ({result.matched} matched to a "
              f"family, {result.unmatched} anonymous), {result.duplicates} already there")
    return 0


def cmd_indices(args: argparse.Namespace) -> int:
    from desk.services.insights import indices
    from desk.services.staff import studio

    first, last = _dates(args.since, args.until)
    store = _open(args)
    found = indices.compute(store, *studio.local_period_bounds(first, last,
                                                               studio.info(store).tz))
    data = found.as_json()
    if args.json:
        del data["csi"]["names"]
        print(json.dumps(data, ensure_ascii=False))
        return 0
    n = data["nps"]
    print(f"NPS        {n['score']} (n={n['n']}: {n['promoters']} promoters, {n['passives']} "
          f"passives, {n['detractors']} detractors; ±{n['moe95']})")
    print(f"CSAT       {data['csat']['score']}% (n={data['csat']['n']})")
    print(f"CSI        {data['csi']['score']}% (n={data['csi']['n']})")
    for key, score in data["csi"]["items"].items():
        print(f"  {data['csi']['names'][key]:<28} {score}")
    f = data["fcr"]
    print(f"FCR        at close {f['at_close']['score']}% (n={f['at_close']['n']}); no "
          f"re-contact in 72 h {f['no_recontact']['score']}% (n={f['no_recontact']['n']})")
    r = data["response"]
    print(f"Responses  median {r['median_s']} s, p90 {r['p90_s']} s, within 60 s "
          f"{r['within_60s_pct']}% (n={r['n']})")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from desk.services.insights import monthly
    from desk.services.store import errors

    if args.out.suffix.lower() not in (".pdf", ".xlsx"):
        print("desk: the report is written to OUT.pdf or OUT.xlsx", file=sys.stderr)
        return EXIT_INVALID
    try:
        found = monthly.export(_open(args), args.month, args.out)
    except errors.ValidationFailed as exc:
        print(f"desk: {exc}", file=sys.stderr)
        return EXIT_INVALID
    nps = found.months[-1].indices.nps
    print(f"{args.out}: the report for {args.month} (NPS "
          f"{round(nps.score, 1) if nps.score is not None else '—'}, "
          f"n={nps.n}; {len(found.items)} feedback items)")
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    from desk.models.enums import Role
    from desk.services.supervision import checklists

    if args.out.suffix.lower() != ".pdf":
        print("desk: the checklist is written to OUT.pdf", file=sys.stderr)
        return EXIT_INVALID
    if args.action == "quality":
        return _quality(args)
    if args.action == "handover":
        from desk.services.supervision import handover

        brief = handover.export_brief(_open(args), args.handover_id, args.out)
        print(f"{args.out}: the brief of handover {args.handover_id} ({len(brief.items)} items)")
        return 0
    if args.action == "lesson":
        sheet = checklists.export_sheet(_open(args), args.lesson_id, args.out)
        print(f"{args.out}: the sheet of lesson {args.lesson_id} ({len(sheet.roster)} children)")
        return 0
    day = _dates(args.date)[0] if args.date else None
    found = checklists.export(_open(args), Role(args.role), day, args.out)
    to_check = sum(1 for line in found.lines if not line.ok)
    print(f"{args.out}: the {args.role} checklist for {found.day} ({len(found.lines)} lines, "
          f"{to_check} to check)")
    return 0


def _quality(args: argparse.Namespace) -> int:
    from desk.services.store import errors
    from desk.services.supervision import quality

    if not args.blank and (args.person is None or args.month is None):
        print("desk: give --person ID and --month YYYY-MM (or --blank for an empty form)",
              file=sys.stderr)
        return EXIT_INVALID
    try:
        if args.blank:
            n = quality.export_blank(_open(args), args.out, args.person)
            print(f"{args.out}: a blank quality sheet ({n} criteria)")
            return 0
        sheet = quality.export(_open(args), args.person, args.month, args.out)
    except errors.ValidationFailed as exc:
        if "person" in exc.fields:
            print(f"desk: nobody on the staff has the id {args.person} (desk staff list)",
                  file=sys.stderr)
        else:
            print(f"desk: {exc}", file=sys.stderr)
        return EXIT_INVALID
    s = sheet.summary
    print(f"{args.out}: {sheet.person}, {args.month}: {s.count} sheets"
          + (f", average {s.average}%, {s.fails} failed" if s.count else "")
          + (f", {len(sheet.calibrations)} scored twice" if sheet.calibrations else ""))
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    from desk.services.staff import studio

    people = studio.staff(_open(args), active_only=False)
    if args.json:
        print(json.dumps([{"id": m.id, "name": m.name, "role": m.role.value,
                           "active": m.active} for m in people], ensure_ascii=False))
    else:
        for m in people:
            print(f"{m.id:>4}  {m.name:<30} {m.role.value}" + ("" if m.active else "  (left)"))
    return 0


def cmd_handover(args: argparse.Namespace) -> int:
    from desk.services.supervision import handover

    found = handover.listing(_open(args))
    if args.json:
        print(json.dumps([{"id": h.id, "from": h.from_id, "from_name": h.from_name,
                           "to": h.to_id, "to_name": h.to_name,
                           "starts_on": h.starts_on.isoformat(),
                           "ends_on": h.ends_on.isoformat(), "reason": h.reason.value,
                           "state": h.state, "items": h.items} for h in found],
                         ensure_ascii=False))
    else:
        for h in found:
            print(f"{h.id:>4}  {h.from_name} → {h.to_name}  {h.starts_on}–{h.ends_on}  "
                  f"{h.state}, {h.items} items")
    return 0


def _month(text: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
        raise argparse.ArgumentTypeError(f"the month is written YYYY-MM, not {text!r}")
    return text


def _dates(*texts: str):
    import datetime as dt

    from desk.services.store import errors

    try:
        return [dt.date.fromisoformat(t) for t in texts]
    except ValueError as exc:
        raise errors.DeskError(f"dates are written YYYY-MM-DD ({exc})") from exc


def cmd_move_to_server(args: argparse.Namespace) -> int:
    from desk.services.upkeep import move

    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            print(f"\rcopied {percent}% of {total} rows", end="", file=sys.stderr)

    moved = move.move_to_server(args.file, args.url, cli_actor(), report)
    print(file=sys.stderr)
    print(f"{args.file} moved to {moved.url}: {moved.rows.get('family', 0)} families, "
          f"{moved.rows.get('ledger_entry', 0)} ledger entries, {sum(moved.rows.values())} "
          "rows in all; checked on the server: row counts, ledger chains, balances. "
          "The file was not changed.")
    return 0


def cmd_screenshots(args: argparse.Namespace) -> int:
    from desk import app

    return app.screenshots(args, db_path(args) if (args.sub_db or args.db) else None)


COMMANDS = {
    "demo-db": cmd_demo_db,
    "find": cmd_find,
    "backup": cmd_backup,
    "check": cmd_check,
    "move-to-server": cmd_move_to_server,
    "import": cmd_import,
    "export": cmd_export,
    "payments": cmd_payments,
    "privacy": cmd_privacy,
    "schedule": cmd_schedule,
    "finance": cmd_finance,
    "feedback": cmd_feedback,
    "surveys": cmd_surveys,
    "indices": cmd_indices,
    "report": cmd_report,
    "checklist": cmd_checklist,
    "staff": cmd_staff,
    "handover": cmd_handover,
    "screenshots": cmd_screenshots,
}
