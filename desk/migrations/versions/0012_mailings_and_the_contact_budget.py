"""mailings and the contact budget

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('segment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('filters', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segment')),
    sa.UniqueConstraint('name', name=op.f('uq_segment_name'))
    )
    op.create_table('mailing',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('filters', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('SENDING', 'PAUSED', 'DONE', name='mailingstatus', native_enum=False, length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_mailing_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailing'))
    )
    op.create_table('mailing_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mailing_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('PENDING', 'QUEUED', 'SKIPPED', name='recipientstatus', native_enum=False, length=10), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_mailing_recipient_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mailing_id'], ['mailing.id'], name=op.f('fk_mailing_recipient_mailing_id_mailing'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['message.id'], name=op.f('fk_mailing_recipient_message_id_message'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mailing_recipient'))
    )
    with op.batch_alter_table('mailing_recipient', schema=None) as batch_op:
        batch_op.create_index('ix_mailing_recipient_status', ['mailing_id', 'status'], unique=False)
        batch_op.create_index('ux_mailing_recipient', ['mailing_id', 'family_id'], unique=True)

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_kind_at', ['kind', 'at'], unique=False)

    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.add_column(sa.Column('budget_messages', sa.Integer(), server_default='2', nullable=False))
        batch_op.add_column(sa.Column('budget_days', sa.Integer(), server_default='7', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('studio', schema=None) as batch_op:
        batch_op.drop_column('budget_days')
        batch_op.drop_column('budget_messages')

    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ix_message_kind_at')

    with op.batch_alter_table('mailing_recipient', schema=None) as batch_op:
        batch_op.drop_index('ux_mailing_recipient')
        batch_op.drop_index('ix_mailing_recipient_status')

    op.drop_table('mailing_recipient')
    op.drop_table('mailing')
    op.drop_table('segment')
