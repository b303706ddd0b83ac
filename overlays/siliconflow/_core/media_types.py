"""Telling an event stream from a JSON body by the response's content type."""

from __future__ import annotations

import httpx

EVENT_STREAM = "text/event-stream"


def media_type(response: httpx.Response) -> str:
    """The response's media type without parameters, lower-case ("" when there is no header)."""
    content_type: str = response.headers.get("content-type", "")
    return content_type.partition(";")[0].strip().lower()
