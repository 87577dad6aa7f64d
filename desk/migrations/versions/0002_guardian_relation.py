"""guardian relation to the children (mother, father, grandmother …)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # recreate="always" rebuilds the table: safe only because migrate.py turns foreign keys off.
    with op.batch_alter_table("guardian", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("relation", sa.String(length=20), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("guardian") as batch_op:
        batch_op.drop_column("relation")
