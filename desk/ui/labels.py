"""Names of enum values in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.models.enums import (
    Channel, DirectionKind, EntryKind, LoyaltyKind, FeedbackSource, FeedbackStatus, FeedbackTone,
    HandoverKind, HandoverOutcome, HandoverReason, HealthState, InboxChannel, ItemStatus,
    LoopStatus, LapseReason, LeadStatus, Mark, PaymentMethod, PresenceState, Relation,
    ReviewKind, Role, ScriptPurpose, StepKind, TaskStatus, TimelineKind,
)

_ROLES = {
    Role.SYSTEM: QT_TRANSLATE_NOOP("Labels", "System person"),
    Role.COMMUNICATOR: QT_TRANSLATE_NOOP("Labels", "Communicator"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Labels", "Supervisor"),
}
_CHANNELS = {
    Channel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone call"),
    Channel.TELEGRAM: QT_TRANSLATE_NOOP("Labels", "Telegram"),
    Channel.WHATSAPP: QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
    Channel.VK: QT_TRANSLATE_NOOP("Labels", "VK"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Labels", "E-mail"),
}
_INBOX_CHANNELS = {
    InboxChannel.TELEGRAM: QT_TRANSLATE_NOOP("Labels", "Telegram"),
    InboxChannel.EMAIL: QT_TRANSLATE_NOOP("Labels", "E-mail"),
    InboxChannel.WEBSITE: QT_TRANSLATE_NOOP("Labels", "Website"),
    InboxChannel.VK: QT_TRANSLATE_NOOP("Labels", "VK"),
    InboxChannel.WHATSAPP: QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
    InboxChannel.INSTAGRAM: QT_TRANSLATE_NOOP("Labels", "Instagram"),
    InboxChannel.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone"),
}
_RELATIONS = {
    Relation.NONE: QT_TRANSLATE_NOOP("Labels", "—"),
    Relation.MOTHER: QT_TRANSLATE_NOOP("Labels", "mother"),
    Relation.FATHER: QT_TRANSLATE_NOOP("Labels", "father"),
    Relation.GRANDMOTHER: QT_TRANSLATE_NOOP("Labels", "grandmother"),
    Relation.GRANDFATHER: QT_TRANSLATE_NOOP("Labels", "grandfather"),
    Relation.GUARDIAN: QT_TRANSLATE_NOOP("Labels", "guardian"),
    Relation.OTHER: QT_TRANSLATE_NOOP("Labels", "other relative"),
}
_ENTRY_KINDS = {
    EntryKind.TOPUP: QT_TRANSLATE_NOOP("Labels", "Top-up"),
    EntryKind.DEBIT: QT_TRANSLATE_NOOP("Labels", "Lesson debit"),
    EntryKind.REFUND: QT_TRANSLATE_NOOP("Labels", "Refund"),
    EntryKind.CORRECTION: QT_TRANSLATE_NOOP("Labels", "Correction"),
}
_DIRECTION_KINDS = {
    DirectionKind.WORKSHOP: QT_TRANSLATE_NOOP("Labels", "Workshop"),
    DirectionKind.CAMP: QT_TRANSLATE_NOOP("Labels", "Camp"),
    DirectionKind.HIKE: QT_TRANSLATE_NOOP("Labels", "Hike"),
    DirectionKind.PARTY: QT_TRANSLATE_NOOP("Labels", "Holiday party"),
    DirectionKind.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
_METHODS = {
    PaymentMethod.CARD_TRANSFER: QT_TRANSLATE_NOOP("Labels", "Card transfer"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("Labels", "Cash"),
    PaymentMethod.TERMINAL: QT_TRANSLATE_NOOP("Labels", "Card terminal"),
    PaymentMethod.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}
_MARKS = {
    Mark.NONE: QT_TRANSLATE_NOOP("Labels", "not marked"),
    Mark.ATTENDED: QT_TRANSLATE_NOOP("Labels", "came"),
    Mark.ABSENT: QT_TRANSLATE_NOOP("Labels", "did not come"),
    Mark.CANCELLED: QT_TRANSLATE_NOOP("Labels", "cancelled by client"),
}
_STATUSES = {
    TaskStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
_TIMELINE = {
    TimelineKind.CREATED: QT_TRANSLATE_NOOP("Labels", "Family added"),
    TimelineKind.EDITED: QT_TRANSLATE_NOOP("Labels", "Card edited"),
    TimelineKind.NOTE: QT_TRANSLATE_NOOP("Labels", "Note"),
    TimelineKind.TASK: QT_TRANSLATE_NOOP("Labels", "Task"),
    TimelineKind.PAYMENT: QT_TRANSLATE_NOOP("Labels", "Wallet"),
    TimelineKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    TimelineKind.ERASED: QT_TRANSLATE_NOOP("Labels", "Personal data erased"),
    TimelineKind.FEEDBACK: QT_TRANSLATE_NOOP("Labels", "Feedback"),
}
_AUDIT = {
    "studio": QT_TRANSLATE_NOOP("Labels", "Studio"),
    "family": QT_TRANSLATE_NOOP("Labels", "Families"),
    "task": QT_TRANSLATE_NOOP("Labels", "Tasks"),
    "demo": QT_TRANSLATE_NOOP("Labels", "Demo data"),
    "backup": QT_TRANSLATE_NOOP("Labels", "Backups"),
    "import": QT_TRANSLATE_NOOP("Labels", "Import"),
    "lock": QT_TRANSLATE_NOOP("Labels", "Database lock"),
    "wallet": QT_TRANSLATE_NOOP("Labels", "Wallets"),
    "payments": QT_TRANSLATE_NOOP("Labels", "Payments"),
    "schedule": QT_TRANSLATE_NOOP("Labels", "Schedule"),
    "enrolment": QT_TRANSLATE_NOOP("Labels", "Enrolments"),
    "attendance": QT_TRANSLATE_NOOP("Labels", "Attendance"),
    "call": QT_TRANSLATE_NOOP("Labels", "Calls"),
    "script": QT_TRANSLATE_NOOP("Labels", "Call scripts"),
    "lead": QT_TRANSLATE_NOOP("Labels", "Applications"),
    "lapsed": QT_TRANSLATE_NOOP("Labels", "No-shows"),
    "greeting": QT_TRANSLATE_NOOP("Labels", "Birthdays"),
    "feedback": QT_TRANSLATE_NOOP("Labels", "Feedback"),
    "survey": QT_TRANSLATE_NOOP("Labels", "Surveys"),
    "template": QT_TRANSLATE_NOOP("Labels", "Templates"),
    "inbox": QT_TRANSLATE_NOOP("Labels", "Inbox"),
    "outbox": QT_TRANSLATE_NOOP("Labels", "Outbox"),
    "channel": QT_TRANSLATE_NOOP("Labels", "Channels"),
    "hours": QT_TRANSLATE_NOOP("Labels", "Working hours"),
    "mailing": QT_TRANSLATE_NOOP("Labels", "Mailings"),
    "segment": QT_TRANSLATE_NOOP("Labels", "Segments"),
    "presence": QT_TRANSLATE_NOOP("Labels", "At the desk"),
    "loyalty": QT_TRANSLATE_NOOP("Labels", "Loyalty"),
    "checklist": QT_TRANSLATE_NOOP("Labels", "Checklists"),
    "quality": QT_TRANSLATE_NOOP("Labels", "Call and chat quality"),
    "handover": QT_TRANSLATE_NOOP("Labels", "Handovers"),
}
_AUDIT_KINDS = {
    "studio.setup": QT_TRANSLATE_NOOP("Labels", "Studio set up"),
    "studio.update": QT_TRANSLATE_NOOP("Labels", "Studio and staff changed"),
    "outbox.cancel": QT_TRANSLATE_NOOP("Labels", "Message cancelled"),
    "outbox.arrived": QT_TRANSLATE_NOOP("Labels", "Message marked as arrived"),
    "family.create": QT_TRANSLATE_NOOP("Labels", "Family added"),
    "family.update": QT_TRANSLATE_NOOP("Labels", "Family edited"),
    "family.note": QT_TRANSLATE_NOOP("Labels", "Note added"),
    "task.create": QT_TRANSLATE_NOOP("Labels", "Task created"),
    "task.update": QT_TRANSLATE_NOOP("Labels", "Task edited"),
    "task.done": QT_TRANSLATE_NOOP("Labels", "Task done"),
    "task.open": QT_TRANSLATE_NOOP("Labels", "Task reopened"),
    "task.cancelled": QT_TRANSLATE_NOOP("Labels", "Task cancelled"),
    "demo.generate": QT_TRANSLATE_NOOP("Labels", "Demo data generated"),
    "family.erase": QT_TRANSLATE_NOOP("Labels", "Personal data erased"),
    "family.child_back": QT_TRANSLATE_NOOP("Labels", "A child came back"),
    "import.families": QT_TRANSLATE_NOOP("Labels", "Families imported"),
    "lock.break": QT_TRANSLATE_NOOP("Labels", "Lock broken"),
    "wallet.topup": QT_TRANSLATE_NOOP("Labels", "Wallet topped up"),
    "wallet.debit": QT_TRANSLATE_NOOP("Labels", "Wallet debited"),
    "wallet.refund": QT_TRANSLATE_NOOP("Labels", "Refund"),
    "wallet.correction": QT_TRANSLATE_NOOP("Labels", "Wallet correction"),
    "payments.post": QT_TRANSLATE_NOOP("Labels", "Payments posted"),
    "studio.absent_charged": QT_TRANSLATE_NOOP("Labels", "Absence charging changed"),
    "call.log": QT_TRANSLATE_NOOP("Labels", "Call logged"),
    "lead.create": QT_TRANSLATE_NOOP("Labels", "Application received"),
    "lead.status": QT_TRANSLATE_NOOP("Labels", "Application status changed"),
    "lead.link": QT_TRANSLATE_NOOP("Labels", "Application linked to a family"),
    "lapsed.call": QT_TRANSLATE_NOOP("Labels", "Call to a lapsed client"),
    "greeting.done": QT_TRANSLATE_NOOP("Labels", "Birthday greeting sent"),
    "template.save": QT_TRANSLATE_NOOP("Labels", "Template changed"),
    "inbox.log": QT_TRANSLATE_NOOP("Labels", "Message written down"),
    "inbox.reply": QT_TRANSLATE_NOOP("Labels", "Answer in a conversation"),
    "inbox.snooze": QT_TRANSLATE_NOOP("Labels", "Conversation snoozed"),
    "inbox.close": QT_TRANSLATE_NOOP("Labels", "Conversation closed"),
    "inbox.link": QT_TRANSLATE_NOOP("Labels", "Conversation linked to a family"),
    "outbox.again": QT_TRANSLATE_NOOP("Labels", "Message sent again"),
    "channel.save": QT_TRANSLATE_NOOP("Labels", "Channel settings changed"),
    "channel.alert": QT_TRANSLATE_NOOP("Labels", "Channel alert raised"),
    "channel.recovered": QT_TRANSLATE_NOOP("Labels", "Channel recovered"),
    "channel.webhook_removed": QT_TRANSLATE_NOOP("Labels", "Telegram webhook removed"),
    "studio.lapsed_weeks": QT_TRANSLATE_NOOP("Labels", "Lapsed weeks changed"),
    "studio.payment_rules": QT_TRANSLATE_NOOP("Labels", "Payment rules changed"),
    "hours.week": QT_TRANSLATE_NOOP("Labels", "Working hours changed"),
    "hours.holidays": QT_TRANSLATE_NOOP("Labels", "Day off changed"),
    "attendance.mark": QT_TRANSLATE_NOOP("Labels", "Attendance marked"),
    "enrolment.create": QT_TRANSLATE_NOOP("Labels", "Child enrolled"),
    "enrolment.cancel": QT_TRANSLATE_NOOP("Labels", "Enrolment cancelled"),
    "enrolment.waitlist": QT_TRANSLATE_NOOP("Labels", "Put on the waitlist"),
    "schedule.lesson": QT_TRANSLATE_NOOP("Labels", "Lesson changed"),
    "schedule.series": QT_TRANSLATE_NOOP("Labels", "Weekly series changed"),
    "schedule.cancel": QT_TRANSLATE_NOOP("Labels", "Lesson cancelled"),
    "schedule.direction": QT_TRANSLATE_NOOP("Labels", "Direction changed"),
    "schedule.teacher": QT_TRANSLATE_NOOP("Labels", "Teacher changed"),
    "schedule.room": QT_TRANSLATE_NOOP("Labels", "Room changed"),
    "schedule.direction_active": QT_TRANSLATE_NOOP("Labels", "Direction archived or back"),
    "schedule.teacher_active": QT_TRANSLATE_NOOP("Labels", "Teacher archived or back"),
    "schedule.room_active": QT_TRANSLATE_NOOP("Labels", "Room archived or back"),
    "mailing.start": QT_TRANSLATE_NOOP("Labels", "Mailing started"),
    "mailing.pause": QT_TRANSLATE_NOOP("Labels", "Mailing paused or resumed"),
    "segment.save": QT_TRANSLATE_NOOP("Labels", "Segment saved"),
    "studio.budget": QT_TRANSLATE_NOOP("Labels", "Contact budget changed"),
    "script.save": QT_TRANSLATE_NOOP("Labels", "Call script changed"),
    "script.remove": QT_TRANSLATE_NOOP("Labels", "Call script removed"),
    "script.run": QT_TRANSLATE_NOOP("Labels", "Call with a script"),
    "presence.set": QT_TRANSLATE_NOOP("Labels", "At the desk / away"),
    "feedback.record": QT_TRANSLATE_NOOP("Labels", "Teacher's feedback recorded"),
    "feedback.edit": QT_TRANSLATE_NOOP("Labels", "Feedback edited by the copywriter"),
    "feedback.send": QT_TRANSLATE_NOOP("Labels", "Feedback sent to the parent"),
    "studio.feedback_deadlines": QT_TRANSLATE_NOOP("Labels", "Feedback deadlines changed"),
    "feedback.hand_over": QT_TRANSLATE_NOOP("Labels", "Brief handed to the head teacher"),
    "feedback.camp_send": QT_TRANSLATE_NOOP("Labels", "Camp feedback sent"),
    "feedback.item": QT_TRANSLATE_NOOP("Labels", "Feedback item recorded"),
    "feedback.item_status": QT_TRANSLATE_NOOP("Labels", "Feedback item status changed"),
    "feedback.item_link": QT_TRANSLATE_NOOP("Labels", "Feedback items linked"),
    "feedback.told": QT_TRANSLATE_NOOP("Labels", "Clients told what changed"),
    "feedback.tag": QT_TRANSLATE_NOOP("Labels", "Feedback tag changed"),
    "feedback.loop": QT_TRANSLATE_NOOP("Labels", "Loop case moved on"),
    "feedback.loop_close": QT_TRANSLATE_NOOP("Labels", "Loop case closed"),
    "studio.loop_hours": QT_TRANSLATE_NOOP("Labels", "Loop deadline changed"),
    "inbox.teacher": QT_TRANSLATE_NOOP("Labels", "A teacher's chat kept"),
    "survey.import": QT_TRANSLATE_NOOP("Labels", "Survey answers imported"),
    "survey.save": QT_TRANSLATE_NOOP("Labels", "Survey changed"),
    "checklist.keep": QT_TRANSLATE_NOOP("Labels", "Checklist printed and kept"),
    "quality.criteria": QT_TRANSLATE_NOOP("Labels", "Quality sheet criteria changed"),
    "quality.review": QT_TRANSLATE_NOOP("Labels", "Quality sheet filled in"),
    "quality.remove": QT_TRANSLATE_NOOP("Labels", "Quality sheet removed"),
    "handover.start": QT_TRANSLATE_NOOP("Labels", "Work handed over"),
    "handover.begin": QT_TRANSLATE_NOOP("Labels", "Handed-over work moved to the substitute"),
    "handover.return": QT_TRANSLATE_NOOP("Labels", "Back from a handover"),
    "handover.seen": QT_TRANSLATE_NOOP("Labels", "\"While you were away\" read"),
    "staff.secret": QT_TRANSLATE_NOOP("Labels", "PIN or password set"),
    "staff.sign_in": QT_TRANSLATE_NOOP("Labels", "Signed in"),
    "staff.sign_in_refused": QT_TRANSLATE_NOOP("Labels", "Wrong PIN or password"),
    "survey.items": QT_TRANSLATE_NOOP("Labels", "Satisfaction items changed"),
    "survey.send": QT_TRANSLATE_NOOP("Labels", "Survey sent"),
    "survey.send_one": QT_TRANSLATE_NOOP("Labels", "Survey sent to the family"),
    "survey.remind": QT_TRANSLATE_NOOP("Labels", "Survey reminder sent"),
    "survey.paper": QT_TRANSLATE_NOOP("Labels", "Paper survey answer typed in"),
    "studio.survey_throttle": QT_TRANSLATE_NOOP("Labels", "Survey limit per family changed"),
}

_FEEDBACK_STATUSES = {
    FeedbackStatus.WAITING: QT_TRANSLATE_NOOP("Labels", "waiting for the teacher"),
    FeedbackStatus.COPYWRITER: QT_TRANSLATE_NOOP("Labels", "with the copywriter"),
    FeedbackStatus.READY: QT_TRANSLATE_NOOP("Labels", "ready to send"),
    FeedbackStatus.SENT: QT_TRANSLATE_NOOP("Labels", "sent"),
    FeedbackStatus.HANDED: QT_TRANSLATE_NOOP("Labels", "with the head teacher"),
    FeedbackStatus.DONE: QT_TRANSLATE_NOOP("Labels", "recorded"),
}

_TONES = {
    FeedbackTone.POSITIVE: QT_TRANSLATE_NOOP("Labels", "positive"),
    FeedbackTone.NEGATIVE: QT_TRANSLATE_NOOP("Labels", "negative"),
    FeedbackTone.NEUTRAL: QT_TRANSLATE_NOOP("Labels", "neutral"),
    FeedbackTone.SUGGESTION: QT_TRANSLATE_NOOP("Labels", "suggestion"),
}
_FEEDBACK_SOURCES = {
    FeedbackSource.MESSAGE: QT_TRANSLATE_NOOP("Labels", "message"),
    FeedbackSource.CALL: QT_TRANSLATE_NOOP("Labels", "call"),
    FeedbackSource.SCRIPT: QT_TRANSLATE_NOOP("Labels", "script call"),
    FeedbackSource.NOTE: QT_TRANSLATE_NOOP("Labels", "note on the card"),
    FeedbackSource.REQUEST: QT_TRANSLATE_NOOP("Labels", "teacher's feedback"),
    FeedbackSource.SURVEY: QT_TRANSLATE_NOOP("Labels", "survey"),
    FeedbackSource.OTHER: QT_TRANSLATE_NOOP("Labels", "typed in"),
}
_ITEM_STATUSES = {
    ItemStatus.NEW: QT_TRANSLATE_NOOP("ItemStatus", "new"),
    ItemStatus.ACCEPTED: QT_TRANSLATE_NOOP("ItemStatus", "accepted"),
    ItemStatus.REJECTED: QT_TRANSLATE_NOOP("ItemStatus", "rejected"),
    ItemStatus.IN_WORK: QT_TRANSLATE_NOOP("ItemStatus", "in work"),
    ItemStatus.DONE: QT_TRANSLATE_NOOP("ItemStatus", "done"),
    ItemStatus.TOLD: QT_TRANSLATE_NOOP("ItemStatus", "clients told"),
}
_LOOP_STATUSES = {
    LoopStatus.OPEN: QT_TRANSLATE_NOOP("LoopStatus", "open"),
    LoopStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("LoopStatus", "in progress"),
    LoopStatus.INFORMED: QT_TRANSLATE_NOOP("LoopStatus", "client informed"),
    LoopStatus.CLOSED: QT_TRANSLATE_NOOP("LoopStatus", "closed"),
}
_CLOSE_REASONS = {
    "resolved": QT_TRANSLATE_NOOP("Labels", "the problem is solved"),
    "explained": QT_TRANSLATE_NOOP("Labels", "explained to the client"),
    "compensated": QT_TRANSLATE_NOOP("Labels", "compensated"),
    "told": QT_TRANSLATE_NOOP("Labels", "told what changed"),
    "unreachable": QT_TRANSLATE_NOOP("Labels", "could not reach the client"),
    "no_answer_needed": QT_TRANSLATE_NOOP("Labels", "no answer needed"),
    "other": QT_TRANSLATE_NOOP("Labels", "other"),
}


def tone_name(tone: FeedbackTone) -> str:
    return _t(_TONES[tone])


def source_kind_name(source: FeedbackSource) -> str:
    return _t(_FEEDBACK_SOURCES[source])


def item_status_name(status: ItemStatus) -> str:
    return QCoreApplication.translate("ItemStatus", _ITEM_STATUSES[status])


def loop_status_name(status: LoopStatus) -> str:
    return QCoreApplication.translate("LoopStatus", _LOOP_STATUSES[status])


def close_reason_name(reason: str) -> str:
    return _t(_CLOSE_REASONS[reason]) if reason in _CLOSE_REASONS else reason


_STEP_KINDS = {
    StepKind.SAY: QT_TRANSLATE_NOOP("Labels", "Words to say"),
    StepKind.QUESTION: QT_TRANSLATE_NOOP("Labels", "Question with an answer"),
    StepKind.CHOICE: QT_TRANSLATE_NOOP("Labels", "Question with choices"),
    StepKind.SCORE: QT_TRANSLATE_NOOP("Labels", "Score 0–10 (NPS)"),
    StepKind.REASON: QT_TRANSLATE_NOOP("Labels", "Reason for leaving"),
}
_PURPOSES = {
    ScriptPurpose.LAPSED: QT_TRANSLATE_NOOP("Labels", "lapsed clients"),
    ScriptPurpose.NPS: QT_TRANSLATE_NOOP("Labels", "NPS"),
    ScriptPurpose.GENERAL: QT_TRANSLATE_NOOP("Labels", "the studio's own"),
}
_PRESENCE = {
    PresenceState.AVAILABLE: QT_TRANSLATE_NOOP("Labels", "at the desk"),
    PresenceState.ON_CALL: QT_TRANSLATE_NOOP("Labels", "on a call"),
    PresenceState.AWAY: QT_TRANSLATE_NOOP("Labels", "away"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_name(role: Role) -> str:
    return _t(_ROLES[role])


def channel_name(channel: Channel) -> str:
    return _t(_CHANNELS[channel])


def inbox_channel_name(channel: InboxChannel) -> str:
    return _t(_INBOX_CHANNELS[channel])


# why a channel is down or a message did not go: the services' codes and the servers' own words
_CHANNEL_REASONS = {
    "no_connection": QT_TRANSLATE_NOOP("Labels", "no connection to the server"),
    "no_answer": QT_TRANSLATE_NOOP("Labels", "the server does not answer"),
    "connection_lost": QT_TRANSLATE_NOOP("Labels", "the connection broke off"),
    "gateway": QT_TRANSLATE_NOOP("Labels", "the server's gateway stopped waiting for the answer"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Desk was closing"),
    "interrupted": QT_TRANSLATE_NOOP("Labels", "Desk stopped while sending"),
    "file_missing": QT_TRANSLATE_NOOP("Labels", "the attached file is not there any more"),
    "recipient": QT_TRANSLATE_NOOP("Labels", "the mail server refused the address"),
    "INBOX": QT_TRANSLATE_NOOP("Labels", "the mailbox has no INBOX folder"),
    "address_unknown": QT_TRANSLATE_NOOP("Labels", "the server's address is not found"),
    "login_failed": QT_TRANSLATE_NOOP("Labels", "wrong login or password"),
    "tls": QT_TRANSLATE_NOOP("Labels", "the secure connection failed (SSL/TLS)"),
}
_SERVER_WORDS = (  # the start of a server's description → our words
    ("Forbidden: bot was blocked", QT_TRANSLATE_NOOP("Labels", "the client blocked the bot")),
    ("Forbidden: user is deactivated", QT_TRANSLATE_NOOP("Labels", "the client's account is "
                                                                    "deleted")),
    ("Conflict: terminated by other getUpdates", QT_TRANSLATE_NOOP(
        "Labels", "another program already listens to this bot")),
    ("Unauthorized", QT_TRANSLATE_NOOP("Labels", "the bot's token is wrong")),
    ("Not Found", QT_TRANSLATE_NOOP("Labels", "the bot's token or address is wrong")),
    ("Bad Request: chat not found", QT_TRANSLATE_NOOP("Labels", "the chat is not found")),
    ("Too Many Requests", QT_TRANSLATE_NOOP("Labels", "too many messages: Telegram asks to "
                                                      "wait")),
    ("Internal Server Error", QT_TRANSLATE_NOOP("Labels", "an error on the server")),
    ("http_5", QT_TRANSLATE_NOOP("Labels", "an error on the server")),
    ("SMTP 5", QT_TRANSLATE_NOOP("Labels", "the mail server refused the message")),
    ("SMTP 4", QT_TRANSLATE_NOOP("Labels", "the mail server asks to try later")),
)


_HEALTH_STATES = {
    HealthState.OK: QT_TRANSLATE_NOOP("Labels", "working"),
    HealthState.DOWN: QT_TRANSLATE_NOOP("Labels", "down"),
    HealthState.WEBHOOK: QT_TRANSLATE_NOOP("Labels", "blocked by a webhook"),
    HealthState.STUCK: QT_TRANSLATE_NOOP("Labels", "outbox stuck"),
    HealthState.SILENT: QT_TRANSLATE_NOOP("Labels", "silent for longer than usual"),
}


def health_state_name(state: HealthState) -> str:
    return _t(_HEALTH_STATES[state])


def channel_reason(reason: str) -> str:
    """A channel's state or a message's failure in words, never an exception's name."""
    if reason in _CHANNEL_REASONS:
        return _t(_CHANNEL_REASONS[reason])
    for start, words in sorted(_SERVER_WORDS, key=lambda p: -len(p[0])):
        if reason.startswith(start):
            return _t(words)
    return reason


def relation_name(relation: Relation) -> str:
    return _t(_RELATIONS[relation])


def entry_kind_name(kind: EntryKind) -> str:
    return _t(_ENTRY_KINDS[kind])


def direction_kind_name(kind: DirectionKind) -> str:
    return _t(_DIRECTION_KINDS[kind])


def method_name(method: PaymentMethod) -> str:
    return _t(_METHODS[method])


def mark_name(mark: Mark) -> str:
    return _t(_MARKS[mark])


_STAGES = {
    "first lesson": QT_TRANSLATE_NOOP("Labels", "first lesson"),
    "2–7": QT_TRANSLATE_NOOP("Labels", "2–7 lessons"),
    "8–20": QT_TRANSLATE_NOOP("Labels", "8–20 lessons"),
    "more than 20": QT_TRANSLATE_NOOP("Labels", "more than 20 lessons"),
}


def stage_name(stage: str) -> str:
    return _t(_STAGES[stage]) if stage in _STAGES else stage


_LEAD_STATUSES = {
    LeadStatus.NEW: QT_TRANSLATE_NOOP("Labels", "new"),
    LeadStatus.CONTACTED: QT_TRANSLATE_NOOP("Labels", "contacted"),
    LeadStatus.ENROLLED: QT_TRANSLATE_NOOP("Labels", "enrolled"),
    LeadStatus.THINKING: QT_TRANSLATE_NOOP("Labels", "thinking"),
    LeadStatus.LOST: QT_TRANSLATE_NOOP("Labels", "lost"),
}


_LAPSE_REASONS = {
    LapseReason.SCHEDULE: QT_TRANSLATE_NOOP("Labels", "the schedule does not suit"),
    LapseReason.PRICE: QT_TRANSLATE_NOOP("Labels", "too expensive"),
    LapseReason.DISTANCE: QT_TRANSLATE_NOOP("Labels", "too far to travel"),
    LapseReason.HEALTH: QT_TRANSLATE_NOOP("Labels", "illness"),
    LapseReason.INTEREST: QT_TRANSLATE_NOOP("Labels", "lost interest"),
    LapseReason.MOVED: QT_TRANSLATE_NOOP("Labels", "moved away"),
    LapseReason.SEASON: QT_TRANSLATE_NOOP("Labels", "season, holidays"),
    LapseReason.COMING_BACK: QT_TRANSLATE_NOOP("Labels", "will come back"),
    LapseReason.OTHER: QT_TRANSLATE_NOOP("Labels", "other"),
}


def lapse_reason_name(reason: LapseReason) -> str:
    return _t(_LAPSE_REASONS[reason])


def lead_status_name(status: LeadStatus) -> str:
    return _t(_LEAD_STATUSES[status])


def status_name(status: TaskStatus) -> str:
    return _t(_STATUSES[status])


def timeline_name(kind: TimelineKind) -> str:
    return _t(_TIMELINE[kind])


_CODES = {  # a field of an audit entry → how its stored code becomes words
    "method": lambda v: method_name(PaymentMethod(v)),
    "preferred_channel": lambda v: channel_name(Channel(v)),
    "assignee_role": lambda v: role_name(Role(v)),
    "role": lambda v: role_name(Role(v)),
    "mark": lambda v: mark_name(Mark(v)),
    "status": lambda v: _any_status(v),
    "tone": lambda v: tone_name(FeedbackTone(v)),
    "relation": lambda v: relation_name(Relation(v)),
    "channel": lambda v: inbox_channel_name(InboxChannel(v)),
    "rule": lambda v: segment_rule_name(v),
    "kind": lambda v: segment_kind_name(v),
    "sheet": lambda v: review_kind_name(ReviewKind(v)),
    "absence": lambda v: handover_reason_name(HandoverReason(v)),
}

_REVIEW_KINDS = {
    ReviewKind.CALL: QT_TRANSLATE_NOOP("Labels", "Call"),
    ReviewKind.CHAT: QT_TRANSLATE_NOOP("Labels", "Chat"),
}


def review_kind_name(kind: ReviewKind) -> str:
    """What a quality sheet is about: a call or a chat."""
    return _t(_REVIEW_KINDS[kind])


_HANDOVER_KINDS = {
    HandoverKind.TASK: QT_TRANSLATE_NOOP("Labels", "task"),
    HandoverKind.CONVERSATION: QT_TRANSLATE_NOOP("Labels", "conversation"),
    HandoverKind.MESSAGE: QT_TRANSLATE_NOOP("Labels", "scheduled message"),
    HandoverKind.MAILING: QT_TRANSLATE_NOOP("Labels", "mailing"),
    HandoverKind.FEEDBACK: QT_TRANSLATE_NOOP("Labels", "teacher's feedback"),
    HandoverKind.LOOP: QT_TRANSLATE_NOOP("Labels", "unhappy client"),
}
_HANDOVER_OUTCOMES = {
    HandoverOutcome.OPEN: QT_TRANSLATE_NOOP("Labels", "with the substitute"),
    HandoverOutcome.RETURNED: QT_TRANSLATE_NOOP("Labels", "back with its owner"),
    HandoverOutcome.KEPT: QT_TRANSLATE_NOOP("Labels", "kept by who worked on it"),
    HandoverOutcome.DONE: QT_TRANSLATE_NOOP("Labels", "done meanwhile"),
}
_HANDOVER_REASONS = {
    HandoverReason.VACATION: QT_TRANSLATE_NOOP("Labels", "vacation"),
    HandoverReason.SICK: QT_TRANSLATE_NOOP("Labels", "sick leave"),
    HandoverReason.OTHER: QT_TRANSLATE_NOOP("Labels", "away"),
}
_HANDOVER_STATES = {
    "planned": QT_TRANSLATE_NOOP("Labels", "planned"),
    "running": QT_TRANSLATE_NOOP("Labels", "running"),
    "returned": QT_TRANSLATE_NOOP("Labels", "back"),
}


def handover_kind_name(kind: HandoverKind) -> str:
    return _t(_HANDOVER_KINDS[kind])


def handover_outcome_name(outcome: HandoverOutcome) -> str:
    return _t(_HANDOVER_OUTCOMES[outcome])


def handover_reason_name(reason: HandoverReason) -> str:
    return _t(_HANDOVER_REASONS[reason])


def handover_state_name(state: str) -> str:
    return _t(_HANDOVER_STATES[state])


_LOYALTY = {
    LoyaltyKind.REFERRAL: QT_TRANSLATE_NOOP("Labels", "brought a family"),
    LoyaltyKind.REVIEW: QT_TRANSLATE_NOOP("Labels", "review"),
    LoyaltyKind.MENTION: QT_TRANSLATE_NOOP("Labels", "mention"),
    LoyaltyKind.RECOMMENDS: QT_TRANSLATE_NOOP("Labels", "recommends us"),
}


def loyalty_kind_name(kind: LoyaltyKind) -> str:
    return _t(_LOYALTY[kind])


_RULES = {  # a survey's segment rule (surveys.segments.RULES)
    "regular": QT_TRANSLATE_NOOP("Labels", "come and keep coming"),
    "once": QT_TRANSLATE_NOOP("Labels", "came once and stopped"),
    "attended": QT_TRANSLATE_NOOP("Labels", "came recently"),
    "lead_never_enrolled": QT_TRANSLATE_NOOP("Labels", "showed interest but never came"),
    "party_before": QT_TRANSLATE_NOOP("Labels", "booked, before the day"),
    "party_after": QT_TRANSLATE_NOOP("Labels", "after the day"),
}


def segment_rule_name(rule: str) -> str:
    return _t(_RULES[rule])


def segment_kind_name(kind: str) -> str:
    """A segment's kind of direction: a DirectionKind's value, or "any"."""
    if kind == "any":
        return _t(QT_TRANSLATE_NOOP("Labels", "any direction"))
    return direction_kind_name(DirectionKind(kind))


def _any_status(value: str) -> str:
    """A status in an audit entry: a task's, a feedback item's, a loop case's or a feedback
    request's (the first that knows the value)."""
    for kind, words in ((TaskStatus, status_name), (ItemStatus, item_status_name),
                        (LoopStatus, loop_status_name),
                        (FeedbackStatus, feedback_status_name)):
        try:
            return words(kind(value))
        except ValueError:
            continue
    raise ValueError(value)


_SOURCES = {  # where an application or a family came from, as stored → in words
    "website": QT_TRANSLATE_NOOP("Labels", "website"),
    "call": QT_TRANSLATE_NOOP("Labels", "phone call"),
    "telegram": QT_TRANSLATE_NOOP("Labels", "Telegram"),
    "whatsapp": QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
    "vk": QT_TRANSLATE_NOOP("Labels", "VK"),
    "instagram": QT_TRANSLATE_NOOP("Labels", "Instagram"),
    "email": QT_TRANSLATE_NOOP("Labels", "e-mail"),
    "phone": QT_TRANSLATE_NOOP("Labels", "phone call"),
}


def source_name(code: str) -> str:
    """"website" → "сайт"; a source the studio typed itself stays as typed."""
    return _t(_SOURCES[code]) if code in _SOURCES else code


def source_choices() -> list[tuple[str, str]]:
    """(words, code) for a source picker, the website first."""
    return [(_t(words), code) for code, words in _SOURCES.items() if code != "phone"]


def code_words(key: str, value: str) -> str | None:
    """The words for a code stored under ``key`` (card_transfer → "перевод на карту"), or
    None when it is not a code of a known kind."""
    try:
        return _CODES[key](value) if key in _CODES else None
    except (ValueError, KeyError):
        return None


def audit_area(prefix: str) -> str:
    return _t(_AUDIT[prefix]) if prefix in _AUDIT else prefix


def audit_kind(kind: str) -> str:
    return _t(_AUDIT_KINDS[kind]) if kind in _AUDIT_KINDS else kind


def feedback_status_name(status: FeedbackStatus) -> str:
    return _t(_FEEDBACK_STATUSES[status])


def step_kind_name(kind: StepKind) -> str:
    return _t(_STEP_KINDS[kind])


def script_purpose_name(purpose: ScriptPurpose) -> str:
    return _t(_PURPOSES[purpose])


def presence_name(state: PresenceState) -> str:
    return _t(_PRESENCE[state])
