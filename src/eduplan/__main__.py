"""``python -m eduplan``: the same command line as ``eduplan``."""

import sys

from eduplan.cli import main

if __name__ == "__main__":
    sys.exit(main())
