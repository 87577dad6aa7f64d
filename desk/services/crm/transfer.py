"""Import and export of families as CSV (UTF-8 with or without BOM, or Windows-1251; comma or
semicolon) or XLSX, with Russian or English headers in any case and spacing.

One row per child; rows whose phones are the same number belong to one family. By default
all-or-nothing; importing the same file again adds nothing (families are matched by phone, or by
the parent's name when there is no phone, and children by name). A row whose phone belongs to a
family with another parent name is never added to it silently: the user adds it there or skips
it. A cell that is too long or holds control characters is a row error.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy import select

from desk.models.enums import TimelineKind
from desk.models.family import Child, Family, Guardian, TimelineEntry
from desk.services.crm import contacts, search
from desk.services.staff import studio
from desk.services.store import bulk, errors, sheets
from desk.services.store.dialect import dialect_of
from desk.services.store.db import Actor, Store
from desk.services.store.sheets import RowError

HEADERS = {
    "parent": ("parent", "parent name", "родитель", "фио родителя"),
    "phone": ("phone", "phone number", "телефон"),
    "email": ("email", "e-mail", "e mail", "почта"),
    "telegram": ("telegram", "телеграм"),
    "child": ("child", "child name", "ребёнок", "ребенок"),
    "birth_date": ("birth_date", "birth date", "date of birth", "birthday", "дата рождения"),
    "source": ("source", "источник"),
    "notes": ("notes", "note", "comment", "заметки", "комментарий"),
}
EXPORT_HEADER = ["parent", "phone", "email", "telegram", "child", "birth_date", "source", "notes"]
MAX_CHILD_AGE = 18
CHUNK = 2000

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclasses.dataclass(frozen=True)
class Row:
    line: int
    parent: str
    phone: str | None
    email: str
    telegram: str
    child: str
    birth_date: dt.date | None
    source: str
    notes: str


@dataclasses.dataclass(frozen=True)
class Conflict:
    """A row whose phone belongs to a family with another parent name: importing it would put
    the child into that family. The user decides: add to that family, or skip the row."""

    line: int
    phone: str
    family_id: int
    family: str  # that family's parents, as shown
    parent: str  # the row's parent name
    child: str

    def __str__(self) -> str:
        return (f"line {self.line}: phone {self.phone} belongs to family #{self.family_id} "
                f"({self.family})")


class _Bad(ValueError):
    def __init__(self, code: str, reason: str, value: str = "") -> None:
        super().__init__(reason)
        self.code, self.value = code, value


@dataclasses.dataclass(frozen=True)
class Plan:
    """What an import would do: valid rows, bad rows, and the counts of what is new."""

    path: str
    rows: tuple[Row, ...]
    errors: tuple[RowError, ...]
    new_families: int
    new_children: int
    conflicts: tuple[Conflict, ...] = ()


@dataclasses.dataclass(frozen=True)
class Result:
    families: int
    children: int
    skipped: int  # invalid rows and conflicting rows the user chose to skip


# --- reading ----------------------------------------------------------------------------------


def _columns(header: list[str]) -> dict[str, int]:
    found = sheets.columns(header, HEADERS)
    if "parent" not in found and "child" not in found:
        raise errors.ImportFailed(
            "line 1: no 'parent'/'Родитель' or 'child'/'Ребёнок' column in the header",
            reason="no_columns")
    return found


_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(value: str) -> dt.date:
    value = value.strip()
    m = _DATE.match(value)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return dt.date.fromisoformat(value)


def _row(line: int, cells: list[str], cols: dict[str, int], today: dt.date) -> Row:
    width = len(cells)

    def get(key: str) -> str:
        i = cols.get(key)
        if i is None or i >= width:
            return ""
        value = sheets.unguard(cells[i])
        problem = sheets.bad_text(value)
        if problem == "too_long":
            raise _Bad("too_long", f"the {key} is longer than {sheets.MAX_FIELD} characters",
                       key)
        if problem == "control":
            raise _Bad("control", f"control characters in the {key}", key)
        return " ".join(value.split()) if key != "notes" else value.strip()

    parent, child = get("parent"), get("child")
    if not parent and not child:
        raise _Bad("no_names", "no parent and no child name")
    try:
        phone = contacts.normalize_phone(get("phone"))
    except contacts.BadContact:
        raise _Bad("phone_invalid", f"invalid phone {get('phone')!r}", get("phone")) from None
    try:
        email = contacts.normalize_email(get("email"))
    except contacts.BadContact:
        raise _Bad("email_invalid", f"invalid e-mail {get('email')!r}", get("email")) from None
    try:
        telegram = contacts.normalize_handle(get("telegram"))
    except contacts.BadContact:
        raise _Bad("handle_invalid", f"invalid Telegram handle {get('telegram')!r}",
                   get("telegram")) from None
    birth = None
    if get("birth_date"):
        try:
            birth = parse_date(get("birth_date"))
        except ValueError:
            raise _Bad("birth_invalid", f"invalid birth date {get('birth_date')!r} "
                       "(use DD.MM.YYYY or YYYY-MM-DD)", get("birth_date")) from None
        if birth > today:
            raise _Bad("birth_future", "birth date is in the future")
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        if age > MAX_CHILD_AGE:
            raise _Bad("child_too_old", "the child is older than 18")
        if not child:
            raise _Bad("birth_without_child", "a birth date without a child's name")
    return Row(line, parent, phone, email, telegram, child, birth, get("source"), get("notes"))


def _key(row: Row) -> str:
    return row.phone or "name:" + search.fold(row.parent or row.child)


# --- planning ---------------------------------------------------------------------------------


def plan(store: Store, path: Path, progress: Progress | None = None,
         cancelled: IsCancelled = lambda: False) -> Plan:
    """Read and check the whole file; nothing is written."""
    path = Path(path)
    if not path.exists():
        raise errors.ImportFailed(f"{path} does not exist", reason="missing")
    info = studio.info(store)
    today = store.now().astimezone(info.tz).date()
    cells = sheets.read_rows(path)
    try:
        header = next(cells)
    except StopIteration:
        raise errors.ImportFailed(f"{path.name} is empty", reason="empty") from None
    cols = _columns(header)
    rows: list[Row] = []
    bad: list[RowError] = []
    for line, values in enumerate(cells, start=2):
        if not any(v.strip() for v in values):
            continue
        try:
            rows.append(_row(line, values, cols, today))
        except _Bad as exc:
            bad.append(RowError(line, str(exc), exc.code, exc.value))
        if line % CHUNK == 0:
            if cancelled():
                raise errors.Cancelled("import cancelled")
            if progress:
                progress(line, 0)
    with store.read() as s:
        conflicts = _conflicts(s, rows)
    new_families, new_children = _count_new(store, rows)
    return Plan(str(path), tuple(rows), tuple(bad), new_families, new_children,
                tuple(conflicts))


def _same_person(a: str, b: str) -> bool:
    """"Ёлкина Елена" and "елена елкина" are one name."""
    return sorted(search.fold(a).split()) == sorted(search.fold(b).split())


def _conflicts(s, rows: list[Row]) -> list[Conflict]:
    """Rows whose phone belongs to a family none of whose parents has the row's name (a row
    without a parent's name cannot tell, so it asks too)."""
    phones = sorted({r.phone for r in rows if r.phone})
    owners: dict[str, int] = {}
    for start in range(0, len(phones), 900):
        owners.update(s.execute(select(Guardian.phone, Guardian.family_id)
                                .where(Guardian.phone.in_(phones[start:start + 900]))).all())
    if not owners:
        return []
    names: dict[int, list[str]] = {}
    ids = sorted(set(owners.values()))
    for start in range(0, len(ids), 900):
        for fid, name in s.execute(select(Guardian.family_id, Guardian.name)
                                   .where(Guardian.family_id.in_(ids[start:start + 900]))
                                   .order_by(Guardian.position)):
            names.setdefault(fid, []).append(name)
    found = []
    for r in rows:
        fid = owners.get(r.phone) if r.phone else None
        if fid is not None and not (r.parent and any(_same_person(r.parent, n)
                                                     for n in names.get(fid, []))):
            found.append(Conflict(r.line, r.phone, fid, ", ".join(names.get(fid, [])), r.parent,
                                  r.child))
    return found


def _groups(rows: tuple[Row, ...] | list[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(_key(row), []).append(row)
    return groups


@dataclasses.dataclass
class _Change:
    """What importing one group of rows (one family) does."""

    family_id: int | None  # None: a new family
    rows: list[Row]
    parents: list[Row]  # for a new family: one row per distinct parent name
    new_children: list[Row]


def _changes(rows, by_key: dict[str, int], children: dict[int, set[str]]) -> Iterator[_Change]:
    for key, group in _groups(rows).items():
        fid = by_key.get(key)
        known = children.get(fid, set()) if fid else set()
        if len(group) == 1:  # the common case: one row, one child
            row = group[0]
            fresh = [row] if row.child and (not known or search.fold(row.child) not in known) \
                else []
            yield _Change(fid, group, [row] if fid is None and row.parent else [], fresh)
            continue
        seen = set(known)
        fresh = []
        for row in group:
            name = search.fold(row.child) if row.child else ""
            if name and name not in seen:
                seen.add(name)
                fresh.append(row)
        parents: list[Row] = []
        if fid is None:
            names: set[str] = set()
            for row in group:
                name = search.fold(row.parent) if row.parent else ""
                if name and name not in names:
                    names.add(name)
                    parents.append(row)
        yield _Change(fid, group, parents, fresh)


def _count_new(store: Store, rows: list[Row]) -> tuple[int, int]:
    with store.read() as s:
        by_key, children = _existing(s)
    families = kids = 0
    for change in _changes(rows, by_key, children):
        families += change.family_id is None
        kids += len(change.new_children)
    return families, kids


# --- writing ----------------------------------------------------------------------------------


def apply(store: Store, actor: Actor, the_plan: Plan, *, skip_invalid: bool = False,
          merge: Iterable[int] | bool = (), skip: Iterable[int] = (),
          progress: Progress | None = None, cancelled: IsCancelled = lambda: False) -> Result:
    """Write the plan in one transaction: all or nothing. Each conflicting row (its phone
    belongs to a family with another parent name) must be decided: added to that family
    (``merge``: its line numbers, or True for all) or skipped (``skip``)."""
    if the_plan.errors and not skip_invalid:
        raise errors.ImportFailed(
            f"{len(the_plan.errors)} invalid rows; nothing was imported", reason="invalid_rows",
            errors=[str(e) for e in the_plan.errors])
    merged = {c.line for c in the_plan.conflicts} if merge is True else set(merge or ())
    skipped = set(skip)
    undecided = [c for c in the_plan.conflicts if c.line not in merged | skipped]
    if undecided:
        raise errors.ImportFailed(
            f"{len(undecided)} rows have a phone of another family; nothing was imported",
            reason="conflicts", errors=[str(c) for c in undecided])
    rows = [r for r in the_plan.rows if r.line not in skipped]
    with store.write(actor) as uow:
        s = uow.session
        if _conflicts(s, [r for r in rows if r.line not in merged]):
            raise errors.ImportFailed("the families changed since the file was checked: "
                                      "check it again", reason="changed")
        by_key, children = _existing(s)
        changes = list(_changes(rows, by_key, children))
        total = len(changes)
        ids = iter(dialect_of(s).allocate_ids(s, Family.__tablename__, len(changes)))
        fams, guardians, kids, timeline, documents = [], [], [], [], []
        touched: set[int] = set()  # existing families that gained children
        new_families = new_children = 0
        for n, change in enumerate(changes, start=1):
            first = change.rows[0]
            fid = change.family_id
            position = len(children.get(fid, ())) if fid else 0
            if fid is None:
                fid = next(ids)
                new_families += 1
                fams.append(dict(id=fid, source=first.source, legend="", created_at=uow.now,
                                 updated_at=uow.now, consent_purposes=""))
                for i, row in enumerate(change.parents or [first]):
                    guardians.append(dict(
                        family_id=fid, position=i, name=row.parent,
                        phone=first.phone if i == 0 else None, email=row.email,
                        telegram=row.telegram, vk="", whatsapp=""))
                timeline.append(dict(family_id=fid, at=uow.now, kind=TimelineKind.CREATED,
                                     text="import", staff_id=actor.staff_id))
                documents.append((fid, search.document(
                    [r.parent for r in change.rows] + [r.child for r in change.rows],
                    [first.phone], [first.email, first.telegram])))
            elif change.new_children:
                touched.add(fid)
            for i, row in enumerate(change.new_children, start=position):
                kids.append(dict(family_id=fid, position=i, name=row.child,
                                 birth_date=row.birth_date, notes=row.notes))
            new_children += len(change.new_children)
            if n % CHUNK == 0:
                if cancelled():
                    raise errors.Cancelled("import cancelled")  # rolled back: nothing written
                if progress:
                    progress(n, total)
        for table, values in ((Family, fams), (Guardian, guardians), (Child, kids),
                              (TimelineEntry, timeline)):
            bulk.insert_rows(s, table.__table__, values)
        dialect_of(s).index_add_many(s, documents)  # new families: nothing to replace
        _reindex(s, sorted(touched))
        dropped = len(the_plan.errors) + len(the_plan.rows) - len(rows)
        uow.audit("import.families", after=json.dumps(
            {"file": Path(the_plan.path).name, "families": new_families,
             "children": new_children, "skipped": dropped,
             "merged_by_phone": sorted(merged)}, ensure_ascii=False))
        uow.commit()
    if progress:
        progress(total, total)
    return Result(new_families, new_children, dropped)


def _existing(s) -> tuple[dict[str, int], dict[int, set[str]]]:
    """Families by phone / folded name of a phoneless parent, and their children's names."""
    by_key: dict[str, int] = {}
    for fid, phone, name in s.execute(select(Guardian.family_id, Guardian.phone, Guardian.name)):
        by_key.setdefault(phone or "name:" + search.fold(name), fid)
    children: dict[int, set[str]] = {}
    for fid, name in s.execute(select(Child.family_id, Child.name)):
        children.setdefault(fid, set()).add(search.fold(name))
    return by_key, children


def _reindex(s, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        names: dict[int, list[str]] = {i: [] for i in chunk}
        phones: dict[int, list[str | None]] = {i: [] for i in chunk}
        extras: dict[int, list[str]] = {i: [] for i in chunk}
        for fid, name, phone, email, tg in s.execute(
            select(Guardian.family_id, Guardian.name, Guardian.phone, Guardian.email,
                   Guardian.telegram).where(Guardian.family_id.in_(chunk))
        ):
            names[fid].append(name)
            phones[fid].append(phone)
            extras[fid] += [email, tg]
        for fid, name in s.execute(select(Child.family_id, Child.name)
                                   .where(Child.family_id.in_(chunk))):
            names[fid].append(name)
        if not chunk:
            continue
        dialect_of(s).index_put_many(
            s, [(i, search.document(names[i], phones[i], extras[i])) for i in chunk])


def import_families(store: Store, actor: Actor, path: Path, *, skip_invalid: bool = False,
                    merge_by_phone: bool = False, progress: Progress | None = None,
                    cancelled: IsCancelled = lambda: False) -> tuple[Plan, Result]:
    the_plan = plan(store, path, progress, cancelled)
    return the_plan, apply(store, actor, the_plan, skip_invalid=skip_invalid,
                           merge=merge_by_phone, progress=progress, cancelled=cancelled)


# --- export -----------------------------------------------------------------------------------


def export_rows(store: Store) -> Iterator[list[str]]:
    """One row per child (a family without children gets one row), ordered stably."""
    with store.read() as s:
        first_parent = {}
        for fid, name, phone, email, tg in s.execute(
            select(Guardian.family_id, Guardian.name, Guardian.phone, Guardian.email,
                   Guardian.telegram).order_by(Guardian.family_id, Guardian.position)
        ):
            first_parent.setdefault(fid, (name, phone or "", email, tg))
        kids: dict[int, list[tuple[str, str, str]]] = {}
        for fid, name, birth, notes in s.execute(
            select(Child.family_id, Child.name, Child.birth_date, Child.notes)
            .order_by(Child.family_id, Child.position, Child.id)
        ):
            kids.setdefault(fid, []).append((name, birth or "", notes))
        families = list(s.execute(select(Family.id, Family.source)
                                  .where(Family.erased.is_(False)).order_by(Family.id)))
    for fid, source in families:
        parent = first_parent.get(fid, ("", "", "", ""))
        for child in kids.get(fid) or [("", "", "")]:
            yield [parent[0], parent[1], parent[2], parent[3], child[0], child[1], source,
                   child[2]]


def export_families(store: Store, path: Path, progress: Progress | None = None,
                    cancelled: IsCancelled = lambda: False) -> int:
    """Write to a temporary file, then rename: a cancelled export leaves nothing behind."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise errors.WrongFileType(f"{path.name}: choose a .csv or .xlsx file",
                                   allowed=".csv, .xlsx")
    rows = list(export_rows(store))
    with sheets.atomic_write(path) as tmp:
        if suffix == ".csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(EXPORT_HEADER)
                for n, row in enumerate(rows, start=1):
                    sheets.write_csv(writer, row)
                    if n % CHUNK == 0 and cancelled():
                        raise errors.Cancelled("export cancelled")
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet("families")
            sheet.append(EXPORT_HEADER)
            for n, row in enumerate(rows, start=1):
                sheets.append_xlsx(sheet, row)
                if n % CHUNK == 0 and cancelled():
                    raise errors.Cancelled("export cancelled")
            book.save(tmp)
    if progress:
        progress(len(rows), len(rows))
    return len(rows)
