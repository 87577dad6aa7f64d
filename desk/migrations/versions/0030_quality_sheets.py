"""the call and chat quality sheet: its criteria, the filled sheets and their scores

A studio set up already gets the default criteria (a new studio gets them when it is set
up); the studio edits them.

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime
from desk.services.store import texts

revision = '0030'
down_revision = '0029'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'quality_criterion',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('hint', sa.Text(), nullable=False),
        sa.Column('weight', sa.Integer(), nullable=False),
        sa.Column('automatic_fail', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_quality_criterion_name_present')),
        sa.CheckConstraint('weight BETWEEN 1 AND 5',
                           name=op.f('ck_quality_criterion_weight_range')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_criterion')),
    )
    op.create_table(
        'quality_review',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('reviewer_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('call_id', sa.Integer(), nullable=True),
        sa.Column('conversation_id', sa.Integer(), nullable=True),
        sa.Column('at', UtcDateTime(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('from_paper', sa.Boolean(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('failed', sa.Boolean(), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('CALL', 'CHAT')", name=op.f('ck_quality_review_kind')),
        sa.CheckConstraint('score BETWEEN 0 AND 100',
                           name=op.f('ck_quality_review_score_range')),
        sa.ForeignKeyConstraint(['call_id'], ['call.id'],
                                name=op.f('fk_quality_review_call_id_call'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'],
                                name=op.f('fk_quality_review_conversation_id_conversation'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['person_id'], ['staff.id'],
                                name=op.f('fk_quality_review_person_id_staff'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['reviewer_id'], ['staff.id'],
                                name=op.f('fk_quality_review_reviewer_id_staff'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_review')),
    )
    op.create_index('ix_quality_review_person', 'quality_review', ['person_id', 'at'])
    op.create_index('ix_quality_review_call', 'quality_review', ['call_id'])
    op.create_index('ix_quality_review_conversation', 'quality_review', ['conversation_id'])
    op.create_table(
        'quality_score',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('review_id', sa.Integer(), nullable=False),
        sa.Column('criterion_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('weight', sa.Integer(), nullable=False),
        sa.Column('automatic_fail', sa.Boolean(), nullable=False),
        sa.CheckConstraint('value BETWEEN 0 AND 2', name=op.f('ck_quality_score_value_range')),
        sa.CheckConstraint('weight BETWEEN 1 AND 5',
                           name=op.f('ck_quality_score_weight_range')),
        sa.ForeignKeyConstraint(['criterion_id'], ['quality_criterion.id'],
                                name=op.f('fk_quality_score_criterion_id_quality_criterion'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['review_id'], ['quality_review.id'],
                                name=op.f('fk_quality_score_review_id_quality_review'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_quality_score')),
    )
    op.create_index('ux_quality_score_once', 'quality_score', ['review_id', 'criterion_id'],
                    unique=True)
    if op.get_bind().execute(sa.text("SELECT count(*) FROM studio")).scalar():
        _presets()


def _presets() -> None:
    criterion = sa.table('quality_criterion', sa.column('name'), sa.column('hint'),
                         sa.column('weight'), sa.column('automatic_fail', sa.Boolean),
                         sa.column('position'), sa.column('active', sa.Boolean))
    op.bulk_insert(criterion, [
        {"name": name, "hint": hint, "weight": weight, "automatic_fail": fail, "position": n,
         "active": True}
        for n, (name, hint, weight, fail) in enumerate(texts.DEFAULT_QUALITY_CRITERIA)])


def downgrade() -> None:
    op.drop_table('quality_score')
    op.drop_table('quality_review')
    op.drop_table('quality_criterion')
