"""Assignment with controlled overlap, on both backends: the issue's 40 documents to three people
with two per document on a quarter of them, a second run that changes nothing, new documents
added without moving the old, moving a person's unfinished work, readiness following the
assignees' statuses, and the dynamic pool (N honoured, abandoned documents returned)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import AnnotatorError
from annotator.core.workload import imbalance
from annotator.services import assignment, progress
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, edits, queries
from annotator.store import assignments as rows
from annotator.store.tables import Assignment, utcnow

pytestmark = pytest.mark.timeout(180)
PEOPLE = ["Айгерім", "Данияр", "Сәуле"]


def corpus(project: Project, where: Path, documents: int, first: int = 0) -> None:
    """``documents`` documents of 3 to 12 sentences each (a fixed pattern), named d000, d001, ..."""
    lines = []
    for d in range(first, first + documents):
        for s in range(3 + (d * 7) % 10):
            lines.append(json.dumps({"document": f"d{d:03}", "text": f"Бұл {d} құжаттың {s} сөйлемі."}))
    path = where / f"corpus{first}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_paths(project, [path], ImportOptions())


def people(project: Project, names: list[str] = PEOPLE) -> dict[str, int]:
    """Add annotators; their ids by name."""
    with project.transaction() as s:
        return {n: queries.ensure_annotator(s, n).id for n in names}


def stored(project: Project) -> set[tuple[int, int]]:
    """Every assignment as ``(document_id, annotator_id)``."""
    with project.reading() as s:
        return {(d, a) for d, who in rows.assignees_by_document(s).items() for a in who}


def loads(project: Project) -> dict[int, int]:
    """Sentences assigned per person."""
    with project.reading() as s:
        sizes = {d: n for d, _name, n in rows.document_sizes(s)}
        out: Counter[int] = Counter()
        for d, who in rows.assignees_by_document(s).items():
            for a in who:
                out[a] += sizes[d]
    return dict(out)


def test_forty_documents_ten_to_two_people_thirty_to_one_balanced_and_a_rerun_changes_nothing(
    project: Project, tmp_path: Path
) -> None:
    corpus(project, tmp_path, 40)
    ids = people(project)
    done = assignment.assign(project, PEOPLE, per_document=2, overlap=0.25, seed=3)
    assert (done.documents, done.overlapping) == (40, 10)
    with project.reading() as s:
        counts = Counter(len(who) for who in rows.assignees_by_document(s).values())
    assert counts == {2: 10, 1: 30}
    assert set(loads(project)) == set(ids.values())
    assert imbalance(loads(project)) <= 0.15
    before = stored(project)
    again = assignment.assign(project, PEOPLE, per_document=2, overlap=0.25, seed=3)
    assert again.documents == 0
    assert stored(project) == before
    corpus(project, tmp_path, 10, first=40)  # ten new documents: the old assignments stay
    more = assignment.assign(project, PEOPLE, per_document=2, overlap=0.25, seed=3)
    assert (more.documents, more.overlapping) == (10, 3)  # 0.25 × 10 = 2.5, rounded half up
    after = stored(project)
    assert before < after
    with project.reading() as s:
        counts = Counter(len(who) for who in rows.assignees_by_document(s).values())
    assert sum(counts.values()) == 50 and counts[2] == 13
    assert imbalance(loads(project)) <= 0.15


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(tmp_path: Path) -> None:
    from annotator.core.schema import default_schema_path, load_schema
    from annotator.store import open_project

    plans = []
    for i, seed in enumerate((5, 5, 6)):
        proj, _ = open_project(
            str(tmp_path / f"p{i}.sqlite"), create=True, schema=load_schema(default_schema_path())
        )
        (tmp_path / str(i)).mkdir()
        corpus(proj, tmp_path / str(i), 40)
        people(proj)
        assignment.assign(proj, PEOPLE, per_document=2, overlap=0.25, seed=seed)
        with proj.reading() as s:
            plans.append(sorted(rows.assignment_rows(s)))
        proj.close()
    assert plans[0] == plans[1]
    assert plans[0] != plans[2]


def test_requests_no_plan_can_meet_are_refused_and_change_nothing(project: Project, tmp_path: Path) -> None:
    corpus(project, tmp_path, 4)
    people(project)
    bad = {
        "four per document for three people": dict(to=PEOPLE, per_document=4),
        "overlap without N": dict(to=PEOPLE, overlap=0.5),
        "overlap above one": dict(to=PEOPLE, per_document=2, overlap=1.5),
        "someone unknown": dict(to=["Нұрлан"]),
        "a name twice": dict(to=["Данияр", "Данияр"]),
    }
    for what, kwargs in bad.items():
        with pytest.raises(AnnotatorError):
            assignment.assign(project, **kwargs)  # type: ignore[arg-type]
        assert stored(project) == set(), what


def _done(project: Project, person: int, document_id: int, upto: int | None = None) -> None:
    """Mark a person's sentences of a document done (the first ``upto`` of them, else all)."""
    project.act_as(person)
    with project.transaction() as s:
        for sentence in queries.document_sentences(s, document_id)[:upto]:
            edits.set_status(s, sentence.id, person, "done")


def test_ready_follows_every_assignees_statuses(project: Project, tmp_path: Path) -> None:
    corpus(project, tmp_path, 4)
    ids = people(project)
    assignment.assign(project, PEOPLE, per_document=2, overlap=1.0, seed=1)
    with project.reading() as s:
        doc, who = sorted(rows.assignees_by_document(s).items())[0]
    a, b = sorted(who)
    names = {v: k for k, v in ids.items()}

    def ready() -> bool:
        report = progress.progress_report(project)
        assert report["documents"]["d000"]["assignees"] == sorted([names[a], names[b]])
        return bool(report["documents"]["d000"]["ready"])

    assert not ready()
    _done(project, a, doc)
    assert not ready()  # one of two assignees
    _done(project, b, doc, upto=1)
    assert not ready()  # the second has one sentence done
    _done(project, b, doc)
    assert ready()
    report = progress.progress_report(project)
    assert report["people"][names[a]]["done"] == 3  # d000 has three sentences
    assert set(report["people"][names[a]]) >= {
        "assigned_documents",
        "assigned_sentences",
        "done",
        "active_seconds",
    }


def test_a_persons_unfinished_documents_move_to_others_and_finished_ones_stay(
    project: Project, tmp_path: Path
) -> None:
    corpus(project, tmp_path, 9)
    ids = people(project)
    assignment.assign(project, PEOPLE, seed=2)
    with project.reading() as s:
        hers = sorted(rows.assigned_document_ids(s, ids["Айгерім"]))
    assert len(hers) >= 2
    _done(project, ids["Айгерім"], hers[0])
    moved = assignment.move_unfinished(project, "Айгерім", ["Данияр", "Сәуле"])
    assert moved.moved == len(hers) - 1
    with project.reading() as s:
        assert rows.assigned_document_ids(s, ids["Айгерім"]) == {hers[0]}
        by_doc = rows.assignees_by_document(s)
    for doc in hers[1:]:
        assert len(by_doc[doc]) == 1 and by_doc[doc] <= {ids["Данияр"], ids["Сәуле"]}
    with pytest.raises(AnnotatorError, match="whose documents"):
        assignment.move_unfinished(project, "Айгерім", ["Айгерім"])


def test_the_pool_serves_documents_short_of_n_people_and_takes_back_abandoned_ones(
    project: Project, tmp_path: Path
) -> None:
    corpus(project, tmp_path, 2)
    ids = people(project)
    assignment.set_dynamic(project, True, per_document=2, abandon_minutes=30)
    first = assignment.serve_next(project, ids["Айгерім"])
    assert first is not None
    assert assignment.serve_next(project, ids["Айгерім"]) == first  # unfinished: the same again
    assert assignment.serve_next(project, ids["Данияр"]) == first  # one short of two people
    third = assignment.serve_next(project, ids["Сәуле"])
    assert third is not None and third != first  # the first has its two
    _done(project, ids["Айгерім"], first)
    second = assignment.serve_next(project, ids["Айгерім"], finished=first)
    assert second == third
    with project.reading() as s:
        assert rows.assignees_by_document(s)[third] == {ids["Сәуле"], ids["Айгерім"]}
    assert assignment.serve_next(project, ids["Данияр"]) == first  # still his, unfinished
    # Сәуле took the second document and left it an hour ago: it goes back to the pool.
    with project.transaction() as s:
        s.query(Assignment).filter_by(annotator_id=ids["Сәуле"]).update(
            {"touched_at": utcnow() - timedelta(minutes=60)}
        )
        s.query(Assignment).filter_by(annotator_id=ids["Данияр"]).update(
            {"touched_at": utcnow() - timedelta(minutes=60)}
        )
    _done(project, ids["Данияр"], first)
    taken = assignment.serve_next(project, ids["Данияр"], finished=first)
    assert taken == third  # Сәуле's abandoned place is his now
    with project.reading() as s:
        by_doc = rows.assignees_by_document(s)
    assert by_doc[third] == {ids["Айгерім"], ids["Данияр"]}
    assert ids["Данияр"] in by_doc[first]  # finished: never abandoned, however old


def test_a_document_its_taker_marked_done_is_never_returned_to_the_pool(
    project: Project, tmp_path: Path
) -> None:
    """The last document of the day: the annotator marks every sentence done and closes the
    window, so no serve_next(finished=...) ever records it finished. It is not abandoned: a
    window asking the next morning must not hand it to someone else."""
    corpus(project, tmp_path, 2)
    ids = people(project)
    assignment.set_dynamic(project, True, per_document=1, abandon_minutes=30)
    taken = assignment.serve_next(project, ids["Айгерім"])
    assert taken is not None
    _done(project, ids["Айгерім"], taken)  # all of it done; the window is closed
    with project.transaction() as s:  # a night later
        s.query(Assignment).filter_by(annotator_id=ids["Айгерім"]).update(
            {"touched_at": utcnow() - timedelta(hours=14)}
        )
    other = assignment.serve_next(project, ids["Данияр"])
    assert other is not None and other != taken
    with project.reading() as s:
        assert rows.assignees_by_document(s)[taken] == {ids["Айгерім"]}
        assert taken in rows.ready_documents(s)


def test_an_assignee_name_longer_than_a_name_may_be_is_refused_with_its_line(
    project: Project, tmp_path: Path
) -> None:
    from annotator.core.errors import InputError

    path = tmp_path / "long.jsonl"
    lines = [{"document": "x", "text": "Бір."}, {"document": "x", "assignees": ["x" * 300]}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    with pytest.raises(InputError, match=r":2: the annotator name .* is 300 characters long"):
        import_paths(project, [path], ImportOptions())
    with project.reading() as s:
        assert queries.find_document(s, "x") is None


@pytest.mark.parametrize("per", ["sentence", "document"])
def test_assignments_of_a_document_imported_under_a_new_name_follow_it(
    project: Project, tmp_path: Path, per: str
) -> None:
    """--rename imports a different document of a taken name as name-2; its assignment line (or
    key) names it as the file does and must go with it, not end the import."""
    people(project)
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"document": "x", "text": "Бір."}) + "\n", "utf-8")
    import_paths(project, [first], ImportOptions())
    other = tmp_path / "other.jsonl"
    if per == "sentence":
        lines = [{"document": "x", "text": "Екі."}, {"document": "x", "assignees": ["Данияр"]}]
    else:
        text = "Екі."
        sentence = {"start": 0, "end": len(text), "status": "todo"}
        lines = [{"document": "x", "text": text, "sentences": [sentence], "assignees": ["Данияр"]}]
    other.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), "utf-8")
    import_paths(project, [other], ImportOptions(rename=True))
    report = progress.progress_report(project)["documents"]
    assert report["x"]["assignees"] == []
    assert report["x-2"]["assignees"] == ["Данияр"]


def test_the_plan_does_not_depend_on_the_order_people_are_named_in(project: Project, tmp_path: Path) -> None:
    """--to A,B,C and --to C,B,A with the same seed are the same request: the same plan."""
    corpus(project, tmp_path, 12)
    people(project)
    plans = []
    for order in (PEOPLE, PEOPLE[::-1]):
        assignment.assign(project, order, per_document=2, overlap=0.5, seed=4)
        with project.reading() as s:
            plans.append(rows.assignment_rows(s))
        with project.transaction() as s:
            s.query(Assignment).delete()
    assert plans[0] == plans[1]


def test_on_postgresql_pool_rows_carry_the_servers_time_not_a_late_windows(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The release policy compares with the server's now(): a window whose clock is two hours
    behind must not stamp its document as left two hours ago (someone else would take it)."""
    if project.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one clock: the machine's")
    corpus(project, tmp_path, 2)
    ids = people(project)
    assignment.set_dynamic(project, True, per_document=1, abandon_minutes=30)
    real = rows.utcnow
    monkeypatch.setattr(rows, "utcnow", lambda: real() - timedelta(hours=2))
    taken = assignment.serve_next(project, ids["Айгерім"])
    assert taken is not None
    assert assignment.serve_next(project, ids["Данияр"]) != taken  # not released as abandoned
    with project.reading() as s:
        age = s.scalar(
            text("SELECT extract(epoch FROM now() - touched_at) FROM assignments WHERE annotator_id = :a"),
            {"a": ids["Айгерім"]},
        )
    assert abs(float(age)) < 600
