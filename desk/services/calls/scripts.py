"""Call scripts the studio edits: steps (words to say, questions, choices that branch, the 0–10
score, the lapsed client's reason code) and outcome codes, each of which may set the next task.

A script is stored as JSON::

    {"steps": [{"key": "s1", "kind": "choice", "text": "…", "only_if": [7, 10] | null,
                "options": [{"label": "…", "go": "next" | "step:<key>" | "end:<outcome>"}]}],
     "outcomes": [{"key": "o1", "name": "…", "task": "…", "task_days": 1}]}

Branches only jump forward, so every call reaches its end. A step with ``only_if`` is asked
only when the score given earlier in the call lies in that range (the NPS script's "what would
make it a 10" is for 7 and above). The lapsed-client and NPS scripts always exist: until the
studio edits them, the defaults in texts.py are used."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.comms import Call, CallScript, LapseCall, NpsScore, ScriptRun
from desk.models.enums import (
    CallDirection, LapseReason, Mark, Role, ScriptPurpose, StepKind, TimelineKind,
)
from desk.models.family import Child, Guardian
from desk.models.schedule import Enrolment
from desk.models.studio import Staff
from desk.services.calls import calls
from desk.services.comms import templates
from desk.services.comms import greetings
from desk.services.crm import contacts, families
from desk.services.staff import hours
from desk.services.staff import studio
from desk.services.store import errors, events, texts
from desk.services.tasks import tasks
from desk.services.store.db import Actor, Store, UnitOfWork

NEXT, STEP, END = "next", "step:", "end:"
PLACEHOLDERS = ("parent", "child", "studio", "me")
SCORES = range(0, 11)
MAX_TASK_DAYS = 365


@dataclasses.dataclass(frozen=True)
class NpsRecorded(events.Event):
    """A script call recorded a family's 0–10 score at ``at``."""

    at: dt.datetime


@dataclasses.dataclass(frozen=True)
class Option:
    label: str
    go: str = NEXT  # "next", "step:<key>" or "end:<outcome key>"


@dataclasses.dataclass(frozen=True)
class Step:
    key: str
    kind: StepKind
    text: str
    options: tuple[Option, ...] = ()
    only_if: tuple[int, int] | None = None  # asked only when the score is in this range


@dataclasses.dataclass(frozen=True)
class Outcome:
    key: str
    name: str
    task: str = ""  # the next task's title; empty: no task
    task_days: int = 0  # 0: within the next half hour of working time


@dataclasses.dataclass(frozen=True)
class Script:
    id: int | None  # None: the built-in default, not edited yet
    name: str
    purpose: ScriptPurpose
    steps: tuple[Step, ...]
    outcomes: tuple[Outcome, ...]

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    def outcome(self, key: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.key == key), None)


@dataclasses.dataclass(frozen=True)
class Answer:
    step_key: str
    question: str  # as it was said, placeholders filled in
    answer: str = ""  # as the staff typed or chose it
    score: int | None = None
    reason: LapseReason | None = None
    go: str = NEXT


@dataclasses.dataclass(frozen=True)
class Ending:
    outcome_key: str | None  # the outcome a branch chose; None: the staff choose it


@dataclasses.dataclass(frozen=True)
class Sheet:
    """What the person calling sees at the top: who, which numbers, and the values of the
    placeholders."""

    family_id: int
    title: str
    phones: tuple[str, ...]
    values: dict[str, str]


@dataclasses.dataclass(frozen=True)
class RunDraft:
    family_id: int
    script: Script
    answers: tuple[Answer, ...]
    outcome_key: str
    note: str = ""
    duration_s: int = 0
    enrolment_id: int | None = None  # the missed lesson the call is about (No-shows)


@dataclasses.dataclass(frozen=True)
class RunRow:
    id: int
    at: dt.datetime
    script_name: str
    purpose: ScriptPurpose
    outcome_name: str
    score: int | None
    answers: tuple[tuple[str, str], ...]
    note: str
    duration_s: int
    staff_name: str


# -- the scripts ---------------------------------------------------------------------------

def from_json(script_id: int | None, name: str, purpose: ScriptPurpose, body: str) -> Script:
    data = json.loads(body)
    steps = tuple(
        Step(s["key"], StepKind(s["kind"]), s.get("text", ""),
             tuple(Option(o["label"], o.get("go", NEXT)) for o in s.get("options", ())),
             tuple(s["only_if"]) if s.get("only_if") else None)
        for s in data.get("steps", ()))
    outcomes = tuple(Outcome(o["key"], o["name"], o.get("task", ""), int(o.get("task_days", 0)))
                     for o in data.get("outcomes", ()))
    return Script(script_id, name, purpose, steps, outcomes)


def to_json(script: Script) -> str:
    return json.dumps({
        "steps": [{"key": s.key, "kind": s.kind.value, "text": s.text,
                   "options": [{"label": o.label, "go": o.go} for o in s.options],
                   "only_if": list(s.only_if) if s.only_if else None} for s in script.steps],
        "outcomes": [dataclasses.asdict(o) for o in script.outcomes],
    }, ensure_ascii=False)


def default(purpose: ScriptPurpose) -> Script:
    name, body = texts.DEFAULT_SCRIPTS[purpose.value]
    return from_json(None, name, purpose, json.dumps(body, ensure_ascii=False))


def listing(store: Store) -> list[Script]:
    """The studio's scripts: the lapsed-client and NPS scripts first, then its own."""
    with store.read() as s:
        rows = s.scalars(select(CallScript).where(CallScript.active.is_(True))
                         .order_by(CallScript.id)).all()
        found = [from_json(r.id, r.name, r.purpose, r.body) for r in rows]
    built_in = [next((x for x in found if x.purpose is p), None) or default(p)
                for p in (ScriptPurpose.LAPSED, ScriptPurpose.NPS)]
    return built_in + [x for x in found if x.purpose is ScriptPurpose.GENERAL]


def for_purpose(store: Store, purpose: ScriptPurpose) -> Script:
    return next(x for x in listing(store) if x.purpose is purpose)


def fresh_key(prefix: str, taken: Sequence[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def check(script: Script) -> None:
    """Raise ValidationFailed naming every problem: ``step.<n>.text``, ``step.<n>.options``,
    ``outcome.<n>.name`` … (n counts from 1, as the editor shows them)."""
    fields: dict[str, str] = {}
    detail: list[str] = []
    if not script.name.strip():
        fields["name"] = "name_empty"
    if not script.steps:
        fields["steps"] = "script_no_steps"
    if not script.outcomes:
        fields["outcomes"] = "script_no_outcomes"
    step_keys = [s.key for s in script.steps]
    outcome_keys = {o.key for o in script.outcomes}
    scored = False
    kinds_seen: set[StepKind] = set()
    for n, step in enumerate(script.steps, 1):
        where = f"step.{n}"
        if not step.text.strip():
            fields[f"{where}.text"] = "script_step_empty"
        unknown = [p for p in templates.placeholders(step.text) if p not in PLACEHOLDERS]
        if unknown:
            fields[f"{where}.text"] = "script_placeholder"
            detail += ["{" + p + "}" for p in unknown]
        if step.kind in (StepKind.SCORE, StepKind.REASON) and step.kind in kinds_seen:
            fields[f"{where}.kind"] = "script_twice"
        kinds_seen.add(step.kind)
        if step.kind is StepKind.CHOICE:
            if len(step.options) < 2 or any(not o.label.strip() for o in step.options):
                fields[f"{where}.options"] = "script_options"
            for o in step.options:
                if o.go.startswith(STEP):
                    target = o.go[len(STEP):]
                    if target not in step_keys or step_keys.index(target) <= n - 1:
                        fields[f"{where}.options"] = "script_jump_back"
                elif o.go.startswith(END):
                    if o.go[len(END):] not in outcome_keys:
                        fields[f"{where}.options"] = "script_no_such_outcome"
                elif o.go != NEXT:
                    fields[f"{where}.options"] = "script_no_such_outcome"
        if step.only_if is not None:
            lo, hi = step.only_if
            if not scored:
                fields[f"{where}.only_if"] = "script_condition_no_score"
            elif not (0 <= lo <= hi <= 10):
                fields[f"{where}.only_if"] = "script_condition_range"
        scored = scored or step.kind is StepKind.SCORE
    needs = {ScriptPurpose.LAPSED: StepKind.REASON, ScriptPurpose.NPS: StepKind.SCORE}
    if script.purpose in needs and script.steps and needs[script.purpose] not in kinds_seen:
        fields["steps"] = f"script_needs_{needs[script.purpose].value}"
    if len(set(step_keys)) != len(step_keys) or len(outcome_keys) != len(script.outcomes):
        raise ValueError("step and outcome keys must be unique")
    for n, outcome in enumerate(script.outcomes, 1):
        if not outcome.name.strip():
            fields[f"outcome.{n}.name"] = "name_empty"
        if not 0 <= outcome.task_days <= MAX_TASK_DAYS:
            fields[f"outcome.{n}.task_days"] = "script_task_days"
    if fields:
        raise errors.ValidationFailed(fields, detail=", ".join(detail))


def save(store: Store, actor: Actor, script: Script) -> int:
    """Store the studio's version of a script (a built-in default becomes a row)."""
    check(script)
    body = to_json(script)
    with store.write(actor) as uow:
        s = uow.session
        row = s.get(CallScript, script.id) if script.id is not None else None
        if script.id is not None and (row is None or not row.active):
            raise errors.NotFound(f"script {script.id} not found")
        before = None
        if row is None:
            if script.purpose is not ScriptPurpose.GENERAL and s.scalar(
                    select(CallScript.id).where(CallScript.purpose == script.purpose,
                                                CallScript.active.is_(True))):
                raise ValueError(f"the {script.purpose.value} script exists already")
            row = CallScript(purpose=script.purpose)
            s.add(row)
        else:
            before = json.dumps({"name": row.name, "body": json.loads(row.body)},
                                ensure_ascii=False)
        row.name, row.body, row.updated_at = script.name.strip(), body, uow.now
        s.flush()
        uow.audit("script.save", entity_id=row.id, before=before, after=json.dumps(
            {"name": row.name, "body": json.loads(body)}, ensure_ascii=False))
        uow.commit()
        return row.id


def remove(store: Store, actor: Actor, script_id: int) -> None:
    """Put one of the studio's own scripts away; the calls made with it keep its name. The
    lapsed-client and NPS scripts cannot be removed (they go back to the default instead)."""
    with store.write(actor) as uow:
        row = uow.session.get(CallScript, script_id)
        if row is None or not row.active:
            raise errors.NotFound(f"script {script_id} not found")
        row.active = False
        row.updated_at = uow.now
        uow.audit("script.remove", entity_id=row.id, before=json.dumps(
            {"name": row.name}, ensure_ascii=False))
        uow.commit()


# -- a call --------------------------------------------------------------------------------

def sheet(store: Store, family_id: int, me: str, purpose: ScriptPurpose = ScriptPurpose.GENERAL,
          enrolment_id: int | None = None) -> Sheet:
    """The sheet of a call to a family. {child} names the child the call is about: the one who
    missed the lesson (a no-show's enrolment), else on a lapsed-client call the children who
    used to come (not a younger sibling who never did), else all the family's children."""
    with store.read() as s:
        families.load(s, family_id)
        guardians = s.execute(select(Guardian.name, Guardian.phone)
                              .where(Guardian.family_id == family_id)
                              .order_by(Guardian.position)).all()
        values = {"studio": studio.load_info(s).name, "me": me.split()[0] if me.split() else me,
                  **greetings.family_names(s, family_id)}
        about = _children_called_about(s, family_id, purpose, enrolment_id)
        if about:
            values["child"] = greetings.join_names([greetings.first_name(n) for n in about])
        phones = tuple(f"{contacts.display_phone(p)} ({n})" if n else contacts.display_phone(p)
                       for n, p in guardians if p)
        title = families.titles(s, [family_id]).get(family_id, "")
        return Sheet(family_id, title, phones, values)


def _children_called_about(s: Session, family_id: int, purpose: ScriptPurpose,
                           enrolment_id: int | None) -> list[str]:
    if enrolment_id is not None:
        return list(s.scalars(select(Child.name).join(Enrolment, Enrolment.child_id == Child.id)
                              .where(Enrolment.id == enrolment_id,
                                     Child.family_id == family_id)))
    if purpose is not ScriptPurpose.LAPSED:
        return []
    came = select(Enrolment.child_id).where(Enrolment.family_id == family_id,
                                            Enrolment.mark == Mark.ATTENDED)
    return list(s.scalars(select(Child.name).where(Child.family_id == family_id,
                                                   Child.archived_at.is_(None),
                                                   Child.id.in_(came))
                          .order_by(Child.position)))


def say(text: str, values: dict[str, str]) -> str:
    """A step's words with the placeholders filled in; one the desk does not know is left in
    braces for the person calling to fill in aloud."""
    known = {p: values.get(p, "{" + p + "}") for p in templates.placeholders(text)}
    try:
        return templates.render(text, known)
    except templates.TemplateProblem:
        return text


def following(script: Script, answers: Sequence[Answer]) -> Step | Ending:
    """The step to ask after these answers, or the end of the call."""
    score = next((a.score for a in answers if a.score is not None), None)
    start = 0
    if answers:
        last = answers[-1]
        if last.go.startswith(END):
            return Ending(last.go[len(END):])
        keys = [s.key for s in script.steps]
        if last.go.startswith(STEP):
            start = keys.index(last.go[len(STEP):])
        else:
            start = keys.index(last.step_key) + 1
    for step in script.steps[start:]:
        if step.only_if is None or (score is not None
                                    and step.only_if[0] <= score <= step.only_if[1]):
            return step
    return Ending(None)


def record(store: Store, actor: Actor, draft: RunDraft) -> int:
    """Store the call: its answers and outcome on the family's card, the score (NPS) with its
    date, the reason code (lapsed clients), and the next task when the outcome sets one."""
    outcome = draft.script.outcome(draft.outcome_key)
    if outcome is None:
        raise errors.ValidationFailed({"outcome": "script_no_such_outcome"})
    if draft.duration_s < 0:
        raise errors.ValidationFailed({"duration": "duration_invalid"})
    scores = [a.score for a in draft.answers if a.score is not None]
    if any(x not in SCORES for x in scores) or len(scores) > 1:
        raise errors.ValidationFailed({"score": "score_invalid"})
    score = scores[0] if scores else None
    reason = next((a for a in draft.answers if a.reason is not None), None)
    note = draft.note.strip()
    with store.write(actor) as uow:
        s = uow.session
        families.load(s, draft.family_id)
        phone = s.scalar(select(Guardian.phone).where(Guardian.family_id == draft.family_id,
                                                      Guardian.phone.is_not(None))
                         .order_by(Guardian.position).limit(1))
        task_id = _next_task(uow, draft.family_id, outcome) if outcome.task.strip() else None
        call = Call(family_id=draft.family_id, phone=phone, direction=CallDirection.OUTGOING,
                    missed=False, at=uow.now, duration_s=draft.duration_s,
                    topic=draft.script.name, outcome=outcome.name,
                    next_step=outcome.task.strip(), staff_id=actor.staff_id)
        s.add(call)
        s.flush()
        run = ScriptRun(family_id=draft.family_id, script_id=draft.script.id,
                        script_name=draft.script.name, purpose=draft.script.purpose,
                        at=uow.now, duration_s=draft.duration_s, outcome_key=outcome.key,
                        outcome_name=outcome.name, note=note, score=score, call_id=call.id,
                        task_id=task_id, staff_id=actor.staff_id,
                        answers=json.dumps([[a.question, a.answer] for a in draft.answers],
                                           ensure_ascii=False))
        s.add(run)
        s.flush()
        if score is not None:
            s.add(NpsScore(family_id=draft.family_id, score=score, at=uow.now, source="call",
                           run_id=run.id, staff_id=actor.staff_id))
            s.flush()
            uow.publish(NpsRecorded(uow.now))
        if reason is not None:
            s.add(LapseCall(family_id=draft.family_id, enrolment_id=draft.enrolment_id,
                            at=uow.now, reason=reason.reason, note=reason.answer,
                            staff_id=actor.staff_id))
        families.timeline_event(uow, draft.family_id, TimelineKind.CALL,
                                _summary(run, reason.reason if reason else None))
        uow.audit("script.run", entity_id=run.id, family_id=draft.family_id, after=json.dumps(
            {"script": run.script_name, "outcome": run.outcome_name, "score": score,
             "reason": reason.reason.value if reason else None}, ensure_ascii=False))
        uow.commit()
        return run.id


def _next_task(uow: UnitOfWork, family_id: int, outcome: Outcome) -> int:
    working = hours.load(uow.session)
    if outcome.task_days == 0:
        due = working.callback_due(uow.now)
    else:
        due = uow.now + dt.timedelta(days=outcome.task_days)
        if not working.is_open(due):
            try:
                due = working.next_open(due)
            except errors.DeskError:
                pass  # no working hours set: the same time that day
    return tasks.save_in(uow, tasks.TaskDraft(
        title=outcome.task.strip(), due_at=due, family_id=family_id,
        assignee_role=Role.COMMUNICATOR, origin="script"))


def _summary(run: ScriptRun, reason: LapseReason | None) -> str:
    parts = [texts.SCRIPT_CALL.format(script=run.script_name)]
    if run.duration_s:
        parts.append(calls.duration_text(run.duration_s))
    parts.append(run.outcome_name)
    if reason is not None:
        parts.append(texts.LAPSE_REASON.format(reason=texts.LAPSE_REASONS[reason.value]))
    if run.score is not None:
        parts.append(texts.NPS_SCORE.format(score=run.score))
    if run.note:
        parts.append(run.note)
    return " · ".join(parts)


def runs(store: Store, family_id: int) -> list[RunRow]:
    """The family's calls made with scripts, newest first, with every answer."""
    with store.read() as s:
        rows = s.execute(select(ScriptRun, Staff.name)
                         .outerjoin(Staff, Staff.id == ScriptRun.staff_id)
                         .where(ScriptRun.family_id == family_id)
                         .order_by(ScriptRun.at.desc(), ScriptRun.id.desc())).all()
        return [RunRow(r.id, r.at, r.script_name, r.purpose, r.outcome_name, r.score,
                       tuple((q, a) for q, a in json.loads(r.answers)), r.note, r.duration_s,
                       name or "") for r, name in rows]
