"""The window while the recommenders train: next-sentence and label latency, before and during a run.

Usage: ``QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.training_latency [--sentences N]``

It imports the KazNERD validation split (``../shared/data/kaznerd/IOB2_valid.txt``, every sentence
done, as one person's layer, in documents of 20 sentences; ``--sentences`` takes the first N),
opens the real window offscreen as that person, times PgDown and a label key with no training
going, then presses Ctrl+T and times the same keys while the background process trains, and
finally waits for the run to finish and reports how long it took. It prints a table and one JSON
line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.gui_latency import _timed, summary  # noqa: E402

KAZNERD = ROOT.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


ARTICLE = 20  # sentences per document: the split has no article boundaries, news articles are this long


def _articles(n: int | None, out: Path) -> Path:
    """The first ``n`` sentences of the KazNERD validation split (all without ``n``), cut into
    documents of ``ARTICLE`` sentences. As one 11,167-sentence document, each move would count the
    document's progress over all of it (about 8 ms here), which says nothing about training."""
    blocks = [b for b in KAZNERD.read_text(encoding="utf-8").split("\n\n") if b.strip()][:n]
    parts = []
    for i, block in enumerate(blocks):
        if i % ARTICLE == 0:
            parts.append("-DOCSTART- O")
        parts.append(block.strip())
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return out


def measure(sentences: int | None, actions: int, work: Path) -> dict[str, object]:
    """Import, open the window, time keys before and during training; the figures."""
    os.environ["XDG_DATA_HOME"] = str(work / "xdg")
    from annotator.gui.main_window import AnnotationWindow
    from annotator.services.importing import ImportOptions, import_paths
    from annotator.services.project import create
    from annotator.store import queries

    app = QApplication.instance() or QApplication([])
    project = create(str(work / "kaznerd.sqlite"))
    t0 = time.perf_counter()
    source = _articles(sentences, work / "kaznerd.conll")
    import_paths(project, [source], ImportOptions(fmt="conll", annotator="k", status="done"))
    imported = time.perf_counter() - t0
    with project.reading() as s:
        me = queries.find_annotator(s, "k")
    assert me is not None
    window = AnnotationWindow(project, me, QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    tokens = window.tokens

    def keys(n: int) -> tuple[list[float], list[float]]:
        nxt = _timed(lambda: QTest.keyClick(tokens, Qt.Key.Key_PageDown), n)
        label = _timed(
            lambda: QTest.keyClick(tokens, Qt.Key.Key_3),
            n,
            lambda: QTest.keyClick(tokens, Qt.Key.Key_PageDown),
        )
        return nxt, label

    idle_next, idle_label = keys(actions)
    started = time.perf_counter()
    QTest.keyClick(tokens, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    busy_next: list[float] = []
    busy_label: list[float] = []
    while window.session.assist.training and len(busy_next) < 20 * actions:
        n, lab = keys(20)
        if window.session.assist.training:  # only what ran while the child trained counts
            busy_next += n
            busy_label += lab
    while window.session.assist.training:
        window.assisting.poll()
        app.processEvents()
        time.sleep(0.2)
    window.assisting.poll()
    trained = time.perf_counter() - started
    infos = window.session.assist.suggester.models() if window.session.assist.suggester else []
    quality = {i.kind: (i.quality.f1 if i.quality else None) for i in infos}
    window.close()
    project.close()
    return {
        "sentences": sentences or "all",
        "import_s": round(imported, 2),
        "training_s": round(trained, 1),
        "idle": {"next": summary(idle_next), "label": summary(idle_label)},
        "training": {"next": summary(busy_next), "label": summary(busy_label)} if busy_next else None,
        "keys_during_training": len(busy_next) + len(busy_label),
        "held_out_f1": quality,
    }


def main() -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=None, help="the first N sentences (default: all)")
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    if not KAZNERD.exists():
        print(f"skipped: {KAZNERD} is absent", file=sys.stderr)
        return 0
    work = Path(tempfile.mkdtemp(prefix="annotator-training-"))
    try:
        r = measure(args.sentences, args.actions, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"trained {r['sentences']} sentences in {r['training_s']} s (import {r['import_s']} s)")
    for phase in ("idle", "training"):
        figures = r[phase]
        if isinstance(figures, dict):
            for key in ("next", "label"):
                median, p95 = figures[key]["median_ms"], figures[key]["p95_ms"]
                print(f"  {phase:<9} {key:<6} median {median:6.1f} ms   p95 {p95:6.1f} ms")
    print(f"  held-out F1: {r['held_out_f1']}")
    print(json.dumps(r))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown of Qt objects
