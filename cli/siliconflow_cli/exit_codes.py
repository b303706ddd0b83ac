"""Exit statuses of `siliconflow`, distinct so scripts can tell the failures apart."""

from __future__ import annotations

OK = 0
API_ERROR = 1  # the API answered with an error, or could not be reached; nothing was printed on stdout
USAGE_ERROR = 2  # bad arguments, a missing API key, unreadable input (argparse's own status)
STREAM_BROKEN = 3  # a stream failed after it started; what arrived was printed
INTERNAL_ERROR = 70  # a bug in siliconflow itself (sysexits EX_SOFTWARE): one line, please report it
IO_ERROR = 74  # a local file could not be read or written (a full disk, `ulimit -f`): sysexits EX_IOERR
TRY_LATER = 75  # OUT is in use by another job, or batches had not ended in --max-wait: EX_TEMPFAIL
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
# One wording for Ctrl-C, whether it came while waiting for an answer or while one streamed in.
INTERRUPTED_MESSAGE = "siliconflow: interrupted\n"

EXIT_CODES_HELP = """\
exit status:
  0    success
  1    API or network error: one line on stderr with the HTTP status, SiliconFlow code and message
       (for `siliconflow mock`: the server could not start, or the mock extra is not installed)
  2    usage error (bad arguments, no API key, text that is not UTF-8, an input file that is not
       JSON or larger than 64 MiB)
  3    the stream broke after it started; what arrived is printed (with --json, the partial completion)
  70   an internal error (a bug): one line on stderr naming it; please report it
  74   a file could not be read or written (disk full, file too large): one line naming the file
  75   try again later: the output file is in use by another `batch run`/`batch results`,
       or the batches had not ended within --max-wait (they keep running on the server)
  130  interrupted
"""
