"""the feedback register: what clients said (quoted, with its source), tone, the studio's tags,
whom it is about, the improvements department's statuses; closing the loop with the client
of a negative item (a case due in 48 hours, the studio's setting); a teacher's chat with the
bot, so the desk can write to the teacher

A studio set up already gets the usual topics as its tag list (a new studio gets them when it
is set up); the studio edits it.

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

from desk.models.base import UtcDateTime

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

TAGS = ("Педагог", "Направление", "Расписание", "Цены", "Помещение", "Сервис", "Общение",
        "Результаты ребёнка")


def upgrade() -> None:
    op.create_table(
        'feedback_tag',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_feedback_tag_name_present')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_tag')),
        sa.UniqueConstraint('name', name=op.f('uq_feedback_tag_name')),
    )
    op.create_table(
        'feedback_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('family_id', sa.Integer(), nullable=True),
        sa.Column('child_id', sa.Integer(), nullable=True),
        sa.Column('source', sa.String(length=10), nullable=False),
        sa.Column('source_id', sa.Integer(), nullable=True),
        sa.Column('quote', sa.Text(), nullable=False),
        sa.Column('tone', sa.String(length=10), nullable=False),
        sa.Column('teacher_id', sa.Integer(), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('direction_id', sa.Integer(), nullable=True),
        sa.Column('needs_answer', sa.Boolean(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('linked_to', sa.Integer(), nullable=True),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('status_at', UtcDateTime(), nullable=False),
        sa.Column('told_at', UtcDateTime(), nullable=True),
        sa.CheckConstraint("source IN ('MESSAGE', 'CALL', 'SCRIPT', 'NOTE', 'REQUEST', "
                           "'SURVEY', 'OTHER')", name=op.f('ck_feedback_item_source')),
        sa.CheckConstraint("tone IN ('POSITIVE', 'NEGATIVE', 'NEUTRAL', 'SUGGESTION')",
                           name=op.f('ck_feedback_item_tone')),
        sa.CheckConstraint("status IN ('NEW', 'ACCEPTED', 'REJECTED', 'IN_WORK', 'DONE', "
                           "'TOLD')", name=op.f('ck_feedback_item_status')),
        sa.CheckConstraint("trim(quote) <> ''", name=op.f('ck_feedback_item_quote_present')),
        sa.ForeignKeyConstraint(['family_id'], ['family.id'],
                                name=op.f('fk_feedback_item_family_id_family'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['child_id'], ['child.id'],
                                name=op.f('fk_feedback_item_child_id_child'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['teacher_id'], ['teacher.id'],
                                name=op.f('fk_feedback_item_teacher_id_teacher'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                                name=op.f('fk_feedback_item_staff_id_staff'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['direction_id'], ['direction.id'],
                                name=op.f('fk_feedback_item_direction_id_direction'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['linked_to'], ['feedback_item.id'],
                                name=op.f('fk_feedback_item_linked_to_feedback_item'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['created_by'], ['staff.id'],
                                name=op.f('fk_feedback_item_created_by_staff'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_item')),
    )
    op.create_index('ix_feedback_item_created', 'feedback_item', ['created_at'])
    op.create_index('ix_feedback_item_family', 'feedback_item', ['family_id'])
    op.create_index('ix_feedback_item_status', 'feedback_item', ['status', 'created_at'])
    op.create_index('ix_feedback_item_tone', 'feedback_item', ['tone', 'created_at'])
    op.create_table(
        'feedback_item_tag',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('tag_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['feedback_item.id'],
                                name=op.f('fk_feedback_item_tag_item_id_feedback_item'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['tag_id'], ['feedback_tag.id'],
                                name=op.f('fk_feedback_item_tag_tag_id_feedback_tag'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_item_tag')),
    )
    op.create_index('ux_feedback_item_tag', 'feedback_item_tag', ['item_id', 'tag_id'],
                    unique=True)
    op.create_index('ix_feedback_item_tag_tag', 'feedback_item_tag', ['tag_id'])
    op.create_table(
        'loop_case',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('due_at', UtcDateTime(), nullable=False),
        sa.Column('first_action_at', UtcDateTime(), nullable=True),
        sa.Column('informed_at', UtcDateTime(), nullable=True),
        sa.Column('closed_at', UtcDateTime(), nullable=True),
        sa.Column('close_reason', sa.String(length=30), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('created_at', UtcDateTime(), nullable=False),
        sa.CheckConstraint("status IN ('OPEN', 'IN_PROGRESS', 'INFORMED', 'CLOSED')",
                           name=op.f('ck_loop_case_status')),
        sa.ForeignKeyConstraint(['item_id'], ['feedback_item.id'],
                                name=op.f('fk_loop_case_item_id_feedback_item'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_loop_case')),
    )
    op.create_index('ux_loop_case_item', 'loop_case', ['item_id'], unique=True)
    op.create_index('ix_loop_case_status', 'loop_case', ['status'])
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('teacher', recreate=rebuild) as batch:
        batch.add_column(sa.Column('telegram_chat', sa.String(length=100), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('studio', recreate=rebuild) as batch:
        batch.add_column(sa.Column('loop_hours', sa.Integer(), nullable=False,
                                   server_default='48'))
        batch.create_check_constraint(op.f('ck_studio_loop_hours_range'),
                                      'loop_hours BETWEEN 1 AND 720')
    if op.get_bind().execute(sa.text("SELECT count(*) FROM studio")).scalar():
        tag = sa.table('feedback_tag', sa.column('name'), sa.column('position'),
                       sa.column('active', sa.Boolean))
        op.bulk_insert(tag, [{"name": name, "position": n, "active": True}
                             for n, name in enumerate(TAGS)])


def downgrade() -> None:
    with op.batch_alter_table('teacher') as batch:
        batch.drop_column('telegram_chat')
    with op.batch_alter_table('studio') as batch:
        batch.drop_constraint(op.f('ck_studio_loop_hours_range'), type_='check')
        batch.drop_column('loop_hours')
    op.drop_table('loop_case')
    op.drop_table('feedback_item_tag')
    op.drop_table('feedback_item')
    op.drop_table('feedback_tag')
