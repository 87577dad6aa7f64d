"""surveys sent to families: who was invited and reminded, the form's question for the
family's code, the reminder's text and delay; the studio's survey throttle

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime
from desk.services.store import texts

revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('survey', recreate=rebuild) as batch:
        batch.add_column(sa.Column('code_entry', sa.String(length=40), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('reminder', sa.Text(), nullable=False, server_default=''))
        batch.add_column(sa.Column('reminder_days', sa.Integer(), nullable=False,
                                   server_default='3'))
        batch.create_check_constraint(op.f('ck_survey_reminder_days_range'),
                                      'reminder_days BETWEEN 1 AND 60')
    with op.batch_alter_table('studio', recreate=rebuild) as batch:
        batch.add_column(sa.Column('survey_throttle_days', sa.Integer(), nullable=False,
                                   server_default='30'))
        batch.create_check_constraint(op.f('ck_studio_survey_throttle_days_range'),
                                      'survey_throttle_days BETWEEN 1 AND 365')
    survey = sa.table('survey', sa.column('reminder'))
    op.execute(survey.update().values(reminder=texts.SURVEY_REMINDER))
    op.create_table(
        'survey_invite',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('survey_id', sa.Integer(), nullable=False),
        sa.Column('family_id', sa.Integer(), nullable=False),
        sa.Column('sent_at', UtcDateTime(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('reminded_at', UtcDateTime(), nullable=True),
        sa.Column('reminder_id', sa.Integer(), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['survey_id'], ['survey.id'],
                                name=op.f('fk_survey_invite_survey_id_survey'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'],
                                name=op.f('fk_survey_invite_family_id_family'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['message_id'], ['message.id'],
                                name=op.f('fk_survey_invite_message_id_message'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['reminder_id'], ['message.id'],
                                name=op.f('fk_survey_invite_reminder_id_message'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                                name=op.f('fk_survey_invite_staff_id_staff'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_invite')),
    )
    op.create_index('ix_survey_invite_family', 'survey_invite', ['family_id', 'sent_at'])
    op.create_index('ix_survey_invite_survey', 'survey_invite', ['survey_id', 'sent_at'])


def downgrade() -> None:
    op.drop_table('survey_invite')
    with op.batch_alter_table('studio') as batch:
        batch.drop_constraint(op.f('ck_studio_survey_throttle_days_range'), type_='check')
        batch.drop_column('survey_throttle_days')
    with op.batch_alter_table('survey') as batch:
        batch.drop_constraint(op.f('ck_survey_reminder_days_range'), type_='check')
        batch.drop_column('reminder_days')
        batch.drop_column('reminder')
        batch.drop_column('code_entry')
