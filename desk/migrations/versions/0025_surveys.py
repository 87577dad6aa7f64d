"""surveys, one per segment, their answers (a Google Form's export, a script call, a paper
form) and the satisfaction items the CSI is computed over

A studio set up already gets the regulation's surveys and the usual satisfaction items (a new
studio gets them when it is set up); the studio edits them.

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-30
"""

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime
from desk.services.store import texts

revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'survey',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('form_url', sa.String(length=500), nullable=False),
        sa.Column('invitation', sa.Text(), nullable=False),
        sa.Column('segment', sa.Text(), nullable=False),
        sa.Column('timezone', sa.String(length=64), nullable=False),
        sa.Column('mapping', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_survey_name_present')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey')),
        sa.UniqueConstraint('key', name=op.f('uq_survey_key')),
    )
    op.create_table(
        'csi_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('importance', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_csi_item_name_present')),
        sa.CheckConstraint('importance > 0', name=op.f('ck_csi_item_importance_positive')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_csi_item')),
        sa.UniqueConstraint('key', name=op.f('uq_csi_item_key')),
    )
    op.create_table(
        'survey_answer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=True),
        sa.Column('family_id', sa.Integer(), nullable=True),
        sa.Column('answered_at', UtcDateTime(), nullable=False),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('nps', sa.Integer(), nullable=True),
        sa.Column('csat', sa.Integer(), nullable=True),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('email', sa.String(length=200), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=True),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('identity', sa.String(length=64), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint('nps IS NULL OR nps BETWEEN 0 AND 10',
                           name=op.f('ck_survey_answer_nps_range')),
        sa.CheckConstraint('csat IS NULL OR csat BETWEEN 1 AND 5',
                           name=op.f('ck_survey_answer_csat_range')),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'],
                                name=op.f('fk_survey_answer_family_id_family'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['survey_id'], ['survey.id'],
                                name=op.f('fk_survey_answer_survey_id_survey'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_answer')),
    )
    op.create_index('ix_survey_answer_at', 'survey_answer',
                    ['answered_at', 'family_id', 'nps', 'csat'])
    op.create_index('ix_survey_answer_family', 'survey_answer', ['family_id'])
    op.create_index('ux_survey_answer_identity', 'survey_answer', ['identity'], unique=True)
    op.create_table(
        'csi_score',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('answer_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('value', sa.Integer(), nullable=False),
        sa.Column('scale_max', sa.Integer(), nullable=False),
        sa.CheckConstraint('scale_max IN (5, 10) AND value BETWEEN 1 AND scale_max',
                           name=op.f('ck_csi_score_value_on_scale')),
        sa.ForeignKeyConstraint(['answer_id'], ['survey_answer.id'],
                                name=op.f('fk_csi_score_answer_id_survey_answer'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['item_id'], ['csi_item.id'],
                                name=op.f('fk_csi_score_item_id_csi_item'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_csi_score')),
    )
    op.create_index('ix_csi_score_answer', 'csi_score', ['answer_id'])
    if op.get_bind().execute(sa.text("SELECT count(*) FROM studio")).scalar():
        _presets()


def _presets() -> None:
    now = dt.datetime.now(dt.timezone.utc)
    survey = sa.table('survey', sa.column('key'), sa.column('name'), sa.column('form_url'),
                      sa.column('invitation'), sa.column('segment'), sa.column('timezone'),
                      sa.column('mapping'), sa.column('position'),
                      sa.column('active', sa.Boolean), sa.column('created_at', UtcDateTime()))
    op.bulk_insert(survey, [
        {"key": key, "name": name, "form_url": "", "invitation": invitation,
         "segment": json.dumps(segment), "timezone": "", "mapping": "{}", "position": n,
         "active": True, "created_at": now}
        for n, (key, name, segment, invitation) in enumerate(texts.DEFAULT_SURVEYS)])
    item = sa.table('csi_item', sa.column('key'), sa.column('name'), sa.column('importance'),
                    sa.column('position'), sa.column('active', sa.Boolean))
    op.bulk_insert(item, [{"key": key, "name": name, "importance": 1, "position": n,
                           "active": True}
                          for n, (key, name) in enumerate(texts.DEFAULT_CSI_ITEMS)])


def downgrade() -> None:
    op.drop_table('csi_score')
    op.drop_table('survey_answer')
    op.drop_table('csi_item')
    op.drop_table('survey')
