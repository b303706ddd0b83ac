"""Bulk jobs: thousands of chat requests from a JSONL file, online (`run_bulk`) or via the Batch API.

Both paths read and write the Batch API's own line formats, so a file moves between them unchanged.
"""

from .batch_jobs import (
    BatchNotFinishedError,
    BatchWaitTimeoutError,
    progress_line,
    submit,
    wait,
    write_results,
)
from .jsonl import InputError, InputProblem
from .limits import named_limit
from .output import OutputFileError, OutputFileLockedError, OutputWriteError
from .progress import BulkSummary, Prices, load_prices
from .runner import BulkOptions, run_bulk, run_bulk_async

__all__ = [
    "BatchNotFinishedError",
    "BatchWaitTimeoutError",
    "BulkOptions",
    "BulkSummary",
    "InputError",
    "InputProblem",
    "OutputFileError",
    "OutputFileLockedError",
    "OutputWriteError",
    "Prices",
    "load_prices",
    "named_limit",
    "progress_line",
    "run_bulk",
    "run_bulk_async",
    "submit",
    "wait",
    "write_results",
]
