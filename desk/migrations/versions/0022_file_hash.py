"""a stored file is kept once: its SHA-256 names it (the same voice note or price list sent to
ten families is one row)

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-30
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('stored_file', recreate=rebuild) as batch:
        batch.add_column(sa.Column('sha256', sa.String(length=64), nullable=False,
                                   server_default=''))
    bind = op.get_bind()
    stored = sa.table('stored_file', sa.column('id', sa.Integer), sa.column('sha256'),
                      sa.column('data', sa.LargeBinary))
    message = sa.table('message', sa.column('file_id', sa.Integer))
    first: dict[str, int] = {}
    for file_id, data in bind.execute(sa.select(stored.c.id, stored.c.data)
                                      .order_by(stored.c.id)).all():
        digest = hashlib.sha256(data).hexdigest()
        if digest in first:  # the same bytes twice: the messages share the first copy
            bind.execute(sa.update(message).where(message.c.file_id == file_id)
                         .values(file_id=first[digest]))
            bind.execute(sa.delete(stored).where(stored.c.id == file_id))
            continue
        first[digest] = file_id
        bind.execute(sa.update(stored).where(stored.c.id == file_id).values(sha256=digest))
    with op.batch_alter_table('stored_file', recreate=rebuild) as batch:
        batch.alter_column('sha256', server_default=None, existing_type=sa.String(length=64),
                           existing_nullable=False)
        batch.create_index('ux_stored_file_sha256', ['sha256'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('stored_file') as batch:
        batch.drop_index('ux_stored_file_sha256')
        batch.drop_column('sha256')
