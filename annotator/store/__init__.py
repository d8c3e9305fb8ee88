"""The only package that talks SQLAlchemy: engine, tables, queries, bulk paths and migrations."""

from sqlalchemy.orm import Session

from annotator.store.engine import Project, open_project

__all__ = ["Project", "Session", "open_project"]
