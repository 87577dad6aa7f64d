"""channel monitoring: a check of every channel kept 90 days, and the alerts it opened

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0031'
down_revision = '0030'
branch_labels = None
depends_on = None

CHANNEL_NAMES = ('TELEGRAM', 'EMAIL', 'WEBSITE', 'VK', 'WHATSAPP', 'INSTAGRAM', 'PHONE')
STATE_NAMES = ('OK', 'DOWN', 'STUCK', 'SILENT', 'WEBHOOK')
CHANNELS = ", ".join(f"'{n}'" for n in CHANNEL_NAMES)
STATES = ", ".join(f"'{n}'" for n in STATE_NAMES)


def upgrade() -> None:
    op.create_table(
        'channel_check',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.Enum(*CHANNEL_NAMES, name='inboxchannel',
                                     native_enum=False, length=20),
                  nullable=False),
        sa.Column('account', sa.String(length=200), nullable=False),
        sa.Column('identity', sa.String(length=40), nullable=False),
        sa.Column('checked_at', UtcDateTime(), nullable=False),
        sa.Column('hour', sa.Integer(), nullable=False),
        sa.Column('host', sa.String(length=200), nullable=False),
        sa.Column('state', sa.Enum(*STATE_NAMES, name='healthstate',
                                   native_enum=False, length=20),
                  nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('me_ok', sa.Boolean(), nullable=False),
        sa.Column('latency_ms', sa.Integer(), nullable=True),
        sa.Column('pending_updates', sa.Integer(), nullable=True),
        sa.Column('last_error_at', UtcDateTime(), nullable=True),
        sa.Column('last_error', sa.String(length=300), nullable=False),
        sa.Column('webhook', sa.Boolean(), nullable=False),
        sa.Column('webhook_host', sa.String(length=200), nullable=False),
        sa.Column('last_poll_at', UtcDateTime(), nullable=True),
        sa.Column('last_incoming_at', UtcDateTime(), nullable=True),
        sa.Column('outbox_waiting', sa.Integer(), nullable=False),
        sa.Column('outbox_oldest_at', UtcDateTime(), nullable=True),
        sa.Column('failures_hour', sa.Integer(), nullable=False),
        sa.Column('too_many_hour', sa.Integer(), nullable=False),
        sa.Column('retry_after_s', sa.Integer(), nullable=True),
        sa.CheckConstraint(f'channel IN ({CHANNELS})', name=op.f('ck_channel_check_channel')),
        sa.CheckConstraint(f'state IN ({STATES})', name=op.f('ck_channel_check_state')),
        sa.CheckConstraint('outbox_waiting >= 0',
                           name=op.f('ck_channel_check_outbox_waiting_count')),
        sa.CheckConstraint('failures_hour >= 0',
                           name=op.f('ck_channel_check_failures_hour_count')),
        sa.CheckConstraint('too_many_hour >= 0',
                           name=op.f('ck_channel_check_too_many_hour_count')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_check')),
    )
    op.create_index('ix_channel_check_channel_at', 'channel_check', ['channel', 'checked_at'])
    op.create_index('ix_channel_check_at', 'channel_check', ['checked_at'])
    op.create_index('ix_channel_check_channel_hour', 'channel_check',
                    ['channel', 'hour', 'state'])
    op.create_table(
        'channel_alert',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('channel', sa.Enum(*CHANNEL_NAMES, name='inboxchannel',
                                     native_enum=False, length=20),
                  nullable=False),
        sa.Column('kind', sa.Enum(*STATE_NAMES, name='healthstate',
                                   native_enum=False, length=20),
                  nullable=False),
        sa.Column('opened_at', UtcDateTime(), nullable=False),
        sa.Column('closed_at', UtcDateTime(), nullable=True),
        sa.Column('detail', sa.String(length=300), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=True),
        sa.CheckConstraint(f'channel IN ({CHANNELS})', name=op.f('ck_channel_alert_channel')),
        sa.CheckConstraint(f'kind IN ({STATES})', name=op.f('ck_channel_alert_kind')),
        sa.ForeignKeyConstraint(['task_id'], ['task.id'],
                                name=op.f('fk_channel_alert_task_id_task'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_channel_alert')),
    )
    op.create_index('ux_channel_alert_open', 'channel_alert', ['channel', 'kind'], unique=True,
                    sqlite_where=sa.text('closed_at IS NULL'),
                    postgresql_where=sa.text('closed_at IS NULL'))
    op.create_index('ix_channel_alert_opened', 'channel_alert', ['opened_at'])


def downgrade() -> None:
    op.drop_table('channel_alert')
    op.drop_table('channel_check')
