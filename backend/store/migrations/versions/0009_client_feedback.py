"""clients' feedback after a chat: a score and a comment, not tied to the conversation

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "conversations",
        sa.Column("feedback_given", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "client_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("queue", sa.String(32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
    )
    op.create_index("ix_client_feedback_day", "client_feedback", ["day"])


def downgrade() -> None:
    op.drop_index("ix_client_feedback_day", "client_feedback")
    op.drop_table("client_feedback")
    op.drop_column("conversations", "feedback_given")
