"""The Hugging Face ``Features`` of the JSONL export's sentence lines, as ``Features.to_dict`` spells them.

``datasets`` infers a column's type from the first 10 MB of a file; a list that is empty in all of
them (``events`` or ``stance`` in a corpus where they come late) is typed a list of nulls, and a
later non-empty one then stops the load. The export writes these features beside the file
(``X.features.json``) so that such a file loads with
``load_dataset("json", data_files=X, features=Features.from_dict(json.load(open(F))))``.
Lists are written in the ``[feature]`` form, which every version of ``datasets`` reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FEATURES_SUFFIX = ".features.json"


def _value(dtype: str) -> dict[str, str]:
    return {"dtype": dtype, "_type": "Value"}


_STRING, _INT = _value("string"), _value("int64")
_SPAN = {"start": _INT, "end": _INT, "token_start": _INT, "token_end": _INT, "text": _STRING}


def sentence_features(attributes: Sequence[str], tokens: str = "objects") -> dict[str, Any]:
    """The features of a sentence line; ``attributes`` are the schema's event attribute names."""
    token = {"text": _STRING, "start": _INT, "end": _INT} if tokens == "objects" else _STRING
    out: dict[str, Any] = {
        "document": _STRING,
        "sentence": _INT,
        "text": _STRING,
        "annotator": _STRING,
        "status": _STRING,
        "comment": _STRING,
        "seconds": _value("float64"),
        "tokens": [token],
    }
    if tokens != "objects":
        out["token_offsets"] = [[_INT]]
    event: dict[str, Any] = {"id": _STRING, "type": _STRING, "trigger": dict(_SPAN)}
    event["attributes"] = {name: _STRING for name in attributes}
    event["arguments"] = [{"role": _STRING, "entity": _STRING}]
    out["ner_tags"] = [_STRING]
    out["entities"] = [{"id": _STRING, "label": _STRING, **_SPAN}]
    out["events"] = [event]
    out["stance"] = [{"target": _STRING, "label": _STRING, "holder": _STRING}]
    return out
