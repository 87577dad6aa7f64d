"""call scripts, NPS scores and presence

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('call_script',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Enum('LAPSED', 'NPS', 'GENERAL', name='scriptpurpose', native_enum=False, length=20), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_call_script'))
    )
    op.create_table('presence',
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('AVAILABLE', 'ON_CALL', 'AWAY', name='presencestate', native_enum=False, length=20), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_presence_staff_id_staff'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('staff_id', name=op.f('pk_presence'))
    )
    op.create_table('script_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('script_id', sa.Integer(), nullable=True),
    sa.Column('script_name', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Enum('LAPSED', 'NPS', 'GENERAL', name='scriptpurpose', native_enum=False, length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('duration_s', sa.Integer(), nullable=False),
    sa.Column('outcome_key', sa.String(length=50), nullable=False),
    sa.Column('outcome_name', sa.String(length=200), nullable=False),
    sa.Column('answers', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('task_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['call_id'], ['call.id'], name=op.f('fk_script_run_call_id_call'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_script_run_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['script_id'], ['call_script.id'], name=op.f('fk_script_run_script_id_call_script'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_script_run_staff_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_script_run_task_id_task'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_script_run'))
    )
    with op.batch_alter_table('script_run', schema=None) as batch_op:
        batch_op.create_index('ix_script_run_family', ['family_id', 'at'], unique=False)

    op.create_table('nps_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('source', sa.String(length=30), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('score BETWEEN 0 AND 10', name=op.f('ck_nps_score_score_range')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_nps_score_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['script_run.id'], name=op.f('fk_nps_score_run_id_script_run'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_nps_score_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nps_score'))
    )
    with op.batch_alter_table('nps_score', schema=None) as batch_op:
        batch_op.create_index('ix_nps_score_at', ['at'], unique=False)
        batch_op.create_index('ix_nps_score_family', ['family_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('nps_score', schema=None) as batch_op:
        batch_op.drop_index('ix_nps_score_family')
        batch_op.drop_index('ix_nps_score_at')

    op.drop_table('nps_score')
    with op.batch_alter_table('script_run', schema=None) as batch_op:
        batch_op.drop_index('ix_script_run_family')

    op.drop_table('script_run')
    op.drop_table('presence')
    op.drop_table('call_script')
