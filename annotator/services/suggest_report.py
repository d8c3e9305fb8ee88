"""What the command line says about suggestions: who they are for, and a trained model's quality."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import GOLD
from annotator.core.records import AnnotatorInfo
from annotator.core.schema import Schema
from annotator.core.suggestions import Quality
from annotator.services import team
from annotator.services.training_run import Result
from annotator.store import Project, queries
from annotator.suggest import read_gazetteer


def gazetteer(path: str | None, schema: Schema) -> list[tuple[str, str]]:
    """The gazetteer file's entries (none without a file); InputError ``FILE:LINE: problem``,
    also for a label the project's schema does not define."""
    if not path:
        return []
    entries = read_gazetteer(Path(path))
    known = set(schema.label_names)
    unknown = next((label for _text, label in entries if label not in known), None)
    if unknown is not None:
        lines = Path(path).read_text("utf-8").splitlines()
        number = next((i for i, line in enumerate(lines, 1) if line.rstrip().endswith(f"\t{unknown}")), None)
        raise InputError(path, number, f"the label {unknown!r} is not in the project's schema")
    return entries


def person_for(project: Project, name: str) -> AnnotatorInfo:
    """The person ``--for`` names, acting for them (a team login acts only as itself)."""
    if team.team_login(project) is not None:
        return team.sign_in(project, name)
    with project.reading() as s:
        found = queries.find_annotator(s, name)
    if found is None:
        raise AnnotatorError(f"--for: there is no person {name!r} in the project")
    if found.name == GOLD:
        raise AnnotatorError("--for: suggestions are for a person; the gold layer has no not-done sentences")
    project.act_as(found.id)
    return found


def _row(name: str, q: Quality | None, sentences: int) -> str:
    if q is None:
        return f"{name:<10} {sentences:>9}  {'':>8}  {'':>9}  {'':>6}  {'n/a':>6}"
    return (
        f"{name:<10} {q.trained_on:>9}  {q.held_out:>8}  {q.precision:>9.3f}  {q.recall:>6.3f}  {q.f1:>6.3f}"
    )


def describe_training(result: Result) -> str:
    """The held-out precision, recall and F1 of every model trained, overall and per label."""
    whose = "the project's shared models" if result.owner is None else f"{result.owner}'s own models"
    lines = [
        f"trained on {result.sentences} done sentence(s) of {', '.join(result.layers)} "
        f"in {result.seconds:.1f} s, stored as {whose}",
        f"{'model':<10} {'sentences':>9}  {'held-out':>8}  {'precision':>9}  {'recall':>6}  {'F1':>6}",
    ]
    lines += [_row(t.kind, t.quality, t.sentences) for t in result.trained]
    for trained in result.trained:
        quality = trained.quality
        if quality is None or not quality.per_label:
            continue
        lines.append("")
        lines.append(f"{trained.kind}: per label")
        lines.append(f"{'label':<24} {'precision':>9}  {'recall':>6}  {'F1':>6}  {'support':>7}")
        lines += [
            f"{x.label:<24} {x.precision:>9.3f}  {x.recall:>6.3f}  {x.f1:>6.3f}  {x.support:>7}"
            for x in quality.per_label
        ]
    return "\n".join(lines)


def layer_names(value: str) -> Sequence[str]:
    """``--from A,B``'s names; one line when none is given."""
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise AnnotatorError("--from: name at least one layer (a person, or gold)")
    return names
