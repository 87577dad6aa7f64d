"""handing work over for a vacation or sick leave (the record and what moved), and whom a
journal entry's work was done for

Revision ID: 0033
Revises: 0032
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0033'
down_revision = '0032'
branch_labels = None
depends_on = None


def _one_of(column: str, *names: str) -> str:
    return f"{column} IN ({', '.join(repr(n) for n in names)})"


def upgrade() -> None:
    op.create_table(
        'handover',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('from_staff_id', sa.Integer(), nullable=False),
        sa.Column('to_staff_id', sa.Integer(), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('reason', sa.Enum('VACATION', 'SICK', 'OTHER', name='handoverreason',
                                    native_enum=False, length=10, create_constraint=False),
                  nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('moved_at', UtcDateTime(), nullable=True),
        sa.Column('returned_at', UtcDateTime(), nullable=True),
        sa.Column('returned_by', sa.Integer(), nullable=True),
        sa.Column('digest_seen_at', UtcDateTime(), nullable=True),
        sa.CheckConstraint(_one_of('reason', 'VACATION', 'SICK', 'OTHER'),
                           name=op.f('ck_handover_reason')),
        sa.CheckConstraint('ends_on > starts_on', name=op.f('ck_handover_dates_in_order')),
        sa.CheckConstraint('from_staff_id <> to_staff_id', name=op.f('ck_handover_someone_else')),
        sa.ForeignKeyConstraint(['from_staff_id'], ['staff.id'],
                                name=op.f('fk_handover_from_staff_id_staff'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['to_staff_id'], ['staff.id'],
                                name=op.f('fk_handover_to_staff_id_staff'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by'], ['staff.id'],
                                name=op.f('fk_handover_created_by_staff'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['returned_by'], ['staff.id'],
                                name=op.f('fk_handover_returned_by_staff'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_handover')),
    )
    op.create_index('ix_handover_running', 'handover', ['returned_at', 'starts_on'])
    op.create_table(
        'handover_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('handover_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('TASK', 'CONVERSATION', 'MESSAGE', 'MAILING', 'FEEDBACK', 'LOOP',
                                  name='handoverkind', native_enum=False, length=20,
                                  create_constraint=False), nullable=False),
        sa.Column('entity_id', sa.Integer(), nullable=False),
        sa.Column('family_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('due_at', UtcDateTime(), nullable=True),
        sa.Column('owner_id', sa.Integer(), nullable=True),
        sa.Column('owner_role', sa.Enum('SYSTEM', 'COMMUNICATOR', 'SUPERVISOR', name='role',
                                        native_enum=False, length=20, create_constraint=False),
                  nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('outcome', sa.Enum('OPEN', 'RETURNED', 'KEPT', 'DONE', name='handoveroutcome',
                                     native_enum=False, length=10, create_constraint=False),
                  nullable=False),
        sa.Column('touched_by', sa.String(length=200), nullable=False),
        sa.CheckConstraint(_one_of('kind', 'TASK', 'CONVERSATION', 'MESSAGE', 'MAILING',
                                   'FEEDBACK', 'LOOP'), name=op.f('ck_handover_item_kind')),
        sa.CheckConstraint(_one_of('outcome', 'OPEN', 'RETURNED', 'KEPT', 'DONE'),
                           name=op.f('ck_handover_item_outcome')),
        sa.CheckConstraint(_one_of('owner_role', 'SYSTEM', 'COMMUNICATOR', 'SUPERVISOR'),
                           name=op.f('ck_handover_item_owner_role')),
        sa.ForeignKeyConstraint(['handover_id'], ['handover.id'],
                                name=op.f('fk_handover_item_handover_id_handover'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['owner_id'], ['staff.id'],
                                name=op.f('fk_handover_item_owner_id_staff'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_handover_item')),
    )
    op.create_index('ux_handover_item', 'handover_item', ['handover_id', 'kind', 'entity_id'],
                    unique=True)
    op.create_index('ix_handover_item_entity', 'handover_item', ['kind', 'entity_id'])
    op.create_index('ix_handover_item_family', 'handover_item', ['family_id'])
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('audit_entry', recreate=rebuild) as batch:
        batch.add_column(sa.Column('for_staff_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('for_name', sa.String(length=200), nullable=False,
                                   server_default=''))
        batch.create_foreign_key(op.f('fk_audit_entry_for_staff_id_staff'), 'staff',
                                 ['for_staff_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('audit_entry') as batch:
        batch.drop_constraint(op.f('fk_audit_entry_for_staff_id_staff'), type_='foreignkey')
        batch.drop_column('for_name')
        batch.drop_column('for_staff_id')
    op.drop_table('handover_item')
    op.drop_table('handover')
