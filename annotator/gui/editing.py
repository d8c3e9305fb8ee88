"""The window's annotation actions: labels, events, arguments, attributes, stance, status.

Each action builds a Qt-free command and hands it to ``execute``; nothing here writes SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from annotator.core.schema import Schema
from annotator.core.views import EntityView, EventView, SentenceView
from annotator.gui import dialogs
from annotator.gui.language import localized, translate, word
from annotator.gui.saving import EditRunner
from annotator.gui.token_view import TokenView
from annotator.services import commands as c
from annotator.services.annotation_session import AnnotationSession


class AnnotationActions:
    """The annotation window's actions on the shown sentence, composed into the window."""

    def __init__(self, window: QWidget, session: AnnotationSession, runner: EditRunner, tokens: TokenView):
        self.window = window
        self.session = session
        self.runner = runner
        self.tokens = tokens

    @property
    def current(self) -> SentenceView | None:
        """The sentence shown now."""
        return self.session.view

    @property
    def schema(self) -> Schema:
        """The project's schema (labels, event types, targets)."""
        return self.session.project.schema

    @property
    def person_id(self) -> int:
        """Whose annotations these are."""
        return self.session.person.id

    def execute(self, command: c.Command) -> bool:
        """Apply an edit through the runner; True when it is stored."""
        return self.runner.execute(command)

    def say(self, message: str, error: bool = False) -> None:
        """A line in the status bar."""
        self.runner.say(message, error)

    def choose(self, title: str, options: list[tuple[str, Any]], tips: dict[str, str] | None = None) -> Any:
        """A type-to-filter chooser over the window; the keyboard comes back to the sentence after it."""
        try:
            return dialogs.choose(self.window, title, options, tips)
        finally:
            self.back_to_sentence()

    def back_to_sentence(self) -> None:
        """Give the keyboard back to the sentence view (after a dialog)."""
        self.window.activateWindow()
        self.tokens.setFocus()

    # -- entities ------------------------------------------------------------------------------
    def apply_label(self, label: str) -> None:
        """Tag the selection with ``label``, or relabel the entity that is selected or under the cursor."""
        view = self.current
        if view is None:
            return
        start, end = self.tokens.selection()
        target = self._entity_for_label(view, start, end)
        if target is not None:
            if target.label != label:
                self.execute(c.RelabelEntity(view.id, target.id, label))
            return
        self.execute(c.AddEntity(view.id, self.person_id, start, end, label))

    def _entity_for_label(self, view: SentenceView, start: int, end: int) -> EntityView | None:
        if self.tokens.selected and self.tokens.selected[0] == "entity":
            return view.entity(self.tokens.selected[1])
        for ent in view.entities:
            if (ent.token_start, ent.token_end) == (start, end):
                return ent
            if not self.tokens.has_explicit_selection and ent.token_start <= start < ent.token_end:
                return ent
        return None

    def choose_label(self) -> None:
        """Any label, by typing part of its name."""
        options = [
            (f"{lab.name}  ({lab.shortcut})" if lab.shortcut else lab.name, lab.name)
            for lab in self.schema.labels
        ]
        tips = {
            text: localized(lab, "guideline")
            for (text, _), lab in zip(options, self.schema.labels, strict=True)
        }
        label = self.choose(translate("Editing", "Label"), options, tips)
        if label:
            self.apply_label(label)

    def delete_annotation(self) -> None:
        """Remove the selected annotation, else the entity (or event) under the cursor."""
        view = self.current
        if view is None:
            return
        hit = self.tokens.selected or self.tokens.annotation_at(self.tokens.caret)
        if hit is None:
            self.say(translate("Editing", "nothing to delete under the cursor"))
            return
        kind, ident = hit
        self.execute(c.DeleteEntity(view.id, ident) if kind == "entity" else c.DeleteEvent(view.id, ident))

    # -- events --------------------------------------------------------------------------------
    def make_trigger(self) -> None:
        """Make the selection an event trigger of a type chosen by typing."""
        view = self.current
        if view is None:
            return
        start, end = self.tokens.selection()
        types = self.schema.event_types
        etype = self.choose(
            translate("Editing", "Event type for “{text}”").format(text=view.token_text(start, end)),
            [(t.name, t.name) for t in types],
            {t.name: localized(t, "guideline") for t in types},
        )
        if etype:
            self.execute(c.AddEvent(view.id, self.person_id, start, end, etype))

    def _event(self, view: SentenceView) -> EventView | None:
        """The selected event, the one under the cursor, the only one, or one chosen from a list."""
        if self.tokens.selected and self.tokens.selected[0] == "event":
            found = next((e for e in view.events if e.id == self.tokens.selected[1]), None)
            if found:
                return found
        for ev in view.events:
            if ev.token_start <= self.tokens.caret < ev.token_end:
                return ev
        if len(view.events) == 1:
            return view.events[0]
        options = [(f"{ev.type}: {view.token_text(ev.token_start, ev.token_end)}", ev) for ev in view.events]
        if not options:
            self.say(translate("Editing", "the sentence has no event yet: select its trigger and press T"))
            return None
        chosen: EventView | None = self.choose(translate("Editing", "Which event?"), options)
        return chosen

    def add_argument(self) -> None:
        """Link an entity of the sentence to an event in a role valid for its type."""
        view = self.current
        if view is None:
            return
        event = self._event(view)
        if event is None:
            return
        if not view.entities:
            self.say(translate("Editing", "tag the argument as an entity first"))
            return
        ents = [(f"{view.token_text(e.token_start, e.token_end)} ({e.label})", e.id) for e in view.entities]
        entity_id = self.choose(translate("Editing", "Argument of {type}").format(type=event.type), ents)
        if entity_id is None:
            return
        et = self.schema.event_type(event.type)
        role = self.choose(translate("Editing", "Role"), [(r, r) for r in (et.roles if et else ())])
        if role:
            self.execute(c.AddArgument(view.id, event.id, role, entity_id))

    def set_attribute(self) -> None:
        """Set polarity, modality or tense (any schema attribute) of an event."""
        view = self.current
        if view is None:
            return
        event = self._event(view)
        if event is None:
            return
        now = translate("Editing", "   (now)")
        options = [
            (
                f"{a.name} = {value}" + (now if event.attributes.get(a.name) == value else ""),
                (a.name, value),
            )
            for a in self.schema.attributes
            for value in a.values
        ]
        chosen = self.choose(translate("Editing", "Attribute of {type}").format(type=event.type), options)
        if chosen:
            self.execute(c.SetAttribute(view.id, event.id, *chosen))

    # -- stance --------------------------------------------------------------------------------
    def _stance_options(
        self, current: dict[str, tuple[str, int | None]]
    ) -> list[tuple[str, tuple[str, str | None]]]:
        options: list[tuple[str, tuple[str, str | None]]] = []
        now_mark, clear = translate("Editing", "   (now)"), translate("Editing", "clear")
        for target in self.schema.targets:
            now, title = current.get(target.name, ("", None))[0], localized(target, "title")
            for label in self.schema.stance_labels:
                mark = now_mark if label == now else ""
                options.append((f"{title} → {word(label)}{mark}", (target.name, label)))
            if now:
                options.append((f"{title} → {clear}", (target.name, None)))
        return options

    def set_stance(self) -> None:
        """The sentence's stance toward a target."""
        view = self.current
        if view is None:
            return
        chosen = self.choose(
            translate("Editing", "Stance of this sentence"), self._stance_options(view.stance)
        )
        if chosen:
            target, label = chosen
            holder = view.stance.get(target, ("", None))[1]
            self.execute(c.SetSentenceStance(view.id, self.person_id, target, label, holder))

    def set_document_stance(self) -> None:
        """The whole document's stance toward a target."""
        view = self.current
        if view is None:
            return
        chosen = self.choose(
            translate("Editing", "Stance of document {name}").format(name=view.document_name),
            self._stance_options(view.document_stance),
        )
        if chosen:
            target, label = chosen
            holder = view.document_stance.get(target, ("", None))[1]
            self.execute(
                c.SetDocumentStance(view.id, view.document_id, self.person_id, target, label, holder)
            )

    def set_holder(self) -> None:
        """Choose the entity that holds a stance (sentence or document level)."""
        view = self.current
        if view is None:
            return
        sentence, document = translate("Editing", "sentence"), translate("Editing", "document")
        stances = [(f"{sentence}: {t} → {word(lab)}", ("s", t)) for t, (lab, _) in view.stance.items()]
        stances += [
            (f"{document}: {t} → {word(lab)}", ("d", t)) for t, (lab, _) in view.document_stance.items()
        ]
        if not stances:
            self.say(translate("Editing", "set a stance first (S for the sentence, D for the document)"))
            return
        which = self.choose(translate("Editing", "Holder of which stance?"), stances)
        if which is None:
            return
        options: list[tuple[str, int | None]] = [
            (f"{view.token_text(e.token_start, e.token_end)} ({e.label})", e.id) for e in view.entities
        ]
        options.append((translate("Editing", "no holder"), -1))
        holder = self.choose(translate("Editing", "Holder (an entity of this sentence)"), options)
        if holder is None:
            return
        level, target = which
        holder_id = None if holder == -1 else holder
        if level == "s":
            self.execute(
                c.SetSentenceStance(view.id, self.person_id, target, view.stance[target][0], holder_id)
            )
        else:
            label = view.document_stance[target][0]
            self.execute(
                c.SetDocumentStance(view.id, view.document_id, self.person_id, target, label, holder_id)
            )

    # -- status --------------------------------------------------------------------------------
    def mark_done(self) -> None:
        """Mark the sentence done and move to the next one."""
        self._mark_and_move("done")

    def skip(self) -> None:
        """Mark the sentence skipped and move on."""
        self._mark_and_move("skipped")

    def flag(self) -> None:
        """Flag the sentence with a comment for the reviewer."""
        view = self.current
        if view is None:
            return
        comment, ok = QInputDialog.getText(
            self.window,
            translate("Editing", "Flag"),
            translate("Editing", "Comment for the reviewer:"),
            text=view.comment,
        )
        self.back_to_sentence()
        if ok:
            self.execute(c.SetStatus(view.id, self.person_id, "flagged", comment))

    def _mark_and_move(self, status: str) -> None:
        view = self.current
        if view is None:
            return
        command = c.SetStatus(view.id, self.person_id, status)
        self.runner.show(lambda: self.session.mark_and_move(command))
