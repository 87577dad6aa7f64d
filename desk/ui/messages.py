"""User-facing words for the services' error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.services import errors, money

FIELD_MESSAGES = {
    "name_empty": QT_TRANSLATE_NOOP("Messages", "Enter a name."),
    "phone_invalid": QT_TRANSLATE_NOOP("Messages", "This is not a valid phone number."),
    "phone_duplicate": QT_TRANSLATE_NOOP("Messages", "This phone is already entered above."),
    "phone_taken": QT_TRANSLATE_NOOP("Messages", "This phone belongs to another family."),
    "email_invalid": QT_TRANSLATE_NOOP("Messages", "This is not a valid e-mail address."),
    "handle_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Use letters, digits and _ only (e.g. @anna_k)."),
    "birth_future": QT_TRANSLATE_NOOP("Messages", "The birth date is in the future."),
    "birth_invalid": QT_TRANSLATE_NOOP("Messages", "Check the year of birth."),
    "child_too_old": QT_TRANSLATE_NOOP("Messages", "The child is older than 18."),
    "note_empty": QT_TRANSLATE_NOOP("Messages", "Write the note first."),
    "title_empty": QT_TRANSLATE_NOOP("Messages", "Enter what needs to be done."),
    "script_no_steps": QT_TRANSLATE_NOOP("Messages", "Add at least one step."),
    "script_no_outcomes": QT_TRANSLATE_NOOP("Messages", "Add at least one outcome."),
    "script_step_empty": QT_TRANSLATE_NOOP("Messages", "Write what to say or ask."),
    "script_placeholder": QT_TRANSLATE_NOOP(
        "Messages", "Unknown placeholder: use {parent}, {child}, {studio} or {me}."),
    "script_options": QT_TRANSLATE_NOOP("Messages", "Give at least two answers, each with words."),
    "script_jump_back": QT_TRANSLATE_NOOP(
        "Messages", "An answer can only lead to a later step."),
    "script_no_such_outcome": QT_TRANSLATE_NOOP(
        "Messages", "An answer leads to an outcome that is not in the list."),
    "script_condition_no_score": QT_TRANSLATE_NOOP(
        "Messages", "A step that depends on the score must come after the score."),
    "script_condition_range": QT_TRANSLATE_NOOP(
        "Messages", "The score range must go from the lower to the higher score."),
    "script_twice": QT_TRANSLATE_NOOP(
        "Messages", "A script asks for the score or the reason only once."),
    "script_task_days": QT_TRANSLATE_NOOP("Messages", "Choose from 0 to 365 days."),
    "script_needs_reason": QT_TRANSLATE_NOOP(
        "Messages", "The lapsed-client script needs a \"reason for leaving\" step."),
    "script_needs_score": QT_TRANSLATE_NOOP("Messages", "The NPS script needs a score step."),
    "score_invalid": QT_TRANSLATE_NOOP("Messages", "A score goes from 0 to 10."),
    "assignee_missing": QT_TRANSLATE_NOOP("Messages", "Choose who does it."),
    "timezone_invalid": QT_TRANSLATE_NOOP("Messages", "Choose a time zone from the list."),
    "name_taken": QT_TRANSLATE_NOOP("Messages", "This name is already used."),
    "capacity_invalid": QT_TRANSLATE_NOOP("Messages", "There must be at least one place."),
    "capacity_below_enrolled": QT_TRANSLATE_NOOP(
        "Messages", "More children are already enrolled than this number of places."),
    "amount_not_positive": QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative."),
    "amount_zero": QT_TRANSLATE_NOOP("Messages", "The amount must be more than zero."),
    "amount_too_large": QT_TRANSLATE_NOOP(
        "Messages", "No single amount may be over 10 000 000 ₽."),
    "large_payment_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Choose an amount from 1 ₽ to 10 000 000 ₽."),
    "repeat_days_invalid": QT_TRANSLATE_NOOP("Messages", "Choose from 1 to 90 days."),
    "duration_invalid": QT_TRANSLATE_NOOP("Messages", "The lesson is too short."),
    "direction_missing": QT_TRANSLATE_NOOP("Messages", "Choose a direction."),
    "teacher_missing": QT_TRANSLATE_NOOP("Messages", "Choose a teacher from the list."),
    "last_date_before_first": QT_TRANSLATE_NOOP(
        "Messages", "The last date is before the first lesson."),
    "series_too_long": QT_TRANSLATE_NOOP("Messages", "A series can span one year at most."),
    "children_missing": QT_TRANSLATE_NOOP("Messages", "Tick the children to enrol."),
    "already_enrolled": QT_TRANSLATE_NOOP("Messages", "This child is already enrolled."),
    "adults_not_allowed": QT_TRANSLATE_NOOP("Messages", "Adults are not allowed in this lesson."),
    "contact_missing": QT_TRANSLATE_NOOP("Messages", "Give a phone or an e-mail."),
    "date_missing": QT_TRANSLATE_NOOP("Messages", "Choose the date."),
    "reason_missing": QT_TRANSLATE_NOOP("Messages", "Write the reason."),
    "template_empty": QT_TRANSLATE_NOOP("Messages", "Write the text of the template."),
    "text_empty": QT_TRANSLATE_NOOP("Messages", "Write the message first."),
    "no_consent": QT_TRANSLATE_NOOP("Messages", "The family has not agreed to messages."),
    "over_budget": QT_TRANSLATE_NOOP(
        "Messages", "The family's contact budget is spent for now: copy the text instead."),
    "no_channel": QT_TRANSLATE_NOOP(
        "Messages", "No e-mail or Telegram chat for this family: copy the text instead."),
    "file_missing": QT_TRANSLATE_NOOP("Messages", "The attached file is not there any more."),
    "time_past": QT_TRANSLATE_NOOP("Messages", "Choose a time in the future."),
    "host_missing": QT_TRANSLATE_NOOP("Messages", "Enter the server's address."),
    "token_missing": QT_TRANSLATE_NOOP("Messages", "Paste the bot's token from @BotFather."),
    "template_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The template cannot be filled in: check the placeholders in braces."),
    "template_too_heavy": QT_TRANSLATE_NOOP(
        "Messages", "The template does too much work (long loops or a very long text): "
        "simplify it."),
    "weeks_invalid": QT_TRANSLATE_NOOP("Messages", "Choose from 1 to 52 weeks."),
    "hours_invalid": QT_TRANSLATE_NOOP("Messages", "A block must end after it starts."),
    "hours_overlap": QT_TRANSLATE_NOOP(
        "Messages", "The break must come after the first block ends."),
    "hours_missing": QT_TRANSLATE_NOOP("Messages", "Mark at least one working day."),
    "staff_roles_missing": QT_TRANSLATE_NOOP(
        "Messages", "Name at least one System person and one Communicator."),
}

ERROR_MESSAGES = {
    "not_a_database": QT_TRANSLATE_NOOP("Messages", "This file is not a Desk database."),
    "database_from_future": QT_TRANSLATE_NOOP(
        "Messages", "This database was written by a newer version of Desk. "
        "Update Desk to open it; the file was not changed."),
    "migration_failed": QT_TRANSLATE_NOOP(
        "Messages", "The database could not be upgraded. The file was left as it was."),
    "read_only": QT_TRANSLATE_NOOP(
        "Messages", "The database is open read-only: changes cannot be saved."),
    "database_busy": QT_TRANSLATE_NOOP(
        "Messages", "The database is busy in another program. Try again in a moment; "
        "what you typed is kept."),
    "not_found": QT_TRANSLATE_NOOP("Messages", "This record no longer exists."),
    "backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be made."),
    "validation_failed": QT_TRANSLATE_NOOP("Messages", "Please correct the marked fields."),
    "secret_store_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The system's password store is not available on this computer."),
    "import_failed": QT_TRANSLATE_NOOP("Messages", "The file could not be imported."),
    "cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled: nothing was written."),
    "lesson_full": QT_TRANSLATE_NOOP("Messages", "The lesson is full."),
    "template_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The template cannot be filled in: check the placeholders in braces."),
    "template_too_heavy": QT_TRANSLATE_NOOP(
        "Messages", "The template does too much work (long loops or a very long text): "
        "simplify it."),
    "lesson_cancelled": QT_TRANSLATE_NOOP("Messages", "The lesson is cancelled."),
    "channel_down": QT_TRANSLATE_NOOP("Messages", "No connection to the channel."),
    "channel_refused": QT_TRANSLATE_NOOP("Messages", "The channel refused the message."),
    "large_not_confirmed": QT_TRANSLATE_NOOP(
        "Messages", "Confirm the large amounts before posting them."),
    "not_postable": QT_TRANSLATE_NOOP(
        "Messages", "A line has no amount or no family: check the lines again."),
}

# why a typed or pasted amount is refused (money's reasons) and why a payment line is not matched
AMOUNT_MESSAGES = {
    money.SIGN: QT_TRANSLATE_NOOP(
        "Messages", "A sign or a dash is glued to the amount: write the amount without it."),
    money.ZERO: QT_TRANSLATE_NOOP("Messages", "The amount is zero."),
    money.EXPONENT: QT_TRANSLATE_NOOP(
        "Messages", "This is not an amount (an exponent): write it as 2500 or 2 500,50."),
    money.LETTERS: QT_TRANSLATE_NOOP(
        "Messages", "Letters inside the number: write it as 2500 or 2 500,50."),
    money.AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Messages", "The amount can be read two ways: write it as 2500 or 2 500,50."),
    money.TOO_LARGE: QT_TRANSLATE_NOOP("Messages", "The amount is over 10 000 000 ₽."),
    money.NO_AMOUNT: QT_TRANSLATE_NOOP("Messages", "No amount in this line."),
    money.SEVERAL: QT_TRANSLATE_NOOP("Messages", "More than one amount in this line."),
    "no name": QT_TRANSLATE_NOOP("Messages", "No name in this line."),
    "no family matches": QT_TRANSLATE_NOOP("Messages", "No family with this name."),
    "several families match": QT_TRANSLATE_NOOP("Messages", "Several families fit: choose one."),
}


def amount_message(reason: str) -> str:
    """The words for an amount refused by ``money`` (or a payment line's error)."""
    return QCoreApplication.translate("Messages", AMOUNT_MESSAGES.get(reason, reason))


def field_message(code: str) -> str:
    return QCoreApplication.translate("Messages", FIELD_MESSAGES.get(code, code))


def fields_text(exc: errors.ValidationFailed) -> str:
    """The words for every field a ValidationFailed names, in one line."""
    text = " ".join(field_message(code) for code in exc.fields.values())
    detail = exc.params.get("detail")
    return f"{text} {detail}" if detail else text


def error_message(exc: errors.DeskError) -> str:
    text = ERROR_MESSAGES.get(exc.code)
    if text is None:
        return str(exc)
    return QCoreApplication.translate("Messages", text)
