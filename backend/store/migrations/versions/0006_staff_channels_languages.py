"""staff: phone while chatting, languages; phone calls: the handler's outcome;
handbook: the language of a page

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_users") as batch:
        batch.add_column(
            sa.Column("phone_while_chat", sa.Boolean(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("languages", sa.String(40), nullable=False, server_default="fi")
        )
    for table in ("handbook_pages", "handbook_versions"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("lang", sa.String(8), nullable=False, server_default=""))
    with op.batch_alter_table("phone_calls") as batch:
        batch.add_column(sa.Column("handling_outcome", sa.String(32), nullable=True))
        batch.add_column(sa.Column("wrap_up", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in ("handbook_versions", "handbook_pages"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("lang")
    with op.batch_alter_table("phone_calls") as batch:
        batch.drop_column("wrap_up")
        batch.drop_column("handling_outcome")
    with op.batch_alter_table("staff_users") as batch:
        batch.drop_column("languages")
        batch.drop_column("phone_while_chat")
