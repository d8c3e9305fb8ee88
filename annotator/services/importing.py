"""Import use case: stream records from files into the project in one transaction.

Either every file imports completely or the database stays exactly as it was. Sentences, tokens
and annotations go in through the store's Core bulk paths in batches, so memory does not grow
with the file (only with the largest document's text).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError, StoreError
from annotator.core.model import (
    GOLD,
    DocumentStanceRecord,
    DocumentStart,
    ImportSummary,
    Layer,
    Record,
    SentenceRecord,
    token_offsets,
)
from annotator.core.perf import collector_paused
from annotator.core.schema import Schema
from annotator.core.validate import LayerError, check_layer, check_stance, check_status
from annotator.formats import ReadOptions, detect_format, read
from annotator.formats.lines import check_readable
from annotator.services.import_layers import LayerWriter
from annotator.services.import_names import LongNames, annotator_name_problem, document_name_problem
from annotator.store import Project, Session, bulk, locks, queries
from annotator.store.access import refusal

BATCH = 2000
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    """Choices for an import; see ``annotator import --help``."""

    fmt: str = "auto"
    annotator: str | None = None
    segment: str = "lines"
    scheme: str = "auto"
    status: str = "todo"
    rename: bool = False


def content_hash(text: str) -> str:
    """SHA-256 of a document's NFC text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_paths(
    project: Project,
    paths: Sequence[str | Path],
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
) -> ImportSummary:
    """Import ``paths`` into ``project`` in one transaction and say what was done.

    Raises InputError (file, line, problem) on bad input; the database is then unchanged.
    """
    files = [Path(p) for p in paths]
    if not files:
        raise InputError(None, None, "no files to import")
    try:
        check_status(options.status)
    except LayerError as exc:
        raise InputError(None, None, str(exc)) from None
    sizes = []
    for path in files:
        check_readable(path)
        detect_format(path, options.fmt)
        sizes.append(path.stat().st_size)
    total = sum(sizes)
    summary = ImportSummary(files=[str(p) for p in files])
    with collector_paused(), project.transaction() as session:
        job = _ImportJob(session, project.schema, options, summary, strict=project.login is not None)
        done = 0
        for path, size in zip(files, sizes, strict=True):
            read_opts = ReadOptions(
                project.schema, options.annotator, options.segment, options.scheme, options.status
            )

            def file_progress(n: int, base: int = done) -> None:
                if progress is not None:
                    progress(base + n, total)

            job.run(path, read(path, options.fmt, read_opts, file_progress))
            done += size
    project.fold_log()
    return summary


@dataclass
class _Doc:
    id: int  # 0 for a new document until its row is written
    name: str
    new: bool
    full_text: str | None = None
    source: str = ""
    text_stored: bool = False
    skip_all: bool = False
    next_position: int = 0
    offset: int = 0
    pieces: list[str] = field(default_factory=list)
    positions: set[int] = field(default_factory=set)
    existing: dict[int, queries.SentenceInfo] = field(default_factory=dict)
    layer_present: dict[int, bool] = field(default_factory=dict)
    refs: dict[tuple[int, str], int] = field(default_factory=dict)
    ambiguous: set[tuple[int, str]] = field(default_factory=set)
    # (position for a new document or sentence id for a reused one, record, offset in the document)
    pending: list[tuple[int, SentenceRecord, int]] = field(default_factory=list)
    replay: list[Record] | None = None
    start: DocumentStart | None = None


class _ImportJob:
    def __init__(
        self, session: Session, schema: Schema, options: ImportOptions, summary: ImportSummary, strict: bool
    ):
        self.session = session
        # A team member on PostgreSQL imports only the layers they may write, into the team's people.
        self.strict = strict
        self.schema = schema
        self.options = options
        self.summary = summary
        self.annotators: dict[str, int] = {}
        self.doc: _Doc | None = None
        self.long_names = LongNames(schema)  # schema names too long for the database, if any
        self.path = Path()
        self.seen_layers: set[tuple[int, int]] = set()

    # -- driving -------------------------------------------------------------------------------
    def run(self, path: Path, records: Iterable[Record]) -> None:
        self.path = path
        for record in records:
            self.feed(record)
        self.finish()

    def feed(self, record: Record) -> None:
        if isinstance(record, DocumentStart):
            self.finish()
            self.begin(record)
        elif isinstance(record, SentenceRecord):
            if self.doc is None:  # pragma: no cover - readers always start a document first
                raise InputError(self.path, record.line, "a sentence outside any document")
            if self.doc.replay is not None:
                self.doc.replay.append(record)
            self.sentence(self.doc, record)
        else:
            self.document_stance(record)

    def fail(self, line: int | None, message: str) -> InputError:
        return InputError(self.path, line, message)

    # -- documents -----------------------------------------------------------------------------
    def begin(self, start: DocumentStart) -> None:
        if (problem := document_name_problem(start.name)) is not None:  # before any query names it
            raise self.fail(start.line, problem)
        # Another import of this document waits here until this one commits, then finds it (and
        # its layers) stored: on PostgreSQL nothing else would stop both adding it.
        locks.lock_document_name(self.session, start.name)
        found = queries.find_document(self.session, start.name)
        if found is None:
            self.doc = self.new_document(start, start.name)
            return
        doc_id, stored_hash = found
        if start.text is not None:
            if content_hash(start.text) == stored_hash:
                self.summary.documents_reused += 1
                self.doc = _Doc(doc_id, start.name, new=False, skip_all=True)
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
        self.doc = _Doc(doc_id, start.name, new=False, existing=existing, start=start)
        if self.options.rename:
            self.doc.replay = []

    def new_document(self, start: DocumentStart, name: str) -> _Doc:
        if name != start.name and (problem := document_name_problem(name)) is not None:
            raise self.fail(start.line, f"{problem} (the new name for --rename)")
        self.summary.documents_added += 1
        return _Doc(0, name, new=True, full_text=start.text, source=start.source)

    def write_document(self, doc: _Doc, final: bool) -> None:
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
        doc = self.doc
        if doc is None:
            return
        self.flush(doc, final=True)  # writes a new document's row, even one without sentences
        if doc.new and not doc.text_stored:
            text = "\n".join(doc.pieces)
            bulk.set_document_text(self.session, doc.id, text, content_hash(text))
        self.doc = None

    # -- sentences -----------------------------------------------------------------------------
    def position(self, doc: _Doc, record: SentenceRecord) -> int:
        position = record.index if record.index is not None else doc.next_position
        if position in doc.positions:
            raise self.fail(record.line, f"sentence {position} of document {doc.name!r} appears twice")
        doc.positions.add(position)
        doc.next_position = position + 1
        return position

    def sentence(self, doc: _Doc, record: SentenceRecord) -> None:
        if doc.skip_all:
            return
        position = self.position(doc, record)
        if doc.new:
            start = record.start if doc.full_text is not None and record.start is not None else doc.offset
            if doc.full_text is None:
                doc.pieces.append(record.text)
                doc.offset += len(record.text) + 1
            doc.pending.append((position, record, start))
        else:
            known = doc.existing.get(position)
            if known is None or known.text != record.text:
                self.mismatch(doc, record, position)
                return
            doc.pending.append((known.id, record, known.position))
        if len(doc.pending) >= BATCH and doc.replay is None:
            self.flush(doc)

    def mismatch(self, doc: _Doc, record: SentenceRecord, position: int) -> None:
        if doc.replay is None or doc.start is None:
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

    def flush(self, doc: _Doc, final: bool = False) -> None:
        if doc.new:
            self.write_document(doc, final)
        if not doc.pending:
            return
        pending, doc.pending = doc.pending, []
        if doc.new:
            ids = self.insert_sentences(doc, pending)
            pairs = [(sid, record) for sid, (_, record, _) in zip(ids, pending, strict=True)]
        else:
            pairs = [(sid, record) for sid, record, _ in pending]
        self.insert_layers(doc, pairs)

    def insert_sentences(self, doc: _Doc, pending: list[tuple[int, SentenceRecord, int]]) -> list[int]:
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
        try:
            result = fn(self.session, rows)
        except StoreError as exc:
            raise self.fail(line, str(exc)) from None
        return result if isinstance(result, list) else []

    # -- annotation layers ---------------------------------------------------------------------
    def annotator_id(self, name: str, line: int | None) -> int:
        if name not in self.annotators:
            if (problem := annotator_name_problem(name)) is not None:
                raise self.fail(line, problem)
            try:
                info = self.person(name)
            except StoreError as exc:
                raise self.fail(line, str(exc)) from None
            if self.strict and (reason := refusal(self.session, info.id)) is not None:
                raise self.fail(line, reason)
            if info.role == GOLD and refusal(self.session, info.id) is not None:
                raise self.fail(line, "only a reviewer imports the gold layer (name one with --as REVIEWER)")
            self.annotators[name] = info.id
        return self.annotators[name]

    def person(self, name: str) -> queries.AnnotatorInfo:
        if not self.strict:
            return queries.ensure_annotator(self.session, name)
        found = queries.find_annotator(self.session, name.strip())
        if found is None:
            raise StoreError(f"there is nobody named {name.strip()!r} in the team (a manager adds people)")
        return found

    def accepts(self, doc: _Doc, annotator_id: int) -> bool:
        """Layers of an annotator who already worked on a reused document are left as they were."""
        if doc.new:
            return True
        if annotator_id not in doc.layer_present:
            # A window of this person editing the document is waited for, then seen here.
            locks.lock_sentence_layers(self.session, annotator_id, [s.id for s in doc.existing.values()])
            present = queries.layer_in_document(self.session, doc.id, annotator_id)
            doc.layer_present[annotator_id] = present
            if present:
                self.summary.skipped_layers += 1
        return not doc.layer_present[annotator_id]

    def insert_layers(self, doc: _Doc, pairs: Sequence[tuple[int, SentenceRecord]]) -> None:
        work: list[tuple[int, int, SentenceRecord, Layer]] = []
        for sid, record in pairs:
            for layer in record.layers:
                try:
                    check_layer(self.schema, layer, len(record.tokens))
                except LayerError as exc:
                    raise self.fail(record.line, str(exc)) from None
                if self.long_names and (problem := self.long_names.in_layer(layer)) is not None:
                    raise self.fail(record.line, problem)
                aid = self.annotator_id(layer.annotator, record.line)
                if not self.accepts(doc, aid):
                    continue
                if (sid, aid) in self.seen_layers:
                    raise self.fail(
                        record.line, f"the sentence is given twice for annotator {layer.annotator!r}"
                    )
                self.seen_layers.add((sid, aid))
                work.append((sid, aid, record, layer))
        if work:
            LayerWriter(self, doc, work).write()

    def document_stance(self, record: DocumentStanceRecord) -> None:
        doc = self.doc
        if doc is None or doc.name != record.document:
            raise self.fail(record.line, f"document stance for {record.document!r} must follow its sentences")
        self.flush(doc)
        aid = self.annotator_id(record.annotator, record.line)
        if not self.accepts(doc, aid) or doc.skip_all:
            return
        rows = []
        for st in record.stance:
            try:
                check_stance(self.schema, st.target, st.label, "document")
            except LayerError as exc:
                raise self.fail(record.line, str(exc)) from None
            holder = None
            if st.holder is not None:
                key = (aid, st.holder)
                if key in doc.ambiguous or key not in doc.refs:
                    problem = "is ambiguous" if key in doc.ambiguous else "is not an entity of this document"
                    raise self.fail(record.line, f"document stance holder {st.holder!r} {problem}")
                holder = doc.refs[key]
            rows.append((doc.id, aid, st.target, st.label, holder))
        if self.long_names and (too_long := self.long_names.in_stance(record.stance)) is not None:
            raise self.fail(record.line, too_long)
        if len({r[2] for r in rows}) != len(rows):
            raise self.fail(record.line, "document stance toward one target is given twice")
        self.store(record.line, bulk.insert_document_stance, rows)
        self.summary.stance += len(rows)
