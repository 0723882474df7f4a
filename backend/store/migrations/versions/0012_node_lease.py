"""the node lease: which backend node is active, and its fencing token

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

An expand-only change (a new table): the previous version runs against it unchanged, as
a rolling update needs (README, "Two nodes").
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "node_lease",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("holder", sa.String(200), nullable=False, server_default=""),
        # The holder's database sessions (application_name): ended at a takeover.
        sa.Column("holder_app", sa.String(64), nullable=False, server_default=""),
        sa.Column("token", sa.BigInteger(), nullable=False, server_default="0"),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("step_down", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("node_lease")
