"""Message templates the studio writes once: "{parent}, поздравляем {child}!" Placeholders in
braces are filled in by Jinja2's sandbox, so a template can never reach into the program."""

from __future__ import annotations

import functools
import json
import re

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.comms import MessageTemplate
from desk.services import errors, texts
from desk.services.db import Actor, Store

_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
_ENV = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)


class TemplateProblem(errors.DeskError):
    """params: detail."""

    code = "template_invalid"


@functools.lru_cache(maxsize=64)
def _compiled(body: str):
    return _ENV.from_string(_PLACEHOLDER.sub(r"{{ \1 }}", body))


def render(body: str, values: dict[str, object]) -> str:
    try:
        return _compiled(body).render(**values)
    except TemplateError as exc:
        raise TemplateProblem(f"the template cannot be filled in: {exc}", detail=str(exc)) from exc


def placeholders(body: str) -> list[str]:
    return sorted(set(_PLACEHOLDER.findall(body)))


def get(store: Store, key: str) -> str:
    with store.read() as s:
        return get_in(s, key)


def get_in(session: Session, key: str) -> str:
    body = session.scalar(select(MessageTemplate.body).where(MessageTemplate.key == key))
    return body if body is not None else texts.DEFAULT_TEMPLATES[key][1]


def render_in(session: Session, key: str, values: dict[str, object]) -> str:
    return render(get_in(session, key), values)


def save(store: Store, actor: Actor, key: str, body: str, sample: dict[str, object]) -> None:
    """Store the studio's version of a template after checking it fills in with ``sample``."""
    if not body.strip():
        raise errors.ValidationFailed({"body": "template_empty"})
    unknown = [p for p in placeholders(body) if p not in sample]
    if unknown:
        raise errors.ValidationFailed({"body": "template_invalid"},
                                      detail=", ".join("{" + p + "}" for p in unknown))
    try:
        render(body, sample)
    except TemplateProblem as exc:
        raise errors.ValidationFailed({"body": "template_invalid"}) from exc
    with store.write(actor) as uow:
        row = uow.session.scalar(select(MessageTemplate).where(MessageTemplate.key == key))
        if row is None:
            row = MessageTemplate(key=key, name=texts.DEFAULT_TEMPLATES[key][0], body=body)
            uow.session.add(row)
        before, row.body = row.body if row.id else "", body
        uow.audit("template.save", before=json.dumps({"body": before}, ensure_ascii=False),
                  after=json.dumps({"key": key, "body": body}, ensure_ascii=False))
        uow.commit()
