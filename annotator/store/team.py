"""People as PostgreSQL logins: who this connection is, and making a login a member of the project.

On PostgreSQL each person logs in as themselves. Their login's name is their name in
``annotators``, and the row-level security of migration 0004 reads that row's role to decide what
the login may read and write. All members of a project share one group role
(``<database>_team``), which holds the table grants; a member is a login in that group. The table
owner (who created the project) is not subject to row-level security: it is the project's
administrator, like a superuser, and should not be anyone's everyday login.

SQLite has no logins: whoever can write the file can do anything with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from annotator.core.errors import StoreError
from annotator.store.locks import lock_team

MAX_ROLE_NAME = 63  # PostgreSQL's identifier length


@dataclass(frozen=True)
class Login:
    """The database login of a connection: its name, and whether row-level security governs it."""

    name: str
    governed: bool


def login(session: Session) -> Login | None:
    """The connection's login on PostgreSQL (None on SQLite).

    ``governed`` is False for the table owner and superusers, and for a project from before
    revision 0004; they act for whoever they name, as on SQLite.
    """
    if session.get_bind().dialect.name != "postgresql":
        return None
    row = session.execute(text("SELECT current_user, row_security_active('public.annotators')")).one()
    return Login(str(row[0]), bool(row[1]))


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    """A PostgreSQL string literal (standard_conforming_strings, on since PostgreSQL 9.1)."""
    if "\x00" in value:
        raise StoreError("a NUL character cannot be stored on PostgreSQL")
    return "'" + value.replace("'", "''") + "'"


def team_role(session: Session) -> str:
    """The group role of this project's members: ``<database>_team``, cut to PostgreSQL's length."""
    database = str(session.execute(text("SELECT current_database()")).scalar_one())
    return f"{database[: MAX_ROLE_NAME - 5]}_team"


def _ddl(session: Session, statement: str) -> None:
    # Not text(): a password verifier holds colons that text() would take for parameters.
    session.connection().exec_driver_sql(statement)


RESERVED = {"public", "none", "current_user", "session_user", "current_role", "all"}


def _is_member(session: Session, name: str, group: str) -> bool:
    query = text(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = :g AND r.rolname = :n"
    )
    return session.execute(query, {"g": group, "n": name}).first() is not None


def login_exists(session: Session, name: str) -> bool:
    """True when the server has a role called ``name``."""
    return _role_exists(session, name)


def _role_exists(session: Session, name: str) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
    return found is not None


def ensure_team_role(session: Session) -> str:
    """Make the project's group role if it is missing, with its grants on every table; its name.

    The grants are the table owner's to give: for anyone else (a manager) the group must exist.
    """
    me = login(session)
    if me is not None and me.governed:
        if not _role_exists(session, team_role(session)):
            raise StoreError("the project's owner adds the first person, who makes the team's group role")
        return team_role(session)
    group = _quote(session, team_role(session))
    database = _quote(session, str(session.execute(text("SELECT current_database()")).scalar_one()))
    if not _role_exists(session, team_role(session)):
        _ddl(session, f"CREATE ROLE {group} NOLOGIN")
    for statement in (
        f"GRANT CONNECT ON DATABASE {database} TO {group}",
        f"GRANT USAGE ON SCHEMA public TO {group}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {group}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {group}",  # upgrades are the owner's
        # an assignee changes only when they touched or finished a document (migration 0006)
        f"REVOKE UPDATE ON assignments FROM {group}",
        f"GRANT UPDATE (touched_at, finished_at) ON assignments TO {group}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}",
        # and on what later migrations (run by the owner) create
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {group}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {group}",
    ):
        _ddl(session, statement)
    return team_role(session)


def _password_hash(session: Session, name: str, password: str) -> str:
    """The SCRAM verifier of ``password`` made by libpq here, so the password never reaches the server."""
    raw = session.connection().connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:  # pragma: no cover - another driver than psycopg 3
        raise StoreError("adding people needs the psycopg driver (postgresql+psycopg:// URLs)")
    return bytes(pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256")).decode()


def add_login(session: Session, name: str, password: str | None) -> bool:
    """Make ``name`` a login in the project's group (created if new); returns whether it was new.

    Only the table owner runs this; an existing login keeps its password: team add never takes over
    a role.
    """
    if len(name.encode()) > MAX_ROLE_NAME:
        raise StoreError(f"{name[:20]}...: a login name has at most {MAX_ROLE_NAME} bytes (UTF-8)")
    lock_team(session)  # two sessions granting at once collide in the catalogs
    team = ensure_team_role(session)
    if name.lower() in RESERVED or name.lower().startswith("pg_") or name == team:
        raise StoreError(f"{name!r} is a name PostgreSQL keeps for itself or for the team; choose another")
    group = _quote(session, team)
    person = _quote(session, name)
    new = not _role_exists(session, name)
    if not new and not _is_member(session, name, team):
        # Someone else's role on this server (another project's person, the owner, a superuser):
        # making it a member would hand it this project; altering it would take it over.
        raise StoreError(
            f"{name!r} is already a login on this server outside this project; choose another name"
        )
    if new:
        _ddl(session, f"CREATE ROLE {person} LOGIN")
    if new and password is not None:  # an existing login (maybe someone else's) keeps its password
        verifier = _literal(_password_hash(session, name, password))
        _ddl(session, f"ALTER ROLE {person} PASSWORD {verifier}")
    # No CREATEROLE for managers: on PostgreSQL 15 it lets a login grant itself any role, the
    # owner's included. Logins are the owner's to make; managers change roles in the project.
    if new:
        _ddl(session, f"GRANT {group} TO {person}")
    return new
