"""The JSONL export meets the real Hugging Face ``datasets``: ``load_dataset("json", data_files=...)``
loads every sentence of a file over its 10 MB chunk, ``ner_tags`` cast to ``ClassLabel`` from the
export's label list, and a file that ``Dataset.to_json`` wrote imports with exactly its entities.

Nothing touches the network or the user's cache: ``HF_DATASETS_OFFLINE`` is set and every cache is
under the test's temporary folder.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.schema import default_schema_path, load_schema
from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.store import Project, open_project
from tests.benchmarks.synth import sentence, write_conll
from tests.conftest import FIXTURES

KAZNERD_VALID = Path(__file__).resolve().parents[3] / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
CHUNK = 10 << 20  # how much datasets reads to infer the types


@pytest.fixture
def hf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The ``datasets`` package, offline, with its caches in the test's temporary folder."""
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    datasets = pytest.importorskip(
        "datasets", reason="the test extra installs datasets (pip install -e .[test])"
    )
    datasets.disable_progress_bars()
    yield datasets


def load(hf: Any, path: Path, tmp_path: Path) -> Any:
    """``load_dataset("json", data_files=path)``'s train split, cached under ``tmp_path``."""
    return hf.load_dataset("json", data_files=str(path), split="train", cache_dir=str(tmp_path / "hf-cache"))


def new_project(path: Path) -> Project:
    """A new SQLite project with the default schema."""
    return open_project(str(path), create=True, schema=load_schema(default_schema_path()))[0]


def entity_count(path: Path) -> int:
    """Entities in a JSONL export (every ``B-`` tag of ``ner_tags``)."""
    with path.open(encoding="utf-8") as handle:
        return sum(t.startswith("B-") for line in handle for t in json.loads(line)["ner_tags"])


def big_jsonl(path: Path, sentences: int, late: dict[str, Any] | None = None) -> tuple[int, int]:
    """Synthetic sentence lines (one comment, on the last sentence) and, after the last document's
    sentences, its document stance; returns the sentences and entities written. ``late`` (a
    sentence line) is written as the last sentence instead."""
    rng = random.Random(3)
    entities = 0
    schema = load_schema(default_schema_path())
    with path.open("w", encoding="utf-8") as out:
        for i in range(sentences):
            rows = sentence(rng, [lab.name for lab in schema.labels])
            obj: dict[str, Any] = {
                "document": f"d{i // 200:03d}",
                "tokens": [tok for tok, _ in rows],  # as cut: text would be cut by the tokenizer
                "annotator": "a",
                "status": "done",
                "ner_tags": [tag for _, tag in rows],
            }
            if i == sentences - 1:
                obj["comment"] = "кеш түсініктеме"
                if late is not None:
                    obj = {**late, "document": obj["document"], "annotator": "a", "status": "done"}
                    del obj["sentence"]
                    rows = [("", tag) for tag in late["ner_tags"]]
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            entities += sum(tag.startswith("B-") for _, tag in rows)
        stance = {"target": schema.targets[0].name, "label": schema.stance_labels[0]}
        last = {"document": f"d{(sentences - 1) // 200:03d}", "annotator": "a", "document_stance": [stance]}
        out.write(json.dumps(last, ensure_ascii=False) + "\n")
    return sentences, entities


@pytest.mark.slow
def test_an_export_over_10_mb_with_a_late_comment_and_document_stance_loads_whole(
    hf: Any, tmp_path: Path
) -> None:
    project = new_project(tmp_path / "p.sqlite")
    n, entities = big_jsonl(tmp_path / "in.jsonl", 11_000)
    import_paths(project, [tmp_path / "in.jsonl"])
    target = tmp_path / "x.jsonl"
    export_layer(project, ExportOptions(fmt="jsonl", annotator="a", out=str(target)))
    project.close()
    size = target.stat().st_size
    assert size > CHUNK, f"the export is {size} bytes: it must be over datasets' first chunk"
    with target.open("rb") as handle:
        handle.seek(CHUNK)
        assert "comment" not in handle.readline().decode()  # the comment is past the first chunk
    assert "document_stance" not in target.read_text(encoding="utf-8")

    ds = load(hf, target, tmp_path)
    assert len(ds) == n
    assert ds[n - 1]["comment"] == "кеш түсініктеме" and ds[0]["comment"] == ""
    names = json.loads((tmp_path / "x.labels.json").read_text(encoding="utf-8"))
    cast = ds.cast_column("ner_tags", hf.Sequence(hf.ClassLabel(names=names)))
    first = cast[0]
    assert [names[t] for t in first["ner_tags"]] == ds[0]["ner_tags"]
    assert sum(names[t].startswith("B-") for row in cast["ner_tags"] for t in row) == entities

    documents = load(hf, tmp_path / "x.documents.jsonl", tmp_path)
    stance = documents[0]["document_stance"]
    assert len(documents) == 1 and stance[0]["label"] == load_schema(default_schema_path()).stance_labels[0]


@pytest.mark.slow
def test_a_late_event_and_sentence_stance_load_with_the_exports_features(hf: Any, tmp_path: Path) -> None:
    """An empty list in the first 10 MB is typed a list of nulls: X.features.json gives the types."""
    late = json.loads((FIXTURES / "example.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert late["events"] and late["stance"] and late["stance"][0]["holder"] is None
    project = new_project(tmp_path / "p.sqlite")
    n, _ = big_jsonl(tmp_path / "in.jsonl", 11_000, late)
    import_paths(project, [tmp_path / "in.jsonl"])
    target = tmp_path / "x.jsonl"
    export_layer(project, ExportOptions(fmt="jsonl", annotator="a", out=str(target)))
    project.close()
    with target.open("rb") as handle:
        assert target.stat().st_size > CHUNK and b'"events": [{' not in handle.read(CHUNK)
    features = hf.Features.from_dict(json.loads((tmp_path / "x.features.json").read_text(encoding="utf-8")))
    ds = hf.load_dataset(
        "json", data_files=str(target), split="train", features=features, cache_dir=str(tmp_path / "hf-cache")
    )
    assert len(ds) == n
    last = ds[n - 1]
    assert last["events"][0]["type"] == late["events"][0]["type"]
    assert last["events"][0]["attributes"]["polarity"] == late["events"][0]["attributes"]["polarity"]
    assert last["stance"][0] == {
        "target": late["stance"][0]["target"],
        "label": late["stance"][0]["label"],
        "holder": "",
    }
    assert ds[0]["events"] == [] and ds[0]["comment"] == ""


def test_to_json_of_the_strings_export_imports_with_exactly_its_entities(hf: Any, tmp_path: Path) -> None:
    counts = write_conll(tmp_path / "in.conll", 300, per_document=50)
    first = new_project(tmp_path / "p.sqlite")
    import_paths(first, [tmp_path / "in.conll"], ImportOptions(annotator="a", status="done"))
    strings = tmp_path / "strings.jsonl"
    export_layer(first, ExportOptions(fmt="jsonl", annotator="a", out=str(strings), tokens="strings"))
    first.close()
    ds = load(hf, strings, tmp_path)
    assert ds[0]["tokens"] == [t for t in ds[0]["tokens"] if isinstance(t, str)]
    names = json.loads((tmp_path / "strings.labels.json").read_text(encoding="utf-8"))
    cast = ds.cast_column("ner_tags", hf.Sequence(hf.ClassLabel(names=names)))
    hf_file = tmp_path / "hub" / "train.jsonl"
    cast.select_columns(["tokens", "ner_tags"]).to_json(str(hf_file), force_ascii=False)
    assert '"ner_tags":[' in hf_file.read_text(encoding="utf-8").splitlines()[0]
    assert isinstance(json.loads(hf_file.read_text(encoding="utf-8").splitlines()[0])["ner_tags"][0], int)
    (tmp_path / "hub" / "labels.json").write_text(json.dumps(names), encoding="utf-8")

    second = new_project(tmp_path / "q.sqlite")
    summary = import_paths(second, [hf_file], ImportOptions(annotator="k", status="done"))
    assert summary.entities == counts["entities"]
    again = tmp_path / "again.jsonl"
    export_layer(second, ExportOptions(fmt="jsonl", annotator="k", out=str(again)))
    second.close()
    assert entity_count(again) == counts["entities"]


@pytest.mark.slow
@pytest.mark.skipif(
    not KAZNERD_VALID.is_file(), reason=f"KazNERD's validation split is not at {KAZNERD_VALID}"
)
def test_kaznerd_validation_as_hugging_face_rows_imports_its_13483_entities(tmp_path: Path) -> None:
    hf_file = tmp_path / "valid.jsonl"
    rows, tokens, tags = 0, [], []
    with KAZNERD_VALID.open(encoding="utf-8") as src, hf_file.open("w", encoding="utf-8") as out:
        for line in [*src, "\n"]:
            if line.strip():
                token, tag = line.split()
                tokens.append(token)
                tags.append(tag)
            elif tokens:
                out.write(
                    json.dumps({"id": str(rows), "tokens": tokens, "ner_tags": tags}, ensure_ascii=False)
                )
                out.write("\n")
                rows, tokens, tags = rows + 1, [], []
    project = new_project(tmp_path / "p.sqlite")
    summary = import_paths(project, [hf_file], ImportOptions(annotator="k", status="done"))
    assert summary.entities == 13_483
    export = tmp_path / "x.jsonl"
    export_layer(project, ExportOptions(fmt="jsonl", annotator="k", out=str(export)))
    project.close()
    assert entity_count(export) == 13_483
