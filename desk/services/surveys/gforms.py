"""Importing a Google Form's responses: the export (CSV from the responses sheet, or XLSX), in
Russian or English. The first column is the timestamp (``Отметка времени`` / ``Timestamp``:
``DD.MM.YYYY HH:MM:SS`` or ``M/D/YYYY H:MM:SS``, in the sheet's time zone), an optional e-mail
column, then one column per question. Columns are mapped to fields (proposed from the headers
and the values, remembered per survey); each row is matched to a family by its code (a
prefilled question), then e-mail, then phone — by name only when a person confirms it. A row
that matches no family is kept as an anonymous answer. The same export imported again adds
nothing; a bad row (an unreadable date, a score of 11) stops the import with nothing written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desk.models.enums import FeedbackSource, FeedbackTone
from desk.models.family import Family, Guardian
from desk.models.surveys import CsiItem, CsiScore, Survey, SurveyAnswer
from desk.services.crm import contacts, search
from desk.services.feedback import register
from desk.services.staff import studio
from desk.services.store import errors, sheets
from desk.services.store.db import Actor, Store, UnitOfWork
from desk.services.surveys import forms

PLAIN = ("timestamp", "email", "phone", "name", "code", "nps", "csat", "comment")
TIME_FORMATS = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")
# words in a question's header that say which field it is (folded: lower case, ё = е)
HINTS = {
    "timestamp": ("отметка времени", "timestamp"),
    "email": ("адрес электронной почты", "email address", "e-mail", "email", "почта"),
    "phone": ("телефон", "phone"),
    "code": ("код семьи", "код", "family code", "code"),
    "name": ("фио", "имя", "ваше имя", "name"),
    "nps": ("посоветуете", "порекомендуете", "рекомендовать", "recommend"),
    "csat": ("довольны", "удовлетворены", "оцените обслуживание", "satisfied", "satisfaction"),
    "comment": ("почему", "комментар", "пожелан", "расскажите", "comment", "why", "anything"),
}


class ImportRefused(errors.DeskError):
    """Bad rows: nothing was written. params: result (the ImportResult with its errors)."""

    code = "import_refused"


@dataclasses.dataclass(frozen=True)
class RowError:
    line: int
    reason: str  # in English, for the command line
    code: str = ""  # for the UI's words: time_unreadable, nps_range, csat_range, csi_range,
    # field_unknown, column_missing, item_unknown, timestamp_missing
    value: str = ""  # the cell, the field or the column it is about
    top: int = 0  # a CSI question's scale


@dataclasses.dataclass(frozen=True)
class Row:
    line: int
    at: dt.datetime
    family_id: int | None
    matched_by: str  # code, email, phone, name (confirmed), or "" when unmatched
    nps: int | None
    csat: int | None
    csi: dict[str, tuple[int, int]]  # item key → (value, scale's max)
    comment: str
    email: str
    phone: str | None
    name: str
    identity: str


@dataclasses.dataclass(frozen=True)
class ImportResult:
    rows: int
    imported: int
    duplicates: int
    matched: int
    unmatched: int
    errors: tuple[RowError, ...]
    mapping: dict[str, str]  # field → column header

    def as_json(self) -> dict:
        return {"rows": self.rows, "imported": self.imported, "duplicates": self.duplicates,
                "matched": self.matched, "unmatched": self.unmatched,
                "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
                "mapping": self.mapping}


def family_code(family_id: int) -> str:
    """The short code an invitation prefills, so an answer matches its family exactly: the
    family's number and a check digit (a mistyped code matches no one)."""
    digits = str(family_id)
    check = sum((i + 1) * int(d) for i, d in enumerate(reversed(digits))) % 10
    return f"D{digits}{check}"


def code_family(code: str) -> int | None:
    text = code.strip().upper()
    if not re.fullmatch(r"D\d{2,}", text):
        return None
    family_id = int(text[1:-1])
    return family_id if family_code(family_id) == text else None


def read(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows with their line numbers (the header is line 1)."""
    lines = list(sheets.read_rows(path))
    if not lines:
        raise errors.ValidationFailed({"file": "file_empty"})
    header = [h.strip() for h in lines[0]]
    rows = [(n + 2, [c.strip() for c in row]) for n, row in enumerate(lines[1:])
            if any(c.strip() for c in row)]
    return header, rows


def propose(header: list[str], rows: list[tuple[int, list[str]]],
            items: list[tuple[str, str]]) -> dict[str, str]:
    """A mapping from the headers' words and the columns' values: field → header.
    ``items``: the CSI items (key, name), each found by its name in a header."""
    found: dict[str, str] = {}
    taken: set[int] = set()

    def values(i: int) -> list[str]:
        return [r[i] for _l, r in rows if i < len(r) and r[i]]

    def take(field: str, i: int) -> None:
        if field not in found and i not in taken:
            found[field] = header[i]
            taken.add(i)

    for i, title in enumerate(header):
        folded = search.fold(title)
        if i == 0 or any(folded.startswith(h) for h in HINTS["timestamp"]):
            take("timestamp", i)
    for key, name in items:
        for i, title in enumerate(header):
            if i not in taken and search.fold(name) in search.fold(title):
                take(f"csi:{key}", i)
                break
    for field in ("email", "phone", "code", "nps", "csat", "name", "comment"):
        for i, title in enumerate(header):
            if i in taken:
                continue
            folded = search.fold(title)
            if any(h in folded for h in HINTS[field]):
                take(field, i)
                break
    if "nps" not in found:  # a 0–10 scale: bare numbers, some above 5
        for i in range(len(header)):
            numbers = [v for v in values(i) if v.isdigit()]
            if i not in taken and numbers and len(numbers) == len(values(i)) and \
                    max(map(int, numbers)) <= 10 and min(map(int, numbers)) == 0:
                take("nps", i)
                break
    return found


def _time(text: str, tz: ZoneInfo) -> dt.datetime | None:
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=tz).astimezone(dt.timezone.utc)
        except ValueError:
            continue
    return None


def _score(text: str, low: int, high: int) -> int | None:
    """A whole number on the scale, or None when the cell is empty; ValueError otherwise."""
    if not text:
        return None
    if not re.fullmatch(r"\d{1,2}", text) or not low <= int(text) <= high:
        raise ValueError
    return int(text)


def parse(s: Session, survey: Survey, header: list[str], rows: list[tuple[int, list[str]]],
          mapping: dict[str, str], tz: ZoneInfo,
          confirmed_names: dict[int, int] | None = None) -> tuple[list[Row], list[RowError]]:
    """The rows as answers, or the reasons they cannot be (line by line)."""
    where = {}
    problems = []
    for field, column in mapping.items():
        if field not in PLAIN and not field.startswith("csi:"):
            problems.append(RowError(1, f"unknown field {field!r}", "field_unknown", field))
        elif column not in header:
            problems.append(RowError(1, f"no column {column!r} for {field}", "column_missing",
                                     column))
        else:
            where[field] = header.index(column)
    items = {i.key: i.id for i in s.scalars(select(CsiItem))}
    for field in where:
        if field.startswith("csi:") and field[4:] not in items:
            problems.append(RowError(1, f"no satisfaction item {field[4:]!r}", "item_unknown",
                                     field[4:]))
    if "timestamp" not in where:
        problems.append(RowError(1, "no timestamp column", "timestamp_missing"))
    if problems:
        return [], problems
    scales = {}
    for field, i in where.items():  # a CSI question's scale: 1–10 when any answer is above 5
        if field.startswith("csi:"):
            numbers = [int(r[i]) for _l, r in rows if i < len(r) and r[i].isdigit()]
            scales[field] = 10 if numbers and max(numbers) > 5 else 5
    found = []
    match = Matcher(s)
    for line, cells in rows:
        def cell(field: str) -> str:
            i = where.get(field)
            return cells[i] if i is not None and i < len(cells) else ""

        at = _time(cell("timestamp"), tz)
        if at is None:
            problems.append(RowError(line, f"unreadable timestamp {cell('timestamp')!r}",
                                     "time_unreadable", cell("timestamp")))
            continue
        try:
            nps = _score(cell("nps"), 0, 10)
        except ValueError:
            problems.append(RowError(line, f"NPS score {cell('nps')!r} is not 0–10",
                                     "nps_range", cell("nps")))
            continue
        try:
            csat = _score(cell("csat"), 1, 5)
        except ValueError:
            problems.append(RowError(line, f"CSAT score {cell('csat')!r} is not 1–5",
                                     "csat_range", cell("csat")))
            continue
        csi = {}
        bad = None
        for field in where:
            if field.startswith("csi:") and cell(field):
                try:
                    csi[field[4:]] = (_score(cell(field), 1, scales[field]), scales[field])
                except ValueError:
                    bad = RowError(line, f"{field[4:]} score {cell(field)!r} is not "
                                         f"1–{scales[field]}", "csi_range", cell(field),
                                   scales[field])
        if bad:
            problems.append(bad)
            continue
        email = cell("email").lower()
        try:
            phone = contacts.normalize_phone(cell("phone")) if cell("phone") else None
        except contacts.BadContact:
            phone = None
        family_id, how = match(cell("code"), email, phone)
        if family_id is None and confirmed_names and line in confirmed_names:
            family_id, how = confirmed_names[line], "name"
        identity = hashlib.sha256(json.dumps(
            [survey.key, at.isoformat(), email or phone or "", cells],
            ensure_ascii=False).encode()).hexdigest()
        found.append(Row(line, at, family_id, how, nps, csat, csi, cell("comment"), email,
                         phone, cell("name"), identity))
    return found, problems


class Matcher:
    """A row's family: by its code, then its e-mail (any case), then its phone — the families,
    e-mails and phones read once, when first needed."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.families: set[int] | None = None
        self.emails: dict[str, int] | None = None
        self.phones: dict[str, int] | None = None

    def __call__(self, code: str, email: str, phone: str | None) -> tuple[int | None, str]:
        family_id = code_family(code) if code else None
        if family_id is not None:
            if self.families is None:
                self.families = set(self.s.scalars(select(Family.id)))
            if family_id in self.families:
                return family_id, "code"
        if email or phone:
            self._load()
        if email and email in self.emails:
            return self.emails[email], "email"
        if phone and phone in self.phones:
            return self.phones[phone], "phone"
        return None, ""

    def _load(self) -> None:
        if self.emails is not None:
            return
        self.emails, self.phones = {}, {}
        for fid, email, phone, whatsapp in self.s.execute(
                select(Guardian.family_id, Guardian.email, Guardian.phone, Guardian.whatsapp)
                .order_by(Guardian.family_id, Guardian.position)):
            if email:
                self.emails.setdefault(email.lower(), fid)
            for number in (phone, whatsapp):
                if number:
                    self.phones.setdefault(number, fid)


def name_candidates(store: Store, names: list[str]) -> dict[str, list[int]]:
    """Families whose parent bears each name exactly (case and ё aside): for a person to
    confirm; the command line never matches by name."""
    wanted = {search.fold(" ".join(n.split())): n for n in names if n.strip()}
    found: dict[str, list[int]] = {}
    with store.read() as s:
        for family_id, name in s.execute(select(Guardian.family_id, Guardian.name)):
            key = search.fold(" ".join(name.split()))
            if key in wanted:
                found.setdefault(wanted[key], []).append(family_id)
    return found


def _zone(s: Session, survey: Survey, tz: str | None) -> ZoneInfo:
    name = tz or survey.timezone or studio.load_info(s).timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise errors.ValidationFailed({"tz": "timezone_unknown"}) from None


def _survey(s: Session, key: str) -> Survey:
    survey = s.scalar(select(Survey).where(Survey.key == key))
    if survey is None:
        raise errors.NotFound(f"no survey {key!r}")
    return survey


def preview(store: Store, path: Path, survey_key: str, mapping: dict[str, str] | None = None,
            tz: str | None = None) -> tuple[ImportResult, list[Row]]:
    """What an import would do, writing nothing: the mapping (given, remembered or proposed),
    the rows as they match, the errors."""
    header, rows = read(path)
    with store.read() as s:
        survey = _survey(s, survey_key)
        used = mapping or _remembered(survey, header) or propose(
            header, rows, [(i.key, i.name) for i in s.scalars(select(CsiItem))])
        parsed, problems = parse(s, survey, header, rows, used, _zone(s, survey, tz))
        known = set(s.scalars(select(SurveyAnswer.identity).where(
            SurveyAnswer.identity.in_([r.identity for r in parsed])))) if parsed else set()
    fresh = [r for r in parsed if r.identity not in known]
    matched = sum(1 for r in fresh if r.family_id is not None)
    return ImportResult(len(rows), 0, len(parsed) - len(fresh), matched, len(fresh) - matched,
                        tuple(problems), used), fresh


def _remembered(survey: Survey, header: list[str]) -> dict[str, str]:
    """The survey's mapping when every column of it is in this file."""
    saved = json.loads(survey.mapping or "{}")
    return saved if saved and all(c in header for c in saved.values()) else {}


def run(store: Store, actor: Actor, path: Path, survey_key: str,
        mapping: dict[str, str] | None = None, tz: str | None = None,
        confirmed_names: dict[int, int] | None = None) -> ImportResult:
    """Import the new rows in one transaction; a bad row raises ImportRefused (nothing
    written). The mapping and the time zone are remembered for the survey. A detractor's
    answer (0–6) or a low CSAT (1–2), and any comment, go to the feedback register (a
    negative one opens a loop case)."""
    header, rows = read(path)
    with store.write(actor) as uow:
        s = uow.session
        survey = _survey(s, survey_key)
        used = mapping or _remembered(survey, header) or propose(
            header, rows, [(i.key, i.name) for i in s.scalars(select(CsiItem))])
        parsed, problems = parse(s, survey, header, rows, used, _zone(s, survey, tz),
                                 confirmed_names)
        if problems:
            raise ImportRefused(f"{len(problems)} bad rows; nothing imported", result=ImportResult(
                len(rows), 0, 0, 0, 0, tuple(problems), used))
        known = set(s.scalars(select(SurveyAnswer.identity).where(
            SurveyAnswer.identity.in_([r.identity for r in parsed])))) if parsed else set()
        items = {i.key: i.id for i in s.scalars(select(CsiItem))}
        fresh = [r for r in parsed if r.identity not in known]
        add_many_in(uow, survey, fresh, items)
        survey.mapping = json.dumps(used, ensure_ascii=False)
        if tz:
            survey.timezone = tz
        matched = sum(1 for r in fresh if r.family_id is not None)
        result = ImportResult(len(rows), len(fresh), len(parsed) - len(fresh), matched,
                              len(fresh) - matched, (), used)
        uow.audit("survey.import", entity_id=survey.id, after=json.dumps(
            {"survey": survey.key, "file": path.name, "imported": len(fresh),
             "duplicates": result.duplicates}, ensure_ascii=False))
        uow.commit()
        return result


def add_many_in(uow: UnitOfWork, survey: Survey, rows: list[Row], items: dict[str, int],
                source: str = "form") -> list[int]:
    """The answers with their CSI scores, in a few statements; the answers' times are
    published (the monthly sums follow). An unhappy answer or a comment goes to the register
    (an unhappy one opens a loop case). Returns the answers' ids."""
    if not rows:
        return []
    s = uow.session
    s.execute(insert(SurveyAnswer.__table__), [  # at once; the ids read back by identity
        {"survey_id": survey.id, "family_id": r.family_id, "answered_at": r.at,
         "source": source, "nps": r.nps, "csat": r.csat, "comment": r.comment,
         "email": r.email, "phone": r.phone, "name": r.name, "identity": r.identity,
         "created_at": uow.now} for r in rows])
    by_identity: dict[str, int] = {}
    keys = [r.identity for r in rows]
    for start in range(0, len(keys), 900):
        by_identity.update((k, i) for i, k in s.execute(select(
            SurveyAnswer.id, SurveyAnswer.identity).where(
            SurveyAnswer.identity.in_(keys[start:start + 900]))))
    ids = [by_identity[k] for k in keys]
    scores = [{"answer_id": i, "item_id": items[key], "value": value, "scale_max": top}
              for i, r in zip(ids, rows) for key, (value, top) in r.csi.items()]
    if scores:
        s.execute(insert(CsiScore.__table__), scores)
    drafts = []
    for answer_id, r in zip(ids, rows):
        unhappy = (r.nps is not None and r.nps <= 6) or (r.csat is not None and r.csat <= 2)
        if unhappy or r.comment:
            tone = FeedbackTone.NEGATIVE if unhappy else (
                FeedbackTone.POSITIVE if (r.nps or 0) >= 9 or (r.csat or 0) >= 4
                else FeedbackTone.NEUTRAL)
            said = ", ".join(x for x in (f"NPS {r.nps}" if r.nps is not None else "",
                                         f"CSAT {r.csat}" if r.csat is not None else "") if x)
            drafts.append(register.ItemDraft(
                quote=r.comment or f"{survey.name}: {said}", tone=tone,
                source=FeedbackSource.SURVEY, source_id=answer_id, family_id=r.family_id,
                needs_answer=unhappy))
    register.record_many_in(uow, drafts)
    uow.publish(forms.AnswersChanged(tuple(r.at for r in rows)))
    return ids
