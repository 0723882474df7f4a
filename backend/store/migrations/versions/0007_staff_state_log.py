"""staff state log: each change of a staff member's state, for the reports

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_state_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(64), nullable=False),
    )
    op.create_index("ix_staff_state_log_at", "staff_state_log", ["at"])
    op.create_index("ix_staff_state_log_user_at", "staff_state_log", ["username", "at"])
    # Reports read contacts by arrival time; calls already have this index.
    op.create_index("ix_callbacks_created", "callbacks", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_callbacks_created", "callbacks")
    op.drop_index("ix_staff_state_log_user_at", "staff_state_log")
    op.drop_index("ix_staff_state_log_at", "staff_state_log")
    op.drop_table("staff_state_log")
