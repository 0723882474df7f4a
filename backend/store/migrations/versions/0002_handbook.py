"""handbook: pages, versions, read marks, editors, full-text index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as batch_op:
        batch_op.add_column(
            sa.Column("handbook_editor", sa.Boolean(), nullable=False, server_default="0")
        )
    op.create_table(
        "handbook_pages",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("area", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("queues", sa.String(400), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
        sa.Column("fts_id", sa.Integer(), nullable=False, unique=True),
    )
    op.create_table(
        "handbook_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("page_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("area", sa.String(200), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("queues", sa.String(400), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.String(300), nullable=False),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("page_id", "version", name="uq_handbook_version"),
    )
    op.create_table(
        "handbook_reads",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("page_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # FTS5 over the stemmed text; kept in step by the repository on every save.
        op.execute(
            "CREATE VIRTUAL TABLE handbook_fts USING fts5(page_id UNINDEXED, title, body)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE handbook_fts")
    op.drop_table("handbook_reads")
    op.drop_table("handbook_versions")
    op.drop_table("handbook_pages")
    with op.batch_alter_table("staff_users") as batch_op:
        batch_op.drop_column("handbook_editor")
