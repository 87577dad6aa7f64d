"""wallets and ledger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

# 64-bit on PostgreSQL (a balance may pass 21 million roubles); SQLite's INTEGER is 64-bit
KOPECKS = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wallet',
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('balance', KOPECKS, nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('head', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_wallet_family_id_family'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('family_id', name=op.f('pk_wallet'))
    )
    op.create_table('ledger_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.Enum('TOPUP', 'DEBIT', 'REFUND', 'CORRECTION', name='entrykind', native_enum=False, length=20), nullable=False),
    sa.Column('amount', KOPECKS, nullable=False),
    sa.Column('method', sa.Enum('CARD_TRANSFER', 'CASH', 'TERMINAL', 'OTHER', name='paymentmethod', native_enum=False, length=20), nullable=True),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['wallet.family_id'], name=op.f('fk_ledger_entry_family_id_wallet'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['reverses_id'], ['ledger_entry.id'], name=op.f('fk_ledger_entry_reverses_id_ledger_entry')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_ledger_entry_staff_id_staff'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entry'))
    )
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.create_index('ix_ledger_family_seq', ['family_id', 'seq'], unique=True)
        batch_op.create_index('ux_ledger_idempotency', ['idempotency_key'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('ledger_entry', schema=None) as batch_op:
        batch_op.drop_index('ux_ledger_idempotency')
        batch_op.drop_index('ix_ledger_family_seq')

    op.drop_table('ledger_entry')
    op.drop_table('wallet')
