"""schedule and enrolments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('direction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_direction')),
    sa.UniqueConstraint('name', name=op.f('uq_direction_name'))
    )
    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('name', name=op.f('uq_room_name'))
    )
    op.create_table('teacher',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('telegram', sa.String(length=100), nullable=False),
    sa.Column('head', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teacher'))
    )
    op.create_table('series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_time', sa.Time(), nullable=False),
    sa.Column('duration_min', sa.Integer(), nullable=False),
    sa.Column('first_date', sa.Date(), nullable=False),
    sa.Column('last_date', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_series_direction_id_direction')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_series_room_id_room')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_series_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_series'))
    )
    op.create_table('lesson',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=True),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=True),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('sibling_discount', sa.Boolean(), nullable=False),
    sa.Column('adults_allowed', sa.Boolean(), nullable=False),
    sa.Column('adult_price', sa.Integer(), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['direction_id'], ['direction.id'], name=op.f('fk_lesson_direction_id_direction')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_lesson_room_id_room')),
    sa.ForeignKeyConstraint(['series_id'], ['series.id'], name=op.f('fk_lesson_series_id_series')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'], name=op.f('fk_lesson_teacher_id_teacher')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson'))
    )
    with op.batch_alter_table('lesson', schema=None) as batch_op:
        batch_op.create_index('ix_lesson_starts', ['starts_at'], unique=False)

    op.create_table('enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('price', sa.Integer(), nullable=False),
    sa.Column('adults', sa.Integer(), nullable=False),
    sa.Column('adults_price', sa.Integer(), nullable=False),
    sa.Column('first_time', sa.Boolean(), nullable=False),
    sa.Column('mark', sa.Enum('NONE', 'ATTENDED', 'ABSENT', 'CANCELLED', name='mark', native_enum=False, length=20), nullable=False),
    sa.Column('marked_at', sa.DateTime(), nullable=True),
    sa.Column('marked_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_enrolment_child_id_child')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_enrolment_family_id_family')),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], name=op.f('fk_enrolment_lesson_id_lesson')),
    sa.ForeignKeyConstraint(['marked_by'], ['staff.id'], name=op.f('fk_enrolment_marked_by_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment'))
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index('ix_enrolment_child', ['child_id'], unique=False)
        batch_op.create_index('ix_enrolment_family', ['family_id'], unique=False)
        batch_op.create_index('ux_enrolment_lesson_child', ['lesson_id', 'child_id'], unique=True)

    op.create_table('waitlist_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lesson_id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('child_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('offered_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['child_id'], ['child.id'], name=op.f('fk_waitlist_entry_child_id_child')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_waitlist_entry_family_id_family')),
    sa.ForeignKeyConstraint(['lesson_id'], ['lesson.id'], name=op.f('fk_waitlist_entry_lesson_id_lesson')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_waitlist_entry'))
    )
    with op.batch_alter_table('waitlist_entry', schema=None) as batch_op:
        batch_op.create_index('ux_waitlist_lesson_child', ['lesson_id', 'child_id'], unique=True)

    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('enrolment_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_ledger_entry_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_ledger_entry_enrolment_id_enrolment'), 'enrolment', ['enrolment_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ledger_entry_enrolment_id_enrolment'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_ledger_entry_enrolment_id'))
        batch_op.drop_column('enrolment_id')

    with op.batch_alter_table('waitlist_entry', schema=None) as batch_op:
        batch_op.drop_index('ux_waitlist_lesson_child')

    op.drop_table('waitlist_entry')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index('ux_enrolment_lesson_child')
        batch_op.drop_index('ix_enrolment_family')
        batch_op.drop_index('ix_enrolment_child')

    op.drop_table('enrolment')
    with op.batch_alter_table('lesson', schema=None) as batch_op:
        batch_op.drop_index('ix_lesson_starts')

    op.drop_table('lesson')
    op.drop_table('series')
    op.drop_table('teacher')
    op.drop_table('room')
    op.drop_table('direction')
