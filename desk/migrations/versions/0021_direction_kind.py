"""directions get a kind (workshop, camp, hike, holiday party, other): camp feedback and the
surveys' segments go by it, never by the name

The studio's directions are given their kind from their names once, here (the presets:
"…лагерь" a camp, "Поход" a hike, "Праздник" a holiday party; any other a workshop); from now
on the kind is set in Settings.

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

KINDS = ('WORKSHOP', 'CAMP', 'HIKE', 'PARTY', 'OTHER')
# a name holding one of these stems (lower case) is of that kind
STEMS = (('лагер', 'CAMP'), ('поход', 'HIKE'), ('праздник', 'PARTY'), ('выпускн', 'PARTY'))


def upgrade() -> None:
    rebuild = 'always' if op.get_bind().dialect.name == 'sqlite' else 'auto'
    with op.batch_alter_table('direction', recreate=rebuild) as batch:
        batch.add_column(sa.Column('kind', sa.String(length=10), nullable=False,
                                   server_default='WORKSHOP'))
        batch.create_check_constraint(
            op.f('ck_direction_kind'), f"kind IN ({', '.join(repr(k) for k in KINDS)})")
    with op.batch_alter_table('direction', recreate=rebuild) as batch:
        batch.alter_column('kind', server_default=None, existing_type=sa.String(length=10),
                           existing_nullable=False)
    bind = op.get_bind()
    direction = sa.table('direction', sa.column('id', sa.Integer), sa.column('name'),
                         sa.column('kind'))
    for direction_id, name in bind.execute(sa.select(direction.c.id, direction.c.name)).all():
        folded = name.casefold()  # in Python: SQLite's lower() leaves Cyrillic as it is
        kind = next((k for stem, k in STEMS if stem in folded), None)
        if kind:
            bind.execute(sa.update(direction).where(direction.c.id == direction_id)
                         .values(kind=kind))


def downgrade() -> None:
    with op.batch_alter_table('direction') as batch:
        batch.drop_constraint(op.f('ck_direction_kind'), type_='check')
        batch.drop_column('kind')
