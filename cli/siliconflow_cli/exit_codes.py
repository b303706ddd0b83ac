"""Exit statuses of `siliconflow`, distinct so scripts can tell the failures apart."""

from __future__ import annotations

OK = 0
API_ERROR = 1  # the API answered with an error, or could not be reached; nothing was printed on stdout
USAGE_ERROR = 2  # bad arguments or a missing API key (argparse's own status)
STREAM_BROKEN = 3  # a stream failed after it started; what arrived was printed
INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
# One wording for Ctrl-C, whether it came while waiting for an answer or while one streamed in.
INTERRUPTED_MESSAGE = "siliconflow: interrupted\n"

EXIT_CODES_HELP = """\
exit status:
  0    success
  1    API or network error: one line on stderr with the HTTP status, SiliconFlow code and message
       (for `siliconflow mock`: the server could not start, or the mock extra is not installed)
  2    usage error (bad arguments, no API key)
  3    the stream broke after it started; what arrived is printed (with --json, the partial completion)
  130  interrupted
"""
