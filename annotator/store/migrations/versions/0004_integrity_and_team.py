"""Integrity the database enforces itself, and a team of PostgreSQL logins.

1. No two identical spans in one layer. A unique index over sentence, annotator, token range and
   label (entities) or type (events) replaces the plain sentence-and-annotator index it begins
   with, so an import pays for no extra index. On PostgreSQL two writers could each read "not
   there yet" and both insert; now the second is refused by the database. Identical duplicates
   already stored (only such races made them) are merged first: what pointed at a duplicate
   (arguments, stance holders) points at the kept row, the lowest id.
2. The ``manager`` role: the person who adds people, changes roles and replaces the schema.
3. PostgreSQL only: row-level security, so that the database itself keeps each login to what its
   role allows, whatever program it uses (``psql`` included). An annotator reads and writes only
   their own layer; reviewers and managers read every layer and write their own and gold; managers
   add people, documents and the schema. The table owner (who created the project) is not subject
   to the policies, like a superuser. Logins and grants are made by ``annotator team add``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 08:00:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SPANS = {"entities": "label", "events": "type"}
ROLE_CHECK = "role IN ('annotator', 'reviewer', 'manager', 'gold')"
OLD_ROLE_CHECK = "role IN ('annotator', 'reviewer', 'gold')"

# Tables holding one row per layer (``annotator_id``), with who may read them beyond the owner.
LAYER_TABLES = (
    "entities",
    "events",
    "event_arguments",
    "sentence_stance",
    "document_stance",
    "sentence_status",
)
SHARED_TABLES = ("documents", "sentences", "annotators", "project_meta")

FUNCTIONS = """
CREATE FUNCTION annotator_id_of(who name) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT id FROM public.annotators WHERE name = who $$;
CREATE FUNCTION annotator_role_of(who name) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT role FROM public.annotators WHERE name = who $$;
CREATE FUNCTION annotator_gold_id() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT id FROM public.annotators WHERE role = 'gold' $$;
"""
# Scalar subqueries: evaluated once per statement, not once per row.
ME = "(SELECT annotator_id_of(current_user))"
MY_ROLE = "(SELECT annotator_role_of(current_user))"
MEMBER = f"{ME} IS NOT NULL"
REVIEWS = f"{MY_ROLE} IN ('reviewer', 'manager')"
MANAGES = f"{MY_ROLE} = 'manager'"
OWN_OR_GOLD = f"(annotator_id = {ME} OR ({REVIEWS} AND annotator_id = (SELECT annotator_gold_id())))"


def _policies() -> list[str]:
    """The row-level security of every table, as SQL statements."""
    out = [f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY" for t in (*LAYER_TABLES, *SHARED_TABLES)]
    out += [
        "ALTER TABLE event_attributes ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE activity ENABLE ROW LEVEL SECURITY",
    ]
    for t in LAYER_TABLES:
        out.append(f"CREATE POLICY {t}_read ON {t} FOR SELECT USING (annotator_id = {ME} OR {REVIEWS})")
        out.append(f"CREATE POLICY {t}_write ON {t} FOR ALL USING ({OWN_OR_GOLD}) WITH CHECK ({OWN_OR_GOLD})")
    visible_event = "EXISTS (SELECT 1 FROM events e WHERE e.id = event_id)"
    writable_event = (
        "EXISTS (SELECT 1 FROM events e WHERE e.id = event_id AND "
        f"(e.annotator_id = {ME} OR ({REVIEWS} AND e.annotator_id = (SELECT annotator_gold_id()))))"
    )
    out.append(f"CREATE POLICY event_attributes_read ON event_attributes FOR SELECT USING ({visible_event})")
    out.append(
        "CREATE POLICY event_attributes_write ON event_attributes FOR ALL "
        f"USING ({writable_event}) WITH CHECK ({writable_event})"
    )
    # Teammates see each other's progress; each person counts only their own edits.
    out.append(f"CREATE POLICY activity_read ON activity FOR SELECT USING ({MEMBER})")
    own = f"annotator_id = {ME}"
    out.append(f"CREATE POLICY activity_write ON activity FOR ALL USING ({own}) WITH CHECK ({own})")
    for t in SHARED_TABLES:
        out.append(f"CREATE POLICY {t}_read ON {t} FOR SELECT USING ({MEMBER})")
        out.append(f"CREATE POLICY {t}_manage ON {t} FOR ALL USING ({MANAGES}) WITH CHECK ({MANAGES})")
    # Where each person left off is theirs to write.
    mine = f"key = 'position:' || {ME}"
    out.append(
        f"CREATE POLICY project_meta_position ON project_meta FOR ALL USING ({mine}) WITH CHECK ({mine})"
    )
    return out


def _merge_duplicates(table: str, label: str) -> None:
    """Point what refers to a duplicate span at the kept one (lowest id), then delete the duplicates."""
    key = f"sentence_id, annotator_id, token_start, token_last, {label}"
    op.execute(
        f"CREATE TEMPORARY TABLE dup_{table} AS SELECT d.id AS old_id, k.keep AS new_id FROM {table} d "
        f"JOIN (SELECT {key}, min(id) AS keep FROM {table} GROUP BY {key} HAVING count(*) > 1) k "
        f"USING ({key}) WHERE d.id <> k.keep"
    )
    column, other = ("entity_id", "event_id") if table == "entities" else ("event_id", "entity_id")
    dups = f"(SELECT old_id FROM dup_{table})"

    def mapped(alias: str) -> str:
        return f"COALESCE((SELECT new_id FROM dup_{table} WHERE old_id = {alias}.{column}), {alias}.{column})"

    # An argument the merged row would hold twice is dropped: kept rows' own first, then lowest id.
    op.execute(
        f"DELETE FROM event_arguments WHERE {column} IN {dups} AND EXISTS (SELECT 1 FROM event_arguments o "
        f"WHERE o.id <> event_arguments.id AND o.role = event_arguments.role "
        f"AND o.{other} = event_arguments.{other} AND {mapped('o')} = {mapped('event_arguments')} "
        f"AND (o.{column} NOT IN {dups} OR o.id < event_arguments.id))"
    )
    op.execute(f"UPDATE event_arguments SET {column} = {mapped('event_arguments')} WHERE {column} IN {dups}")
    if table == "entities":
        for stance in ("sentence_stance", "document_stance"):
            op.execute(
                f"UPDATE {stance} SET holder_id = (SELECT new_id FROM dup_entities WHERE old_id = "
                f"{stance}.holder_id) WHERE holder_id IN {dups}"
            )
    else:
        op.execute(f"DELETE FROM event_attributes WHERE event_id IN {dups}")
    op.execute(f"DELETE FROM {table} WHERE id IN {dups}")
    op.execute(f"DROP TABLE dup_{table}")


def upgrade() -> None:
    """Apply this revision."""
    for table, label in SPANS.items():
        _merge_duplicates(table, label)
        op.drop_index(f"ix_{table}_sentence_annotator", table_name=table)
        op.create_index(
            f"uq_{table}_span",
            table,
            ["sentence_id", "annotator_id", "token_start", "token_last", label],
            unique=True,
        )
    with op.batch_alter_table("annotators") as batch:
        batch.drop_constraint("annotator_role", type_="check")
        batch.create_check_constraint("annotator_role", ROLE_CHECK)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTIONS)
        for statement in _policies():
            op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name == "postgresql":
        for t in (*LAYER_TABLES, *SHARED_TABLES, "event_attributes", "activity"):
            op.execute(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY")
            for policy in ("read", "write", "manage", "position"):
                op.execute(f"DROP POLICY IF EXISTS {t}_{policy} ON {t}")
        for fn in ("annotator_id_of(name)", "annotator_role_of(name)", "annotator_gold_id()"):
            op.execute(f"DROP FUNCTION {fn}")
    op.execute("UPDATE annotators SET role = 'reviewer' WHERE role = 'manager'")
    with op.batch_alter_table("annotators") as batch:
        batch.drop_constraint("annotator_role", type_="check")
        batch.create_check_constraint("annotator_role", OLD_ROLE_CHECK)
    for table in SPANS:
        op.drop_index(f"uq_{table}_span", table_name=table)
        op.create_index(f"ix_{table}_sentence_annotator", table, ["sentence_id", "annotator_id"])
