"""studio setting: is an absence charged

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("studio") as batch_op:
        batch_op.add_column(sa.Column("absent_charged", sa.Boolean(), nullable=False,
                                      server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("studio") as batch_op:
        batch_op.drop_column("absent_charged")
