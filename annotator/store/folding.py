"""Text in any case, inside a query: the SQL expression that folds a column as ``str.casefold`` does
for the scripts of a Kazakh corpus (Cyrillic, Latin).

- SQLite: its own ``lower`` knows only ASCII; the engine gives it Python's ``casefold``
  (``annotator_casefold``, registered on every connection).
- PostgreSQL: ``lower`` folds by the database's character type (``LC_CTYPE``). Most servers fold
  Cyrillic (``C.UTF-8``, ``en_US.UTF-8``, ``kk_KZ.UTF-8``), and there ``lower(column)`` is what
  revision 0008's trigram index holds. A database made with ``LC_CTYPE=C`` folds ASCII only:
  there the column is folded by the ICU root collation when the server has ICU, else by a fixed
  table of the Latin and Cyrillic letters (Kazakh's own ones among them). Those two are exact but
  no index holds them: the search reads every sentence.

Which one applies is asked of the server once per connection (``lower`` of :data:`PROBE`).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, Connection, func
from sqlalchemy.orm import InstrumentedAttribute, Session

# The letters lower() must fold for a Kazakh corpus; probed on the server.
PROBE = "ӘҒҚҢӨҰҮҺІЁ QZ"
_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_KAZAKH = "ӘҒҚҢӨҰҮҺІ"
UPPER = _LATIN + _CYRILLIC + _KAZAKH
LOWER = UPPER.lower()
ICU_ROOT = "und-x-icu"
_INFO_KEY = "annotator.folding"


def folded(session: Session, column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
    """``column`` folded to lower case in SQL, as ``str.casefold`` folds Latin and Cyrillic."""
    how = _how(session)
    if how == "sqlite":
        return func.annotator_casefold(column)
    if how == "lower":
        return func.lower(column)
    if how == "icu":
        return func.lower(column.collate(ICU_ROOT))
    return func.translate(column, UPPER, LOWER)


def contains(
    session: Session, column: ColumnElement[str] | InstrumentedAttribute[str], needle: str
) -> ColumnElement[bool]:
    """``column`` holds ``needle`` in any case (``needle`` casefolded here; its ``%``, ``_`` and
    ``\\`` taken literally)."""
    escaped = needle.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return folded(session, column).like(f"%{escaped}%", escape="\\")


def _how(session: Session) -> str:
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return "sqlite"
    known = connection.info.get(_INFO_KEY)
    if known is None:
        known = _probe(connection)
        connection.info[_INFO_KEY] = known
    return str(known)


def _probe(connection: Connection) -> str:
    """How this PostgreSQL database folds: 'lower', 'icu' or 'table'."""
    said = connection.exec_driver_sql("SELECT lower(%(probe)s)", {"probe": PROBE}).scalar()
    if said == PROBE.lower():
        return "lower"
    icu = "SELECT 1 FROM pg_collation WHERE collname = %(name)s"
    if connection.exec_driver_sql(icu, {"name": ICU_ROOT}).first() is not None:
        return "icu"
    return "table"
