"""Plain data, the annotation schema, the text pipeline and errors (standard library only).

Vocabulary (the README's table says it at length):

- *person*: an annotator, a reviewer or a manager (their *role*); *gold* is the adjudicated layer.
- *layer*: everything one owner (a person or gold) did; *sentence annotations*: a layer restricted
  to one sentence. *kind*: entities, events or stance.
- *position*: a sentence's stored order (may have gaps); *ordinal*: its place among its
  document's sentences from 0 (the window shows ordinal + 1).
- ``token_start``/``token_end``: token indices, end exclusive (tables store ``token_last``);
  ``char_start``/``char_end``: character offsets, end exclusive.
- *scope*: done or all; *status*: todo, done, skipped or flagged.
- *session*: a window's state without widgets; *screen*: what it shows at once; *command*: an
  undoable edit returning *changes*; *outcome*: what became of it.
- *suggestion*: a proposed entity, trigger or stance with a score, nothing until accepted; a
  *recommender* makes them from stored *models*; a *verdict* is a person's accept or reject;
  *pre-annotation* is what ``suggest --apply`` wrote; *assist* is the session's part for them.
- *assignment*: a document given to a person (its *assignees*); *overlap*: the share given to
  several; the *pool*: dynamic mode, where windows take documents short of N assignees and an
  *abandoned* one goes back; *ready*: every assignee marked every sentence done; *active time*:
  seconds a window was focused on a sentence while its person worked.
- *interface language*: en, kk or ru (``gui.language``); a schema *translation* is a
  ``title_kk``/``guideline_ru``-style key beside the English ``title`` or ``guideline``.
- *message*: a line for people built below the gui (``core/messages.py``): a ``Text``, the English
  ``str`` that keeps its *template* and arguments, so the window shows it translated.
- *mixed-script word*: a run of letters with both Latin and Cyrillic ones (``Қaзақстан``, Latin
  ``a``); its *look-alikes* (homoglyphs) map one for one to the word's majority script (ties:
  Cyrillic) by ``core/scripts.py``; ``ə`` U+0259 is Latin, ``ә`` U+04D9 Cyrillic.
- *tokenizer version*: the rules a project cuts imported text into tokens and sentences with
  (``annotator.core.text``; 1 for a project made before versions were stored, 2 for new ones).
- *correction*: a split or merge of tokens or sentences under every layer (``corrections``);
  ``annotator retokenize`` re-cuts a project with another tokenizer version.
- *side file*: a file an export writes beside its *main file* ``X`` (``X.events.conll``,
  ``X.documents.jsonl``, ``X.labels.json``, ``X.features.json``; ``formats/side_files.py``); a
  *stale* one, of an earlier export to the same name, is removed by an export that does not write it.
"""
