"""Start the window: the QApplication, the annotator's name, the project."""

from __future__ import annotations

import getpass
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD, REVIEWING
from annotator.gui.binding import binding_problem
from annotator.gui.display import NO_DISPLAY, display_problem
from annotator.gui.failures import FailureReporter, log_file, logger
from annotator.gui.language import chosen_language, install, translate
from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.services import team

__all__ = ["NO_DISPLAY", "ask_annotator", "display_problem", "run", "settings"]

ORGANISATION = "annotator"
APPLICATION = "annotator"


def settings() -> QSettings:
    """The user's remembered settings (last annotator, window geometry)."""
    return QSettings(ORGANISATION, APPLICATION)


def ask_annotator() -> str | None:
    """Ask for the annotator's name, offering the last one used or the system user name."""
    last = str(settings().value("last_annotator", "") or "") or getpass.getuser()
    name, ok = QInputDialog.getText(
        None,
        translate("App", "Annotator"),
        translate("App", "Your name (a new name makes a new annotator):"),
        text=last,
    )
    return name.strip() if ok and name.strip() else None


def run(db: str | None, annotator: str | None, language: str | None = None) -> int:
    """Open the project and show the main window; returns the application's exit status.

    ``language`` (``en``, ``kk``, ``ru``) overrides the remembered and the system language.

    A Qt binding that loses references (it would crash the window within the hour) is refused
    before anything opens. Every failure later on is logged and shown (``failures.py``).
    """
    if QApplication.instance() is None and (missing := display_problem()) is not None:
        raise AnnotatorError(missing)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    install(chosen_language(settings(), language))
    problem = binding_problem()
    if problem is not None:
        QMessageBox.critical(None, "annotator", problem)
        raise AnnotatorError(problem)
    reporter = FailureReporter()
    reporter.install()
    try:
        return _run(app, db, annotator)
    except AnnotatorError as exc:  # the project cannot be opened: said in a dialog, and on stderr by the CLI
        QMessageBox.critical(None, "annotator", str(exc))
        raise
    finally:
        reporter.uninstall()


def _run(app: QCoreApplication, db: str | None, annotator: str | None) -> int:
    logger().info("started; failures are written to %s", log_file())
    project = projects.open_or_create(db)
    # A team member on PostgreSQL is their database login: nobody asks, and nobody else can be named.
    login = team.team_login(project)
    name = annotator if login is not None else annotator or ask_annotator()
    if login is None and not name:
        return 0
    if name == GOLD:
        QMessageBox.information(
            None, "annotator", translate("App", "The gold layer is edited by reviewers, from review mode.")
        )
        return 0
    try:
        info = team.sign_in(project, name)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "annotator", str(exc))
        print(f"annotator: {exc}", file=sys.stderr)
        project.close()
        return 1
    settings().setValue("last_annotator", info.name)
    window: QMainWindow
    if info.role in REVIEWING:
        from annotator.gui.review_window import ReviewWindow

        review = ReviewWindow(project, info, settings())
        window, upkeep = review, review.runner.upkeep
    else:
        annotation = AnnotationWindow(project, info, settings())
        window, upkeep = annotation, annotation.runner.upkeep
    window.show()
    upkeep.start()  # in the background: the start's backup (when one is due) and the full check
    code = int(app.exec())
    project.close()
    return code
