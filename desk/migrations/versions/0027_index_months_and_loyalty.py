"""the survey indices summed per studio month (kept current by every write of answers and
scores), and the families' loyalty signals (referrals, reviews, mentions, "recommends us")

The sums are filled from the answers and scores already there.

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-30
"""

from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime
from desk.services.insights import rollup

revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'index_month',
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('nps_n', sa.Integer(), nullable=False),
        sa.Column('promoters', sa.Integer(), nullable=False),
        sa.Column('detractors', sa.Integer(), nullable=False),
        sa.Column('csat_n', sa.Integer(), nullable=False),
        sa.Column('csat_top', sa.Integer(), nullable=False),
        sa.Column('csi_n', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('month', name=op.f('pk_index_month')),
    )
    op.create_table(
        'csi_month',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('n', sa.Integer(), nullable=False),
        sa.Column('sum36', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['csi_item.id'],
                                name=op.f('fk_csi_month_item_id_csi_item'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_csi_month')),
    )
    op.create_index('ux_csi_month', 'csi_month', ['month', 'item_id'], unique=True)
    op.create_table(
        'loyalty_signal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('family_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('REFERRAL', 'REVIEW', 'MENTION', 'RECOMMENDS',
                                  name='loyaltykind', native_enum=False, length=20,
                                  create_constraint=False), nullable=False),
        sa.Column('at', UtcDateTime(), nullable=False),
        sa.Column('link', sa.String(length=500), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('referred_id', sa.Integer(), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('REFERRAL', 'REVIEW', 'MENTION', 'RECOMMENDS')",
                           name=op.f('ck_loyalty_signal_kind')),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'],
                                name=op.f('fk_loyalty_signal_family_id_family'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['referred_id'], ['family.id'],
                                name=op.f('fk_loyalty_signal_referred_id_family'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                                name=op.f('fk_loyalty_signal_staff_id_staff'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_loyalty_signal')),
    )
    op.create_index('ix_loyalty_signal_family', 'loyalty_signal', ['family_id'])
    op.create_index('ix_loyalty_signal_at', 'loyalty_signal', ['at'])
    op.create_index('ix_loyalty_signal_referred', 'loyalty_signal', ['referred_id'])
    op.create_index('ix_family_created', 'family', ['created_at', 'source'])  # new per month
    op.create_index('ix_feedback_item_source', 'feedback_item', ['source', 'source_id'])
    _sum_up()


def _sum_up() -> None:
    """The months of the answers and scores already there."""
    bind = op.get_bind()
    zone = bind.execute(sa.text("SELECT timezone FROM studio")).scalar()
    if zone is None:
        return
    answer = sa.table('survey_answer', sa.column('id'), sa.column('family_id'),
                      sa.column('answered_at', UtcDateTime()), sa.column('nps'),
                      sa.column('csat'))
    score = sa.table('nps_score', sa.column('family_id'), sa.column('at', UtcDateTime()),
                     sa.column('score'))
    csi = sa.table('csi_score', sa.column('answer_id'), sa.column('item_id'),
                   sa.column('value'), sa.column('scale_max'))
    a, c = answer.c, csi.c
    answers = bind.execute(sa.select(a.id, a.family_id, a.answered_at, a.nps, a.csat)).all()
    calls = bind.execute(sa.select(score.c.family_id, score.c.at, score.c.score)).all()
    scores = bind.execute(sa.select(c.answer_id, a.answered_at, c.item_id, c.value, c.scale_max)
                          .join_from(csi, answer, a.id == c.answer_id)).all()
    found = rollup.summarise(answers, calls, scores, ZoneInfo(zone))
    months = sa.table('index_month', *(sa.column(c) for c in (
        'month', 'nps_n', 'promoters', 'detractors', 'csat_n', 'csat_top', 'csi_n')))
    items = sa.table('csi_month', *(sa.column(c) for c in ('month', 'item_id', 'n', 'sum36')))
    if found:
        op.bulk_insert(months, [
            {"month": m, "nps_n": x.nps_n, "promoters": x.promoters,
             "detractors": x.detractors, "csat_n": x.csat_n, "csat_top": x.csat_top,
             "csi_n": x.csi_n} for m, x in found.items()])
        rows = [{"month": m, "item_id": i, "n": n, "sum36": total}
                for m, x in found.items() for i, (n, total) in x.csi.items()]
        if rows:
            op.bulk_insert(items, rows)


def downgrade() -> None:
    op.drop_index('ix_feedback_item_source', table_name='feedback_item')
    op.drop_index('ix_family_created', table_name='family')
    op.drop_table('loyalty_signal')
    op.drop_table('csi_month')
    op.drop_table('index_month')
