"""files kept with the data: an outgoing message's attachment is stored in the database (a
message queued on one PC can be sent by another); ``message.attachment`` keeps the
file's name only

The files of messages still waiting to go are read from their paths on this PC now; a file
no longer there leaves the message to fail with "the attached file is not there any more", as
it would have when sent. Sent messages keep the name of what went.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30
"""

import datetime as dt
from pathlib import Path, PureWindowsPath

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

WAITING = ('QUEUED', 'SENDING', 'UNCERTAIN', 'FAILED')  # a person may still send these (names)
MAX_BYTES = 50 * 1024 * 1024


def upgrade() -> None:
    op.create_table(
        'stored_file',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=255), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint('size >= 0', name=op.f('ck_stored_file_size_count')),
        sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_stored_file_name_present')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_stored_file')),
    )
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('message', recreate=rebuild) as batch:
        batch.add_column(sa.Column('file_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f('fk_message_file_id_stored_file'), 'stored_file',
                                 ['file_id'], ['id'], ondelete='SET NULL')
    _carry_files()


def _carry_files() -> None:
    bind = op.get_bind()
    message = sa.table('message', sa.column('id', sa.Integer), sa.column('direction'),
                       sa.column('status'), sa.column('attachment'),
                       sa.column('file_id', sa.Integer))
    stored = sa.table('stored_file', sa.column('id', sa.Integer), sa.column('name'),
                      sa.column('size', sa.Integer), sa.column('data', sa.LargeBinary),
                      sa.column('created_at', UtcDateTime))
    rows = bind.execute(sa.select(message.c.id, message.c.status, message.c.attachment).where(
        message.c.direction == 'OUT', message.c.attachment != '')).all()
    for message_id, status, path in rows:
        name = PureWindowsPath(path).name or path  # a Windows path's name, or a POSIX one's
        values = {'attachment': name[:500]}
        file = Path(path)
        if status in WAITING and file.is_file() and file.stat().st_size <= MAX_BYTES:
            data = file.read_bytes()
            file_id = bind.execute(sa.insert(stored).values(
                name=name[:255], size=len(data), data=data,
                created_at=dt.datetime.now(dt.timezone.utc)).returning(stored.c.id)).scalar_one()
            values['file_id'] = file_id
        bind.execute(sa.update(message).where(message.c.id == message_id).values(**values))


def downgrade() -> None:
    with op.batch_alter_table('message') as batch:
        batch.drop_constraint(op.f('fk_message_file_id_stored_file'), type_='foreignkey')
        batch.drop_column('file_id')
    op.drop_table('stored_file')
