"""Contains all the data models used in inputs/outputs"""

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
from .tool import Tool
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
    "Tool",
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
