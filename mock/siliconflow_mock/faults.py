"""Fault injection, switched on per request by headers, so a client's error paths can be tested.

Headers (names are case-insensitive):

    X-Mock-Fault: <name>            the fault to inject (table below)
    X-Mock-Fault-Times: <n>         inject it only on the first n attempts, then answer normally, so a
                                    client's retries can succeed; attempts are counted per
    X-Mock-Fault-Key: <text>        ... this key, or, without it, per fault name and request body
    X-Mock-Fault-After: <k>         mid-stream faults strike after k chunks (default: half the chunks)
    X-Mock-Delay-Ms: <ms>           the delay of slow-first-byte (default 1000)
    X-Mock-Retry-After: <value>     the Retry-After / retry-after-ms value sent verbatim
                                    (defaults: "1" second, "100" ms)
    X-Mock-Chunk-Delay-Ms: <ms>     not a fault: a pause between stream chunks (default 0)

Faults before any response:

    rate-limit                  429 {"message": ..., "data": null}, no Retry-After (as SiliconFlow)
    rate-limit-retry-after      429 with `Retry-After: 1`
    rate-limit-retry-after-ms   429 with `retry-after-ms: 100` (the header openai-python reads first)
    overloaded                  503 {"code": 50505, "message": "Model service overloaded. ...", "data": null}
    gateway-timeout             504 with a bare JSON string body
    server-error                500 with a bare JSON string body
    connection-reset            the socket is reset (TCP RST) without any response
    slow-first-byte             the usual answer after X-Mock-Delay-Ms, before the status line

Faults in a stream (the request must have `stream: true`):

    stream-cut                  the stream ends cleanly after k chunks, without `data: [DONE]`
    stream-reset                the socket is reset after k chunks
    malformed-chunk             a chunk of truncated JSON is sent after k chunks, then the rest
    error-event                 `data: {"code": 50505, "message": ..., "data": null}` after k chunks,
                                then the stream ends without `data: [DONE]`

A fault in the answer (the request must ask for `response_format` json_object or json_schema):

    invalid-json                the JSON answer is cut in half, so it does not parse (streamed or not)

A bad value in any of these headers gets 400 with code 20015 and a message naming the header.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

FAULT_HEADER = "x-mock-fault"
TIMES_HEADER = "x-mock-fault-times"
KEY_HEADER = "x-mock-fault-key"
AFTER_HEADER = "x-mock-fault-after"
DELAY_HEADER = "x-mock-delay-ms"
RETRY_AFTER_HEADER = "x-mock-retry-after"
CHUNK_DELAY_HEADER = "x-mock-chunk-delay-ms"

DEFAULT_DELAY_MS = 1000
# A delay is a test tool, not a way to park a server: a minute is longer than any sane client timeout.
MAX_DELAY_MS = 60_000
# Bounds the memory of the attempt counter under a fuzzer that sends a new key with every request.
MAX_COUNTED_KEYS = 10_000

RATE_LIMIT_MESSAGE = (
    "Request was rejected due to rate limiting. If you want more, please contact "
    "contact@siliconflow.cn. Details:TPM limit reached."
)
OVERLOADED_CODE = 50505
OVERLOADED_MESSAGE = "Model service overloaded. Please try again later."
GATEWAY_TIMEOUT_MESSAGE = "Gateway Timeout"
SERVER_ERROR_MESSAGE = "Internal Server Error"


class Fault(StrEnum):
    RATE_LIMIT = "rate-limit"
    RATE_LIMIT_RETRY_AFTER = "rate-limit-retry-after"
    RATE_LIMIT_RETRY_AFTER_MS = "rate-limit-retry-after-ms"
    OVERLOADED = "overloaded"
    GATEWAY_TIMEOUT = "gateway-timeout"
    SERVER_ERROR = "server-error"
    CONNECTION_RESET = "connection-reset"
    SLOW_FIRST_BYTE = "slow-first-byte"
    STREAM_CUT = "stream-cut"
    STREAM_RESET = "stream-reset"
    MALFORMED_CHUNK = "malformed-chunk"
    ERROR_EVENT = "error-event"
    INVALID_JSON = "invalid-json"

    @property
    def in_stream(self) -> bool:
        """True for the faults that strike after a stream has started."""
        return self in STREAM_FAULTS


STREAM_FAULTS = frozenset({Fault.STREAM_CUT, Fault.STREAM_RESET, Fault.MALFORMED_CHUNK, Fault.ERROR_EVENT})


class FaultHeaderError(ValueError):
    """A fault header has a value the mock does not understand; the message says which and why."""


@dataclass(frozen=True)
class FaultSettings:
    """What the X-Mock-* headers of one request ask for."""

    fault: Fault | None = None
    times: int | None = None
    key: str | None = None
    after: int | None = None
    delay_seconds: float = DEFAULT_DELAY_MS / 1000
    retry_after: str | None = None
    chunk_delay_seconds: float = 0.0

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> FaultSettings:
        """Read the X-Mock-* headers; raise FaultHeaderError on a bad value."""
        name = headers.get(FAULT_HEADER)
        fault = None
        if name is not None:
            try:
                fault = Fault(name.strip().lower())
            except ValueError:
                known = ", ".join(f.value for f in Fault)
                raise FaultHeaderError(
                    f"X-Mock-Fault: unknown fault {name!r}; known faults: {known}"
                ) from None
        retry_after = headers.get(RETRY_AFTER_HEADER)
        if retry_after is not None and not retry_after.strip():
            raise FaultHeaderError("X-Mock-Retry-After: must not be empty")
        settings = cls(
            fault=fault,
            times=_integer(headers, TIMES_HEADER, "X-Mock-Fault-Times", minimum=1),
            key=headers.get(KEY_HEADER),
            after=_integer(headers, AFTER_HEADER, "X-Mock-Fault-After", minimum=0),
            delay_seconds=_milliseconds(headers, DELAY_HEADER, "X-Mock-Delay-Ms", DEFAULT_DELAY_MS),
            retry_after=retry_after,
            chunk_delay_seconds=_milliseconds(headers, CHUNK_DELAY_HEADER, "X-Mock-Chunk-Delay-Ms", 0),
        )
        if fault is None and (settings.times is not None or settings.key is not None):
            raise FaultHeaderError("X-Mock-Fault-Times and X-Mock-Fault-Key need an X-Mock-Fault header")
        return settings


def _integer(headers: Mapping[str, str], key: str, label: str, *, minimum: int) -> int | None:
    raw = headers.get(key)
    if raw is None:
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        raise FaultHeaderError(f"{label}: expected an integer, got {raw!r}") from None
    if value < minimum:
        raise FaultHeaderError(f"{label}: must be at least {minimum}, got {value}")
    return value


def _milliseconds(headers: Mapping[str, str], key: str, label: str, default: int) -> float:
    value = _integer(headers, key, label, minimum=0)
    if value is None:
        value = default
    if value > MAX_DELAY_MS:
        raise FaultHeaderError(f"{label}: at most {MAX_DELAY_MS} ms, got {value}")
    return value / 1000


class AttemptCounter:
    """Counts the attempts of each logical request, so a fault can strike only the first n of them."""

    def __init__(self) -> None:
        self._attempts: dict[str, int] = {}

    def strikes(self, settings: FaultSettings, body: bytes) -> bool:
        """Whether the requested fault applies to this attempt (counting it)."""
        if settings.fault is None:
            return False
        if settings.times is None:
            return True
        key = settings.key or _body_key(settings.fault, body)
        attempt = self._attempts.pop(key, 0) + 1
        self._attempts[key] = attempt  # re-inserted last, so eviction below drops the oldest keys
        while len(self._attempts) > MAX_COUNTED_KEYS:
            del self._attempts[next(iter(self._attempts))]
        return attempt <= settings.times


def _body_key(fault: Fault, body: bytes) -> str:
    return hashlib.sha256(fault.value.encode() + b"\0" + body).hexdigest()
