"""Corrections of tokens and sentences keep every person's layer consistent, and undo and redo
bring back exactly the rows there were (ids included), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from annotator.core.errors import StoreError
from annotator.core.suggestions import Suggestion
from annotator.services import commands as c
from annotator.services.annotate import Navigator, load_sentence
from annotator.services.commands.corrections import (
    Correction,
    MergeSentences,
    MergeTokens,
    SplitSentence,
    SplitToken,
)
from annotator.services.importing import import_paths
from annotator.store import Project, active_time, queries
from tests.conftest import dump

pytestmark = pytest.mark.timeout(120)

FIRST = "Қазақстан Республикасы Астанада, жиналыс өтті. Президент сөз сөйледі."
# tokens: 0 Қазақстан 1 Республикасы 2 Астанада 3 , 4 жиналыс 5 өтті 6 . 7 Президент 8 сөз 9 сөйледі 10 .
SECOND = "Жиналысқа мыңдаған адам келді."


@dataclass
class Corpus:
    project: Project
    first: int
    second: int
    aida: int
    bob: int
    boss: int
    ids: dict[str, int]


def _as(project: Project, person: int, *commands: c.Command) -> None:
    project.act_as(person)
    for command in commands:
        command.apply(project)


@pytest.fixture
def corpus(project: Project, tmp_path: Path) -> Corpus:
    """Two sentences; aida's entities, an event with an argument, stance with a holder and statuses;
    bob's entity and a flag; a reviewer, boss."""
    path = tmp_path / "news.txt"
    path.write_text(f"{FIRST}\n{SECOND}\n", encoding="utf-8")
    import_paths(project, [path])
    with project.transaction() as s:
        aida = queries.ensure_annotator(s, "aida").id
        bob = queries.ensure_annotator(s, "bob").id
        boss = queries.add_annotator(s, "boss", "reviewer").id
    first, second = Navigator(project).sentences(Navigator(project).documents[0])
    gpe = c.AddEntity(first, aida, 0, 2, "GPE")
    place = c.AddEntity(first, aida, 2, 3, "LOCATION")
    president = c.AddEntity(first, aida, 7, 8, "PERSON")
    meet = c.AddEvent(first, aida, 4, 5, "Contact.Meet")
    _as(project, aida, gpe, place, president, meet)
    assert place.entity_id and president.entity_id and meet.event_id and gpe.entity_id
    _as(
        project,
        aida,
        c.AddArgument(first, meet.event_id, "Place", place.entity_id),
        c.SetAttribute(first, meet.event_id, "polarity", "negative"),
        c.SetSentenceStance(first, aida, "eu", "favor", president.entity_id),
        c.SetStatus(first, aida, "done", "ok"),
        c.SetSentenceStance(second, aida, "kz-authorities", "against"),
        c.SetStatus(second, aida, "done"),
    )
    doc = load_sentence(project, first, aida).document_id
    _as(
        project,
        aida,
        c.SetDocumentStance(first, doc, aida, "kz-authorities", "favor", president.entity_id),
        c.RejectSuggestion(first, aida, Suggestion("entity", 8, 9, "PERSON", 0.4, "tagger")),  # сөз
    )
    with project.transaction() as s:
        active_time.add_seconds(s, aida, {first: 12.5, second: 3.0})
    _as(project, bob, c.AddEntity(first, bob, 2, 3, "GPE"), c.SetStatus(first, bob, "flagged", "check"))
    ids = {
        "gpe": gpe.entity_id,
        "place": place.entity_id,
        "president": president.entity_id,
        "meet": meet.event_id,
    }
    return Corpus(project, first, second, aida, bob, boss, ids)


def round_trip(project: Project, command: Correction) -> tuple[dict, dict]:
    """Apply, undo, redo: undo brings back every row as it was, redo every row as the correction left it."""
    before = dump(project)
    command.apply(project)
    after = dump(project)
    assert after != before
    command.revert(project)
    assert dump(project) == before
    command.apply(project)
    assert dump(project) == after
    return before, after


def spans(project: Project, sentence_id: int, person: int) -> list[tuple[int, int, str]]:
    view = load_sentence(project, sentence_id, person)
    return [(e.token_start, e.token_end, e.label) for e in view.entities]


def test_split_token_grows_every_persons_span_over_both_parts(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    round_trip(p, SplitToken(corpus.first, token=2, at=6))  # Астанада → Астана | да
    view = load_sentence(p, corpus.first, corpus.aida)
    assert view.token_text(2, 3) == "Астана" and view.token_text(3, 4) == "да"
    assert spans(p, corpus.first, corpus.aida) == [(0, 2, "GPE"), (2, 4, "LOCATION"), (8, 9, "PERSON")]
    assert spans(p, corpus.first, corpus.bob) == [(2, 4, "GPE")]
    (meet,) = view.events
    assert (meet.token_start, meet.token_end, meet.attributes["polarity"]) == (5, 6, "negative")
    assert [(a.role, a.entity_id) for a in meet.arguments] == [("Place", corpus.ids["place"])]
    assert view.stance == {"eu": ("favor", corpus.ids["president"])}


def test_merge_tokens_grows_spans_that_end_between_them(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    round_trip(p, MergeTokens(corpus.first, token=2))  # Астанада + , → Астанада,
    view = load_sentence(p, corpus.first, corpus.aida)
    assert view.token_text(2, 3) == "Астанада,"
    assert spans(p, corpus.first, corpus.aida) == [(0, 2, "GPE"), (2, 3, "LOCATION"), (6, 7, "PERSON")]
    assert spans(p, corpus.first, corpus.bob) == [(2, 3, "GPE")]


def test_merge_tokens_with_space_between_is_refused_and_changes_nothing(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    before = dump(p)
    with pytest.raises(StoreError, match="white space is between them"):
        MergeTokens(corpus.first, token=0).apply(p)
    assert dump(p) == before


def test_split_sentence_moves_spans_stance_and_statuses_to_the_new_sentence(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    command = SplitSentence(corpus.first, token=7)
    round_trip(p, command)
    doc = Navigator(p).documents[0]
    first, new, second = Navigator(p).sentences(doc)
    assert (first, second) == (corpus.first, corpus.second)
    a, b = load_sentence(p, first, corpus.aida), load_sentence(p, new, corpus.aida)
    assert a.text == "Қазақстан Республикасы Астанада, жиналыс өтті."
    assert b.text == "Президент сөз сөйледі."
    assert spans(p, first, corpus.aida) == [(0, 2, "GPE"), (2, 3, "LOCATION")]
    assert b.entities[0].id == corpus.ids["president"] and spans(p, new, corpus.aida) == [(0, 1, "PERSON")]
    assert b.stance == {"eu": ("favor", corpus.ids["president"])} and a.stance == {}
    assert (a.status, a.comment, b.status, b.comment) == ("done", "ok", "done", "ok")
    assert load_sentence(p, new, corpus.bob).status == "flagged"
    assert [e.id for e in a.events] == [corpus.ids["meet"]]
    assert b.document_stance == {"kz-authorities": ("favor", corpus.ids["president"])}  # its holder moved
    with p.reading() as s:
        verdicts = s.execute(text("SELECT sentence_id, token_start FROM suggestion_feedback")).all()
        seconds = dict(s.execute(text("SELECT sentence_id, seconds FROM active_time")).all())
    assert [tuple(v) for v in verdicts] == [(new, 1)]  # the rejected 'сөз' moved with its tokens
    assert seconds == {first: 12.5, second: 3.0}  # active time stays with the first part
    command.revert(p)  # the new sentence goes, and comes back with the same id
    assert Navigator(p).sentences(doc) == [corpus.first, corpus.second]
    command.apply(p)
    assert Navigator(p).sentences(doc) == [first, new, second]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        (1, "cannot split: aida's entity 'Қазақстан Республикасы' (GPE) crosses the cut"),
        (4, "cannot split: aida's event 'жиналыс' (Contact.Meet) has its Place 'Астанада' on the other side"),
    ],
)
def test_a_span_across_the_cut_blocks_the_split_naming_whose(
    corpus: Corpus, token: int, message: str
) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    before = dump(p)
    with pytest.raises(StoreError) as refused:
        SplitSentence(corpus.first, token=token).apply(p)
    assert str(refused.value).startswith(message)
    assert dump(p) == before


def test_merge_sentences_shifts_the_next_ones_rows_and_combines_statuses(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    round_trip(p, MergeSentences(corpus.first))
    doc = Navigator(p).documents[0]
    assert Navigator(p).sentences(doc) == [corpus.first]
    view = load_sentence(p, corpus.first, corpus.aida)
    assert view.text == f"{FIRST}\n{SECOND}"  # the document's own text between them
    assert view.token_text(11, 12) == "Жиналысқа"
    assert view.stance == {"eu": ("favor", corpus.ids["president"]), "kz-authorities": ("against", None)}
    assert (view.status, view.comment) == ("done", "ok")  # done in both
    bob = load_sentence(p, corpus.first, corpus.bob)
    assert (bob.status, bob.comment) == ("flagged", "check")  # flagged wins
    with p.reading() as s:
        seconds = s.execute(text("SELECT sentence_id, seconds FROM active_time")).all()
    assert [tuple(x) for x in seconds] == [(corpus.first, 15.5)]  # summed


def test_merge_sentences_with_a_different_stance_toward_one_target_is_refused(corpus: Corpus) -> None:
    p = corpus.project
    _as(p, corpus.aida, c.SetSentenceStance(corpus.second, corpus.aida, "eu", "against"))
    p.act_as(corpus.boss)
    before = dump(p)
    with pytest.raises(StoreError, match="aida's stance toward 'eu' is favor in one sentence and against"):
        MergeSentences(corpus.first).apply(p)
    assert dump(p) == before


def test_an_annotator_not_alone_on_the_document_may_not_correct_it(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.aida)
    before = dump(p)
    with pytest.raises(StoreError, match="only a reviewer may correct this document: bob annotated it too"):
        SplitToken(corpus.first, token=2, at=6).apply(p)
    assert dump(p) == before


def test_a_person_alone_on_a_document_corrects_it(corpus: Corpus) -> None:
    p = corpus.project
    with p.engine.begin() as conn:  # take bob's rows out: aida is alone on the document
        for table in ("entities", "sentence_status"):
            conn.execute(text(f"DELETE FROM {table} WHERE annotator_id = {corpus.bob}"))
    p.act_as(corpus.aida)
    round_trip(p, SplitSentence(corpus.first, token=7))


def test_an_undo_after_someone_changed_the_sentence_is_refused(corpus: Corpus) -> None:
    p = corpus.project
    p.act_as(corpus.boss)
    command = SplitToken(corpus.first, token=2, at=6)
    command.apply(p)
    _as(p, corpus.bob, c.AddEntity(corpus.first, corpus.bob, 0, 1, "GPE"))
    p.act_as(corpus.boss)
    with pytest.raises(StoreError, match="changed since the correction"):
        command.revert(p)


def test_active_time_saved_after_a_correction_does_not_block_its_undo_and_is_kept(corpus: Corpus) -> None:
    """The window stores its person's seconds a few seconds after each key: an undo and a redo
    of the correction still go through, and no second of work is lost on the way."""
    p = corpus.project

    def seconds() -> float:
        with p.reading() as s:
            return sum(t for (who, _), t in _times(s).items() if who == corpus.aida)

    p.act_as(corpus.boss)
    command = SplitSentence(corpus.first, token=7)
    command.apply(p)
    made = next(
        i for i in Navigator(p).sentences(Navigator(p).documents[0]) if i not in (corpus.first, corpus.second)
    )
    with p.transaction() as s:
        active_time.add_seconds(s, corpus.aida, {corpus.first: 2.0, made: 4.0})
    assert seconds() == 12.5 + 3.0 + 6.0
    command.revert(p)  # was refused: "the sentences changed since the correction"
    assert seconds() == 21.5
    with p.reading() as s:
        assert (
            _times(s)[(corpus.aida, corpus.first)] == 12.5 + 2.0 + 4.0
        )  # the second part's text is back here
    command.apply(p)
    assert seconds() == 21.5


def _times(s: object) -> dict[tuple[int, int], float]:
    rows = s.execute(text("SELECT annotator_id, sentence_id, seconds FROM active_time"))  # type: ignore[attr-defined]
    return {(int(a), int(b)): float(t) for a, b, t in rows}
