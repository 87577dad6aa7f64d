"""User-facing words for the services' error codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from desk.services.money import amounts
from desk.services.store import errors

FIELD_MESSAGES = {
    "name_empty": QT_TRANSLATE_NOOP("Messages", "Enter a name."),
    "idle_lock_range": QT_TRANSLATE_NOOP(
        "Messages", "From 0 (never) to 240 minutes."),
    "handover_same_person": QT_TRANSLATE_NOOP(
        "Messages", "Choose someone else to cover."),
    "handover_dates": QT_TRANSLATE_NOOP(
        "Messages", "The day back comes after the first day away."),
    "handover_too_long": QT_TRANSLATE_NOOP("Messages", "A handover lasts a year at most."),
    "handover_past": QT_TRANSLATE_NOOP(
        "Messages", "The first day away is today or later."),
    "handover_overlaps": QT_TRANSLATE_NOOP(
        "Messages", "These days overlap a handover of the same person already made: "
                    "change that one or choose other days."),
    "handover_not_desk": QT_TRANSLATE_NOOP(
        "Messages", "Work is handed over between the desk's people (not a supervisor)."),
    "handover_over": QT_TRANSLATE_NOOP("Messages", "This handover has ended already."),
    "handover_ring": QT_TRANSLATE_NOOP(
        "Messages", "That person is away on these days and their work comes back this way: "
                    "choose someone who is in."),
    "name_control": QT_TRANSLATE_NOOP(
        "Messages", "The name holds invisible control characters or is too long: retype it."),
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
    "host_empty": QT_TRANSLATE_NOOP("Messages", "Enter the server computer's name or address."),
    "host_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Write only the computer's name or address, e.g. 192.168.1.10."),
    "database_empty": QT_TRANSLATE_NOOP("Messages", "Enter the database's name."),
    "user_empty": QT_TRANSLATE_NOOP("Messages", "Enter the user name."),
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
    "channel_off": QT_TRANSLATE_NOOP(
        "Messages", "The family's channel is not set up under Settings → Channels: copy the "
        "text instead."),
    "no_channel": QT_TRANSLATE_NOOP(
        "Messages", "No e-mail or Telegram chat for this family: copy the text instead."),
    "file_missing": QT_TRANSLATE_NOOP("Messages", "The attached file is not there any more."),
    "file_too_big": QT_TRANSLATE_NOOP("Messages", "The file is too big: a message can carry "
                                                  "up to 50 MB."),
    "feedback_empty": QT_TRANSLATE_NOOP(
        "Messages", "Write the teacher's words or attach a voice note first."),
    "feedback_sent": QT_TRANSLATE_NOOP("Messages", "This feedback has already been sent."),
    "feedback_at_copywriter": QT_TRANSLATE_NOOP(
        "Messages", "The text is with the copywriter: paste the edited text back first."),
    "audio_type": QT_TRANSLATE_NOOP(
        "Messages", "Attach a voice note as .ogg, .opus, .mp3 or .m4a."),
    "audio_too_big": QT_TRANSLATE_NOOP("Messages", "The voice note is too big: up to 20 MB."),
    "feedback_hours_invalid": QT_TRANSLATE_NOOP("Messages", "Choose from 1 to 720 hours."),
    "quote_empty": QT_TRANSLATE_NOOP("Messages", "Quote what the client said."),
    "quote_too_long": QT_TRANSLATE_NOOP("Messages", "The quote is too long: keep the gist."),
    "tag_missing": QT_TRANSLATE_NOOP("Messages", "A tag is no longer in the list: choose again."),
    "status_move": QT_TRANSLATE_NOOP("Messages", "This step does not follow from the current "
                                                 "status."),
    "reason_empty": QT_TRANSLATE_NOOP("Messages", "Say why it is rejected."),
    "comment_empty": QT_TRANSLATE_NOOP("Messages", "Write a comment: what was done."),
    "item_not_done": QT_TRANSLATE_NOOP(
        "Messages", "The families are told once the change is done: mark it done first."),
    "link_self": QT_TRANSLATE_NOOP("Messages", "An item cannot be linked to itself."),
    "link_closed": QT_TRANSLATE_NOOP(
        "Messages", "That item is closed (rejected, or its clients were told): choose another."),
    "file_empty": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "timezone_unknown": QT_TRANSLATE_NOOP(
        "Messages", "Unknown time zone: write it like Europe/Moscow."),
    "teacher_no_chat": QT_TRANSLATE_NOOP(
        "Messages", "The teacher has not written to the studio's bot yet: copy or print the "
        "brief instead."),
    "teacher_not_telegram": QT_TRANSLATE_NOOP(
        "Messages", "Only a Telegram chat can be kept for a teacher."),
    "period_reversed": QT_TRANSLATE_NOOP("Messages", "The period ends before it starts."),
    "export_type": QT_TRANSLATE_NOOP("Messages", "Save as .xlsx or .pdf."),
    "feedback_days_invalid": QT_TRANSLATE_NOOP("Messages", "Choose from 1 to 60 days."),
    "feedback_by_call": QT_TRANSLATE_NOOP(
        "Messages", "The head teacher gives the second feedback on a call: record it instead."),
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
    "survey_no_link": QT_TRANSLATE_NOOP(
        "Messages", "Add the link to the survey's form first (the survey's \"Edit…\")."),
    "url_invalid": QT_TRANSLATE_NOOP("Messages", "Paste the full link, starting with https://."),
    "url_short": QT_TRANSLATE_NOOP(
        "Messages", "A short forms.gle link loses the family's code: paste the form's full "
        "link (docs.google.com/forms/…)."),
    "code_entry_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Paste a pre-filled link with only the code question filled in, or write "
        "entry.123456."),
    "days_invalid": QT_TRANSLATE_NOOP("Messages", "The number is out of range."),
    "recent_over_window": QT_TRANSLATE_NOOP(
        "Messages", "The last visit's period cannot be longer than the whole window."),
    "rule_unknown": QT_TRANSLATE_NOOP("Messages", "Choose the rule from the list."),
    "importance_invalid": QT_TRANSLATE_NOOP("Messages", "Importance is from 1 to 10."),
    "answer_empty": QT_TRANSLATE_NOOP("Messages", "Enter at least one score or the comment."),
    "throttled": QT_TRANSLATE_NOOP(
        "Messages", "The family was sent a survey recently: tick \"Send anyway\" to send it "
        "again."),
    "date_in_future": QT_TRANSLATE_NOOP("Messages", "The date is in the future."),
    "nps_range": QT_TRANSLATE_NOOP("Messages", "The score is from 0 to 10."),
    "csat_range": QT_TRANSLATE_NOOP("Messages", "The score is from 1 to 5."),
    "csi_range": QT_TRANSLATE_NOOP("Messages", "The score is outside the question's scale."),
    "item_unknown": QT_TRANSLATE_NOOP(
        "Messages", "A satisfaction item is no longer in the list: open the form again."),
    "month_invalid": QT_TRANSLATE_NOOP("Messages", "Write the month as YYYY-MM."),
    "weight_invalid": QT_TRANSLATE_NOOP("Messages", "The weight is from 1 to 5."),
    "name_long": QT_TRANSLATE_NOOP("Messages", "The name is too long (200 characters at most)."),
    "criteria_empty": QT_TRANSLATE_NOOP("Messages", "Keep at least one criterion."),
    "quality_score_missing": QT_TRANSLATE_NOOP("Messages", "Score this criterion: 0, 1 or 2."),
    "quality_score_invalid": QT_TRANSLATE_NOOP(
        "Messages", "A criterion is scored 0, 1 or 2 (it may have been removed meanwhile)."),
    "person_invalid": QT_TRANSLATE_NOOP("Messages", "Choose whose call or chat it was."),
    "reviewer_invalid": QT_TRANSLATE_NOOP("Messages", "Choose who scored it."),
    "reference_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Choose a call for a call, a conversation for a chat (or none)."),
    "date_invalid": QT_TRANSLATE_NOOP("Messages", "The date is not valid."),
    "pin_invalid": QT_TRANSLATE_NOOP("Messages", "A PIN is 4 to 8 digits."),
    "password_short": QT_TRANSLATE_NOOP(
        "Messages", "A password is 8 characters or more (or use a PIN of 4 to 8 digits)."),
    "referred_missing": QT_TRANSLATE_NOOP("Messages", "Choose the family they brought."),
    "referred_self": QT_TRANSLATE_NOOP("Messages", "A family cannot bring itself."),
    "referred_twice": QT_TRANSLATE_NOOP(
        "Messages", "That family is already counted as brought by someone."),
}

ERROR_MESSAGES = {
    "not_a_database": QT_TRANSLATE_NOOP("Messages", "This file is not a Desk database."),
    "import_refused": QT_TRANSLATE_NOOP(
        "Messages", "Some rows of the file are wrong (each is listed with its line): nothing "
        "was imported."),
    "bad_server_url": QT_TRANSLATE_NOOP(
        "Messages", "This is not a server address. It looks like "
        "postgresql+psycopg://user@host:5432/database."),
    "server_unreachable": QT_TRANSLATE_NOOP(
        "Messages", "Cannot reach the studio's server at {host}:{port}. Check that the server "
        "computer is on and on the network, and that the address and port are right."),
    "server_refused_password": QT_TRANSLATE_NOOP(
        "Messages", "The server refused the password of the user {user}. Check the password "
        "(the keyboard layout and Caps Lock matter)."),
    "server_database_missing": QT_TRANSLATE_NOOP(
        "Messages", "The server has no database named {database}. Check the name, or create "
        "the database as the README's \"Two PCs\" section shows."),
    "copy_refused": QT_TRANSLATE_NOOP(
        "Messages", "The server's database already holds a studio's data: a studio is moved "
        "only into an empty database. Nothing was changed."),
    "move_failed": QT_TRANSLATE_NOOP(
        "Messages", "The copy on the server did not match the file, so nothing was kept on the "
        "server; the file is as it was. The details are in the log."),
    "server_not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "The database uses the {encoding} encoding with the character type "
        "{ctype}: Russian letters would be searched and sorted wrongly. Create it again with "
        "UTF-8 (for example the C.UTF-8 or ru_RU.UTF-8 locale)."),
    "database_from_future": QT_TRANSLATE_NOOP(
        "Messages", "This database was written by a newer version of Desk. "
        "Update Desk to open it; the file was not changed."),
    "migration_failed": QT_TRANSLATE_NOOP(
        "Messages", "The database could not be upgraded. The file was left as it was."),
    "sign_in_refused": QT_TRANSLATE_NOOP("Messages", "The PIN or password is not right."),
    "sign_in_blocked": QT_TRANSLATE_NOOP(
        "Messages", "Too many wrong tries: wait {seconds} s and try again."),
    "not_permitted": QT_TRANSLATE_NOOP(
        "Messages", "A supervisor looks, prints and exports; changes are made by the desk."),
    "read_only": QT_TRANSLATE_NOOP(
        "Messages", "The database is open read-only: changes cannot be saved."),
    "database_busy": QT_TRANSLATE_NOOP(
        "Messages", "The database is busy in another program. Try again in a moment; "
        "what you typed is kept."),
    "writes_collided": QT_TRANSLATE_NOOP(
        "Messages", "Another desk changed the same records at the same moment, so this change "
        "was not saved. Try again; what you typed is kept."),
    "others_connected": QT_TRANSLATE_NOOP(
        "Messages", "This Desk is newer than the studio's database. It can upgrade the "
        "database only while no other desk is connected; now connected: {names}. Ask them to "
        "quit Desk, then try again."),
    "not_found": QT_TRANSLATE_NOOP("Messages", "This record no longer exists."),
    "database_locked": QT_TRANSLATE_NOOP(
        "Messages", "Another copy of Desk has this database open."),
    "child_has_lessons": QT_TRANSLATE_NOOP(
        "Messages", "The child is enrolled in lessons to come: cancel them first."),
    "delivery_unknown": QT_TRANSLATE_NOOP(
        "Messages", "It is not known whether the message arrived: check with the client."),
    "already_reversed": QT_TRANSLATE_NOOP("Messages", "This entry has already been reversed."),
    "already_set_up": QT_TRANSLATE_NOOP("Messages", "The studio is already set up."),
    "no_working_hours": QT_TRANSLATE_NOOP(
        "Messages", "The desk has no working hours: set them under Settings → Working hours."),
    "bad_week": QT_TRANSLATE_NOOP(
        "Messages", "Write the week as YYYY-Www, for example 2026-W10."),
    "cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "Desk cannot write this database or its folder (it is read-only). Copy the "
        "file to a folder you can write and open it there."),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full: nothing was saved. Free some space and try again; what "
        "you typed is kept."),
    "backup_failed": QT_TRANSLATE_NOOP("Messages", "The backup could not be made."),
    "validation_failed": QT_TRANSLATE_NOOP("Messages", "Please correct the marked fields."),
    "secret_store_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "The system's password store is not available on this computer."),
    "import_failed": QT_TRANSLATE_NOOP("Messages", "The file could not be imported."),
    "wrong_file_type": QT_TRANSLATE_NOOP(
        "Messages", "This type of file cannot be written here: choose one of the types offered."),
    "state_changed": QT_TRANSLATE_NOOP(
        "Messages", "The message changed meanwhile (it may be on its way): look at it again."),
    "export_failed": QT_TRANSLATE_NOOP(
        "Messages", "The file could not be written there (the folder is missing or read-only, "
        "or the disk is full). Choose another folder."),
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
    amounts.SIGN: QT_TRANSLATE_NOOP(
        "Messages", "A sign or a dash is glued to the amount: write the amount without it."),
    amounts.ZERO: QT_TRANSLATE_NOOP("Messages", "The amount is zero."),
    amounts.EXPONENT: QT_TRANSLATE_NOOP(
        "Messages", "This is not an amount (an exponent): write it as 2500 or 2 500,50."),
    amounts.LETTERS: QT_TRANSLATE_NOOP(
        "Messages", "Letters inside the number: write it as 2500 or 2 500,50."),
    amounts.AMBIGUOUS: QT_TRANSLATE_NOOP(
        "Messages", "The amount can be read two ways: write it as 2500 or 2 500,50."),
    amounts.TOO_LARGE: QT_TRANSLATE_NOOP("Messages", "The amount is over 10 000 000 ₽."),
    amounts.NO_AMOUNT: QT_TRANSLATE_NOOP("Messages", "No amount in this line."),
    amounts.SEVERAL: QT_TRANSLATE_NOOP("Messages", "More than one amount in this line."),
    "no name": QT_TRANSLATE_NOOP("Messages", "No name in this line."),
    "no family matches": QT_TRANSLATE_NOOP("Messages", "No family with this name."),
    "several families match": QT_TRANSLATE_NOOP("Messages", "Several families fit: choose one."),
}


# why a row of an imported file is refused (transfer.RowError.code; {value} is the cell or column)
IMPORT_ROW_MESSAGES = {
    "no_names": QT_TRANSLATE_NOOP("Messages", "No parent and no child name."),
    "name_empty": QT_TRANSLATE_NOOP("Messages", "No parent and no child name."),
    "contact_missing": QT_TRANSLATE_NOOP("Messages", "No phone and no e-mail."),
    "phone_invalid": QT_TRANSLATE_NOOP("Messages", "Not a valid phone: {value}"),
    "email_invalid": QT_TRANSLATE_NOOP("Messages", "Not a valid e-mail: {value}"),
    "handle_invalid": QT_TRANSLATE_NOOP("Messages", "Not a valid Telegram name: {value}"),
    "birth_invalid": QT_TRANSLATE_NOOP(
        "Messages", "Not a date: {value} (write DD.MM.YYYY or YYYY-MM-DD)"),
    "birth_future": QT_TRANSLATE_NOOP("Messages", "The birth date is in the future."),
    "child_too_old": QT_TRANSLATE_NOOP("Messages", "The child is older than 18."),
    "birth_without_child": QT_TRANSLATE_NOOP("Messages", "A birth date without a child's name."),
    "too_long": QT_TRANSLATE_NOOP("Messages", "The column \"{value}\" is over 10 000 characters."),
    "control": QT_TRANSLATE_NOOP(
        "Messages", "The column \"{value}\" holds invisible control characters."),
}

# why a file cannot be imported at all (ImportFailed's reason)
IMPORT_FAILED_MESSAGES = {
    "format": QT_TRANSLATE_NOOP("Messages", "Choose a .csv or .xlsx file."),
    "damaged": QT_TRANSLATE_NOOP(
        "Messages", "The file is damaged or is not an Excel workbook: nothing was imported."),
    "unreadable": QT_TRANSLATE_NOOP("Messages", "The file cannot be read."),
    "missing": QT_TRANSLATE_NOOP("Messages", "The file is not there any more."),
    "encoding": QT_TRANSLATE_NOOP(
        "Messages", "The file is neither UTF-8 nor Windows-1251 text: save it from Excel as "
        "\"CSV UTF-8\"."),
    "broken": QT_TRANSLATE_NOOP(
        "Messages", "The file is broken at line {line}: nothing was imported."),
    "empty": QT_TRANSLATE_NOOP("Messages", "The file is empty."),
    "no_columns": QT_TRANSLATE_NOOP(
        "Messages", "The first line has no \"Родитель\" or \"Ребёнок\" column (or \"parent\", "
        "\"child\")."),
    "invalid_rows": QT_TRANSLATE_NOOP(
        "Messages", "Some rows have errors: nothing was imported."),
    "conflicts": QT_TRANSLATE_NOOP(
        "Messages", "Decide for every row whose phone belongs to another family."),
    "changed": QT_TRANSLATE_NOOP(
        "Messages", "The families changed since the file was checked: check it again."),
}


def import_row_message(code: str, value: str) -> str:
    text = IMPORT_ROW_MESSAGES.get(code)
    if text is None:
        return value or code
    if code in ("too_long", "control"):
        value = labels_column(value)
    return QCoreApplication.translate("Messages", text).format(value=value)


def labels_column(key: str) -> str:
    """A column's key (notes, parent…) in the user's words; a cell's value stays as it is."""
    names = {
        "parent": QT_TRANSLATE_NOOP("Messages", "Parent"),
        "child": QT_TRANSLATE_NOOP("Messages", "Child"),
        "phone": QT_TRANSLATE_NOOP("Messages", "Phone"),
        "email": QT_TRANSLATE_NOOP("Messages", "E-mail"),
        "telegram": QT_TRANSLATE_NOOP("Messages", "Telegram"),
        "birth_date": QT_TRANSLATE_NOOP("Messages", "Birth date"),
        "source": QT_TRANSLATE_NOOP("Messages", "Source"),
        "notes": QT_TRANSLATE_NOOP("Messages", "Notes"),
    }
    return QCoreApplication.translate("Messages", names[key]) if key in names else key


def import_problems_text(problems, limit: int = 20) -> str:
    """Row errors as lines "Line N: why", the first ``limit`` of them."""
    return "\n".join(
        QCoreApplication.translate("Messages", "Line {line}: {problem}").format(
            line=p.line, problem=import_row_message(p.code, p.value)) for p in problems[:limit])


def import_failed_message(exc: errors.DeskError) -> str:
    """ImportFailed in words; other errors as ``error_message``."""
    text = IMPORT_FAILED_MESSAGES.get(str(exc.params.get("reason", "")))
    if text is None:
        return error_message(exc)
    return QCoreApplication.translate("Messages", text).format(line=exc.params.get("line", ""))


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
    return QCoreApplication.translate("Messages", text).format_map(_Params(exc.params))


class _Params(dict):
    """An error's params for its words; one the error lacks stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
