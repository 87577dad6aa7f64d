"""inbox and outbox

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('channel_config',
    sa.Column('channel', sa.Enum('TELEGRAM', 'EMAIL', 'WEBSITE', 'VK', 'WHATSAPP', 'INSTAGRAM', 'PHONE', name='inboxchannel', native_enum=False, length=20), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('settings', sa.Text(), nullable=False),
    sa.Column('cursor', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('channel', name=op.f('pk_channel_config'))
    )
    op.create_table('conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('TELEGRAM', 'EMAIL', 'WEBSITE', 'VK', 'WHATSAPP', 'INSTAGRAM', 'PHONE', name='inboxchannel', native_enum=False, length=20), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('lead_id', sa.Integer(), nullable=True),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('last_at', sa.DateTime(), nullable=False),
    sa.Column('waiting_since', sa.DateTime(), nullable=True),
    sa.Column('holding_sent', sa.Boolean(), nullable=False),
    sa.Column('auto_replied', sa.Boolean(), nullable=False),
    sa.Column('snoozed_until', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('resolved', sa.Boolean(), nullable=True),
    sa.Column('first_response_s', sa.Integer(), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_conversation_family_id_family'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_conversation_lead_id_lead'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_conversation_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation'))
    )
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_family', ['family_id'], unique=False)
        batch_op.create_index('ix_conversation_open', ['closed_at', 'last_at'], unique=False)
        batch_op.create_index('ix_conversation_peer', ['channel', 'address'], unique=False)
        batch_op.create_index('ix_conversation_waiting', ['waiting_since'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.Enum('TELEGRAM', 'EMAIL', 'WEBSITE', 'VK', 'WHATSAPP', 'INSTAGRAM', 'PHONE', name='inboxchannel', native_enum=False, length=20), nullable=False),
    sa.Column('direction', sa.Enum('IN', 'OUT', name='direction', native_enum=False, length=5), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('attachment', sa.String(length=500), nullable=False),
    sa.Column('voice', sa.Boolean(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.Enum('QUEUED', 'SENT', 'FAILED', 'LOGGED', name='outboxstatus', native_enum=False, length=10), nullable=True),
    sa.Column('send_after', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], name=op.f('fk_message_conversation_id_conversation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_message_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index('ix_message_conversation', ['conversation_id', 'at'], unique=False)
        batch_op.create_index('ix_message_outbox', ['status', 'send_after'], unique=False)
        batch_op.create_index('ux_message_external', ['channel', 'external_id'], unique=True)

    op.create_table('response',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('asked_at', sa.DateTime(), nullable=False),
    sa.Column('answered_at', sa.DateTime(), nullable=False),
    sa.Column('wait_s', sa.Integer(), nullable=False),
    sa.Column('first', sa.Boolean(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversation.id'], name=op.f('fk_response_conversation_id_conversation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_response_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_response'))
    )
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.create_index('ix_response_answered', ['answered_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.drop_index('ix_response_answered')

    op.drop_table('response')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index('ux_message_external')
        batch_op.drop_index('ix_message_outbox')
        batch_op.drop_index('ix_message_conversation')

    op.drop_table('message')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_waiting')
        batch_op.drop_index('ix_conversation_peer')
        batch_op.drop_index('ix_conversation_open')
        batch_op.drop_index('ix_conversation_family')

    op.drop_table('conversation')
    op.drop_table('channel_config')
