"""One import job: records fed, document by document, into new, stored or identical documents.

A document's state (:mod:`.documents`) is found when its name is looked up and decides what
each of its sentences does: a new document takes it, a stored one checks it against the stored
sentence and takes only its layers, an identical one passes over it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.core.errors import InputError, StoreError
from annotator.core.model import (
    DocumentAssignment,
    DocumentStanceRecord,
    DocumentStart,
    ImportSummary,
    NotImported,
    Record,
    SentenceRecord,
    token_offsets,
)
from annotator.core.schema import Schema
from annotator.services.importing.assigned import give, may_assign
from annotator.services.importing.documents import (
    Document,
    IdenticalDocument,
    Intake,
    NewDocument,
    StoredDocument,
)
from annotator.services.importing.layers import LayerIntake
from annotator.services.importing.mixed import MixedScripts
from annotator.services.importing.names import document_name_problem
from annotator.services.importing.options import ImportOptions, content_hash
from annotator.store import Session, bulk, locks, queries

BATCH = 2000


class ImportJob:
    """Feeds the records of one import's files into the project, in the import's one transaction."""

    def __init__(
        self, session: Session, schema: Schema, options: ImportOptions, summary: ImportSummary, strict: bool
    ):
        self.session = session
        # A team member on PostgreSQL imports only the layers they may write, into the team's people.
        self.strict = strict
        self.schema = schema
        self.options = options
        self.summary = summary
        self.doc: Document | None = None
        self.named = ""  # the current document's name in the file (--rename may store another)
        # documents with their people, given after the last file (a new one has its id by then)
        self.assigned: list[tuple[Document, list[int]]] = []
        self.may_assign: bool | None = None  # asked once per import
        self.path = Path()
        self.layers = LayerIntake(self)
        self.mixed = MixedScripts(summary, options.fix_homoglyphs)

    # -- driving -------------------------------------------------------------------------------
    def run(self, path: Path, records: Iterable[Record], fmt: str = "txt") -> None:
        """Feed every record of the file at ``path`` (format ``fmt``), then finish its last document.

        Mixed-script words are found (and with --fix-homoglyphs fixed) as each record comes in.
        """
        self.path = path
        mixed = self.mixed
        mixed.begin_file(path, fmt)
        for record in records:
            if isinstance(record, SentenceRecord):
                record = mixed.sentence(record)
            elif isinstance(record, DocumentStart):
                record = mixed.document(record)
            self.feed(record)
        self.finish()
        mixed.end_file()

    def feed(self, record: Record) -> None:
        """Take one record: a document's start, one of its sentences, or its document stance."""
        if isinstance(record, DocumentStart):
            self.finish()
            self.begin(record)
        elif isinstance(record, SentenceRecord):
            if self.doc is None:  # pragma: no cover - readers always start a document first
                raise InputError(self.path, record.line, "a sentence outside any document")
            self.sentence(self.doc, record)
        elif isinstance(record, DocumentAssignment):
            self.assignment(record)
        elif isinstance(record, NotImported):
            key = (str(self.path), record.what, record.why)
            self.summary.not_imported[key] = self.summary.not_imported.get(key, 0) + record.count
        else:
            self.document_stance(record)

    def document_stance(self, record: DocumentStanceRecord) -> None:
        """Take a document's stance, given after its sentences (whose entities it may name)."""
        doc = self.doc
        if doc is None or record.document != self.named:
            raise self.fail(record.line, f"document stance for {record.document!r} must follow its sentences")
        self.flush(doc)
        self.layers.document_stance(doc, record)

    def assignment(self, record: DocumentAssignment) -> None:
        """Give the document to the people named, as well as to whoever has it (nobody loses one)."""
        doc = self.doc
        if doc is None or record.document != self.named:
            raise self.fail(record.line, f"the assignment of {record.document!r} must follow its sentences")
        if self.may_assign is None:
            self.may_assign = not self.strict or may_assign(self.session)
        if not self.may_assign:
            self.summary.assignments_left_out += len(record.assignees)
            return
        self.assigned.append((doc, [self.layers.person_id(name, record.line) for name in record.assignees]))

    def give_assignments(self) -> None:
        """Give the documents to the people their assignment lines named (after the last file)."""
        wanted: dict[int, list[int]] = {}
        for doc, people in self.assigned:
            mine = wanted.setdefault(doc.id, [])
            mine.extend(p for p in people if p not in mine)
        self.summary.assignments += give(self.session, wanted)
        self.assigned = []

    def fail(self, line: int | None, message: str) -> InputError:
        """The error for ``message`` at ``line`` of the file being read."""
        return InputError(self.path, line, message)

    # -- documents -----------------------------------------------------------------------------
    def begin(self, start: DocumentStart) -> None:
        """Look the document up by name and take it as new, stored or identical."""
        if (problem := document_name_problem(start.name)) is not None:  # before any query names it
            raise self.fail(start.line, problem)
        self.named = start.name
        # Another import of this document waits here until this one commits, then finds it (and
        # its layers) stored: on PostgreSQL nothing else would stop both adding it.
        locks.lock_document_name(self.session, start.name)
        found = queries.find_document(self.session, start.name)
        if found is None:
            self.doc = self.new_document(start, start.name)
            return
        doc_id, stored_hash = found
        if start.text is not None:
            if content_hash(start.text) == stored_hash:  # its layers may be new: placed like a stored one's
                self.summary.documents_reused += 1
                existing = {s.position: s for s in queries.document_sentences(self.session, doc_id)}
                self.doc = StoredDocument(
                    id=doc_id, name=start.name, start=start, existing=existing, identical=True
                )
                return
            if not self.options.rename:
                raise self.fail(
                    start.line,
                    f"a different document named {start.name!r} is already in the project "
                    "(use --rename to import this one under a new name)",
                )
            self.doc = self.new_document(start, queries.free_document_name(self.session, start.name))
            return
        self.summary.documents_reused += 1
        existing = {s.position: s for s in queries.document_sentences(self.session, doc_id)}
        replay: list[Record] | None = [] if self.options.rename else None
        self.doc = StoredDocument(id=doc_id, name=start.name, start=start, existing=existing, replay=replay)

    def new_document(self, start: DocumentStart, name: str) -> NewDocument:
        """The document of ``start`` added as ``name`` (checked when it is a free name for --rename)."""
        if name != start.name and (problem := document_name_problem(name)) is not None:
            raise self.fail(start.line, f"{problem} (the new name for --rename)")
        self.summary.documents_added += 1
        return NewDocument(name=name, full_text=start.text, source=start.source)

    def write_document(self, doc: NewDocument, final: bool) -> None:
        """Write a new document's row before its first sentences. A file that gives no document
        text (CoNLL, plain lines) has it made from the sentences: known once the document ends,
        which for most documents is before their first batch is written, so one write does."""
        if doc.id:
            return
        text = doc.full_text
        if text is None and final:
            text = "\n".join(doc.pieces)
        doc.text_stored = text is not None
        text = text or ""
        doc.id = bulk.insert_document(self.session, doc.name, doc.source, text, content_hash(text))

    def finish(self) -> None:
        """Write what is left of the current document (a new one's text, if made from sentences)."""
        doc = self.doc
        if doc is None:
            return
        self.flush(doc, final=True)  # writes a new document's row, even one without sentences
        if isinstance(doc, NewDocument) and not doc.text_stored:
            text = "\n".join(doc.pieces)
            bulk.set_document_text(self.session, doc.id, text, content_hash(text))
        self.doc = None

    # -- sentences -----------------------------------------------------------------------------
    def position(self, doc: Intake, record: SentenceRecord) -> int:
        """The sentence's position in its document (given, else the next); each is given once."""
        position = record.position if record.position is not None else doc.next_position
        if position in doc.positions:
            raise self.fail(record.line, f"sentence {position} of document {doc.name!r} appears twice")
        doc.positions.add(position)
        doc.next_position = position + 1
        return position

    def sentence(self, doc: Document, record: SentenceRecord) -> None:
        """Take one sentence of ``doc``, and write a batch once enough are waiting."""
        match doc:
            case IdenticalDocument():
                return
            case NewDocument():
                position = self.position(doc, record)
                start = record.start if doc.full_text is not None and record.start is not None else doc.offset
                if doc.full_text is None:
                    doc.pieces.append(record.text)
                    doc.offset += len(record.text) + 1
                doc.pending.append((position, record, start))
            case StoredDocument():
                if doc.replay is not None:
                    doc.replay.append(record)
                position = self.position(doc, record)
                known = doc.existing.get(position)
                if known is None or known.text != record.text:
                    self.mismatch(doc, record, position)
                    return
                doc.pending.append((known.id, record, known.position))
                if doc.replay is not None or doc.identical:  # written once the whole document matches
                    return
        if len(doc.pending) >= BATCH:
            self.flush(doc)

    def mismatch(self, doc: StoredDocument, record: SentenceRecord, position: int) -> None:
        """A sentence unlike the stored one: refused, or with --rename the document is read anew;
        the stored text cut into other sentences is passed over, as it always was."""
        if doc.identical:
            self.doc = IdenticalDocument(doc.id, doc.name)
            return
        if doc.replay is None:
            what = "has no sentence" if position not in doc.existing else "has another text at sentence"
            raise self.fail(
                record.line,
                f"document {doc.name!r} is already in the project and {what} {position} "
                "(use --rename to import this one as a new document)",
            )
        replay, start = doc.replay, doc.start
        self.summary.documents_reused -= 1
        self.doc = self.new_document(start, queries.free_document_name(self.session, start.name))
        for earlier in replay:
            self.feed(earlier)

    def flush(self, doc: Document, final: bool = False) -> None:
        """Write the sentences (of a new document) and layers waiting in ``doc``."""
        match doc:
            case IdenticalDocument():
                return
            case NewDocument():
                self.write_document(doc, final)
                if not doc.pending:
                    return
                pending, doc.pending = doc.pending, []
                ids = self.insert_sentences(doc, pending)
                pairs = [(sid, record) for sid, (_, record, _) in zip(ids, pending, strict=True)]
            case StoredDocument():
                if not doc.pending:
                    return
                pending, doc.pending = doc.pending, []
                pairs = [(sid, record) for sid, record, _ in pending]
        self.layers.insert(doc, pairs)

    def insert_sentences(self, doc: NewDocument, pending: list[tuple[int, SentenceRecord, int]]) -> list[int]:
        """Write a new document's sentences and tokens; their ids, in order."""
        rows = []
        tokens = 0
        for position, r, start in pending:
            if not r.tokens:
                raise self.fail(r.line, "a sentence without tokens")
            starts, ends = token_offsets(r.tokens)
            rows.append((doc.id, position, r.paragraph, start, start + len(r.text), r.text, starts, ends))
            tokens += len(starts)
        ids = self.store(pending[0][1].line, bulk.insert_sentences, rows)
        self.summary.sentences += len(rows)
        self.summary.tokens += tokens
        return ids

    def store(self, line: int | None, fn: Callable[..., object], rows: object) -> list[int]:
        """Run the bulk path ``fn`` on ``rows``; a refusal of the store names the file and line."""
        try:
            result = fn(self.session, rows)
        except StoreError as exc:
            raise self.fail(line, str(exc)) from None
        return result if isinstance(result, list) else []
