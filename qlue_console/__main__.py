"""``python -m qlue_console`` is the same as ``qlue-console``."""

import sys

from qlue_console.cli import main

sys.exit(main())
