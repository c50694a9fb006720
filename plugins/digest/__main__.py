"""`python -m digest DUMPS POSTS`: the ingest's command line (ingest/cli.py), what `make ingest` runs."""
import sys

from .ingest.cli import main

sys.exit(main())
