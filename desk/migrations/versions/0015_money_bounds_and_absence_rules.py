"""money bounds and rules: a new ledger entry is at most 10 000 000 ₽ either way (a trigger, so
a file that already holds a larger entry — the old parser took any number of digits — still
opens, and that entry can be reversed), the studio's large-payment threshold and repeat window,
absences charged by the rule in force at a lesson

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

MAX_ENTRY = 1_000_000_000


def upgrade() -> None:
    op.add_column('studio', sa.Column('large_payment', sa.Integer(), nullable=False,
                                      server_default='10000000'))
    op.add_column('studio', sa.Column('repeat_days', sa.Integer(), nullable=False,
                                      server_default='7'))
    op.create_table(
        'absence_rule',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('since', UtcDateTime(), nullable=False),
        sa.Column('charged', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_absence_rule')),
    )
    op.create_index(op.f('ix_absence_rule_since'), 'absence_rule', ['since'], unique=False)
    # a studio that charged absences already did so from its first day
    op.execute("INSERT INTO absence_rule (since, charged) SELECT created_at, absent_charged "
               "FROM studio WHERE absent_charged")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER ledger_amount_bounded BEFORE INSERT ON ledger_entry "
                   f"WHEN abs(NEW.amount) > {MAX_ENTRY} AND NEW.reverses_id IS NULL "
                   f"BEGIN SELECT RAISE(ABORT, 'a ledger amount over 10 000 000 roubles'); END")
    else:
        op.execute(f"CREATE FUNCTION ledger_amount_bounded() RETURNS trigger LANGUAGE plpgsql "
                   f"AS $$ BEGIN IF abs(NEW.amount) > {MAX_ENTRY} AND NEW.reverses_id IS NULL "
                   f"THEN RAISE EXCEPTION 'a ledger amount over 10 000 000 roubles' "
                   f"USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$")
        op.execute("CREATE TRIGGER ledger_amount_bounded BEFORE INSERT ON ledger_entry "
                   "FOR EACH ROW EXECUTE FUNCTION ledger_amount_bounded()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS ledger_amount_bounded")
    else:
        op.execute("DROP TRIGGER IF EXISTS ledger_amount_bounded ON ledger_entry")
        op.execute("DROP FUNCTION IF EXISTS ledger_amount_bounded()")
    op.drop_index(op.f('ix_absence_rule_since'), table_name='absence_rule')
    op.drop_table('absence_rule')
    with op.batch_alter_table('studio') as batch_op:
        batch_op.drop_column('repeat_days')
        batch_op.drop_column('large_payment')
