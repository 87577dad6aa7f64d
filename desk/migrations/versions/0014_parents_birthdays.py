"""parents' birthdays: a guardian's birth date, and a greeting is once per person

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN and index statements: no table is copied (RELIABILITY.md)
    op.add_column('greeting', sa.Column('whom', sa.String(length=30), server_default='',
                                        nullable=False))
    op.drop_index('ux_greeting_once', table_name='greeting')
    op.create_index('ux_greeting_once', 'greeting', ['family_id', 'birthday', 'whom'],
                    unique=True)
    op.add_column('guardian', sa.Column('birth_date', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.drop_column('birth_date')

    with op.batch_alter_table('greeting', schema=None) as batch_op:
        batch_op.drop_index('ux_greeting_once')
        batch_op.create_index(batch_op.f('ux_greeting_once'), ['family_id', 'birthday'], unique=1)
        batch_op.drop_column('whom')

