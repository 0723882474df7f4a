"""transfer, consult, notes, pictures, staff chat, callback clinics

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="text"))
        batch.add_column(sa.Column("picture_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("callbacks") as batch:
        batch.add_column(sa.Column("clinic", sa.String(32), nullable=True))
    op.create_table(
        "staff_notes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id", sa.String(40), sa.ForeignKey("conversations.id"), nullable=False
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_staff_notes_conversation", "staff_notes", ["conversation_id"])
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id", sa.String(40), sa.ForeignKey("conversations.id"), nullable=False
        ),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("invited_by", sa.String(64), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_participants_conversation", "participants", ["conversation_id"])
    op.create_table(
        "pictures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "conversation_id", sa.String(40), sa.ForeignKey("conversations.id"), nullable=False
        ),
        sa.Column("mime", sa.String(16), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("thumb", sa.LargeBinary(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pictures_conversation", "pictures", ["conversation_id"])
    op.create_table(
        "staff_chat",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(140), nullable=False),
        sa.Column("sender", sa.String(64), nullable=False),
        sa.Column("sender_name", sa.String(100), nullable=False),
        sa.Column("client_msg_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sender", "client_msg_id", name="uq_staff_chat_dedupe"),
    )
    op.create_index("ix_staff_chat_channel", "staff_chat", ["channel", "id"])
    op.create_table(
        "staff_chat_reads",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("channel", sa.String(140), primary_key=True),
        sa.Column("up_to", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("staff_chat_reads")
    op.drop_table("staff_chat")
    op.drop_table("pictures")
    op.drop_table("participants")
    op.drop_table("staff_notes")
    with op.batch_alter_table("callbacks") as batch:
        batch.drop_column("clinic")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("picture_id")
        batch.drop_column("kind")
