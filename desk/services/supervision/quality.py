"""The call and chat quality sheet: a supervisor listens to a call or reads a conversation and
scores each of the studio's criteria 0, 1 or 2 (not done, partly, done). The sheet's result is
Σ(weight × score) / Σ(weight × 2) as an integer percent; a criterion flagged "automatic fail"
scored 0 fails the whole sheet (0%). Sheets are filled in the app or on paper (then entered,
marked so), kept per person and month; two supervisors' sheets of the same call or
conversation are set side by side (calibration). The PDF is the month's sheets with the
summary, or a blank form to fill in by hand; its words are the studio's (Russian)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from sqlalchemy import or_, select, update

from desk.models import quality as model
from desk.models.comms import Call, Conversation
from desk.models.enums import ReviewKind
from desk.models.quality import QualityCriterion, QualityReview, QualityScore
from desk.models.studio import Staff
from desk.services.docs import pdf
from desk.services.staff import studio
from desk.services.store import errors, events, texts
from desk.services.store.db import Actor, Store, UnitOfWork

BOX = "☐"
KIND_WORDS = {ReviewKind.CALL: "звонок", ReviewKind.CHAT: "переписка"}
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
          "октябрь", "ноябрь", "декабрь")


# the criteria ------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Criterion:
    id: int
    name: str
    hint: str
    weight: int
    automatic_fail: bool
    active: bool


@dataclasses.dataclass(frozen=True)
class CriterionDraft:
    id: int | None  # None: a new criterion
    name: str
    hint: str = ""
    weight: int = 1
    automatic_fail: bool = False


@events.handler(studio.StudioCreated)
def seed(uow: UnitOfWork, _event: studio.StudioCreated | None = None) -> None:
    """A new studio's criteria: the usual ones, to be edited."""
    s = uow.session
    if s.scalar(select(QualityCriterion.id).limit(1)) is None:
        s.add_all(QualityCriterion(name=name, hint=hint, weight=weight, automatic_fail=fail,
                                   position=n, active=True)
                  for n, (name, hint, weight, fail) in enumerate(
                      texts.DEFAULT_QUALITY_CRITERIA))


def criteria(store: Store, *, active_only: bool = True) -> list[Criterion]:
    """The sheet's criteria in their order (with the removed ones after, when asked)."""
    with store.read() as s:
        return _criteria(s, active_only)


def _criteria(s, active_only: bool) -> list[Criterion]:
    query = select(QualityCriterion).order_by(QualityCriterion.active.desc(),
                                              QualityCriterion.position, QualityCriterion.id)
    if active_only:
        query = query.where(QualityCriterion.active.is_(True))
    return [Criterion(c.id, c.name, c.hint, c.weight, c.automatic_fail, c.active)
            for c in s.scalars(query)]


def check_criteria(drafts: list[CriterionDraft]) -> list[CriterionDraft]:
    """The drafts cleaned, or a field error on the first bad one (``criterion.<n>.name``,
    ``criterion.<n>.weight``)."""
    clean = []
    for n, d in enumerate(drafts):
        name = " ".join(d.name.split())
        if not name:
            raise errors.ValidationFailed({f"criterion.{n}.name": "name_empty"})
        if len(name) > 200:
            raise errors.ValidationFailed({f"criterion.{n}.name": "name_long"})
        if not isinstance(d.weight, int) or d.weight not in model.WEIGHTS:
            raise errors.ValidationFailed({f"criterion.{n}.weight": "weight_invalid"})
        if name.casefold() in {c.name.casefold() for c in clean}:
            raise errors.ValidationFailed({f"criterion.{n}.name": "name_taken"})
        clean.append(dataclasses.replace(d, name=name, hint=d.hint.strip()))
    if not clean:
        raise errors.ValidationFailed({"criteria": "criteria_empty"})
    return clean


def save_criteria(store: Store, actor: Actor, drafts: list[CriterionDraft]) -> None:
    """The criteria as listed, in this order. One left out is kept but switched off, so the
    sheets that scored it stay readable. A studio setting: a supervisor may not change it."""
    clean = check_criteria(drafts)
    with store.write(actor) as uow:
        s = uow.session
        rows = {c.id: c for c in s.scalars(select(QualityCriterion))}
        before = [_snapshot(c) for c in sorted(rows.values(), key=lambda c: c.position)
                  if c.active]
        listed = {d.id for d in clean if d.id is not None}
        for row in rows.values():
            if row.id not in listed:
                row.active = False
        for n, d in enumerate(clean):
            row = rows.get(d.id) if d.id is not None else None
            if row is None:
                row = QualityCriterion()
                s.add(row)
            row.name, row.hint, row.weight = d.name, d.hint, d.weight
            row.automatic_fail, row.position, row.active = d.automatic_fail, n, True
        s.flush()
        uow.audit("quality.criteria", before=json.dumps({"criteria": before},
                                                        ensure_ascii=False),
                  after=json.dumps({"criteria": [_snapshot(d) for d in clean]},
                                   ensure_ascii=False))
        uow.commit()


def _snapshot(c) -> dict:
    return {"name": c.name, "weight": c.weight, "automatic_fail": c.automatic_fail}


def percent(values: dict[int, int], among: list[Criterion]) -> tuple[int, bool]:
    """(score %, failed) of a sheet scored ``values`` (criterion id → 0/1/2) — what the form
    shows live, computed as a save computes it."""
    return model.percent([(values[c.id], c.weight, c.automatic_fail) for c in among
                          if c.id in values])


# the sheets --------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ReviewDraft:
    person_id: int  # whose call or chat
    kind: ReviewKind
    at: dt.datetime  # when it took place
    scores: dict[int, int]  # criterion id → 0, 1 or 2; every active criterion
    call_id: int | None = None
    conversation_id: int | None = None
    note: str = ""
    from_paper: bool = False
    reviewer_id: int | None = None  # who scored it (a paper sheet entered by someone else);
    # None: the one saving it


@dataclasses.dataclass(frozen=True)
class ScoreLine:
    criterion_id: int
    name: str
    value: int
    weight: int
    automatic_fail: bool


@dataclasses.dataclass(frozen=True)
class Review:
    id: int
    person_id: int
    person: str
    reviewer_id: int
    reviewer: str
    kind: ReviewKind
    call_id: int | None
    conversation_id: int | None
    reference: str  # the call or conversation in words; "" for none
    at: dt.datetime
    note: str
    from_paper: bool
    score: int  # percent
    failed: bool
    lines: tuple[ScoreLine, ...]


@dataclasses.dataclass(frozen=True)
class Reference:
    """A call or a conversation a sheet may be about."""

    kind: ReviewKind
    id: int
    at: dt.datetime
    text: str


def record(store: Store, actor: Actor, draft: ReviewDraft) -> int:
    """Keep a filled sheet; returns its id. A supervisor fills these (their desk is otherwise
    read-only)."""
    note = draft.note.strip()
    if draft.at.tzinfo is None:
        raise errors.ValidationFailed({"at": "date_invalid"})
    if draft.call_id is not None and draft.conversation_id is not None:
        raise errors.ValidationFailed({"reference": "reference_invalid"})
    with store.write(actor, looking_may=True) as uow:
        s = uow.session
        if draft.at > uow.now + dt.timedelta(minutes=5):
            raise errors.ValidationFailed({"at": "date_in_future"})
        person = s.get(Staff, draft.person_id)
        if person is None:
            raise errors.ValidationFailed({"person": "person_invalid"})
        reviewer_id = draft.reviewer_id if draft.reviewer_id is not None else actor.staff_id
        reviewer = s.get(Staff, reviewer_id) if reviewer_id is not None else None
        if reviewer is None:
            raise errors.ValidationFailed({"reviewer": "reviewer_invalid"})
        if draft.call_id is not None and (draft.kind is not ReviewKind.CALL
                                          or s.get(Call, draft.call_id) is None):
            raise errors.ValidationFailed({"reference": "reference_invalid"})
        if draft.conversation_id is not None and (
                draft.kind is not ReviewKind.CHAT
                or s.get(Conversation, draft.conversation_id) is None):
            raise errors.ValidationFailed({"reference": "reference_invalid"})
        active = _criteria(s, True)
        known = {c.id for c in active}
        for criterion_id, value in draft.scores.items():
            if criterion_id not in known or value not in model.SCORES:
                raise errors.ValidationFailed({f"score.{criterion_id}": "quality_score_invalid"})
        missing = {f"score.{c.id}": "quality_score_missing" for c in active
                   if c.id not in draft.scores}
        if missing:  # each one named beside its criterion
            raise errors.ValidationFailed(missing)
        score, failed = percent(draft.scores, active)
        row = QualityReview(person_id=person.id, reviewer_id=reviewer.id, kind=draft.kind,
                            call_id=draft.call_id, conversation_id=draft.conversation_id,
                            at=draft.at, note=note, from_paper=draft.from_paper, score=score,
                            failed=failed, created_at=uow.now)
        s.add(row)
        s.flush()
        s.add_all(QualityScore(review_id=row.id, criterion_id=c.id, value=draft.scores[c.id],
                               weight=c.weight, automatic_fail=c.automatic_fail)
                  for c in active)
        uow.audit("quality.review", entity_id=row.id, after=json.dumps(
            {"person": person.name, "reviewer": reviewer.name, "sheet": draft.kind.value,
             "score": score, "failed": failed, "from_paper": draft.from_paper},
            ensure_ascii=False))
        uow.commit()
        return row.id


def remove(store: Store, actor: Actor, review_id: int) -> None:
    """A sheet entered by mistake goes (its author or a desk member may remove it)."""
    with store.write(actor, looking_may=True) as uow:
        row = uow.session.get(QualityReview, review_id)
        if row is None:
            raise errors.NotFound(f"no quality sheet {review_id}")
        if actor.looks_only and row.reviewer_id != actor.staff_id:
            raise errors.NotPermitted("a supervisor removes only their own sheets")
        uow.audit("quality.remove", entity_id=row.id, before=json.dumps(
            {"score": row.score, "failed": row.failed}))
        uow.session.delete(row)
        uow.commit()


def references(store: Store, kind: ReviewKind, *, person_id: int | None = None,
               until: dt.datetime | None = None, days: int = 31,
               limit: int = 300) -> list[Reference]:
    """The calls (or conversations) of the last ``days`` a sheet may be about, the newest
    first; the person's own calls when ``person_id`` is given."""
    tz = studio.info(store).tz
    until = until or store.now()
    since = until - dt.timedelta(days=days)
    with store.read() as s:
        if kind is ReviewKind.CALL:
            query = (select(Call).where(Call.at >= since, Call.at <= until)
                     .order_by(Call.at.desc(), Call.id.desc()).limit(limit))
            if person_id is not None:
                query = query.where(or_(Call.staff_id == person_id, Call.staff_id.is_(None)))
            return [Reference(kind, c.id, c.at, _call_words(c, tz)) for c in s.scalars(query)]
        query = (select(Conversation).where(Conversation.last_at >= since,
                                            Conversation.opened_at <= until)
                 .order_by(Conversation.last_at.desc(), Conversation.id.desc()).limit(limit))
        return [Reference(kind, c.id, c.opened_at, _talk_words(c, tz))
                for c in s.scalars(query)]


def _call_words(c: Call, tz) -> str:
    way = "входящий" if c.direction.value == "incoming" else "исходящий"
    return " · ".join(x for x in (f"Звонок №{c.id}", f"{c.at.astimezone(tz):%d.%m %H:%M}",
                                  way, c.phone or "", c.topic) if x)


def _talk_words(c: Conversation, tz) -> str:
    when = f"{c.opened_at.astimezone(tz):%d.%m %H:%M}"
    return " · ".join(x for x in (f"Переписка №{c.id}", when, c.channel.value, c.name,
                                  c.subject) if x)


def _reviews(s, tz, where) -> list[Review]:
    names = dict(s.execute(select(Staff.id, Staff.name)).all())
    rows = list(s.scalars(select(QualityReview).where(*where)
                          .order_by(QualityReview.at, QualityReview.id)))
    if not rows:
        return []
    ids = [r.id for r in rows]
    lines: dict[int, list[ScoreLine]] = {}
    for score, name in s.execute(
            select(QualityScore, QualityCriterion.name)
            .join(QualityCriterion, QualityCriterion.id == QualityScore.criterion_id)
            .where(QualityScore.review_id.in_(ids))
            .order_by(QualityCriterion.position, QualityCriterion.id)):
        lines.setdefault(score.review_id, []).append(ScoreLine(
            score.criterion_id, name, score.value, score.weight, score.automatic_fail))
    calls = {c.id: c for c in s.scalars(select(Call).where(Call.id.in_(
        [r.call_id for r in rows if r.call_id is not None])))}
    talks = {c.id: c for c in s.scalars(select(Conversation).where(Conversation.id.in_(
        [r.conversation_id for r in rows if r.conversation_id is not None])))}
    out = []
    for r in rows:
        if r.call_id in calls:
            reference = _call_words(calls[r.call_id], tz)
        elif r.conversation_id in talks:
            reference = _talk_words(talks[r.conversation_id], tz)
        else:
            reference = ""
        out.append(Review(r.id, r.person_id, names.get(r.person_id, ""), r.reviewer_id,
                          names.get(r.reviewer_id, ""), r.kind, r.call_id, r.conversation_id,
                          reference, r.at, r.note, r.from_paper, r.score, r.failed,
                          tuple(lines.get(r.id, ()))))
    return out


def review(store: Store, review_id: int) -> Review:
    tz = studio.info(store).tz
    with store.read() as s:
        found = _reviews(s, tz, [QualityReview.id == review_id])
    if not found:
        raise errors.NotFound(f"no quality sheet {review_id}")
    return found[0]


def parse_month(text: str) -> tuple[int, int]:
    """(year, month) of "YYYY-MM", or a field error on ``month``."""
    m = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", text.strip())
    if not m:
        raise errors.ValidationFailed({"month": "month_invalid"})
    return int(m.group(1)), int(m.group(2))


def month_bounds(month: str, tz) -> tuple[dt.datetime, dt.datetime]:
    year, number = parse_month(month)
    first = dt.date(year, number, 1)
    after = dt.date(year + number // 12, number % 12 + 1, 1)
    return (studio.local_day_bounds(first, tz)[0], studio.local_day_bounds(after, tz)[0])


def reviews(store: Store, person_id: int, month: str) -> list[Review]:
    """The person's sheets of the month (studio time), in the order the calls took place."""
    tz = studio.info(store).tz
    since, until = month_bounds(month, tz)
    with store.read() as s:
        return _reviews(s, tz, [QualityReview.person_id == person_id, QualityReview.at >= since,
                                QualityReview.at < until])


# the month's summary and calibration --------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class CriterionAverage:
    name: str
    average: int  # percent of the top score (2) over the sheets that scored it
    zeros: int  # sheets where it scored 0
    n: int


@dataclasses.dataclass(frozen=True)
class Summary:
    count: int
    average: int | None  # percent; None without sheets
    fails: int  # sheets failed by an automatic-fail criterion
    calls: int
    chats: int
    criteria: tuple[CriterionAverage, ...]


def summarize(found: list[Review]) -> Summary:
    per: dict[int, list] = {}
    order: list[int] = []
    for r in found:
        for line in r.lines:
            if line.criterion_id not in per:
                per[line.criterion_id] = [line.name, 0, 0, 0]
                order.append(line.criterion_id)
            entry = per[line.criterion_id]
            entry[1] += line.value
            entry[2] += line.value == 0
            entry[3] += 1
    averages = tuple(CriterionAverage(name, (100 * total + n) // (2 * n), zeros, n)
                     for name, total, zeros, n in (per[i] for i in order))
    count = len(found)
    return Summary(count, (sum(r.score for r in found) * 2 + count) // (2 * count)
                   if count else None, sum(r.failed for r in found),
                   sum(r.kind is ReviewKind.CALL for r in found),
                   sum(r.kind is ReviewKind.CHAT for r in found), averages)


@dataclasses.dataclass(frozen=True)
class Difference:
    name: str
    first: int | None  # None: that sheet did not score it
    second: int | None

    @property
    def delta(self) -> int | None:
        if self.first is None or self.second is None:
            return None
        return self.second - self.first


@dataclasses.dataclass(frozen=True)
class Calibration:
    """Two supervisors' sheets of the same call or conversation, side by side."""

    reference: str
    first: Review
    second: Review
    differences: tuple[Difference, ...]

    @property
    def gap(self) -> int:
        """The difference of the two results, in percentage points."""
        return self.second.score - self.first.score

    @property
    def disagreements(self) -> int:
        return sum(1 for d in self.differences if d.delta)


def calibrate(first: Review, second: Review) -> Calibration:
    a = {line.criterion_id: line for line in first.lines}
    b = {line.criterion_id: line for line in second.lines}
    ids = list(a) + [i for i in b if i not in a]
    return Calibration(first.reference or second.reference, first, second, tuple(
        Difference((a.get(i) or b[i]).name, a[i].value if i in a else None,
                   b[i].value if i in b else None) for i in ids))


def calibrations(store: Store, person_id: int, month: str) -> list[Calibration]:
    """For each call or conversation of the person's month scored by two (or more) different
    supervisors: the first two sheets side by side."""
    return pairs(reviews(store, person_id, month))


def pairs(found: list[Review]) -> list[Calibration]:
    groups: dict[tuple[str, int], list[Review]] = {}
    for r in found:
        key = (("call", r.call_id) if r.call_id is not None else
               ("chat", r.conversation_id) if r.conversation_id is not None else None)
        if key is not None:
            groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        first = group[0]
        second = next((r for r in group[1:] if r.reviewer_id != first.reviewer_id), None)
        if second is not None:
            out.append(calibrate(first, second))
    return out


# the month sheet and the PDF ----------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class MonthSheet:
    studio: str
    person_id: int
    person: str
    month: str  # "YYYY-MM"
    printed: dt.datetime  # studio time
    reviews: tuple[Review, ...]
    summary: Summary
    calibrations: tuple[Calibration, ...]
    tz: object

    @property
    def title(self) -> str:
        return "Оценка звонков и переписки"

    @property
    def month_words(self) -> str:
        year, number = parse_month(self.month)
        return f"{MONTHS[number - 1]} {year}"


def month_sheet(store: Store, person_id: int, month: str) -> MonthSheet:
    """The person's month: every sheet, the summary and the calibrations."""
    parse_month(month)
    info = studio.info(store)
    with store.read() as s:
        person = s.get(Staff, person_id)
        if person is None:
            raise errors.ValidationFailed({"person": "person_invalid"})
        name = person.name
    found = reviews(store, person_id, month)
    return MonthSheet(info.name, person_id, name, month, store.now().astimezone(info.tz),
                      tuple(found), summarize(found), tuple(pairs(found)), info.tz)


def _score_words(value: int | None) -> str:
    return "—" if value is None else str(value)


def _result(r: Review) -> str:
    return f"{r.score}%" + (" — не засчитан (критичный критерий)" if r.failed else "")


def render_pdf(sheet: MonthSheet) -> bytes:
    """The month's sheets with the summary first, each sheet's scores after it."""
    tz, summary = sheet.tz, sheet.summary
    flow: list = [pdf.text("Итог месяца", "h2")]
    if not summary.count:
        flow.append(pdf.text("За месяц нет ни одного заполненного листа."))
    else:
        flow.append(pdf.text(
            f"Листов: {summary.count} (звонков {summary.calls}, переписок {summary.chats}) · "
            f"средний результат: {summary.average}% · не засчитано: {summary.fails}"))
        flow += [pdf.gap(3), pdf.table(
            ["Критерий", "Выполнение, %", "Нулей", "Оценок"],
            [[c.name, f"{c.average}%", str(c.zeros), str(c.n)] for c in summary.criteria],
            [0.55, 0.15, 0.15, 0.15], wrap=(0,))]
        flow += [pdf.gap(3), pdf.table(
            ["№", "Когда", "Что", "Оценил(а)", "Результат"],
            [[str(n), f"{r.at.astimezone(tz):%d.%m %H:%M}",
              KIND_WORDS[r.kind] + (" (с бумаги)" if r.from_paper else ""), r.reviewer,
              _result(r)] for n, r in enumerate(sheet.reviews, 1)],
            [0.06, 0.16, 0.24, 0.24, 0.30], wrap=(2, 3, 4))]
    if sheet.calibrations:
        flow.append(pdf.text("Калибровка: один разговор — две оценки", "h2"))
        for c in sheet.calibrations:
            flow.append(pdf.text(
                f"{c.reference or KIND_WORDS[c.first.kind]}: {c.first.reviewer} — "
                f"{c.first.score}%, {c.second.reviewer} — {c.second.score}% (расхождение "
                f"{abs(c.gap)} процентных пунктов; критериев с разной оценкой: {c.disagreements})"))
            flow += [pdf.gap(2), pdf.table(
                ["Критерий", c.first.reviewer, c.second.reviewer, "Разница"],
                [[d.name, _score_words(d.first), _score_words(d.second),
                  "" if not d.delta else f"{d.delta:+d}"] for d in c.differences],
                [0.52, 0.16, 0.16, 0.16], wrap=(0, 1, 2)), pdf.gap(3)]
    for n, r in enumerate(sheet.reviews, 1):
        flow.append(pdf.text(f"Лист {n}: {KIND_WORDS[r.kind]}, "
                             f"{r.at.astimezone(tz):%d.%m.%Y %H:%M} · {_result(r)}", "h2"))
        flow.append(pdf.text(
            f"Оценил(а): {r.reviewer}" + (" · перенесено с бумажного листа" if r.from_paper
                                          else "")
            + (f" · {r.reference}" if r.reference else "")))
        flow += [pdf.gap(2), pdf.table(
            ["Критерий", "Вес", "Балл", ""],
            [[line.name + (" (критичный)" if line.automatic_fail else ""), str(line.weight),
              str(line.value), "не выполнен" if line.value == 0 else ""]
             for line in r.lines], [0.58, 0.1, 0.1, 0.22], wrap=(0,))]
        if r.note:
            flow += [pdf.gap(2), pdf.text(f"Комментарий: {r.note}")]
    flow += [pdf.gap(10),
             pdf.text(f"С оценками ознакомлен(а): {sheet.person}     Подпись: ____________"),
             pdf.gap(6),
             pdf.text("Руководитель: ________________________     Подпись: ____________     "
                      "Дата: ________")]
    return pdf.render(pdf.Heading(
        sheet.title, sheet.studio, f"{sheet.person} · {sheet.month_words}",
        f"Сформировано из базы {sheet.printed:%d.%m.%Y %H:%M}"), flow)


def render_blank(studio_name: str, found: list[Criterion], printed: dt.datetime,
                 person: str = "") -> bytes:
    """An empty form to fill in by hand while listening or reading: each criterion with
    ☐0 ☐1 ☐2, room for who, whom, which call or chat and when, and signatures."""
    rows = [[str(n), c.name + (" (критичный: 0 — лист не засчитан)" if c.automatic_fail
                               else ""),
             c.hint, str(c.weight), f"{BOX} 0   {BOX} 1   {BOX} 2"]
            for n, c in enumerate(found, 1)]
    top = sum(2 * c.weight for c in found)
    flow = [pdf.text(f"Сотрудник: {person or '________________________'}     "
                     "Руководитель: ________________________"),
            pdf.gap(3),
            pdf.text(f"{BOX} звонок   {BOX} переписка · Номер звонка или переписки: "
                     "__________ · Дата и время: ______________"),
            pdf.gap(4),
            pdf.table(["№", "Критерий", "Что считается выполненным", "Вес", "Балл"], rows,
                      [0.05, 0.27, 0.40, 0.07, 0.21], wrap=(1, 2), row_mm=12),
            pdf.gap(4),
            pdf.text("0 — не сделано, 1 — сделано частично, 2 — сделано полностью. Результат = "
                     f"сумма (вес × балл) / {top} × 100%. Критичный критерий на 0 — лист не "
                     "засчитан (0%)."),
            pdf.gap(4),
            pdf.text(f"Сумма: ________ / {top} · Результат: ________ %"),
            pdf.gap(4),
            pdf.text("Комментарий: ______________________________________________________"),
            pdf.gap(4),
            pdf.text("______________________________________________________________"),
            pdf.gap(10),
            pdf.text("Руководитель: ________________________     Подпись: ____________"),
            pdf.gap(6),
            pdf.text("С оценкой ознакомлен(а): ________________________     Подпись: "
                     "____________")]
    return pdf.render(pdf.Heading(
        "Лист оценки звонка или переписки", studio_name,
        f"бланк от {printed:%d.%m.%Y}" + (f" · {person}" if person else ""),
        "Заполняется от руки и переносится в программу с отметкой «с бумаги»"), flow)


def blank(store: Store, person_id: int | None = None) -> bytes:
    info = studio.info(store)
    person = ""
    if person_id is not None:
        with store.read() as s:
            found = s.get(Staff, person_id)
            if found is None:
                raise errors.ValidationFailed({"person": "person_invalid"})
            person = found.name
    return render_blank(info.name, criteria(store), store.now().astimezone(info.tz), person)


def export(store: Store, person_id: int, month: str, path: Path) -> MonthSheet:
    """Write the person's month (every sheet and the summary) to ``path`` (.pdf)."""
    return pdf.export(path, lambda: month_sheet(store, person_id, month), render_pdf)


def export_blank(store: Store, path: Path, person_id: int | None = None) -> int:
    """Write an empty form to ``path`` (.pdf); returns how many criteria it lists."""
    pdf.export(path, lambda: blank(store, person_id), lambda data: data)
    return len(criteria(store))


# privacy ------------------------------------------------------------------------------------

def forget_in(s, call_ids: list[int], conversation_ids: list[int]) -> int:
    """An erase: the sheets about the family's calls or conversations keep their scores but
    lose the reference and the note (which may name the family)."""
    if not call_ids and not conversation_ids:
        return 0
    about = or_(QualityReview.call_id.in_(call_ids),
                QualityReview.conversation_id.in_(conversation_ids))
    return s.execute(update(QualityReview).where(about).values(
        call_id=None, conversation_id=None, note="")).rowcount
