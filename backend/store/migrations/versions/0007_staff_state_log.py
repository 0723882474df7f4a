"""staff state log: each change of a staff member's state, for the reports; supervisor
actions (Not ready / signed out by a supervisor, and why); the roster

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
    op.create_table(
        "supervisor_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(64), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
    )
    op.create_table(
        "roster_shifts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("start", sa.String(5), nullable=False),
        sa.Column("end", sa.String(5), nullable=False),
        sa.Column("skills", sa.String(400), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_roster_shifts_day", "roster_shifts", ["day"])
    # Reports read callbacks by creation time.
    op.create_index("ix_callbacks_created", "callbacks", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_callbacks_created", "callbacks")
    op.drop_table("supervisor_actions")
    op.drop_index("ix_roster_shifts_day", "roster_shifts")
    op.drop_table("roster_shifts")
    op.drop_index("ix_staff_state_log_user_at", "staff_state_log")
    op.drop_index("ix_staff_state_log_at", "staff_state_log")
    op.drop_table("staff_state_log")
