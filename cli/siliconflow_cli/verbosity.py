"""`--verbose`: the library's log notes on stderr (retries, drift); without it, none of them.

Without a handler Python prints WARNING records anyway (its last-resort handler), so a quiet run
gets a NullHandler: a drift warning would otherwise interleave with the answer.
"""

from __future__ import annotations

import logging
from typing import TextIO

LIBRARY_LOGGER = "siliconflow"  # retries (INFO) and, below it, siliconflow.drift (WARNING)


def configure_logging(verbose: bool, err: TextIO) -> None:
    logger = logging.getLogger(LIBRARY_LOGGER)
    if not verbose:
        logger.addHandler(logging.NullHandler())
        return
    handler = logging.StreamHandler(err)
    handler.setFormatter(logging.Formatter("siliconflow: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
