"""Who is working: signing in (a PostgreSQL login is its own name), and adding people to a team.

On SQLite, and for the owner of a PostgreSQL project, the name someone gives is who they act as:
roles there guard against mistakes, not against people, since whoever can write the file (or owns
the tables) can do anything. A PostgreSQL login governed by row-level security is its own name:
naming someone else is refused, and the database keeps the login to what its role allows.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, REVIEWING, ROLES
from annotator.store import Project, locks, queries
from annotator.store import team as logins
from annotator.store.queries import AnnotatorInfo


def team_login(project: Project) -> str | None:
    """The login of a team member on PostgreSQL (row-level security applies), else None."""
    with project.reading() as session:
        who = logins.login(session)
    return who.name if who is not None and who.governed else None


def sign_in(project: Project, name: str | None) -> AnnotatorInfo:
    """Make ``project`` act for the person working now and return them.

    A team member on PostgreSQL is their login, whatever ``name`` says (naming another person is
    refused). Elsewhere ``name`` is who acts, made an annotator when new.
    """
    login = team_login(project)
    if login is not None:
        if name is not None and name != login:
            raise AnnotatorError(
                f"you are logged in to the database as {login!r} and work only as yourself here "
                f"(leave out the name, or log in as {name!r})"
            )
        with project.reading() as session:
            found = queries.find_annotator(session, login)
        if found is None:
            raise AnnotatorError(
                f"the login {login!r} is not in this project's team; "
                f"a manager adds people with: annotator team add {login} --role annotator"
            )
        project.act_as(found.id)
        project.login = login
        return found
    if not name:
        raise AnnotatorError("name the person who works (--annotator NAME)")
    if name.strip() == GOLD:
        raise AnnotatorError("the gold layer is edited by reviewers under their own names")
    with project.transaction() as session:
        found = queries.ensure_annotator(session, name)
    project.act_as(found.id)
    return found


def add_person(project: Project, name: str, role: str, password: str | None = None) -> str:
    """Add ``name`` to the team with ``role`` (or give them that role); a sentence saying what was done.

    On PostgreSQL the person is also a login in the project's group role, with ``password`` (a new
    login needs one); a governed login must be a manager to do this. On SQLite the person is a row.
    """
    clean = name.strip()
    if role not in ROLES:
        raise AnnotatorError(f"role {role!r} is not one of {', '.join(ROLES)}")
    if not clean or clean == GOLD:
        raise AnnotatorError(f"{name!r} cannot be a person's name")
    login = team_login(project)
    with project.transaction() as session:
        locks.lock_team(session)  # before any read: a second session adding them waits, then sees them
        if login is not None:
            me = queries.find_annotator(session, login)
            if me is None or me.role != "manager":
                what = me.role if me is not None else "not in the team"
                raise AnnotatorError(f"only a manager adds people, and {login} is {what}")
        before = queries.find_annotator(session, clean)
        if before is not None and before.role == GOLD:
            raise AnnotatorError(f"{clean!r} is the gold layer's name")
        database = logins.login(session)
        if login is not None and (before is None or not logins.login_exists(session, clean)):
            raise AnnotatorError(
                f"only the project's owner makes new logins: ask them to run annotator team add {clean} "
                "(a manager changes the roles of people already in the team)"
            )
        if database is not None and login is None:
            if password is None and not logins.login_exists(session, clean):
                raise AnnotatorError(f"{clean} is a new login: give them a password (--password-stdin)")
            logins.add_login(session, clean, password)
        if before is None:
            queries.add_annotator(session, clean, role)
        elif before.role != role:
            queries.set_role(session, clean, role)
    where = " with a database login" if database is not None else ""
    if before is None:
        return f"added {role} {clean!r}{where}"
    if before.role == role:
        return f"{clean!r} is already a {role}{where}"
    return f"{clean!r} is now a {role} (was {before.role})"


def needs_password(project: Project, name: str) -> bool:
    """True when adding ``name`` makes a new PostgreSQL login, which needs a password."""
    with project.reading() as session:
        if logins.login(session) is None:
            return False
        return not logins.login_exists(session, name.strip())


def act_for_import(project: Project, reviewer: str | None) -> None:
    """Who an import acts as: a team member is their login (``--as`` may only name them); elsewhere
    ``--as`` names the reviewer under whom a gold layer is imported."""
    if team_login(project) is not None:
        sign_in(project, reviewer)
        return
    if reviewer is None:
        return
    with project.reading() as session:
        actor = queries.find_annotator(session, reviewer)
    if actor is None or actor.role not in REVIEWING:
        raise AnnotatorError(f"--as {reviewer}: no reviewer of that name in the project")
    project.act_as(actor.id)


def refuse_team_member(project: Project, what: str) -> None:
    """Refuse ``what`` (a command that acts on the project as a whole) to a governed team login."""
    login = team_login(project)
    if login is not None:
        raise AnnotatorError(f"{what} is the project owner's; {login} works through their own login")


def check_can_read(project: Project, layers: list[str | None]) -> None:
    """Refuse a team annotator reading others' layers (the database would show them none; this says
    why). ``layers``: the people named, None for "everyone"."""
    login = team_login(project)
    if login is None:
        return
    with project.reading() as session:
        me = queries.find_annotator(session, login)
    if me is not None and me.role in REVIEWING:
        return
    for layer in layers:
        if layer != login:
            whose = f"{layer}'s layer" if layer is not None else "every layer"
            raise AnnotatorError(f"{login} reads only their own layer; {whose} is for reviewers and managers")
