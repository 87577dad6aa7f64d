"""Typed changes: which kinds of data a committed write touched, derived from the statements it
ran (never chosen by the caller). Small and serialisable: the same kinds will travel between
desks. No SQLAlchemy here, so the UI can import the kinds."""

from __future__ import annotations

import enum
import json
import logging
import re
from collections.abc import Iterable

log = logging.getLogger(__name__)


class Change(str, enum.Enum):
    """What a view may show; a view subscribes to the kinds it shows."""

    FAMILY = "family"        # families, parents, children, their timeline and search index
    WALLET = "wallet"        # balances and ledger entries
    TASK = "task"
    SCHEDULE = "schedule"    # lessons, series, directions, teachers, rooms, waitlists, rules
    ENROLMENT = "enrolment"  # who is on a lesson and their marks (attendance)
    STUDIO = "studio"        # the studio's settings, staff, working hours, holidays
    CALL = "call"            # calls, lapse calls, script runs, NPS scores
    SCRIPT = "script"        # call scripts
    LEAD = "lead"
    INBOX = "inbox"          # conversations, messages (and the outbox), responses
    CHANNELS = "channels"    # channel settings and cursors
    TEMPLATE = "template"    # the studio's message templates
    GREETING = "greeting"
    MAILING = "mailing"      # segments, mailings and their recipients
    FEEDBACK = "feedback"    # feedback requests, the register, loop cases
    SURVEY = "survey"        # surveys, their answers, the satisfaction items
    PRESENCE = "presence"
    AUDIT = "audit"          # the journal

    def __str__(self) -> str:
        return self.value


TABLES: dict[str, Change | None] = {
    "family": Change.FAMILY, "guardian": Change.FAMILY, "child": Change.FAMILY,
    "timeline_entry": Change.FAMILY, "family_search": Change.FAMILY,
    "wallet": Change.WALLET, "ledger_entry": Change.WALLET,
    "task": Change.TASK,
    "direction": Change.SCHEDULE, "teacher": Change.SCHEDULE, "room": Change.SCHEDULE,
    "series": Change.SCHEDULE, "lesson": Change.SCHEDULE, "waitlist_entry": Change.SCHEDULE,
    "absence_rule": Change.SCHEDULE,
    "enrolment": Change.ENROLMENT,
    "studio": Change.STUDIO, "staff": Change.STUDIO, "working_block": Change.STUDIO,
    "holiday": Change.STUDIO,
    "call": Change.CALL, "lapse_call": Change.CALL, "script_run": Change.CALL,
    "nps_score": Change.CALL,
    "call_script": Change.SCRIPT,
    "lead": Change.LEAD,
    "conversation": Change.INBOX, "message": Change.INBOX, "response": Change.INBOX,
    "channel_config": Change.CHANNELS, "courier_lease": Change.CHANNELS,
    "channel_check": Change.CHANNELS, "channel_alert": Change.CHANNELS,
    "stored_file": None,  # shown through what holds it (a message)
    "message_template": Change.TEMPLATE,
    "greeting": Change.GREETING,
    "feedback_request": Change.FEEDBACK, "feedback_tag": Change.FEEDBACK,
    "feedback_item": Change.FEEDBACK, "feedback_item_tag": Change.FEEDBACK,
    "loop_case": Change.FEEDBACK,
    "survey": Change.SURVEY, "csi_item": Change.SURVEY, "survey_answer": Change.SURVEY,
    "csi_score": Change.SURVEY, "survey_invite": Change.SURVEY,
    "index_month": Change.SURVEY, "csi_month": Change.SURVEY,
    "loyalty_signal": Change.FAMILY,
    "checklist_copy": Change.STUDIO,  # the printed checklists' archive
    "quality_criterion": Change.STUDIO, "quality_review": Change.STUDIO,  # quality sheets
    "quality_score": Change.STUDIO,
    "handover": Change.STUDIO, "handover_item": Change.STUDIO,  # work handed over
    "segment": Change.MAILING, "mailing": Change.MAILING, "mailing_recipient": Change.MAILING,
    "presence": Change.PRESENCE,
    "audit_entry": Change.AUDIT,
    "app_lock": None,  # who has the file open: no view shows it
    "alembic_version": None,
}

_WRITE = re.compile(
    r"""^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)
        \s+["`\[]?(\w+)""", re.I | re.X)


def written_table(statement: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE writes to; None for anything else."""
    m = _WRITE.match(statement)
    return m.group(1).lower() if m else None


def of_tables(tables: Iterable[str]) -> frozenset[Change]:
    """The kinds of data the written tables hold. A table missing from ``TABLES`` is a bug (a
    view would miss its changes; a test walks the schema): it is logged, never raised, since
    the data is already committed."""
    kinds = set()
    for table in tables:
        if table not in TABLES:
            log.error("table %r has no change kind in desk.services.store.changes", table)
        elif TABLES[table] is not None:
            kinds.add(TABLES[table])
    return frozenset(kinds)


def payload(origin: str, kinds: Iterable[Change]) -> str:
    """What travels to the other desks: who wrote, and the kinds (a few short words)."""
    return json.dumps({"from": origin, "kinds": sorted(k.value for k in kinds)})


def from_payload(text: str) -> tuple[str, frozenset[Change]]:
    """(who wrote, the kinds) of a payload; a kind this desk does not know is left out."""
    data = json.loads(text)
    known = {k.value for k in Change}
    return data.get("from", ""), frozenset(Change(k) for k in data.get("kinds", ())
                                           if k in known)
