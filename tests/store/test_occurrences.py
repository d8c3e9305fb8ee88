"""Where Label all occurrences looks: never in sentences the person marked done."""

from __future__ import annotations

from annotator.services.importing import import_paths
from annotator.store import Project, edits, occurrences, queries
from tests.conftest import SEEDS


def test_candidates_leave_out_the_sentences_the_person_marked_done(project: Project) -> None:
    import_paths(project, sorted(SEEDS.glob("*.txt")))
    with project.transaction() as s:
        a = queries.ensure_annotator(s, "a").id
        b = queries.ensure_annotator(s, "b").id
    project.act_as(a)
    with project.transaction() as s:
        edits.set_status(s, 2, a, "done")
        edits.set_status(s, 3, a, "skipped")
        document = occurrences.document_of_sentence(s, 2)
    with project.reading() as s:
        corpus = [c.id for c in occurrences.candidates(s, a, None)]
        in_document = [c.id for c in occurrences.candidates(s, a, document)]
        theirs = [c.id for c in occurrences.candidates(s, b, None)]
    assert 2 not in corpus and 2 not in in_document
    assert 1 in corpus and 3 in corpus and 3 in in_document  # skipped is not done
    assert 2 in theirs  # another person's status does not count
