"""a desk left alone locks itself after the studio's minutes

Revision ID: 0032
Revises: 0031
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = '0032'
down_revision = '0031'
branch_labels = None
depends_on = None


def upgrade() -> None:
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('studio', recreate=rebuild) as batch:
        batch.add_column(sa.Column('idle_lock_min', sa.Integer(), nullable=False,
                                   server_default='15'))
        batch.create_check_constraint(op.f('ck_studio_idle_lock_min_range'),
                                      'idle_lock_min BETWEEN 0 AND 240')


def downgrade() -> None:
    with op.batch_alter_table('studio') as batch:
        batch.drop_constraint(op.f('ck_studio_idle_lock_min_range'), type_='check')
        batch.drop_column('idle_lock_min')
