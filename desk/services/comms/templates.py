"""Message templates the studio writes once: "{parent}, поздравляем {child}!" Placeholders in
braces are filled in by Jinja2's sandbox, so a template can never reach into the program."""

from __future__ import annotations

import contextvars
import functools
import json
import re
import time
from collections.abc import Iterable, Iterator

from jinja2 import StrictUndefined, TemplateError, nodes
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models.comms import MessageTemplate
from desk.services.store import errors, texts
from desk.services.store.db import Actor, Store

_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")

# What one rendering may cost: a message is a few hundred characters and a loop or two at most
MAX_BODY = 10_000  # characters of a template
MAX_OUTPUT = 20_000  # characters of a rendered text, and of any string built on the way
MAX_STEPS = 10_000  # loop iterations in one rendering, all loops together
MAX_SECONDS = 0.5
MAX_BITS = 4096  # of an integer a template computes with
_SAFE_FILTERS = ("upper", "lower", "capitalize", "title", "trim", "default", "d", "length",
                 "count", "first", "last", "int", "abs", "round", "reverse", "truncate")
_SAFE_METHODS = {"upper", "lower", "capitalize", "title", "strip", "lstrip", "rstrip",
                 "startswith", "endswith", "get", "items", "keys", "values"}


class TemplateProblem(errors.DeskError):
    """params: detail."""

    code = "template_invalid"


class TemplateTooHeavy(TemplateProblem):
    """The template does more work than a message needs (loops, length, time)."""

    code = "template_too_heavy"


class _Budget:
    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS or (self.steps % 64 == 0
                                      and time.monotonic() > self.deadline):
            raise TemplateTooHeavy("the template loops too much")


_budget: contextvars.ContextVar[_Budget] = contextvars.ContextVar("template_budget")


def _spend() -> None:
    budget = _budget.get(None)
    if budget is not None:
        budget.step()


def _sized(value: object) -> object:
    """``value`` when its text cannot be longer than MAX_OUTPUT; nested lists are walked with
    a budget, so [a, a] nested forty times is refused before Python writes it out."""
    budget = MAX_OUTPUT
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            budget -= len(item)
        elif isinstance(item, list | tuple | set | frozenset):
            budget -= len(item) + 2
            stack.extend(item)
        elif isinstance(item, dict):
            budget -= 2 * len(item) + 2
            stack.extend(item.keys())
            stack.extend(item.values())
        else:
            budget -= 20
        if budget < 0:
            raise TemplateTooHeavy("the template builds too long a text")
    return value


def _loop_guard(iterable: Iterable) -> Iterator:
    for item in iterable:
        _spend()
        yield item


def _concat(*parts: object) -> str:
    _sized(list(parts))
    return "".join(str(p) for p in parts)


def _range(*args: int) -> range:
    r = range(*args)
    if len(r) > MAX_STEPS:
        raise TemplateTooHeavy("range() is too long")
    return r


def _replace(value: str, old: str, new: str, count: int | None = None) -> str:
    value, old, new = str(value), str(old), str(new)
    times = value.count(old) if old else len(value) + 1
    if count is not None:
        times = min(times, max(count, 0))
    if len(value) + times * max(len(new) - len(old), 0) > MAX_OUTPUT:
        raise TemplateTooHeavy("the template builds too long a text")
    return value.replace(old, new) if count is None else value.replace(old, new, count)


def _join(value: Iterable, d: str = "", attribute: object = None) -> str:
    items = list(_sized(list(value)))
    if len(str(d)) * max(len(items) - 1, 0) > MAX_OUTPUT:
        raise TemplateTooHeavy("the template builds too long a text")
    return str(d).join(str(v) for v in items)


def _string(value: object) -> str:
    return str(_sized(value))


class _Guard(NodeTransformer):
    """Every loop spends from the budget; ``~`` checks the length it builds; macros (which can
    recurse) are not for message templates."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        if node.recursive:
            raise TemplateProblem("recursive loops are not allowed in a message template")
        self.generic_visit(node)
        node.iter = nodes.Call(nodes.Name("loop_guard_", "load"), [node.iter], [], None, None)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        return nodes.Call(nodes.Name("concat_", "load"), list(node.nodes), [], None, None)

    def visit_Macro(self, node: nodes.Node) -> nodes.Node:
        raise TemplateProblem("macros are not allowed in a message template")

    visit_CallBlock = visit_Macro


class _Limited(SandboxedEnvironment):
    """Jinja2's sandbox (no way into the program) plus limits on work: loops, the length of
    every string built, ``range``, ``**``, and the filters and methods a message needs."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def call_binop(self, context, op: str, left, right):
        if op == "%" and isinstance(left, str):
            raise TemplateTooHeavy("string formatting with % is not for message templates")
        if isinstance(left, int) and isinstance(right, int) and (
                max(left.bit_length(), right.bit_length()) > MAX_BITS
                or op == "**" and right > 0 and left.bit_length() * right > MAX_BITS):
            raise TemplateTooHeavy("the number is too large")
        if op == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) \
                        and len(seq) * times > MAX_OUTPUT:
                    raise TemplateTooHeavy("the template builds too long a text")
        if op == "+" and isinstance(left, str | list | tuple) \
                and isinstance(right, str | list | tuple):
            if len(left) + len(right) > MAX_OUTPUT:
                raise TemplateTooHeavy("the template builds too long a text")
        return super().call_binop(context, op, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if name in ("format", "format_map") or isinstance(owner, str | list | dict | tuple) \
                and name not in _SAFE_METHODS:
            raise TemplateProblem(f"{name or 'this'}() is not allowed")
        return _sized(super().call(__context, __obj, *args, **kwargs))


def _guarded(fn):
    """A filter whose arguments are checked first: Jinja's text filters write their value out
    before looking at it."""
    @functools.wraps(fn)  # keeps Jinja's pass_environment mark
    def checked(*args, **kwargs):
        for value in args:
            _sized(value)
        return fn(*args, **kwargs)

    return checked


def _environment() -> _Limited:
    env = _Limited(undefined=StrictUndefined, autoescape=False, finalize=_sized)
    filters = {name: _guarded(env.filters[name]) for name in _SAFE_FILTERS}
    filters.update(replace=_replace, join=_join, string=_string)
    env.filters = filters
    env.globals = {"range": _range, "loop_guard_": _loop_guard, "concat_": _concat}
    return env


_ENV = _environment()


@functools.lru_cache(maxsize=64)
def _compiled(body: str):
    if len(body) > MAX_BODY:
        raise TemplateTooHeavy("the template is too long")
    source = _PLACEHOLDER.sub(r"{{ \1 }}", body)
    return _ENV.from_string(_Guard().visit(_ENV.parse(source)))


def render(body: str, values: dict[str, object]) -> str:
    """Fill the template in, within the limits; whatever goes wrong inside a template is a
    TemplateProblem (a template is the studio's input, not the program)."""
    token = _budget.set(_Budget())
    try:
        out: list[str] = []
        size = 0
        for chunk in _compiled(body).generate(**values):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TemplateTooHeavy("the text is too long")
            out.append(chunk)
        return "".join(out)
    except TemplateProblem:
        raise
    except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError,
            RecursionError, MemoryError, AttributeError) as exc:
        raise TemplateProblem(f"the template cannot be filled in: {exc}",
                              detail=str(exc)) from exc
    finally:
        _budget.reset(token)


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


def validate(body: str, sample: dict[str, object]) -> None:
    """A template the studio typed: known placeholders only, and it fills in with ``sample``
    within the limits. Raises ValidationFailed for the body field."""
    if not body.strip():
        raise errors.ValidationFailed({"body": "template_empty"})
    unknown = [p for p in placeholders(body) if p not in sample]
    if unknown:
        raise errors.ValidationFailed({"body": "template_invalid"},
                                      detail=", ".join("{" + p + "}" for p in unknown))
    try:
        render(body, sample)
    except TemplateTooHeavy as exc:
        raise errors.ValidationFailed({"body": "template_too_heavy"}) from exc
    except TemplateProblem as exc:
        raise errors.ValidationFailed({"body": "template_invalid"}) from exc


def save(store: Store, actor: Actor, key: str, body: str, sample: dict[str, object]) -> None:
    """Store the studio's version of a template after checking it fills in with ``sample``."""
    validate(body, sample)
    with store.write(actor) as uow:
        row = uow.session.scalar(select(MessageTemplate).where(MessageTemplate.key == key))
        if row is None:
            row = MessageTemplate(key=key, name=texts.DEFAULT_TEMPLATES[key][0], body=body)
            uow.session.add(row)
        before, row.body = row.body if row.id else "", body
        uow.audit("template.save", before=json.dumps({"body": before}, ensure_ascii=False),
                  after=json.dumps({"key": key, "body": body}, ensure_ascii=False))
        uow.commit()
