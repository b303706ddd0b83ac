"""A 2xx non-stream answer -> its generated model, or `MalformedResponseError` (sans-IO).

The overlays install `check_response` / `acheck_response` as httpx response hooks on the generated
client (`client.api`), so the plain generated calls get typed errors too:
`create_chat_completion.sync(client=client.api, body=...)` on a 200 HTML page, `{"id": "x"}` or an
error payload raises `MalformedResponseError` (a `SiliconFlowError`), never `JSONDecodeError` or
`KeyError` from inside the generated parser. The model parsed by the hook is kept in
`response.extensions`, so `client.create()` parses each body once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, Protocol, Self, TypeVar

import httpx
import orjson
from siliconflow_api.errors import MalformedDataError
from siliconflow_api.models.chat_completion import ChatCompletion
from siliconflow_api.models.model_list import ModelList
from siliconflow_api.models.user_info_response import UserInfoResponse
from siliconflow_api.types import UNSET

from .drift import note_drift
from .errors import MalformedResponseError
from .media_types import EVENT_STREAM, media_type
from .redact import preview, redact, secret_of

__all__ = [
    "acheck_response",
    "built",
    "check_response",
    "completion_of",
    "decoded",
    "model_of",
    "parse_model",
]

# The extension that carries the parsed model from the hook to `client.create()`.
PARSED_EXTENSION: Final = "siliconflow.parsed"
_PREVIEW_CHARS: Final = 100


class _Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Any, _drift: Any = ..., _path: str = ...) -> Self: ...


M = TypeVar("M", bound=_Model)
T = TypeVar("T")

# The endpoints whose 2xx answer the hooks check, by the end of the URL path, and what they answer.
_MODELS: Final[dict[str, tuple[type[_Model], str]]] = {
    "/chat/completions": (ChatCompletion, "a chat completion"),
    "/models": (ModelList, "a model list"),
    "/user/info": (UserInfoResponse, "SiliconFlow's user info envelope"),
}


def check_response(response: httpx.Response) -> None:
    """httpx response hook (sync): raise `MalformedResponseError` for a 2xx body that does not parse."""
    if _checked(response):
        response.read()
        _parse(response)


async def acheck_response(response: httpx.Response) -> None:
    """httpx response hook (async): as `check_response`."""
    if _checked(response):
        await response.aread()
        _parse(response)


def completion_of(response: httpx.Response) -> ChatCompletion:
    """The `ChatCompletion` of a read 2xx response (parsed by the hook, or now)."""
    return model_of(response, ChatCompletion)


def model_of(response: httpx.Response, model: type[M]) -> M:
    """The generated `model` of a read 2xx response (parsed by the hook, or now)."""
    parsed = response.extensions.get(PARSED_EXTENSION)
    if isinstance(parsed, model):
        return parsed
    value = _parse_as(response, model, _what(model))
    response.extensions[PARSED_EXTENSION] = value
    return value


def _what(model: type[_Model]) -> str:
    return next((what for known, what in _MODELS.values() if known is model), model.__name__)


def _checked(response: httpx.Response) -> bool:
    # A stream request's answer belongs to stream.py, whatever its content type turns out to be.
    request = response.request
    return (
        response.is_success
        and request.url.path.endswith(tuple(_MODELS))
        and media_type(response) != EVENT_STREAM
        and request.headers.get("accept") != EVENT_STREAM
    )


def _parse(response: httpx.Response) -> None:
    path = response.request.url.path
    for suffix, (model, what) in _MODELS.items():
        if path.endswith(suffix):
            response.extensions[PARSED_EXTENSION] = _parse_as(response, model, what)
            return


def decoded(response: httpx.Response, what: str) -> Any:
    """The JSON of a 2xx body, or `MalformedResponseError` saying it is not `what`."""
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError:
        status = response.status_code
        # The server's words help (a proxy's "Incorrect API key provided" page), redacted: such a
        # page may echo the key.
        kind = f"{media_type(response) or 'no content type'}, {len(response.content)} bytes"
        shown = preview(redact(response.text, secret_of(response.request)), _PREVIEW_CHARS)
        message = f"HTTP {status}: the body is not {what}: not JSON ({kind}): {shown!r}"
        raise MalformedResponseError(message, response=response) from None


def built(response: httpx.Response, payload: Any, what: str, build: Callable[[], T]) -> T:
    """`build()` (generated `from_dict` calls on `payload`), its `MalformedDataError` made typed."""
    try:
        return build()
    except MalformedDataError as exc:
        hint = " (an error payload)" if _looks_like_error(payload) else ""
        message = f"HTTP {response.status_code}: the body is not {what}{hint}: {exc}"
        error = MalformedResponseError(message, response=response)
        error.path, error.expected = exc.path, exc.expected
        raise error from exc


def _parse_as(response: httpx.Response, model: type[M], what: str) -> M:
    payload = decoded(response, what)
    return built(response, payload, what, lambda: model.from_dict(payload, note_drift))


def _looks_like_error(payload: object) -> bool:
    if not isinstance(payload, dict) or "choices" in payload or "data" in payload:
        return False
    return "error" in payload or "message" in payload


def parse_model(cls: type[T], response: httpx.Response, *, unwrap: tuple[str, ...] = ()) -> T:
    """`cls.from_dict` of the JSON body (after following `unwrap` keys); MalformedResponseError if not."""
    what = f"a {cls.__name__}"
    payload = decoded(response, what)

    def build() -> T:
        data, path = payload, ""
        for key in unwrap:
            if not isinstance(data, dict):
                raise MalformedDataError(path, "object", data)
            data, path = data.get(key, UNSET), f"{path}.{key}".lstrip(".")
        return cls.from_dict(data, note_drift, path)  # type: ignore[attr-defined, no-any-return]

    return built(response, payload, what, build)
