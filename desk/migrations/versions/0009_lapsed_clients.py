"""lapsed clients

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lapse_call',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.Enum('SCHEDULE', 'PRICE', 'DISTANCE', 'HEALTH', 'INTEREST', 'MOVED', 'SEASON', 'COMING_BACK', 'OTHER', name='lapsereason', native_enum=False, length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolment.id'], name=op.f('fk_lapse_call_enrolment_id_enrolment')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_lapse_call_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_lapse_call_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lapse_call'))
    )
    with op.batch_alter_table('lapse_call', schema=None) as batch_op:
        batch_op.create_index('ix_lapse_call_family', ['family_id'], unique=False)

    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lapsed_weeks', sa.Integer(), server_default='4', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.drop_column('lapsed_weeks')

    with op.batch_alter_table('lapse_call', schema=None) as batch_op:
        batch_op.drop_index('ix_lapse_call_family')

    op.drop_table('lapse_call')
