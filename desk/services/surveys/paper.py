"""An answer from a paper form, typed in: the survey, the family (or no one), the day, the
scores and the words. It counts like a form's answer, and an unhappy one or a comment goes to
the feedback register."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid

from sqlalchemy import select

from desk.models.surveys import CsiItem, Survey
from desk.services.crm import families
from desk.services.staff import studio
from desk.services.store import errors
from desk.services.store.db import Actor, Store
from desk.services.surveys import gforms


@dataclasses.dataclass(frozen=True)
class PaperAnswer:
    survey_id: int
    family_id: int | None  # None: the form was not signed
    day: dt.date
    nps: int | None = None
    csat: int | None = None
    csi: dict[int, tuple[int, int]] = dataclasses.field(default_factory=dict)
    # item id → (score, the question's scale: 5 or 10)
    comment: str = ""
    name: str = ""  # the name written on the form, when it matched no family


NOON = dt.time(12, 0)  # a paper form has a day, not a moment


def record(store: Store, actor: Actor, a: PaperAnswer) -> int:
    """Store the answer; returns its id. Refuses a score off its scale, a day in the future,
    an answer with no score and no words."""
    if a.nps is not None and not 0 <= a.nps <= 10:
        raise errors.ValidationFailed({"nps": "nps_range"})
    if a.csat is not None and not 1 <= a.csat <= 5:
        raise errors.ValidationFailed({"csat": "csat_range"})
    for item_id, (value, top) in a.csi.items():
        if top not in (5, 10) or not 1 <= value <= top:
            raise errors.ValidationFailed({f"csi.{item_id}": "csi_range"})
    comment = a.comment.strip()
    if a.nps is None and a.csat is None and not a.csi and not comment:
        raise errors.ValidationFailed({"nps": "answer_empty"})
    with store.write(actor) as uow:
        s = uow.session
        survey = s.get(Survey, a.survey_id)
        if survey is None:
            raise errors.NotFound(f"no survey {a.survey_id}")
        if a.family_id is not None:
            families.load(s, a.family_id)
        tz = studio.load_info(s).tz
        if a.day > uow.now.astimezone(tz).date():
            raise errors.ValidationFailed({"day": "date_in_future"})
        keys = {i.id: i.key for i in s.scalars(select(CsiItem))}
        if any(item_id not in keys for item_id in a.csi):
            raise errors.ValidationFailed({"csi": "item_unknown"})
        at = min(dt.datetime.combine(a.day, NOON, tz).astimezone(dt.timezone.utc), uow.now)
        row = gforms.Row(0, at, a.family_id, "paper", a.nps, a.csat,
                         {keys[i]: v for i, v in a.csi.items()}, comment, "", None,
                         " ".join(a.name.split()), "paper:" + uuid.uuid4().hex)
        [answer_id] = gforms.add_many_in(uow, survey, [row], {v: k for k, v in keys.items()},
                                         source="paper")
        uow.audit("survey.paper", entity_id=answer_id, family_id=a.family_id,
                  after=json.dumps({"survey": survey.name, "nps": a.nps, "csat": a.csat,
                                    "comment": comment}, ensure_ascii=False))
        uow.commit()
        return answer_id
