"""Writing a batch of imported layers: entities first (their ids feed arguments and holders), then
events, their attributes and arguments, sentence stance and statuses, through the bulk paths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.model import Layer, SentenceRecord
from annotator.store import bulk

if TYPE_CHECKING:
    from annotator.services.importing import _Doc, _ImportJob


class LayerWriter:
    """Writes a batch of layers: entities first (their ids feed arguments and holders), then the rest."""

    def __init__(self, job: _ImportJob, doc: _Doc, work: list[tuple[int, int, SentenceRecord, Layer]]):
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
        job.store(line, bulk.insert_event_attributes, attributes)
        job.store(line, bulk.insert_event_arguments, arguments)
        job.store(line, bulk.insert_sentence_stance, stance)
        job.store(line, bulk.insert_statuses, statuses)
        job.summary.entities += len(entity_rows)
        job.summary.events += len(event_rows)
        job.summary.stance += len(stance)
