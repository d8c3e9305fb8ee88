"""Start the window: the QApplication, the annotator's name, the project."""

from __future__ import annotations

import getpass
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMainWindow, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.core.model import GOLD
from annotator.gui.main_window import AnnotationWindow
from annotator.services import project as projects
from annotator.store import queries

ORGANISATION = "annotator"
APPLICATION = "annotator"


def settings() -> QSettings:
    """The user's remembered settings (last annotator, window geometry)."""
    return QSettings(ORGANISATION, APPLICATION)


def ask_annotator() -> str | None:
    """Ask for the annotator's name, offering the last one used or the system user name."""
    last = str(settings().value("last_annotator", "") or "") or getpass.getuser()
    name, ok = QInputDialog.getText(
        None, "Annotator", "Your name (a new name makes a new annotator):", text=last
    )
    return name.strip() if ok and name.strip() else None


def run(db: str | None, annotator: str | None) -> int:
    """Open the project and show the main window; returns the application's exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    try:
        project = projects.open_or_create(db)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "annotator", str(exc))
        raise
    name = annotator or ask_annotator()
    if not name:
        return 0
    if name == GOLD:
        QMessageBox.information(None, "annotator", "The gold layer is edited by reviewers, from review mode.")
        return 0
    with project.transaction() as session:
        info = queries.ensure_annotator(session, name)
    try:
        projects.rolling_backup(project)  # one generation at every start, a few kept
    except AnnotatorError as exc:
        QMessageBox.warning(None, "annotator", f"The project could not be backed up: {exc}")
    settings().setValue("last_annotator", info.name)
    window: QMainWindow
    if info.role == "reviewer":
        from annotator.gui.review_window import ReviewWindow

        window = ReviewWindow(project, info, settings())
    else:
        window = AnnotationWindow(project, info, settings())
    window.show()
    code = int(app.exec())
    project.close()
    return code
