"""the courier lease: one desk receives and sends for the studio at a time

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'courier_lease',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=32), nullable=False),
        sa.Column('holder', sa.String(length=200), nullable=False),
        sa.Column('until', UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_courier_lease')),
    )


def downgrade() -> None:
    op.drop_table('courier_lease')
