"""the schema says what is allowed: CHECK constraints for amounts, counts and the sign of a
ledger entry by its kind, every enum column held to its values, names that cannot be blank,
ON DELETE rules chosen on purpose, and UNIQUE indexes for what happens once only (the tasks
of some origins, the reversal of a ledger entry, the lapsed-client and NPS scripts in use)

The file is verified first, with plain SELECTs, against every new rule: a file that breaks one
is not altered — the upgrade stops naming the rows (table, id, rule) and the transaction that
migrate.py opened rolls back. Only then are the tables rebuilt (SQLite changes a CHECK or a
foreign key only by copying the table); the ledger's bound trigger of 0015 goes with the old
ledger table and is created again.

The rules are written out here, frozen like the rest of a migration (the models may change
later; this revision's rules do not); desk.services.store.rules gives the way they are checked
and named, which `desk check` shares.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.services.store import rules

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

MAX_ENTRY = 1_000_000_000  # kopecks: 10 000 000 ₽, the ledger's bound (0015)


def _one_of(column: str, *stored: str) -> str:
    return f"{column} IN ({', '.join(repr(s) for s in stored)})"


def _money(column: str) -> tuple[str, str]:
    return f"{column}_range", f"{column} BETWEEN 0 AND {MAX_ENTRY}"


CHANNELS = ('TELEGRAM', 'EMAIL', 'WEBSITE', 'VK', 'WHATSAPP', 'INSTAGRAM', 'PHONE')
ROLES = ('SYSTEM', 'COMMUNICATOR', 'SUPERVISOR')
SCRIPT_PURPOSES = ('LAPSED', 'NPS', 'GENERAL')
NAMED = ("name_present", "trim(name) <> ''")

# table -> (name without the "ck_<table>_" prefix, condition)
CHECKS: dict[str, list[tuple[str, str]]] = {
    'family': [('preferred_channel', _one_of(
        'preferred_channel', 'PHONE', 'TELEGRAM', 'WHATSAPP', 'VK', 'EMAIL'))],
    'guardian': [('relation', _one_of(  # a plain string column: the enum's values
        'relation', '', 'mother', 'father', 'grandmother', 'grandfather', 'guardian', 'other'))],
    'timeline_entry': [('kind', _one_of(
        'kind', 'CREATED', 'EDITED', 'NOTE', 'TASK', 'PAYMENT', 'CALL', 'ERASED'))],
    'staff': [('role', _one_of('role', *ROLES)), NAMED],
    'studio': [
        NAMED,
        ('lapsed_weeks_positive', "lapsed_weeks > 0"),
        ('budget_positive', "budget_messages > 0 AND budget_days > 0"),
        ('large_payment_range', f"large_payment BETWEEN 1 AND {MAX_ENTRY}"),
        ('repeat_days_positive', "repeat_days > 0"),
    ],
    'task': [
        ('assignee_role', _one_of('assignee_role', *ROLES)),
        ('status', _one_of('status', 'OPEN', 'DONE', 'CANCELLED')),
        ('title_present', "trim(title) <> ''"),
    ],
    'wallet': [('entries_count', "entries >= 0")],
    'ledger_entry': [
        ('kind', _one_of('kind', 'TOPUP', 'DEBIT', 'REFUND', 'CORRECTION')),
        ('method', _one_of('method', 'CARD_TRANSFER', 'CASH', 'TERMINAL', 'OTHER')),
        ('seq_positive', "seq > 0"),
        ('amount_nonzero', "amount <> 0"),
        ('topup_positive', "kind <> 'TOPUP' OR amount > 0"),
        ('debit_negative', "kind <> 'DEBIT' OR amount < 0"),
        ('refund_negative', "kind <> 'REFUND' OR amount < 0"),
        ('correction_reverses', "(kind = 'CORRECTION') = (reverses_id IS NOT NULL)"),
    ],
    'direction': [
        NAMED,
        ('capacity_positive', "capacity > 0"),
        _money('price'),
        ('duration_positive', "duration_min > 0"),
    ],
    'teacher': [NAMED],
    'room': [NAMED],
    'series': [
        ('weekday_range', "weekday BETWEEN 0 AND 6"),
        ('duration_positive', "duration_min > 0"),
        ('dates_ordered', "first_date <= last_date"),
    ],
    'lesson': [
        ('capacity_positive', "capacity > 0"),
        _money('price'),
        _money('adult_price'),
        ('ends_after_start', "ends_at > starts_at"),
    ],
    'enrolment': [
        ('mark', _one_of('mark', 'NONE', 'ATTENDED', 'ABSENT', 'CANCELLED')),
        _money('price'),
        ('adults_count', "adults >= 0"),
        _money('adults_price'),
    ],
    'working_block': [
        ('weekday_range', "weekday BETWEEN 0 AND 6"),
        ('hours_ordered', 'start < "end"'),
    ],
    'call': [
        ('direction', _one_of('direction', 'INCOMING', 'OUTGOING')),
        ('duration_s_count', "duration_s >= 0"),
    ],
    'lead': [('status', _one_of(
        'status', 'NEW', 'CONTACTED', 'ENROLLED', 'THINKING', 'LOST'))],
    'lapse_call': [('reason', _one_of(
        'reason', 'SCHEDULE', 'PRICE', 'DISTANCE', 'HEALTH', 'INTEREST', 'MOVED', 'SEASON',
        'COMING_BACK', 'OTHER'))],
    'conversation': [
        ('channel', _one_of('channel', *CHANNELS)),
        ('first_response_s_count', "first_response_s >= 0"),
    ],
    'message': [
        ('channel', _one_of('channel', *CHANNELS)),
        ('direction', _one_of('direction', 'IN', 'OUT')),
        ('status', _one_of('status', 'QUEUED', 'SENDING', 'UNCERTAIN', 'SENT', 'CANCELLED',
                           'FAILED', 'LOGGED')),
        ('attempts_count', "attempts >= 0"),
    ],
    'response': [('wait_s_count', "wait_s >= 0")],
    'channel_config': [('channel', _one_of('channel', *CHANNELS))],
    'mailing': [('status', _one_of('status', 'SENDING', 'PAUSED', 'DONE'))],
    'mailing_recipient': [('status', _one_of('status', 'PENDING', 'QUEUED', 'SKIPPED'))],
    'call_script': [('purpose', _one_of('purpose', *SCRIPT_PURPOSES))],
    'script_run': [
        ('purpose', _one_of('purpose', *SCRIPT_PURPOSES)),
        ('duration_s_count', "duration_s >= 0"),
        ('score_range', "score BETWEEN 0 AND 10"),
    ],
    'presence': [('state', _one_of('state', 'AVAILABLE', 'ON_CALL', 'AWAY'))],
}
KEYS = {'wallet': 'family_id', 'channel_config': 'channel', 'presence': 'staff_id'}

# (table, name, columns, where): the tasks the desk creates once only, one lapsed-client and
# one NPS script in use, a ledger entry reversed once only (replacing ix_ledger_reverses)
UNIQUES = [
    ('ledger_entry', 'ux_ledger_reverses', ('reverses_id',), None),
    ('task', 'ux_task_second_feedback', ('origin',), "origin LIKE 'second_feedback:%'"),
    ('task', 'ux_task_wallet_reminder', ('family_id', 'origin'),
     "status = 'OPEN' AND origin LIKE 'wallet_reminder:%'"),
    ('call_script', 'ux_call_script_purpose', ('purpose',), "active AND purpose <> 'GENERAL'"),
]

# table -> (column, referred table, ON DELETE): the foreign keys that had none (NO ACTION).
# History stays (RESTRICT): what the ledger, lessons and enrolments point at; a place on a
# waitlist goes with its lesson, family or child (CASCADE); a lapse call stays the family's.
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    'ledger_entry': [('reverses_id', 'ledger_entry', 'RESTRICT'),
                     ('enrolment_id', 'enrolment', 'RESTRICT')],
    'series': [('direction_id', 'direction', 'RESTRICT'), ('teacher_id', 'teacher', 'RESTRICT'),
               ('room_id', 'room', 'RESTRICT')],
    'lesson': [('series_id', 'series', 'RESTRICT'), ('direction_id', 'direction', 'RESTRICT'),
               ('teacher_id', 'teacher', 'RESTRICT'), ('room_id', 'room', 'RESTRICT')],
    'enrolment': [('lesson_id', 'lesson', 'RESTRICT'), ('family_id', 'family', 'RESTRICT'),
                  ('child_id', 'child', 'RESTRICT')],
    'waitlist_entry': [('lesson_id', 'lesson', 'CASCADE'), ('family_id', 'family', 'CASCADE'),
                       ('child_id', 'child', 'CASCADE')],
    'lapse_call': [('enrolment_id', 'enrolment', 'SET NULL')],
}

LEDGER_TRIGGER = (
    f"CREATE TRIGGER ledger_amount_bounded BEFORE INSERT ON ledger_entry "
    f"WHEN abs(NEW.amount) > {MAX_ENTRY} AND NEW.reverses_id IS NULL "
    f"BEGIN SELECT RAISE(ABORT, 'a ledger amount over 10 000 000 roubles'); END")


def _rebuild() -> str:
    """SQLite changes a table's constraints by rebuilding it; PostgreSQL alters it."""
    return 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'


def _restore_ledger_trigger() -> None:
    """A SQLite rebuild drops the table's triggers; PostgreSQL's was never dropped."""
    if op.get_bind().dialect.name == 'sqlite':
        op.execute("DROP TRIGGER IF EXISTS ledger_amount_bounded")
        op.execute(LEDGER_TRIGGER)


def _fk_name(table: str, column: str, referred: str) -> str:
    return f"fk_{table}_{column}_{referred}"


def new_rules() -> list[rules.Rule]:
    """Every rule this revision adds, as the SELECTs that find a row breaking it."""
    found: list[rules.Rule] = [
        rules.Check(table, f"ck_{table}_{name}", condition, KEYS.get(table, 'id'))
        for table, checks in CHECKS.items() for name, condition in checks]
    found += [rules.Unique(table, name, columns, where)
              for table, name, columns, where in UNIQUES]
    return found


def upgrade() -> None:
    # a file that breaks a rule stays as it was (and can be shown as of down_revision)
    rules.verify(op.get_bind(), new_rules(), last_good=down_revision)
    op.drop_index('ix_ledger_reverses', table_name='ledger_entry')
    for table in dict.fromkeys([*CHECKS, *FOREIGN_KEYS]):
        with op.batch_alter_table(table, recreate=_rebuild()) as batch_op:
            for column, referred, ondelete in FOREIGN_KEYS.get(table, []):
                name = _fk_name(table, column, referred)
                batch_op.drop_constraint(op.f(name), type_='foreignkey')
                batch_op.create_foreign_key(op.f(name), referred, [column], ['id'],
                                            ondelete=ondelete)
            for name, condition in CHECKS.get(table, []):
                batch_op.create_check_constraint(op.f(f"ck_{table}_{name}"), condition)
    _restore_ledger_trigger()
    for table, name, columns, where in UNIQUES:
        partial = {} if where is None else {
            'sqlite_where': sa.text(where), 'postgresql_where': sa.text(where)}
        op.create_index(name, table, list(columns), unique=True, **partial)


def downgrade() -> None:
    for table, name, _columns, _where in reversed(UNIQUES):
        op.drop_index(name, table_name=table)
    for table in dict.fromkeys([*CHECKS, *FOREIGN_KEYS]):
        with op.batch_alter_table(table, recreate=_rebuild()) as batch_op:
            for name, _condition in CHECKS.get(table, []):
                batch_op.drop_constraint(op.f(f"ck_{table}_{name}"), type_='check')
            for column, referred, _ondelete in FOREIGN_KEYS.get(table, []):
                name = _fk_name(table, column, referred)
                batch_op.drop_constraint(op.f(name), type_='foreignkey')
                batch_op.create_foreign_key(op.f(name), referred, [column], ['id'])
    _restore_ledger_trigger()
    op.create_index('ix_ledger_reverses', 'ledger_entry', ['reverses_id'], unique=False)
