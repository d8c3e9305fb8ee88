"""Standard output of the command line: a full disk is one line, a closed pipe ends quietly."""

from __future__ import annotations

import os
import sys

from annotator.core.errors import AnnotatorError

EXIT_ERROR = 1
EXIT_PIPE_CLOSED = 141  # what a shell shows for a program ended by SIGPIPE


class StdoutError(AnnotatorError):
    """Standard output cannot be written (a full disk, a device that refuses the data)."""

    def __init__(self, exc: OSError):
        super().__init__(f"cannot write to standard output ({exc.strerror or exc})")


def emit(text: str, end: str = "\n") -> None:
    """Write to standard output; a failure is one StdoutError, a closed pipe is left to ``main``."""
    try:
        sys.stdout.write(text + end)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutError(exc) from None


def flush_stdout(status: int) -> int:
    """Flush standard output here, so a full disk is one line and a closed pipe no traceback at exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return pipe_closed()
    except OSError as exc:
        _drop_stdout()  # what is still buffered would fail again when Python exits
        if status == 0:
            print(f"annotator: {StdoutError(exc)}", file=sys.stderr)
            return EXIT_ERROR
    return status


def pipe_closed() -> int:
    """The reader of standard output went away (``| head``): end quietly, as Python's docs advise."""
    _drop_stdout()
    return EXIT_PIPE_CLOSED


def _drop_stdout() -> None:
    """Point standard output at the null device, so nothing more fails when Python flushes it."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):
        return  # not a file descriptor (captured in tests): nothing to redirect
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
