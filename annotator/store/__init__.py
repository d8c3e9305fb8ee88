"""The only package that talks SQLAlchemy: engine, tables, queries, bulk paths and migrations."""

from sqlalchemy.orm import Session

from annotator.store.opener import open_project
from annotator.store.project import Project

__all__ = ["Project", "Session", "open_project"]
