"""The default schema's content and the messages for broken schema files."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import SchemaError
from annotator.core.schema import default_schema_path, load_schema, parse_schema

KAZNERD = (
    "PERSON ORGANISATION GPE LOCATION DATE TIME CARDINAL ORDINAL QUANTITY PERCENTAGE MONEY POSITION NORP "
    "EVENT FACILITY PROJECT LAW LANGUAGE PRODUCT ART DISEASE CONTACT ADAGE NON_HUMAN MISCELLANEOUS"
).split()


def test_default_schema_has_kaznerd_labels_digits_events_and_stance() -> None:
    schema = load_schema(default_schema_path())
    assert list(schema.label_names) == KAZNERD
    assert [lab.shortcut for lab in schema.labels[:10]] == list("1234567890")
    assert len({lab.shortcut for lab in schema.labels}) == 25
    assert all(lab.guideline and lab.color.startswith("#") for lab in schema.labels)
    names = {et.name for et in schema.event_types}
    assert {
        "Conflict.Demonstrate",
        "Justice.Arrest-Jail",
        "Contact.Meet",
        "Contact.Statement",
        "Contact.Appeal",
        "Movement.Transport",
        "Policy.Adopt",
    } <= names
    assert "Place" in schema.event_type("Conflict.Demonstrate").roles  # type: ignore[union-attr]
    assert schema.default_attributes() == {"polarity": "positive", "modality": "asserted", "tense": "past"}
    assert schema.stance_labels == ("favor", "against", "neutral")
    assert schema.stance_levels == ("sentence", "document")
    assert [t.name for t in schema.targets] == ["kz-authorities", "eu"]
    assert schema.allow_overlap is False


GOOD = """
[[entities.label]]
name = "PERSON"
color = "#ff0000"
shortcut = "1"
"""


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("[[entities.label]\nname = 1", 1, "invalid TOML"),
        (
            GOOD + '\n[[entities.label]]\nname = "PERSON"\ncolor = "#00ff00"\n',
            8,
            "entity label 'PERSON': is defined twice",
        ),
        (
            '\n[[entities.label]]\nname = "GPE"\ncolor = "green"\n',
            4,
            "entity label 'GPE': color 'green' is not #rrggbb",
        ),
        (
            GOOD + '\n[[entities.label]]\nname = "GPE"\ncolor = "#00ff00"\nshortcut = "1"\n',
            10,
            "shortcut '1' is already the shortcut of PERSON",
        ),
        (
            GOOD + '\n[[events.type]]\nname = "Meet"\nroles = ["A", "A"]\n',
            8,
            "event type 'Meet': has a duplicate role",
        ),
        (
            GOOD + "\n[events.attributes]\npolarity = []\n",
            8,
            "event attribute polarity: must be a non-empty list",
        ),
        (GOOD + '\n[stance]\nlevels = ["paragraph"]\n', 8, "unknown level 'paragraph'"),
        (
            GOOD + '\n[[entities.label]]\nname = "GPE"\ncolor = "#00ff00"\nshortcut = "shift+ALT+1"\n'
            '\n[[entities.label]]\nname = "LOC"\ncolor = "#00ff00"\nshortcut = "Alt+Shift+1"\n',
            15,
            "entity label 'LOC': shortcut 'Alt+Shift+1' is already the shortcut of GPE",
        ),
        ("[entities]\nallow_overlap = false\n", 1, "needs at least one [[entities.label]]"),
    ],
)
def test_broken_schema_is_rejected_naming_the_entry(text: str, line: int | None, fragment: str) -> None:
    with pytest.raises(SchemaError) as info:
        parse_schema(text, "my.toml")
    assert info.value.path == "my.toml"
    assert info.value.line == line
    assert fragment in str(info.value)


def test_missing_and_non_utf8_schema_files(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="no such file"):
        load_schema(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b'name = "\xff"')
    with pytest.raises(SchemaError, match="not UTF-8"):
        load_schema(bad)


def _label(shortcut: str) -> str:
    return f'name = "x"\n\n[[entities.label]]\nname = "GPE"\ncolor = "#00ff00"\nshortcut = "{shortcut}"\n'


@pytest.mark.parametrize(
    ("shortcut", "fragment"),
    [
        ("T", "is already the key of 'trigger'"),
        ("Return", "is already the key of 'done'"),
        ("Enter", "is already the key of 'done'"),
        ("Ctrl+Z", "is already the key of 'undo'"),
        ("ctrl+y", "is already the key of 'redo'"),
        ("Shift+Home", "is already the key of 'home'"),
        ("Alt+F", "is already the key that opens the File menu"),
        ("Hyper+Banana", "cannot be typed: it 'Hyper' is not a modifier"),
        ("Banana", "cannot be typed: it 'Banana' is not a key of a US keyboard"),
        ("ә", "cannot be typed: it 'ә' is not a key of a US keyboard"),
        ("!", "cannot be typed: it '!' is not a key of a US keyboard"),
        ("Ctrl+K, Ctrl+C", "must be one key combination"),
        ("Ctrl+Ctrl+1", "names Ctrl twice"),
        ("Ctrl+", "'+' is not a key of its own"),
    ],
)
def test_label_shortcuts_that_clash_or_cannot_be_typed_are_refused(shortcut: str, fragment: str) -> None:
    with pytest.raises(SchemaError) as info:
        parse_schema(_label(shortcut), "my.toml")
    assert (info.value.path, info.value.line) == ("my.toml", 6)
    assert str(info.value).startswith("my.toml:6: entity label 'GPE': shortcut ")
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    "shortcut", ["G", "Shift+T", "Alt+Shift+0", "Ctrl+Alt+X", "F9", ",", "Ctrl+/", "Meta+P"]
)
def test_label_shortcuts_that_are_free_and_typeable_are_kept(shortcut: str) -> None:
    assert parse_schema(_label(shortcut), "my.toml").labels[0].shortcut == shortcut


def test_the_line_of_a_bad_shortcut_is_its_own_whatever_the_quotes_and_comments() -> None:
    text = (
        "# every label may have a shortcut\n"  # 1
        "[[entities.label]]\n"  # 2
        "name = 'PERSON'  # shortcut below\n"  # 3
        'color = "#ff0000"\n'  # 4
        'shortcut = "1"\n'  # 5
        "\n"  # 6
        "[[entities.label]]\n"  # 7
        "name = 'GPE'\n"  # 8
        'guideline = "no shortcut here yet"\n'  # 9
        'color = "#00ff00"\n'  # 10
        "shortcut = 'T'\n"  # 11
    )
    with pytest.raises(SchemaError) as info:
        parse_schema(text, "my.toml")
    assert info.value.line == 11
    assert str(
        info.value
    ) == "my.toml:11: entity label 'GPE': shortcut 'T' is already the key of 'trigger' " + (
        "(make the selection an event trigger, then choose its type)"
    )


TARGET = '\n[[stance.target]]\nname = "eu"\ntitle = "The EU"\n'


def test_titles_and_guidelines_may_be_given_in_kazakh_and_russian() -> None:
    text = (
        GOOD
        + 'guideline = "People"\nguideline_kk = "Адамдар"\nguideline_ru = "Люди"\n'
        + TARGET
        + 'title_kk = "ЕО"\ntitle_ru = "ЕС"\nguideline_ru = "Европейский союз"\n'
    )
    schema = parse_schema(text)
    assert schema.labels[0].translations == (("guideline_kk", "Адамдар"), ("guideline_ru", "Люди"))
    assert dict(schema.targets[0].translations) == {
        "title_kk": "ЕО",
        "title_ru": "ЕС",
        "guideline_ru": "Европейский союз",
    }
    shipped = load_schema(default_schema_path())
    assert dict(shipped.targets[0].translations)["title_kk"] == "Қазақстан билігі"


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (GOOD + "guideline_kk = 3\n", 6, "entity label 'PERSON': 'guideline_kk' must be a non-empty string"),
        (GOOD + 'guideline_de = "Leute"\n', 6, "'guideline_de' is not a translation it can have"),
        (GOOD + 'title_kk = "Адам"\n', 6, "(guideline_kk, guideline_ru)"),
        (GOOD + TARGET + 'title_ru = ""\n', 10, "stance target 'eu': 'title_ru' must be a non-empty string"),
        (GOOD + TARGET + 'title_fr = "UE"\n', 10, "(title_kk, title_ru, guideline_kk, guideline_ru)"),
    ],
)
def test_a_translated_title_or_guideline_is_checked(text: str, line: int, fragment: str) -> None:
    with pytest.raises(SchemaError) as info:
        parse_schema(text, "my.toml")
    assert info.value.line == line
    assert fragment in str(info.value)
