"""annotator: a desktop tool for building labelled corpora of Kazakh news."""

__version__ = "0.1.0"
