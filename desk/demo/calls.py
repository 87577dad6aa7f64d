"""The demo studio's calls made with the NPS script over the last two months: scores with
their dates and answers on the cards, so the indices and the cards have something to show."""

from __future__ import annotations

import datetime as dt
import json
import random

from sqlalchemy.orm import Session

from desk.models.comms import NpsScore, ScriptRun
from desk.models.enums import ScriptPurpose
from desk.services.calls import scripts

WHY = {
    "high": ("Ребёнок ждёт каждого занятия", "Педагоги внимательные и терпеливые",
             "Удобно, что рядом с домом"),
    "mid": ("Нравится, но расписание не всегда удобное", "Хорошо, но хотелось бы больше фото "
            "с занятий"),
    "low": ("Дорого для нас", "Отменили занятие в последний момент"),
}
TEN = ("Занятия по выходным", "Присылать фото работ", "Скидку для второго ребёнка")


def generate(s: Session, rng: random.Random, now: dt.datetime, family_ids: list[int],
             staff_ids: list[int]) -> None:
    nps = scripts.default(ScriptPurpose.NPS)
    steps = {step.key: step.text for step in nps.steps}
    for fid in family_ids:
        score = rng.choice((10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3))
        band = "high" if score >= 9 else "mid" if score >= 7 else "low"
        answers = [[steps["hello"], "Да"], [steps["score"], str(score)],
                   [steps["why"], rng.choice(WHY[band])]]
        if score >= 7:
            answers.append([steps["ten"], rng.choice(TEN)])
        answers.append([steps["thanks"], ""])
        at = now - dt.timedelta(days=rng.randrange(1, 60), minutes=rng.randrange(600))
        staff = rng.choice(staff_ids) if staff_ids else None
        outcome = nps.outcome("done" if score >= 7 else "unhappy")
        run = ScriptRun(family_id=fid, script_name=nps.name, purpose=nps.purpose, at=at,
                        duration_s=rng.randrange(60, 300), outcome_key=outcome.key,
                        outcome_name=outcome.name, score=score, staff_id=staff,
                        answers=json.dumps(answers, ensure_ascii=False))
        s.add(run)
        s.flush()
        s.add(NpsScore(family_id=fid, score=score, at=at, source="call", run_id=run.id,
                       staff_id=staff))
