"""Every enum the models use, in a module without SQLAlchemy: the UI imports its enums from
here, so no widget import loads the database layer."""

from __future__ import annotations

import enum


class Channel(enum.Enum):
    PHONE = "phone"
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"
    VK = "vk"
    EMAIL = "email"


class Relation(enum.Enum):
    NONE = ""
    MOTHER = "mother"
    FATHER = "father"
    GRANDMOTHER = "grandmother"
    GRANDFATHER = "grandfather"
    GUARDIAN = "guardian"
    OTHER = "other"


class LoyaltyKind(enum.Enum):
    """Signs that a family recommends the studio (they feed NPS by the regulation)."""

    REFERRAL = "referral"  # a new family came on their word
    REVIEW = "review"  # a review on Yandex or elsewhere, with its link
    MENTION = "mention"  # a mention in social networks
    RECOMMENDS = "recommends"  # said in a survey, a call or in person that they recommend us


class TimelineKind(enum.Enum):
    CREATED = "created"
    EDITED = "edited"
    NOTE = "note"
    TASK = "task"
    PAYMENT = "payment"
    CALL = "call"
    ERASED = "erased"
    FEEDBACK = "feedback"


class Role(enum.Enum):
    SYSTEM = "system"
    COMMUNICATOR = "communicator"
    SUPERVISOR = "supervisor"


class TaskStatus(enum.Enum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class EntryKind(enum.Enum):
    TOPUP = "topup"
    DEBIT = "debit"
    REFUND = "refund"
    CORRECTION = "correction"


class DirectionKind(enum.Enum):
    """What a direction is: camp feedback and (later) the surveys' segments go by it, never
    by the direction's name."""

    WORKSHOP = "workshop"
    CAMP = "camp"
    HIKE = "hike"
    PARTY = "party"  # a holiday party
    OTHER = "other"


class PaymentMethod(enum.Enum):
    CARD_TRANSFER = "card_transfer"
    CASH = "cash"
    TERMINAL = "terminal"
    OTHER = "other"


class Mark(enum.Enum):
    NONE = "none"
    ATTENDED = "attended"
    ABSENT = "absent"
    CANCELLED = "cancelled"  # by the client: removed from the roster, never charged


class CallDirection(enum.Enum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"


class LeadStatus(enum.Enum):
    NEW = "new"
    CONTACTED = "contacted"
    ENROLLED = "enrolled"
    THINKING = "thinking"
    LOST = "lost"


class LapseReason(enum.Enum):
    SCHEDULE = "schedule"
    PRICE = "price"
    DISTANCE = "distance"
    HEALTH = "health"
    INTEREST = "interest"
    MOVED = "moved"
    SEASON = "season"
    COMING_BACK = "coming_back"
    OTHER = "other"


class InboxChannel(enum.Enum):
    """Where a conversation happens. Telegram and e-mail are received by the desk; the others
    are typed in by the staff (a website form, a chat on a phone)."""

    TELEGRAM = "telegram"
    EMAIL = "email"
    WEBSITE = "website"
    VK = "vk"
    WHATSAPP = "whatsapp"
    INSTAGRAM = "instagram"
    PHONE = "phone"


class MessageDirection(enum.Enum):
    IN = "in"
    OUT = "out"


class OutboxStatus(enum.Enum):
    QUEUED = "queued"  # waiting for its time or retrying after a failure (last_error says why)
    SENDING = "sending"  # the courier took it and is handing it to the channel right now
    UNCERTAIN = "uncertain"  # handed over, but no answer came (a timeout, a crash): it may
    # have arrived; a person decides "send again" or "it arrived", never the courier alone
    SENT = "sent"  # the channel confirmed it
    CANCELLED = "cancelled"  # withdrawn by the staff before it went (kept in the history)
    FAILED = "failed"  # the channel refused it for good; the staff may send it again
    LOGGED = "logged"  # written by hand for a channel the desk does not send through


class MailingStatus(enum.Enum):
    SENDING = "sending"
    PAUSED = "paused"
    DONE = "done"


class RecipientStatus(enum.Enum):
    PENDING = "pending"  # not handed to the outbox yet (paused, quiet hours, or its turn)
    QUEUED = "queued"  # in the outbox: its message says sent or not
    SKIPPED = "skipped"  # reason says why


class ScriptPurpose(enum.Enum):
    """What a call script is for: the desk offers the lapsed-client script in No-shows and
    stores the score of the NPS script; general scripts are the studio's own."""

    LAPSED = "lapsed"
    NPS = "nps"
    GENERAL = "general"


class StepKind(enum.Enum):
    """A script's step: words to say, a question with a free answer, a question with answers
    to choose (each may branch), the 0–10 score, or the lapsed client's reason code."""

    SAY = "say"
    QUESTION = "question"
    CHOICE = "choice"
    SCORE = "score"
    REASON = "reason"


class PresenceState(enum.Enum):
    AVAILABLE = "available"
    ON_CALL = "on_call"
    AWAY = "away"


class FeedbackKind(enum.Enum):
    """Which feedback to a family: after the first lesson (the teacher's words), the second
    (the head teacher's call at a new stage), after a camp."""

    FIRST = "first"
    SECOND = "second"
    CAMP = "camp"


class FeedbackStatus(enum.Enum):
    """Where a feedback request is. A first (or camp) feedback: waiting for the teacher's
    words, with the copywriter, ready to go to the parent, sent. A second feedback: waiting
    to be handed to the head teacher, with the head teacher (who calls the parent), done (their
    feedback recorded)."""

    WAITING = "waiting"
    COPYWRITER = "copywriter"
    READY = "ready"
    SENT = "sent"
    HANDED = "handed"
    DONE = "done"


class FeedbackTone(enum.Enum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    SUGGESTION = "suggestion"


class FeedbackSource(enum.Enum):
    """Where a feedback item's words came from (its link back)."""

    MESSAGE = "message"  # a message in the inbox
    CALL = "call"
    SCRIPT = "script"  # a script call's answers
    NOTE = "note"  # a note on the family's card
    REQUEST = "request"  # a teacher's or head teacher's feedback
    SURVEY = "survey"
    OTHER = "other"  # typed in (a conversation at the desk, a paper form)


class ItemStatus(enum.Enum):
    """A feedback item in the improvements department's register."""

    NEW = "new"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IN_WORK = "in_work"
    DONE = "done"
    TOLD = "told"  # the families were told what changed


class LoopStatus(enum.Enum):
    """Closing the loop with the client who raised a negative item."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    INFORMED = "informed"
    CLOSED = "closed"


class ReviewKind(enum.Enum):
    """What a supervisor listened to or read for a quality sheet."""

    CALL = "call"
    CHAT = "chat"


class HandoverReason(enum.Enum):
    VACATION = "vacation"
    SICK = "sick"  # handed over by a colleague or a supervisor
    OTHER = "other"


class HandoverKind(enum.Enum):
    """What a handover moves: a task (a call-back is one), an open conversation, a scheduled
    message, a mailing; a feedback request and a loop case are the role's and are listed."""

    TASK = "task"
    CONVERSATION = "conversation"
    MESSAGE = "message"
    MAILING = "mailing"
    FEEDBACK = "feedback"
    LOOP = "loop"


class HandoverOutcome(enum.Enum):
    """What became of a handed-over item at the return."""

    OPEN = "open"  # still with the substitute (the handover runs)
    RETURNED = "returned"  # untouched: back with its owner
    KEPT = "kept"  # the substitute worked on it: it stays with them, marked
    DONE = "done"  # finished meanwhile


class HealthState(enum.Enum):
    """A channel's health at a check (the System person's monitoring)."""

    OK = "ok"
    DOWN = "down"  # getMe / the mailbox's login failed, or receiving is failing
    STUCK = "stuck"  # up, but the outbox's oldest waiting message is too old
    SILENT = "silent"  # up, but nothing came in for longer than usual at this hour
    WEBHOOK = "webhook"  # a webhook set elsewhere blocks receiving (getUpdates: 409)
