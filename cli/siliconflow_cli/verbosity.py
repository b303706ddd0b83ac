"""`--verbose`: the library's log notes on stderr (retries, drift); without it, none of them.

Without a handler Python prints WARNING records anyway (its last-resort handler), so a quiet run
gets a NullHandler: a drift warning would otherwise interleave with the answer.
"""

from __future__ import annotations

import logging
from typing import TextIO

LIBRARY_LOGGER = "siliconflow"  # retries (INFO) and, below it, siliconflow._core.drift (WARNING)


_HANDLER_NAME = "siliconflow-cli"


def configure_logging(verbose: bool, err: TextIO) -> None:
    """Route the library's records for one command (again on every call: no duplicates)."""
    logger = logging.getLogger(LIBRARY_LOGGER)
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(old)
    handler: logging.Handler
    if verbose:
        handler = logging.StreamHandler(err)
        handler.setFormatter(logging.Formatter("siliconflow: %(message)s"))
        logger.setLevel(logging.INFO)
    else:
        handler = logging.NullHandler()
    handler.set_name(_HANDLER_NAME)
    logger.addHandler(handler)
    logger.propagate = not verbose
