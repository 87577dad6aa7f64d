"""printed checklists kept in the database (the PDF, who printed it, whom it mentions)

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'checklist_copy',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('printed_at', UtcDateTime(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('person', sa.String(length=200), nullable=False),
        sa.Column('pdf', sa.LargeBinary(), nullable=False),
        sa.Column('mentions', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                                name=op.f('fk_checklist_copy_staff_id_staff'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_copy')),
    )
    op.create_index('ix_checklist_copy_printed', 'checklist_copy', ['printed_at'])


def downgrade() -> None:
    op.drop_table('checklist_copy')
