"""Assignments and active time: who annotates which document, and how long they worked on each sentence.

1. ``assignments``: a document given to a person (one row each; a document may have several).
   ``dynamic`` rows were taken by the person's window from the pool (dynamic mode), the others
   were given by ``annotator assign``. ``touched_at`` is when the assignee last worked in the
   document, ``finished_at`` when their window served them the next one with this one done: a
   dynamic row neither finished nor touched for the project's abandonment timeout goes back to
   the pool.
2. ``active_time``: seconds a person's window was focused on a sentence while they were at work
   (idle spells left out), summed over visits.

PostgreSQL only: row-level security like revision 0004's. Every member reads the assignments
(a window serving the pool counts a document's assignees); reviewers and managers give and take
them; an annotator adds only dynamic rows of their own (while the pool is on, for a document
short of its N assignees), changes only when they touched or
finished their own (a column grant), and removes another's dynamic row only once it is
abandoned. Active time is layer data: each person writes their own, reviewers and managers read
everyone's. Reviewers may also write the assignment settings (``assignment:*`` in project_meta).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ME = "(SELECT annotator_id_of(current_user))"
MY_ROLE = "(SELECT annotator_role_of(current_user))"
MEMBER = f"{ME} IS NOT NULL"
REVIEWS = f"{MY_ROLE} IN ('reviewer', 'manager')"
ABANDON_KEY = "assignment:abandon_minutes"  # services.assignment.ABANDON_KEY
TIMEOUT = (
    f"make_interval(mins => (SELECT CAST(value AS integer) FROM project_meta WHERE key = '{ABANDON_KEY}'))"
)
ABANDONED = f"(dynamic AND finished_at IS NULL AND touched_at < now() - {TIMEOUT})"
SETTINGS = f"(key LIKE 'assignment:%' AND {REVIEWS})"
# services.assignment.MODE_KEY and PER_DOCUMENT_KEY: a pool row is taken while the pool is on, for a
# document with fewer than N assignees (the new row is not yet among those counted)
POOL_ON = "(SELECT value FROM project_meta WHERE key = 'assignment:mode') = 'dynamic'"
PER_DOCUMENT = (
    "COALESCE((SELECT CAST(value AS integer) FROM project_meta WHERE key = 'assignment:per_document'), 1)"
)
# A policy of assignments may not read assignments itself (PostgreSQL: infinite recursion), so a
# function counts a document's assignees, which every member reads anyway.
COUNT_FUNCTION = """
CREATE FUNCTION assignees_count(doc integer) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT count(*) FROM public.assignments WHERE document_id = doc $$;
"""
SHORT = f"assignees_count(document_id) < {PER_DOCUMENT}"

# The group role is ``<database>_team`` cut to PostgreSQL's identifier length (store/team.py);
# store.team.ensure_team_role repeats the column grant for a group made later.
GRANTS = """
DO $$
DECLARE team text := left(current_database(), 58) || '_team';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = team) THEN
        EXECUTE format('GRANT SELECT, INSERT, DELETE ON assignments TO %I', team);
        -- the default privileges (store/team.py) gave UPDATE on every column of the new table
        EXECUTE format('REVOKE UPDATE ON assignments FROM %I', team);
        EXECUTE format('GRANT UPDATE (touched_at, finished_at) ON assignments TO %I', team);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON active_time TO %I', team);
    END IF;
END $$;
"""


def _policies() -> list[str]:
    own = f"annotator_id = {ME}"
    return [
        "ALTER TABLE assignments ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE active_time ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY assignments_read ON assignments FOR SELECT USING ({MEMBER})",
        f"CREATE POLICY assignments_manage ON assignments FOR ALL USING ({REVIEWS}) WITH CHECK ({REVIEWS})",
        f"CREATE POLICY assignments_take ON assignments FOR INSERT "
        f"WITH CHECK ({own} AND dynamic AND {POOL_ON} AND {SHORT})",
        f"CREATE POLICY assignments_touch ON assignments FOR UPDATE USING ({own}) WITH CHECK ({own})",
        f"CREATE POLICY assignments_release ON assignments FOR DELETE USING ({ABANDONED} AND {MEMBER})",
        f"CREATE POLICY active_time_read ON active_time FOR SELECT USING ({own} OR {REVIEWS})",
        f"CREATE POLICY active_time_write ON active_time FOR ALL USING ({own}) WITH CHECK ({own})",
        f"CREATE POLICY project_meta_assignment ON project_meta FOR ALL "
        f"USING {SETTINGS} WITH CHECK {SETTINGS}",
    ]


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "assignments",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("dynamic", sa.Boolean(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("touched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "annotator_id"),
    )
    op.create_index("ix_assignments_annotator", "assignments", ["annotator_id"])
    op.create_table(
        "active_time",
        sa.Column("annotator_id", sa.Integer(), nullable=False),
        sa.Column("sentence_id", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("seconds >= 0", name="active_time_seconds"),
        sa.ForeignKeyConstraint(["annotator_id"], ["annotators.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sentence_id"], ["sentences.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("annotator_id", "sentence_id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(COUNT_FUNCTION)
        for statement in _policies():
            op.execute(statement)
        op.execute(GRANTS)


def downgrade() -> None:
    """Revert this revision (policies go with their tables)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS project_meta_assignment ON project_meta")
    op.drop_table("active_time")
    op.drop_index("ix_assignments_annotator", table_name="assignments")
    op.drop_table("assignments")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS assignees_count(integer)")
