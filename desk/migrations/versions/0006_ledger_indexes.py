"""ledger indexes for the attendance check

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_ledger_entry_enrolment_id", table_name="ledger_entry")
    op.create_index("ix_ledger_enrolment_cover", "ledger_entry",
                    ["enrolment_id", "amount", "reverses_id"])
    op.create_index("ix_ledger_reverses", "ledger_entry", ["reverses_id"])


def downgrade() -> None:
    op.drop_index("ix_ledger_reverses", table_name="ledger_entry")
    op.drop_index("ix_ledger_enrolment_cover", table_name="ledger_entry")
    op.create_index("ix_ledger_entry_enrolment_id", "ledger_entry", ["enrolment_id"])
