"""digi-agents' call-ins: each call for help and each step of it per digi-agent

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_ins",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("queues", sa.String(400), nullable=False),
        sa.Column("trigger", sa.String(16), nullable=False),
        sa.Column("by", sa.String(64), nullable=True),
        sa.Column("wanted", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_why", sa.String(16), nullable=True),
    )
    op.create_index("ix_call_ins_opened", "call_ins", ["opened_at"])
    op.create_table(
        "call_in_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("call_in_id", sa.Integer(), sa.ForeignKey("call_ins.id"), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("clinic", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=True),
        sa.Column("contacts", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(200), nullable=False),
    )
    op.create_index("ix_call_in_events_at", "call_in_events", ["at"])


def downgrade() -> None:
    op.drop_index("ix_call_in_events_at", "call_in_events")
    op.drop_table("call_in_events")
    op.drop_index("ix_call_ins_opened", "call_ins")
    op.drop_table("call_ins")
