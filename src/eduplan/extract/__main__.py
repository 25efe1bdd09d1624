"""``python -m eduplan.extract``."""

import sys

from eduplan.extract.command import main

sys.exit(main())
