"""`python -m siliconflow_cli`, the same as the `siliconflow` command."""

import sys

from .main import main

sys.exit(main())
