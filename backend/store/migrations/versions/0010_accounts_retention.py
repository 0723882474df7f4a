"""accounts from the organisation's provider, the account change record, retention

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "staff_users",
        sa.Column("source", sa.String(8), nullable=False, server_default="local"),
    )
    op.add_column(
        "conversations",
        sa.Column("identified", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("conversations", sa.Column("purged_at", sa.DateTime(), nullable=True))
    op.add_column("phone_calls", sa.Column("purged_at", sa.DateTime(), nullable=True))
    op.create_table(
        "account_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(80), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("detail", sa.String(400), nullable=False),
    )
    op.create_index("ix_account_changes_username", "account_changes", ["username"])
    op.create_table(
        "purge_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("before", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_index("ix_conversations_closed", "conversations", ["closed_at"])
    op.create_index("ix_access_log_at", "access_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_access_log_at", "access_log")
    op.drop_index("ix_conversations_closed", "conversations")
    op.drop_table("purge_runs")
    op.drop_index("ix_account_changes_username", "account_changes")
    op.drop_table("account_changes")
    op.drop_column("phone_calls", "purged_at")
    op.drop_column("conversations", "purged_at")
    op.drop_column("conversations", "identified")
    op.drop_column("staff_users", "source")
