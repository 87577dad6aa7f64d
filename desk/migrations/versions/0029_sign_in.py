"""a PIN or password per person (a salted scrypt hash), and wrong tries counted

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('staff', recreate=rebuild) as batch:
        batch.add_column(sa.Column('secret', sa.String(length=200), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('failed_tries', sa.Integer(), nullable=False,
                                   server_default='0'))
        batch.add_column(sa.Column('blocked_until', UtcDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('staff') as batch:
        batch.drop_column('blocked_until')
        batch.drop_column('failed_tries')
        batch.drop_column('secret')
