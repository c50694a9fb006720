"""`python -m digest.publish OUTPUT --settings pelican.conf.py ...`: what `make publish` runs (push.py)."""
import sys

from .push import main

sys.exit(main())
