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
import itertools
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy import Table, select

from desk.models.enums import TimelineKind
from desk.models.family import Child, Family, Guardian, TimelineEntry
from desk.services.crm import contacts, search
from desk.services.staff import studio
from desk.services.store import errors, sheets
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


@dataclasses.dataclass(frozen=True, slots=True)
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


_KEYS = ("parent", "phone", "email", "telegram", "child", "birth_date", "source", "notes")
_NOT_A_DATE = object()


class _Reader:
    """Rows of one file: a plain row takes a short way; anything unusual (a short row, a
    quote, a long or odd cell, a value that fails a check) takes ``_row``, which gives the
    same row or the row's error."""

    def __init__(self, cols: dict[str, int], today: dt.date) -> None:
        self.cols, self.today = cols, today
        self.width = max(cols.values()) + 1
        # the cells of the eight fields; -1 picks the "" put after a row's cells
        self.fields = operator.itemgetter(*(cols.get(k, -1) for k in _KEYS))
        self.dates: dict[str, object] = {}  # birth dates repeat: each text checked once
        # (None: blank; _NOT_A_DATE: refused, ``_row`` says why)

    def row(self, line: int, cells: list[str]) -> Row:
        return self._plain(line, cells) or _row(line, cells, self.cols, self.today)

    def _plain(self, line: int, cells: list[str]) -> Row | None:
        if len(cells) < self.width:
            return None
        parent, phone, email, telegram, child, birth_text, source, notes = fields = \
            self.fields((*cells, ""))
        text = "".join(fields)
        if "'" in text or sheets.bad_text(text) is not None:
            return None
        parent, child = " ".join(parent.split()), " ".join(child.split())
        if not parent and not child:
            return None
        try:
            phone = contacts.normalize_phone(" ".join(phone.split())) if phone else None
            email = contacts.normalize_email(" ".join(email.split())) if email else ""
            telegram = contacts.normalize_handle(" ".join(telegram.split())) if telegram else ""
        except contacts.BadContact:
            return None
        birth = None
        if birth_text:
            birth = self.dates.get(birth_text, _NOT_A_DATE)
            if birth is _NOT_A_DATE:
                birth = self.dates[birth_text] = self._birth(birth_text)
            if birth is _NOT_A_DATE or (birth is not None and not child):
                return None
        return Row(line, parent, phone, email, telegram, child, birth,
                   " ".join(source.split()) if source else "", notes.strip())

    def _birth(self, text: str) -> object:
        """The date in a birth date cell: None when blank, _NOT_A_DATE when ``_row`` refuses
        it (whatever the reason)."""
        text = " ".join(text.split())
        if not text:
            return None
        try:
            birth = parse_date(text)
        except ValueError:
            return _NOT_A_DATE
        today = self.today
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        return _NOT_A_DATE if birth > today or age > MAX_CHILD_AGE else birth


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
    reader = _Reader(_columns(header), today)
    rows: list[Row] = []
    bad: list[RowError] = []
    for line, values in enumerate(cells, start=2):
        try:
            rows.append(reader.row(line, values))
        except _Bad as exc:
            if any(v.strip() for v in values):
                bad.append(RowError(line, str(exc), exc.code, exc.value))
        if line % CHUNK == 0:
            if cancelled():
                raise errors.Cancelled("import cancelled")
            if progress:
                progress(line, 0)
    with store.read() as s:
        known = _known(s)
    conflicts = _conflicts(known, rows)
    new_families = new_children = 0
    for change in _changes(_groups(rows), known):
        new_families += change.family_id is None
        new_children += len(change.new_children)
    return Plan(str(path), tuple(rows), tuple(bad), new_families, new_children,
                tuple(conflicts))


def _same_person(a: str, b: str) -> bool:
    """"Ёлкина Елена" and "елена елкина" are one name."""
    return sorted(search.fold(a).split()) == sorted(search.fold(b).split())


@dataclasses.dataclass
class _Known:
    """What the database already holds, read once per plan and once per import."""

    by_key: dict[str, int]  # families by phone / folded name of a phoneless parent
    children: dict[int, set[str]]  # each family's children, folded names
    guardians: list[tuple[int, int, int, str]]  # family id, position, id, name


def _known(s) -> _Known:
    by_key: dict[str, int] = {}
    guardians = []
    fold = search.fold
    for gid, fid, position, phone, name in s.execute(
            select(Guardian.id, Guardian.family_id, Guardian.position, Guardian.phone,
                   Guardian.name)):
        by_key.setdefault(phone or "name:" + fold(name), fid)
        guardians.append((fid, position, gid, name))
    children: dict[int, set[str]] = {}
    for fid, name in s.execute(select(Child.family_id, Child.name)):
        children.setdefault(fid, set()).add(fold(name))
    return _Known(by_key, children, guardians)


def _conflicts(known: _Known, rows: list[Row]) -> list[Conflict]:
    """Rows whose phone belongs to a family none of whose parents has the row's name (a row
    without a parent's name cannot tell, so it asks too)."""
    if not known.by_key:
        return []
    owned = [(r, fid) for r in rows if r.phone and (fid := known.by_key.get(r.phone))]
    if not owned:
        return []
    wanted = {fid for _, fid in owned}
    parents: dict[int, list[tuple[int, int, str]]] = {fid: [] for fid in wanted}
    for fid, position, gid, name in known.guardians:
        if fid in wanted:
            parents[fid].append((position, gid, name))
    names = {fid: [name for _, _, name in sorted(found)] for fid, found in parents.items()}
    return [Conflict(r.line, r.phone, fid, ", ".join(names[fid]), r.parent, r.child)
            for r, fid in owned
            if not (r.parent and any(_same_person(r.parent, n) for n in names[fid]))]


def _groups(rows: tuple[Row, ...] | list[Row]) -> dict[str, Row | list[Row]]:
    """Rows by family key, in the order of their first rows: a row alone as itself (most
    families have one row), several as a list."""
    groups: dict[str, Row | list[Row]] = {}
    for row in rows:
        key = _key(row)
        found = groups.setdefault(key, row)
        if found is not row:
            if type(found) is list:
                found.append(row)
            else:
                groups[key] = [found, row]
    return groups


@dataclasses.dataclass(slots=True)
class _Change:
    """What importing one group of rows (one family) does."""

    family_id: int | None  # None: a new family
    rows: list[Row]
    parents: list[Row]  # for a new family: one row per distinct parent name
    new_children: list[Row]


_NONE: frozenset[str] = frozenset()


def _changes(groups: dict[str, Row | list[Row]], known: _Known) -> Iterator[_Change]:
    """One change per group, made as they are used (an import of 100,000 families)."""
    by_key, children = known.by_key, known.children
    for key, group in groups.items():
        fid = by_key.get(key)
        names = children.get(fid, _NONE) if fid else _NONE
        if type(group) is not list:  # the common case: one row, one child
            row = group
            alone = [row]
            fresh = alone if row.child and (not names or search.fold(row.child) not in names) \
                else []
            yield _Change(fid, alone, alone if fid is None and row.parent else [], fresh)
            continue
        seen = set(names)
        fresh = []
        for row in group:
            name = search.fold(row.child) if row.child else ""
            if name and name not in seen:
                seen.add(name)
                fresh.append(row)
        parents: list[Row] = []
        if fid is None:
            parent_names: set[str] = set()
            for row in group:
                name = search.fold(row.parent) if row.parent else ""
                if name and name not in parent_names:
                    parent_names.add(name)
                    parents.append(row)
        yield _Change(fid, group, parents, fresh)


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
    rows = [r for r in the_plan.rows if r.line not in skipped] if skipped \
        else list(the_plan.rows)
    with store.write(actor) as uow:
        s = uow.session
        known = _known(s)
        if _conflicts(known, [r for r in rows if r.line not in merged] if merged else rows):
            raise errors.ImportFailed("the families changed since the file was checked: "
                                      "check it again", reason="changed")
        groups = _groups(rows)
        total = len(groups)  # one change per group
        ids = iter(dialect_of(s).allocate_ids(s, Family.__tablename__, total))
        fams, guardians, kids, documents = [], [], [], []
        touched: set[int] = set()  # existing families that gained children
        new_families = new_children = 0
        for n, change in enumerate(_changes(groups, known), start=1):
            first = change.rows[0]
            fid = change.family_id
            if fid is None:
                position = 0
                fid = next(ids)
                new_families += 1
                fams.append((fid, first.source))
                for i, row in enumerate(change.parents or [first]):
                    guardians.append((fid, i, row.parent, first.phone if i == 0 else None,
                                      row.email, row.telegram))
                names = [first.parent, first.child] if len(change.rows) == 1 else \
                    [r.parent for r in change.rows] + [r.child for r in change.rows]
                documents.append((fid, search.document(names, [first.phone],
                                                       [first.email, first.telegram])))
            else:
                position = len(known.children.get(fid, ()))
                if change.new_children:
                    touched.add(fid)
            for i, row in enumerate(change.new_children, start=position):
                kids.append((fid, i, row.child, row.birth_date, row.notes))
            new_children += len(change.new_children)
            if n % CHUNK == 0:
                if cancelled():
                    raise errors.Cancelled("import cancelled")  # rolled back: nothing written
                if progress:
                    progress(n, total)
        now = uow.now
        _insert(s, Family.__table__, ("id", "source"), fams, legend="", created_at=now,
                updated_at=now, consent_purposes="")
        _insert(s, Guardian.__table__, ("family_id", "position", "name", "phone", "email",
                                        "telegram"), guardians, vk="", whatsapp="")
        _insert(s, Child.__table__, ("family_id", "position", "name", "birth_date", "notes"),
                kids)
        _insert(s, TimelineEntry.__table__, ("family_id",), fams, at=now,
                kind=TimelineKind.CREATED, text="import", staff_id=actor.staff_id)
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


def _insert(s, table: Table, names: tuple[str, ...], rows: list[tuple], **same: object) -> None:
    """Insert ``rows``, values of the columns ``names`` as the models take them, each with the
    values ``same`` too (one timestamp for all). Scalar column defaults fill the other columns,
    and every value goes through its column type's conversion for this database, so what is
    stored is what the ORM would store. Column by column: no object per row is kept."""
    if not rows:
        return
    dialect = s.connection().dialect

    def driver(name: str) -> Callable[[object], object] | None:
        return table.c[name].type.dialect_impl(dialect).bind_processor(dialect)

    columns: list[Iterable[object]] = []
    for i, name in enumerate(names):
        values: Iterable[object] = map(operator.itemgetter(i), rows)
        if (process := driver(name)) is not None:
            values = list(values)  # rows share their values (a birth date): each converted once
            seen = {value: None if value is None else process(value) for value in set(values)}
            values = map(seen.__getitem__, values)
        columns.append(values)
    for column in table.columns:
        if column.default is not None and column.default.is_scalar \
                and column.name not in names and column.name not in same:
            same[column.name] = column.default.arg
    for name, value in same.items():
        process = driver(name)
        columns.append(itertools.repeat(
            process(value) if process is not None and value is not None else value))
    dialect_of(s).insert_many(s, table.name, [*names, *same], zip(*columns))


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
