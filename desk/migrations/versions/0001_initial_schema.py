"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('family',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('preferred_channel', sa.Enum('PHONE', 'TELEGRAM', 'WHATSAPP', 'VK', 'EMAIL', name='channel', native_enum=False, length=20), nullable=False),
    sa.Column('legend', sa.Text(), nullable=False),
    sa.Column('consent_messages', sa.Boolean(), nullable=False),
    sa.Column('consent_marketing', sa.Boolean(), nullable=False),
    sa.Column('consent_date', sa.Date(), nullable=True),
    sa.Column('consent_purposes', sa.String(length=500), nullable=False),
    sa.Column('erased', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('SYSTEM', 'COMMUNICATOR', 'SUPERVISOR', name='role', native_enum=False, length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    op.create_table('studio',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_studio'))
    )
    op.create_table('app_lock',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('staff_name', sa.String(length=200), nullable=False),
    sa.Column('host', sa.String(length=200), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('since', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_app_lock_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_lock'))
    )
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('staff_name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_entry_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_family', ['family_id'], unique=False)

    op.create_table('child',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_child_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_child'))
    )
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_child_family_id'), ['family_id'], unique=False)

    op.create_table('guardian',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('telegram', sa.String(length=100), nullable=False),
    sa.Column('vk', sa.String(length=100), nullable=False),
    sa.Column('whatsapp', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_guardian_family_id_family'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_guardian'))
    )
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_guardian_family_id'), ['family_id'], unique=False)
        batch_op.create_index('ux_guardian_phone', ['phone'], unique=True)

    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('assignee_staff_id', sa.Integer(), nullable=True),
    sa.Column('assignee_role', sa.Enum('SYSTEM', 'COMMUNICATOR', 'SUPERVISOR', name='role', native_enum=False, length=20), nullable=True),
    sa.Column('status', sa.Enum('OPEN', 'DONE', 'CANCELLED', name='taskstatus', native_enum=False, length=20), nullable=False),
    sa.Column('origin', sa.String(length=50), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_staff_id'], ['staff.id'], name=op.f('fk_task_assignee_staff_id_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['closed_by'], ['staff.id'], name=op.f('fk_task_closed_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name=op.f('fk_task_created_by_staff'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_task_family_id_family'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_family_id'), ['family_id'], unique=False)
        batch_op.create_index('ix_task_status_due', ['status', 'due_at'], unique=False)

    op.create_table('timeline_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.Enum('CREATED', 'EDITED', 'NOTE', 'TASK', 'ERASED', name='timelinekind', native_enum=False, length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_timeline_entry_family_id_family'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_timeline_entry_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_entry'))
    )
    with op.batch_alter_table('timeline_entry', schema=None) as batch_op:
        batch_op.create_index('ix_timeline_family_at', ['family_id', 'at'], unique=False)



    # Search: one normalised text per family (lower case, ё = е, phone digits), trigram index.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE family_search USING fts5(body, tokenize='trigram')")
    else:  # PostgreSQL: a plain table, its text indexed by pg_trgm (a trusted extension)
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE TABLE family_search (family_id integer PRIMARY KEY "
                   "REFERENCES family (id) ON DELETE CASCADE, body text NOT NULL)")
        op.execute("CREATE INDEX ix_family_search_body ON family_search "
                   "USING gin (body gin_trgm_ops)")


def downgrade() -> None:
    op.execute("DROP TABLE family_search")
    with op.batch_alter_table('timeline_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_timeline_family_at')

    op.drop_table('timeline_entry')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index('ix_task_status_due')
        batch_op.drop_index(batch_op.f('ix_task_family_id'))

    op.drop_table('task')
    with op.batch_alter_table('guardian', schema=None) as batch_op:
        batch_op.drop_index('ux_guardian_phone')
        batch_op.drop_index(batch_op.f('ix_guardian_family_id'))

    op.drop_table('guardian')
    with op.batch_alter_table('child', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_child_family_id'))

    op.drop_table('child')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_family')
        batch_op.drop_index('ix_audit_at')

    op.drop_table('audit_entry')
    op.drop_table('app_lock')
    op.drop_table('studio')
    op.drop_table('staff')
    op.drop_table('family')
