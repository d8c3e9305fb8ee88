"""Corrections of tokens and sentences under row-level security (PostgreSQL only).

A correction rewrites a document's sentences and every person's rows in them (see
``store/corrections.py``). Revision 0004's policies let only managers change sentences and
nobody change another person's rows, so nobody but the owner could correct. This revision lets a
login do so inside a *correction transaction* only: ``annotator_begin_correction(doc)`` (run with
the owner's rights) checks that the login may correct the document (a reviewer or a manager, or
nobody else, gold included, has an annotation or a status in it: the function sees every row, so
an annotator cannot hide others' rows from it) and records the transaction in
``annotator_private.corrections``, in a schema no team login may use (the team's grants are on
``public``; the table's row-level security has no policy besides). Write policies (insert,
update, delete; reading is unchanged) then let that transaction, and no other, write the
document's sentences and rows. Outside a correction a reviewer still cannot change an
annotator's rows; inside one they can (the application only remaps them).

SQLite has no row-level security: nothing changes there.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 01:45:00
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

FUNCTIONS = """
CREATE SCHEMA annotator_private;
REVOKE ALL ON SCHEMA annotator_private FROM PUBLIC;
CREATE TABLE annotator_private.corrections (
    txid bigint NOT NULL,
    document_id integer NOT NULL,
    PRIMARY KEY (txid, document_id)
);
ALTER TABLE annotator_private.corrections ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION annotator_may_correct(who name, doc integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    WITH me AS (SELECT id, role FROM public.annotators WHERE name = who)
    SELECT COALESCE((SELECT role IN ('reviewer', 'manager') FROM me), false)
        OR ((SELECT id FROM me) IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM (
                SELECT e.annotator_id FROM public.entities e
                    JOIN public.sentences s ON s.id = e.sentence_id WHERE s.document_id = doc
                UNION ALL SELECT e.annotator_id FROM public.events e
                    JOIN public.sentences s ON s.id = e.sentence_id WHERE s.document_id = doc
                UNION ALL SELECT t.annotator_id FROM public.sentence_stance t
                    JOIN public.sentences s ON s.id = t.sentence_id WHERE s.document_id = doc
                UNION ALL SELECT t.annotator_id FROM public.sentence_status t
                    JOIN public.sentences s ON s.id = t.sentence_id WHERE s.document_id = doc
                UNION ALL SELECT d.annotator_id FROM public.document_stance d WHERE d.document_id = doc
            ) people WHERE people.annotator_id <> (SELECT id FROM me)))
    $$;
CREATE FUNCTION annotator_begin_correction(doc integer) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
    BEGIN
        IF NOT annotator_may_correct(session_user, doc) THEN
            RETURN false;
        END IF;
        DELETE FROM annotator_private.corrections
            WHERE COALESCE(txid_status(txid), 'aborted') <> 'in progress';
        INSERT INTO annotator_private.corrections VALUES (txid_current(), doc) ON CONFLICT DO NOTHING;
        RETURN true;
    END $$;
CREATE FUNCTION annotator_correcting(doc integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT EXISTS (SELECT 1 FROM annotator_private.corrections
                         WHERE txid = txid_current() AND document_id = doc) $$;
CREATE FUNCTION annotator_document_of(sentence integer) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$ SELECT document_id FROM public.sentences WHERE id = sentence $$;
"""
MAY = "annotator_correcting({doc})"
BY_SENTENCE = MAY.format(doc="annotator_document_of(sentence_id)")
# Tables with a sentence_id, and how a row finds its document.
TABLES = {
    "sentences": MAY.format(doc="document_id"),
    "document_stance": MAY.format(doc="document_id"),
    "entities": BY_SENTENCE,
    "events": BY_SENTENCE,
    "event_arguments": BY_SENTENCE,
    "sentence_stance": BY_SENTENCE,
    "sentence_status": BY_SENTENCE,
    "suggestion_feedback": BY_SENTENCE,
    "active_time": BY_SENTENCE,
    "event_attributes": (
        "EXISTS (SELECT 1 FROM events e WHERE e.id = event_id AND "
        + MAY.format(doc="annotator_document_of(e.sentence_id)")
        + ")"
    ),
}


def upgrade() -> None:
    """Apply this revision."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    for table, may in TABLES.items():
        op.execute(f"CREATE POLICY {table}_correct_insert ON {table} FOR INSERT WITH CHECK ({may})")
        op.execute(
            f"CREATE POLICY {table}_correct_update ON {table} FOR UPDATE USING ({may}) WITH CHECK ({may})"
        )
        op.execute(f"CREATE POLICY {table}_correct_delete ON {table} FOR DELETE USING ({may})")


def downgrade() -> None:
    """Revert this revision."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        for kind in ("insert", "update", "delete"):
            op.execute(f"DROP POLICY IF EXISTS {table}_correct_{kind} ON {table}")
    for function in (
        "annotator_begin_correction(integer)",
        "annotator_correcting(integer)",
        "annotator_may_correct(name, integer)",
        "annotator_document_of(integer)",
    ):
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.execute("DROP SCHEMA IF EXISTS annotator_private CASCADE")
