"""`siliconflow_api/params.py`: the request of `ChatCompletionRequest` as `TypedDict`s, from openapi.yaml.

openapi-python-client writes attrs classes; a caller of `client.chat.completions.create(...)` writes
dict literals, as with openai-python. These TypedDicts type those literals (mypy, pyright) and carry
openai-python's names where the shape means the same thing, so code written for openai-python
type-checks unchanged. Called by scripts/generate.py; deterministic, so `make check-generated` holds.
"""

from __future__ import annotations

import re
from typing import Any

REQUEST_SCHEMA = "ChatCompletionRequest"
# Component schema -> the name of openai-python's type for the same shape (`openai.types.chat`).
PARAM_NAMES = {
    "ChatMessage": "ChatCompletionMessageParam",
    "SystemMessage": "ChatCompletionSystemMessageParam",
    "UserMessage": "ChatCompletionUserMessageParam",
    "AssistantMessage": "ChatCompletionAssistantMessageParam",
    "ToolMessage": "ChatCompletionToolMessageParam",
    "ContentPart": "ChatCompletionContentPartParam",
    "TextPart": "ChatCompletionContentPartTextParam",
    "ImageUrlPart": "ChatCompletionContentPartImageParam",
    "VideoUrlPart": "ChatCompletionContentPartVideoParam",
    "AudioUrlPart": "ChatCompletionContentPartAudioParam",
    "ChatCompletionTool": "ChatCompletionToolParam",
    "FunctionDefinition": "FunctionDefinition",
    "ToolCall": "ChatCompletionMessageToolCallParam",
    "FunctionCall": "FunctionCallParam",
    "ToolChoice": "ChatCompletionToolChoiceOptionParam",
    "NamedToolChoice": "ChatCompletionNamedToolChoiceParam",
    "ResponseFormat": "ResponseFormat",
    "ResponseFormatText": "ResponseFormatText",
    "ResponseFormatJsonObject": "ResponseFormatJSONObject",
    "ResponseFormatJsonSchema": "ResponseFormatJSONSchema",
    "JsonSchemaFormat": "JSONSchema",
    "MediaDetail": "MediaDetail",
}
# openai-python splits the request on `stream` so that `create(stream=True)` is typed as a stream.
BASE_NAME = "CompletionCreateParamsBase"
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
STREAM_FIELD = "stream"

HEADER = '''"""The `{schema}` as `TypedDict`s: what `client.chat.completions.create(...)` accepts.

Written by scripts/generate.py (`make generate`) from openapi.yaml; never edit by hand. Names follow
openai-python's (`openai.types.chat`) where the shape means the same; import them from
`siliconflow.types`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NotRequired, Required, TypeAlias, TypedDict

__all__ = [
{names}
]
'''


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _camel(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\W]+", name) if part)


class _Writer:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.blocks: dict[str, str] = {}  # type name -> its definition, in dependency order
        self.names: list[str] = []

    def type_of(self, schema: dict[str, Any], owner: str, field: str) -> str:  # noqa: PLR0911 - one per shape
        """The annotation of `schema`, writing the TypedDicts it needs first."""
        if "$ref" in schema:
            return self.named(_ref_name(schema["$ref"]))
        for key in ("oneOf", "anyOf"):
            if key in schema:
                parts = [self.type_of(branch, owner, field) for branch in schema[key]]
                return " | ".join(dict.fromkeys(parts))
        kinds = schema.get("type", "object")
        if isinstance(kinds, list):
            parts = [self.type_of({**schema, "type": kind}, owner, field) for kind in kinds]
            return " | ".join(dict.fromkeys(parts))
        if "const" in schema:
            return f"Literal[{schema['const']!r}]".replace("'", '"')
        if "enum" in schema:
            return "Literal[" + ", ".join(f'"{value}"' for value in schema["enum"]) + "]"
        if kinds == "array":
            item = self.type_of(schema.get("items", {}), owner, field)
            # A str is an Iterable[str]: strings go in a list, as openai-python's SequenceNotStr.
            return f"list[{item}]" if item == "str" else f"Iterable[{item}]"
        if kinds == "object":
            if schema.get("properties"):
                return self.typed_dict(owner + _camel(field), schema)
            return "dict[str, object]"
        return _SCALARS[kinds]

    def named(self, component: str) -> str:
        name = PARAM_NAMES.get(component, component + "Param")
        if name in self.blocks or name in self.names:
            return name
        self.names.append(name)  # before the body: a schema may refer to itself
        schema = self.schemas[component]
        if schema.get("type") == "object" or "properties" in schema:
            self.typed_dict(name, schema, registered=True)
        else:
            self.blocks[name] = f"{name}: TypeAlias = {self.type_of(schema, name, '')}\n"
        return name

    def typed_dict(
        self, name: str, schema: dict[str, Any], *, registered: bool = False, skip: tuple[str, ...] = ()
    ) -> str:
        if not registered:
            self.names.append(name)
        required = set(schema.get("required", ()))
        lines = [f"class {name}(TypedDict, total=False):"]
        for field, sub in schema.get("properties", {}).items():
            if field in skip:
                continue
            annotation = self.type_of(sub, name, field)
            wrap = "Required" if field in required else "NotRequired"
            lines.append(f"    {field}: {wrap}[{annotation}]")
        if len(lines) == 1:
            lines.append("    pass")
        self.blocks[name] = "\n".join(lines) + "\n"
        return name


def render_params(spec: dict[str, Any]) -> str:
    """The text of `params.py`."""
    writer = _Writer(spec)
    request = spec["components"]["schemas"][REQUEST_SCHEMA]
    writer.typed_dict(BASE_NAME, request, skip=(STREAM_FIELD,))
    writer.names += ["CompletionCreateParamsNonStreaming", "CompletionCreateParamsStreaming"]
    writer.blocks["CompletionCreateParamsNonStreaming"] = (
        f"class CompletionCreateParamsNonStreaming({BASE_NAME}, total=False):\n"
        f"    {STREAM_FIELD}: NotRequired[Literal[False] | None]\n"
    )
    writer.blocks["CompletionCreateParamsStreaming"] = (
        f"class CompletionCreateParamsStreaming({BASE_NAME}, total=False):\n"
        f"    {STREAM_FIELD}: Required[Literal[True]]\n"
    )
    writer.names.append("CompletionCreateParams")
    writer.blocks["CompletionCreateParams"] = (
        "CompletionCreateParams: TypeAlias = "
        "CompletionCreateParamsNonStreaming | CompletionCreateParamsStreaming\n"
    )
    names = "\n".join(f'    "{name}",' for name in sorted(writer.names))
    body = "\n\n".join(writer.blocks.values())
    return HEADER.format(schema=REQUEST_SCHEMA, names=names) + "\n\n" + body
