"""The annotation layers of an import: whose they are, whether they are taken, and writing them.

A layer names its annotator, who must be fit to hold it (a team member on PostgreSQL imports only
the layers they may write; only a reviewer imports the gold layer). A stored document keeps the
layers of annotators who already worked on it as they were. A batch of layers is written
entities first (their ids feed arguments and holders), then events, their attributes and
arguments, sentence stance and statuses, through the bulk paths; then the annotators' active
seconds, added to what they have (the gold layer records none: its seconds are passed over).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.errors import StoreError
from annotator.core.model import GOLD, DocumentStanceRecord, Layer, SentenceRecord
from annotator.core.validate import LayerError, check_layer, check_stance
from annotator.services.importing.documents import (
    Document,
    IdenticalDocument,
    Intake,
    NewDocument,
    StoredDocument,
)
from annotator.services.importing.names import LongNames, annotator_name_problem
from annotator.store import active_time, bulk, locks, queries
from annotator.store.access import refusal

if TYPE_CHECKING:
    from annotator.services.importing.job import ImportJob


class LayerIntake:
    """The layers of one import job: the annotators they name, and which were taken already."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.annotators: dict[str, int] = {}
        self.long_names = LongNames(job.schema)  # schema names too long for the database, if any
        # (sentence id, annotator id) of the stored sentences given layers so far: a stored sentence
        # may come again (a document given twice). A new document's sentences have ids of their
        # own, so theirs are checked within a batch only: the set never grows with a new corpus.
        self.seen_layers: set[tuple[int, int]] = set()
        self.assignees: dict[str, int] = {}  # people named by assignment lines, by name

    def annotator_id(self, name: str, line: int | None) -> int:
        """The id of the annotator ``name``, checked once per import (made unless in a team)."""
        job = self.job
        if name not in self.annotators:
            if (problem := annotator_name_problem(name)) is not None:
                raise job.fail(line, problem)
            try:
                info = self.person(name)
            except StoreError as exc:
                raise job.fail(line, str(exc)) from None
            if job.strict and (reason := refusal(job.session, info.id)) is not None:
                raise job.fail(line, reason)
            if info.role == GOLD and refusal(job.session, info.id) is not None:
                raise job.fail(line, "only a reviewer imports the gold layer (name one with --as REVIEWER)")
            self.annotators[name] = info.id
        return self.annotators[name]

    def person_id(self, name: str, line: int | None) -> int:
        """The id of the person ``name`` (made unless in a team), for an assignment: a name is
        checked as an annotator's is, and looked up once per import."""
        if name not in self.assignees:
            if (problem := annotator_name_problem(name)) is not None:
                raise self.job.fail(line, problem)
            try:
                self.assignees[name] = self.person(name).id
            except StoreError as exc:
                raise self.job.fail(line, str(exc)) from None
        return self.assignees[name]

    def person(self, name: str) -> queries.AnnotatorInfo:
        """The annotator ``name``: made if need be, or in a team one the manager added."""
        if not self.job.strict:
            return queries.ensure_annotator(self.job.session, name)
        found = queries.find_annotator(self.job.session, name.strip())
        if found is None:
            raise StoreError(f"there is nobody named {name.strip()!r} in the team (a manager adds people)")
        return found

    def accepts(self, doc: Document, annotator_id: int) -> bool:
        """Layers of an annotator who already worked on a stored document are left as they were."""
        match doc:
            case NewDocument():
                return True
            case StoredDocument():
                sentence_ids = [s.id for s in doc.existing.values()]
            case IdenticalDocument():
                sentence_ids = []
        if annotator_id not in doc.layer_present:
            # A window of this person editing the document is waited for, then seen here.
            locks.lock_sentence_layers(self.job.session, annotator_id, sentence_ids)
            present = queries.layer_in_document(self.job.session, doc.id, annotator_id)
            doc.layer_present[annotator_id] = present
            if present:
                self.job.summary.skipped_layers += 1
        return not doc.layer_present[annotator_id]

    def insert(self, doc: NewDocument | StoredDocument, pairs: Sequence[tuple[int, SentenceRecord]]) -> None:
        """Check the layers of these (sentence id, record) pairs and write those taken."""
        job = self.job
        work: list[tuple[int, int, SentenceRecord, Layer]] = []
        seen = set() if isinstance(doc, NewDocument) else self.seen_layers
        for sid, record in pairs:
            for layer in record.layers:
                try:
                    check_layer(job.schema, layer, len(record.tokens))
                except LayerError as exc:
                    raise job.fail(record.line, str(exc)) from None
                if self.long_names and (problem := self.long_names.in_layer(layer)) is not None:
                    raise job.fail(record.line, problem)
                aid = self.annotator_id(layer.annotator, record.line)
                if not self.accepts(doc, aid):
                    continue
                if (sid, aid) in seen:
                    raise job.fail(
                        record.line, f"the sentence is given twice for annotator {layer.annotator!r}"
                    )
                seen.add((sid, aid))
                work.append((sid, aid, record, layer))
        if work:
            LayerWriter(job, doc, work).write()

    def document_stance(self, doc: Document, record: DocumentStanceRecord) -> None:
        """Check and write a document's stance (nothing for an identical document)."""
        job = self.job
        aid = self.annotator_id(record.annotator, record.line)
        if not self.accepts(doc, aid) or isinstance(doc, IdenticalDocument):
            return
        rows = []
        for st in record.stance:
            try:
                check_stance(job.schema, st.target, st.label, "document")
            except LayerError as exc:
                raise job.fail(record.line, str(exc)) from None
            holder = None
            if st.holder is not None:
                key = (aid, st.holder)
                if key in doc.ambiguous or key not in doc.refs:
                    problem = "is ambiguous" if key in doc.ambiguous else "is not an entity of this document"
                    raise job.fail(record.line, f"document stance holder {st.holder!r} {problem}")
                holder = doc.refs[key]
            rows.append((doc.id, aid, st.target, st.label, holder))
        if self.long_names and (too_long := self.long_names.in_stance(record.stance)) is not None:
            raise job.fail(record.line, too_long)
        if len({r[2] for r in rows}) != len(rows):
            raise job.fail(record.line, "document stance toward one target is given twice")
        job.store(record.line, bulk.insert_document_stance, rows)
        job.summary.stance += len(rows)


class LayerWriter:
    """Writes a batch of layers: entities first (their ids feed arguments and holders), then the rest."""

    def __init__(self, job: ImportJob, doc: Intake, work: list[tuple[int, int, SentenceRecord, Layer]]):
        self.job, self.doc, self.work = job, doc, work

    def write(self) -> None:
        job, line = self.job, self.work[0][2].line
        entity_rows = [
            (sid, aid, e.token_start, e.token_end - 1, len(record.tokens), e.label)
            for sid, aid, record, layer in self.work
            for e in layer.entities
        ]
        entity_ids = iter(job.store(line, bulk.insert_entities, entity_rows))
        local: list[dict[str, int]] = []
        for _, aid, _, layer in self.work:
            refs: dict[str, int] = {}
            for e in layer.entities:
                eid = next(entity_ids)
                if e.ref is not None:
                    refs[e.ref] = eid
                    key = (aid, e.ref)
                    if key in self.doc.refs:
                        self.doc.ambiguous.add(key)
                    self.doc.refs[key] = eid
            local.append(refs)
        event_rows = [
            (sid, aid, ev.token_start, ev.token_end - 1, len(record.tokens), ev.type)
            for sid, aid, record, layer in self.work
            for ev in layer.events
        ]
        event_ids = iter(job.store(line, bulk.insert_events, event_rows))
        defaults = job.schema.default_attributes()
        attributes: list[tuple[int, str, str]] = []
        arguments: list[tuple[int, int, int, str, int]] = []
        stance: list[tuple[int, int, str, str, int | None]] = []
        statuses: list[tuple[int, int, str, str]] = []
        seconds: dict[int, dict[int, float]] = {}  # annotator id → sentence id → seconds
        for (sid, aid, _, layer), refs in zip(self.work, local, strict=True):
            for ev in layer.events:
                eid = next(event_ids)
                values = {**defaults, **dict(ev.attributes)}
                attributes.extend((eid, k, v) for k, v in values.items())
                arguments.extend((eid, sid, aid, a.role, refs[a.entity]) for a in ev.arguments)
            stance.extend(
                (sid, aid, s.target, s.label, refs[s.holder] if s.holder is not None else None)
                for s in layer.stance
            )
            if layer.status != "todo" or layer.comment:
                statuses.append((sid, aid, layer.status, layer.comment))
            if layer.seconds > 0 and layer.annotator.strip() != GOLD:  # the store strips names
                seconds.setdefault(aid, {})[sid] = layer.seconds
        job.store(line, bulk.insert_event_attributes, attributes)
        job.store(line, bulk.insert_event_arguments, arguments)
        job.store(line, bulk.insert_sentence_stance, stance)
        job.store(line, bulk.insert_statuses, statuses)
        for aid, spent in seconds.items():
            job.store(line, lambda s, rows, aid=aid: active_time.add_seconds(s, aid, rows), spent)
        job.summary.entities += len(entity_rows)
        job.summary.events += len(event_rows)
        job.summary.stance += len(stance)
