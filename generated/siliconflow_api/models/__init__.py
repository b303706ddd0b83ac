"""Contains all the data models used in inputs/outputs"""

# Our override of the generator's template: each model is imported on first use (PEP 562), so a
# program pays only for the models it touches (`from siliconflow_api.models import X` works as before).
# A schema renamed in the spec stays importable under each of its `x-former-names`, with a
# DeprecationWarning (`_former_names.jinja` is written by scripts/generate.py).
import importlib
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .assistant_message import AssistantMessage
    from .audio_url_part import AudioUrlPart
    from .audio_url_part_audio_url import AudioUrlPartAudioUrl
    from .batch import Batch
    from .batch_create_request import BatchCreateRequest
    from .batch_create_request_endpoint import BatchCreateRequestEndpoint
    from .batch_create_request_metadata import BatchCreateRequestMetadata
    from .batch_list import BatchList
    from .batch_metadata_type_0 import BatchMetadataType0
    from .batch_replace import BatchReplace
    from .batch_request_counts import BatchRequestCounts
    from .chat_completion import ChatCompletion
    from .chat_completion_chunk import ChatCompletionChunk
    from .chat_completion_request import ChatCompletionRequest
    from .chat_completion_request_reasoning_effort import (
        ChatCompletionRequestReasoningEffort,
    )
    from .chat_completion_sse_event import ChatCompletionSseEvent
    from .chat_completion_tool import ChatCompletionTool
    from .chat_completion_tool import (
        ChatCompletionTool as Tool,  # deprecated: the schema's former name
    )
    from .choice import Choice
    from .chunk_choice import ChunkChoice
    from .chunk_delta import ChunkDelta
    from .completion_tokens_details import CompletionTokensDetails
    from .error_body import ErrorBody
    from .file_list import FileList
    from .file_list_response import FileListResponse
    from .file_object import FileObject
    from .file_upload_request import FileUploadRequest
    from .file_upload_request_purpose import FileUploadRequestPurpose
    from .file_upload_response import FileUploadResponse
    from .function_call import FunctionCall
    from .function_call_delta import FunctionCallDelta
    from .function_definition import FunctionDefinition
    from .function_definition_parameters import FunctionDefinitionParameters
    from .image_url_part import ImageUrlPart
    from .image_url_part_image_url import ImageUrlPartImageUrl
    from .json_schema_format import JsonSchemaFormat
    from .json_schema_format_schema import JsonSchemaFormatSchema
    from .list_files_purpose import ListFilesPurpose
    from .media_detail import MediaDetail
    from .model import Model
    from .model_list import ModelList
    from .model_sub_type import ModelSubType
    from .model_type import ModelType
    from .named_tool_choice import NamedToolChoice
    from .named_tool_choice_function import NamedToolChoiceFunction
    from .prompt_tokens_details import PromptTokensDetails
    from .rate_limit_error_body import RateLimitErrorBody
    from .response_format_json_object import ResponseFormatJsonObject
    from .response_format_json_schema import ResponseFormatJsonSchema
    from .response_format_text import ResponseFormatText
    from .response_message import ResponseMessage
    from .system_message import SystemMessage
    from .text_part import TextPart
    from .tool_call import ToolCall
    from .tool_call_delta import ToolCallDelta
    from .tool_choice_type_0 import ToolChoiceType0
    from .tool_message import ToolMessage
    from .usage import Usage
    from .user_info import UserInfo
    from .user_info_response import UserInfoResponse
    from .user_message import UserMessage
    from .video_url_part import VideoUrlPart
    from .video_url_part_video_url import VideoUrlPartVideoUrl

# Public name -> the module that defines it.
_SOURCES: dict[str, str] = {
    "AssistantMessage": ".assistant_message",
    "AudioUrlPart": ".audio_url_part",
    "AudioUrlPartAudioUrl": ".audio_url_part_audio_url",
    "Batch": ".batch",
    "BatchCreateRequest": ".batch_create_request",
    "BatchCreateRequestEndpoint": ".batch_create_request_endpoint",
    "BatchCreateRequestMetadata": ".batch_create_request_metadata",
    "BatchList": ".batch_list",
    "BatchMetadataType0": ".batch_metadata_type_0",
    "BatchReplace": ".batch_replace",
    "BatchRequestCounts": ".batch_request_counts",
    "ChatCompletion": ".chat_completion",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionRequest": ".chat_completion_request",
    "ChatCompletionRequestReasoningEffort": ".chat_completion_request_reasoning_effort",
    "ChatCompletionSseEvent": ".chat_completion_sse_event",
    "ChatCompletionTool": ".chat_completion_tool",
    "Choice": ".choice",
    "ChunkChoice": ".chunk_choice",
    "ChunkDelta": ".chunk_delta",
    "CompletionTokensDetails": ".completion_tokens_details",
    "ErrorBody": ".error_body",
    "FileList": ".file_list",
    "FileListResponse": ".file_list_response",
    "FileObject": ".file_object",
    "FileUploadRequest": ".file_upload_request",
    "FileUploadRequestPurpose": ".file_upload_request_purpose",
    "FileUploadResponse": ".file_upload_response",
    "FunctionCall": ".function_call",
    "FunctionCallDelta": ".function_call_delta",
    "FunctionDefinition": ".function_definition",
    "FunctionDefinitionParameters": ".function_definition_parameters",
    "ImageUrlPart": ".image_url_part",
    "ImageUrlPartImageUrl": ".image_url_part_image_url",
    "JsonSchemaFormat": ".json_schema_format",
    "JsonSchemaFormatSchema": ".json_schema_format_schema",
    "ListFilesPurpose": ".list_files_purpose",
    "MediaDetail": ".media_detail",
    "Model": ".model",
    "ModelList": ".model_list",
    "ModelSubType": ".model_sub_type",
    "ModelType": ".model_type",
    "NamedToolChoice": ".named_tool_choice",
    "NamedToolChoiceFunction": ".named_tool_choice_function",
    "PromptTokensDetails": ".prompt_tokens_details",
    "RateLimitErrorBody": ".rate_limit_error_body",
    "ResponseFormatJsonObject": ".response_format_json_object",
    "ResponseFormatJsonSchema": ".response_format_json_schema",
    "ResponseFormatText": ".response_format_text",
    "ResponseMessage": ".response_message",
    "SystemMessage": ".system_message",
    "TextPart": ".text_part",
    "ToolCall": ".tool_call",
    "ToolCallDelta": ".tool_call_delta",
    "ToolChoiceType0": ".tool_choice_type_0",
    "ToolMessage": ".tool_message",
    "Usage": ".usage",
    "UserInfo": ".user_info",
    "UserInfoResponse": ".user_info_response",
    "UserMessage": ".user_message",
    "VideoUrlPart": ".video_url_part",
    "VideoUrlPartVideoUrl": ".video_url_part_video_url",
}
# A schema's former name -> its current one; importing a former name warns.
_FORMER_NAMES: dict[str, str] = {
    "Tool": "ChatCompletionTool",
}


def __getattr__(name: str) -> Any:
    if name in _FORMER_NAMES:
        current = _FORMER_NAMES[name]
        warnings.warn(
            f"siliconflow_api.models.{name} was renamed {current}; import {current} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return __getattr__(current)
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # the next lookup is a plain global
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = (
    "AssistantMessage",
    "AudioUrlPart",
    "AudioUrlPartAudioUrl",
    "Batch",
    "BatchCreateRequest",
    "BatchCreateRequestEndpoint",
    "BatchCreateRequestMetadata",
    "BatchList",
    "BatchMetadataType0",
    "BatchReplace",
    "BatchRequestCounts",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionRequest",
    "ChatCompletionRequestReasoningEffort",
    "ChatCompletionSseEvent",
    "ChatCompletionTool",
    "Choice",
    "ChunkChoice",
    "ChunkDelta",
    "CompletionTokensDetails",
    "ErrorBody",
    "FileList",
    "FileListResponse",
    "FileObject",
    "FileUploadRequest",
    "FileUploadRequestPurpose",
    "FileUploadResponse",
    "FunctionCall",
    "FunctionCallDelta",
    "FunctionDefinition",
    "FunctionDefinitionParameters",
    "ImageUrlPart",
    "ImageUrlPartImageUrl",
    "JsonSchemaFormat",
    "JsonSchemaFormatSchema",
    "ListFilesPurpose",
    "MediaDetail",
    "Model",
    "ModelList",
    "ModelSubType",
    "ModelType",
    "NamedToolChoice",
    "NamedToolChoiceFunction",
    "PromptTokensDetails",
    "RateLimitErrorBody",
    "ResponseFormatJsonObject",
    "ResponseFormatJsonSchema",
    "ResponseFormatText",
    "ResponseMessage",
    "SystemMessage",
    "TextPart",
    "ToolCall",
    "ToolCallDelta",
    "ToolChoiceType0",
    "ToolMessage",
    "Usage",
    "UserInfo",
    "UserInfoResponse",
    "UserMessage",
    "VideoUrlPart",
    "VideoUrlPartVideoUrl",
)
