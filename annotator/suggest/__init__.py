"""Recommenders on plain data: what proposes annotations for a person to accept or reject.

Glossary (the words of :mod:`annotator.core.suggestions` hold here too):

- *example*: one done sentence as the recommenders see it: tokens and labelled spans
  (:class:`Example`), or text and stance per target (:class:`StanceExample`).
- *phrase*: the tokens of a labelled span, which the *string matcher* finds again, longest first,
  with Kazakh endings on its last token (:mod:`annotator.suggest.kazakh`'s *stems*).
- *gazetteer*: a TSV list of ``text<TAB>label`` the matcher knows besides labelled spans.
- *tagger*: a CRF over BIO tags, one for entities, one for event triggers; its *margin* on a
  sentence is how unsure it is (best minus second-best marginal probability).
- *stance classifier*: one logistic regression per stance target over character n-grams.
- *held out*: the 20 % of examples (chosen by a stable hash of their key) a model is evaluated on.
- *fingerprint*: a sha256 of what a model learned from; the same data gives the same fingerprint.

Models are stored as bytes: crfsuite's own model files for taggers, JSON for the matcher and the
stance classifier; never pickle (a shared project must not run stored code). Nothing here imports
Qt or SQLAlchemy; training runs in a child process the services start.
"""

from annotator.suggest.data import Example, StanceExample, TrainingData, TrainingError
from annotator.suggest.evaluate import span_quality, split
from annotator.suggest.features import FEATURES_VERSION
from annotator.suggest.gazetteer import read_gazetteer
from annotator.suggest.kazakh import same_stem, stem
from annotator.suggest.matcher import StringMatcher, occurrences
from annotator.suggest.recommender import Recommender
from annotator.suggest.stance import StanceClassifier
from annotator.suggest.tagger import SpanTagger
from annotator.suggest.training import (
    Trained,
    fingerprint,
    quality_from_json,
    quality_to_json,
    stance_quality,
    train_models,
)
from annotator.suggest.uncertainty import most_uncertain

__all__ = [
    "FEATURES_VERSION",
    "Example",
    "Recommender",
    "SpanTagger",
    "StanceClassifier",
    "StanceExample",
    "StringMatcher",
    "Trained",
    "TrainingData",
    "TrainingError",
    "fingerprint",
    "most_uncertain",
    "occurrences",
    "quality_from_json",
    "quality_to_json",
    "read_gazetteer",
    "same_stem",
    "span_quality",
    "split",
    "stance_quality",
    "stem",
    "train_models",
]
