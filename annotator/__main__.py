"""``python -m annotator`` runs the command-line interface."""

import sys

from annotator.cli import main

sys.exit(main())
