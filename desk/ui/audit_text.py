"""Audit entries in words: which fields changed and how, instead of raw JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.services.crm import contacts
from desk.services.money import amounts
from desk.ui import labels

FIELDS = {
    "name": QT_TRANSLATE_NOOP("AuditText", "name"),
    "guardians": QT_TRANSLATE_NOOP("AuditText", "parents"),
    "children": QT_TRANSLATE_NOOP("AuditText", "children"),
    "legend": QT_TRANSLATE_NOOP("AuditText", "legend"),
    "source": QT_TRANSLATE_NOOP("AuditText", "source"),
    "preferred_channel": QT_TRANSLATE_NOOP("AuditText", "preferred channel"),
    "consent_messages": QT_TRANSLATE_NOOP("AuditText", "consent to messages"),
    "consent_marketing": QT_TRANSLATE_NOOP("AuditText", "consent to mailings"),
    "consent_date": QT_TRANSLATE_NOOP("AuditText", "consent date"),
    "consent_purposes": QT_TRANSLATE_NOOP("AuditText", "consent purposes"),
    "title": QT_TRANSLATE_NOOP("AuditText", "task"),
    "details": QT_TRANSLATE_NOOP("AuditText", "details"),
    "due_at": QT_TRANSLATE_NOOP("AuditText", "due"),
    "status": QT_TRANSLATE_NOOP("AuditText", "status"),
    "assignee_role": QT_TRANSLATE_NOOP("AuditText", "assignee role"),
    "assignee_staff_id": QT_TRANSLATE_NOOP("AuditText", "assignee"),
    "family_id": QT_TRANSLATE_NOOP("AuditText", "family"),
    "origin": QT_TRANSLATE_NOOP("AuditText", "origin"),
    "note": QT_TRANSLATE_NOOP("AuditText", "note"),
    "timezone": QT_TRANSLATE_NOOP("AuditText", "time zone"),
    "idle_lock_min": QT_TRANSLATE_NOOP("AuditText", "lock after idle, minutes"),
    "absent": QT_TRANSLATE_NOOP("AuditText", "handed over by"),
    "substitute": QT_TRANSLATE_NOOP("AuditText", "to"),
    "away_from": QT_TRANSLATE_NOOP("AuditText", "away from"),
    "back_on": QT_TRANSLATE_NOOP("AuditText", "back on"),
    "absence": QT_TRANSLATE_NOOP("AuditText", "reason"),
    "moved": QT_TRANSLATE_NOOP("AuditText", "items moved"),
    "early": QT_TRANSLATE_NOOP("AuditText", "before the day"),
    "staff": QT_TRANSLATE_NOOP("AuditText", "staff"),
    "families": QT_TRANSLATE_NOOP("AuditText", "families"),
    "file": QT_TRANSLATE_NOOP("AuditText", "file"),
    "skipped": QT_TRANSLATE_NOOP("AuditText", "skipped rows"),
    "seed": QT_TRANSLATE_NOOP("AuditText", "seed"),
    "erased": QT_TRANSLATE_NOOP("AuditText", "erased, now"),
    "amount": QT_TRANSLATE_NOOP("AuditText", "amount"),
    "method": QT_TRANSLATE_NOOP("AuditText", "method"),
    "lines": QT_TRANSLATE_NOOP("AuditText", "lines"),
    "total": QT_TRANSLATE_NOOP("AuditText", "total"),
    "price": QT_TRANSLATE_NOOP("AuditText", "price"),
    "phone": QT_TRANSLATE_NOOP("AuditText", "phone"),
    "email": QT_TRANSLATE_NOOP("AuditText", "e-mail"),
    "telegram": QT_TRANSLATE_NOOP("AuditText", "Telegram"),
    "vk": QT_TRANSLATE_NOOP("AuditText", "VK"),
    "whatsapp": QT_TRANSLATE_NOOP("AuditText", "WhatsApp"),
    "relation": QT_TRANSLATE_NOOP("AuditText", "who"),
    "birth_date": QT_TRANSLATE_NOOP("AuditText", "birth date"),
    "notes": QT_TRANSLATE_NOOP("AuditText", "notes"),
    "mark": QT_TRANSLATE_NOOP("AuditText", "mark"),
    "reason": QT_TRANSLATE_NOOP("AuditText", "reason"),
    "large_payment": QT_TRANSLATE_NOOP("AuditText", "large payment from"),
    "repeat_days": QT_TRANSLATE_NOOP("AuditText", "repeat within, days"),
    "absent_charged": QT_TRANSLATE_NOOP("AuditText", "absences charged"),
    "since": QT_TRANSLATE_NOOP("AuditText", "from"),
    "words": QT_TRANSLATE_NOOP("AuditText", "teacher's words"),
    "edited": QT_TRANSLATE_NOOP("AuditText", "edited text"),
    "audio": QT_TRANSLATE_NOOP("AuditText", "voice note"),
    "text": QT_TRANSLATE_NOOP("AuditText", "text"),
    "channel": QT_TRANSLATE_NOOP("AuditText", "channel"),
    "message": QT_TRANSLATE_NOOP("AuditText", "message"),
    "feedback_hours": QT_TRANSLATE_NOOP("AuditText", "feedback due after, hours"),
    "second_feedback_days": QT_TRANSLATE_NOOP("AuditText", "second feedback due after, days"),
    "teacher": QT_TRANSLATE_NOOP("AuditText", "teacher"),
    "quote": QT_TRANSLATE_NOOP("AuditText", "quote"),
    "tone": QT_TRANSLATE_NOOP("AuditText", "tone"),
    "tags": QT_TRANSLATE_NOOP("AuditText", "tags"),
    "linked_to": QT_TRANSLATE_NOOP("AuditText", "linked to"),
    "change": QT_TRANSLATE_NOOP("AuditText", "what changed"),
    "sent": QT_TRANSLATE_NOOP("AuditText", "sent"),
    "by_hand": QT_TRANSLATE_NOOP("AuditText", "by hand"),
    "comment": QT_TRANSLATE_NOOP("AuditText", "comment"),
    "loop_hours": QT_TRANSLATE_NOOP("AuditText", "answer within, hours"),
    "camp": QT_TRANSLATE_NOOP("AuditText", "camp"),
    "active": QT_TRANSLATE_NOOP("AuditText", "in use"),
    "survey": QT_TRANSLATE_NOOP("AuditText", "survey"),
    "imported": QT_TRANSLATE_NOOP("AuditText", "imported"),
    "duplicates": QT_TRANSLATE_NOOP("AuditText", "already there"),
    "form_url": QT_TRANSLATE_NOOP("AuditText", "form link"),
    "code_entry": QT_TRANSLATE_NOOP("AuditText", "question for the family's code"),
    "invitation": QT_TRANSLATE_NOOP("AuditText", "invitation"),
    "reminder": QT_TRANSLATE_NOOP("AuditText", "reminder"),
    "reminder_days": QT_TRANSLATE_NOOP("AuditText", "remind after, days"),
    "kind": QT_TRANSLATE_NOOP("AuditText", "kind"),
    "rule": QT_TRANSLATE_NOOP("AuditText", "who gets it"),
    "window_days": QT_TRANSLATE_NOOP("AuditText", "window, days"),
    "min_visits": QT_TRANSLATE_NOOP("AuditText", "lessons at least"),
    "recent_days": QT_TRANSLATE_NOOP("AuditText", "recent period, days"),
    "invited": QT_TRANSLATE_NOOP("AuditText", "invited"),
    "not_invited": QT_TRANSLATE_NOOP("AuditText", "not invited"),
    "reminded": QT_TRANSLATE_NOOP("AuditText", "reminded"),
    "items": QT_TRANSLATE_NOOP("AuditText", "satisfaction items"),
    "importance": QT_TRANSLATE_NOOP("AuditText", "importance"),
    "checklist": QT_TRANSLATE_NOOP("AuditText", "checklist"),
    "reset": QT_TRANSLATE_NOOP("AuditText", "reset by another"),
    "changed": QT_TRANSLATE_NOOP("AuditText", "changed"),
    "tries": QT_TRANSLATE_NOOP("AuditText", "wrong tries"),
    "day": QT_TRANSLATE_NOOP("AuditText", "day"),
    "criteria": QT_TRANSLATE_NOOP("AuditText", "criteria"),
    "weight": QT_TRANSLATE_NOOP("AuditText", "weight"),
    "automatic_fail": QT_TRANSLATE_NOOP("AuditText", "automatic fail"),
    "person": QT_TRANSLATE_NOOP("AuditText", "whose work"),
    "reviewer": QT_TRANSLATE_NOOP("AuditText", "scored by"),
    "sheet": QT_TRANSLATE_NOOP("AuditText", "call or chat"),
    "score": QT_TRANSLATE_NOOP("AuditText", "result, %"),
    "failed": QT_TRANSLATE_NOOP("AuditText", "failed"),
    "from_paper": QT_TRANSLATE_NOOP("AuditText", "from paper"),
    "nps": "NPS",
    "csat": "CSAT",
}
MONEY = {"amount", "total", "price", "adult_price", "large_payment"}
PHONES = {"phone", "whatsapp"}
ADDED = QT_TRANSLATE_NOOP("AuditText", "{who} added")
REMOVED = QT_TRANSLATE_NOOP("AuditText", "{who} removed")
YES = QT_TRANSLATE_NOOP("AuditText", "yes")
NO = QT_TRANSLATE_NOOP("AuditText", "no")


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditText", text)


def field_name(key: str) -> str:
    return _t(FIELDS[key]) if key in FIELDS else key


def value_text(value: object, key: str = "") -> str:
    """A stored value as a person reads it: rubles for kopecks, words for codes."""
    if value is None or value == "":
        return "—"
    if key in MONEY and isinstance(value, int) and not isinstance(value, bool):
        return amounts.format_rub(value)
    if key in PHONES and isinstance(value, str):
        return contacts.display_phone(value)
    if isinstance(value, str) and (words := labels.code_words(key, value)) is not None:
        return words
    if value is True:
        return _t(YES)
    if value is False:
        return _t(NO)
    if isinstance(value, list):
        return ", ".join(value_text(v.get("name") if isinstance(v, dict) else v) for v in value)
    if isinstance(value, dict):
        return value_text(value.get("name", json.dumps(value, ensure_ascii=False)))
    return str(value)


def _load(text: str) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def changed_fields(before: str, after: str) -> list[str]:
    old, new = _load(before), _load(after)
    if not old:
        return []
    return [k for k in sorted(new) if old.get(k) != new.get(k)]


def _people(old: list, new: list) -> list[str]:
    """What changed person by person: "Ёлкина Вера: phone +7 912 … → +7 915 …"."""
    found = []
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) and isinstance(old[i], dict) else {}
        b = new[i] if i < len(new) and isinstance(new[i], dict) else {}
        who = b.get("name") or a.get("name") or "?"
        if not a:
            found.append(_t(ADDED).format(who=who))
        elif not b:
            found.append(_t(REMOVED).format(who=who))
        else:
            changes = [f"{field_name(k)} {value_text(a.get(k), k)} → {value_text(b.get(k), k)}"
                       for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
            if changes:
                found.append(f"{who}: " + ", ".join(changes))
    return found


def describe(before: str, after: str) -> str:
    """"legend: — → Любят глину; source: сайт → ВКонтакте" for a change, the values otherwise;
    a parent's or child's own change by name ("Ёлкина Вера: phone … → …")."""
    old, new = _load(before), _load(after)
    if old:
        parts = []
        for k in changed_fields(before, after):
            if isinstance(old.get(k), list) and isinstance(new.get(k), list):
                parts += [("", text) for text in _people(old[k], new[k])]
            else:
                parts.append((k, f"{value_text(old.get(k), k)} → {value_text(new.get(k), k)}"))
    else:
        parts = [(k, value_text(v, k)) for k, v in sorted(new.items())
                 if v not in (None, "", [], False)]
    return "; ".join(f"{field_name(k)}: {text}" if k else text for k, text in parts)
