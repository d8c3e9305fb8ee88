"""The same corpus on a PostgreSQL server (issue 19: the import and the window measured at scale).

``make bench ARGS="--postgres postgresql+psycopg://USER:PASS@HOST/DB"`` makes a new database on
that server, imports the benchmark's CoNLL file into it, exports it, times ``annotator stats`` as a
whole process and opens the window on it (tests/benchmarks/gui_latency.py), then drops the
database again (kept with ``--keep``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from annotator.services.exporting import ExportOptions, export_layer
from annotator.services.importing import ImportOptions, import_paths
from annotator.services.project import create
from tests.benchmarks.scale import _annotator

Phase = Callable[[dict[str, Any], str, Callable[[], Any]], Any]
Window = Callable[[str], dict[str, Any]]


def measure(server: str, conll: Path, work: Path, phase: Phase, window: Window, keep: bool) -> dict[str, Any]:
    """Import, export, stats and the window on a new database of ``server``; the figures."""
    name = f"annotator_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    r: dict[str, Any] = {"database": name}
    print(f"  PostgreSQL: database {name} ...", flush=True)
    try:
        project = create(url)
        phase(r, "pg_conll_import", lambda: import_paths(project, [conll], ImportOptions(annotator="a")))
        out = work / "pg-out.conll"
        options = ExportOptions(fmt="conll", annotator="a", status="all", out=str(out))
        phase(r, "pg_conll_export", lambda: export_layer(project, options))
        r["export_identical"] = out.read_bytes() == conll.read_bytes()
        project.close()
        r["stats_process_s"] = round(_annotator("stats", "--db", url), 3)
        r["gui"] = window(url)
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
    return r


def describe(r: dict[str, Any]) -> list[str]:
    """The lines of the table for the PostgreSQL figures."""
    g = r["gui"]
    return [
        f"PostgreSQL ({r['database']}): import {r['pg_conll_import']['seconds']:.1f} s "
        f"({r['pg_conll_import']['peak_rss_mb']:.0f} MB), export {r['pg_conll_export']['seconds']:.1f} s "
        f"(identical: {r['export_identical']}), annotator stats {r['stats_process_s']:.2f} s",
        f"  window: first sentence {g['first_sentence_s']:.2f} s; "
        f"p95 next {g['next_sentence']['p95_ms']:.1f} "
        f"/ label {g['label']['p95_ms']:.1f} / undo {g['undo']['p95_ms']:.1f} ms",
    ]
